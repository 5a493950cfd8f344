// Domain verification through pkg/ as a console calls it: WHOIS text, RDAP text or objects,
// or its own registration objects; the holder against the filing entity; validateFiling with
// registrations; checkServer with its lazily loaded IP data; and hostile input, answered with
// an issue within 250 ms and never an exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  initSync, checkRegistration, parseWhois, parseRdap, validateFiling, checkServer, loadServerRegions,
} from '../../pkg/index.js';

initSync({ module: readFileSync(new URL('../../pkg/icp_precheck_bg.wasm', import.meta.url)) });

const fixture = (name) => readFileSync(new URL(`../fixtures/registration/${name}`, import.meta.url), 'utf8');
const expected = JSON.parse(fixture('expected.json'));
const today = '2026-12-01';
const codes = (report) => report.issues.map((i) => `${i.severity} ${i.code} ${i.path}`);

test('every fixture parses in pkg/ as natively', () => {
  for (const [file, want] of Object.entries(expected)) {
    if (want.format === 'not-found' || want.format === 'rdap-error') continue;
    const text = fixture(file);
    const read = file.endsWith('.json') ? parseRdap(text) : parseWhois(text);
    assert.equal(read.format, want.format, file);
    assert.equal(read.registrar ?? null, want.registrar, file);
    assert.equal(read.expiresAt ?? null, want.expiresAt, file);
    assert.equal(read.holder ?? null, want.holder, file);
    // An RDAP answer as an object reads the same as its text.
    if (file.endsWith('.json')) assert.deepEqual(parseRdap(JSON.parse(text)), read, file);
  }
});

test('the five points on real answers, with checks for what could not be known', () => {
  const report = checkRegistration(fixture('whois-godaddy.com.txt'), { today, locale: 'en' });
  assert.ok(codes(report).includes('error registration.registrar_not_approved registrar'), codes(report).join('\n'));
  assert.equal(report.checks.registrar, 'failed');
  assert.equal(report.registration.registrarIanaId, 146);
  const west = checkRegistration(fixture('rdap-bitcoin.top.json'), { today });
  assert.equal(west.checks.registrar, 'passed');
  assert.equal(west.checks.holder, 'unknown', 'no entity given');
});

test('the holder against the entity, a registration object from a console', () => {
  const entity = { type: 'enterprise', name: '北京例子科技有限公司（分公司）', responsible: { name: '张三' } };
  const registration = {
    domain: 'mysite.cn', registrar: '阿里云计算有限公司（万网）', holder: '北京例子科技有限公司(分公司)',
    realNameVerified: true, expiresAt: '2029-01-01', status: ['ok'],
  };
  const good = checkRegistration(registration, { today, entity, domain: 'www.mysite.cn' });
  assert.deepEqual(good.issues, []);
  assert.deepEqual(good.checks, { domain: 'passed', registrar: 'passed', validity: 'passed', status: 'passed', realName: 'passed', holder: 'passed' });
  const other = checkRegistration({ ...registration, holder: '上海别家有限公司' }, { today, entity, locale: 'en' });
  assert.deepEqual(codes(other), ['error registration.holder_mismatch holder']);
  assert.match(other.issues[0].message, /上海别家有限公司/);
  const recent = checkRegistration({ ...registration, realNameVerifiedAt: '2026-11-30' }, { today });
  assert.deepEqual(codes(recent), ['warning registration.real_name_recent realNameVerifiedAt']);
  const shanghai = checkRegistration({ ...registration, expiresAt: '2027-04-01' }, { today, province: '上海' });
  assert.deepEqual(codes(shanghai), ['warning registration.expiring expiresAt']);
  assert.equal(shanghai.issues[0].params.min_days, 180);
  // Wrong types in the object: field.type at the field, the rest still checked.
  const typed = checkRegistration({ ...registration, registrarIanaId: 'x', status: 'ok', realNameVerified: 'yes' }, { today });
  assert.deepEqual(codes(typed).filter((c) => c.includes('field.type')).sort(), [
    'error field.type realNameVerified', 'error field.type registrarIanaId', 'error field.type status']);
});

test('validateFiling: registrations matched to each website domain, paths under the website', () => {
  const filing = {
    province: '北京',
    entity: { type: '企业', name: '北京例子科技有限公司' },
    websites: [{
      name: '例子科技产品展示', domains: ['www.mysite.com'],
      registrations: [
        fixture('whois-godaddy.com.txt'),
        { domain: 'mysite.com', registrar: 'GoDaddy.com, LLC', registrarIanaId: 146, holder: '别家公司', expiresAt: '2030-01-01' },
      ],
    }],
  };
  const report = validateFiling(filing, { today, partial: true });
  const ours = codes(report).filter((c) => c.includes('registrations'));
  assert.ok(ours.includes('warning registration.domain_mismatch websites.0.registrations.0.domain'), ours.join('\n'));
  assert.ok(ours.includes('error registration.registrar_not_approved websites.0.registrations.1.registrar'), ours.join('\n'));
  assert.ok(ours.includes('error registration.holder_mismatch websites.0.registrations.1.holder'), ours.join('\n'));
  assert.equal(report.ok, false);
});

test('checkServer loads its data on first use and says where a server is', async () => {
  const [mainland, abroad, hongKong, privateIp, bad] = await Promise.all(
    ['114.114.114.114', '8.8.8.8', '103.235.46.39', '192.168.1.10', 'example.com'].map((ip) => checkServer(ip, { locale: 'en' })));
  assert.equal(mainland.region, 'mainland');
  assert.ok(mainland.ok);
  assert.match(mainland.source.licence, /CC BY-SA/);
  assert.deepEqual([abroad.region, codes(abroad)], ['other', ['error server.not_mainland ']]);
  assert.equal(hongKong.region, 'hong_kong');
  assert.match(hongKong.issues[0].message, /Hong Kong/);
  assert.deepEqual(codes(privateIp), ['error server.not_public ']);
  assert.deepEqual(codes(bad), ['error server.invalid ']);
  const v6 = await checkServer('[2400:3200::1]');
  assert.deepEqual([v6.ip, v6.region], ['2400:3200::1', 'mainland']);
  // Bad data is refused; good data loaded again is taken.
  await assert.rejects(loadServerRegions(new Uint8Array([1, 2, 3])));
  await loadServerRegions(readFileSync(new URL('../../pkg/server-regions.bin', import.meta.url)));
  assert.equal((await checkServer('223.5.5.5')).region, 'mainland');
});

test('hostile input: an issue within 250 ms, never an exception', () => {
  const megabyteWhois = 'Domain Status: ok\n'.repeat(58_000);
  const inputs = [
    megabyteWhois, 'x'.repeat(2 << 20), '{"ldhName":"a.com","events":['.repeat(5000), '['.repeat(200_000), '{"a":"\ud800"}',
    null, 42, true, [], {}, () => 1, Symbol('x'), 10n, 'No matching record.', '\ud800\udc00'.repeat(1000),
    { ldhName: 5 }, { ldhName: 'a.com', events: 'x', entities: [1, null, { roles: 'registrar' }], status: {} },
    { objectClassName: 'domain', ldhName: 'a.com', entities: [{ roles: ['registrar'], vcardArray: ['vcard', 'x'] }] },
    { errorCode: 404 }, { errorCode: 'x' }, new Proxy({}, { ownKeys() { throw new Error('trap'); } }),
  ];
  let deep = {};
  for (let i = 0; i < 1000; i += 1) deep = { ldhName: 'a.com', entities: [deep] };
  inputs.push(deep);
  for (const input of inputs) {
    const started = performance.now();
    const report = checkRegistration(input, { today });
    const took = performance.now() - started;
    assert.ok(took < 250, `${String(input).slice(0, 40)}: ${took} ms`);
    assert.ok(Array.isArray(report.issues) && 'checks' in report, String(input).slice(0, 40));
    assert.equal(typeof parseWhois(input), 'object');
    assert.equal(typeof parseRdap(input), 'object');
  }
  // Only a call with no argument throws.
  assert.throws(() => checkRegistration(), TypeError);
  assert.equal(checkRegistration(null).issues[0].code, 'field.required');
});

test('Jiangsu: a principal mobile from another province is checked once the prefix data is loaded', async () => {
  const { validateEntity: validate, loadMobileRegions } = await import('../../pkg/index.js');
  // 13800138000 is a Beijing number (China Mobile's 1380013).
  const entity = { type: '企业', responsible: { name: '张三', mobile: '13800138000' } };
  const codesOf = () => validate(entity, { province: '江苏', partial: true, today }).issues.filter((i) => i.code.startsWith('mobile.province'));
  const before = codesOf();
  assert.deepEqual(before.map((i) => [i.code, i.params.reason]), [['mobile.province_unchecked', 'data_unavailable']]);
  await loadMobileRegions();
  const after = codesOf();
  assert.deepEqual(after.map((i) => [i.code, i.severity, i.path]), [['mobile.province', 'error', 'responsible.mobile']]);
  await assert.rejects(loadMobileRegions(new Uint8Array(16)));
});
