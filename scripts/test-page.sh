#!/usr/bin/env bash
# Browser tests of the demo page (www/): headless Debian Chromium driven by playwright-core.
# Builds pkg/ only when it is missing, serves the repository on a free 127.0.0.1 port, runs
# `node --test tests/page/`, and stops the server on exit. Never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  echo "test-page.sh: $CHROMIUM not found (apt-get install chromium)" >&2
  exit 1
fi
if [ ! -d node_modules/playwright-core ]; then
  npm install --no-audit --no-fund
fi
if [ ! -f pkg/icp_precheck_bg.wasm ]; then
  bash scripts/build-pkg.sh
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp)
node scripts/static-server.mjs --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

for _ in $(seq 1 50); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/www/index.html', timeout=1)" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$server" 2>/dev/null; then
    echo "test-page.sh: the server did not start:" >&2
    cat "$log" >&2
    exit 1
  fi
  sleep 0.2
done

echo "serving on http://127.0.0.1:$port/www/ ; screenshots in tests/page/screenshots/"
PAGE_PORT=$port node --test tests/page/
