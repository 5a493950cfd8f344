// Shared helpers of the pkg/ environment suite: paths, the served origin, headless Chromium.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const PKG = path.join(ROOT, 'pkg');

export function base() {
  const port = process.env.PKG_ENV_PORT;
  if (!port) throw new Error('PKG_ENV_PORT is not set: run the suite through scripts/test-pkg-env.sh');
  return `http://127.0.0.1:${port}`;
}

export async function launch() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'icp-pkg-env-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
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

/**
 * Opens `url`, optionally with WebAssembly deleted before any script runs, waits for
 * `window.__result`, and returns it with the page's errors and the URLs it fetched.
 */
export async function load(context, url, { noWasm = false } = {}) {
  const page = await context.newPage();
  const errors = [];
  const fetched = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  if (noWasm) await page.addInitScript(() => { delete globalThis.WebAssembly; });
  await page.goto(url);
  await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 60000 });
  const result = await page.evaluate(() => window.__result);
  const status = await page.textContent('#status');
  await page.close();
  return { ...result, errors, fetched, status };
}
