"""The bare framework the app is measured against, in the same run on the same machine.

Plain Starlette, no middleware: one endpoint returns a small HTML page, the other does a single
INSERT through `app.db.make_engine`, so it gets exactly the app's database settings (SQLite's
WAL, synchronous=FULL and BEGIN IMMEDIATE for writes; PostgreSQL's pool and synchronous_commit).
Endpoints are plain functions, so Starlette runs them in its thread pool, as FastAPI runs ours.

    uv run uvicorn bench.baseline:create_baseline --factory   # DATABASE_URL picks the database
"""

import os

import sqlalchemy as sa
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from app.db import make_engine

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head>
<body><h1>Baseline</h1><p>A small page from the bare framework.</p></body></html>"""

metadata = sa.MetaData()
baseline_row = sa.Table(
    "bench_baseline",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("body", sa.Text, nullable=False),
)


def create_baseline() -> Starlette:
    engine = make_engine(os.environ["DATABASE_URL"])
    metadata.create_all(engine)
    writer = engine.execution_options(sqlite_begin="BEGIN IMMEDIATE")

    def page(_request: Request) -> Response:
        return HTMLResponse(PAGE)

    def write(body: str) -> int:
        with writer.begin() as connection:
            inserted = baseline_row.insert().values(body=body).returning(baseline_row.c.id)
            return int(connection.execute(inserted).scalar_one())

    async def insert(request: Request) -> Response:
        """Reads the form, as the app does, then the one INSERT in the thread pool."""
        form = await request.form()
        row_id = await run_in_threadpool(write, str(form.get("body", "")))
        return PlainTextResponse(str(row_id), status_code=201)

    return Starlette(
        routes=[
            Route("/html", page),
            Route("/insert", insert, methods=["POST"]),
            Route("/readyz", lambda _request: PlainTextResponse("ok")),
        ]
    )
