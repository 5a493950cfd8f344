// The form functions of pkg/ as a console calls them: plain objects in, reports out,
// paths that bind to form fields, wrong types as field.type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  initSync, validateEntity, validateWebsite, validateApp, validateFiling, parseRecordNumber, checkDomain,
} from '../../pkg/icp_precheck.js';

initSync({ module: readFileSync(new URL('../../pkg/icp_precheck_bg.wasm', import.meta.url)) });

const today = '2026-11-28';
const zhangSan = {
  name: '张三',
  certificate: { type: 'resident_id', number: '11010519491231002X', validUntil: 'long-term' },
  mobile: '+86 138-0013-8000',
  emergencyMobile: '13900139000',
  email: 'zhangsan@mysite.com',
};
const enterprise = {
  province: '北京',
  entity: {
    type: '企业',
    name: '北京某某科技有限公司',
    certificate: { type: 'uscc', number: '91110000600037341L' },
    certificateAddress: '北京市朝阳区建国路88号',
    address: '北京市朝阳区建国路88号',
    responsible: zhangSan,
  },
  websites: [{ name: '某某科技产品展示', domains: ['www.mysite.com'], responsible: zhangSan }],
  apps: [{
    name: '某某助手',
    platforms: [{ platform: 'android', packageName: 'com.mysite.helper', certificateMd5: 'a1b2c3d4e5f60718293a4b5c6d7e8f90' }],
    responsible: zhangSan,
  }],
};

const codesAt = (report) => report.issues.map((i) => `${i.code}@${i.path}`);

test('validateFiling: a good filing passes', () => {
  const r = validateFiling(enterprise, { today });
  assert.equal(r.ok, true, JSON.stringify(r.issues, null, 1));
});

test('validateFiling: mistakes are reported at their fields', () => {
  const filing = structuredClone(enterprise);
  filing.entity.certificate.number = '91110000600037341X';
  filing.websites[0].domains = ['0x7f.1'];
  filing.entity.responsible.mobile = '15412345678';
  const r = validateFiling(filing, { today, locale: 'en' });
  assert.equal(r.ok, false);
  const codes = codesAt(r);
  assert.ok(codes.includes('uscc.checksum@entity.certificate.number'), codes.join('\n'));
  assert.ok(codes.includes('domain.ip_address@websites.0.domains.0'), codes.join('\n'));
  assert.ok(codes.some((c) => c.startsWith('mobile.') && c.endsWith('@entity.responsible.mobile')), codes.join('\n'));
  for (const issue of r.issues) assert.match(issue.message, /[A-Za-z]/);
});

test('validateEntity, validateWebsite, validateApp: paths are relative to their input', () => {
  const e = validateEntity({ ...enterprise.entity, responsible: { ...zhangSan, email: 'not-an-email' } }, { today, province: 'BJ' });
  assert.ok(codesAt(e).some((c) => c.endsWith('@responsible.email')), codesAt(e).join('\n'));
  const w = validateWebsite({ name: '李四的博客', domains: ['lisi.cn'], remarks: '记录生活' }, { entityType: 'individual', today });
  assert.ok(codesAt(w).includes('website.name@name'));
  const a = validateApp({ name: '某某助手', platforms: [{ platform: 'ios', packageName: 'com.my_app', certificateSha1: '00' }] });
  assert.ok(codesAt(a).some((c) => c.startsWith('app.package_name') && c.endsWith('@platforms.0.packageName')), codesAt(a).join('\n'));
  assert.ok(codesAt(a).some((c) => c.endsWith('@platforms.0.certificateSha1')));
});

test('partial: no field.required while the form is half filled', () => {
  assert.deepEqual(validateFiling({}, { partial: true }).issues, []);
  assert.ok(codesAt(validateFiling({})).includes('field.required@entity.name'));
});

test('wrong types come back as field.type at their paths', () => {
  const r = validateFiling({ entity: { name: 42, responsible: [] }, websites: 'mysite.com' }, { partial: true });
  const codes = codesAt(r);
  assert.ok(codes.includes('field.type@entity.name'), codes.join('\n'));
  assert.ok(codes.includes('field.type@entity.responsible'), codes.join('\n'));
  assert.ok(codes.includes('field.type@websites'), codes.join('\n'));
  for (const bad of [null, 1, 'x', []]) {
    const report = validateEntity(bad);
    assert.equal(report.ok, bad === null ? false : false);
  }
  assert.throws(() => validateFiling(), TypeError);
  assert.equal(checkDomain('mysite.com').ok, true, 'the module still answers');
});

test('parseRecordNumber', () => {
  const r = parseRecordNumber('京icp备１２３４５６７８号-2a');
  assert.deepEqual([r.ok, r.normalized, r.kind, r.province], [true, '京ICP备12345678号-2A', 'app', 'BJ']);
  assert.equal(parseRecordNumber('港ICP备12345678号').ok, false);
  assert.equal(parseRecordNumber(12345678).issues[0].code, 'field.type');
});
