#!/usr/bin/env bash
# pkg/ inside the tools consoles are built with (pkg-src/integrations.js, pkg-src/element.js):
#   - npm ci in examples/react-hook-form-app, examples/tanstack-form-app, examples/antd-app
#     (each app's package.json + package-lock.json, exact versions; only when node_modules is
#     missing or older than the lock; everything after that is offline);
#   - Vite (the repository's) builds the three apps; tsc checks the schemas against
#     @standard-schema/spec's types and react-hook-form's resolver (examples/react-hook-form-app)
#     and the rules against antd's (examples/antd-app), each app's src/typecheck.ts;
#   - node --test tests/node/integrations.test.mjs: the rules inside async-validator and antd's
#     fork, and the schemas, give the package's verdicts and messages;
#   - node --test tests/integrations/: the three apps and examples/element/ (the custom element
#     in a plain page under the demo page's CSP) in Debian's headless Chromium.
# Builds pkg/ only when it is missing. Exits non-zero on any failure; prints pass counts.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && [ -d node_modules/playwright-core ] && [ -x node_modules/.bin/vite ] && [ -x node_modules/.bin/tsc ] || bash scripts/setup.sh
[ -x "$CHROMIUM" ] || { echo "test-integrations.sh: $CHROMIUM not found (bash scripts/setup.sh)" >&2; exit 1; }
if [ ! -f pkg/index.js ] || [ ! -f pkg/integrations.js ] || [ ! -f pkg/element.js ]; then
  bash scripts/build-pkg.sh
fi

fail=0
passed=0
step() {   # name, command…
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "ok   $name"; else fail=$((fail + 1)); echo "FAIL $name"; fi
}

apps=(examples/react-hook-form-app examples/tanstack-form-app examples/antd-app)
echo "== npm ci (only where node_modules is missing or older than the lock) =="
install() {   # app
  local app=$1
  if [ -f "$app/node_modules/.package-lock.json" ] && [ "$app/node_modules/.package-lock.json" -nt "$app/package-lock.json" ] \
     && [ -e "$app/node_modules/icp-precheck/package.json" ]; then
    return 0
  fi
  (cd "$app" && npm ci --no-audit --no-fund --loglevel=error)
}
for app in "${apps[@]}"; do step "npm ci $app" install "$app"; done

echo "== builds =="
for app in "${apps[@]}"; do step "vite build $app" node_modules/.bin/vite build "$app"; done
step "tsc --noEmit examples/react-hook-form-app (@standard-schema/spec's types, the resolver, the element)" node_modules/.bin/tsc --noEmit -p examples/react-hook-form-app
step "tsc --noEmit examples/antd-app (the rules by antd's Form.Item types)" node_modules/.bin/tsc --noEmit -p examples/antd-app

report=$(mktemp)
log=$(mktemp)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -f "$report" "$log"
}
trap cleanup EXIT

echo "== node --test tests/node/integrations.test.mjs =="
ICP_INTEGRATIONS_REQUIRED=1 node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$report" tests/node/integrations.test.mjs || true
node_pass=$(grep -cE '^\s*ok [0-9]+ ' "$report" || true)
node_fail=$(grep -cE '^\s*not ok [0-9]+ ' "$report" || true)

echo "== node --test tests/integrations/ (headless Chromium) =="
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
node scripts/static-server.mjs --port "$port" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/examples/element/index.html', timeout=1)" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "test-integrations.sh: the server did not start:" >&2; cat "$log" >&2; exit 1; }
  sleep 0.2
done
INTEGRATIONS_PORT=$port CHROMIUM=$CHROMIUM node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$report" tests/integrations/ || true
browser_pass=$(grep -cE '^\s*ok [0-9]+ ' "$report" || true)
browser_fail=$(grep -cE '^\s*not ok [0-9]+ ' "$report" || true)

tests_pass=$((node_pass + browser_pass))
tests_fail=$((node_fail + browser_fail))
echo "== integrations: shell checks $passed passed, $fail failed; node tests: $tests_pass passed, $tests_fail failed ($(( $(date +%s) - started )) s) =="
[ "$fail" -eq 0 ] && [ "$tests_fail" -eq 0 ] && [ "$node_pass" -gt 0 ] && [ "$browser_pass" -gt 0 ]
