// Node benchmark: our checkDomain (single calls) and checkDomains (batches of 1,000) against the
// JavaScript combination (bench/js-stack.mjs) on the same corpus, rounds interleaved, medians.
// Then cold start in fresh child processes.
//
//   node bench/node.mjs [--rounds 7] [--cold 15] [--pkg name=dir ...] [--json bench/out/node.json]
//
// --pkg may be given several times to compare builds side by side (default: ours=pkg).
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL, domainToASCII } from 'node:url';
import { dirname, resolve } from 'node:path';
import { createRequire } from 'node:module';
import * as tldts from 'tldts';
import ipaddr from 'ipaddr.js';
import { makeJsCheck } from './js-stack.mjs';
import { CORPUS_PATH, generate } from './corpus.mjs';

const require = createRequire(import.meta.url);
const isIP = require('validator/lib/isIP.js').default ?? require('validator/lib/isIP.js');
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
  if (args[i] === '--pkg') {
    const [name, dir] = args[i + 1].split('=');
    pkgs.push({ name, dir: resolve(root, dir) });
  }
}
if (pkgs.length === 0) pkgs.push({ name: 'ours', dir: resolve(root, 'pkg') });

if (!existsSync(CORPUS_PATH)) writeFileSync(CORPUS_PATH, JSON.stringify(generate().inputs));
const corpus = JSON.parse(readFileSync(CORPUS_PATH, 'utf8'));
const BATCH = 1000;
const batches = [];
for (let i = 0; i < corpus.length; i += BATCH) batches.push(corpus.slice(i, i + BATCH));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// Load every package under test.
for (const p of pkgs) {
  const mod = await import(pathToFileURL(resolve(p.dir, 'icp_precheck.js')).href);
  mod.initSync({ module: readFileSync(resolve(p.dir, 'icp_precheck_bg.wasm')) });
  p.mod = mod;
}
const jsCheck = makeJsCheck({ toASCII: domainToASCII, tldts, ipaddr, isIP });

// Sanity: both sides agree on the gross outcome for most inputs (they are not the same check).
{
  const ours = pkgs[0].mod;
  let same = 0;
  for (const input of corpus.slice(0, 5000)) if (ours.checkDomain(input).ok === jsCheck(input).ok) same++;
  console.log(`agreement on ok (first 5,000 inputs): ${((same / 5000) * 100).toFixed(1)}%`);
}

let sink = 0;
const cases = [];
for (const p of pkgs) {
  cases.push({ name: `${p.name} checkDomain`, run: () => { for (const s of corpus) sink ^= p.mod.checkDomain(s).ok ? 1 : 0; } });
  cases.push({ name: `${p.name} checkDomains(${BATCH})`, run: () => { for (const b of batches) sink ^= p.mod.checkDomains(b).length; } });
}
cases.push({ name: 'JS combination', run: () => { for (const s of corpus) sink ^= jsCheck(s).ok ? 1 : 0; } });
cases.push({ name: 'tldts.parse alone', run: () => { for (const s of corpus) sink ^= tldts.parse(s).domain === null ? 1 : 0; } });

const times = new Map(cases.map((c) => [c.name, []]));
for (const c of cases) c.run(); // warm-up round
for (let r = 0; r < rounds; r++) {
  for (const c of r % 2 ? [...cases].reverse() : cases) {
    const t0 = process.hrtime.bigint();
    c.run();
    const dt = Number(process.hrtime.bigint() - t0);
    times.get(c.name).push(dt / corpus.length);
  }
}
const results = Object.fromEntries([...times].map(([k, v]) => [k, median(v)]));
const js = results['JS combination'];
console.log(`\nthroughput on ${corpus.length.toLocaleString('en')} inputs, median of ${rounds} interleaved rounds (sink ${sink & 1})`);
console.log(`${'case'.padEnd(34)} ${'ns/input'.padStart(10)} ${'vs JS'.padStart(8)}`);
for (const [name, ns] of Object.entries(results)) {
  console.log(`${name.padEnd(34)} ${ns.toFixed(0).padStart(10)} ${(js / ns).toFixed(2).padStart(7)}×`);
}

// Cold start, fresh processes: module load → first answer (and process start → first answer).
const childOurs = (dir) => `
const t0 = performance.now();
const { readFileSync } = await import('node:fs');
const m = await import(${JSON.stringify(pathToFileURL(resolve(dir, 'icp_precheck.js')).href)});
const bytes = readFileSync(${JSON.stringify(resolve(dir, 'icp_precheck_bg.wasm'))});
// "init → first answer": compiling, instantiating, one check.
const tInit = performance.now();
m.initSync({ module: bytes });
const r = m.checkDomain('https://www.例子。中国/about');
const t1 = performance.now();
if (!r.ok) throw new Error('unexpected');
console.log(JSON.stringify({ load: t1 - t0, init: t1 - tInit, sinceStart: t1 }));`;
const childJs = `
const t0 = performance.now();
const { createRequire } = await import('node:module');
const require = createRequire(${JSON.stringify(pathToFileURL(resolve(here, 'node.mjs')).href)});
const tldts = await import('tldts');
const ipaddr = (await import('ipaddr.js')).default;
const isIP = require('validator/lib/isIP.js').default;
const { domainToASCII } = await import('node:url');
const { makeJsCheck } = await import(${JSON.stringify(pathToFileURL(resolve(here, 'js-stack.mjs')).href)});
const check = makeJsCheck({ toASCII: domainToASCII, tldts, ipaddr, isIP });
// No init step: its first call.
const tInit = performance.now();
const r = check('https://www.例子。中国/about');
const t1 = performance.now();
console.log(JSON.stringify({ load: t1 - t0, init: t1 - tInit, sinceStart: t1 }));`;
const cold = {};
const coldCases = [...pkgs.map((p) => [p.name, childOurs(p.dir)]), ['JS combination', childJs]];
const coldTimes = Object.fromEntries(coldCases.map(([n]) => [n, { load: [], init: [], sinceStart: [] }]));
for (let i = 0; i < coldRuns; i++) {
  for (const [name, script] of coldCases) {
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here, encoding: 'utf8' });
    const { load, init, sinceStart } = JSON.parse(out.trim().split('\n').pop());
    coldTimes[name].load.push(load);
    coldTimes[name].init.push(init);
    coldTimes[name].sinceStart.push(sinceStart);
  }
}
console.log(`\ncold start, median of ${coldRuns} fresh processes`);
console.log(`${'case'.padEnd(34)} ${'init→answer ms'.padStart(15)} ${'load→answer ms'.padStart(15)} ${'process→answer ms'.padStart(18)}`);
for (const [name, t] of Object.entries(coldTimes)) {
  cold[name] = { init: median(t.init), load: median(t.load), sinceStart: median(t.sinceStart) };
  console.log(`${name.padEnd(34)} ${cold[name].init.toFixed(2).padStart(15)} ${cold[name].load.toFixed(2).padStart(15)} ${cold[name].sinceStart.toFixed(2).padStart(18)}`);
}

if (jsonOut) {
  mkdirSync(dirname(resolve(root, jsonOut)), { recursive: true });
  writeFileSync(resolve(root, jsonOut), JSON.stringify({ node: process.version, inputs: corpus.length, rounds, results, cold }, null, 2));
}
