#!/usr/bin/env bash
# Installs everything the app and its tests need on a fresh machine (Python, Node, Chromium,
# and Pango with a font for WeasyPrint's PDFs).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v uv >/dev/null 2>&1; then
  python3 -m pip install --quiet "uv>=0.4"
fi
uv sync --frozen --quiet

# WeasyPrint (the voice summaries' PDFs) needs Pango and a font from Debian's packages.
if ! ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || ! fc-list 2>/dev/null | grep -q .; then
  echo "Installing Pango and fonts from Debian's packages for the PDFs..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
if [ ! -f static/js/app.bundle.js ] || [ -n "$(find assets scripts/build-assets.mjs -newer static/js/app.bundle.js -print -quit)" ]; then
  npm run --silent build
fi
mkdir -p var
