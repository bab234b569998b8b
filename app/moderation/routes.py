"""Moderation's pages, gathered into one router for the app."""

from fastapi import APIRouter

from app.moderation import item_routes, queue_routes, reasons_routes

router = APIRouter()
router.include_router(reasons_routes.router)
router.include_router(queue_routes.router)
router.include_router(item_routes.router)
