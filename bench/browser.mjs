// Headless Chromium benchmark: the page bench/browser/page.mjs runs our checkDomain /
// checkDomains and the bundled JS peers (bench/out/peers.js, from bench/build-peers.mjs) on the
// same corpus, rounds interleaved; then cold start (module load + init + first answer) in fresh
// pages. Served by scripts/static-server.mjs on 127.0.0.1; the system's /usr/bin/chromium, never a
// downloaded browser.
//
//   node bench/browser.mjs [--rounds 7] [--cold 15] [--pkg name=dir ...] [--json bench/out/browser.json]
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const rounds = Number(opt('--rounds', 7));
const coldRuns = Number(opt('--cold', 15));
const jsonOut = opt('--json', null);
const pkgs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] !== '--pkg') continue;
  const [name, dir] = args[i + 1].split('=');
  let abs = resolve(root, dir);
  if (relative(root, abs).startsWith('..')) {
    // Outside the served tree: copy it under bench/out/.
    const copy = join(here, 'out', `pkg-${name}`);
    rmSync(copy, { recursive: true, force: true });
    cpSync(abs, copy, { recursive: true });
    abs = copy;
  }
  pkgs.push([name, `/${relative(root, abs)}`]);
}
if (pkgs.length === 0) pkgs.push(['ours', '/pkg']);
if (!existsSync(join(here, 'corpus.json'))) throw new Error('run `node bench/corpus.mjs` first');
if (!existsSync(join(here, 'out', 'peers.js'))) throw new Error('run `node bench/build-peers.mjs` first');

const server = await serve();
const base = `${server.url}/bench/browser/index.html`;

const userDataDir = mkdtempSync(join(tmpdir(), 'icp-bench-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const run = async (query, timeout = 600_000) => {
  const page = await context.newPage();
  try {
    await page.goto(`${base}?${query}`);
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout, polling: 100 });
    const result = await page.evaluate(() => window.__result);
    if (result.error) throw new Error(result.error);
    return result;
  } finally {
    await page.close();
  }
};

try {
  const version = context.browser()?.version() ?? 'chromium';
  const pkgList = pkgs.map(([n, d]) => `${n}=${d}`).join(',');
  const t = await run(`mode=throughput&rounds=${rounds}&pkgs=${encodeURIComponent(pkgList)}`);
  const js = t.results['JS combination (tr46)'];
  console.log(`Chromium ${version}: throughput on ${t.inputs.toLocaleString('en')} inputs, median of ${rounds} interleaved rounds`);
  console.log(`${'case'.padEnd(34)} ${'ns/input'.padStart(10)} ${'vs JS(tr46)'.padStart(12)}`);
  for (const [name, ns] of Object.entries(t.results)) {
    console.log(`${name.padEnd(34)} ${ns.toFixed(0).padStart(10)} ${(js / ns).toFixed(2).padStart(11)}×`);
  }
  const cold = {};
  const coldCases = [...pkgs.map(([n, d]) => [n, `mode=cold-ours&pkg=${encodeURIComponent(d)}`]), ['JS combination (tr46)', 'mode=cold-js']];
  const samples = Object.fromEntries(coldCases.map(([n]) => [n, { load: [], init: [], sinceNavigation: [] }]));
  for (let i = 0; i < coldRuns; i++) {
    for (const [name, query] of coldCases) {
      const r = await run(query, 60_000);
      samples[name].load.push(r.load);
      samples[name].init.push(r.init);
      samples[name].sinceNavigation.push(r.sinceNavigation);
    }
  }
  console.log(`\ncold start in fresh pages (no HTTP cache: served no-store), median of ${coldRuns}`);
  console.log(`${'case'.padEnd(34)} ${'init()→answer ms'.padStart(17)} ${'load→answer ms'.padStart(15)} ${'navigation→answer ms'.padStart(21)}`);
  for (const [name, s] of Object.entries(samples)) {
    cold[name] = { init: median(s.init), load: median(s.load), sinceNavigation: median(s.sinceNavigation) };
    console.log(`${name.padEnd(34)} ${cold[name].init.toFixed(2).padStart(17)} ${cold[name].load.toFixed(2).padStart(15)} ${cold[name].sinceNavigation.toFixed(2).padStart(21)}`);
  }
  if (jsonOut) {
    mkdirSync(dirname(resolve(root, jsonOut)), { recursive: true });
    writeFileSync(resolve(root, jsonOut), JSON.stringify({ browser: version, ...t, cold }, null, 2));
  }
} finally {
  await context.close();
  await server.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
