"""Trusted reference tables: read from CSV, and claims checked against them.

A reference CSV has a ``value`` column and any of ``period`` or ``date``, ``place``,
``counted``, ``action`` and ``source`` (header names in any case).  A claim is checked
against a reference figure of its series (same population and action families, same
place, same kind of period) that covers the same time: the same window, or a date
inside the claim's dates.  The same interval logic as between claims decides agreement.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from keeptabs.errors import InputError
from keeptabs.extract.dates import resolve_period
from keeptabs.reconcile.findings import Finding, describe
from keeptabs.reconcile.intervals import compatible
from keeptabs.reconcile.origin import same_window
from keeptabs.reconcile.series import EVIDENCE_SECTIONS, SERIES_KINDS, claim_order, series_key
from keeptabs.types import Claim, ReferenceFigure

COLUMNS = ("value", "period", "date", "place", "counted", "action", "source")


def read_reference_csv(path: Path) -> tuple[list[ReferenceFigure], list[str]]:
    """The figures of ``path`` and, for rows that could not be read, why (the rest are
    read all the same)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise InputError(
            f"Could not read the reference table '{path}': {error}. "
            "Give a UTF-8 CSV file with a header row.",
            path=str(path),
        ) from error
    header = {name.strip().casefold(): name for name in (rows[0].keys() if rows else ())}
    if "value" not in header:
        raise InputError(
            f"The reference table '{path}' has no 'value' column. Add a header row with "
            f"value and any of {', '.join(COLUMNS[1:])}.",
            path=str(path),
        )
    figures, problems = [], []
    for number, row in enumerate(rows, start=2):
        cells = {
            key: (row.get(header[key]) or "").strip() or None for key in COLUMNS if key in header
        }
        value = _number(cells["value"])
        if value is None:
            problems.append(f"{path}, row {number}: value {cells['value']!r} is not a number")
            continue
        if cells.get("date") and _bad_date(cells["date"]):
            problems.append(f"{path}, row {number}: date {cells['date']!r} is not YYYY-MM-DD")
            continue
        figures.append(
            ReferenceFigure(
                file=path.name,
                row=number,
                value=value,
                **{key: cells.get(key) for key in COLUMNS[1:]},
            )
        )
    return figures, problems


def _number(text: str | None) -> float | None:
    try:
        value = float((text or "").replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _bad_date(text: str | None) -> bool:
    try:
        date.fromisoformat(text or "")
    except ValueError:
        return True
    return False


def as_claim(figure: ReferenceFigure) -> Claim:
    """A reference figure in the shape of a claim, to share the series and interval logic."""
    start, end = (figure.date, figure.date) if figure.date else resolve_period(figure.period, None)
    return Claim(
        doc_id=f"reference:{figure.file}",
        section="body",
        start=figure.row,
        end=figure.row,
        number_text=f"{figure.value:,.15g}",
        quote="",
        value=figure.value,
        lower=figure.value,
        upper=figure.value,
        qualifier="exact",
        counted=figure.counted,
        action=figure.action,
        place=figure.place,
        period=figure.period or figure.date,
        period_start=start,
        period_end=end,
        source=figure.source,
        source_org=figure.source,
    )


def reference_findings(
    figures: Iterable[ReferenceFigure], claims: Iterable[Claim], names: dict[str, str]
) -> list[Finding]:
    found = []
    evidence = sorted(
        (
            c
            for c in claims
            if c.section in EVIDENCE_SECTIONS
            and c.kind in SERIES_KINDS
            and c.value is not None
            and math.isfinite(c.value)
        ),
        key=claim_order,
    )
    for figure in figures:
        reference = as_claim(figure)
        key = series_key(reference)
        for claim in evidence:
            if series_key(claim) != key or not _same_time(reference, claim):
                continue
            agree = compatible(reference, claim)
            where = names.get(claim.doc_id, claim.doc_id)
            found.append(
                Finding(
                    "reference_agreement" if agree else "reference_conflict",
                    (claim, reference),
                    f"The {where} report says {describe(claim)}; the reference table "
                    f"{figure.file} (row {figure.row}) gives {reference.number_text}"
                    + (f" ({figure.source})" if figure.source else "")
                    + (": these agree." if agree else ": these cannot both be true."),
                    series=str(key),
                )
            )
    return found


def _same_time(reference: Claim, claim: Claim) -> bool:
    if reference.period_start and claim.period_start and claim.period_end:
        return claim.period_start <= reference.period_start <= claim.period_end
    return bool(reference.period) and same_window(reference, claim)
