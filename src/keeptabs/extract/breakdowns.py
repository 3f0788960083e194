"""Parts of a total given in another sentence.

Within a sentence, "including" and "among" mark a subset (see ``claims._link_parts``).
Across sentences an article gives a total and then breaks it down: "21 civilians had been
killed ... 15 in a northern district of Manbij and another six in Al-Tukhar", or says
"nine children were among those killed" of the toll before.  Both make the later figures
parts of the total, as the gold guide's ``part_of`` asks.
"""

from __future__ import annotations

import re
from dataclasses import replace

from keeptabs.types import Claim

MAX_ITEMS = 8  # figures read after a total for its breakdown
MIN_WHOLE = 3  # "1 + 1 = 2" is too likely a coincidence to read as a breakdown
# Casualty verbs the text varies between while counting one toll.
_ACTION_CLASSES = {"die": "kill", "injure": "wound", "hurt": "wound"}
_COUNTABLE = frozenset({"count", "range"})
# "nine children were among those killed", "four children were among the dead"
# ... and "14 of the dead were opposition fighters"
_AMONG_THE_DEAD = re.compile(
    r"[\w\s-]{0,40}?\b(?:were|was|are)\s+among\s+(?:the|those)\s+"
    r"(?:dead|killed|victims|casualties|wounded|injured|people\s+killed)\b"
    r"|\s+of\s+(?:the|those)\s+(?:dead|killed|victims|wounded|injured)\s+(?:were|was)\b",
    re.IGNORECASE,
)
AMONG_WINDOW = 80  # characters after a figure read for "were among the dead"


def link_breakdowns(claims: list[Claim], text: str) -> list[Claim]:
    """``claims`` (one document's, in reading order) with cross-sentence parts marked."""
    linked = list(claims)
    for index, claim in enumerate(linked):
        if claim.part_of is None and _AMONG_THE_DEAD.match(
            text, claim.end, claim.end + AMONG_WINDOW
        ):
            whole = _last_total(linked[:index], claim)
            if whole is not None:
                linked[index] = replace(claim, part_of=whole.value)
    for index, whole in enumerate(linked):
        if _can_be_whole(whole):
            for position in _breakdown(linked, index):
                linked[position] = replace(linked[position], part_of=whole.value)
    return linked


def _last_total(earlier: list[Claim], part: Claim) -> Claim | None:
    """The nearest earlier toll of the same kind larger than ``part``."""
    return next(
        (
            claim
            for claim in reversed(earlier)
            if claim.part_of is None
            and claim.value is not None
            and claim.value > (part.value or 0.0)
            and _action_class(claim) == _action_class(part)
        ),
        None,
    )


def _breakdown(claims: list[Claim], whole_index: int) -> list[int]:
    """Positions of the figures after ``claims[whole_index]`` that add up to it: a run of
    figures of its kind, each smaller, read in order; a figure repeating the one before
    it (a restatement) belongs to the run without counting twice."""
    whole = claims[whole_index]
    action = _action_class(whole)
    target = whole.value or 0.0
    items: list[int] = []
    for position in range(whole_index + 1, len(claims)):
        claim = claims[position]
        if _action_class(claim) not in _classes(action) and not _said_of(claim, whole):
            continue  # "88 killed & injured": 8 killed and 80 injured
        if claim.value == target or claim.part_of is not None:
            continue  # the total restated, or a subset of something else
        if claim.value is None or claim.kind not in _COUNTABLE or claim.value > target:
            break
        items.append(position)
        if len(items) >= MAX_ITEMS:
            break
    for skip_repeats in (False, True):
        total = 0.0
        run: list[int] = []
        previous: float | None = None
        for position in items:
            value = claims[position].value
            assert value is not None
            run.append(position)
            if not (skip_repeats and value == previous):
                total += value
            previous = value
            if total == target and len(run) >= 2:
                return run
            if total > target:
                break
    return []


def _said_of(part: Claim, whole: Claim) -> bool:
    """ "Out of 23 arrested pirates, 12 are from Somalia and 11 from Yemen": parts that
    only say what some of the whole's own people are."""
    return part.action == "be" and part.counted is not None and part.counted == whole.counted


def _can_be_whole(claim: Claim) -> bool:
    return (
        claim.part_of is None
        and claim.value is not None
        and claim.value >= MIN_WHOLE
        and claim.kind in _COUNTABLE
        and claim.action is not None
    )


def _action_class(claim: Claim) -> str | None:
    return _ACTION_CLASSES.get(claim.action or "", claim.action)


def _classes(action: str | None) -> set[str | None]:
    """The action classes a whole's parts may have: its own, or each of a combined one's."""
    if action is None or " or " not in action:
        return {action}
    return {_ACTION_CLASSES.get(part, part) for part in action.split(" or ")}
