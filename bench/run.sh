#!/usr/bin/env bash
# Runs every benchmark and prints the ratios against the JavaScript peers from the same run:
#   bash bench/run.sh            # full run (native criterion, Node, Chromium, Firefox, WebKit,
#                                # the phone profile, sizes)
#   bash bench/run.sh --quick    # shorter criterion measurement, 3 rounds, 5 cold starts
#   bash bench/run.sh --build    # rebuild pkg/ first (otherwise only when pkg/ is missing)
# BASELINE_PKG=/path/to/pkg adds another build (e.g. the previous commit's) side by side.
# Results: bench/out/{native,node,browser,engines,phone,size}.json and target/criterion/.
set -euo pipefail
cd "$(dirname "$0")/.."
quick=0 build=0
for a in "$@"; do
  case "$a" in
    --quick) quick=1 ;;
    --build) build=1 ;;
    *) echo "unknown option $a" >&2; exit 2 ;;
  esac
done
rounds=7 cold=15
[ "$quick" = 1 ] && rounds=3 cold=5
extra=()
[ -n "${BASELINE_PKG:-}" ] && extra=(--pkg "before=$BASELINE_PKG")

mkdir -p bench/out
[ -f bench/corpus.json ] || node bench/corpus.mjs
if [ "$build" = 1 ] || [ ! -f pkg/icp_precheck_bg.wasm ]; then bash scripts/build-pkg.sh; fi
node bench/build-peers.mjs

echo "== native (cargo bench --bench check_domain)"
if [ "$quick" = 1 ]; then export BENCH_QUICK=1; fi
cargo bench --bench check_domain 2>&1 | grep -E '^[a-z_]+/(check_domain|DomainCheck)|time:|thrpt:' || true

echo "== Node $(node --version)"
node bench/node.mjs --rounds "$rounds" --cold "$cold" --pkg ours=pkg "${extra[@]}" --json bench/out/node.json

echo "== headless Chromium"
node bench/browser.mjs --rounds "$rounds" --cold "$cold" --pkg ours=pkg "${extra[@]}" --json bench/out/browser.json

echo "== Firefox ESR and WebKitGTK (WebDriver; the page of bench/browser.mjs)"
xvfb-run -a node bench/engines.mjs --rounds "$rounds" --json bench/out/engines.json

echo "== phone profile (Chromium: CPU 4×, 150 ms RTT, 1.6 Mbit/s; brotli; cold)"
node bench/phone.mjs --runs "$cold" --entry index.js --entry domain.js --json bench/out/phone.json

echo "== download size"
node bench/size.mjs --pkg ours=pkg "${extra[@]}" --json bench/out/size.json

echo "== summary"
node bench/summary.mjs
