// Shared helpers of the page suite: one headless Chromium per test file, a page that records
// console errors, page errors, CSP violations and dialogs, and the URL of the served page.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = path.join(HERE, 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

const port = process.env.PAGE_PORT;
if (!port) throw new Error('PAGE_PORT is not set: run the suite through scripts/test-page.sh');
export const BASE = `http://127.0.0.1:${port}`;
export const PAGE_URL = `${BASE}/www/index.html`;

export async function launch() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'icp-page-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Opens the page and waits for the module; retries when pkg/ is being rebuilt by someone else. */
export async function openPage(context, { url = PAGE_URL, viewport, waitReady = true } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = [];
  const dialogs = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('dialog', async (dialog) => { dialogs.push(dialog.message()); await dialog.dismiss(); });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  for (let attempt = 1; ; attempt += 1) {
    await page.goto(url);
    if (!waitReady) break;
    await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout: 20000 });
    const ready = await page.evaluate(() => document.documentElement.dataset.ready);
    if (ready === '1') break;
    if (attempt >= 4) throw new Error(`the page did not load pkg/: ${await page.textContent('#status')}`);
    problems.length = 0;
    await new Promise((r) => setTimeout(r, 5000));   // pkg/ is probably being rebuilt
  }
  return { page, problems, dialogs };
}

export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations || []);
}

/** Asserts a clean page: no console error, no page error, no CSP violation, no dialog. */
export async function assertClean(assert, { page, problems, dialogs }) {
  assert.deepEqual(problems, [], 'console or page errors');
  assert.deepEqual(await cspViolations(page), [], 'CSP violations');
  assert.deepEqual(dialogs, [], 'dialogs');
}

export function shot(page, name, opts = {}) {
  return page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), ...opts });
}

/** Findings shown beside the field of a path: [{code, severity, text}]. */
export async function findingsAt(page, fieldPath) {
  return page.evaluate((p) => {
    const id = `f-${p.replace(/[^A-Za-z0-9]+/g, '-')}-msg`;
    const list = document.getElementById(id);
    if (!list) return null;
    return [...list.children].map((li) => ({
      code: li.dataset.code, path: li.dataset.path,
      severity: li.classList.contains('sev-error') ? 'error' : 'warning', text: li.textContent,
    }));
  }, fieldPath);
}

export const fieldId = (p) => `#f-${p.replace(/[^A-Za-z0-9]+/g, '-')}`;

/** Every finding shown in the form whose path starts with prefix: [{code, path, severity}]. */
export async function findingsUnder(page, prefix) {
  return page.evaluate((p) => [...document.querySelectorAll('#filing-form li.issue')]
    .filter((li) => li.dataset.path === p || li.dataset.path.startsWith(`${p}.`) || p === '')
    .map((li) => ({ code: li.dataset.code, path: li.dataset.path, severity: li.classList.contains('sev-error') ? 'error' : 'warning' })), prefix);
}

/** True when pkg/ exports validateFiling (the whole form is checked, not only its domains). */
import { readFileSync } from 'node:fs';
export function pkgHasValidateFiling() {
  try {
    return /export function validateFiling\b/.test(readFileSync(path.join(HERE, '../../pkg/icp_precheck.js'), 'utf8'));
  } catch { return false; }
}

/** Waits until the debounced form check has run (the summary reflects the latest input). */
export async function settle(page) {
  await page.waitForTimeout(400);
}
