#!/usr/bin/env bash
# The whole suite: lint, types, then every test on SQLite and again on PostgreSQL.
# Installs Debian's Chromium for the browser tests, and starts the local PostgreSQL and Redis
# (installing Redis if it is missing) if needed.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian's packages for the browser tests..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if ! command -v pdftoppm >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then
  echo "Installing poppler-utils from Debian's packages (the summaries' tests read their PDFs)..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi

answers_on() {
  python3 - "$1" <<'PY'
import socket, sys
try:
    socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
except OSError:
    sys.exit(1)
PY
}
if ! answers_on 6379; then
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing Redis from Debian's packages for the rate-limit test..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
  fi
  redis-server --daemonize yes --port 6379 --bind 127.0.0.1 --save "" --appendonly no >/dev/null
  sleep 1
fi

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  if ! answers_on 5432 && command -v pg_ctlcluster >/dev/null 2>&1; then
    version=$(ls /etc/postgresql | head -n 1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    sleep 2
  fi
  if answers_on 5432; then
    export TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:5432/test"
  fi
fi

echo "== ruff, mypy"
uv run ruff check .
uv run ruff format --check .
uv run mypy app tests bench

echo "== tests on SQLite"
env -u TEST_DATABASE_URL uv run pytest -p no:cacheprovider "$@"

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "== tests on PostgreSQL"
  uv run pytest -p no:cacheprovider "$@"
else
  echo "PostgreSQL is not reachable on 127.0.0.1:5432 and TEST_DATABASE_URL is unset."
  echo "The PostgreSQL run is required: start PostgreSQL or set TEST_DATABASE_URL."
  exit 1
fi
