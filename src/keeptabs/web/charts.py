"""Vega-Lite specs, built with Altair, for the series page's timeline.

The data travel inside the spec (``values``), never as a URL or CSV: the page's
Content-Security-Policy allows no fetch beyond its own origin and vega parses CSV
with ``new Function``.
"""

from __future__ import annotations

import copy
import math
from functools import cache
from typing import Any

import altair as alt

from keeptabs.reconcile.intervals import interval
from keeptabs.reconcile.series import period_kind
from keeptabs.types import Claim

CHART_WIDTH = 640  # pixels: the content column of the page
CHART_HEIGHT = 260
UNDATED = "undated"


def timeline_spec(
    claims: list[Claim], published: dict[str, str | None], outlets: dict[str, str]
) -> dict[str, Any]:
    """Each source's figures over publication dates: a point per claim, its stated bounds
    ("between 50 and 60", "up to 50,000") as an error bar, one colour per source, daily
    and cumulative figures in separate rows."""
    rows = []
    for claim in claims:
        low, high = interval(claim)  # vague figures ("hundreds") get their implied range
        low = claim.lower if claim.lower is not None else low  # stated bounds win
        high = claim.upper if claim.upper is not None else high
        value = claim.value if claim.value is not None else low
        # an open bound ("more than 8,000") is drawn up to the figure: JSON has no infinity
        low, high = (b if math.isfinite(b) else value for b in (low, high))
        rows.append(
            {
                "date": published.get(claim.doc_id) or UNDATED,
                "value": value,
                "low": low,
                "high": high,
                "source": claim.source_org or claim.source or outlets.get(claim.doc_id) or "?",
                "outlet": outlets.get(claim.doc_id, claim.doc_id),
                "figure": claim.number_text,
                "period": claim.period or "",
                "kind": period_kind(claim),
            }
        )
    spec = copy.deepcopy(_timeline_skeleton())
    spec["data"] = {"values": rows}
    return spec


@cache
def _timeline_skeleton() -> dict[str, Any]:
    """The timeline's spec without its data: Altair takes tens of milliseconds to build a
    chart, the same for every series, so it is built once and given each series' rows."""
    data = alt.Data(values=[])  # type: ignore[no-untyped-call]
    base = alt.Chart(data).encode(
        x=alt.X("date:O", title="published", sort="ascending"),
        color=alt.Color("source:N", title="source"),
    )
    bars = base.mark_rule(strokeWidth=2).encode(y=alt.Y("low:Q", title="figure"), y2="high:Q")
    points = base.mark_point(filled=True, size=70).encode(
        y="value:Q",
        tooltip=["outlet:N", "source:N", "figure:N", "period:N", "date:O"],
    )
    chart = (
        alt.layer(bars, points)
        .properties(width=CHART_WIDTH, height=CHART_HEIGHT)
        .facet(row=alt.Row("kind:N", title=None))
    )
    return chart.to_dict()
