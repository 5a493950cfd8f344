#!/usr/bin/env bash
# Mutation testing of the library (cargo-mutants; .cargo/mutants.toml says what is mutated):
# each mutant is a small change to the code (a condition negated, a function returning a
# default, an arm deleted); a mutant that no test notices is a rule nobody checks.
#
#   bash scripts/mutants.sh diff [BASE]   the mutants in code changed since BASE (default: the
#                                         previous commit); fails on any survivor that
#                                         mutants/equivalent.txt does not list. scripts/test.sh
#                                         runs this after `cargo test` has passed, so the
#                                         unmutated baseline is not run again. At most
#                                         MUTANTS_DIFF_MAX (8, a few minutes) mutants: a larger
#                                         change is sampled (one shard of them, by commit).
#   bash scripts/mutants.sh shard K N     shard K of N of the whole library, recorded in
#                                         mutants/shards/K-of-N.tsv (commit it)
#   bash scripts/mutants.sh files NAME GLOB… [-- ARG…]
#                                         the mutants of the files GLOB… match (`src/ids/*.rs`),
#                                         recorded in mutants/shards/NAME.tsv (commit it): one
#                                         module at a time, after a change to it
#   bash scripts/mutants.sh since NAME BASE [ARG…]
#                                         the mutants in code changed since BASE, all of them,
#                                         recorded in mutants/shards/NAME.tsv (commit it): a
#                                         session's change, tested whole. ARG… go to cargo
#                                         mutants (`--re 'parse_whois'`: re-test survivors)
#   bash scripts/mutants.sh summary       mutants/RESULTS.md from the recorded shards: caught,
#                                         missed, unviable and timeouts per module, and every
#                                         survivor with its reason if it is listed as equivalent.
#                                         A `files` run replaces the records of its files from
#                                         earlier commits (of the same commit: those whose NAME
#                                         sorts before it, so `forms2-rerun` after `forms`)
#
# mutants/equivalent.txt: one survivor per line as cargo-mutants names it ("src/x.rs:12:5:
# replace ... with ..."), then " # " and why the behaviour cannot differ.
set -euo pipefail
cd "$(dirname "$0")/.."
# cargo-mutants, and cargo-nextest, which .cargo/mutants.toml runs each mutant's tests with:
# installed once, built in a scratch folder.
install_once() {   # command, crate, cargo install options…
  command -v "$1" >/dev/null && return
  echo "[mutants] cargo install $2 (a few minutes, once)"
  local scratch
  scratch=$(mktemp -d)
  CARGO_TARGET_DIR=$scratch cargo install "${@:2}"
  rm -rf "$scratch"
}
install_once cargo-mutants cargo-mutants
install_once cargo-nextest cargo-nextest --locked

mode=${1:-diff}
# The commit the run tests: cargo-mutants copies the tree when it starts, and HEAD may move
# (commits go on) before the run ends and the record is written.
tested=$(git rev-parse --short HEAD)
out=target/mutants
mkdir -p "$out"

# The survivors of a run (cargo-mutants' missed.txt) that equivalent.txt does not explain.
unexplained() {
  local missed=$1
  [ -f "$missed" ] || return 0
  local known
  known=$(sed -e 's/ # .*//' mutants/equivalent.txt 2>/dev/null | grep -v '^#' | grep -v '^$' || true)
  grep -vxF -f <(printf '%s\n' "$known") "$missed" || true
}

# One line per mutant: outcome, then its name (file:line:col: description).
tsv() {   # outcomes.json
  python3 - "$1" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
for o in data.get("outcomes", []):
    scenario = o.get("scenario")
    if not isinstance(scenario, dict) or "Mutant" not in scenario:
        continue
    m = scenario["Mutant"]
    # cargo-mutants' own name ("src/x.rs:12:5: replace … with …"), as missed.txt writes it.
    name = m.get("name") or m.get("description")
    summary = o.get("summary", "")
    outcome = {"CaughtMutant": "caught", "MissedMutant": "missed", "Unviable": "unviable", "Timeout": "timeout"}.get(summary, summary)
    print(f"{outcome}\t{name}")
PY
}

case $mode in
  diff)
    base=${2:-HEAD~1}
    if ! git rev-parse -q --verify "$base^{commit}" >/dev/null; then
      echo "[mutants] no $base to compare with (a shallow clone?): nothing to mutate"; exit 0
    fi
    git diff "$base" -- src > "$out/change.diff"
    count=$(cargo mutants --in-diff "$out/change.diff" --list 2>/dev/null | wc -l)
    if [ "$count" -eq 0 ]; then echo "[mutants] the change since $base touches no mutable library code"; exit 0; fi
    max=${MUTANTS_DIFF_MAX:-8}
    shard=()
    if [ "$count" -gt "$max" ]; then
      n=$(( (count + max - 1) / max ))
      k=$(( $(git rev-parse HEAD | cut -c1-6 | xargs -I{} printf '%d' 0x{}) % n ))
      shard=(--shard "$k/$n")
      echo "[mutants] $count mutants in the change since $base: testing shard $k/$n of them"
    else
      echo "[mutants] $count mutants in the change since $base"
    fi
    status=0
    # --baseline skip: the caller has just run the tests unmutated; a mutant's tests get two
    # minutes (they take about 20 s here).
    cargo mutants --in-diff "$out/change.diff" "${shard[@]}" --output "$out/diff" --no-shuffle --baseline skip --timeout 120 || status=$?
    # cargo-mutants exits 2 when mutants were missed, 3 on timeouts, 4 when the tree fails unmutated.
    if [ "$status" -ne 0 ] && [ "$status" -ne 2 ] && [ "$status" -ne 3 ]; then echo "[mutants] cargo mutants failed ($status)" >&2; exit "$status"; fi
    left=$(unexplained "$out/diff/mutants.out/missed.txt")
    if [ -n "$left" ]; then
      echo "[mutants] survivors no test notices (kill each with a test of the rule it breaks, or list it in mutants/equivalent.txt with why it cannot differ):" >&2
      printf '  %s\n' "$left" >&2
      exit 1
    fi
    echo "[mutants] every mutant of the change was caught (or is listed as equivalent)"
    ;;
  shard)
    k=${2:?shard K N}; n=${3:?shard K N}
    mkdir -p mutants/shards
    status=0
    cargo mutants --shard "$k/$n" --output "$out/shard-$k-of-$n" --no-shuffle || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 2 ] && [ "$status" -ne 3 ]; then echo "[mutants] cargo mutants failed ($status)" >&2; exit "$status"; fi
    { echo "# cargo-mutants $(cargo mutants --version | awk '{print $2}'), shard $k of $n, commit $tested, $(date -u +%Y-%m-%d)"
      tsv "$out/shard-$k-of-$n/mutants.out/outcomes.json"; } > "mutants/shards/$k-of-$n.tsv"
    echo "[mutants] recorded mutants/shards/$k-of-$n.tsv"
    bash "$0" summary
    ;;
  files)
    name=${2:?files NAME GLOB…}; shift 2
    [ "$#" -gt 0 ] || { echo "usage: mutants.sh files NAME GLOB…" >&2; exit 2; }
    mkdir -p mutants/shards
    globs=() extra=()
    while [ "$#" -gt 0 ]; do
      if [ "$1" = -- ]; then shift; extra=("$@"); break; fi
      globs+=(--file "$1"); shift
    done
    # The configuration's examine_globs would be added to these: the rest of it is kept.
    grep -v '^examine_globs' .cargo/mutants.toml > "$out/files.toml"
    # `-- --in-place` (mutate this tree and build in its target/, so that runs after the first
    # build incrementally: use a worktree of its own) runs one mutant at a time.
    jobs=(--jobs "${MUTANTS_JOBS:-2}")
    case " ${extra[*]} " in *" --in-place "*) jobs=() ;; esac
    status=0
    cargo mutants --config "$out/files.toml" "${globs[@]}" --output "$out/files-$name" --no-shuffle "${jobs[@]}" "${extra[@]}" || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 2 ] && [ "$status" -ne 3 ]; then echo "[mutants] cargo mutants failed ($status)" >&2; exit "$status"; fi
    what="files ${globs[*]//--file/}"
    # Only a run of every mutant of its files replaces earlier records of them (summary).
    [ "${#extra[@]}" -eq 0 ] || what="some mutants (${extra[*]}) of ${globs[*]//--file/}"
    { echo "# cargo-mutants $(cargo mutants --version | awk '{print $2}'), $what, commit $tested, $(date -u +%Y-%m-%d)"
      tsv "$out/files-$name/mutants.out/outcomes.json"; } > "mutants/shards/$name.tsv"
    echo "[mutants] recorded mutants/shards/$name.tsv"
    bash "$0" summary
    ;;
  since)
    name=${2:?since NAME BASE}; base=${3:?since NAME BASE}; shift 3
    mkdir -p mutants/shards
    git diff "$base" -- src > "$out/since-$name.diff"
    status=0
    cargo mutants --in-diff "$out/since-$name.diff" --output "$out/since-$name" --no-shuffle --jobs "${MUTANTS_JOBS:-2}" "$@" || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 2 ] && [ "$status" -ne 3 ]; then echo "[mutants] cargo mutants failed ($status)" >&2; exit "$status"; fi
    { echo "# cargo-mutants $(cargo mutants --version | awk '{print $2}'), the change since $(git rev-parse --short "$base"), commit $tested, $(date -u +%Y-%m-%d)"
      tsv "$out/since-$name/mutants.out/outcomes.json"; } > "mutants/shards/$name.tsv"
    echo "[mutants] recorded mutants/shards/$name.tsv"
    bash "$0" summary
    ;;
  summary)
    python3 - <<'PY'
import collections, fnmatch, functools, glob, os, re, subprocess
rows, headers, whole, commit = [], [], [], {}   # whole: (globs, record) of each `files` run
for path in sorted(glob.glob("mutants/shards/*.tsv")):
    record = os.path.basename(path)
    for line in open(path, encoding="utf-8"):
        if line.startswith("#"):
            headers.append(f"- `{record}`: {line[1:].strip()}")
            tested = re.search(r", commit ([0-9a-f]{7,40})", line)
            if tested:
                commit[record] = tested.group(1)
            files = re.search(r"\d, files (.*?), commit ", line)
            if files:
                whole.append((files.group(1).split(), record))
        elif line.strip():
            outcome, name = line.rstrip("\n").split("\t", 1)
            rows.append((outcome, name, record))
# A `files` run tested those files whole: it replaces what runs recorded before it of them
# (runs of an earlier commit, or of the same commit named earlier), whose line numbers may
# have moved since. A mutant recorded twice otherwise counts once, as the latest record has
# it (a re-run of survivors after the tests that kill them: of a later commit, or of the same
# commit named later).
@functools.lru_cache(maxsize=None)
def is_ancestor(old, new):
    return subprocess.run(["git", "merge-base", "--is-ancestor", old, new], capture_output=True).returncode == 0
def before(record, r):
    a, b = commit.get(record), commit.get(r)
    if a and b and a != b and (is_ancestor(a, b) or is_ancestor(b, a)):
        return is_ancestor(a, b)
    return record < r
def superseded(name, record):
    source = name.split(":", 1)[0]
    return any(r != record and before(record, r) and any(fnmatch.fnmatch(source, g) for g in globs) for globs, r in whole)
records = sorted({r for _, _, r in rows}, key=functools.cmp_to_key(lambda a, b: 0 if a == b else (-1 if before(a, b) else 1)))
order = {r: i for i, r in enumerate(records)}
rows = sorted(((o, n, r) for o, n, r in rows if not superseded(n, r)), key=lambda row: order[row[2]])
rows = list({name: (outcome, name) for outcome, name, _ in rows}.values())
equivalent = {}
if os.path.exists("mutants/equivalent.txt"):
    for line in open("mutants/equivalent.txt", encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            name, _, why = line.rstrip("\n").partition(" # ")
            equivalent[name] = why
per = collections.defaultdict(collections.Counter)
for outcome, name in rows:
    module = os.path.dirname(name.split(":", 1)[0]) or "src"
    per[module][outcome] += 1
    if outcome == "missed" and name in equivalent:
        per[module]["equivalent"] += 1
# How many mutants each module has today (cargo mutants --list reads the source, builds
# nothing): a module whose recorded mutants are fewer was not tested whole.
today = collections.Counter()
listed = subprocess.run(["cargo", "mutants", "--list"], capture_output=True, text=True)
for name in listed.stdout.splitlines() if listed.returncode == 0 else []:
    today[os.path.dirname(name.split(":", 1)[0]) or "src"] += 1
out = ["# Mutation testing: recorded results", "",
       "Written by `bash scripts/mutants.sh summary` from `mutants/shards/`; each file is one",
       "`bash scripts/mutants.sh shard K N` or `files NAME GLOB…` run. Score = caught ÷ (caught + missed − equivalent).", "",
       *headers, "", "Recorded: mutants with a result; today: mutants the module has now (a module recorded short of it was not tested whole).", "",
       "| module | recorded | today | caught | missed | of them equivalent | unviable | timeout | score |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
for module in sorted(set(per) | set(today)):
    c = per[module]
    viable = c["caught"] + c["missed"] - c["equivalent"]
    score = f'{100 * c["caught"] / viable:.1f} %' if viable else "–"
    recorded = sum(c[o] for o in ("caught", "missed", "unviable", "timeout"))
    out.append(f'| `{module}` | {recorded} | {today[module] or "?"} | {c["caught"]} | {c["missed"]} | {c["equivalent"]} | {c["unviable"]} | {c["timeout"]} | {score} |')
out += ["", "## Survivors", ""]
for outcome, name in rows:
    if outcome == "missed":
        why = equivalent.get(name)
        out.append(f"- `{name}`" + (f" — equivalent: {why}" if why else " — **not yet killed**"))
open("mutants/RESULTS.md", "w", encoding="utf-8").write("\n".join(out) + "\n")
print("\n".join(out[:len(headers) + 10 + len(per)]))
PY
    ;;
  *) echo "usage: scripts/mutants.sh diff [BASE] | shard K N | summary" >&2; exit 2 ;;
esac
