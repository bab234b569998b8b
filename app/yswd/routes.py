"""The public "You said, we did" page: no sign-in, shared words only."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app.authz import CurrentPrincipal
from app.db import DbSession
from app.web import render
from app.yswd.service import you_said_we_did

router = APIRouter()


@router.get("/you-said-we-did")
def public_page(
    request: Request,
    db: DbSession,
    principal: CurrentPrincipal,
    theme: Annotated[str, Query(max_length=60)] = "",
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    return render(
        request,
        "public/you_said_we_did.html",
        {"result": you_said_we_did(db, theme_slug=theme, page=page)},
        principal=principal,
    )
