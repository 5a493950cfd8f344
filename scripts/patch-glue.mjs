// Adapts wasm-bindgen's --target web glue (pkg/icp_precheck.js) so that it can also drive the
// wasm2js build (pkg/icp_precheck_asm.js) where WebAssembly is missing:
//  1. The cached views of memory are renewed when `wasm.memory.buffer` is another buffer.
//     wasm-bindgen tests `byteLength === 0` / `buffer.detached`, which only works for a
//     WebAssembly.Memory (growing detaches the old buffer); wasm2js's memory copies into a
//     new ArrayBuffer and leaves the old one intact, so those tests would read stale memory.
//     Comparing buffers is right for both.
//  2. `__wbg_init_js(instantiate)` (not in the .d.ts; used by ./index.js and ./js.js) runs
//     `instantiate(imports)` instead of WebAssembly.Instance and finishes init as usual.
//  3. Every public function refuses a call with no argument at all with a TypeError naming
//     what is missing. wasm-bindgen passes a missing argument as `undefined`, which the module
//     answers like any other value, with a report (a console calls validateEntity(form.entity)
//     before the form exists); only the glue can still tell "no argument" from `undefined`.
//
//   node scripts/patch-glue.mjs pkg/icp_precheck.js [least number of public functions, 10]
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
const leastFunctions = Number(process.argv[3] ?? 10);
let src = readFileSync(file, 'utf8');

let views = 0;
src = src.replace(/function (get\w+Memory0)\(\) \{\n(\s*)if \((cached\w+Memory0) === null \|\| [^\n]*\) \{\n/g,
  (_, fn, indent, cache) => {
    views += 1;
    return `function ${fn}() {\n${indent}if (${cache} === null || ${cache}.buffer !== wasm.memory.buffer) {\n`;
  });
const left = src.match(/cached\w+Memory0\.(byteLength === 0|buffer\.detached)/);
if (views === 0 || left) throw new Error(`patch-glue: memory-view checks not found or not all replaced (${views} replaced, left: ${left && left[0]})`);

if (!/function __wbg_get_imports\(/.test(src) || !/function __wbg_finalize_init\(instance, module\)/.test(src)) {
  throw new Error('patch-glue: __wbg_get_imports / __wbg_finalize_init not found: wasm-bindgen changed, update scripts/patch-glue.mjs');
}
let arity = 0;
src = src.replace(/^export function ([a-z]\w*)\((\w+)((?:, \w+)*)\) \{\n/gm, (whole, name, first, rest) => {
  arity += 1;
  const signature = `${name}(${first}${rest.replace(/, (\w+)/g, ', $1?')})`;
  return `${whole}    if (arguments.length === 0) throw new TypeError(${JSON.stringify(`${signature} needs its first argument, ${first}`)});\n`;
});
if (arity < leastFunctions) throw new Error(`patch-glue: only ${arity} public functions found to check for a missing argument`);

const exportLine = 'export { initSync, __wbg_init as default };';
if (!src.includes(exportLine)) throw new Error('patch-glue: export line not found');
src = src.replace(exportLine, `/**
 * Starts the module from \`instantiate(imports)\`, which returns what a WebAssembly instance's
 * exports would be (the wasm2js build, ./icp_precheck_asm.js). Used by ./index.js and ./js.js.
 * @private
 */
function __wbg_init_js(instantiate) {
    if (wasm !== undefined) return wasm;
    return __wbg_finalize_init({ exports: instantiate(__wbg_get_imports()) }, undefined);
}

export { initSync, __wbg_init as default, __wbg_init_js };`);
writeFileSync(file, src);
console.log(`patch-glue: ${file}: ${views} memory view(s) check the buffer; ${arity} functions refuse no argument; __wbg_init_js added`);
