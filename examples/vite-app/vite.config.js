// Plain object (no import of 'vite'), so the repository's vite builds it from any directory.
// `base: './'`: the bundle is served from a sub-directory by the tests.
export default {
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // The wasm is a separate asset, never inlined as base64.
    assetsInlineLimit: 0,
    // The JavaScript fallback (~880 kB minified, ~230 kB brotli) is a lazy chunk, fetched only
    // where WebAssembly is missing.
    chunkSizeWarningLimit: 1000,
  },
};
