#!/usr/bin/env bash
# Every test: installs what is missing, runs the native suites (unit, conformance, docs),
# builds pkg/, then runs the Node tests that load pkg/ as a console would.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

echo "== native tests (cargo test) =="
cargo test
echo "== mutation testing of the last commit's change (scripts/mutants.sh diff) =="
bash scripts/mutants.sh diff
echo "== the library without the forms (cargo feature off: the domain-only module's sources) =="
cargo build --lib --no-default-features
echo "== command line (cli/) =="
cargo test -p icp-precheck-cli
echo "== conformance pass counts =="
cargo test --quiet --test conformance -- --nocapture --test-threads 1 2>&1 | grep -E 'pass|differ|diagnosed'

echo "== pkg/ =="
bash scripts/build-pkg.sh

echo "== Node tests of pkg/ =="
node --test tests/node/

# Browser suites (headless Chromium; Firefox ESR and WebKitGTK in test-engines.sh): each script installs what it needs and exits non-zero
# on failure.
for suite in scripts/test-page.sh scripts/test-pkg-env.sh scripts/test-engines.sh scripts/test-integrations.sh scripts/test-fuzz.sh; do
  if [ -f "$suite" ]; then
    echo "== $suite =="
    bash "$suite"
  fi
done

# The command line on a million lines beside checkDomains in Node (one round; the figures in
# BENCHMARKS.md are medians of more): peak memory and checks per second.
echo "== command line: a million lines =="
ROUNDS=1 bash scripts/bench-cli.sh

