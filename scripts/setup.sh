#!/usr/bin/env bash
# Installs everything the app and its tests need on a fresh machine (Python, Node, Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install --quiet "uv>=0.4"
fi
uv sync --frozen --quiet

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -f static/js/app.bundle.js ] || [ -n "$(find assets scripts/build-assets.mjs -newer static/js/app.bundle.js -print -quit)" ]; then
  npm run --silent build
fi
mkdir -p var
