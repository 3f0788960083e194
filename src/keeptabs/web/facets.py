"""Facets in the URL (``?outlet=RT&place=Aleppo``): filter a list, and count its values.

Each list names its facets and how to read a row's values for each (a claim has one
place; a series has the outlets of all its claims).  Matching ignores case; an empty
value means no filter.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

Row = dict[str, Any]
Reader = Callable[[Row], Iterable[str | None]]
MAX_OPTIONS = 40  # values offered per facet in a page's menus, most frequent first


def field(name: str) -> Reader:
    return lambda row: (row.get(name),)


def first_of(*names: str) -> Reader:
    """The first of ``names`` with a value ("source_org", then "source")."""
    return lambda row: (next((row[n] for n in names if row.get(n)), None),)


CLAIM_FACETS: dict[str, Reader] = {
    "outlet": field("outlet"),
    "place": field("place"),
    "counted": field("counted"),
    "action": field("action"),
    "source": first_of("source_org", "source"),
    "period": field("period"),
    "section": field("section"),
    "status": field("status"),
}
DOCUMENT_FACETS: dict[str, Reader] = {"outlet": field("outlet")}
SERIES_FACETS: dict[str, Reader] = {
    "outlet": lambda row: row["outlet_names"],
    "place": field("place"),
    "counted": field("population"),
    "action": field("action"),
    "source": lambda row: row["source_names"],
    "period": field("period_kind"),
    "status": field("status"),
}
FINDING_FACETS: dict[str, Reader] = {
    "type": field("type"),
    "detail": field("detail"),
    "outlet": lambda row: row["outlet_names"],
    "source": lambda row: row["source_names"],
}


def chosen_facets(query: Mapping[str, str], facets: Mapping[str, Reader]) -> dict[str, str]:
    """The facets set in a request's query string."""
    return {name: query[name] for name in facets if query.get(name)}


def apply_facets(
    rows: Sequence[Row], facets: Mapping[str, Reader], chosen: Mapping[str, str]
) -> list[Row]:
    """The rows whose values match every chosen facet."""
    wanted = {name: value.casefold() for name, value in chosen.items() if name in facets}
    if not wanted:
        return list(rows)
    return [
        row
        for row in rows
        if all(
            any(v is not None and v.casefold() == value for v in facets[name](row))
            for name, value in wanted.items()
        )
    ]


def facet_options(
    rows: Sequence[Row], facets: Mapping[str, Reader], *, limit: int = MAX_OPTIONS
) -> dict[str, list[tuple[str, int]]]:
    """Per facet, its values in ``rows`` with their counts, most frequent first."""
    options = {}
    for name, read in facets.items():
        counts = Counter(value for row in rows for value in set(read(row)) if value)
        options[name] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return options
