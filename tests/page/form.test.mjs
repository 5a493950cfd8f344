// The filing form: findings beside the field their path names, summary, examples, keyboard use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, openPage, assertClean, shot, findingsAt, findingsUnder, fieldId, settle, pkgHasValidateFiling,
} from './lib.mjs';

const FULL = pkgHasValidateFiling();
if (!FULL) console.log('pkg/ has no validateFiling yet: only the domain fields of the form are checked; the other expectations are skipped');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const codes = (list) => (list || []).map((f) => f.code);
const countItems = (page, list) => page.evaluate((l) => [...document.querySelectorAll('fieldset[data-group-path]')]
  .filter((f) => new RegExp(`^${l}\\.\\d+$`).test(f.dataset.groupPath)).length, list);

test('typing a domain into a website shows its finding beside that domain field', async () => {
  const ctx = await openPage(browser.context);
  const { page } = ctx;
  const domain0 = fieldId('websites.0.domains.0');
  await page.locator(domain0).pressSequentially('192.168.1.10');
  await settle(page);
  const found = await findingsAt(page, 'websites.0.domains.0');
  assert.deepEqual(codes(found), ['domain.ip_address']);
  assert.equal(found[0].path, 'websites.0.domains.0');
  assert.equal(await page.getAttribute(domain0, 'aria-invalid'), 'true');
  const describedBy = (await page.getAttribute(domain0, 'aria-describedby')).split(' ');
  assert.ok(describedBy.includes(`${domain0.slice(1)}-msg`), 'field is described by its messages');
  // Summary: count announced, item focuses the field.
  assert.equal(await page.getAttribute('#summary-live', 'aria-live'), 'polite');
  assert.equal(await page.getAttribute('#summary-live', 'data-errors'), '1');
  await page.fill(domain0, 'www.例子.中国');
  await settle(page);
  assert.deepEqual(codes(await findingsAt(page, 'websites.0.domains.0')).filter((c) => c !== 'domain.subdomain' && c !== 'domain.stripped'), []);
  assert.equal(await page.getAttribute(domain0, 'aria-invalid'), 'false');
  const norm = await page.textContent(`${domain0}-norm`);
  assert.match(norm, /例子\.中国（xn--fsqu00a\.xn--fiqs8s）/);
  assert.match(norm, /www\.xn--fsqu00a\.xn--fiqs8s/);

  // Add a second domain by keyboard and make it wrong: the finding lands on domains.1.
  await page.focus('button[data-action="add-domain"][data-list="websites.0.domains"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), fieldId('websites.0.domains.1').slice(1));
  await page.keyboard.type('mysite.io');
  await settle(page);
  assert.deepEqual(codes(await findingsAt(page, 'websites.0.domains.1')), ['domain.tld_not_approved']);
  // Clicking the summary item focuses that field.
  await page.click('#summary-list button[data-path="websites.0.domains.1"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), fieldId('websites.0.domains.1').slice(1));
  // Removing the first domain moves the second into its place, with its finding.
  await page.click('button[data-action="remove-item"][data-list="websites.0.domains"][data-index="0"]');
  await settle(page);
  assert.equal(await page.inputValue(domain0), 'mysite.io');
  assert.deepEqual(codes(await findingsAt(page, 'websites.0.domains.0')), ['domain.tld_not_approved']);
  // An empty middle domain keeps later findings on the right field.
  await page.click('button[data-action="add-domain"][data-list="websites.0.domains"]');
  await page.click('button[data-action="add-domain"][data-list="websites.0.domains"]');
  await page.fill(fieldId('websites.0.domains.2'), 'localhost');
  await settle(page);
  assert.deepEqual(codes(await findingsAt(page, 'websites.0.domains.1')), []);
  assert.ok(codes(await findingsAt(page, 'websites.0.domains.2')).includes('domain.reserved'));
  await assertClean(assert, ctx);
  await page.close();
});

test('entity and person fields get their findings beside them', { skip: !FULL && 'validateFiling not in pkg/ yet' }, async () => {
  const ctx = await openPage(browser.context);
  const { page } = ctx;
  await page.selectOption(fieldId('entity.type'), 'enterprise');
  await page.selectOption(fieldId('entity.certificate.type'), 'uscc');
  await page.locator(fieldId('entity.certificate.number')).pressSequentially('91110000600037341A');
  await page.locator(fieldId('entity.responsible.mobile')).pressSequentially('14012345678');
  await page.locator(fieldId('entity.responsible.email')).pressSequentially('a@@b');
  await settle(page);
  assert.ok(codes(await findingsAt(page, 'entity.certificate.number')).includes('uscc.checksum'));
  assert.ok(codes(await findingsAt(page, 'entity.responsible.mobile')).some((c) => c.startsWith('mobile.')));
  assert.ok(codes(await findingsAt(page, 'entity.responsible.email')).some((c) => c.startsWith('email.')));
  assert.equal(await page.getAttribute(fieldId('entity.certificate.number'), 'aria-invalid'), 'true');
  // Correct it: the finding goes away.
  await page.fill(fieldId('entity.certificate.number'), '91110000600037341L');
  await settle(page);
  assert.ok(!codes(await findingsAt(page, 'entity.certificate.number')).includes('uscc.checksum'));
  // partial: no field.required while typing; the submission check reports them.
  assert.ok(!codes(await findingsUnder(page, '')).includes('field.required'));
  await page.click('#full-check');
  await settle(page);
  assert.ok(codes(await findingsUnder(page, '')).includes('field.required'));
  await assertClean(assert, ctx);
  await page.close();
});

test('the three examples load with one click each and give the expected findings', async () => {
  const ctx = await openPage(browser.context);
  const { page } = ctx;

  await page.click('#ex-individual');
  await settle(page);
  assert.equal(await page.inputValue('#province'), 'ZJ');
  assert.equal(await page.inputValue(fieldId('websites.0.name')), '张三读书笔记');
  assert.equal(await page.getAttribute('#summary-live', 'data-errors'), '0', await page.textContent('#summary-list'));
  assert.equal(await page.getAttribute('#summary-live', 'data-warnings'), '0', await page.textContent('#summary-list'));
  assert.match(await page.textContent(`${fieldId('websites.0.domains.0')}-norm`), /zhangsan-notes\.cn/);

  await page.click('#ex-enterprise');
  await settle(page);
  assert.equal(await page.inputValue('#province'), 'BJ');
  assert.equal(await page.inputValue(fieldId('entity.certificate.number')), '91110000600037341L');
  assert.equal(await countItems(page, 'websites'), 2);
  assert.equal(await page.locator('fieldset[data-group-path="apps.0.platforms.1"]').count(), 1);
  assert.equal(await page.getAttribute('#summary-live', 'data-errors'), '0', await page.textContent('#summary-list'));
  assert.equal(await page.getAttribute('#summary-live', 'data-warnings'), '0', await page.textContent('#summary-list'));
  assert.match(await page.textContent(`${fieldId('websites.1.domains.0')}-norm`), /示例科技\.中国（xn--/);
  await page.click('#full-check');
  await settle(page);
  assert.equal(await page.getAttribute('#summary-live', 'data-errors'), '0', await page.textContent('#summary-list'));

  await page.click('#ex-mistakes');
  await settle(page);
  assert.deepEqual(codes(await findingsAt(page, 'websites.0.domains.0')), ['domain.ip_address']);
  assert.ok(codes(await findingsAt(page, 'websites.0.domains.1')).includes('domain.tld_not_approved'));
  assert.ok(codes(await findingsAt(page, 'websites.0.domains.2')).includes('domain.platform_subdomain'));
  assert.ok(codes(await findingsAt(page, 'apps.0.domains.0')).includes('domain.reserved'));
  if (FULL) {
    assert.ok(codes(await findingsAt(page, 'entity.certificate.number')).includes('uscc.checksum'));
    assert.ok(codes(await findingsUnder(page, 'entity.certificate')).includes('entity.certificate_type'));
    assert.ok(codes(await findingsUnder(page, 'entity.responsible.certificate')).some((c) => c.startsWith('resident_id.')));
    assert.ok(codes(await findingsAt(page, 'entity.responsible.mobile')).some((c) => c.startsWith('mobile.')));
    assert.ok(codes(await findingsAt(page, 'entity.responsible.email')).some((c) => c.startsWith('email.')));
    assert.ok(codes(await findingsUnder(page, 'websites.0.responsible')).includes('person.underage'));
    assert.ok(codes(await findingsAt(page, 'websites.0.name')).includes('website.name'));
    assert.ok(codes(await findingsUnder(page, 'apps.0.platforms.0')).some((c) => c.startsWith('app.')));
  }
  const errors = Number(await page.getAttribute('#summary-live', 'data-errors'));
  assert.ok(errors >= (FULL ? 10 : 5), `${errors} errors`);
  assert.equal(await page.locator('#summary-list li').count(), errors + Number(await page.getAttribute('#summary-live', 'data-warnings')));
  await shot(page, 'desktop-mistakes', { fullPage: true });

  // English messages beside the fields after the switch.
  await page.click('#lang-en');
  await settle(page);
  const ip = await findingsAt(page, 'websites.0.domains.0');
  assert.match(ip[0].text, /is an IP address/);
  assert.match(await page.textContent('#summary-live'), /errors?/);
  await page.click('#lang-zh');

  await page.click('#ex-clear');
  await settle(page);
  assert.equal(await page.inputValue(fieldId('websites.0.name')), '');
  assert.equal(await page.getAttribute('#summary-live', 'data-errors'), '0');
  await assertClean(assert, ctx);
  await page.close();
});

test('every form control has a label and the form is usable by keyboard', async () => {
  const ctx = await openPage(browser.context);
  const { page } = ctx;
  await page.click('#ex-enterprise');
  await settle(page);
  const unlabeled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((c) => c.type !== 'hidden' && !(c.labels && c.labels.length) && !c.getAttribute('aria-label'))
    .map((c) => c.id || c.name));
  assert.deepEqual(unlabeled, []);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((n) => n.id));
  assert.equal(new Set(ids).size, ids.length, 'ids are unique');
  const badRefs = await page.evaluate(() => [...document.querySelectorAll('[aria-describedby]')]
    .flatMap((n) => n.getAttribute('aria-describedby').split(' ').filter((id) => !document.getElementById(id)).map((id) => `${n.id}->${id}`)));
  assert.deepEqual(badRefs, []);
  // Add a website by keyboard: focus lands in its name field.
  await page.focus('button[data-action="add-website"]');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), fieldId('websites.2.name').slice(1));
  await page.keyboard.type('abc');
  await settle(page);
  if (FULL) assert.ok(codes(await findingsAt(page, 'websites.2.name')).includes('website.name'));
  // Remove it by keyboard.
  await page.focus('button[data-action="remove-item"][data-list="websites"][data-index="2"]');
  await page.keyboard.press('Enter');
  assert.equal(await countItems(page, 'websites'), 2);
  await assertClean(assert, ctx);
  await page.close();
});
