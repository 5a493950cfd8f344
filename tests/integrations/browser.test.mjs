// The form-library integrations in headless Chromium (Debian's, driven by playwright-core),
// as a person uses them: a react-hook-form app (Standard Schema resolver), a TanStack Form app
// (Standard Schema validators), an antd app (async-validator rules), all three built by Vite,
// and <icp-domain-input> in a plain page under the demo page's CSP. Served on 127.0.0.1 by
// scripts/test-integrations.sh (INTEGRATIONS_PORT); the messages shown must be the package's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { initSync, checkDomain, validateFiling } from '../../pkg/icp_precheck.js';
import { BAD_USCC, GOOD_USCC, goodFiling } from '../../examples/filing-sample.mjs';

initSync({ module: readFileSync(new URL('../../pkg/icp_precheck_bg.wasm', import.meta.url)) });

const port = process.env.INTEGRATIONS_PORT;
if (!port) throw new Error('INTEGRATIONS_PORT is not set: run this through scripts/test-integrations.sh');
const base = `http://127.0.0.1:${port}`;

let context;
let userDataDir;
before(async () => {
  userDataDir = mkdtempSync(path.join(tmpdir(), 'icp-integrations-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
after(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function open(url) {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  await page.waitForFunction(() => window.__ready === true, null, { timeout: 30000 });
  return { page, errors, requests };
}

const en = { locale: 'en' };
const usccMessage = () => {
  const f = goodFiling();
  f.entity.certificate.number = BAD_USCC;
  return validateFiling(f, en).issues.find((i) => i.code === 'uscc.checksum').message;
};
const onlyLocal = (requests) => requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'));

// ---- react-hook-form and TanStack Form: the same filing form ---------------------------
async function standardSchemaApp(app, domainField) {
  const { page, errors, requests } = await open(`${base}/examples/${app}/dist/index.html`);
  const input = (name) => page.locator(`input[data-field="${name}"]`);
  // Waits until the text under the field is exactly `text` ('' for none).
  const shown = (name, text) => page.waitForFunction(([n, t]) => {
    const el = document.querySelector(`[data-error-for="${n}"]`);
    return el !== null && el.textContent === t;
  }, [name, text], { timeout: 10000 });
  const uscc = 'entity.certificate.number';

  // A bad USCC: the finding under that field, nothing under the others; no submission.
  await input(uscc).fill(BAD_USCC);
  await shown(uscc, usccMessage());
  for (const other of ['entity.name', 'entity.responsible.mobile', domainField]) await shown(other, '');
  await page.click('button[type=submit]');
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#submitted').count(), 0, 'a filing with an error is not submitted');

  // An array path: the domain finding under websites.0.domains.0.
  await input(domainField).fill('0x7f.1');
  await shown(domainField, checkDomain('0x7f.1', en).issues[0].message);

  // Fixed: the findings go, a warning does not block, the filing is submitted.
  await input(uscc).fill(GOOD_USCC);
  await input(domainField).fill('www.mysite.com');
  await shown(uscc, '');
  await shown(domainField, '');
  await page.click('button[type=submit]');
  await page.locator('#submitted').waitFor({ timeout: 10000 });
  const submitted = JSON.parse(await page.textContent('#submitted'));
  assert.equal(submitted.entity.certificate.number, GOOD_USCC);
  assert.equal(submitted.websites[0].domains[0], 'www.mysite.com');
  assert.equal(submitted.entity.address, goodFiling().entity.address, 'the fields not shown are submitted too');
  assert.deepEqual(errors, []);
  assert.deepEqual(onlyLocal(requests), []);
  return page;
}

test('react-hook-form + @hookform/resolvers/standard-schema: a bad USCC is shown under its field, a good filing submits', async () => {
  const page = await standardSchemaApp('react-hook-form-app', 'websites.0.domains.0');
  // Warnings ride on the result (`warnings`), shown by the app apart from the errors.
  const warning = page.locator('#warnings li[data-path="websites.0.domains.0"]');
  assert.equal(await warning.textContent(), checkDomain('www.mysite.com', en).issues[0].message);
  await page.close();
});

test('TanStack Form + Standard Schema validators: a bad USCC is shown under its field, a good filing submits', async () => {
  const page = await standardSchemaApp('tanstack-form-app', 'websites[0].domains[0]');
  await page.close();
});

// ---- antd -------------------------------------------------------------------------------
test('antd Form + async-validator rules: findings under the field, warnings as antd warnings, a good filing submits', async () => {
  const { page, errors, requests } = await open(`${base}/examples/antd-app/dist/index.html`);
  const item = (name) => page.locator('.ant-form-item', { has: page.locator(`input[data-field="${name}"]`) });
  const explain = (name, kind) => item(name).locator(`.ant-form-item-explain-${kind}`);
  const input = (name) => page.locator(`input[data-field="${name}"]`);
  const uscc = 'entity.certificate.number';
  const domain = 'websites.0.domains.0';

  await input(uscc).fill(BAD_USCC);
  const message = usccMessage();
  await assert.doesNotReject(explain(uscc, 'error').filter({ hasText: message }).waitFor({ timeout: 10000 }));
  await page.click('button[type=submit]');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#submitted').count(), 0);

  await input(domain).fill('0x7f.1');
  await assert.doesNotReject(explain(domain, 'error').filter({ hasText: checkDomain('0x7f.1', en).issues[0].message }).waitFor({ timeout: 10000 }));
  await input('entity.responsible.mobile').fill('15412345678');
  await assert.doesNotReject(explain('entity.responsible.mobile', 'error').filter({ hasText: /154/ }).waitFor({ timeout: 10000 }));
  // rules.form: the entity name checked with the whole filing.
  await input('entity.name').fill('');
  await assert.doesNotReject(explain('entity.name', 'error').filter({ hasText: 'This field is required.' }).waitFor({ timeout: 10000 }));

  await input('entity.name').fill(goodFiling().entity.name);
  await input(uscc).fill(GOOD_USCC);
  await input('entity.responsible.mobile').fill('13800138000');
  await input(domain).fill('www.mysite.com');
  await assert.doesNotReject(explain(domain, 'warning').filter({ hasText: checkDomain('www.mysite.com', en).issues[0].message }).waitFor({ timeout: 10000 }));
  await page.click('button[type=submit]');
  await page.locator('#submitted').waitFor({ timeout: 10000 });
  const submitted = JSON.parse(await page.textContent('#submitted'));
  assert.equal(submitted.entity.certificate.number, GOOD_USCC);
  assert.deepEqual(submitted.websites[0].domains, ['www.mysite.com']);
  assert.equal(await explain(uscc, 'error').count(), 0);
  assert.deepEqual(errors.filter((e) => !/findDOMNode|deprecated/i.test(e)), []);
  assert.deepEqual(onlyLocal(requests), []);
  await page.close();
});

// ---- <icp-domain-input> -------------------------------------------------------------------
test('<icp-domain-input> in a plain page under a strict CSP: blocks the form while refused, report, events, zh-CN / en, province', async () => {
  const { page, errors } = await open(`${base}/examples/element/index.html`);
  const zh = {};
  const host = (id) => page.locator(`#${id}`);
  const type = async (id, text) => { await page.locator(`#${id} input`).fill(text); };
  const state = (id) => page.evaluate((i) => {
    const el = document.getElementById(i);
    const root = el.shadowRoot;
    return {
      report: el.report, value: el.value, valid: el.checkValidity(), message: el.validationMessage,
      valueMissing: el.validity.valueMissing, invalid: el.matches(':invalid'),
      verdict: root.querySelector('[part=verdict]').hidden ? null : root.querySelector('[part=verdict]').textContent,
      issues: [...root.querySelectorAll('li')].map((li) => [li.dataset.code, li.className, li.textContent]),
    };
  }, id);
  const submits = () => page.evaluate(() => window.__submits.length);

  // No CSP violation: the styles are a constructable stylesheet, applied.
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('#domain').shadowRoot.querySelector('input')).borderTopLeftRadius), '4px');
  // The schema answered with a Promise while the element's init() was running.
  assert.equal(await page.evaluate(() => window.__promisePath), true);
  assert.equal(await page.evaluate(() => window.__promiseResult.issues[0].code), 'domain.ip_address');

  // Required and empty: valueMissing with the package's own message; submission blocked.
  let s = await state('domain');
  assert.equal(s.valueMissing, true);
  assert.equal(s.message, checkDomain('').issues[0].message);
  await page.click('#submit');
  assert.equal(await submits(), 0);

  // Refused: verdict, findings in zh-CN (the document's language), blocked, reportValidity false.
  await type('domain', '0x7f.1');
  s = await state('domain');
  zh.ip = checkDomain('0x7f.1').issues[0].message;
  assert.equal(s.report.ok, false);
  assert.equal(s.valid, false);
  assert.equal(s.invalid, true);
  assert.equal(s.message, zh.ip);
  assert.match(s.verdict, /不能备案/);
  assert.deepEqual(s.issues, [['domain.ip_address', 'error', zh.ip]]);
  await page.click('#submit');
  assert.equal(await submits(), 0, 'a refused domain blocks the form');
  assert.equal(await page.evaluate(() => document.getElementById('domain').reportValidity()), false);

  // Fine: the filed domain (U-label, A-label), warnings shown, the form submits with the value.
  const pasted = 'https://www.例子。中国/about';
  await page.evaluate(() => { window.__events.length = 0; });
  await type('domain', pasted);
  s = await state('domain');
  assert.equal(s.report.ok, true);
  assert.equal(s.report.registrableUnicode, '例子.中国');
  assert.equal(s.valid, true);
  assert.match(s.verdict, /可以备案.*备案域名：例子\.中国（xn--fsqu00a\.xn--fiqs8s）/);
  assert.deepEqual(s.issues.map(([code, cls]) => [code, cls]), [['domain.stripped', 'warning'], ['domain.subdomain', 'warning']]);
  const events = await page.evaluate(() => window.__events);
  assert.deepEqual(events.filter((e) => e.id === 'domain').map((e) => [e.type, e.ok]), [['icp-report', true], ['input', null]]);
  await page.locator('#domain input').press('Tab');
  assert.ok((await page.evaluate(() => window.__events)).some((e) => e.type === 'change' && e.id === 'domain'), 'change on commit');
  await page.click('#submit');
  assert.equal(await submits(), 1);
  assert.deepEqual(await page.evaluate(() => window.__submits[0]), { domain: pasted, beijing: 'mysite.com', english: '' });
  // Enter in the field submits, as in a native text field.
  await page.locator('#domain input').press('Enter');
  assert.equal(await submits(), 2);

  // Province attribute: .me is refused in Beijing, disputed (a warning) elsewhere.
  await type('beijing', 'mysite.me');
  s = await state('beijing');
  assert.equal(s.report.ok, false);
  assert.deepEqual(s.issues.map(([code]) => code), ['domain.tld_not_approved']);
  assert.equal(s.issues[0][2], checkDomain('mysite.me', { province: '北京' }).issues[0].message);
  await page.click('#submit');
  assert.equal(await submits(), 2, 'refused in Beijing: blocked');
  await page.evaluate(() => document.getElementById('beijing').removeAttribute('province'));
  s = await state('beijing');
  assert.equal(s.report.ok, true);
  assert.deepEqual(s.issues.map(([code, cls]) => [code, cls]), [['domain.tld_disputed', 'warning']]);
  await page.evaluate(() => { document.getElementById('beijing').province = '北京'; });
  assert.equal((await state('beijing')).report.ok, false);
  // warnings-fail: warnings block too.
  await page.evaluate(() => { const el = document.getElementById('beijing'); el.province = ''; el.warningsFail = true; });
  assert.equal((await state('beijing')).valid, false);
  await page.evaluate(() => { const el = document.getElementById('beijing'); el.warningsFail = false; el.value = 'mysite.com'; });

  // lang="en" on the element: English, whatever the document says.
  await type('english', '0x7f.1');
  s = await state('english');
  assert.equal(s.issues[0][2], checkDomain('0x7f.1', en).issues[0].message);
  assert.match(s.verdict, /Cannot be filed/);
  await type('english', '');
  // The document's language changes: the other fields follow.
  await page.evaluate(() => { document.documentElement.lang = 'en'; });
  await type('domain', '0x7f.1');
  s = await state('domain');
  assert.equal(s.message, checkDomain('0x7f.1', en).issues[0].message);
  assert.match(s.verdict, /Cannot be filed/);

  // Disabled: out of validation and of the form data, like a native field.
  await page.evaluate(() => { document.getElementById('domain').disabled = true; });
  assert.equal(await page.evaluate(() => document.getElementById('domain').willValidate), false);
  await page.click('#submit');
  assert.equal(await submits(), 3);
  assert.deepEqual(await page.evaluate(() => window.__submits[2]), { beijing: 'mysite.com', english: '' });
  await page.evaluate(() => { document.getElementById('domain').disabled = false; });

  // reset restores the value attributes; defining again does not throw; setCustomValidity.
  await page.evaluate(() => document.getElementById('filing').reset());
  assert.equal((await state('beijing')).value, 'mysite.com');
  assert.equal((await state('domain')).value, '');
  assert.equal(await page.evaluate(async () => (await import('/pkg/element.js?again')).defineIcpDomainInput()), false);
  assert.equal(await page.evaluate(() => customElements.get('icp-domain-input') !== undefined), true);
  await page.evaluate(() => { const el = document.getElementById('beijing'); el.setCustomValidity('taken'); });
  assert.equal((await state('beijing')).message, 'taken');
  await page.evaluate(() => document.getElementById('beijing').setCustomValidity(''));
  assert.equal((await state('beijing')).valid, true);
  // Properties reflect, the tag is typed.
  assert.deepEqual(await page.evaluate(() => { const el = document.getElementById('domain'); return [el.name, el.required, el.type, el.form.id, el.labels.length, el.locale]; }),
    ['domain', true, 'icp-domain-input', 'filing', 1, 'en']);

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('<icp-domain-input> when the module cannot load: says so and does not block the form', async () => {
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/examples/element/index.html`);
  await page.waitForFunction(() => document.getElementById('domain').shadowRoot.querySelector('[part=verdict]') !== null);
  await page.locator('#domain input').fill('0x7f.1');
  await page.waitForFunction(() => /无法加载/.test(document.getElementById('domain').shadowRoot.querySelector('[part=verdict]').textContent), null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.getElementById('domain').checkValidity()), true);
  assert.equal(await page.evaluate(() => document.getElementById('domain').report), null);
  await page.click('#submit');
  assert.equal(await page.evaluate(() => window.__submits.length), 1);
  // Only the page's own schema call fails, saying why.
  assert.ok(errors.every((e) => /not initialised and `init\(\)` failed/.test(e)), errors.join('\n'));
  await page.close();
});
