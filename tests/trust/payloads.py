"""Attacks typed into every text field (IO-01), and how to tell one came back as markup.

Each payload carries a marker that appears in a page's HTML only if the payload was not
escaped: escaped text shows `&lt;script` where the marker needs `<script`.
"""

import re

PAYLOADS = [
    '<script>alert("xss-script")</script>',
    '"><svg onload=alert("xss-svg")>',
    "'><img src=x onerror=alert('xss-img')>",
    "</textarea><b id=xss-break>out</b>",
    "javascript:alert('xss-url')",
    "{{7*'7'}} {% if 1 %}xss-jinja{% endif %}",
    "${7*7} #{7*7} <%= 7*7 %>",
    "x\r\nFAKE LOG LINE",
]
# Where a number or an id is expected: digits int() refuses, too many digits, negatives.
ODD_NUMBERS = ["²", "9" * 5000, "-1", "1e9", "0x10"]

_MARKUP = re.compile(
    r"<script>alert|<svg onload|<img src=x onerror|<b id=xss-break>|"
    r"(href|src|action)=[\"']?javascript:|7777777|>xss-jinja<",
    re.IGNORECASE,
)


def rendered_as_markup(html: str) -> bool:
    return _MARKUP.search(html) is not None
