"""The small-number rule (TRUST PR-07, k = 5), in one place for every feature that counts
young people: a count from 1 to 4 is never shown, so nobody can be singled out by a count.

`suppress` is applied where counts are made (services), so pages, PDFs, CSV files and frozen
summaries only ever hold the safe value; `count_text` says it in words.
"""

from app.i18n import gettext as _

SMALLEST_SHOWN = 5  # k: fewer young people than this are never counted out loud


def suppress(count: int) -> int | None:
    """The count if it is safe to show (0, or k and over); None for 1 to k-1."""
    return None if 0 < count < SMALLEST_SHOWN else count


def count_text(count: int | None) -> str:
    """A count of young people, safe to show: "none", "fewer than 5" or the number.

    None is a count `suppress` already hid; a raw small count is hidden here too."""
    if count is not None and count <= 0:
        return _("none")
    if count is None or count < SMALLEST_SHOWN:
        return _("fewer than %(k)s") % {"k": SMALLEST_SHOWN}
    return str(count)
