// Reads what bench/run.sh measured and prints the figures against the targets of the issue.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (p) => (existsSync(resolve(root, p)) ? JSON.parse(readFileSync(resolve(root, p), 'utf8')) : null);
const line = (what, value, target, ok) => console.log(`${ok ? 'MET ' : 'MISS'}  ${what.padEnd(48)} ${value.padStart(14)}   target ${target}`);

// native: criterion's median time per iteration over the set, divided by the set's size
for (const group of ['corpus', 'ascii_fast_path', 'idn', 'ip']) {
  for (const api of ['check_domain', 'DomainCheck']) {
    const dir = join(root, 'target/criterion', group, api);
    if (!existsSync(dir)) continue;
    for (const n of readdirSync(dir).filter((d) => /^\d+$/.test(d))) {
      const est = JSON.parse(readFileSync(join(dir, n, 'new/estimates.json'), 'utf8'));
      const ns = est.median.point_estimate / Number(n);
      if (group === 'corpus') line(`native ${api}, corpus (ns/input)`, ns.toFixed(0), '≤ 300', ns <= 300);
      else console.log(`      native ${api}, ${group} (${n} inputs)`.padEnd(54) + ns.toFixed(0).padStart(14));
    }
  }
}
// Issue 14's targets: throughput against the fastest JavaScript combination in each engine,
// checkDomains above single calls, the first answer on the phone profile, bytes per use.
const fastestJs = (results, names) => Math.min(...names.map((n) => results[n]).filter((x) => x > 0));
const throughput = (engine, results, jsNames, target) => {
  const js = fastestJs(results, jsNames);
  const single = results['ours checkDomain'];
  const batch = results['ours checkDomains(1000)'];
  line(`${engine} checkDomain vs fastest JS combination`, `${(js / single).toFixed(2)}×`, `≥ ${target}×`, js / single >= target);
  line(`${engine} checkDomains vs fastest JS combination`, `${(js / batch).toFixed(2)}×`, `≥ ${target}×`, js / batch >= target);
  line(`${engine} checkDomains faster than checkDomain`, `${(single / batch).toFixed(2)}×`, '> 1×', batch < single);
};
const node = read('bench/out/node.json');
if (node) {
  throughput('Node', node.results, ['JS combination'], 1.5);
  console.log(`      Node initSync → first answer (ms)`.padEnd(54) + node.cold.ours.init.toFixed(1).padStart(14));
}
const browser = read('bench/out/browser.json');
if (browser) {
  throughput('Chromium', browser.results, ['JS combination (tr46)', 'JS combination (URL parser)'], 3);
  console.log(`      Chromium init() → first answer (ms)`.padEnd(54) + browser.cold.ours.init.toFixed(1).padStart(14));
}
const engines = read('bench/out/engines.json');
for (const e of Object.values(engines ?? {})) {
  throughput(e.engine.replace(/ ESR$/, ''), e.results, ['JS combination (tr46)', 'JS combination (URL parser)'], 3);
}
const phone = read('bench/out/phone.json');
if (phone) {
  const peer = phone.results['JS combination (tldts + tr46)'].ms;
  for (const [name, r] of Object.entries(phone.results)) {
    if (name.startsWith('ours')) line(`phone profile, ${name.replace('ours ', 'ours ')} (ms)`, r.ms.toFixed(0), `≤ peer's ${peer.toFixed(0)}`, r.ms <= peer);
  }
  const demo = phone.results['demo page, CPU 4× only'];
  if (demo) line('demo page first answer at CPU 4× (ms)', demo.ms.toFixed(0), '≤ 400', demo.ms <= 400);
}
const size = read('bench/out/size.json');
if (size) {
  const wasm = size.find((r) => r.name === 'ours: icp_precheck_bg.wasm');
  if (wasm) line('full .wasm brotli -q 11 (kB)', (wasm.brotli / 1000).toFixed(1), '≤ 180', wasm.brotli <= 180_000);
  const domain = size.find((r) => r.name === 'ours: domain entry (domain.js + loader + glue + wasm)');
  if (domain) line('domain check download, brotli (kB)', (domain.brotli / 1000).toFixed(1), '≤ 100', domain.brotli <= 100_000);
}
