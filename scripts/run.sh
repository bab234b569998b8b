#!/usr/bin/env bash
# Runs the app on SQLite with demo data at http://127.0.0.1:8000 (development only).
set -euo pipefail
cd "$(dirname "$0")/.."
export APP_ENV="${APP_ENV:-development}"
export DEMO_SIGN_IN="${DEMO_SIGN_IN:-true}"
uv run alembic upgrade head
uv run python -m app.cli demo-data
echo "Said & Done is at http://127.0.0.1:${PORT:-8000} (demo accounts: /demo/sign-in)"
exec uv run uvicorn "app.main:create_app" --factory --host 127.0.0.1 --port "${PORT:-8000}" \
  --no-server-header --reload --reload-dir app --reload-dir templates
