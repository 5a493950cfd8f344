// pkg/ as a publisher ships it: TypeScript declarations that type every function and result of
// docs/api.md with real interfaces and no `any`, and a package.json whose types, exports, files and
// conditions resolve (in Node, by package name, through tests/pkg-env/node_modules/icp-precheck,
// a link to pkg/ made by scripts/test-pkg-env.sh as `npm install` of a file: dependency would).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { anyUses } from '../../scripts/check-dts.mjs';
import { PKG, ROOT } from './lib.mjs';

// The contract is docs/api.md: its "Functions" block and every interface it writes are
// compared with pkg/'s declarations (the two tests below skip only if the file is missing).
const API_PATH = path.join(ROOT, 'docs/api.md');
const API = existsSync(API_PATH) ? readFileSync(API_PATH, 'utf8') : null;
const needsApi = API ? {} : { skip: `${API_PATH} not found` };
const read = (name) => readFileSync(path.join(PKG, name), 'utf8');
const DTS = read('icp_precheck.d.ts');
const pkgJson = JSON.parse(read('package.json'));

const stripComments = (s) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');

/** `interface Name … { body }` → { extends, members: Map(name → optional) }, top-level members only. */
function interfaces(text) {
  const code = stripComments(text);
  const out = new Map();
  for (const m of code.matchAll(/interface (\w+)(?: extends (\w+))? \{/g)) {
    let depth = 1;
    let i = m.index + m[0].length;
    const start = i;
    while (depth > 0 && i < code.length) { if (code[i] === '{') depth += 1; if (code[i] === '}') depth -= 1; i += 1; }
    const body = code.slice(start, i - 1);
    const members = new Map();
    let level = 0;
    let current = '';
    for (const ch of body) {
      if (ch === '{' || ch === '(') level += 1;
      if (ch === '}' || ch === ')') level -= 1;
      if (level === 0 && (ch === ';' || ch === '\n')) {
        const mm = current.trim().match(/^(?:readonly\s+)?(\w+)(\?)?\s*:/);
        if (mm) members.set(mm[1], Boolean(mm[2]));
        current = '';
      } else current += ch;
    }
    const mm = current.trim().match(/^(?:readonly\s+)?(\w+)(\?)?\s*:/);
    if (mm) members.set(mm[1], Boolean(mm[2]));
    out.set(m[1], { extends: m[2], members });
  }
  return out;
}

test('the `any` detector finds `any` in code and ignores it in prose', () => {
  assert.equal(anyUses('export function f(a: any): void;').length, 1);
  assert.equal(anyUses('export const g: Array<any>;').length, 1);
  assert.equal(anyUses("/** any input */\nexport function f(a: 'any'): string; // any").length, 0);
});

test('no `any` in any public declaration of pkg/', () => {
  const files = ['icp_precheck.d.ts', 'icp_precheck_bg.wasm.d.ts', 'index.d.ts', 'js.d.ts'];
  for (const f of files) assert.deepEqual(anyUses(read(f)), [], `${f} uses any`);
});

test('every docs/api.md function is declared with the docs/api.md signature', needsApi, () => {
  const block = API.match(/## Functions[\s\S]*?```ts\n([\s\S]*?)```/)[1];
  const signatures = block.split('\n').map((l) => l.replace(/\/\/.*$/, '').trim()).filter(Boolean);
  assert.ok(signatures.length >= 8, 'docs/api.md lists the functions');
  for (const sig of signatures) {
    const name = sig.match(/^(\w+)\(/)[1];
    const declared = DTS.match(new RegExp(`export function ${name}\\(([^)]*)\\): ([^;]+);`));
    assert.ok(declared, `${name} is declared in icp_precheck.d.ts`);
    assert.equal(`${name}(${declared[1]}): ${declared[2]}`.replace(/\s+/g, ' '), sig.replace(/\s+/g, ' '));
  }
});

test('every docs/api.md interface is declared with its members and their optionality', needsApi, () => {
  const spec = interfaces(API);
  const dts = interfaces(DTS);
  assert.ok(spec.size >= 12, `docs/api.md has ${spec.size} interfaces`);
  for (const [name, want] of spec) {
    assert.ok(dts.has(name), `interface ${name} in icp_precheck.d.ts`);
    assert.match(DTS, new RegExp(`export interface ${name}\\b`), `${name} is exported`);
    const have = dts.get(name);
    assert.equal(have.extends, want.extends, `${name} extends`);
    for (const [member, optional] of want.members) {
      assert.ok(have.members.has(member), `${name}.${member}`);
      assert.equal(have.members.get(member), optional, `${name}.${member} optional?`);
    }
  }
  assert.match(DTS, /export type EntityType =[^;]*'enterprise'/);
});

test('entries declare init, initSync and backend', () => {
  const index = read('index.d.ts');
  assert.match(index, /export \* from '\.\/icp_precheck\.js'/);
  assert.match(index, /export default function init\(/);
  assert.match(index, /export function initSync\(/);
  assert.match(index, /export function backend\(\): 'wasm' \| 'js' \| null;/);
  const js = read('js.d.ts');
  assert.match(js, /export function initSync\(module\?: unknown\): InitOutput;/);
  assert.match(DTS, /export function initSync\(module: \{ module: SyncInitInput \} \| SyncInitInput\): InitOutput;/);
});

function targets(node, out = []) {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) targets(v, out);
  return out;
}

test('package.json: name, version, types, exports, files, sideEffects', () => {
  const cargo = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
  assert.equal(pkgJson.name, 'icp-precheck');
  assert.equal(pkgJson.version, cargo);
  assert.equal(pkgJson.type, 'module');
  // Only the custom element's module registers something when imported: bundlers may drop the rest.
  assert.deepEqual(pkgJson.sideEffects, ['./element.js']);
  assert.equal(pkgJson.types, './index.d.ts');
  assert.equal(pkgJson.exports['.'].types, './index.d.ts');
  assert.deepEqual(Object.keys(pkgJson.exports['.']).at(0), 'types', '"types" comes first');
  assert.equal(Object.keys(pkgJson.exports['.']).at(-1), 'default', '"default" comes last');
  const all = [pkgJson.main, pkgJson.module, pkgJson.types, ...targets(pkgJson.exports)];
  for (const t of all) {
    assert.ok(existsSync(path.join(PKG, t)), `${t} exists`);
    const rel = t.replace(/^\.\//, '');
    assert.ok(rel === 'package.json' || pkgJson.files.includes(rel), `${rel} is in "files"`);
  }
  for (const f of pkgJson.files) assert.ok(statSync(path.join(PKG, f)).isFile(), `files: ${f}`);
  // The fallback is reachable three ways.
  assert.equal(pkgJson.exports['.']['icp-precheck-js'].default, './js.js');
  assert.equal(pkgJson.exports['./js'].default, './js.js');
});

test('npm pack --dry-run ships exactly "files" and package.json', () => {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const packed = JSON.parse(out)[0].files.map((f) => f.path).sort();
  assert.deepEqual(packed, [...pkgJson.files, 'package.json'].sort());
});

test('Node resolves the package name, its subpaths and conditions through "exports"', () => {
  const resolve = (spec, conditions = []) => execFileSync(process.execPath,
    [...conditions.map((c) => `--conditions=${c}`), '--input-type=module', '-e', `process.stdout.write(import.meta.resolve(${JSON.stringify(spec)}))`],
    { cwd: path.join(ROOT, 'tests/pkg-env'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const rel = (url) => path.relative(PKG, new URL(url).pathname);
  assert.equal(rel(resolve('icp-precheck')), 'index.js');
  assert.equal(rel(resolve('icp-precheck', ['icp-precheck-js'])), 'js.js');
  assert.equal(rel(resolve('icp-precheck', ['react-native'])), 'js.js');
  assert.equal(rel(resolve('icp-precheck/wasm')), 'icp_precheck.js');
  assert.equal(rel(resolve('icp-precheck/js')), 'js.js');
  assert.equal(rel(resolve('icp-precheck/icp_precheck_bg.wasm')), 'icp_precheck_bg.wasm');
  assert.throws(() => resolve('icp-precheck/icp_precheck_asm.js'), /not exported|ERR_PACKAGE_PATH_NOT_EXPORTED/, 'internal files stay internal');
});
