// The package entry (./index.js): every function and type of ./icp_precheck.js, with an
// `init` that falls back to the JavaScript build where WebAssembly is missing.
export * from './icp_precheck.js';
export { checkServer, loadServerRegions, loadMobileRegions } from './data.js';
export type { DataSource } from './data.js';
export { rdapServers, lookupRdap } from './rdap.js';
export { schemas, createSchemas, rules } from './integrations.js';
export type { SchemaOptions, SchemaIssue, SchemaResult, SchemaSuccess, SchemaFailure, IcpSchema, Schemas, Rule, RuleOptions, CertificateRuleOptions, RuleError, FormRules, FieldData } from './integrations.js';
import type { InitInput, InitOutput, SyncInitInput } from './icp_precheck.js';

/**
 * Loads the module: WebAssembly when the engine has it, else the JavaScript build (wasm2js),
 * fetched only then. The argument is passed to wasm-bindgen's `init` and ignored by the fallback.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;

/**
 * Synchronous start with the module's bytes. Without WebAssembly it returns the JavaScript
 * build once `init()` has loaded it and throws otherwise (use 'icp-precheck/js' there).
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/** Which build answers: `'wasm'` or `'js'`; `null` before `init()` / `initSync()`. */
export function backend(): 'wasm' | 'js' | null;
