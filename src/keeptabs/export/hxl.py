"""HXL-tagged CSV of claims (https://hxlstandard.org/standard/1-1final/).

Row one holds readable column names, row two the HXL hashtags, then one row per claim.
A claim counting people killed, injured, displaced or abducted (by its action, see
``data/hxl.json``) fills that ``#affected`` column; any other claim is an indicator:
``#indicator+name`` says what was counted and what happened, ``#indicator+num`` the value.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

from keeptabs.errors import ConfigError
from keeptabs.export.places import locate
from keeptabs.extract.vocab import load_data

Row = Mapping[str, Any]

AFFECTED_GROUPS = ("killed", "injured", "displaced", "abducted")
# Figures that cannot be numbers of people: shares, lengths, amounts of money.
NOT_PEOPLE_KINDS = frozenset({"percent", "measure", "money"})


@cache
def affected_actions() -> dict[str, str]:
    """Action lemma -> affected group, from ``data/hxl.json``."""
    groups = load_data("hxl.json", package="keeptabs.export").get("affected")
    if (
        not isinstance(groups, dict)
        or not set(groups) <= set(AFFECTED_GROUPS)
        or not all(isinstance(actions, list) for actions in groups.values())
    ):
        raise ConfigError(
            f"data/hxl.json: 'affected' must map groups ({', '.join(AFFECTED_GROUPS)}) "
            "to lists of action lemmas. Fix the file."
        )
    return {action.lower(): group for group, actions in groups.items() for action in actions}


def affected_group(row: Row) -> str | None:
    """``killed``, ``injured``, ``displaced`` or ``abducted`` when the claim counts people
    affected that way, else ``None``."""
    action = row.get("action")
    if not action or row.get("kind") in NOT_PEOPLE_KINDS or row.get("unit"):
        return None
    return affected_actions().get(str(action).lower())


def indicator_name(row: Row) -> str | None:
    """What an indicator counts, then what happened: "shelters open"."""
    if affected_group(row) is not None:
        return None
    return " ".join(str(part) for part in (row.get("counted"), row.get("action")) if part) or None


def _affected_value(group: str) -> Callable[[Row], Any]:
    return lambda row: row.get("value") if affected_group(row) == group else None


def _indicator_value(row: Row) -> Any:
    return row.get("value") if affected_group(row) is None else None


# (readable name, HXL hashtag, the cell for a claim row)
COLUMNS: tuple[tuple[str, str, Callable[[Row], Any]], ...] = (
    ("Claim", "#meta+id", lambda row: row.get("id")),
    ("Published", "#date+reported", lambda row: row.get("published")),
    ("Period start", "#date+start", lambda row: row.get("period_start")),
    ("Period end", "#date+end", lambda row: row.get("period_end")),
    ("Country", "#country+code", lambda row: locate(row.get("place")).country),
    ("Admin 1", "#adm1+name", lambda row: locate(row.get("place")).admin1),
    ("Place", "#loc+name", lambda row: row.get("place")),
    *(
        (group.capitalize(), f"#affected+{group}", _affected_value(group))
        for group in AFFECTED_GROUPS
    ),
    ("Indicator", "#indicator+name", indicator_name),
    ("Indicator value", "#indicator+num", _indicator_value),
    ("Qualifier", "#meta+qualifier", lambda row: row.get("qualifier")),
    ("Source organisation", "#org+name", lambda row: row.get("source_org")),
    ("Source", "#meta+source", lambda row: row.get("source")),
    ("URL", "#meta+url", lambda row: row.get("url")),
    ("Quote", "#description", lambda row: row.get("quote")),
    ("Review status", "#status+code", lambda row: row.get("status")),
)
HXL_TAGS: tuple[str, ...] = tuple(tag for _, tag, _ in COLUMNS)


def to_hxl(claim_rows: Sequence[Row]) -> bytes:
    """UTF-8 CSV: readable header, HXL hashtag row, one row per claim row
    (:func:`keeptabs.export.rows.claim_rows`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([name for name, _, _ in COLUMNS])
    writer.writerow(HXL_TAGS)
    for row in claim_rows:
        writer.writerow(["" if (cell := value(row)) is None else cell for _, _, value in COLUMNS])
    return buffer.getvalue().encode("utf-8")
