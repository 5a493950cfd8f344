#!/usr/bin/env bash
# pkg/ everywhere the web ecosystem loads it (tests/pkg-env/, examples/):
#   - the .wasm is MVP WebAssembly only (wabt's wasm-validate with every post-MVP feature off);
#   - types: no `any` in a public .d.ts, every docs/api.md function typed; package.json exports/files;
#   - Node 20: by package name with initSync(bytes) and init(bytes); the JavaScript fallback
#     with WebAssembly deleted, under --jitless, via 'icp-precheck/js' and the export condition,
#     giving the same answers as the WebAssembly build on ~3,500 inputs;
#   - headless Chromium (playwright-core): a plain module page, the page without WebAssembly and
#     under a CSP that refuses it, a module Web Worker with and without WebAssembly, and a
#     TypeScript app bundled by the repository's Vite (examples/vite-app), with and without.
# Builds pkg/ only when it is missing. Exits non-zero on any failure; prints pass counts.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || { echo "test-pkg-env.sh: $CHROMIUM not found (bash scripts/setup.sh)" >&2; exit 1; }
[ -d node_modules/playwright-core ] && [ -x node_modules/.bin/vite ] && [ -x node_modules/.bin/webpack ] || bash scripts/setup.sh
command -v wasm-validate >/dev/null || bash scripts/setup.sh
if [ ! -f pkg/index.js ] || [ ! -f pkg/icp_precheck_asm.js ]; then
  bash scripts/build-pkg.sh
fi

fail=0
passed=0
step() {   # name, command…
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi
}

echo "== WebAssembly features of pkg/icp_precheck_bg.wasm =="
step "wasm is MVP only (wasm-validate, all post-MVP features disabled)" \
  bash scripts/wasm-features.sh --require-mvp pkg/icp_precheck_bg.wasm

echo "== Vite + TypeScript and webpack examples =="
# What `npm install` does for its "file:../../pkg" dependency, without touching the network.
link_pkg() { mkdir -p "$1/node_modules"; ln -sfn "$(pwd)/pkg" "$1/node_modules/icp-precheck"; }
link_pkg examples/vite-app
link_pkg examples/webpack-app
link_pkg tests/pkg-env
step "vite build examples/vite-app" node_modules/.bin/vite build examples/vite-app
step "webpack build examples/webpack-app" node_modules/.bin/webpack --config examples/webpack-app/webpack.config.mjs
if [ -x node_modules/.bin/tsc ]; then
  step "tsc --noEmit examples/vite-app" node_modules/.bin/tsc --noEmit -p examples/vite-app
else
  echo "skip tsc --noEmit examples/vite-app (the typescript package is not in node_modules)"
fi

echo "== node --test tests/pkg-env/ =="
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
node scripts/static-server.mjs --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/examples/plain/index.html', timeout=1)" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "test-pkg-env.sh: the server did not start:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
report=$(mktemp)
if PKG_ENV_PORT=$port node --test --test-reporter=spec --test-reporter-destination=stdout \
     --test-reporter=tap --test-reporter-destination="$report" tests/pkg-env/; then
  :
fi
tests_pass=$(grep -cE '^\s*ok [0-9]+ ' "$report" || true)
tests_fail=$(grep -cE '^\s*not ok [0-9]+ ' "$report" || true)
rm -f "$report"

echo "== pkg-env: shell checks $passed passed, $fail failed; node tests: $tests_pass passed, $tests_fail failed ($(( $(date +%s) - started )) s) =="
[ "$fail" -eq 0 ] && [ "$tests_fail" -eq 0 ] && [ "$tests_pass" -gt 0 ]
