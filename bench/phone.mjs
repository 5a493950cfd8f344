// First answer on a phone: Chromium throttled by its DevTools Protocol as Lighthouse's mobile
// profile does (CPU 4× slower, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up), every file
// served brotli-compressed as a CDN would (scripts/static-server.mjs), cold: a new browser
// context per run, nothing cached (no-store).
//
// Cases, interleaved run by run so that the machine's noise falls on all of them alike:
//   ours (<entry>)      bench/phone/ours.html: import the package entry, init(), one checkDomain
//   JS combination      bench/phone/peers.html: the tldts + tr46 bundle, one check
//   demo page, CPU 4×   www/index.html, no network throttling (served locally): a domain typed
//                       at DOMContentLoaded, to its answer on the page (mark icp-first-answer)
// Each figure is navigation start to the answer, in ms; medians, and the ratio to the peer.
//
//   node bench/phone.mjs [--runs 7] [--entry index.js ...] [--demo www/index.html ...] [--json bench/out/phone.json]
// --demo: the demo pages to measure (default www/index.html), for a copy of the page before a
// change beside the page after it (the copy beside www/, so that ../pkg/ is the same package).
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const runs = Number(opt('--runs', 7));
const jsonOut = opt('--json', null);
const entries = args.flatMap((a, i) => (a === '--entry' ? [args[i + 1]] : []));
if (entries.length === 0) entries.push('index.js');
const demos = args.flatMap((a, i) => (a === '--demo' ? [args[i + 1]] : []));
if (demos.length === 0) demos.push('www/index.html');
const demoName = (demo) => (demos.length === 1 ? 'demo page' : `demo ${demo}`);
if (!existsSync(join(here, 'out', 'peers.js'))) throw new Error('run `node bench/build-peers.mjs` first');

// Lighthouse's "Slow 4G" mobile profile (its DevTools throttling values).
const PHONE = { cpu: 4, latency: 150, down: (1.6 * 1024 * 1024) / 8, up: (750 * 1024) / 8 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const server = await serve({ brotli: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** One cold run: fresh context, throttled; returns ms from navigation start to the answer, and the bytes moved. */
async function once(url, { network = true, typeAtDomReady = false } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (network) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: PHONE.latency, downloadThroughput: PHONE.down, uploadThroughput: PHONE.up,
      });
    }
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    if (typeAtDomReady) {
      await page.addInitScript(() => {
        document.addEventListener('DOMContentLoaded', () => {
          const input = document.getElementById('quick-input');
          input.value = 'www.例子.中国';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
      });
    }
    await page.goto(url, { waitUntil: 'commit' });
    if (typeAtDomReady) {
      await page.waitForFunction(() => performance.getEntriesByName('icp-first-answer').length > 0, null, { timeout: 60000, polling: 50 });
      const t = await page.evaluate(() => performance.getEntriesByName('icp-first-answer')[0].startTime);
      return { t, bytes };
    }
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 60000, polling: 50 });
    const result = await page.evaluate(() => window.__result);
    if (!result.ok || !['例子.中国', 'xn--fsqu00a.xn--fiqs8s'].includes(result.registrable)) throw new Error(`${url}: wrong answer ${JSON.stringify(result)}`);
    return { t: result.t, bytes };
  } finally {
    await context.close();
  }
}

const cases = [
  ...entries.map((entry) => [`ours (pkg/${entry})`, `${server.url}/bench/phone/ours.html?entry=${encodeURIComponent(entry)}`, {}]),
  ['JS combination (tldts + tr46)', `${server.url}/bench/phone/peers.html`, {}],
  ...demos.flatMap((demo) => [
    [`${demoName(demo)}, CPU 4× only`, `${server.url}/${demo}`, { network: false, typeAtDomReady: true }],
    [`${demoName(demo)}, phone profile`, `${server.url}/${demo}`, { typeAtDomReady: true }],
  ]),
];
const samples = Object.fromEntries(cases.map(([name]) => [name, { t: [], bytes: [] }]));
try {
  for (const [, url, how] of cases) await once(url, how);   // warm the server's brotli cache, not the browser's
  for (let i = 0; i < runs; i += 1) {
    for (const [name, url, how] of cases) {
      const r = await once(url, how);
      samples[name].t.push(r.t);
      samples[name].bytes.push(r.bytes);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const peer = median(samples['JS combination (tldts + tr46)'].t);
const results = {};
console.log(`Chromium ${browser.version?.() ?? ''}, phone profile (CPU ${PHONE.cpu}×, ${PHONE.latency} ms RTT, 1.6 Mbit/s), brotli, cold; median of ${runs}`);
console.log(`${'case'.padEnd(34)} ${'navigation→answer ms'.padStart(21)} ${'bytes on the wire'.padStart(18)} ${'peer ÷ this'.padStart(12)}`);
for (const [name] of cases) {
  const t = median(samples[name].t);
  const bytes = median(samples[name].bytes);
  results[name] = { ms: t, bytes, runs: samples[name].t };
  const ratio = name.startsWith('demo') ? '' : `${(peer / t).toFixed(2)}×`;
  console.log(`${name.padEnd(34)} ${t.toFixed(0).padStart(21)} ${bytes.toLocaleString('en').padStart(18)} ${ratio.padStart(12)}`);
}
if (jsonOut) {
  mkdirSync(dirname(resolve(root, jsonOut)), { recursive: true });
  writeFileSync(resolve(root, jsonOut), JSON.stringify({ profile: PHONE, runs, results }, null, 2));
}
