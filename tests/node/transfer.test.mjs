// checkDomain and checkDomains send reports as spans and message templates that JavaScript
// assembles (src/wasm/transfer.rs, transfer.js). This compares what they build, to the
// character, with the same reports rendered in Rust and sent as JSON (__checkDomainRendered,
// a test-only export), on the benchmark corpus and on inputs chosen to reach every kind of
// text: slices of the input, of a field, static texts, bytes, numbers, display values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { initSync, checkDomain, checkDomains, __checkDomainRendered } from '../../pkg/icp_precheck.js';
import { generate } from '../../bench/corpus.mjs';

initSync({ module: readFileSync(new URL('../../pkg/icp_precheck_bg.wasm', import.meta.url)) });

const chosen = [
  '', ' ', '.', '..', 'a..b', '-', 'example.com..', '0x7f.1', '2130706433', '[::1]', 'http://[fe80::1%25eth0]:80/',
  '1::2::3', 'http://%30x7f.1/', 'ＥＸＡＭＰＬＥ.com', '１２７。１', 'Example.COM', 'www.gov.cn', 'x.edu.cn',
  'example.政务.cn', 'user.github.io', 'a.b.user.github.io', 'github.io', 'com.cn', 'example.citic', 'example.me',
  'example.io', 'example.de', 'example.xyzzy', 'localhost', 'printer.local', 'ab--cd.com', 'a-.com', 'xn--zz.com',
  'a\u200Db.com', 'a\u05D01.com', 'exa mple.com', 'exa_mple.com', '例子.中国', 'www.例子.中国', '例子.公司',
  'https://用户:密码@www.例子.中国:8443/路径?查询#片段', 'ｈｔｔｐｓ：／／ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ／',
  '\uFEFFexample.com\u200B', '😀.com', 'Ⅻ.com', `${'a'.repeat(64)}.com`, `${'abcdefghi.'.repeat(26)}com`,
  'x'.repeat(5000), 'ab\uD800c.com', 'a\uFFFDb.com', 42, null, true, {}, [], undefined,
];
const optionSets = [
  undefined,
  { locale: 'en' },
  { locale: 'en', province: 'BJ' },
  { province: '北京' },
  { locale: 'en', entityType: 'individual' },
  { entityType: '政府机关' },
  { locale: 'fr', province: '火星', entityType: 'alien' },
  'en',
  // Read by transfer.js's optionsKey, or field by field where it declines: same answers.
  Object.create({ locale: 'en' }),
  { locale: 'en', extra: 1, partial: true, today: '2026-11-28' },
  { partial: 'yes', today: 'not a date' },
  { locale: new String('en') },
  { province: 'x'.repeat(100) },
  { locale: 'en\0zh-CN' },
  { province: '北京😀' },
  { locale: null, province: undefined },
  [],
];

function same(inputs, options) {
  const batch = checkDomains(inputs, options);
  assert.equal(batch.length, inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const reference = JSON.stringify(__checkDomainRendered(inputs[i], options));
    const label = `${JSON.stringify(inputs[i])} with ${JSON.stringify(options)}`;
    assert.equal(JSON.stringify(checkDomain(inputs[i], options)), reference, `checkDomain(${label})`);
    assert.equal(JSON.stringify(batch[i]), reference, `checkDomains([…${label}…])`);
  }
}

test('chosen inputs: every option set, identical to the Rust-rendered reports', () => {
  for (const options of optionSets) same(chosen, options);
});

test('20,000 corpus inputs in three option sets: identical to the Rust-rendered reports', () => {
  const corpus = generate(20_000).inputs;
  for (const options of [undefined, { locale: 'en', province: 'BJ' }, { locale: 'en', entityType: 'individual' }]) {
    same(corpus, options);
  }
});

test('batches that are not arrays, or too long, match too', () => {
  for (const inputs of ['example.com', null, 7, { length: 2, 0: 'a.com', 1: 'b.com' }]) {
    const reports = checkDomains(inputs, { locale: 'en' });
    assert.equal(reports.length, 1);
    assert.equal(reports[0].ok, false);
    assert.equal(reports[0].input, '');
    assert.deepEqual(reports[0].issues.map((i) => [i.code, i.path, i.params.expected]), [['field.type', '', 'array']]);
  }
  const long = checkDomains(new Array(100_003).fill('example.com'));
  assert.equal(long.length, 100_001);
  assert.equal(long.at(-1).issues[0].code, 'field.too_many');
  assert.equal(long.at(-1).issues[0].params.count, 100_003);
});

test('texts keep their place when memory grows between calls', () => {
  const before = checkDomain('www.例子.中国');
  checkDomains(new Array(50_000).fill('https://a-rather-long-host-name.example.com.cn/with/a/path?and=query'));
  assert.deepEqual(checkDomain('www.例子.中国'), before);
});

test('options read again when the same object changes between calls', () => {
  const options = { locale: 'zh-CN' };
  const zh = checkDomain('example.io', options);
  options.locale = 'en';
  const en = checkDomain('example.io', options);
  assert.notEqual(zh.issues[0].message, en.issues[0].message);
  assert.equal(JSON.stringify(en), JSON.stringify(__checkDomainRendered('example.io', { locale: 'en' })));
  options.province = 'BJ';
  assert.equal(JSON.stringify(checkDomain('example.io', options)), JSON.stringify(__checkDomainRendered('example.io', { locale: 'en', province: 'BJ' })));
});
