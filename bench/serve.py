"""What the bench runs under uvicorn: the real app and the baseline, each timed on the server.

The only addition is a `Server-Timing: app;dur=<ms>` header, measured outermost (from the
request arriving until the response starts, so session saving and compression count), which is
what the "server time" targets are read from.

    uvicorn bench.serve:create_app --factory        # the app, as app.main builds it
    uvicorn bench.serve:create_baseline --factory   # the bare Starlette baseline
"""

from time import perf_counter

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import main
from bench import baseline

SERVER_TIMING = "server-timing"


class ServerTiming:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = perf_counter()

        async def timed_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                took = (perf_counter() - started) * 1000
                MutableHeaders(scope=message).append(SERVER_TIMING, f"app;dur={took:.2f}")
            await send(message)

        await self.app(scope, receive, timed_send)


def create_app() -> ASGIApp:
    return ServerTiming(main.create_app())


def create_baseline() -> ASGIApp:
    return ServerTiming(baseline.create_baseline())
