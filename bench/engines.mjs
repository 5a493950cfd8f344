// Throughput in Firefox ESR and WebKitGTK, through WebDriver (scripts/webdriver.mjs): the same
// in-page benchmark as bench/browser.mjs runs in Chromium (bench/browser/page.mjs: our
// checkDomain and checkDomains(1000) beside the JavaScript combinations on the corpus, rounds
// interleaved, medians), so the three engines' figures come from one page.
//
//   node bench/engines.mjs [--rounds 7] [--engines firefox,webkit] [--json bench/out/engines.json]
// WebKit needs an X display: bench/run.sh runs this under xvfb-run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/static-server.mjs';
import { openEngine } from '../scripts/webdriver.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const rounds = Number(opt('--rounds', 7));
const jsonOut = opt('--json', null);
const engines = opt('--engines', 'firefox,webkit').split(',');

const server = await serve();
const out = {};
try {
  for (const key of engines) {
    const browser = await openEngine(key, { wasm: true });
    try {
      const version = browser.session.capabilities.browserVersion;
      await browser.session.navigate(`${server.url}/bench/browser/index.html?mode=throughput&rounds=${rounds}&pkgs=${encodeURIComponent('ours=/pkg')}`);
      const result = JSON.parse(await browser.session.waitFor(
        'return window.__result === undefined ? null : JSON.stringify(window.__result)', { timeout: 900000, every: 500 }));
      if (result.error) throw new Error(`${browser.engine.name}: ${result.error}`);
      const fastestJs = Math.min(result.results['JS combination (tr46)'], result.results['JS combination (URL parser)']);
      console.log(`${browser.engine.name} ${version}: ${result.inputs.toLocaleString('en')} inputs, median of ${rounds} interleaved rounds`);
      console.log(`${'case'.padEnd(34)} ${'ns/input'.padStart(10)} ${'fastest JS ÷ this'.padStart(18)}`);
      for (const [name, ns] of Object.entries(result.results)) {
        console.log(`${name.padEnd(34)} ${ns.toFixed(0).padStart(10)} ${(fastestJs / ns).toFixed(2).padStart(17)}×`);
      }
      out[key] = { engine: browser.engine.name, version, ...result };
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
if (jsonOut) {
  mkdirSync(dirname(resolve(root, jsonOut)), { recursive: true });
  writeFileSync(resolve(root, jsonOut), JSON.stringify(out, null, 2));
}
