#!/usr/bin/env bash
# The main job: installs what is missing, builds pkg/, and serves the demo page on
# http://127.0.0.1:${PORT:-8000}/www/ (the repository root is served, so www/ imports ../pkg/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-pkg.sh
port=${PORT:-8000}
echo "Demo page: http://127.0.0.1:$port/www/"
exec node scripts/static-server.mjs --port "$port"
