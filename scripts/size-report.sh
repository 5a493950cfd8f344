#!/usr/bin/env bash
# Prints what each artefact in pkg/ costs to download: raw, gzip -9, brotli -q 11, then what a
# page downloads in total on each path (WebAssembly, or the JavaScript fallback).
#   bash scripts/size-report.sh [DIR]      (default pkg/)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-pkg}
command -v brotli >/dev/null || { echo "size-report.sh: brotli missing (bash scripts/setup.sh)" >&2; exit 1; }

declare -A RAW GZ BR
printf '%-28s %10s %10s %10s\n' artefact raw gzip brotli
snippet=
while IFS= read -r f; do
  n=${f#"$dir"/}
  case $n in snippets/*) snippet=$n ;; esac
  RAW[$n]=$(wc -c <"$f")
  GZ[$n]=$(gzip -9 -c "$f" | wc -c)
  BR[$n]=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-28s %10s %10s %10s\n' "$(basename "$n")" "${RAW[$n]}" "${GZ[$n]}" "${BR[$n]}"
done < <(find "$dir" -type f | sort)

total() {   # label, files…
  local label=$1 r=0 g=0 b=0 n; shift
  for n in "$@"; do
    [ -n "${RAW[$n]:-}" ] || return 0
    r=$((r + RAW[$n])); g=$((g + GZ[$n])); b=$((b + BR[$n]))
  done
  printf '%-28s %10s %10s %10s\n' "$label" "$r" "$g" "$b"
}
echo "downloaded at run time:"
total "  WebAssembly path" index.js icp_precheck.js ${snippet:+"$snippet"} icp_precheck_bg.wasm
total "  JavaScript fallback path" index.js icp_precheck.js ${snippet:+"$snippet"} icp_precheck_asm.js
total "  domain only (WebAssembly)" domain.js icp_precheck_domain_bg.wasm
total "  domain only (JavaScript)" domain.js icp_precheck_domain_asm.js

if [ -n "${BR[icp_precheck_bg.wasm]:-}" ]; then
  budget=180000
  if [ "${BR[icp_precheck_bg.wasm]}" -le "$budget" ]; then
    echo "icp_precheck_bg.wasm: ${BR[icp_precheck_bg.wasm]} B brotli, within the 180 KB budget ($budget B)"
  else
    echo "icp_precheck_bg.wasm: ${BR[icp_precheck_bg.wasm]} B brotli, OVER the 180 KB budget ($budget B) by $((BR[icp_precheck_bg.wasm] - budget)) B"
  fi
fi
