// ./data.js: checks whose data is not in the .wasm, and the loaders of that data.
import type { Options, ServerReport } from './icp_precheck.js';

/** A data file's source: a URL (`file:` URLs are read from disk in Node), or its bytes. */
export type DataSource = URL | string | ArrayBuffer | Uint8Array;

/**
 * Loads checkServer's IP data (`server-regions.bin` beside the package, or `source`).
 * `checkServer` calls it on first use; call it earlier to start the download sooner.
 */
export function loadServerRegions(source?: DataSource): Promise<void>;

/**
 * Loads the home province of mobile prefixes (`mobile-regions.bin`, or `source`). Until it is
 * loaded, a province that asks for a local principal's mobile (Jiangsu) reports
 * `mobile.province_unchecked` with `params.reason === 'data_unavailable'`.
 */
export function loadMobileRegions(source?: DataSource): Promise<void>;

/**
 * Where a server's IP address is: `'mainland'`, `'hong_kong'`, `'macao'`, `'taiwan'` or
 * `'other'` (ICP filing is for mainland servers only). Never rejects for bad input or missing
 * data: without the data the report says `server.data_unavailable`.
 */
export function checkServer(ip: string, options?: Options): Promise<ServerReport>;
