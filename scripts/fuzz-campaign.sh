#!/usr/bin/env bash
# A long fuzz campaign, in sittings that add up: each target runs SECONDS from the committed
# corpus (fuzz/corpus/<target>), the new inputs that add coverage are merged back into it
# (libFuzzer -merge=1, so the corpus stays minimal), and the sitting is appended to
# fuzz/campaign.tsv (date, commit, target, seconds, executions, coverage, crashes, sanitizer,
# note). Then
# fuzz/CAMPAIGN.md sums the sittings per target against the goal of 10^7 executions.
#
#   bash scripts/fuzz-campaign.sh [SECONDS per target, default 600] [target …]
#   FUZZ_SANITIZER=none bash scripts/fuzz-campaign.sh …   # faster; see scripts/fuzz-common.sh
#   FUZZ_TRACE_COMPARES=0 …                               # faster still, noted in the sitting
# A crash stops its target's sitting, is recorded with crashes = 1, and leaves the reproducer
# in fuzz/artifacts/<target>/ (fuzz/README.md says how to replay and shrink it).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$PWD/target/fuzz}"
source scripts/fuzz-common.sh
fuzz_setup
cd fuzz
cargo +nightly fuzz build "${FUZZ_BUILD[@]}"
targets=${*:-$(cargo +nightly fuzz list)}
commit=$(git rev-parse --short HEAD)
[ -f campaign.tsv ] || printf 'date\tcommit\ttarget\tseconds\texecutions\tcoverage\tcrashes\tsanitizer\tnote\n' > campaign.tsv
for target in $targets; do
  corpus="corpus/$target"
  mkdir -p "$corpus"
  scratch=$(mktemp -d)
  crashes=0
  note=
  [ "${FUZZ_TRACE_COMPARES:-1}" = 0 ] && note="comparisons not traced"
  fuzz_run "$target" "$seconds" "$scratch/log" "$scratch" "$corpus" || crashes=1
  # A timeout on a loaded machine may be the scheduler's, not the input's: one that passes when
  # re-run alone is no finding. Its artifact is removed and the sitting noted as cut short.
  artifact=$(grep -oE "artifacts/$target/timeout-[0-9a-f]+" "$scratch/log" | tail -n 1 || true)
  if [ "$crashes" -eq 1 ] && [ -n "$artifact" ] \
    && cargo +nightly fuzz run "${FUZZ_BUILD[@]}" "$target" "$artifact" -- "${FUZZ_LIMITS[@]}" >"$scratch/recheck.log" 2>&1; then
    echo "fuzz $target: $artifact passes when re-run alone: a timeout of the loaded machine, not a finding"
    rm -f "$artifact"
    crashes=0 note="${note:+$note; }stopped by a timeout that did not reproduce"
  fi
  runs=$(fuzz_executions "$scratch/log")
  cov=$(grep -oE 'cov: [0-9]+' "$scratch/log" | tail -n 1 | awk '{print $2}')
  [ "$crashes" -eq 1 ] && tail -n 40 "$scratch/log"
  # Keep only what adds coverage (into a fresh folder: -merge=1 never removes what is there).
  merged=$(mktemp -d)
  cargo +nightly fuzz run "${FUZZ_BUILD[@]}" "$target" "$merged" "$corpus" "$scratch" -- -merge=1 "${FUZZ_LIMITS[@]}" \
    >"$scratch/merge.log" 2>&1 && { rm -rf "$corpus"; mv "$merged" "$corpus"; } || rm -rf "$merged"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$commit" "$target" "$seconds" "${runs:-0}" "${cov:-?}" "$crashes" "$FUZZ_SANITIZER" "$note" >> campaign.tsv
  printf 'fuzz %-14s %12s executions, coverage %s, crashes %s; corpus %s files\n' "$target" "${runs:-?}" "${cov:-?}" "$crashes" "$(ls "$corpus" | wc -l)"
  rm -rf "$scratch"
done
python3 - <<'PY'
import collections, csv
rows = list(csv.DictReader(open("campaign.tsv", encoding="utf-8"), delimiter="\t"))
total = collections.defaultdict(lambda: {"executions": 0, "seconds": 0, "sittings": 0, "crashes": 0, "coverage": "?", "last": "", "sanitizers": set()})
for r in rows:
    t = total[r["target"]]
    t["executions"] += int(r["executions"] or 0)
    t["seconds"] += int(r["seconds"] or 0)
    t["sittings"] += 1
    t["crashes"] += int(r["crashes"] or 0)
    t["coverage"], t["last"] = r["coverage"], r["date"]
    t["sanitizers"].add(r.get("sanitizer") or "address")
goal = 10_000_000
lines = ["# Fuzz campaign", "",
         "Sittings of `bash scripts/fuzz-campaign.sh` added up (each row of `fuzz/campaign.tsv` is one",
         "target's sitting, from the corpus the sittings before it left). Goal: 10^7 executions per",
         "target with no crash. Sanitizer: AddressSanitizer (`address`) or none (`FUZZ_SANITIZER=none`,",
         "see `scripts/fuzz-common.sh`).", "",
         "| target | executions | of the goal | seconds | sittings | coverage (last) | crashes | sanitizers |",
         "|---|---:|---:|---:|---:|---:|---:|---|"]
for name in sorted(total):
    t = total[name]
    lines.append(f'| `{name}` | {t["executions"]:,} | {100 * t["executions"] / goal:.0f} % | {t["seconds"]:,} | {t["sittings"]} | {t["coverage"]} | {t["crashes"]} | {", ".join(sorted(t["sanitizers"]))} |')
open("CAMPAIGN.md", "w", encoding="utf-8").write("\n".join(lines) + "\n")
print("\n".join(lines[6:]))
PY
