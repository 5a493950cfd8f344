#!/usr/bin/env bash
# Installs what building pkg/ and running the tests need, skipping whatever is already there.
# Safe to run again and again; every other script calls it first.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

apt_install() {
  say "apt-get install $*"
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; export APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "Rust (cargo) is required: https://rustup.rs" >&2; exit 1; }
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "cargo install wasm-bindgen-cli $want (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$want"
fi

command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
command -v python3 >/dev/null || apt_install python3
python3 -c 'import phonenumbers, sys; sys.exit(phonenumbers.__version__ != "9.0.33")' 2>/dev/null || { say "pip install phonenumbers==9.0.33 (tests/phone_diff.py: libphonenumber of data/phone/)"; python3 -m pip install -q phonenumbers==9.0.33; }
command -v brotli >/dev/null || apt_install brotli
# GNU time: peak memory of the command line's million-line run (scripts/bench-cli.sh).
[ -x /usr/bin/time ] || apt_install time

# npm's binaryen (wasm-opt >= 132). Debian's binaryen 108 corrupts wasm-bindgen output.
if [ ! -x node_modules/.bin/wasm-opt ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm install"
  # `npm install`, not `npm ci`: npm 11 leaves other platforms' optional packages out of the
  # lock file and then refuses `npm ci` on it. The lock still pins every version used here.
  npm install --no-audit --no-fund --loglevel=error
fi

# pkg/ is built with nightly -Z build-std, so that the standard library is compiled for MVP
# WebAssembly too (scripts/build-pkg.sh); wabt's wasm-validate proves the result is MVP only.
nightly=${ICP_NIGHTLY:-nightly}
if ! rustup run "$nightly" rustc --version >/dev/null 2>&1; then
  say "rustup toolchain install $nightly (rust-src, wasm32; for pkg/)"
  rustup toolchain install "$nightly" --profile minimal --component rust-src --target wasm32-unknown-unknown
else
  rustup component list --toolchain "$nightly" --installed 2>/dev/null | grep -q '^rust-src' \
    || { say "rustup component add rust-src --toolchain $nightly"; rustup component add rust-src --toolchain "$nightly"; }
  rustup target list --toolchain "$nightly" --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
    || { say "rustup target add wasm32-unknown-unknown --toolchain $nightly"; rustup target add wasm32-unknown-unknown --toolchain "$nightly"; }
fi
command -v wasm-validate >/dev/null || apt_install wabt
command -v flock >/dev/null || apt_install util-linux
# Browser suites (scripts/test-page.sh, scripts/test-pkg-env.sh): Debian's Chromium, never a downloaded one.
[ -x /usr/bin/chromium ] || apt_install chromium
# Firefox ESR and WebKitGTK (scripts/test-engines.sh), Debian's builds; geckodriver from
# crates.io, built in a scratch folder (its build files are ~400 MB and not needed after).
[ -x /usr/bin/firefox-esr ] || apt_install firefox-esr
command -v WebKitWebDriver >/dev/null || apt_install webkit2gtk-driver
command -v xvfb-run >/dev/null && command -v xauth >/dev/null || apt_install xvfb xauth
if ! command -v geckodriver >/dev/null; then
  say "cargo install geckodriver (about 4 minutes, once)"
  scratch=$(mktemp -d)
  CARGO_TARGET_DIR=$scratch cargo install geckodriver
  rm -rf "$scratch"
fi
