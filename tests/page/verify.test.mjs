// Domain verification (域名信息核验) and the server IP field: RDAP look-ups from the browser
// against a local RDAP server (tests/page/rdap-server.mjs), every kind of failure shown in
// place without stopping the rest of the form, a pasted CNNIC WHOIS answer, checkServer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  launch, openPage, cspViolations, findingsAt, findingsUnder, fieldId, settle, PAGE_URL, HERE, SCREENSHOTS,
} from './lib.mjs';
import { startRdapServer } from './rdap-server.mjs';

const pkgHas = (name) => {
  try {
    return new RegExp(`export function ${name}\\b`).test(readFileSync(path.join(HERE, '../../pkg/icp_precheck.js'), 'utf8'))
      || new RegExp(`\\b${name}\\b`).test(readFileSync(path.join(HERE, '../../pkg/index.js'), 'utf8'));
  } catch { return false; }
};
const HAS_REGISTRATION = pkgHas('checkRegistration');
const HAS_SERVER = pkgHas('checkServer');
if (!HAS_REGISTRATION) console.log('pkg/ has no checkRegistration yet: the registration expectations are skipped');

let browser;
let rdap;
before(async () => {
  browser = await launch();
  rdap = await startRdapServer();
});
after(async () => {
  await browser.close();
  await rdap.close();
});

const TIMEOUT_MS = 700;
const pageUrl = (extra = '') => `${PAGE_URL}?rdapBootstrap=${encodeURIComponent(rdap.bootstrapUrl)}&rdapTimeout=${TIMEOUT_MS}${extra}`;
const codes = (list) => (list || []).map((f) => f.code);
const reg = (i = 0, j = 0) => `websites.${i}.registrations.${j}`;
const block = (i = 0, j = 0) => `details[data-verify-block="${reg(i, j)}"]`;

// What Chromium logs for the requests that fail on purpose (and only those).
const DELIBERATE = [
  /^console: Failed to load resource: the server responded with a status of (404|500) \(/,
  /^console: Failed to load resource: net::ERR_(CONNECTION_REFUSED|FAILED)$/,
  /^console: Access to fetch at 'http:\/\/127\.0\.0\.1:\d+\/nocors\/domain\/[^']+' from origin 'http:\/\/127\.0\.0\.1:\d+' has been blocked by CORS policy/,
  /^console: Connecting to 'http:\/\/localhost:\d+\/ok\/domain\/[^']+' violates the following Content Security Policy directive: "connect-src /,
  /^console: Fetch API cannot load http:\/\/localhost:\d+\/ok\/domain\/\S+\. Refused to connect because it violates the document's Content Security Policy\.$/,
];

async function assertCleanBut(ctx, { cspAllowed = [] } = {}) {
  const unexpected = ctx.problems.filter((p) => !DELIBERATE.some((re) => re.test(p)));
  assert.deepEqual(unexpected, [], 'console or page errors');
  const csp = (await cspViolations(ctx.page)).filter((v) => !cspAllowed.some((re) => re.test(v)));
  assert.deepEqual(csp, [], 'CSP violations');
  assert.deepEqual(ctx.dialogs, [], 'dialogs');
}

async function open(extra) {
  const ctx = await openPage(browser.context, { url: pageUrl(extra) });
  return ctx;
}

async function setDomain(page, value, i = 0, j = 0) {
  await page.fill(fieldId(`websites.${i}.domains.${j}`), value);
  await settle(page);
}

/** Opens the verification box and presses its RDAP button; waits for the look-up to end. */
async function lookUp(page, i = 0, j = 0) {
  await page.locator(`${block(i, j)} > summary`).click().catch(() => {});
  await page.evaluate((sel) => { document.querySelector(sel).open = true; }, block(i, j));
  const button = page.locator(`${block(i, j)} button[data-verify-action="lookup"]`);
  await button.waitFor({ state: 'visible', timeout: 5000 });
  await button.click();
  await page.waitForFunction((sel) => {
    const s = document.querySelector(`${sel} [data-role="status"]`);
    return s && (s.dataset.state === 'done' || s.dataset.state === 'error');
  }, block(i, j), { timeout: 10000 });
  await settle(page);
  return page.evaluate((sel) => {
    const s = document.querySelector(`${sel} [data-role="status"]`);
    return { state: s.dataset.state, reason: s.dataset.reason || null, text: s.textContent };
  }, block(i, j));
}

const facts = (page, i = 0, j = 0) => page.evaluate((sel) => Object.fromEntries(
  [...document.querySelectorAll(`${sel} [data-fact]`)].map((dd) => [dd.dataset.fact, dd.textContent])), block(i, j));
const checks = (page, i = 0, j = 0) => page.evaluate((sel) => Object.fromEntries(
  [...document.querySelectorAll(`${sel} [data-check]`)].map((li) => [li.dataset.check, li.dataset.state])), block(i, j));

/** The form still validates: a wrong mobile gets its finding beside the field. */
async function formStillWorks(page) {
  await page.fill(fieldId('entity.responsible.mobile'), '');
  await page.locator(fieldId('entity.responsible.mobile')).pressSequentially('14012345678');
  await settle(page);
  const found = codes(await findingsAt(page, 'entity.responsible.mobile'));
  assert.ok(found.some((c) => c.startsWith('mobile.')), `mobile finding: ${found}`);
  await page.fill(fieldId('entity.responsible.mobile'), '');
}

test('the CSP lets the page reach https: RDAP servers and 127.0.0.1, nothing else new', () => {
  const html = readFileSync(path.join(HERE, '../../www/index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  const connect = /connect-src ([^;]+)/.exec(csp)[1].trim().split(/\s+/);
  assert.deepEqual(connect, ["'self'", 'https:', 'http://127.0.0.1:*']);
  assert.match(csp, /default-src 'none'/);
  const js = readFileSync(path.join(HERE, '../../www/verify.js'), 'utf8');
  assert.doesNotMatch(js, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
});

test('an RDAP look-up from the browser shows the registrar, the checks and the findings', { skip: !HAS_REGISTRATION && 'checkRegistration not in pkg/ yet' }, async () => {
  const ctx = await open();
  const { page } = ctx;
  await page.selectOption(fieldId('entity.type'), 'enterprise');
  await page.fill(fieldId('entity.name'), '北京示例科技有限公司');
  // .cn: no RDAP; the box says where to get the WHOIS answer instead, and has no button.
  await setDomain(page, 'example-tech.cn');
  await page.evaluate((sel) => { document.querySelector(sel).open = true; }, block());
  await page.waitForFunction((sel) => !/加载/.test(document.querySelector(`${sel} [data-role="how"]`).textContent), block());
  assert.match(await page.textContent(`${block()} [data-role="how"]`), /whois\.cnnic\.cn/);
  assert.equal(await page.isVisible(`${block()} button[data-verify-action="lookup"]`), false);

  // A domain that cannot be filed is not looked up.
  await setDomain(page, 'example.org');
  assert.match(await page.textContent(`${block()} [data-role="how"]`), /不能备案/);
  assert.equal(await page.isVisible(`${block()} button[data-verify-action="lookup"]`), false);
  // The box is labelled and described by its hint, its look-up status and its findings.
  const described = (await page.getAttribute(fieldId(reg()), 'aria-describedby')).split(' ');
  for (const part of ['hint', 'how', 'status', 'msg']) assert.ok(described.includes(`${fieldId(reg()).slice(1)}-${part}`), part);
  assert.equal(await page.locator(`label[for="${fieldId(reg()).slice(1)}"]`).count(), 1);
  assert.equal(await page.getAttribute(`${block()} [data-role="status"]`, 'aria-live'), 'polite');

  // google.com: a real Verisign answer; MarkMonitor is not an approved registrar.
  await setDomain(page, 'www.google.com');
  assert.match(await page.textContent(`${block()} [data-role="how"]`), /127\.0\.0\.1:\d+/);
  let status = await lookUp(page);
  assert.equal(status.state, 'done', status.text);
  assert.match(status.text, /\/ok\/domain\/google\.com$/);
  const req = rdap.requests.find((r) => r.path === '/ok/domain/google.com');
  assert.equal(req.accept, 'application/rdap+json');
  assert.equal(req.cookie, undefined);
  assert.equal(req.credentials, undefined);
  assert.match(await page.inputValue(fieldId(reg())), /"ldhName": "GOOGLE\.COM"/, 'the answer is shown in the box');
  let f = await facts(page);
  assert.equal(f.registrar, 'MarkMonitor Inc.');
  assert.equal(f.registrarIanaId, '292');
  assert.match(f.expiresAt, /^2028-09-14/);
  assert.match(f.status, /client delete prohibited/);
  assert.equal((await checks(page)).registrar, 'failed');
  let found = await findingsAt(page, reg());
  assert.ok(codes(found).includes('registration.registrar_not_approved'), JSON.stringify(found));
  assert.ok(found.every((x) => x.path.startsWith(`${reg()}`)), 'paths websites.0.registrations.0.*');
  assert.equal(await page.getAttribute(fieldId(reg()), 'aria-invalid'), 'true');
  // The summary lists it and its button opens the (collapsed) box and focuses it.
  const item = page.locator(`#summary-list button[data-code="registration.registrar_not_approved"]`);
  assert.equal(await item.count(), 1);
  await page.click(`${block()} > summary`);
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).open, block()), false);
  await item.click();
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).open, block()), true);
  assert.equal(await page.evaluate(() => document.activeElement.id), fieldId(reg()).slice(1));

  // A mainland registrar (成都西维数码, IANA 1556), valid, registrant redacted under RFC 9537.
  await setDomain(page, 'zhangsan-notes.com');
  status = await lookUp(page);
  assert.equal(status.state, 'done', status.text);
  f = await facts(page);
  assert.equal(f.registrar, '成都西维数码科技有限公司');
  assert.equal(f.registrarIanaId, '1556');
  assert.equal(f.holder, '已被注册局隐藏（此处无法核对）');
  const c = await checks(page);
  assert.equal(c.registrar, 'passed');
  assert.equal(c.validity, 'passed');
  assert.equal(c.domain, 'passed');
  assert.notEqual(c.holder, 'passed');
  found = codes(await findingsAt(page, reg()));
  assert.ok(!found.includes('registration.registrar_not_approved'));
  assert.ok(found.includes('registration.holder_redacted'), found.join());
  // In English: the same facts and checks, English words.
  await page.click('#lang-en');
  await settle(page);
  assert.equal((await facts(page)).holder, 'hidden by the registry (cannot be checked here)');
  assert.match(await page.textContent(`${block()} [data-check="registrar"]`), /Approved registrar: passed/);
  assert.match((await findingsAt(page, reg()))[0].text, /[A-Za-z]/);
  await page.click('#lang-zh');
  await settle(page);

  // bitcoin.top: expired in 2021.
  await setDomain(page, 'bitcoin.top');
  status = await lookUp(page);
  assert.equal(status.state, 'done');
  assert.equal((await checks(page)).validity, 'failed');
  assert.ok(codes(await findingsAt(page, reg())).includes('registration.expired'));
  // The domain field is changed afterwards: the answer is for another domain now.
  await setDomain(page, 'zhangsan-notes.top');
  assert.ok(codes(await findingsUnder(page, reg())).includes('registration.domain_mismatch'));
  await assertCleanBut(ctx);
  await page.close();
});

test('each failed look-up says why in place, and the rest of the form keeps working', async () => {
  const ctx = await open();
  const { page } = ctx;
  const cases = [
    ['missing-domain.com', 'not_found', /没有这个域名的记录（HTTP 404）/],
    ['zhangsan-notes.org', 'network', /跨域.*CORS/],
    ['zhangsan-notes.info', 'http', /HTTP 500/],
    ['zhangsan-notes.xyz', 'not_json', /不是 RDAP（JSON）/],
    ['zhangsan-notes.site', 'timeout', new RegExp(`在 ${TIMEOUT_MS / 1000} 秒内没有应答`)],
    ['zhangsan-notes.wang', 'too_large', /超过 1 MB/],
    ['zhangsan-notes.online', 'network', /网络不通/],
    ['zhangsan-notes.biz', 'network', /localhost:\d+/],     // refused by the CSP: localhost is not 127.0.0.1
  ];
  for (const [domain, reason, text] of cases) {
    await setDomain(page, domain);
    const started = Date.now();
    const status = await lookUp(page).catch((err) => { throw new Error(`${domain}: ${err.message}`); });
    assert.equal(status.state, 'error', `${domain}: ${status.text}`);
    assert.equal(status.reason, reason, `${domain}: ${status.text}`);
    assert.match(status.text, text, domain);
    assert.ok(Date.now() - started < TIMEOUT_MS + 3000, `${domain} took ${Date.now() - started} ms`);
    // Nothing was put into the box, nothing is reported for it, and the form still checks.
    assert.equal(await page.inputValue(fieldId(reg())), '');
    assert.deepEqual(codes(await findingsAt(page, reg())), []);
    assert.ok(codes(await findingsAt(page, 'websites.0.domains.0')).every((c) => !c.startsWith('registration.')));
    await formStillWorks(page);
  }
  // English message of the last failure after the switch, and the timeout in English.
  await page.click('#lang-en');
  await settle(page);
  assert.match(await page.textContent(`${block()} [data-role="status"]`), /could not read an answer from localhost:\d+.*CORS/);
  await setDomain(page, 'zhangsan-notes.site');
  const status = await lookUp(page);
  assert.match(status.text, new RegExp(`did not answer within ${TIMEOUT_MS / 1000} s`));
  await page.click('#lang-zh');
  // The deliberate failures are the only errors; the CSP refused only localhost.
  const csp = await cspViolations(page);
  assert.equal(csp.length, 1, csp.join('\n'));
  assert.match(csp[0], /^connect-src http:\/\/localhost:\d+\/ok\/domain\/zhangsan-notes\.biz/);
  await assertCleanBut(ctx, { cspAllowed: [/^connect-src http:\/\/localhost:/] });
  await page.close();
});

test('a broken RDAP server list disables only the look-up', async () => {
  const ctx = await openPage(browser.context, { url: `${PAGE_URL}?rdapBootstrap=${encodeURIComponent(`http://127.0.0.1:${rdap.closedPort}/bootstrap.json`)}` });
  const { page } = ctx;
  await setDomain(page, 'google.com');
  await page.evaluate((sel) => { document.querySelector(sel).open = true; }, block());
  await page.waitForFunction((sel) => /无法加载 RDAP 服务器列表/.test(document.querySelector(`${sel} [data-role="how"]`).textContent), block(), { timeout: 10000 });
  assert.equal(await page.isVisible(`${block()} button[data-verify-action="lookup"]`), false);
  await formStillWorks(page);
  // Another origin than this one or 127.0.0.1 is not taken from the URL: the default list is used.
  const other = await openPage(browser.context, { url: `${PAGE_URL}?rdapBootstrap=${encodeURIComponent('https://evil.example/b.json')}` });
  await setDomain(other.page, 'google.com');
  await other.page.evaluate((sel) => { document.querySelector(sel).open = true; }, block());
  await other.page.waitForFunction((sel) => /rdap\.verisign\.com/.test(document.querySelector(`${sel} [data-role="how"]`).textContent), block(), { timeout: 10000 });
  await assertCleanBut(ctx);
  await assertCleanBut(other);
  await other.page.close();
  await page.close();
});

const WHOIS_CN = (holder, expires) => readFileSync(path.join(HERE, '../fixtures/registration/cnnic-025bbs.cn.txt'), 'utf8')
  .replace(/^\uFEFF/, '')
  .replace('025bbs.cn', 'zhangsan-notes.cn')
  .replace(/^Registrant: .*$/m, `Registrant: ${holder}`)
  .replace(/^Expiration Time: .*$/m, `Expiration Time: ${expires} 21:45:16`);

test('a pasted CNNIC WHOIS answer is read, and its holder is compared with the filing entity', { skip: !HAS_REGISTRATION && 'checkRegistration not in pkg/ yet' }, async () => {
  const ctx = await open();
  const { page } = ctx;
  await page.click('#ex-individual');         // 张三, zhangsan-notes.cn, Zhejiang
  await settle(page);
  const expires = new Date(Date.now() + 500 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.evaluate((sel) => { document.querySelector(sel).open = true; }, block());
  await page.fill(fieldId(reg()), WHOIS_CN('张三', expires));
  await settle(page);
  const f = await facts(page);
  assert.equal(f.domain, 'zhangsan-notes.cn');
  assert.equal(f.registrar, '阿里云计算有限公司（万网）');
  assert.equal(f.holder, '张三');
  assert.equal(f.expiresAt.slice(0, 10), expires);
  assert.match(f.format, /CNNIC/);
  const c = await checks(page);
  assert.equal(c.domain, 'passed');
  assert.equal(c.holder, 'passed');
  assert.equal(c.validity, 'passed');
  assert.ok(!codes(await findingsUnder(page, reg())).includes('registration.holder_mismatch'));
  assert.equal(await page.isVisible(`${block()} button[data-verify-action="lookup"]`), false, '.cn has no RDAP button');
  // Another holder (an individual's domain must be held by that person): no match.
  await page.fill(fieldId(reg()), WHOIS_CN('王五', expires));
  await settle(page);
  assert.equal((await facts(page)).holder, '王五');
  assert.equal((await checks(page)).holder, 'failed');
  assert.ok(codes(await findingsUnder(page, reg())).includes('registration.holder_mismatch'));
  assert.ok(await page.locator('#summary-list button[data-code="registration.holder_mismatch"]').count() >= 1);
  // The original fixture (expired in 2021, another domain), then something unreadable.
  await page.fill(fieldId(reg()), readFileSync(path.join(HERE, '../fixtures/registration/cnnic-025bbs.cn.txt'), 'utf8'));
  await settle(page);
  const expired = codes(await findingsUnder(page, reg()));
  assert.ok(expired.includes('registration.domain_mismatch') || expired.includes('registration.expired'), expired.join());
  await page.fill(fieldId(reg()), 'hello, this is not a WHOIS answer');
  await settle(page);
  assert.ok(codes(await findingsUnder(page, reg())).includes('registration.unreadable'));
  // Clear empties the box and its findings.
  await page.click(`${block()} button[data-verify-action="clear"]`);
  await settle(page);
  assert.equal(await page.inputValue(fieldId(reg())), '');
  assert.deepEqual(codes(await findingsUnder(page, reg())), []);
  await assertCleanBut(ctx);
  await page.close();
});

test('a registrar name with markup stays text', { skip: !HAS_REGISTRATION && 'checkRegistration not in pkg/ yet' }, async () => {
  const ctx = await open();
  const { page } = ctx;
  await setDomain(page, 'markup.com');
  const status = await lookUp(page);
  assert.equal(status.state, 'done');
  assert.equal((await facts(page)).registrar, '<img src=x onerror="window.__xss=1">');
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__xss ?? null), null);
  assert.equal(await page.evaluate(() => document.querySelectorAll('#filing-form img').length), 0);
  await assertCleanBut(ctx);
  await page.close();
});

test('the server IP field: 114.114.114.114 is in the mainland, 8.8.8.8 is not', { skip: !HAS_SERVER && 'checkServer not in pkg/ yet' }, async () => {
  const ctx = await open();
  const { page } = ctx;
  const ip = fieldId('websites.0.server');
  const out = `${ip}-out`;
  assert.match(await page.getAttribute(ip, 'aria-describedby'), /-msg/);
  await page.locator(ip).pressSequentially('114.114.114.114');
  await page.waitForFunction((sel) => document.querySelector(sel).dataset.region, out, { timeout: 10000 });
  assert.equal(await page.getAttribute(out, 'data-region'), 'mainland');
  assert.match(await page.textContent(out), /所在地区：中国大陆/);
  await settle(page);
  assert.deepEqual(codes(await findingsAt(page, 'websites.0.server')), []);
  await page.fill(ip, '8.8.8.8');
  await page.waitForFunction((sel) => document.querySelector(sel).dataset.region === 'other', out, { timeout: 10000 });
  await settle(page);
  assert.match(await page.textContent(out), /中国境外/);
  const found = await findingsAt(page, 'websites.0.server');
  assert.ok(codes(found).includes('server.not_mainland'), JSON.stringify(found));
  assert.equal(await page.getAttribute(ip, 'aria-invalid'), found.find((x) => x.code === 'server.not_mainland').severity === 'error' ? 'true' : 'false');
  assert.ok(await page.locator('#summary-list button[data-code="server.not_mainland"]').count() === 1);
  // English: the finding and the region follow the language.
  await page.click('#lang-en');
  await page.waitForFunction((sel) => /Region: outside China/.test(document.querySelector(sel).textContent), out, { timeout: 5000 });
  await settle(page);
  assert.match((await findingsAt(page, 'websites.0.server'))[0].text, /[a-z]{4}/);
  await page.click('#lang-zh');
  await settle(page);
  // Something that is no address.
  await page.fill(ip, 'not-an-ip');
  await page.waitForTimeout(500);
  await settle(page);
  assert.ok(codes(await findingsAt(page, 'websites.0.server')).includes('server.invalid'));
  await page.fill(ip, '');
  await page.waitForTimeout(500);
  await settle(page);
  assert.deepEqual(codes(await findingsAt(page, 'websites.0.server')), []);
  await assertCleanBut(ctx);
  await page.close();
});

test('removing a domain or a website moves its verification with it; screenshot', { skip: !HAS_REGISTRATION && 'checkRegistration not in pkg/ yet' }, async () => {
  const ctx = await open();
  const { page } = ctx;
  await page.click('#ex-enterprise');
  await settle(page);
  await page.fill(fieldId('websites.0.domains.0'), 'google.com');
  await settle(page);
  await page.click('button[data-action="add-domain"][data-list="websites.0.domains"]');
  await page.fill(fieldId('websites.0.domains.1'), 'zhangsan-notes.com');
  await settle(page);
  assert.equal((await lookUp(page, 0, 0)).state, 'done');
  assert.equal((await lookUp(page, 0, 1)).state, 'done');
  assert.equal((await facts(page, 0, 1)).registrar, '成都西维数码科技有限公司');
  if (HAS_SERVER) {
    await page.locator(fieldId('websites.0.server')).pressSequentially('8.8.8.8');
    await page.waitForFunction((sel) => document.querySelector(sel).dataset.region, `${fieldId('websites.0.server')}-out`, { timeout: 10000 });
    await settle(page);
  }
  // The website's domains with their verification boxes and the server field.
  await page.locator('fieldset[data-group-path="websites.0"] .domain-list').screenshot({ path: path.join(SCREENSHOTS, 'verify-desktop.png') });
  await page.locator('fieldset[data-group-path="websites.0"] .field-server').screenshot({ path: path.join(SCREENSHOTS, 'verify-server.png') });
  // Remove domain 1 (google.com): zhangsan-notes.com and its answer move up to domain 1.
  await page.click('button[data-action="remove-item"][data-list="websites.0.domains"][data-index="0"]');
  await settle(page);
  assert.equal(await page.inputValue(fieldId('websites.0.domains.0')), 'zhangsan-notes.com');
  assert.equal((await facts(page, 0, 0)).registrar, '成都西维数码科技有限公司');
  assert.ok(!codes(await findingsUnder(page, reg(0, 0))).includes('registration.registrar_not_approved'));
  // Remove website 1: website 2 (示例科技.中国) takes its place, with an empty verification box.
  await page.click('button[data-action="remove-item"][data-list="websites"][data-index="0"]');
  await settle(page);
  assert.equal(await page.inputValue(fieldId(reg(0, 0))), '');
  assert.equal(await page.inputValue(fieldId('websites.0.server')), '');
  await page.setViewportSize({ width: 375, height: 800 });
  await page.evaluate((sel) => { document.querySelector(sel).open = true; }, block());
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow} px at 375 px`);
  await assertCleanBut(ctx);
  await page.close();
});
