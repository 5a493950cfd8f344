// icp-precheck/domain: checkDomain, checkDomains and rulesInfo only, for pages that check
// domains and nothing else (a console's domain field, a list of domains). The same domain
// pipeline, rules and messages as the full package, built without the forms (the `forms`
// cargo feature off): a module about 40 % smaller (121 kB brotli against 212), and nothing
// else to import. Every answer is the full package's (tests/node/domain-entry.test.mjs).
//
//   import init, { checkDomain } from 'icp-precheck/domain';
//   await init();            // WebAssembly, or its JavaScript build where it is missing
import wasmInit, { initSync as wasmInitSync, __wbg_init_js as initWithJs } from './icp_precheck_domain.js';
import { loader } from './loader.js';

export * from './icp_precheck_domain.js';

const start = loader({
  wasmInit,
  wasmInitSync,
  initWithJs,
  importJs: () => import(/* webpackChunkName: "icp_precheck_domain_asm" */ './icp_precheck_domain_asm.js'),
  jsEntry: 'icp-precheck/js',
});

// init(moduleOrPath?): WebAssembly, or the JavaScript build where it is missing (fetched only
// then); initSync(bytes): synchronous, needs WebAssembly; backend(): 'wasm' | 'js' | null.
// Their types and documentation are in the .d.ts beside this file.
export default start.init;
export const { initSync, backend } = start;
