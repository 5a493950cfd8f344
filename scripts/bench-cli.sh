#!/usr/bin/env bash
# The command line on a million lines, side by side with `checkDomains` in Node:
#   bash scripts/bench-cli.sh              # 1,000,000 lines, 3 rounds each (medians)
#   LINES=200000 ROUNDS=5 bash scripts/bench-cli.sh
#
# 1. Builds the release binary (`cargo build --release -p icp-precheck-cli`).
# 2. Writes target/bench-cli/list.txt: the seeded corpus of bench/corpus.mjs (mulberry32,
#    0x1CB2024, the inputs every benchmark uses), LINES of them, one a line (the few inputs
#    that hold a line break or a carriage return have it removed, so each is one line).
# 3. Runs `icp-precheck domains list.txt` under /usr/bin/time -v for the CSV and the JSON
#    output (to files): wall time, checks per second, peak RSS. The figures include reading,
#    checking, rendering every message and writing the output.
# 4. Runs `checkDomains` in Node on the same lines (pkg/, initSync, batches of 10,000), the
#    check alone (the input already in memory, reports built and dropped), and its peak RSS.
# pkg/ is not built here: run scripts/build-pkg.sh first when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
lines=${LINES:-1000000}
rounds=${ROUNDS:-3}
out=${CARGO_TARGET_DIR:-target}
dir=target/bench-cli
mkdir -p "$dir"

echo "== build (release)"
cargo build --release -p icp-precheck-cli 2>&1 | tail -1
bin="$out/release/icp-precheck"

echo "== corpus: $lines lines"
node --input-type=module -e "
import { writeFileSync } from 'node:fs';
import { generate } from './bench/corpus.mjs';
const { inputs } = generate($lines);
writeFileSync('$dir/list.txt', inputs.map((s) => s.replace(/[\r\n]/g, '')).join('\n') + '\n');
"
ls -l "$dir/list.txt" | awk '{print "list.txt: " $5 " bytes"}'

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# One timed pass of checkDomains over the list in a fresh Node (after one warm-up batch):
# prints seconds, lines, rejected.
cat > "$dir/node-pass.mjs" <<'EOF_NODE'
import { readFileSync } from 'node:fs';
const [list_path] = process.argv.slice(2);
const m = await import(new URL('../../pkg/icp_precheck.js', import.meta.url));
m.initSync({ module: readFileSync(new URL('../../pkg/icp_precheck_bg.wasm', import.meta.url)) });
// The lines as the CLI reads them: blank ones are skipped.
const list = readFileSync(list_path, 'utf8').split('\n').filter((l) => !/^[ \t\r\n\f\v]*$/.test(l));
m.checkDomains(list.slice(0, 10000));
let rejected = 0;
const t0 = process.hrtime.bigint();
for (let i = 0; i < list.length; i += 10000) {
  for (const r of m.checkDomains(list.slice(i, i + 10000))) if (!r.ok) rejected++;
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`${seconds.toFixed(3)} ${list.length} ${rejected}`);
EOF_NODE

node_ok=1
if [ ! -f pkg/icp_precheck_bg.wasm ]; then
  echo "pkg/ is missing: run scripts/build-pkg.sh first; Node is skipped"
  node_ok=0
fi

# Rounds interleave the cases, so that a change in the machine's load touches all of them.
: > "$dir/rounds.txt"
for round in $(seq "$rounds"); do
  for fmt in csv json; do
    start=$EPOCHREALTIME
    /usr/bin/time -v "$bin" domains "$dir/list.txt" --format "$fmt" --no-progress > "$dir/out.$fmt" 2> "$dir/time.$fmt" || true
    end=$EPOCHREALTIME
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.$fmt")
    echo "cli-$fmt $(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}') $rss" >> "$dir/rounds.txt"
  done
  if [ "$node_ok" = 1 ]; then
    /usr/bin/time -v node "$dir/node-pass.mjs" "$dir/list.txt" > "$dir/node.out" 2> "$dir/time.node"
    read -r seconds n node_rejected < "$dir/node.out"
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.node")
    echo "node $seconds $rss" >> "$dir/rounds.txt"
  fi
  echo "round $round: $(grep -c . "$dir/rounds.txt") runs"
done

echo "== $lines lines, $rounds interleaved rounds, medians (wall time of the whole run for the CLI: read, check, render, write to a file; the checkDomains loop alone for Node)"
summary() { # case label
  local t r all
  t=$(awk -v c="$1" '$1 == c {print $2}' "$dir/rounds.txt" | median)
  r=$(awk -v c="$1" '$1 == c {print $3}' "$dir/rounds.txt" | median)
  all=$(awk -v c="$1" '$1 == c {printf "%s ", $2}' "$dir/rounds.txt")
  awk -v t="$t" -v r="$r" -v n="$lines" -v l="$2" -v all="$all" \
    'BEGIN {printf "%-28s %7.3f s  %9.0f checks/s  peak RSS %7.1f MiB   (rounds: %s)\n", l, t, n / t, r / 1024, all}'
  echo "$t" > "$dir/median.$1"
}
summary cli-csv "icp-precheck --format csv"
summary cli-json "icp-precheck --format json"
cli_rejected=$(grep -c '^{"ok":false' "$dir/out.json" || true)
echo "rejected by the CLI: $cli_rejected of $lines"
if [ "$node_ok" = 1 ]; then
  summary node "Node $(node --version) checkDomains"
  echo "rejected by checkDomains: $node_rejected of $n"
  # The two must agree on every verdict count, or the figures compare different work.
  if [ "$node_rejected" != "$cli_rejected" ] || [ "$n" != "$lines" ]; then
    echo "bench-cli.sh: the CLI rejected $cli_rejected of $lines, checkDomains $node_rejected of $n" >&2
    exit 1
  fi
  for fmt in csv json; do
    awk -v t="$(cat "$dir/median.cli-$fmt")" -v nt="$(cat "$dir/median.node")" -v f="$fmt" \
      'BEGIN {printf "ratio (checks per second) icp-precheck --format %s / Node checkDomains: %.2fx\n", f, nt / t}'
  done
fi
