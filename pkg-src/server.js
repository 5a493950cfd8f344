// checkServer: the server-location check, whose IP data (server-regions.bin, built from the
// IPFire Location Database) is not part of the .wasm. It is fetched on the first call (or
// read from disk in Node), handed to the module once, and kept; pages that never call
// checkServer never download it. Shared by the WebAssembly and the JavaScript builds, which
// run the same glue.
import { __setServerRegions, __checkServer } from './icp_precheck.js';

let loading = null;

/** The bytes of `source`: a Uint8Array, an ArrayBuffer, or a URL (file: URLs read from disk). */
async function readBytes(source) {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  const url = source instanceof URL ? source : new URL(String(source), import.meta.url);
  if (url.protocol === 'file:') {
    // A variable specifier with ignore comments: bundlers leave Node's fs to Node.
    const fs = 'node:fs/promises';
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fs);
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`icp-precheck: ${url} answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Loads the IP data: by default `server-regions.bin` beside this module; or from `source`
 * (a URL, an ArrayBuffer or a Uint8Array, for pages that host or cache it themselves).
 * `checkServer` calls it; call it earlier to start the download sooner.
 */
export function loadServerRegions(source) {
  if (loading && source === undefined) return loading;
  const attempt = readBytes(source === undefined ? new URL('./server-regions.bin', import.meta.url) : source).then((bytes) => {
    if (!__setServerRegions(bytes)) throw new Error('icp-precheck: not a server-regions.bin file');
  });
  loading = attempt.catch((error) => {
    loading = null;
    throw error;
  });
  return loading;
}

/**
 * Where a server's IP address is: the Chinese mainland, Hong Kong, Macao, Taiwan or elsewhere
 * (ICP filing is for mainland servers only). Never rejects: when the data cannot be loaded,
 * the report says so (`server.data_unavailable`) and still checks the address itself.
 */
export async function checkServer(ip, options) {
  if (arguments.length === 0) throw new TypeError('checkServer(ip, options?) needs its first argument, ip');
  try {
    await loadServerRegions();
  } catch {
    // The report carries server.data_unavailable.
  }
  return __checkServer(ip, options);
}
