// Download size: our .wasm + JS glue against the JS peers bundled and minified
// (bench/out/peers.js from bench/build-peers.mjs), raw, gzip -9 and brotli -q 11 (node:zlib,
// same settings as the CLI tools).
//
//   node bench/size.mjs [--pkg name=dir ...] [--json bench/out/size.json]
import { readFileSync, existsSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;
const pkgs = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--pkg') pkgs.push(args[i + 1].split('='));
if (pkgs.length === 0) pkgs.push(['ours', 'pkg']);

const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
});
const rows = [];
const add = (name, files) => {
  const parts = files.map((f) => resolve(root, f)).filter(existsSync).map((f) => sizes(readFileSync(f)));
  if (parts.length === 0) return;
  rows.push({ name, ...Object.fromEntries(['raw', 'gzip', 'brotli'].map((k) => [k, parts.reduce((s, p) => s + p[k], 0)])) });
};
/** The glue and the wasm-bindgen snippets it imports (pkg/snippets/…). */
const glue = (dir) => {
  const files = [`${dir}/icp_precheck.js`];
  const walk = (d) => {
    if (!existsSync(resolve(root, d))) return;
    for (const e of readdirSync(resolve(root, d), { withFileTypes: true })) {
      if (e.isDirectory()) walk(`${d}/${e.name}`);
      else files.push(`${d}/${e.name}`);
    }
  };
  walk(`${dir}/snippets`);
  return files;
};
for (const [name, dir] of pkgs) {
  add(`${name}: icp_precheck_bg.wasm`, [`${dir}/icp_precheck_bg.wasm`]);
  add(`${name}: JS glue (icp_precheck.js + snippets)`, glue(dir));
  add(`${name}: wasm + glue`, [`${dir}/icp_precheck_bg.wasm`, ...glue(dir)]);
  add(`${name}: full entry (index.js + its imports + glue + wasm)`,
    [`${dir}/index.js`, `${dir}/loader.js`, `${dir}/data.js`, `${dir}/rdap.js`, `${dir}/integrations.js`, `${dir}/icp_precheck_bg.wasm`, ...glue(dir)]);
  add(`${name}: domain entry (domain.js + loader + glue + wasm)`,
    [`${dir}/domain.js`, `${dir}/loader.js`, `${dir}/icp_precheck_domain.js`, `${dir}/icp_precheck_domain_bg.wasm`]);
}
add('JS stack: tldts+ipaddr.js+isIP+tr46 (bundled, min)', ['bench/out/peers.js']);
add('JS stack without tr46 (bundled, min)', ['bench/out/peers-lite.js']);
add('tldts alone (published min ESM)', ['node_modules/tldts/dist/index.esm.min.js']);
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
console.log(`${'artefact'.padEnd(52)} ${'raw kB'.padStart(8)} ${'gzip -9'.padStart(8)} ${'br -q11'.padStart(8)}`);
for (const r of rows) console.log(`${r.name.padEnd(52)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
if (jsonOut) {
  mkdirSync(dirname(resolve(root, jsonOut)), { recursive: true });
  writeFileSync(resolve(root, jsonOut), JSON.stringify(rows, null, 2));
}
