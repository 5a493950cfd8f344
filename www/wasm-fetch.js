// Starts downloading the .wasm as soon as the page's first module runs, in parallel with the
// rest of the module graph, and only where the engine has WebAssembly.
//
// This replaces <link rel="preload" as="fetch">: WebKit does not match that preload to the
// module's own fetch and downloads the file twice, and every engine follows the preload even
// without WebAssembly (iOS Lockdown Mode), downloading 200 kB it cannot use.
// index.html loads it as an async module, which runs as soon as it arrives, before the rest of
// the page is parsed; app.js imports the same instance and hands the pending response to init().
export const wasmUrl = new URL('../pkg/icp_precheck_bg.wasm', import.meta.url);
export const wasmResponse = typeof WebAssembly === 'object' ? fetch(wasmUrl) : undefined;
// A failed download is reported by init(); this only keeps it from also being "unhandled".
wasmResponse?.catch(() => {});
