"""The headers every response must carry (IO-06, IO-07) and the attributes of every cookie."""

import httpx

CSP_DIRECTIVES = (
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
)


def security_header_problems(response: httpx.Response) -> list[str]:
    """What is missing or wrong; an empty list when the response keeps every promise."""
    headers = response.headers
    csp = headers.get("content-security-policy", "")
    problems = [f"CSP lacks {d}" for d in CSP_DIRECTIVES if d not in csp]
    if "unsafe-inline" in csp or "unsafe-eval" in csp:
        problems.append("CSP allows unsafe-inline or unsafe-eval")
    if headers.get("x-content-type-options") != "nosniff":
        problems.append("no nosniff")
    if headers.get("referrer-policy") != "no-referrer":
        problems.append("referrer policy")
    if "geolocation=()" not in headers.get("permissions-policy", ""):
        problems.append("permissions policy")
    if not response.url.path.startswith("/static/") and headers.get("cache-control") != "no-store":
        problems.append("cache-control is not no-store")
    if "uvicorn" in headers.get("server", ""):
        problems.append("server header names its software")
    content_type = headers.get("content-type", "")
    if content_type.startswith("text/") and "charset" not in content_type:
        problems.append("text without a charset")
    for cookie in headers.get_list("set-cookie"):
        attributes = {part.strip().split("=")[0].lower() for part in cookie.split(";")[1:]}
        if not {"httponly", "samesite", "path"} <= attributes:
            problems.append(f"cookie without HttpOnly, SameSite and Path: {cookie.split('=')[0]}")
        if response.url.scheme == "https" and not (
            "secure" in attributes and cookie.startswith("__Host-")
        ):
            problems.append("cookie over https without __Host- and Secure")
    return problems
