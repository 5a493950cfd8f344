// 'icp-precheck/js' (./js.js): the JavaScript build only; no WebAssembly needed.
export * from './icp_precheck.js';
export { checkServer, loadServerRegions, loadMobileRegions } from './data.js';
export type { DataSource } from './data.js';
export { rdapServers, lookupRdap } from './rdap.js';
export { schemas, createSchemas, rules } from './integrations.js';
export type { SchemaOptions, SchemaIssue, SchemaResult, SchemaSuccess, SchemaFailure, IcpSchema, Schemas, Rule, RuleOptions, CertificateRuleOptions, RuleError, FormRules, FieldData } from './integrations.js';
import type { InitOutput } from './icp_precheck.js';

/** Starts the JavaScript build synchronously; any argument is ignored. */
export function initSync(module?: unknown): InitOutput;
/** Same as `initSync()`, as a promise. */
export default function init(module_or_path?: unknown): Promise<InitOutput>;
/** Always `'js'`. */
export function backend(): 'js';
