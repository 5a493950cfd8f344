// A 375 x 667 phone: no horizontal scrolling with everything filled in; screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean, shot, settle } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('usable at 375 px without horizontal scrolling', async () => {
  const ctx = await openPage(browser.context, { viewport: { width: 375, height: 667 } });
  const { page } = ctx;
  const width = () => page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await width() <= 375, `scrollWidth ${await width()}`);
  await page.fill('#quick-input', 'https://www.一个很长很长的中文域名例子.中国/path?query=1');
  await page.waitForSelector('#quick-verdict[data-verdict="warn"]');
  await shot(page, 'phone-quick');
  await page.click('#ex-mistakes');
  await settle(page);
  assert.ok(await width() <= 375, `scrollWidth ${await width()} with the mistakes example`);
  await page.fill('#batch-input', 'tencent.com\nxn--fsqu00a.xn--fiqs8s\n192.168.0.1\naverylonglabelwithoutanybreaksaverylonglabelwithoutanybreaks.com\nuser.github.io');
  await page.click('#batch-run');
  await page.waitForSelector('#batch-table:not([hidden])');
  await page.click('#lang-en');
  await settle(page);
  assert.ok(await width() <= 375, `scrollWidth ${await width()} with the batch table, in English`);
  const tooWide = await page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((n) => n.getBoundingClientRect().right > 375.5 && n.getClientRects().length && !n.closest('.vh, .skip'))
    .map((n) => `${n.tagName}#${n.id}.${n.className}`).slice(0, 10));
  assert.deepEqual(tooWide, []);
  await page.evaluate(() => window.scrollTo(0, document.getElementById('filing').offsetTop));
  await shot(page, 'phone-form');
  await page.evaluate(() => window.scrollTo(0, document.getElementById('batch').offsetTop));
  await shot(page, 'phone-batch');
  await assertClean(assert, ctx);
  await page.close();
});
