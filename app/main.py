"""The application factory: middleware, routers and error pages."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.middleware.gzip import GZipMiddleware

from app import errors
from app.actions import action_routes as action_page_routes
from app.actions import routes as action_routes
from app.audit import routes as audit_routes
from app.auth.sessions import ServerSessionMiddleware
from app.config import ROOT, Settings, get_settings
from app.councillors import routes as councillor_routes
from app.events import public_routes as event_public_routes
from app.events import routes as event_routes
from app.languages import routes as language_routes
from app.languages.choice import LanguageMiddleware
from app.meetings import round_routes as meeting_round_routes
from app.meetings import routes as meeting_routes
from app.meetings import staff_routes as meeting_staff_routes
from app.moderation import routes as moderation_routes
from app.notifications import routes as notification_routes
from app.ops import routes as ops_routes
from app.people import routes as people_routes
from app.privacy import routes as privacy_routes
from app.promises import routes as promise_routes
from app.safeguarding import routes as safeguarding_routes
from app.safeguarding.screen import trained_model
from app.security import BodySizeLimitMiddleware, SecurityHeadersMiddleware, verify_csrf
from app.summaries import routes as summary_routes
from app.themes import routes as theme_routes
from app.voice import news_routes as voice_news_routes
from app.voice import routes as voice_routes
from app.voice import staff_routes as voice_staff_routes
from app.yswd import routes as yswd_routes


@asynccontextmanager
async def warm_up(_app: FastAPI) -> AsyncIterator[None]:
    """Trains the disclosure screen's classifier before taking traffic, so that no young
    person's first message after a restart waits for it."""
    await run_in_threadpool(trained_model)
    yield


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title=settings.service_name,
        lifespan=warm_up,
        docs_url=None,
        redoc_url=None,
        openapi_url=None if settings.is_production else "/openapi.json",
        dependencies=[Depends(verify_csrf)],
    )
    app.mount("/static", StaticFiles(directory=ROOT / "static"), name="static")
    app.include_router(ops_routes.router)
    app.include_router(voice_routes.router)
    app.include_router(voice_news_routes.router)
    app.include_router(voice_staff_routes.router)
    app.include_router(safeguarding_routes.router)
    app.include_router(moderation_routes.router)
    app.include_router(people_routes.router)
    app.include_router(privacy_routes.router)
    app.include_router(notification_routes.router)
    app.include_router(audit_routes.router)
    app.include_router(theme_routes.router)
    app.include_router(event_routes.router)
    app.include_router(event_public_routes.router)
    app.include_router(councillor_routes.router)
    app.include_router(meeting_routes.router)
    app.include_router(meeting_staff_routes.router)
    app.include_router(meeting_round_routes.router)
    app.include_router(action_routes.router)
    app.include_router(action_page_routes.router)
    app.include_router(yswd_routes.router)
    app.include_router(promise_routes.router)
    app.include_router(summary_routes.router)
    app.include_router(language_routes.router)
    if settings.demo_enabled:
        app.include_router(people_routes.demo_router)
    errors.install(app)
    # Outermost first: headers on every response (errors included), then sessions, then limits.
    app.add_middleware(BodySizeLimitMiddleware)
    app.add_middleware(errors.LastResortMiddleware)
    app.add_middleware(LanguageMiddleware)  # needs the session; the 500 page speaks it too
    app.add_middleware(ServerSessionMiddleware, settings=settings)
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(SecurityHeadersMiddleware, settings=settings)
    return app
