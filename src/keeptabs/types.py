"""Frozen value types shared by every stage of the pipeline.

Stages import these (and :mod:`keeptabs.errors`), never each other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

SegmentKind = Literal["headline", "body", "caption", "comment", "boilerplate"]
SEGMENT_KINDS: tuple[SegmentKind, ...] = ("headline", "body", "caption", "comment", "boilerplate")

Qualifier = Literal["exact", "approx", "more_than", "at_least", "up_to", "nearly", "range", "vague"]

QuantityKind = Literal[
    # quantities: these can be claims
    "count",
    "percent",
    "measure",
    "money",
    "range",
    "vague",
    # numbers that are not claims, reported so callers skip them on purpose
    "date",
    "time",
    "duration",
    "age",
    "ordinal",
    "identifier",
    "list_marker",
]
CLAIM_KINDS: frozenset[str] = frozenset({"count", "percent", "measure", "money", "range", "vague"})


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What ingest hands to the pipeline: raw bytes plus what the caller already knows.

    ``path`` names where the bytes came from (a file path, or ``corpus.csv#unit_id``).
    ``meta`` holds metadata given from outside (CSV columns, a sidecar ``.meta.json``):
    keys ``title``, ``outlet``, ``url``, ``published``.  ``text`` is set when the
    caller has already decoded text (a CSV cell); ``raw`` is then its UTF-8 bytes.
    """

    raw: bytes
    path: str
    media_type: Literal["text/plain", "text/html"] = "text/plain"
    meta: Mapping[str, str | None] = field(default_factory=dict)
    text: str | None = None
    encoding: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """One article: id = sha256 of its raw bytes; ``text`` is what segments index into."""

    id: str
    path: str
    media_type: str
    encoding: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date, when known
    raw: bytes = b""


@dataclass(frozen=True, slots=True)
class Segment:
    """A run ``text[start:end]`` of one kind; a document's segments tile its text."""

    kind: SegmentKind
    start: int
    end: int
    author: str | None = None  # the commenter's name, for comment segments


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number phrase found in text, with its qualifier and the bounds it allows."""

    text: str
    start: int
    end: int
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: Qualifier
    kind: QuantityKind
    unit: str | None = None
    cue: str | None = None  # the qualifier's words as written ("up to", "nearly")
    si_value: float | None = None
    si_unit: str | None = None

    @property
    def is_claim_kind(self) -> bool:
        return self.kind in CLAIM_KINDS


@dataclass(frozen=True, slots=True)
class Claim:
    """A quantitative claim: the number phrase and the frame around it."""

    doc_id: str
    section: SegmentKind
    start: int  # offsets of the number phrase in the document text
    end: int
    number_text: str
    quote: str  # the sentence (or clause) around the number
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: Qualifier
    kind: QuantityKind = "count"
    unit: str | None = None
    counted: str | None = None
    action: str | None = None
    place: str | None = None
    period: str | None = None
    # the period's first and last days (ISO dates) against the publication date, if known
    period_start: str | None = None
    period_end: str | None = None
    source: str | None = None
    source_org: str | None = None
    part_of: float | None = None

    @property
    def id(self) -> str:
        """A stable name for the claim: its document and the number's offsets."""
        return f"{self.doc_id}:{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class ReferenceFigure:
    """A figure from a trusted table (``keeptabs reference add``) that claims are checked
    against: what was counted, what happened, where, when, and who says so."""

    file: str
    row: int  # the CSV row, counting the header as row 1
    value: float
    counted: str | None = None
    action: str | None = None
    place: str | None = None
    period: str | None = None  # a window as written ("past 24 hours")
    date: str | None = None  # ISO date the figure holds for
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Review:
    """A person's verdict on a claim (``keeptabs review``), exported as ClaimReview."""

    claim_id: str  # :attr:`Claim.id`
    rating: str  # e.g. "accurate", "misleading", "false", "unverifiable"
    author: str
    date: str  # ISO date of the review
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """Input that could not be processed: kept with its raw bytes and the reason."""

    path: str
    stage: str
    code: str
    message: str
    sha256: str
    raw: bytes


@dataclass(frozen=True, slots=True)
class Result:
    """What :func:`keeptabs.pipeline.process` returns for one raw document."""

    document: Document | None
    segments: tuple[Segment, ...] = ()
    claims: tuple[Claim, ...] = ()
    rejections: tuple[Rejection, ...] = ()
