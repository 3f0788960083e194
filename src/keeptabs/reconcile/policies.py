"""One reconciled figure per series, by a named policy, with the claims it used and why.

- ``conservative``: the lowest figure any independent origin supports (ACLED's rule: the
  most conservative estimate), taken at its lower bound.
- ``range``: low, best and high, UCDP-style: the lowest lower bound, the median of the
  origins' figures, the highest upper bound.
- ``latest``: the figure of the most recent report.

Each origin counts once, by one representative claim (the most precise, then the
earliest), so no claim is counted twice in a figure.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from keeptabs.reconcile.intervals import interval
from keeptabs.reconcile.series import claim_order
from keeptabs.types import Claim

Policy = Literal["conservative", "range", "latest"]
POLICIES: tuple[Policy, ...] = ("conservative", "range", "latest")
_PRECISION = {"exact": 0, "approx": 1, "nearly": 1, "more_than": 2, "at_least": 2, "up_to": 2}


@dataclass(frozen=True, slots=True)
class Figure:
    policy: Policy
    value: float | None
    low: float | None
    high: float | None
    claims: tuple[Claim, ...]  # the claims the figure rests on
    why: str


def representative(group: Sequence[Claim], published: Mapping[str, str | None]) -> Claim:
    """The claim that speaks for an origin: the most precise, then the earliest."""
    return min(
        group,
        key=lambda c: (
            _PRECISION.get(c.qualifier, 3),
            published.get(c.doc_id) or "",
            claim_order(c),
        ),
    )


def reconcile(
    policy: Policy, origins: Sequence[Sequence[Claim]], published: Mapping[str, str | None]
) -> Figure:
    chosen = [representative(group, published) for group in origins]
    if policy == "latest":
        latest = max(
            chosen, key=lambda c: (c.period_end or published.get(c.doc_id) or "", claim_order(c))
        )
        return Figure(
            policy,
            latest.value,
            latest.lower,
            latest.upper,
            (latest,),
            f"the most recent report ({published.get(latest.doc_id) or 'date unknown'})",
        )
    lows = [interval(c)[0] for c in chosen]
    highs = [interval(c)[1] for c in chosen]
    if policy == "conservative":
        index = min(range(len(chosen)), key=lambda i: (_floor(chosen[i]), claim_order(chosen[i])))
        pick = chosen[index]
        return Figure(
            policy,
            _floor(pick),
            _floor(pick),
            None,
            (pick,),
            f"the lowest figure of {len(chosen)} independent origin(s), at its lower bound",
        )
    values = [c.value for c in chosen if c.value is not None]
    finite_lows = [low for low in lows if math.isfinite(low)]
    finite_highs = [high for high in highs if math.isfinite(high)]
    return Figure(
        policy,
        statistics.median(values) if values else None,
        min(finite_lows) if finite_lows else None,
        max(finite_highs) if finite_highs else None,
        tuple(chosen),
        f"low, best (median) and high over {len(chosen)} independent origin(s)",
    )


def _floor(claim: Claim) -> float:
    """The least value the claim allows (its interval's low end)."""
    return interval(claim)[0]
