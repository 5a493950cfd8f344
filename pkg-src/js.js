// icp-precheck without WebAssembly: the same wasm-bindgen glue driving the module compiled to
// JavaScript by binaryen's wasm2js. Starts synchronously and needs no .wasm file; larger and
// slower than the WebAssembly build, for engines that have none.
//
//   import { initSync, checkDomain } from 'icp-precheck/js';
//   initSync();
import { __wbg_init_js as initWithJs } from './icp_precheck.js';
import instantiate from './icp_precheck_asm.js';

export * from './icp_precheck.js';
export { checkServer, loadServerRegions, loadMobileRegions } from './data.js';
export { rdapServers, lookupRdap } from './rdap.js';
export { schemas, createSchemas, rules } from './integrations.js';

/** Starts the JavaScript build; any argument is ignored. */
export function initSync() {
  return initWithJs(instantiate);
}

/** Same as `initSync()`, as a promise, so code written for the WebAssembly build runs unchanged. */
export default function init() {
  return Promise.resolve().then(initSync);
}

/** Always 'js' here. */
export function backend() {
  return 'js';
}
