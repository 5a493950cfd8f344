// Plain object (no import of 'vite'): the repository's Vite (8, Rolldown + Oxc) builds it from
// any directory. JSX by Oxc's automatic runtime, so no @vitejs/plugin-react is needed.
// `base: './'`: the tests serve the bundle from a sub-directory.
export default {
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    assetsInlineLimit: 0,
    // The package's JavaScript fallback is a lazy chunk (~1 MB), fetched only without WebAssembly.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // React libraries' "use client" directives mean nothing in a client bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
};
