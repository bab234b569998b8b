"""A fake GOV.UK Notify on 127.0.0.1: a real HTTP server (werkzeug) in a thread.

It checks every request's JWT the way Notify does (HS256, `iss` is the service id, `iat` within
30 seconds, signed with the key's secret) and answers 403 AuthError otherwise; it records every
request; and it answers POSTs from a script, in order, then accepts (201) once the script runs
out::

    with FakeNotify() as notify:
        notify.script(fail(500), rate_limited(120), timeout(), accept())
        client = NotifyClient(notify.api_key, notify.base_url, timeout=0.5)

`GET /v2/notifications?reference=` lists accepted notifications like Notify does (set
`lookups_see_accepted = False` to model a lookup that cannot see them).

Also here: `assert_no_personal_data`, used by the notification tests on every log record.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

import werkzeug.serving
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OctKey
from werkzeug.wrappers import Request, Response

SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506"
SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0"
WRONG_SECRET = "00000000-8d35-48ac-975b-e847b4f122b0"
KEY_NAME = "said-and-done-test-key"  # hyphens in the name are allowed
TEMPLATE_ID = "f33517ff-2a88-4f6e-b855-c550268ce08a"


@dataclass(frozen=True)
class Answer:
    status: int = 201
    retry_after: str | None = None
    error: str | None = None  # Notify's error class name, e.g. BadRequestError
    sleep: float = 0.0  # seconds to wait before answering
    accept: bool = False  # record the notification as accepted (even if the answer comes late)


def accept() -> Answer:
    return Answer(201, accept=True)


def fail(status: int, error: str | None = None) -> Answer:
    default = {400: "BadRequestError", 403: "AuthError", 429: "RateLimitError"}.get(status)
    return Answer(status, error=error or default or "Exception")


def rate_limited(retry_after: int | str) -> Answer:
    return Answer(429, retry_after=str(retry_after), error="RateLimitError")


def timeout(seconds: float = 1.0) -> Answer:
    """Answers too late for the client (which gives up first), and accepts nothing."""
    return Answer(504, sleep=seconds)


def timeout_after_accept(seconds: float = 1.0) -> Answer:
    """Notify accepted the message, but the answer comes after the client has given up."""
    return Answer(201, sleep=seconds, accept=True)


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    body: dict[str, Any] | None
    authorised: bool
    answered: int = 0


@dataclass
class FakeNotify:
    service_id: str = SERVICE_ID
    secret: str = SECRET
    lookups_see_accepted: bool = True
    requests: list[Recorded] = field(default_factory=list)
    accepted: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._script: deque[Answer] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: werkzeug.serving.BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None

    # -- set-up -----------------------------------------------------------------------------

    @property
    def api_key(self) -> str:
        return f"{KEY_NAME}-{self.service_id}-{self.secret}"

    def api_key_with_secret(self, secret: str) -> str:
        return f"{KEY_NAME}-{self.service_id}-{secret}"

    @property
    def base_url(self) -> str:
        assert self._server is not None, "start the fake first"
        return f"http://127.0.0.1:{self._server.server_port}"

    def script(self, *answers: Answer) -> None:
        with self._lock:
            self._script.extend(answers)

    def __enter__(self) -> Self:
        self._server = werkzeug.serving.make_server("127.0.0.1", 0, self._wsgi, threaded=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    # -- what it saw ------------------------------------------------------------------------

    def posts(self) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if r.method == "POST"]

    def lookups(self) -> list[Recorded]:
        with self._lock:
            return [r for r in self.requests if r.method == "GET"]

    def auth_failures(self) -> int:
        with self._lock:
            return sum(1 for r in self.requests if not r.authorised)

    # -- the server -------------------------------------------------------------------------

    def verify(self, authorization: str | None) -> bool:
        """Notify's checks: a Bearer JWT, HS256, iss = service id, iat within 30 s, good MAC."""
        if not authorization or not authorization.startswith("Bearer "):
            return False
        token = authorization.removeprefix("Bearer ")
        try:
            decoded = jwt.decode(token, OctKey.import_key(self.secret), algorithms=["HS256"])
        except (JoseError, ValueError):
            return False
        iat = decoded.claims.get("iat")
        return (
            decoded.header.get("alg") == "HS256"
            and decoded.header.get("typ") == "JWT"
            and decoded.claims.get("iss") == self.service_id
            and isinstance(iat, int)
            and abs(time.time() - iat) <= 30
        )

    def _wsgi(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        request = Request(environ)
        response = self._handle(request)
        return response(environ, start_response)

    def _handle(self, request: Request) -> Response:
        body = request.get_json(silent=True) if request.method == "POST" else None
        recorded = Recorded(
            method=request.method,
            path=request.path,
            query=dict(request.args),
            body=body if isinstance(body, dict) else None,
            authorised=self.verify(request.headers.get("Authorization")),
        )
        with self._lock:
            self.requests.append(recorded)
        if not recorded.authorised:
            response = _errors(403, "AuthError", "Invalid token: API key not found")
        elif request.method == "GET" and request.path == "/v2/notifications":
            response = self._list(recorded.query)
        elif request.method == "POST" and request.path in (
            "/v2/notifications/email",
            "/v2/notifications/sms",
        ):
            response = self._post(recorded)
        else:
            response = _errors(404, "NotFoundError", "Not found")
        recorded.answered = response.status_code
        return response

    def _post(self, recorded: Recorded) -> Response:
        body = recorded.body or {}
        if not {"template_id", "personalisation", "reference"} <= body.keys():
            return _errors(400, "BadRequestError", "missing fields")
        with self._lock:
            answer = self._script.popleft() if self._script else accept()
        notification_id = str(uuid.uuid4())
        if answer.accept:
            with self._lock:
                self.accepted.append(
                    {
                        "id": notification_id,
                        "reference": body["reference"],
                        "email_address": body.get("email_address"),
                        "phone_number": body.get("phone_number"),
                        "type": "email" if "email_address" in body else "sms",
                        "template": {"id": body["template_id"], "version": 1, "uri": "x"},
                        "personalisation": body["personalisation"],
                        "status": "created",
                    }
                )
        if answer.sleep:
            self._stopping.wait(answer.sleep)
        if answer.status == 201:
            payload = {
                "id": notification_id,
                "reference": body["reference"],
                "template": {"id": body["template_id"], "version": 1, "uri": "x"},
                "content": {"subject": "s", "body": "b", "from_email": "x@notify.example"},
                "uri": f"/v2/notifications/{notification_id}",
            }
            return Response(json.dumps(payload), 201, content_type="application/json")
        response = _errors(answer.status, answer.error or "Exception", "scripted")
        if answer.retry_after is not None:
            response.headers["Retry-After"] = answer.retry_after
        return response

    def _list(self, query: dict[str, str]) -> Response:
        with self._lock:
            found = [
                {key: value for key, value in n.items() if key != "personalisation"}
                for n in self.accepted
                if self.lookups_see_accepted
                and n["reference"] == query.get("reference")
                and n["type"] == query.get("template_type", n["type"])
            ]
        payload = {"notifications": found, "links": {"current": "/v2/notifications"}}
        return Response(json.dumps(payload), 200, content_type="application/json")


def _errors(status: int, error: str, message: str) -> Response:
    payload = {"errors": [{"error": error, "message": message}], "status_code": status}
    return Response(json.dumps(payload), status, content_type="application/json")


def assert_no_personal_data(records: Iterable[logging.LogRecord], secrets: Iterable[str]) -> None:
    """No log record (message, arguments or traceback) holds a recipient or a personalisation
    value, nor anything that looks like an email address."""
    email = re.compile(r"[^\s@'\"<>]+@[^\s@'\"<>]+\.[a-z]{2,}", re.IGNORECASE)
    secrets = [s for s in secrets if s]
    for record in records:
        texts = [record.getMessage(), str(record.msg), record.exc_text or ""]
        texts += [str(arg) for arg in (record.args if isinstance(record.args, tuple) else ())]
        for text in texts:
            assert not email.search(text), f"email address in a log record: {record.name}"
            for secret in secrets:
                assert secret not in text, f"personal data in a log record: {record.name}"
