"""Origins: which claims repeat one source, and which back a figure independently.

Claims in different documents share an origin when the same organisation (or the same
speaker) gives compatible values, or when one document is a syndicated copy of the other
(MinHash over word shingles, estimated Jaccard at or above ``COPY_JACCARD``) and the two
state compatible values.  A figure's support is then counted twice over: the outlets that
carried it, and the independent origins behind it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from keeptabs.extract.durations import period_duration_hours
from keeptabs.reconcile.intervals import compatible
from keeptabs.reconcile.series import claim_order
from keeptabs.types import Claim

SHINGLE = 5  # words per shingle
PERMUTATIONS = 128
COPY_JACCARD = 0.7  # wire copy lightly edited by each outlet stays above this
_WORD = re.compile(r"\w+")


def syndicated(texts: Mapping[str, str]) -> set[frozenset[str]]:
    """Pairs of documents (by id) that are copies of one text."""
    from datasketch import MinHash, MinHashLSH  # scipy with it: slow to import

    lsh = MinHashLSH(threshold=COPY_JACCARD, num_perm=PERMUTATIONS)
    signatures: dict[str, Any] = {}
    for doc_id in sorted(texts):
        words = _WORD.findall(texts[doc_id].casefold())
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
        if not shingles:
            continue
        signature = MinHash(num_perm=PERMUTATIONS)
        signature.update_batch([shingle.encode("utf-8") for shingle in sorted(shingles)])
        signatures[doc_id] = signature
        lsh.insert(doc_id, signature)
    pairs = set()
    for doc_id, signature in signatures.items():
        for other in lsh.query(signature):
            if other != doc_id:
                pairs.add(frozenset((doc_id, other)))
    return pairs


def same_window(first: Claim, second: Claim) -> bool:
    """The same period: the same dates when both resolved, else the same words or the
    same duration ("past day" = "past 24 hours")."""
    if first.period_start and second.period_start:
        return (first.period_start, first.period_end) == (second.period_start, second.period_end)
    one, two = (" ".join((c.period or "").casefold().split()) for c in (first, second))
    if one == two:
        return True
    hours = period_duration_hours(one) if one else None
    return hours is not None and hours == (period_duration_hours(two) if two else None)


def _sentence(quote: str) -> str:
    return " ".join(_WORD.findall(quote.casefold()))


def same_sentence(first: Claim, second: Claim) -> bool:
    """Figures of one copied sentence: the same figure, or two different ones in it."""
    return _sentence(first.quote) == _sentence(second.quote)


def speaker(claim: Claim) -> str | None:
    """Who a claim comes from: its organisation, else its named source."""
    name = claim.source_org or claim.source
    return name.casefold() if name else None


def same_origin(first: Claim, second: Claim, copies: set[frozenset[str]]) -> bool:
    """Two documents' claims repeat one origin: compatible values for the same window,
    from the same organisation or speaker, or in copies of one text."""
    if first.doc_id == second.doc_id or not compatible(first, second):
        return False
    if not same_window(first, second):
        return False
    if frozenset((first.doc_id, second.doc_id)) in copies:
        return True
    if same_sentence(first, second):
        return True  # one sentence copied into both: a wire report's line
    origin = speaker(first)
    return origin is not None and origin == speaker(second)


def origin_groups(claims: Sequence[Claim], copies: set[frozenset[str]]) -> list[list[Claim]]:
    """``claims`` partitioned by origin (union of same-origin links), in a stable order."""
    ordered = sorted(claims, key=claim_order)
    parent = list(range(len(ordered)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, first in enumerate(ordered):
        for j in range(i + 1, len(ordered)):
            if same_origin(first, ordered[j], copies):
                parent[root(j)] = root(i)
    groups: dict[int, list[Claim]] = {}
    for index, claim in enumerate(ordered):
        groups.setdefault(root(index), []).append(claim)
    return sorted(groups.values(), key=lambda group: claim_order(group[0]))
