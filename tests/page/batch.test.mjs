// The batch checker: pasted lines, a CSV file (first column), the table and the CSV download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, assertClean, shot } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const rows = (page) => page.$$eval('#batch-table tbody tr', (trs) => trs.map((tr) => ({
  input: tr.querySelector('.cell-input').textContent,
  registrable: tr.querySelector('.cell-registrable').textContent,
  verdict: tr.dataset.verdict,
  codes: [...tr.querySelectorAll('li')].map((li) => li.dataset.code),
})));

test('pasted lines give one table row each, and the CSV download has them all', async () => {
  const ctx = await openPage(browser.context);
  const { page } = ctx;
  await page.selectOption('#province', 'BJ');
  await page.fill('#batch-input', 'tencent.com\n\nhttps://www.例子.中国/a\n192.168.0.1\nmysite.asia\nuser.github.io\n=cmd|calc');
  await page.click('#batch-run');
  await page.waitForSelector('#batch-table:not([hidden])');
  const r = await rows(page);
  assert.deepEqual(r.map((x) => x.input), ['tencent.com', 'https://www.例子.中国/a', '192.168.0.1', 'mysite.asia', 'user.github.io', '=cmd|calc']);
  assert.deepEqual(r.map((x) => x.verdict), ['ok', 'warn', 'error', 'error', 'error', 'error']);
  assert.equal(r[1].registrable, '例子.中国（xn--fsqu00a.xn--fiqs8s）');
  assert.ok(r[2].codes.includes('domain.ip_address'));
  assert.ok(r[3].codes.includes('domain.tld_not_approved'));
  assert.ok(r[4].codes.includes('domain.platform_subdomain'));
  assert.match(await page.textContent('#batch-status'), /已检查 6 个域名：2 个可以备案，4 个不能备案/);

  // The province re-checks the table.
  await page.selectOption('#province', 'SH');
  assert.equal((await rows(page))[3].verdict, 'warn');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#batch-download')]);
  assert.equal(download.suggestedFilename(), 'icp-precheck-domains.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM for Excel');
  const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
  assert.equal(lines.length, 7);
  assert.match(lines[0], /^输入,主机名,备案域名/);
  assert.match(lines[2], /^https:\/\/www\.例子\.中国\/a,www\.例子\.中国,xn--fsqu00a\.xn--fiqs8s,例子\.中国,/);
  assert.match(lines[3], /domain\.ip_address/);
  assert.match(lines[6], /^'=cmd\|calc,/, 'formula-like cells are neutralised');
  await shot(page, 'desktop-batch', { fullPage: false, clip: await page.locator('#batch').boundingBox() });
  await assertClean(assert, ctx);
  await page.close();
});

test('a CSV file is read by its first column, header skipped, GBK accepted', async () => {
  const ctx = await openPage(browser.context);
  const { page } = ctx;
  await page.click('#lang-en');
  const csv = '\uFEFFdomain,owner\n"例子.中国",张三\nmysite.io,"李四, 王五"\n"a""b.com",x\n\nexample.cn,y\n';
  await page.setInputFiles('#batch-file', { name: 'domains.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.waitForSelector('#batch-table:not([hidden])');
  const r = await rows(page);
  assert.deepEqual(r.map((x) => x.input), ['例子.中国', 'mysite.io', 'a"b.com', 'example.cn']);
  assert.equal(r[0].verdict, 'ok');
  assert.equal(r[1].verdict, 'error');
  assert.equal(r[2].verdict, 'error');
  assert.match(await page.textContent('#batch-status'), /Read "domains\.csv": 4 lines\. Checked 4 domains/);
  assert.match(await page.textContent('#batch-table'), /does not accept filings for "\.io" domains/);
  assert.equal(await page.inputValue('#batch-input'), '例子.中国\nmysite.io\na"b.com\nexample.cn');

  // A text file saved by Excel on Chinese Windows (GB18030/GBK): 中文.中国 = D6D0 CEC4 2E D6D0 B9FA
  const gbk = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x2e, 0xd6, 0xd0, 0xb9, 0xfa, 0x0a]);
  await page.setInputFiles('#batch-file', { name: 'gbk.txt', mimeType: 'text/plain', buffer: gbk });
  await page.waitForFunction(() => document.querySelectorAll('#batch-table tbody tr').length === 1);
  assert.deepEqual((await rows(page)).map((x) => x.input), ['中文.中国']);
  await assertClean(assert, ctx);
  await page.close();
});
