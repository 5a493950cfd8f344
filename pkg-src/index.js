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
import { loader } from './loader.js';

export * from './icp_precheck.js';
export { checkServer, loadServerRegions, loadMobileRegions } from './data.js';
export { rdapServers, lookupRdap } from './rdap.js';
export { schemas, createSchemas, rules } from './integrations.js';

const start = loader({
  wasmInit,
  wasmInitSync,
  initWithJs,
  importJs: () => import(/* webpackChunkName: "icp_precheck_asm" */ './icp_precheck_asm.js'),
  jsEntry: 'icp-precheck/js',
});

// init(moduleOrPath?): WebAssembly, or the JavaScript build where it is missing (fetched only
// then); initSync(bytes): synchronous, needs WebAssembly; backend(): 'wasm' | 'js' | null.
// Their types and documentation are in the .d.ts beside this file.
export default start.init;
export const { initSync, backend } = start;
