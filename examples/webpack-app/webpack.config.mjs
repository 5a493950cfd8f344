// webpack 5, production mode, nothing but defaults that matter: 'icp-precheck' resolves through
// node_modules and pkg/package.json "exports"; the .wasm (wasm-bindgen's
// `new URL('icp_precheck_bg.wasm', import.meta.url)`) becomes an asset; the JavaScript fallback
// (`import('./icp_precheck_asm.js')`) becomes a chunk fetched only where WebAssembly is missing.
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default {
  mode: 'production',
  context: here,
  entry: './src/index.js',
  output: {
    path: `${here}dist`,
    filename: 'main.js',
    chunkFilename: '[name].[contenthash:8].js',
    assetModuleFilename: '[name].[contenthash:8][ext]',
    publicPath: 'auto',
    clean: true,
  },
  // The fallback chunk is large by design (see README); no size warnings.
  performance: { hints: false },
  stats: 'errors-warnings',
};
