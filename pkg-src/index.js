// icp-precheck: the package entry. Loads the WebAssembly build, or, where WebAssembly is
// missing or refused (iOS Lockdown Mode, some in-app browsers and old webviews, a CSP
// without 'wasm-unsafe-eval', `node --jitless`), the same module compiled to JavaScript by
// binaryen's wasm2js. Both run the same wasm-bindgen glue (./icp_precheck.js), so every
// function and result is identical; only speed and download size differ.
//
//   import init, { checkDomain } from 'icp-precheck';
//   await init();            // WebAssembly, or the JavaScript build where it is missing
//   backend();               // 'wasm' | 'js'
import wasmInit, { initSync as wasmInitSync, __wbg_init_js as initWithJs } from './icp_precheck.js';

export * from './icp_precheck.js';
export { checkServer, loadServerRegions, loadMobileRegions } from './data.js';
export { rdapServers, lookupRdap } from './rdap.js';
export { schemas, createSchemas, rules } from './integrations.js';

let chosen = null;
let output = null;
let pending = null;

/** True when this engine can compile and run WebAssembly modules at all. */
function hasWebAssembly() {
  return typeof WebAssembly === 'object' && WebAssembly !== null
    && typeof WebAssembly.Module === 'function' && typeof WebAssembly.Instance === 'function';
}

/** An error of WebAssembly itself (compiling refused by a CSP, JIT disabled), not of the network. */
function refusedByEngine(error) {
  return hasWebAssembly() && (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError);
}

function done(kind, out) {
  chosen = kind;
  output = out;
  return out;
}

function initJs() {
  return import(/* webpackChunkName: "icp_precheck_asm" */ './icp_precheck_asm.js').then((asm) => done('js', initWithJs(asm.default)));
}

/**
 * Loads the module: WebAssembly when the engine has it, else the JavaScript build (fetched
 * only then). `moduleOrPath` is passed to wasm-bindgen's `init` and ignored by the fallback.
 */
export default function init(moduleOrPath) {
  if (pending) return pending;
  if (!hasWebAssembly()) {
    pending = initJs();
  } else {
    pending = wasmInit(moduleOrPath).then((out) => done('wasm', out), (error) => {
      if (refusedByEngine(error)) return initJs();
      pending = null;
      throw error;
    });
  }
  return pending;
}

/**
 * Synchronous start with the module's bytes (Node, workers). Without WebAssembly it returns
 * the JavaScript build if `init()` already loaded it, and otherwise throws: import
 * 'icp-precheck/js' for a synchronous start without WebAssembly.
 */
export function initSync(module) {
  if (output) return output;
  if (!hasWebAssembly()) {
    throw new Error("icp-precheck: this engine has no WebAssembly; use `await init()` (loads the JavaScript build) or import 'icp-precheck/js'");
  }
  return done('wasm', wasmInitSync(module));
}

/** Which build answers: 'wasm' or 'js'; null before `init()` / `initSync()`. */
export function backend() {
  return chosen;
}
