// Markup and script payloads stay text; CSP without unsafe-inline/unsafe-eval; no inline
// styles or handlers anywhere in the rendered page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, assertClean, fieldId, settle, HERE } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1;alert(1)">',
  '<script>window.__xss=2;alert(2)</script>',
  '"><svg onload="window.__xss=3">',
  'javascript:window.__xss=4',
  '<iframe srcdoc="<script>parent.__xss=5</script>"></iframe>.com',
];

test('the CSP meta tag forbids inline script and eval; the sources avoid innerHTML and inline code', () => {
  const html = readFileSync(path.join(HERE, '../../www/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(csp, /style-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/);
  assert.doesNotMatch(html, /\son[a-z]+=/i, 'no event-handler attributes');
  assert.doesNotMatch(html, /\sstyle=/i, 'no style attributes');
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'no inline scripts');
  assert.doesNotMatch(html, /https?:\/\/(?!127\.0\.0\.1)/, 'nothing from another origin');
  const js = readFileSync(path.join(HERE, '../../www/app.js'), 'utf8');
  assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
});

test('payloads typed into every kind of field are shown as text and never run', async () => {
  const ctx = await openPage(browser.context);
  const { page } = ctx;
  const before_ = await page.evaluate(() => ({
    scripts: document.scripts.length, imgs: document.images.length,
    svgs: document.querySelectorAll('svg, iframe').length,
  }));
  for (const payload of PAYLOADS) {
    await page.fill('#quick-input', payload);
    await page.fill(fieldId('entity.name'), payload);
    await page.fill(fieldId('websites.0.name'), payload);
    await page.fill(fieldId('websites.0.domains.0'), payload);
    await page.fill(fieldId('websites.0.remarks'), payload);
    await page.fill(fieldId('entity.responsible.email'), payload);
    await settle(page);
    // The payload comes back inside messages as text.
    const quick = await page.textContent('#quick-issues');
    assert.ok(quick.length > 0);
  }
  await page.fill('#batch-input', PAYLOADS.join('\n'));
  await page.click('#batch-run');
  await page.waitForSelector('#batch-table:not([hidden])');
  await page.click('#lang-en');
  await page.click('#full-check');
  await settle(page);
  await page.waitForTimeout(300);   // let an onerror of a broken image fire, if one was created
  const after_ = await page.evaluate(() => ({
    scripts: document.scripts.length, imgs: document.images.length,
    svgs: document.querySelectorAll('svg, iframe').length,
    xss: window.__xss ?? null,
    handlers: [...document.querySelectorAll('*')].flatMap((n) => [...n.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${n.tagName}@${a.name}`)),
    styles: [...document.querySelectorAll('[style]')].map((n) => n.tagName),
  }));
  assert.equal(after_.xss, null, 'a payload ran');
  assert.deepEqual(after_.handlers, []);
  assert.deepEqual(after_.styles, [], 'no inline style attributes in the rendered page');
  assert.equal(after_.scripts, before_.scripts);
  assert.equal(after_.imgs, before_.imgs);
  assert.equal(after_.svgs, before_.svgs);
  // The texts are there, literally.
  const tableText = await page.textContent('#batch-table');
  assert.ok(tableText.includes('<img src=x onerror="window.__xss=1;alert(1)">'));
  assert.ok(tableText.includes('<script>window.__xss=2;alert(2)</script>'));
  await assertClean(assert, ctx);
  await page.close();
});
