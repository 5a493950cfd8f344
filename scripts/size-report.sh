#!/usr/bin/env bash
# Prints what each artefact in pkg/ costs to download: raw, gzip -9, brotli -q 11.
set -euo pipefail
cd "$(dirname "$0")/.."
printf '%-28s %10s %10s %10s\n' artefact raw gzip brotli
for f in pkg/icp_precheck_bg.wasm pkg/icp_precheck.js; do
  [ -f "$f" ] || continue
  raw=$(wc -c <"$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  br=$(brotli -q 11 -c "$f" | wc -c)
  printf '%-28s %10s %10s %10s\n' "$(basename "$f")" "$raw" "$gz" "$br"
done
