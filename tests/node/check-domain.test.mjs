// pkg/ loaded in Node exactly as a backend would: initSync with the module's bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, checkDomain, checkDomains, rulesInfo } from '../../pkg/icp_precheck.js';

const started = performance.now();
initSync({ module: readFileSync(new URL('../../pkg/icp_precheck_bg.wasm', import.meta.url)) });
const first = checkDomain('www.例子.中国');
const firstAnswerMs = performance.now() - started;

test('first answer after initSync', () => {
  assert.equal(first.ok, true);
  console.log(`initSync to first answer: ${firstAnswerMs.toFixed(1)} ms`);
});

test('a pasted URL normalises to the registrable domain', () => {
  const r = checkDomain('https://www.例子。中国/about?x=1');
  assert.equal(r.ok, true);
  assert.equal(r.host, 'www.例子.中国');
  assert.equal(r.ascii, 'www.xn--fsqu00a.xn--fiqs8s');
  assert.equal(r.registrable, 'xn--fsqu00a.xn--fiqs8s');
  assert.equal(r.registrableUnicode, '例子.中国');
  assert.equal(r.suffix, 'xn--fiqs8s');
  assert.equal(r.tld, 'xn--fiqs8s');
  assert.equal(r.subdomain, 'www');
  assert.deepEqual(r.issues.map((i) => i.code), ['domain.stripped', 'domain.subdomain']);
  assert.deepEqual(Object.keys(r.issues[0]), ['code', 'path', 'severity', 'message', 'params']);
});

test('IP addresses in URL-parser forms are refused', () => {
  for (const input of ['192.168.0.1', '0x7f.1', '2130706433', '[::1]', '１２７。０。０。１']) {
    const r = checkDomain(input);
    assert.equal(r.ok, false, input);
    assert.equal(r.issues[0].code, 'domain.ip_address', input);
    assert.equal(r.issues[0].severity, 'error');
    assert.equal(r.issues[0].path, '');
  }
});

test('options: locale, province in every spelling, entity type', () => {
  const en = checkDomain('mysite.io', { locale: 'en' });
  assert.match(en.issues[0].message, /not among the top-level domains MIIT has approved/);
  assert.equal(en.issues[0].params.tld, 'io');
  const zh = checkDomain('mysite.io');
  assert.match(zh.issues[0].message, /工信部/);
  for (const province of ['BJ', 'CN-BJ', '北京', '京', '11']) {
    assert.equal(checkDomain('mysite.asia', { province }).ok, false, province);
  }
  assert.equal(checkDomain('mysite.asia').ok, true);
  assert.equal(checkDomain('example.gov.cn', { entityType: 'enterprise' }).ok, false);
  assert.equal(checkDomain('example.gov.cn', { entityType: '政府机关' }).ok, true);
});

test('wrong types come back as field.type, never as exceptions', () => {
  for (const input of [null, 42, true, {}, [], Symbol('x'), 10n, () => 1]) {
    const r = checkDomain(input);
    assert.equal(r.ok, false);
    assert.equal(r.issues[0].code, 'field.type', String(typeof input));
  }
  const r = checkDomain('mysite.com', 'en');
  assert.equal(r.issues[0].path, 'options');
  assert.throws(() => checkDomain(), TypeError);
  // The module still answers after all of that.
  assert.equal(checkDomain('mysite.com').ok, true);
});

test('lone surrogates and huge strings', () => {
  const lone = checkDomain('my\uD800site.com');
  assert.equal(lone.issues[0].code, 'field.encoding');
  const t = performance.now();
  const huge = checkDomain('a'.repeat(1 << 20));
  assert.equal(huge.issues[0].code, 'domain.too_long');
  assert.ok(performance.now() - t < 50, 'a 1 MB string is refused quickly');
});

test('checkDomains: one report per input, in order', () => {
  const reports = checkDomains(['mysite.com', '1.1.1.1', null, 'mysite.io']);
  assert.deepEqual(reports.map((r) => r.ok), [true, false, false, false]);
  assert.equal(checkDomains('mysite.com')[0].issues[0].code, 'field.type');
});

test('rulesInfo names every rule set with version and source', () => {
  const info = rulesInfo();
  assert.equal(info.tldAllowlist.version, '2022-08-30');
  assert.match(info.publicSuffixList.version, /^\d{4}-\d{2}-\d{2}/);
  // Provinces with any rule of their own: the seven with full profiles, and those whose only
  // rule is on the principal and the legal representative (Tencent's table of 2026).
  assert.deepEqual(info.provinces, [...new Set(info.provinces)].sort());
  for (const code of ['BJ', 'GD', 'GZ', 'JS', 'SC', 'SH', 'ZJ', 'TJ', 'HI']) assert.ok(info.provinces.includes(code), code);
  assert.equal(info.provinces.length, 31, "every province has a rule of its own (the principal and the legal representative)");
  assert.equal(info.appNames.version, '2026-11');
  assert.equal(info.registrars.version, '2026-12-01');
  assert.ok(info.registrarCount > 600, `${info.registrarCount} registrars`);
  assert.ok(info.messageCount > 30);
});
