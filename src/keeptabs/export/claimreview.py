"""schema.org ClaimReview (JSON-LD) for the claims a person has reviewed.

Each review becomes a ``ClaimReview`` of a ``Claim`` whose ``appearance`` lists every
document, among the rows given, that reports the same figure (same value, counted noun
and place), and whose ``firstAppearance`` is the earliest of them by publication date.
See https://schema.org/ClaimReview and docs/export.md.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from keeptabs.errors import ConfigError
from keeptabs.extract.vocab import load_data

Row = Mapping[str, Any]

SCHEMA_CONTEXT = "https://schema.org"


@dataclass(frozen=True, slots=True)
class ReviewVocab:
    rating_scale: dict[str, int]  # normalised rating -> 1 (worst) .. 5 (best)
    organisation_words: frozenset[str]


@cache
def review_vocab() -> ReviewVocab:
    """The rating scale and organisation words of ``data/claimreview.json``."""
    data = load_data("claimreview.json", package="keeptabs.export")
    scale, words = data.get("rating_scale"), data.get("organisation_words")
    if not isinstance(scale, dict) or not all(isinstance(v, int) for v in scale.values()):
        raise ConfigError(
            "data/claimreview.json: 'rating_scale' must map ratings to whole numbers. Fix the file."
        )
    if not isinstance(words, list):
        raise ConfigError("data/claimreview.json: 'organisation_words' must be a list. Fix it.")
    return ReviewVocab(
        rating_scale={rating_key(name): value for name, value in scale.items()},
        organisation_words=frozenset(word.lower() for word in words),
    )


def rating_key(rating: str) -> str:
    """ "Mostly accurate", "mostly_accurate" -> "mostly-accurate"."""
    return "-".join(rating.strip().lower().replace("_", " ").split())


def claim_reviews(claim_rows: Sequence[Row]) -> list[dict[str, Any]]:
    """One ClaimReview per reviewed row (``review_rating`` set), in the order given."""
    same_figure: dict[Hashable, list[Row]] = defaultdict(list)
    for row in claim_rows:
        same_figure[_figure_key(row)].append(row)
    return [
        _claim_review(row, same_figure[_figure_key(row)])
        for row in claim_rows
        if row.get("review_rating")
    ]


def to_claimreview(claim_rows: Sequence[Row]) -> bytes:
    """:func:`claim_reviews` as a UTF-8 JSON array."""
    return json.dumps(claim_reviews(claim_rows), ensure_ascii=False, indent=2).encode("utf-8")


def _figure_key(row: Row) -> Hashable:
    """Rows reporting the same figure share a key; a figure with no value shares none."""
    if row.get("value") is None:
        return ("claim", row.get("id"))
    return (row["value"], _folded(row.get("counted")), _folded(row.get("place")))


def _folded(text: Any) -> str | None:
    return " ".join(str(text).casefold().split()) if text else None


def _claim_review(row: Row, same: Sequence[Row]) -> dict[str, Any]:
    appearances = _appearances(row, same)
    dated = [work for work in appearances if work.get("datePublished")]
    first = min(dated, key=lambda work: work["datePublished"]) if dated else appearances[0]
    claim: dict[str, Any] = {
        "@type": "Claim",
        "identifier": row.get("id"),
        "appearance": appearances,
        "firstAppearance": first,
    }
    author = claim_author(row)
    if author:
        claim["author"] = author
    return _without_none(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": "ClaimReview",
            "claimReviewed": row.get("quote"),
            "reviewRating": review_rating(str(row["review_rating"])),
            "author": {"@type": "Person", "name": row.get("review_author")},
            "datePublished": row.get("review_date"),
            "itemReviewed": claim,
        }
    )


def _appearances(row: Row, same: Sequence[Row]) -> list[dict[str, Any]]:
    """One CreativeWork per document reporting the figure, its own first, then by date."""
    works: dict[Any, dict[str, Any]] = {row.get("doc_id"): _creative_work(row)}
    for other in sorted(same, key=lambda r: (r.get("published") is None, r.get("published") or "")):
        works.setdefault(other.get("doc_id"), _creative_work(other))
    return list(works.values())


def _creative_work(row: Row) -> dict[str, Any]:
    outlet = row.get("outlet")
    return _without_none(
        {
            "@type": "CreativeWork",
            "url": row.get("url"),
            "name": None if row.get("url") else row.get("doc"),
            "headline": row.get("title"),
            "datePublished": row.get("published"),
            "publisher": {"@type": "Organization", "name": outlet} if outlet else None,
        }
    )


def review_rating(rating: str) -> dict[str, Any]:
    """A schema.org Rating: the rating's name, and its value on the 1-5 scale if known."""
    result: dict[str, Any] = {"@type": "Rating", "alternateName": rating}
    value = review_vocab().rating_scale.get(rating_key(rating))
    if value is not None:
        scale = review_vocab().rating_scale.values()
        result.update(ratingValue=value, worstRating=min(scale), bestRating=max(scale))
    return result


def claim_author(row: Row) -> dict[str, Any] | None:
    """Who made the claim: its organisation, or its source as a Person (with the
    organisation as affiliation) or as an Organization when the name reads as one."""
    source, organisation = row.get("source"), row.get("source_org")
    if organisation and (
        not source or _folded(source) == _folded(organisation) or is_organisation(source)
    ):
        return {"@type": "Organization", "name": organisation}
    if not source:
        return None
    if is_organisation(source):
        return {"@type": "Organization", "name": source}
    person: dict[str, Any] = {"@type": "Person", "name": source}
    if organisation:
        person["affiliation"] = {"@type": "Organization", "name": organisation}
    return person


def is_organisation(name: str) -> bool:
    """ "the agency", "Riverwatch Relief", "UNHCR": a body rather than a person."""
    words = name.replace("'s", "").split()
    vocab = review_vocab()
    return any(
        word.lower().strip(".,") in vocab.organisation_words or (len(word) > 1 and word.isupper())
        for word in words
    )


def _without_none(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if value is not None}
