// 'icp-precheck/domain' (pkg/domain.js): the domain checks in a module of their own, built
// without the forms. It must answer exactly as the full package does, in both locales, with
// every option set and on hostile input: its message catalogue keeps only the domain's and the
// input's codes (bake/src/catalogue.rs, DOMAIN_FILES), so a code it reports but lacks would show
// here as a different message. Its JavaScript build (no WebAssembly) is held to the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { brotliCompressSync, constants } from 'node:zlib';
import * as full from '../../pkg/icp_precheck.js';
import * as domain from '../../pkg/domain.js';
import { generate } from '../../bench/corpus.mjs';

const pkg = (name) => new URL(`../../pkg/${name}`, import.meta.url);
full.initSync({ module: readFileSync(pkg('icp_precheck_bg.wasm')) });
domain.initSync({ module: readFileSync(pkg('icp_precheck_domain_bg.wasm')) });

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const inputs = [
  ...generate().inputs,   // the benchmarks' seeded corpus of 100,000 pasted inputs
  ...[...fixture('test_psl.txt').matchAll(/^checkPublicSuffix\('([^']*)'/gm)].map((m) => m[1]),
  '', ' ', 'a..b', '\uD800.com', `${'a'.repeat(300)}.com`, 'x'.repeat(5000), '[::1]', '0x7f.1', 'localhost',
  'http://user:pw@例子.中国:8080/a?b#c', 'xn--zz.com', 'gov.cn', 'a.gov.cn', 'ｗｗｗ．ｅｘａｍｐｌｅ．ｃｎ',
];
const hostile = [undefined, null, 42, true, {}, [], ['a.com'], { toString: () => 'a.com' }, 'a\u0000b.com'];
const OPTIONS = [
  {},
  { locale: 'en', today: '2025-06-01' },
  { locale: 'zh-CN', province: '北京', entityType: 'government' },
  { locale: 'en', province: 'JS', entityType: 'individual', today: '2026-12-01' },
  { locale: 'fr', province: 'nowhere', today: 'yesterday', entityType: 7 },   // every option wrong
  null,
];

test(`checkDomains: ${inputs.length} inputs under ${OPTIONS.length} option sets, as the full package`, () => {
  for (const options of OPTIONS) {
    const want = full.checkDomains(inputs, options);
    const got = domain.checkDomains(inputs, options);
    const differing = got.map((r, i) => [inputs[i], r, want[i]]).filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b));
    assert.deepEqual(differing.slice(0, 2), [], `${differing.length} differ with options ${JSON.stringify(options)}`);
  }
});

test('checkDomain: hostile values and wrong types, as the full package', () => {
  for (const options of OPTIONS) {
    for (const value of [...hostile, ...inputs.slice(0, 200)]) {
      assert.deepEqual(domain.checkDomain(value, options), full.checkDomain(value, options), `${String(value)} ${JSON.stringify(options)}`);
    }
    assert.deepEqual(domain.checkDomains(hostile, options), full.checkDomains(hostile, options));
    assert.deepEqual(domain.checkDomains('not a list', options), full.checkDomains('not a list', options));
  }
  assert.throws(() => domain.checkDomain(), /needs its first argument/);
});

test('rulesInfo: the same rule versions, without the forms-only data', () => {
  const a = full.rulesInfo();
  const b = domain.rulesInfo();
  for (const key of Object.keys(b)) {
    if (key !== 'messageCount') assert.deepEqual(b[key], a[key], key);
  }
  assert.deepEqual(Object.keys(a).filter((k) => !(k in b)).sort(), ['appNames', 'appPlatforms', 'mobileSegments', 'phoneMetadata', 'registrarCount', 'registrars', 'usccKinds']);
  assert.ok(b.messageCount < a.messageCount, `${b.messageCount} messages of ${a.messageCount}`);
  assert.equal(typeof domain.validateFiling, 'undefined');
});

test('without WebAssembly: the domain entry loads its JavaScript build, same answers', () => {
  const script = `
    delete globalThis.WebAssembly;
    const api = await import(${JSON.stringify(pkg('domain.js').href)});
    await api.default();
    process.stdout.write(JSON.stringify({ backend: api.backend(), reports: api.checkDomains(${JSON.stringify(inputs.slice(0, 500))}, { locale: 'en' }) }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 64 << 20 }));
  assert.equal(out.backend, 'js');
  assert.deepEqual(out.reports, full.checkDomains(inputs.slice(0, 500), { locale: 'en' }));
});

test('the domain entry downloads less than the full package', () => {
  const br = (name) => brotliCompressSync(readFileSync(pkg(name)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  // domain.js is one file: its loader and glue are bundled in (scripts/build-pkg.sh).
  const domainPath = ['domain.js', 'icp_precheck_domain_bg.wasm'].map(br).reduce((a, b) => a + b);
  const fullPath = ['index.js', 'loader.js', 'icp_precheck.js', 'icp_precheck_bg.wasm', 'data.js', 'rdap.js', 'integrations.js'].map(br).reduce((a, b) => a + b);
  console.log(`brotli: domain entry ${domainPath} B, full entry ${fullPath} B (${(100 * domainPath / fullPath).toFixed(0)} %); `
    + `.wasm ${statSync(pkg('icp_precheck_domain_bg.wasm')).size} B raw against ${statSync(pkg('icp_precheck_bg.wasm')).size}`);
  assert.ok(domainPath < 0.7 * fullPath, `domain entry ${domainPath} B, full ${fullPath} B`);
});
