#!/usr/bin/env bash
# pkg/ in Firefox ESR and WebKitGTK (tests/engines/), each with WebAssembly and with it off:
# the plain module page, the module worker, the demo page, and ~3,500 domains, every
# registration fixture and the server check, all compared with Node's WebAssembly answers
# (which the Chromium suite is held to too). Debian's browsers only: firefox-esr through
# geckodriver (crates.io), MiniBrowser through WebKitWebDriver under xvfb-run.
# Builds pkg/ only when it is missing. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
command -v geckodriver >/dev/null && command -v WebKitWebDriver >/dev/null && command -v xvfb-run >/dev/null \
  && [ -x /usr/bin/firefox-esr ] || bash scripts/setup.sh
[ -f pkg/index.js ] && [ -f pkg/icp_precheck_asm.js ] || bash scripts/build-pkg.sh

report=$(mktemp)
trap 'rm -f "$report"' EXIT
status=0
xvfb-run -a node --test --test-concurrency=1 --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$report" tests/engines/ || status=$?
pass=$(grep -cE '^\s*ok [0-9]+ ' "$report" || true)
fail=$(grep -cE '^\s*not ok [0-9]+ ' "$report" || true)
echo "== engines: $pass passed, $fail failed ($(( $(date +%s) - started )) s) =="
[ "$status" -eq 0 ] && [ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
