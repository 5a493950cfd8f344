#!/usr/bin/env bash
# Short fuzz runs of every target in fuzz/ (cargo-fuzz, libFuzzer, nightly), from the committed
# corpus; prints the executions per target and fails on any crash, timeout or leak.
# FUZZ_SECONDS (default 25) per target; longer runs: fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-25}"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/target/fuzz}"

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! command -v cargo-fuzz >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
# libFuzzer itself is C++, built by the libfuzzer-sys crate.
if ! command -v c++ >/dev/null 2>&1; then
  apt-get update -qq && apt-get install -y -qq g++
fi

cd fuzz
cargo +nightly fuzz build
targets=$(cargo +nightly fuzz list)
failed=0
for target in $targets; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  # New inputs go to a scratch directory: the committed corpus stays small (see README).
  scratch=$(mktemp -d)
  dict=()
  [ -f "dict/$target.dict" ] && dict=(-dict="dict/$target.dict")
  log="$scratch/log"
  # -timeout: one input may take at most 2 s (the slowest legitimate one takes milliseconds);
  # -rss_limit_mb: a bounded allocation; -max_len: up to the domain limit and past it.
  if cargo +nightly fuzz run "$target" "$scratch" "$corpus" -- \
      -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -max_len=8192 \
      -print_final_stats=1 "${dict[@]}" >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed=1
    tail -n 60 "$log"
  fi
  runs=$(awk '/stat::number_of_executed_(runs|units):/ { print $2 }' "$log" | tail -n 1)
  printf 'fuzz %-14s %-6s %10s executions in %ss\n' "$target" "$status" "${runs:-?}" "$seconds"
  rm -rf "$scratch"
done
if [ "$failed" -ne 0 ]; then
  echo "fuzzing found a failure: the reproducer is in fuzz/artifacts/ (see fuzz/README.md)"
  exit 1
fi
echo "fuzz: every target ran clean"
