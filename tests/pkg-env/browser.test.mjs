// pkg/ in headless Chromium, in every way a web team loads it: a plain <script type="module">
// page, the same page without WebAssembly (iOS Lockdown Mode) and under a CSP that refuses to
// compile WebAssembly, a module Web Worker with and without WebAssembly, a TypeScript app
// bundled by Vite (examples/vite-app) and a JavaScript app bundled by webpack 5
// (examples/webpack-app), both built by scripts/test-pkg-env.sh. Every answer must equal the
// one Node's WebAssembly build gives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { base, launch, load } from './lib.mjs';

const reference = JSON.parse(execFileSync(process.execPath,
  [fileURLToPath(new URL('./answers.mjs', import.meta.url)), 'glue'], { encoding: 'utf8', maxBuffer: 256 << 20 })).result;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const wasmFetched = (r) => r.fetched.some((p) => p.endsWith('.wasm'));
const asmFetched = (r) => r.fetched.some((p) => /icp_precheck_asm[^/]*\.js$/.test(p));

function check(r, backend, { allowErrors = /$^/ } = {}) {
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.backend, backend, r.status);
  assert.deepEqual(r.result, reference);
  const errors = r.errors.filter((e) => !allowErrors.test(e));
  assert.deepEqual(errors, []);
  if (backend === 'wasm') {
    assert.ok(wasmFetched(r), 'the .wasm was fetched');
    assert.ok(!asmFetched(r), 'the JavaScript build was not fetched');
  } else {
    assert.ok(asmFetched(r), `the JavaScript build was fetched: ${r.fetched.join(' ')}`);
  }
}

test('plain <script type="module"> page: WebAssembly', async () => {
  const r = await load(browser.context, `${base()}/examples/plain/index.html`);
  check(r, 'wasm');
  assert.equal(r.webAssembly, 'object');
});

test('plain page without WebAssembly (Lockdown Mode): the JavaScript build, same answers', async () => {
  const r = await load(browser.context, `${base()}/examples/plain/index.html`, { noWasm: true });
  check(r, 'js');
  assert.equal(r.webAssembly, 'undefined');
  assert.ok(!wasmFetched(r), 'no .wasm fetched');
});

test("plain page under a CSP without 'wasm-unsafe-eval': falls back to the JavaScript build", async () => {
  const r = await load(browser.context, `${base()}/examples/plain/csp.html`);
  check(r, 'js', { allowErrors: /Content Security Policy|WebAssembly|wasm-unsafe-eval/i });
  assert.equal(r.webAssembly, 'object');
});

test('module Web Worker: WebAssembly', async () => {
  const r = await load(browser.context, `${base()}/examples/worker/index.html`);
  check(r, 'wasm');
});

test('module Web Worker without WebAssembly: the JavaScript build', async () => {
  const r = await load(browser.context, `${base()}/examples/worker/index.html?nowasm`);
  check(r, 'js');
  assert.equal(r.webAssembly, 'undefined');
});

test('Vite + TypeScript app (examples/vite-app/dist): WebAssembly', async () => {
  const r = await load(browser.context, `${base()}/examples/vite-app/dist/index.html`);
  check(r, 'wasm');
  assert.match(r.shown, /files as 例子\.中国/);
  assert.ok(r.fetched.every((p) => p.startsWith('/examples/vite-app/dist/')), `only the bundle's own files: ${r.fetched.join(' ')}`);
});

test('Vite + TypeScript app without WebAssembly: the JavaScript chunk, same answers', async () => {
  const r = await load(browser.context, `${base()}/examples/vite-app/dist/index.html`, { noWasm: true });
  check(r, 'js');
  assert.ok(!wasmFetched(r), 'no .wasm fetched');
});

test('webpack 5 app (examples/webpack-app): WebAssembly, the .wasm as a webpack asset', async () => {
  const r = await load(browser.context, `${base()}/examples/webpack-app/index.html`);
  check(r, 'wasm');
  assert.match(r.shown, /files as 例子\.中国/);
  assert.ok(r.fetched.every((p) => p.startsWith('/examples/webpack-app/')), `only the bundle's own files: ${r.fetched.join(' ')}`);
  assert.ok(wasmFetched(r), 'the .wasm asset was fetched');
});

test('webpack 5 app without WebAssembly: the JavaScript chunk, same answers', async () => {
  const r = await load(browser.context, `${base()}/examples/webpack-app/index.html`, { noWasm: true });
  check(r, 'js');
  assert.ok(!wasmFetched(r), 'no .wasm fetched');
});
