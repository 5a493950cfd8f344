// icp-precheck/domain (./domain.js): the domain checks of the package, in a module of their own.
export * from './icp_precheck_domain.js';
import type { InitInput, InitOutput, SyncInitInput } from './icp_precheck_domain.js';

/**
 * Loads the module: WebAssembly when the engine has it, else the JavaScript build (wasm2js),
 * fetched only then. The argument is passed to wasm-bindgen's `init` and ignored by the fallback.
 */
export default function init(
  module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;

/** Synchronous start with the module's bytes; throws without WebAssembly (then `await init()`). */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/** Which build answers: `'wasm'` or `'js'`; `null` before `init()` / `initSync()`. */
export function backend(): 'wasm' | 'js' | null;
