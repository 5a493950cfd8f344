#!/usr/bin/env bash
# Builds pkg/: the WebAssembly module, its wasm-bindgen ES module (--target web) with
# TypeScript types, and a package.json. Prints the sizes a phone downloads.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

cargo build --release --lib --target wasm32-unknown-unknown
rm -rf pkg
wasm-bindgen --target web --out-dir pkg --out-name icp_precheck \
  target/wasm32-unknown-unknown/release/icp_precheck.wasm

# wasm-bindgen drops the `?` of a trailing optional argument once its type is overridden;
# every `options` argument is optional (api.md).
sed -i 's/options: Options)/options?: Options)/g' pkg/icp_precheck.d.ts

# Size: npm's wasm-opt only (see setup.sh), with exactly the features rustc emitted.
node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
  --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
  --enable-nontrapping-float-to-int --enable-reference-types --enable-multivalue \
  pkg/icp_precheck_bg.wasm -o pkg/icp_precheck_bg.wasm

version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
cat > pkg/package.json <<JSON
{
  "name": "icp-precheck",
  "version": "$version",
  "description": "Client-side pre-checks for China ICP filings (ICP备案)",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./icp_precheck.js",
  "module": "./icp_precheck.js",
  "types": "./icp_precheck.d.ts",
  "exports": {
    ".": { "types": "./icp_precheck.d.ts", "default": "./icp_precheck.js" },
    "./icp_precheck_bg.wasm": "./icp_precheck_bg.wasm"
  },
  "files": ["icp_precheck.js", "icp_precheck.d.ts", "icp_precheck_bg.wasm", "icp_precheck_bg.wasm.d.ts"],
  "sideEffects": false
}
JSON
bash scripts/size-report.sh
