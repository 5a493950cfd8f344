#!/usr/bin/env bash
# Lists the post-MVP WebAssembly features a .wasm uses: wabt's wasm-validate is run once per
# feature with only that feature disabled (a failure means the module needs it), and the
# instructions that need each feature are counted with wasm-objdump -d.
# With --require-mvp, it also validates with every post-MVP feature disabled at once and exits
# non-zero unless that passes, i.e. unless the module runs on an MVP-only engine.
#
#   bash scripts/wasm-features.sh [--require-mvp] FILE.wasm
set -euo pipefail
require=0
if [ "${1:-}" = --require-mvp ]; then require=1; shift; fi
wasm=${1:?usage: wasm-features.sh [--require-mvp] FILE.wasm}
command -v wasm-validate >/dev/null || { echo "wasm-features.sh: wasm-validate missing (apt-get install wabt)" >&2; exit 1; }

# Flags of Debian's wabt 1.0.32 that turn off what it enables by default (all post-MVP).
features="mutable-globals saturating-float-to-int sign-extension simd multi-value bulk-memory reference-types"

echo "post-MVP features of $(basename "$wasm") (wasm-validate --disable-<feature>):"
used=0
for f in $features; do
  if out=$(wasm-validate "--disable-$f" "$wasm" 2>&1); then
    printf '  %-24s not used\n' "$f"
  else
    printf '  %-24s USED: %s\n' "$f" "$(printf '%s' "$out" | head -1 | sed 's/^[^:]*: *//' | cut -c1-110)"
    used=1
  fi
done

# Instruction counts (wasm-validate stops at the first error, so it cannot count).
wasm-objdump -d "$wasm" | awk '
  / i(32|64)\.extend(8|16|32)_s/           { n["sign-extension"]++ }
  / i(32|64)\.trunc_sat_/                  { n["saturating-float-to-int"]++ }
  / (memory\.(copy|fill|init)|data\.drop)/  { n["bulk-memory"]++ }
  / (table\.(get|set|grow|size|fill)|ref\.(null|is_null|func))/ { n["reference-types"]++ }
  / v128\./                                 { n["simd"]++ }
  END { for (k in n) printf "  %-24s %d instruction(s)\n", k, n[k] }' | sort

flags=""
for f in $features; do flags="$flags --disable-$f"; done
# shellcheck disable=SC2086
if out=$(wasm-validate $flags "$wasm" 2>&1); then
  echo "wasm-validate$flags: valid (MVP only)"
else
  echo "wasm-validate$flags: INVALID: $(printf '%s' "$out" | head -1)"
  if [ $require = 1 ]; then echo "wasm-features.sh: $wasm needs post-MVP WebAssembly" >&2; exit 1; fi
fi
