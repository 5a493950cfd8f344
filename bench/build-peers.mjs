// Bundles bench/peers-entry.mjs with the installed vite (rolldown, minified, ES module) into
// bench/out/peers.js, for the browser benchmark and the size report, and bench/lite-entry.mjs
// into bench/out/peers-lite.js (size report only).
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
for (const [entry, out] of [['peers-entry.mjs', 'peers.js'], ['lite-entry.mjs', 'peers-lite.js']]) {
  await build({
    root: here,
    configFile: false,
    logLevel: 'warn',
    // tldts's own minified ES build: bundling its es6 sources re-expands the suffix trie
    // (276 KB / 116 KB gzip for parse alone, against 138 KB / 50 KB as published).
    resolve: { alias: { tldts: resolve(here, '../node_modules/tldts/dist/index.esm.min.js') } },
    build: {
      lib: { entry: resolve(here, entry), formats: ['es'], fileName: () => out },
      outDir: resolve(here, 'out'),
      emptyOutDir: false,
      minify: true,
      target: 'es2020',
      reportCompressedSize: false,
      // Vite leaves ES-format libraries unminified (whitespace); ask rolldown for full minification.
      rolldownOptions: { output: { minify: true } },
    },
  });
}
console.log('bundled bench/out/peers.js (tldts, ipaddr.js, validator isIP, tr46) and bench/out/peers-lite.js (no tr46)');
