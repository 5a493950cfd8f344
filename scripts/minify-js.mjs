// Minifies one ES module with rolldown (installed with vite), for engines back to ES2017
// (iOS 11 Safari, the first with ES modules): no syntax newer than that may appear. Its static
// imports are bundled in; the JavaScript builds (`*_asm.js`), which the entries import only
// where WebAssembly is missing, stay separate files.
//
//   node scripts/minify-js.mjs IN.js OUT.js
import { build } from 'rolldown';
import { readFileSync } from 'node:fs';

const [input, output] = process.argv.slice(2);
await build({
  input,
  platform: 'neutral',
  logLevel: 'warn',
  transform: { target: 'es2017' },
  external: [/_asm\.js$/],
  output: { file: output, format: 'esm', minify: true, codeSplitting: false },
});
const code = readFileSync(output, 'utf8');
// ES2018+ syntax a minifier might introduce: ?? ?. optional catch binding, object spread.
const modern = code.match(/\?\?|\?\.(?![0-9])|catch\{|\{\.\.\./);
if (modern) throw new Error(`minify-js: ${output} has syntax newer than ES2017: ${JSON.stringify(code.slice(Math.max(0, modern.index - 40), modern.index + 40))}`);
console.log(`minify-js: ${output}: ${readFileSync(input).length} -> ${code.length} bytes`);
