#!/usr/bin/env bash
# Builds pkg/, the npm package:
#   icp_precheck_bg.wasm   the module, MVP WebAssembly only (no sign-ext, bulk memory,
#                          multi-value, reference types, …) so that old iOS/Android webviews run it
#   icp_precheck.js/.d.ts  wasm-bindgen's ES module (--target web) with the TypeScript types
#   icp_precheck_asm.js    the same module compiled to JavaScript (binaryen wasm2js), for
#                          engines without WebAssembly (iOS Lockdown Mode, `node --jitless`, …)
#   index.js/.d.ts         the package entry: WebAssembly, or the JavaScript build where it is missing
#   js.js/.d.ts            'icp-precheck/js': the JavaScript build only, synchronous start
#   package.json           exports, types, files, sideEffects
# then prints the sizes (scripts/size-report.sh).
#
# The Rust build is nightly with -Zbuild-std: the standard library is rebuilt for the MVP CPU
# (the prebuilt one uses post-MVP instructions) and with the immediate-abort panic strategy
# (no panic machinery in the download). The first build takes a few minutes, later ones
# only what changed. When the cargo output has not changed, the post-processing (wasm-opt,
# wasm2js, ~1-2 minutes) is not redone either.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

NIGHTLY=${ICP_NIGHTLY:-nightly}
# For size and speed experiments (BENCHMARKS.md): ICP_OPT_LEVEL (default z), ICP_RUSTFLAGS
# (appended to the flags below), ICP_CARGO_CONFIG (a cargo --config value, e.g.
# 'profile.release.package.icp-precheck.opt-level=3').
target_dir=target/pkg-wasm
stage=target/pkg-stage
mkdir -p target "$target_dir"

# Several people (and agents) share this tree: one pkg/ build at a time.
exec 9>target/.pkg-build.lock
flock 9

# Size profile, given here rather than in Cargo.toml so that native builds keep opt-level "s".
#   -C target-cpu=mvp              no post-MVP instructions (in our code and, via build-std, in std)
#   -C panic=immediate-abort       a panic is a trap: no formatting, messages or locations
#   -Z fmt-debug=none              `{:?}` prints nothing (used only by tests and debug_assert!)
#   -Z location-detail=none        no file/line strings
#   optimize_for_size (std)        the small variants of sort etc.
#   -C llvm-args=-inline-threshold=50
#                                  opt-level z barely inlines, and a domain check is many small
#                                  calls: this threshold makes checkDomain about 20% faster for
#                                  +1.1 KB brotli (BENCHMARKS.md; 150: 25% for +8 KB)
unset CARGO_ENCODED_RUSTFLAGS
# Built twice from the same sources: the full module, and without the `forms` feature the
# domain-only module of 'icp-precheck/domain' (the same target folder: only the crate itself is
# compiled again). Each is copied out of cargo's output, which the second build overwrites.
cargo_wasm() {   # messages file, extra cargo arguments…
  local messages=$1; shift
  CARGO_TARGET_DIR=$target_dir \
  CARGO_PROFILE_RELEASE_OPT_LEVEL=${ICP_OPT_LEVEL:-z} \
  RUSTFLAGS="-C target-cpu=mvp -Z unstable-options -C panic=immediate-abort -Z fmt-debug=none -Z location-detail=none -C llvm-args=-inline-threshold=50 ${ICP_RUSTFLAGS:-}" \
    cargo "+$NIGHTLY" build --release --lib --target wasm32-unknown-unknown ${ICP_CARGO_CONFIG:+--config "$ICP_CARGO_CONFIG"} \
      -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
      --message-format=json-render-diagnostics "$@" > "$messages"
}
cargo_out=$target_dir/wasm32-unknown-unknown/release/icp_precheck.wasm
echo "== cargo +$NIGHTLY build (wasm32, MVP, build-std) =="
cargo_wasm "$target_dir/build-messages.json"
raw_wasm=$target_dir/icp_precheck.full.wasm
cp "$cargo_out" "$raw_wasm"
echo "== cargo +$NIGHTLY build --no-default-features (the domain-only module) =="
cargo_wasm "$target_dir/build-messages-domain.json" --no-default-features
raw_domain_wasm=$target_dir/icp_precheck.domain.wasm
cp "$cargo_out" "$raw_domain_wasm"
# Data the .wasm does not carry (checkServer's IP regions, the mobile prefixes' provinces):
# generated beside the baked Rust (bake/, src/generated/), shipped as files that
# pkg-src/data.js fetches on first use.
data_files=(src/generated/server-regions.bin src/generated/mobile-regions.bin)

# Everything below depends only on these; skip it when none changed.
key=$( { sha256sum "$raw_wasm" "$raw_domain_wasm" "${data_files[@]}" scripts/build-pkg.sh scripts/patch-glue.mjs scripts/inline-snippets.mjs scripts/wasm2js-module.mjs scripts/minify-js.mjs src/wasm/transfer.js src/generated/transfer-tables.js pkg-src/* data/rdap/dns.json;
         grep -m1 '^version' Cargo.toml; wasm-bindgen --version; node_modules/.bin/wasm-opt --version; } | sha256sum | cut -c1-16)
if [ -f "$stage/.key" ] && [ "$(cat "$stage/.key")" = "$key" ]; then
  echo "== post-processing unchanged ($key), reusing $stage =="
else
  rm -rf "$stage"
  mkdir -p "$stage"

  # wasm-bindgen, wasm-opt and wasm2js for one module: <name>.js/.d.ts (glue and types),
  # <name>_bg.wasm, <name>_asm.js (the no-WebAssembly build).
  bindgen() {   # raw .wasm, output name, least number of public functions (patch-glue.mjs)
    local raw=$1 name=$2 functions=$3
    echo "== wasm-bindgen --target web ($name) =="
    wasm-bindgen --target web --out-dir "$stage" --out-name "$name" "$raw"

    # wasm-bindgen drops the `?` of a trailing optional argument once its type is overridden;
    # every `options` argument is optional (docs/api.md).
    sed -i -E "s/options: ([A-Za-z]*Options)\)/options?: \1)/g" "$stage/$name.d.ts"

    echo "== wasm-opt --flatten --rereloop -Os -Oz (MVP features only; $name) =="
    # npm's wasm-opt only (see setup.sh). --mvp-features: binaryen may not introduce any
    # post-MVP instruction either. Flattening and re-relooping the control flow first, then
    # -Os before -Oz, came out ~700 B brotli smaller than -Oz alone (measured Nov 2026).
    node_modules/.bin/wasm-opt --mvp-features --flatten --rereloop -Os -Oz --converge --low-memory-unused --zero-filled-memory \
      --strip-debug --strip-producers --strip-target-features \
      "$stage/${name}_bg.wasm" -o "$stage/${name}_bg.wasm"
    bash scripts/wasm-features.sh --require-mvp "$stage/${name}_bg.wasm"

    echo "== wasm2js (the no-WebAssembly build; $name) =="
    node_modules/.bin/wasm2js -Oz "$stage/${name}_bg.wasm" -o "$stage/asm.raw.js"
    node scripts/wasm2js-module.mjs "$stage/asm.raw.js" "$stage/asm.module.js"
    node scripts/minify-js.mjs "$stage/asm.module.js" "$stage/${name}_asm.js"
    rm "$stage/asm.raw.js" "$stage/asm.module.js"

    node scripts/patch-glue.mjs "$stage/$name.js" "$functions"
  }
  bindgen "$raw_wasm" icp_precheck 10
  bindgen "$raw_domain_wasm" icp_precheck_domain 2
  # The snippets (src/wasm/transfer.js), minified and checked for ES2017 like the rest, go
  # into the glue: one module fewer to fetch before the first answer.
  # Each is minified from its source (the path under the snippet's crate folder), so that the
  # generated tables it imports (src/generated/transfer-tables.js) are bundled in.
  find "$stage/snippets" -name '*.js' | while read -r f; do
    node scripts/minify-js.mjs "${f#"$stage"/snippets/*/}" "$f"
  done
  node scripts/inline-snippets.mjs "$stage/icp_precheck.js" "$stage/icp_precheck_domain.js"
  cp pkg-src/index.js pkg-src/index.d.ts pkg-src/loader.js pkg-src/domain.js pkg-src/domain.d.ts pkg-src/js.js pkg-src/js.d.ts pkg-src/rdap.js pkg-src/rdap.d.ts pkg-src/data.js pkg-src/data.d.ts pkg-src/integrations.js pkg-src/integrations.d.ts pkg-src/element.js pkg-src/element.d.ts pkg-src/README.md "$stage/"
  # 'icp-precheck/domain' as one file: the entry, its loader and its glue bundled, so that a
  # page that checks domains waits for one module before the .wasm, not two (BENCHMARKS.md).
  node scripts/minify-js.mjs "$stage/domain.js" "$stage/domain.bundled.js" && mv "$stage/domain.bundled.js" "$stage/domain.js"
  cp "${data_files[@]}" "$stage/"
  cp data/rdap/dns.json "$stage/rdap-bootstrap.json"

  version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
  cat > "$stage/package.json" <<JSON
{
  "name": "icp-precheck",
  "version": "$version",
  "description": "Client-side pre-checks for China ICP filings (ICP备案): domains, entities, websites, apps",
  "license": "MIT OR Apache-2.0",
  "keywords": ["icp", "备案", "china", "domain", "psl", "idna", "webassembly"],
  "type": "module",
  "main": "./index.js",
  "module": "./index.js",
  "types": "./index.d.ts",
  "exports": {
    ".": {
      "types": "./index.d.ts",
      "icp-precheck-js": { "types": "./js.d.ts", "default": "./js.js" },
      "react-native": { "types": "./js.d.ts", "default": "./js.js" },
      "default": "./index.js"
    },
    "./domain": { "types": "./domain.d.ts", "default": "./domain.js" },
    "./wasm": { "types": "./icp_precheck.d.ts", "default": "./icp_precheck.js" },
    "./js": { "types": "./js.d.ts", "default": "./js.js" },
    "./rdap": { "types": "./rdap.d.ts", "default": "./rdap.js" },
    "./integrations": { "types": "./integrations.d.ts", "default": "./integrations.js" },
    "./element": { "types": "./element.d.ts", "default": "./element.js" },
    "./rdap-bootstrap.json": "./rdap-bootstrap.json",
    "./icp_precheck_bg.wasm": "./icp_precheck_bg.wasm",
    "./icp_precheck_domain_bg.wasm": "./icp_precheck_domain_bg.wasm",
    "./server-regions.bin": "./server-regions.bin",
    "./mobile-regions.bin": "./mobile-regions.bin",
    "./package.json": "./package.json"
  },
  "files": [
    "index.js", "index.d.ts", "loader.js", "js.js", "js.d.ts",
    "domain.js", "domain.d.ts", "icp_precheck_domain.js", "icp_precheck_domain.d.ts",
    "icp_precheck_domain_bg.wasm", "icp_precheck_domain_bg.wasm.d.ts", "icp_precheck_domain_asm.js",
    "icp_precheck.js", "icp_precheck.d.ts", "icp_precheck_bg.wasm", "icp_precheck_bg.wasm.d.ts",
    "icp_precheck_asm.js", "rdap.js", "rdap.d.ts", "rdap-bootstrap.json",
    "data.js", "data.d.ts", "server-regions.bin", "mobile-regions.bin",
    "integrations.js", "integrations.d.ts", "element.js", "element.d.ts", "README.md"
  ],
  "sideEffects": ["./element.js"],
  "engines": { "node": ">=18" }
}
JSON
  echo "$key" > "$stage/.key"
fi

# Public TypeScript signatures must not use `any` (docs/api.md).
node scripts/check-dts.mjs "$stage"/*.d.ts

# Swap in the new pkg/ with two renames: readers (the dev server, other test runs) see the old
# or the new package, never half of one.
rm -rf target/pkg.new target/pkg.old
cp -r "$stage" target/pkg.new
rm -f target/pkg.new/.key
if [ -d pkg ]; then mv pkg target/pkg.old; fi
mv target/pkg.new pkg
rm -rf target/pkg.old
bash scripts/size-report.sh
