#!/usr/bin/env bash
# Short fuzz runs of every target in fuzz/ (cargo-fuzz, libFuzzer, nightly), from the committed
# corpus; prints the executions per target and fails on any crash, timeout or leak.
# FUZZ_SECONDS (default 25) per target; longer runs: fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-25}"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/target/fuzz}"

source scripts/fuzz-common.sh
fuzz_setup

cd fuzz
# The harness's own tests first (fuzz/src/lib.rs: what it builds is what the converter makes).
cargo +nightly test --lib --quiet
cargo +nightly fuzz build "${FUZZ_BUILD[@]}"
targets=$(cargo +nightly fuzz list)
failed=0
for target in $targets; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  # New inputs go to a scratch directory: the committed corpus stays small (see README).
  scratch=$(mktemp -d)
  log="$scratch/log"
  if fuzz_run "$target" "$seconds" "$log" "$scratch" "$corpus"; then
    status=ok
  else
    status=FAILED
    failed=1
    tail -n 60 "$log"
  fi
  runs=$(fuzz_executions "$log")
  printf 'fuzz %-14s %-6s %10s executions in %ss\n' "$target" "$status" "${runs:-?}" "$seconds"
  rm -rf "$scratch"
done
if [ "$failed" -ne 0 ]; then
  echo "fuzzing found a failure: the reproducer is in fuzz/artifacts/ (see fuzz/README.md)"
  exit 1
fi
echo "fuzz: every target ran clean"
