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
const node = read('bench/out/node.json');
if (node) {
  const js = node.results['JS combination'];
  const single = node.results['ours checkDomain'];
  const batch = node.results['ours checkDomains(1000)'];
  line('Node checkDomain vs JS combination', `${(js / single).toFixed(2)}×`, '≥ 3×', js / single >= 3);
  line('Node checkDomains vs JS combination', `${(js / batch).toFixed(2)}×`, '≥ 4×', js / batch >= 4);
  line('Node initSync → first answer (ms)', node.cold.ours.init.toFixed(1), '≤ 10', node.cold.ours.init <= 10);
  console.log(`      Node import + read + init → first answer (ms)`.padEnd(54) + node.cold.ours.load.toFixed(1).padStart(14));
}
const browser = read('bench/out/browser.json');
if (browser) {
  const js = browser.results['JS combination (tr46)'];
  const single = browser.results['ours checkDomain'];
  const batch = browser.results['ours checkDomains(1000)'];
  line('Chromium checkDomain vs JS combination (tr46)', `${(js / single).toFixed(2)}×`, '(≥ 3× in Node)', js / single >= 3);
  line('Chromium checkDomains vs JS combination (tr46)', `${(js / batch).toFixed(2)}×`, '(≥ 4× in Node)', js / batch >= 4);
  line('Chromium init() → first answer (ms)', browser.cold.ours.init.toFixed(1), '≤ 10', browser.cold.ours.init <= 10);
  console.log(`      Chromium import + init() → first answer (ms)`.padEnd(54) + browser.cold.ours.load.toFixed(1).padStart(14));
}
const size = read('bench/out/size.json');
if (size) {
  const wasm = size.find((r) => r.name === 'ours: icp_precheck_bg.wasm');
  if (wasm) line('.wasm brotli -q 11 (kB)', (wasm.brotli / 1000).toFixed(1), '≤ 130', wasm.brotli <= 130_000);
}
