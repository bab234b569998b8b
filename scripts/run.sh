#!/usr/bin/env bash
# Runs the app on SQLite with demo data at http://127.0.0.1:8000 (development only).
set -euo pipefail
cd "$(dirname "$0")/.."
export APP_ENV="${APP_ENV:-development}"
export DEMO_SIGN_IN="${DEMO_SIGN_IN:-true}"
uv run alembic upgrade head
uv run python -m app.cli demo-data
# The notifications worker runs beside the web server and stops with it. Without NOTIFY_API_KEY it
# sends nothing (in development it marks messages sent as "not-sent-development"); if it fails,
# the web server carries on.
uv run python -m app.cli worker &
worker_pid=$!
server_pid=""
stop_both() {
  kill -TERM ${server_pid:+"$server_pid"} "$worker_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop_both EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo "Said & Done is at http://127.0.0.1:${PORT:-8000} (demo accounts: /demo/sign-in)"
uv run uvicorn "app.main:create_app" --factory --host 127.0.0.1 --port "${PORT:-8000}" \
  --no-server-header --reload --reload-dir app --reload-dir templates &
server_pid=$!
wait "$server_pid"
