// Fails when a public TypeScript declaration of pkg/ uses `any` (docs/api.md: "no `any` in public
// signatures"). Comments and string literals are removed first, so prose may say "any".
//
//   node scripts/check-dts.mjs pkg/*.d.ts
import { readFileSync } from 'node:fs';

export function anyUses(text) {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' '))
    .replace(/\/\/[^\n]*/g, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
  const found = [];
  code.split('\n').forEach((line, i) => {
    if (/\bany\b/.test(line)) found.push(`${i + 1}: ${text.split('\n')[i].trim()}`);
  });
  return found;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  let bad = 0;
  for (const file of process.argv.slice(2)) {
    for (const hit of anyUses(readFileSync(file, 'utf8'))) {
      console.error(`${file}:${hit}`);
      bad += 1;
    }
  }
  if (bad) {
    console.error(`check-dts: ${bad} use(s) of \`any\` in public declarations`);
    process.exit(1);
  }
}
