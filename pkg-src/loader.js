// How a package entry starts its module: WebAssembly when the engine has it, else the same
// module compiled to JavaScript by binaryen's wasm2js (fetched only then). Shared by the full
// entry (./index.js) and the domain-only one (./domain.js), each with its own glue and builds.

/** True when this engine can compile and run WebAssembly modules at all. */
function hasWebAssembly() {
  return typeof WebAssembly === 'object' && WebAssembly !== null
    && typeof WebAssembly.Module === 'function' && typeof WebAssembly.Instance === 'function';
}

/** An error of WebAssembly itself (compiling refused by a CSP, JIT disabled), not of the network. */
function refusedByEngine(error) {
  return hasWebAssembly() && (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError);
}

/**
 * `init`, `initSync` and `backend` for one glue: `wasmInit` / `wasmInitSync` are its
 * wasm-bindgen starts, `initWithJs` its `__wbg_init_js`, `importJs()` imports its wasm2js build
 * (a literal `import()` at the entry, so that bundlers see it and split it off).
 */
export function loader({ wasmInit, wasmInitSync, initWithJs, importJs, jsEntry }) {
  let chosen = null;
  let output = null;
  let pending = null;
  const done = (kind, out) => {
    chosen = kind;
    output = out;
    return out;
  };
  const initJs = () => importJs().then((asm) => done('js', initWithJs(asm.default)));
  return {
    /**
     * Loads the module: WebAssembly when the engine has it, else the JavaScript build.
     * `moduleOrPath` is passed to wasm-bindgen's `init` and ignored by the fallback.
     */
    init(moduleOrPath) {
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
    },
    /**
     * Synchronous start with the module's bytes (Node, workers). Without WebAssembly it returns
     * the JavaScript build if `init()` already loaded it, and otherwise throws.
     */
    initSync(module) {
      if (output) return output;
      if (!hasWebAssembly()) {
        throw new Error(`icp-precheck: this engine has no WebAssembly; use \`await init()\` (loads the JavaScript build) or import '${jsEntry}'`);
      }
      return done('wasm', wasmInitSync(module));
    },
    /** Which build answers: 'wasm' or 'js'; null before `init()` / `initSync()`. */
    backend: () => chosen,
  };
}
