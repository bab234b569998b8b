"""The young person's choice to hear about news on their item, on the item page (and on the
receipt, straight after sending): save it, change it, or stop all messages."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.authz import Permission, Principal, Require
from app.db import DbSession
from app.forms import parse_form
from app.i18n import gettext as _
from app.moderation.models import Sharing
from app.voice import repository, service
from app.voice.forms import NewsForm
from app.voice.news import choose_news
from app.voice.routes import PostedForm, item_not_found, render_item
from app.web import redirect

router = APIRouter()

CanReadOwn = Annotated[Principal, Depends(Require(Permission.VOICE_ITEM_READ_OWN))]


@router.post("/said/{reference}/news")
def choose(
    request: Request, db: DbSession, principal: CanReadOwn, reference: str, form: PostedForm
) -> Response:
    item = repository.own_item(db, principal, service.normalise_reference(reference))
    if item is None:
        return item_not_found(request, principal, reference)
    on_receipt = form.get("receipt") == "1"
    if item.erased_at is not None or item.sharing is Sharing.SAFEGUARDING:
        # Deleted words and items held for safeguarding get no messages (see repository).
        refused = _("We do not send messages about this one. The timeline shows what happens.")
        return render_item(request, db, principal, item, just_sent=on_receipt, news_refused=refused)
    if form.get("stop") == "yes":
        choose_news(db, item=item, email=None, phone=None)
        chosen = False
    else:
        result = parse_form(NewsForm, form)
        if not result.ok or result.data is None:
            return render_item(request, db, principal, item, just_sent=on_receipt, news_form=result)
        email, phone = result.data.email or None, result.data.phone or None
        choose_news(db, item=item, email=email, phone=phone)
        chosen = bool(email or phone)
    receipt = "sent=1&" if on_receipt else ""
    notice = "on" if chosen else "off"
    return redirect(request, f"/said/{item.reference}?{receipt}news={notice}#news")
