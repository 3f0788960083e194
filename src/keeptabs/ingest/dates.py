"""Publication dates as ISO 8601 (YYYY-MM-DD), whatever form the source gave."""

from __future__ import annotations

from datetime import datetime

# Forms seen in corpora and sidecars; US month-first before day-first, as in FA-KES.
_FORMATS = (
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S",
    "%m/%d/%Y",
    "%d.%m.%Y",
    "%d %B %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%b %d, %Y",
)


def normalize_date(value: str | None) -> str | None:
    """``'4/5/2017'`` -> ``'2017-04-05'``; unreadable dates are kept as given."""
    if not value:
        return None
    text = value.strip()
    for form in _FORMATS:
        try:
            return datetime.strptime(text, form).date().isoformat()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return text
