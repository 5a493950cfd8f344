# How a fuzz target is run, shared by scripts/test-fuzz.sh (short runs, in the test command)
# and scripts/fuzz-campaign.sh (long sittings); sourced from inside fuzz/.

# -timeout: one input may take at most 2 s (the slowest legitimate one takes milliseconds);
# -rss_limit_mb: a bounded allocation; -max_len: up to the domain limit and past it.
FUZZ_LIMITS=(-timeout=2 -rss_limit_mb=2048 -max_len=8192)

# The sanitizer cargo-fuzz builds with: AddressSanitizer by default. The crate has no unsafe
# code, so a long campaign may choose FUZZ_SANITIZER=none, which ran 1.5 to 2.1 times as many
# executions in the same minute (value 1.66×, fields 2.13×, registration 2.05×, check_domain
# 1.45×, 2026-12-03) and still stops on every panic, timeout and allocation past the limit (the
# campaign records which).
FUZZ_SANITIZER="${FUZZ_SANITIZER:-address}"

# How the targets are built: with the sanitizer, and with libFuzzer's tracing of comparisons
# unless FUZZ_TRACE_COMPARES=0. Tracing lets libFuzzer solve a comparison with a constant (a
# keyword, a prefix) byte by byte; once the corpus holds those inputs, a sitting that mutates
# them gains little from it and spends most of its time there (perf: 80 % of the fields
# target's), so a long campaign from the committed corpus may turn it off.
FUZZ_BUILD=(-s "$FUZZ_SANITIZER")
if [ "${FUZZ_TRACE_COMPARES:-1}" = 0 ]; then FUZZ_BUILD+=(--no-trace-compares); fi

# The nightly toolchain, cargo-fuzz, and a C++ compiler for libFuzzer (built by libfuzzer-sys).
fuzz_setup() {
  rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
  command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
  command -v c++ >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq g++; }
}

# Runs `target` for `seconds` with its dictionary, if any, from the corpus folders given (new
# inputs go to the first); the output goes to `log`. Fails as libFuzzer does: on a crash,
# a timeout or a leak.
fuzz_run() {   # target, seconds, log, corpus folders…
  local target=$1 seconds=$2 log=$3
  shift 3
  local dict=()
  [ -f "dict/$target.dict" ] && dict=(-dict="dict/$target.dict")
  cargo +nightly fuzz run "${FUZZ_BUILD[@]}" "$target" "$@" -- -max_total_time="$seconds" "${FUZZ_LIMITS[@]}" -print_final_stats=1 "${dict[@]}" >"$log" 2>&1
}

# The number of executions a run's log reports.
fuzz_executions() {   # log
  awk '/stat::number_of_executed_(runs|units):/ { print $2 }' "$1" | tail -n 1
}
