// ./server.js: the server-location check and its lazily loaded IP data.
import type { Options, ServerReport } from './icp_precheck.js';

/**
 * Loads the IP data (`server-regions.bin` beside the package, or `source`). `checkServer`
 * calls it on first use; call it earlier to start the download sooner.
 */
export function loadServerRegions(source?: URL | string | ArrayBuffer | Uint8Array): Promise<void>;

/**
 * Where a server's IP address is: `'mainland'`, `'hong_kong'`, `'macao'`, `'taiwan'` or
 * `'other'` (ICP filing is for mainland servers only). Never rejects: without the data the
 * report says `server.data_unavailable`.
 */
export function checkServer(ip: string, options?: Options): Promise<ServerReport>;
