// Serves the repository root on 127.0.0.1 only, with no caching (a rebuilt pkg/ is picked up
// on reload) and the right type for .wasm: the demo page of scripts/dev.sh, the page and
// package tests, and the benchmarks. It counts the requests for each path (did the engine
// fetch the .wasm once?) and, with `brotli: true`, brotli-encodes every compressible file for
// clients that accept it, as a CDN serves them (the phone-profile benchmark).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml', '.bin': 'application/octet-stream', '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.wasm', '.svg', '.bin', '.txt']);

/**
 * Starts the server; resolves to `{ url, port, requests, reset(), close() }` where
 * `requests` maps a path to how many times it was asked for since the last `reset()`.
 */
export async function serve({ root = ROOT, brotli = false, port = 0 } = {}) {
  const requests = new Map();
  const compressed = new Map();   // path → brotli bytes, made once per run
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    requests.set(pathname, (requests.get(pathname) ?? 0) + 1);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root + path.sep)) { response.writeHead(403).end(); return; }
    // A folder asked for without its slash (`/www`): where its index page is, as a browser expects.
    if (!pathname.endsWith('/') && (await stat(file).catch(() => null))?.isDirectory()) {
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    let body;
    try { body = await readFile(file); } catch { response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    const ext = path.extname(file);
    const headers = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    };
    if (brotli && COMPRESSIBLE.has(ext) && /\bbr\b/.test(request.headers['accept-encoding'] ?? '')) {
      if (!compressed.has(file)) {
        compressed.set(file, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      body = compressed.get(file);
      headers['content-encoding'] = 'br';
      headers.vary = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    requests,
    reset: () => requests.clear(),
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

// `node scripts/static-server.mjs [--brotli] [--port N]`: serve until interrupted.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const portAt = args.indexOf('--port');
  const running = await serve({ brotli: args.includes('--brotli'), port: portAt >= 0 ? Number(args[portAt + 1]) : 8000 });
  console.log(`Serving ${ROOT} on ${running.url}/${args.includes('--brotli') ? ' (brotli)' : ''}`);
}
