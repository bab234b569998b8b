# syntax=docker/dockerfile:1
# Multi-stage: build the front-end assets, install Python dependencies, then a small
# non-root runtime image that migrates the database and starts the server.

FROM node:20-bookworm-slim AS assets
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY assets ./assets
COPY scripts/build-assets.mjs ./scripts/
RUN npm run build

FROM python:3.11-slim-bookworm AS python-deps
ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install --no-cache-dir "uv>=0.4"
WORKDIR /app
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project

FROM python:3.11-slim-bookworm
# pg_dump and pg_restore, for `python -m app.cli backup` and `restore` against PostgreSQL;
# Pango, HarfBuzz and a font for WeasyPrint (the voice summaries' PDFs).
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
    libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin saidanddone
WORKDIR /app
COPY --from=python-deps /app/.venv /app/.venv
COPY alembic.ini ./
COPY app ./app
COPY migrations ./migrations
COPY templates ./templates
COPY static ./static
COPY --from=assets /build/static ./static
ENV PATH="/app/.venv/bin:$PATH" \
    APP_ENV=production \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    RUN_MIGRATIONS=1 \
    WEB_CONCURRENCY=2 \
    FORWARDED_ALLOW_IPS=127.0.0.1
USER saidanddone
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
CMD ["sh", "-c", "if [ \"$RUN_MIGRATIONS\" = 1 ]; then alembic upgrade head; fi && exec uvicorn app.main:create_app --factory --host 0.0.0.0 --port 8000 --workers \"$WEB_CONCURRENCY\" --proxy-headers --forwarded-allow-ips \"$FORWARDED_ALLOW_IPS\" --no-server-header"]
