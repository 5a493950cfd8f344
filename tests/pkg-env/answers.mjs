// Loads pkg/ one way (argv[2]) and prints, as JSON, which build answered and its answers to
// the examples' sample plus a larger sample of domains taken from the conformance fixtures.
// Run as a child process by node.test.mjs, so each way starts from a fresh module graph and,
// for the fallback, from an engine without WebAssembly.
//   glue        pkg/icp_precheck.js (wasm-bindgen's module), initSync with the bytes: the reference
//   sync        'icp-precheck' by package name, initSync({ module: bytes })
//   async       'icp-precheck', await init({ module_or_path: bytes })
//   nowasm      globalThis.WebAssembly deleted first, 'icp-precheck', await init()
//   js          'icp-precheck/js', initSync() (no bytes)
//   condition   'icp-precheck' under --conditions=icp-precheck-js, initSync()
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runSample } from '../../examples/sample.js';
import { bigSample, DOMAIN_OPTIONS, registrationFixtures, REGISTRATION_OPTIONS, SERVER_IPS } from './big-sample.mjs';

const mode = process.argv[2];
const require = createRequire(import.meta.url);


const extra = {};
let api;
if (mode === 'glue') {
  api = await import('../../pkg/icp_precheck.js');
  api.initSync({ module: readFileSync(new URL('../../pkg/icp_precheck_bg.wasm', import.meta.url)) });
} else if (mode === 'sync' || mode === 'async') {
  api = await import('icp-precheck');
  const bytes = readFileSync(require.resolve('icp-precheck/icp_precheck_bg.wasm'));
  if (mode === 'sync') api.initSync({ module: bytes });
  else await api.default({ module_or_path: bytes });
} else if (mode === 'nowasm') {
  delete globalThis.WebAssembly;
  api = await import('icp-precheck');
  try { api.initSync({ module: new Uint8Array(8) }); extra.initSyncError = null; } catch (e) { extra.initSyncError = e.message; }
  await api.default();
} else if (mode === 'js' || mode === 'condition') {
  api = await import(mode === 'js' ? 'icp-precheck/js' : 'icp-precheck');
  api.initSync();
} else {
  throw new Error(`answers.mjs: unknown mode ${mode}`);
}
const sample = bigSample();
const started = performance.now();
const big = api.checkDomains(sample, DOMAIN_OPTIONS);
extra.bigMs = Math.round(performance.now() - started);
// Domain verification on every registration fixture, and the server check (whose IP data the
// package entry loads on first use; the bare glue has no loader, so the reference passes it in).
const registrations = registrationFixtures().map((text) => api.checkRegistration(text, REGISTRATION_OPTIONS));
const serverIps = SERVER_IPS;
let servers;
if (api.checkServer) {
  servers = await Promise.all(serverIps.map((ip) => api.checkServer(ip, { locale: 'en' })));
} else {
  api.__setServerRegions(readFileSync(new URL('../../pkg/server-regions.bin', import.meta.url)));
  servers = serverIps.map((ip) => api.__checkServer(ip, { locale: 'en' }));
}
process.stdout.write(JSON.stringify({
  mode, webAssembly: typeof WebAssembly,
  backend: typeof api.backend === 'function' ? api.backend() : 'glue',
  sampleSize: sample.length, result: runSample(api), big, registrations, servers, extra,
}));
