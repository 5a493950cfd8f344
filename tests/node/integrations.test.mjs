// pkg/integrations.js in Node: the Standard Schema objects and the async-validator rules give
// the same verdicts and messages as the package's own functions, on every string the other
// tests of this folder use as input; through async-validator itself (Element Plus's engine,
// 4.x) and antd's fork (@rc-component/async-validator), both installed in examples/antd-app
// by scripts/test-integrations.sh (without them those tests are skipped, unless
// ICP_INTEGRATIONS_REQUIRED=1, which that script sets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createSchemas, isReady, pathArray, rules, schemas, whenReady } from '../../pkg/integrations.js';
import {
  initSync, checkDomain, parseRecordNumber, validateApp, validateEntity, validateFiling, validateWebsite,
} from '../../pkg/icp_precheck.js';
import { BAD_USCC, goodFiling } from '../../examples/filing-sample.mjs';

// Before the module is initialised, validate answers with a Promise that waits for it.
const early = schemas.domain['~standard'].validate('0x7f.1');
const readyBefore = isReady();
initSync({ module: readFileSync(new URL('../../pkg/icp_precheck_bg.wasm', import.meta.url)) });

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ANTD_APP = fileURLToPath(new URL('../../examples/antd-app/', import.meta.url));
const required = process.env.ICP_INTEGRATIONS_REQUIRED === '1';

// ---- the inputs of the other tests: every string literal in tests/node/*.test.mjs --------
function literals() {
  const out = new Set();
  for (const file of readdirSync(HERE)) {
    if (!file.endsWith('.test.mjs') || file === 'integrations.test.mjs') continue;
    const src = readFileSync(HERE + file, 'utf8');
    for (const m of src.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`([^`$\\]*)`/g)) {
      const raw = m[1] ?? m[2] ?? m[3];
      let text;
      try { text = m[3] !== undefined ? raw : JSON.parse(`"${raw.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`); } catch { continue; }
      if (text.length > 0 && text.length < 300 && !/^\.{0,2}\//.test(text)) out.add(text);
    }
  }
  return [...out];
}
const INPUTS = literals();
const looksLike = {
  mobile: (s) => /^[+\d][\d\s()+-]{5,}$/.test(s),
  email: (s) => s.includes('@'),
  certificate: (s) => /^[0-9A-Za-z]{8,18}$/.test(s),
  recordNumber: (s) => /ICP|备|公网安/.test(s),
};

const en = { locale: 'en' };
const errorsAt = (report, prefixes) => report.issues.filter((i) => i.severity === 'error'
  && prefixes.some((p) => i.path === p || i.path.startsWith(`${p}.`)));

/** What a rule does with `value`: `[]` when it resolves, else the messages it rejects with. */
async function ruleMessages(rule, value) {
  try {
    await rule.validator({}, value);
    return [];
  } catch (errors) {
    assert.ok(Array.isArray(errors) && errors.length > 0, 'rejects with a non-empty array');
    for (const e of errors) {
      assert.ok(e instanceof Error);
      assert.equal(typeof e.code, 'string');
      assert.ok(e.severity === 'error' || e.severity === 'warning');
    }
    return errors.map((e) => e.message);
  }
}

test('validate before init: a Promise that settles once the module is initialised', async () => {
  assert.equal(readyBefore, false);
  assert.ok(early instanceof Promise);
  const r = await early;
  assert.equal(r.issues[0].code, 'domain.ip_address');
  assert.equal(isReady(), true);
  // Once initialised it is synchronous.
  assert.ok(!(schemas.domain['~standard'].validate('mysite.com') instanceof Promise));
  await whenReady();
});

test('validate before init in a Node process that never initialises: rejects, naming initSync', () => {
  const script = `import { schemas } from ${JSON.stringify(new URL('../../pkg/integrations.js', import.meta.url).href)};
    schemas.filing['~standard'].validate({}).then(() => console.log('resolved'), (e) => console.log(e.message));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.match(out, /not initialised.*initSync/);
});

test('Standard Schema v1 shape of every schema', () => {
  for (const [kind, schema] of Object.entries(schemas)) {
    const std = schema['~standard'];
    assert.equal(std.version, 1, kind);
    assert.equal(std.vendor, 'icp-precheck', kind);
    assert.equal(typeof std.validate, 'function', kind);
    assert.equal(schema.kind, kind);
    assert.ok(Object.isFrozen(schema) && Object.isFrozen(std));
  }
  assert.deepEqual(Object.keys(schemas), ['filing', 'entity', 'website', 'app', 'domain', 'recordNumber']);
});

test('schemas.domain and schemas.recordNumber: the verdicts, messages and warnings of the functions, on every input of the other tests', () => {
  const s = createSchemas(en);
  let checked = 0;
  for (const input of INPUTS) {
    for (const [schema, fn] of [[s.domain, checkDomain], [s.recordNumber, parseRecordNumber]]) {
      const report = fn(input, en);
      const r = schema['~standard'].validate(input);
      const errors = report.issues.filter((i) => i.severity === 'error');
      const warnings = report.issues.filter((i) => i.severity === 'warning');
      if (report.ok) {
        assert.equal(r.issues, undefined, input);
        assert.equal(r.value, input);
      } else {
        assert.deepEqual(r.issues.map((i) => i.message), errors.map((i) => i.message), input);
        assert.deepEqual(r.issues.map((i) => i.code), errors.map((i) => i.code));
        assert.ok(!('value' in r));
      }
      assert.deepEqual(r.warnings.map((i) => [i.code, i.message, i.severity]), warnings.map((i) => [i.code, i.message, i.severity]));
      assert.deepEqual(r.report, report);
      checked += 1;
    }
  }
  assert.ok(checked > 400, `${checked} inputs`);
});

test('issues: array paths with numeric indices; code, severity and params kept', () => {
  const filing = goodFiling();
  filing.entity.certificate.number = BAD_USCC;
  filing.websites[0].domains = ['mysite.com', '0x7f.1'];
  const r = createSchemas(en).filing['~standard'].validate(filing);
  const byCode = Object.fromEntries(r.issues.map((i) => [i.code, i]));
  assert.deepEqual(byCode['uscc.checksum'].path, ['entity', 'certificate', 'number']);
  assert.deepEqual(byCode['domain.ip_address'].path, ['websites', 0, 'domains', 1]);
  assert.equal(byCode['uscc.checksum'].severity, 'error');
  assert.deepEqual(byCode['uscc.checksum'].params, { expected: 'L', found: 'X' });
  assert.match(byCode['uscc.checksum'].message, /check character/);
  // The value itself: no path at all.
  const d = schemas.domain['~standard'].validate('0x7f.1');
  assert.ok(!('path' in d.issues[0]));
  assert.deepEqual(pathArray('websites.10.domains.0'), ['websites', 10, 'domains', 0]);
  assert.deepEqual(pathArray('a.01'), ['a', '01']);
  assert.equal(pathArray(''), undefined);
});

test('schemas.filing / entity / website / app: the verdicts of validate*, with the paths as arrays', () => {
  const filing = goodFiling();
  const cases = [
    [schemas.filing, validateFiling, filing], [schemas.filing, validateFiling, {}], [schemas.filing, validateFiling, 5],
    [schemas.entity, validateEntity, filing.entity], [schemas.entity, validateEntity, { responsible: { mobile: '15412345678' } }],
    [schemas.website, validateWebsite, filing.websites[0]], [schemas.website, validateWebsite, { domains: ['1.1.1.1'] }],
    [schemas.app, validateApp, { name: '某某助手', platforms: [{ platform: 'android', packageName: 'com.mysite.helper', certificateMd5: 'a1b2' }] }],
  ];
  for (const [schema, fn, value] of cases) {
    const report = fn(value);
    const r = schema['~standard'].validate(value);
    assert.equal(r.issues === undefined, report.ok, JSON.stringify(value));
    const errors = report.issues.filter((i) => i.severity === 'error');
    assert.deepEqual((r.issues || []).map((i) => [i.code, i.path]), errors.map((i) => [i.code, pathArray(i.path)]));
  }
});

test('warnings travel on the result; warningsFail makes them issues; with() and createSchemas merge options', () => {
  const ok = schemas.domain['~standard'].validate('www.mysite.com');
  assert.equal(ok.value, 'www.mysite.com');
  assert.deepEqual(ok.warnings.map((w) => w.code), ['domain.subdomain']);
  assert.match(ok.warnings[0].message, /备案/);
  const strict = schemas.domain.with({ warningsFail: true, locale: 'en' });
  const failed = strict['~standard'].validate('www.mysite.com');
  assert.deepEqual(failed.issues.map((w) => [w.code, w.severity]), [['domain.subdomain', 'warning']]);
  assert.match(failed.issues[0].message, /sub-domain/);
  assert.deepEqual(strict.options, { warningsFail: true, locale: 'en' });
  assert.deepEqual(schemas.domain.options, {});
  const beijing = createSchemas({ province: '北京', locale: 'en' }).domain;
  assert.equal(schemas.domain['~standard'].validate('mysite.me').issues, undefined);
  assert.equal(beijing['~standard'].validate('mysite.me').issues[0].code, 'domain.tld_not_approved');
  assert.deepEqual(beijing.with({ province: 'SH' }).options, { province: 'SH', locale: 'en' });
});

test('rules.domain / recordNumber: rejects exactly when the function has errors, with its messages', async () => {
  const domain = rules.domain(en);
  const record = rules.recordNumber(en);
  for (const input of INPUTS) {
    if (input.trim() === '') continue;
    assert.deepEqual(await ruleMessages(domain, input), errorsAt(checkDomain(input, en), ['']).map((i) => i.message), input);
    if (looksLike.recordNumber(input)) {
      assert.deepEqual(await ruleMessages(record, input), errorsAt(parseRecordNumber(input, en), ['']).map((i) => i.message), input);
    }
  }
});

test('rules.mobile / email / certificate: the verdicts of validateEntity at that field', async () => {
  const options = { locale: 'en', province: '北京', today: '2026-11-28' };
  const mobile = rules.mobile(options);
  const email = rules.email(options);
  const uscc = rules.certificate('uscc', options);
  const enterpriseUscc = rules.certificate('uscc', Object.assign({ entityType: 'enterprise' }, options));
  const id = rules.certificate('resident_id', options);
  const principalId = rules.certificate('resident_id', Object.assign({ holder: 'principal' }, options));
  const partial = Object.assign({ partial: true }, options);
  let n = 0;
  for (const input of INPUTS) {
    if (input.trim() === '') continue;
    if (looksLike.mobile(input)) {
      n += 1;
      assert.deepEqual(await ruleMessages(mobile, input), errorsAt(validateEntity({ responsible: { mobile: input } }, partial), ['responsible.mobile']).map((i) => i.message), input);
    }
    if (looksLike.email(input)) {
      n += 1;
      assert.deepEqual(await ruleMessages(email, input), errorsAt(validateEntity({ responsible: { email: input } }, partial), ['responsible.email']).map((i) => i.message), input);
    }
    if (looksLike.certificate(input)) {
      n += 1;
      const at = ['certificate.number', 'certificate.type'];
      assert.deepEqual(await ruleMessages(uscc, input), errorsAt(validateEntity({ certificate: { type: 'uscc', number: input } }, partial), at).map((i) => i.message), input);
      assert.deepEqual(await ruleMessages(enterpriseUscc, input), errorsAt(validateEntity({ type: 'enterprise', certificate: { type: 'uscc', number: input } }, partial), at).map((i) => i.message), input);
      assert.deepEqual(await ruleMessages(id, input), errorsAt(validateEntity({ certificate: { type: 'resident_id', number: input } }, partial), at).map((i) => i.message), input);
      assert.deepEqual(await ruleMessages(principalId, input), errorsAt(validateEntity({ responsible: { certificate: { type: 'resident_id', number: input } } }, partial), at.map((p) => `responsible.${p}`)).map((i) => i.message), input);
    }
  }
  assert.ok(n > 30, `${n} inputs`);
  // Known answers, so that the loop above is not vacuous.
  assert.equal((await ruleMessages(uscc, BAD_USCC)).length, 1);
  assert.deepEqual(await ruleMessages(uscc, '91110000600037341L'), []);
  assert.equal((await ruleMessages(mobile, '15412345678')).length, 1);
  assert.deepEqual(await ruleMessages(mobile, '13800138000'), []);
  assert.equal((await ruleMessages(email, 'x@')).length, 1);
  assert.equal((await ruleMessages(id, '110105194912310021')).length, 1);
});

test('rules: empty values, required, warning rules, warningsFail', async () => {
  for (const empty of [undefined, null, '', '   ']) {
    assert.deepEqual(await ruleMessages(rules.domain(), empty), []);
    assert.deepEqual(await ruleMessages(rules.mobile(), empty), []);
  }
  assert.deepEqual(await ruleMessages(rules.domain({ required: true, locale: 'en' }), ''), [checkDomain('', en).issues[0].message]);
  assert.deepEqual(await ruleMessages(rules.mobile({ required: true, locale: 'en' }), ''), ['This field is required.']);
  const warning = rules.domain({ severity: 'warning' });
  assert.equal(warning.warningOnly, true);
  assert.equal(rules.domain().warningOnly, undefined);
  assert.deepEqual(await ruleMessages(warning, 'www.mysite.com'), [checkDomain('www.mysite.com').issues[0].message]);
  assert.deepEqual(await ruleMessages(warning, '0x7f.1'), [], 'a warning rule ignores errors');
  assert.deepEqual(await ruleMessages(rules.domain(), 'www.mysite.com'), []);
  assert.equal((await ruleMessages(rules.domain({ warningsFail: true }), 'www.mysite.com')).length, 1);
  try {
    await rules.domain(en).validator({}, '0x7f.1');
    assert.fail('resolved');
  } catch ([e]) {
    assert.equal(e.code, 'domain.ip_address');
    assert.equal(e.severity, 'error');
    assert.equal(e.path, '');
    assert.deepEqual(e.params, { host: '0x7f.1', address: '127.0.0.1', version: 4 });
  }
});

test('rules.form: per-field rules from one validateFiling of the whole form, setFields data', async () => {
  const form = rules.form('filing', en);
  const values = goodFiling();
  values.entity.certificate.number = BAD_USCC;
  values.websites[0].domains[0] = 'www.mysite.com';
  const antd = { getFieldsValue: (all) => { assert.equal(all, true); return values; } };
  const [errorRule, warningRule] = form.field(['entity', 'certificate', 'number']).map((render) => render(antd));
  assert.equal(warningRule.warningOnly, true);
  assert.match((await ruleMessages(errorRule, BAD_USCC))[0], /check character/);
  assert.deepEqual(await ruleMessages(warningRule, BAD_USCC), []);
  const [domainError, domainWarning] = form.field(['websites', 0, 'domains', 0]).map((render) => render(antd));
  assert.deepEqual(await ruleMessages(domainError, 'www.mysite.com'), []);
  assert.match((await ruleMessages(domainWarning, 'www.mysite.com'))[0], /sub-domain/);
  // A field whose name is an object's: the findings below it.
  const [entityRule] = form.field('entity').map((render) => render(antd));
  assert.equal((await ruleMessages(entityRule, values.entity)).length, 1);
  // One check for the same values.
  assert.equal(form.validate(values), form.validate(JSON.parse(JSON.stringify(values))));
  // Element Plus style: a plain rule reading the model.
  const plain = form.rule('entity.certificate.number', () => values);
  assert.equal((await ruleMessages(plain, BAD_USCC)).length, 1);
  assert.deepEqual(form.fields(values), [
    { name: ['entity', 'certificate', 'number'], errors: [validateFiling(values, en).issues[0].message], warnings: [] },
    { name: ['websites', 0, 'domains', 0], errors: [], warnings: [checkDomain('www.mysite.com', en).issues[0].message] },
  ]);
  assert.throws(() => rules.form('person'), TypeError);
});

// ---- through async-validator itself -----------------------------------------------------
function engine(name) {
  const packageJson = `${ANTD_APP}package.json`;
  if (!existsSync(`${ANTD_APP}node_modules`)) return null;
  try {
    const mod = createRequire(packageJson)(name);
    return mod.default || mod;
  } catch {
    return null;
  }
}

for (const name of ['async-validator', '@rc-component/async-validator']) {
  const Schema = engine(name);
  const skip = Schema === null && !required ? `${name} is not installed (bash scripts/test-integrations.sh installs it)` : false;
  test(`${name}: the rules inside the engine give the package's verdicts and messages`, { skip }, async () => {
    assert.ok(Schema, `${name} is installed in examples/antd-app`);
    if (Schema.warning) Schema.warning = () => {};
    const descriptor = {
      domain: [rules.domain(en)],
      uscc: [{ required: true, message: 'required' }, rules.certificate('uscc', en)],
      mobile: [rules.mobile(Object.assign({ required: true }, en))],
      email: [rules.email(en)],
    };
    const validator = new Schema(descriptor);
    const run = (source) => validator.validate(source).then(() => null, (e) => e);
    assert.equal(await run({ domain: 'www.例子。中国', uscc: '91110000600037341L', mobile: '13800138000', email: 'a@mysite.com' }), null);
    const bad = await run({ domain: '0x7f.1', uscc: BAD_USCC, mobile: '', email: 'x@' });
    assert.ok(bad && Array.isArray(bad.errors), 'rejects with { errors, fields }');
    const fields = Object.fromEntries(Object.entries(bad.fields).map(([k, v]) => [k, v.map((e) => e.message)]));
    assert.deepEqual(fields.domain, [checkDomain('0x7f.1', en).issues[0].message]);
    assert.deepEqual(fields.uscc, errorsAt(validateEntity({ certificate: { type: 'uscc', number: BAD_USCC } }, en), ['certificate.number']).map((i) => i.message));
    assert.deepEqual(fields.mobile, ['This field is required.']);
    assert.equal(fields.email.length, 1);
    // The findings' members survive the engine.
    const e = bad.fields.domain[0];
    assert.equal(e.code, 'domain.ip_address');
    assert.equal(e.field, 'domain');
    // Every input of the other tests, field by field.
    const one = new Schema({ d: rules.domain(en) });
    for (const input of INPUTS.slice(0, 400)) {
      if (input.trim() === '') continue;
      const r = await one.validate({ d: input }).then(() => [], (x) => x.errors.map((y) => y.message));
      assert.deepEqual(r, errorsAt(checkDomain(input, en), ['']).map((i) => i.message), input);
    }
  });
}
