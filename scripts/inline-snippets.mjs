// Puts wasm-bindgen's snippets (pkg/snippets/…, the JavaScript of `#[wasm_bindgen(module =
// "/src/wasm/transfer.js")]`) into the glue itself, so that a page loads one module less before
// its first answer: with a plain <script type="module">, each import is one more request, made
// only after the glue has arrived and been parsed. Bundlers would inline it anyway.
//
// Each `import { a, b as c } from './snippets/…';` becomes
// `const { a, b: c } = (() => { …snippet without its export…; return { a: …, b: … }; })();`
// The snippets must already be minified ES modules (scripts/minify-js.mjs) with one trailing
// `export { … };` and no imports of their own; anything else fails the build.
//
//   node scripts/inline-snippets.mjs pkg/icp_precheck.js [more glue files of the same folder…]
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const glueFiles = process.argv.slice(2);
const dir = dirname(glueFiles[0]);
for (const glueFile of glueFiles) {
let glue = readFileSync(glueFile, 'utf8');
const importLine = /^import \{([^}]*)\} from '(\.\/snippets\/[^']+)';\n/gm;
let inlined = 0;

glue = glue.replace(importLine, (_, names, path) => {
  const file = join(dir, path);
  let code = readFileSync(file, 'utf8').trim();
  if (/(^|[;}])\s*import[\s{*]/.test(code)) throw new Error(`inline-snippets: ${path} imports other modules`);
  const exportClause = code.match(/export\s*\{([^}]*)\};?$/);
  if (!exportClause) throw new Error(`inline-snippets: ${path} does not end with one export { … } clause`);
  code = code.slice(0, exportClause.index);
  if (/\bexport\b/.test(code)) throw new Error(`inline-snippets: ${path} has more than one export`);
  // `local as exported` (or just `name`) → `exported: local`
  const exported = exportClause[1].split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const [local, name = local] = entry.split(/\s+as\s+/);
    return `${name}: ${local}`;
  });
  // `name as alias` in the glue's import → `name: alias` in the destructuring
  const wanted = names.split(',').map((s) => s.trim()).filter(Boolean).map((entry) => {
    const [name, alias = name] = entry.split(/\s+as\s+/);
    return name === alias ? name : `${name}: ${alias}`;
  });
  inlined += 1;
  return `// ${path.replace(/^\.\//, '')}, inlined by scripts/inline-snippets.mjs\n`
    + `const { ${wanted.join(', ')} } = (() => {\n${code}\nreturn { ${exported.join(', ')} };\n})();\n`;
});

if (/from '\.\/snippets\//.test(glue)) throw new Error('inline-snippets: a snippet import was left (not of the form import { … } from …)');
writeFileSync(glueFile, glue);
console.log(`inline-snippets: ${inlined} snippet(s) inlined into ${glueFile}`);
inlined = 0;
}
rmSync(join(dir, 'snippets'), { recursive: true, force: true });
