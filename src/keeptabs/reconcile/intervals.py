"""What range of values each claim allows, and whether two claims can both be true.

"About 8,000" allows 7,200 to 8,800 (``data/tolerances.json``); "more than 8,000"
anything from 8,000 up; "up to 50,000" anything to 50,000; a round exact figure
("8,000") a little either side.  Two claims agree when their ranges overlap.
"""

from __future__ import annotations

import math
from functools import cache

from keeptabs.extract.vocab import load_data
from keeptabs.types import Claim

ROUND = 100  # an exact figure that is a multiple of this may be rounded


@cache
def tolerances() -> dict[str, float]:
    data = load_data("tolerances.json", "keeptabs.reconcile")
    return {k: float(v) for k, v in data.items() if k[0] != "_"}


def interval(claim: Claim) -> tuple[float, float]:
    """The values ``claim`` allows, widened by its qualifier's tolerance."""
    if claim.lower is None and claim.upper is None:  # a bare value, or none at all
        low = high = claim.value if claim.value is not None else math.nan
        if math.isnan(low):
            return -math.inf, math.inf
    else:  # "up to 50,000": nothing below; "more than 20,000": nothing above
        low = claim.lower if claim.lower is not None else 0.0
        high = claim.upper if claim.upper is not None else math.inf
        low, high = min(low, high), max(low, high)  # "20-13" is a score, not a range
    share = tolerances().get(claim.qualifier, 0.0)
    if claim.qualifier == "nearly" and math.isfinite(high):
        return high - abs(high) * share, high  # "nearly 8,500": a little under 8,500
    if claim.qualifier == "exact" and claim.value and claim.value % ROUND == 0:
        share = tolerances().get("rounding", 0.0)
    return low - abs(low) * share if math.isfinite(low) else low, (
        high + abs(high) * share if math.isfinite(high) else high
    )


def compatible(first: Claim, second: Claim) -> bool:
    """Both can be true: their ranges overlap."""
    (low_a, high_a), (low_b, high_b) = interval(first), interval(second)
    return low_a <= high_b and low_b <= high_a


def contains(whole: tuple[float, float], value: float) -> bool:
    return whole[0] <= value <= whole[1]
