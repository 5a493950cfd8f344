// Data the .wasm does not carry, loaded when a check first needs it: the server IP regions
// (server-regions.bin, IPFire Location Database) for checkServer, and the home province of
// mobile prefixes (mobile-regions.bin, libphonenumber's geocoding) for the provinces that ask
// for a local principal's mobile (Jiangsu). Each file is fetched on first use (read from disk
// in Node), handed to the module once and kept; pages that never need one never download it.
// Shared by the WebAssembly and the JavaScript builds, which run the same glue.
import { __setServerRegions, __checkServer, __setMobileRegions } from './icp_precheck.js';

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
 * A loader of one data file: by default `file` beside this module, or `source` (a URL, an
 * ArrayBuffer or a Uint8Array) for pages that host or cache it themselves. Loading twice
 * without a source shares the first load; a failed load can be tried again.
 */
function loader(file, install) {
  let loading = null;
  return function load(source) {
    if (loading && source === undefined) return loading;
    const attempt = readBytes(source === undefined ? new URL(`./${file}`, import.meta.url) : source).then((bytes) => {
      if (!install(bytes)) throw new Error(`icp-precheck: not a ${file} file`);
    });
    loading = attempt.catch((error) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/** Loads checkServer's IP data; checkServer calls it, call it earlier to start sooner. */
export const loadServerRegions = loader('server-regions.bin', __setServerRegions);

/**
 * Loads the home province of mobile prefixes. Until it is loaded, a province that asks for a
 * local principal's mobile reports `mobile.province_unchecked` (`params.reason:
 * 'data_unavailable'`) instead of checking: await this once, then validate.
 */
export const loadMobileRegions = loader('mobile-regions.bin', __setMobileRegions);

/**
 * Where a server's IP address is: the Chinese mainland, Hong Kong, Macao, Taiwan or elsewhere
 * (ICP filing is for mainland servers only). Never rejects for bad input or missing data: when
 * the data cannot be loaded, the report says so (`server.data_unavailable`) and still checks the
 * address itself.
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
