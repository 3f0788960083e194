"""process(raw) -> Result: the one path through the stages, with no I/O inside.

ingest (decode, metadata) -> segment -> extract.  The CLI, the web app and batch
runners all call :func:`process`; errors in one document become rejections in its
Result and never stop a run.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language

from keeptabs.errors import InputError, KeeptabsError
from keeptabs.extract.claims import ClaimInput, extract_claims_many
from keeptabs.ingest.dates import normalize_date
from keeptabs.ingest.decode import decode_bytes
from keeptabs.ingest.files import sha256_hex
from keeptabs.ingest.text_meta import find_text_clues
from keeptabs.segment.html import segment_html
from keeptabs.segment.text import segment_text
from keeptabs.types import Document, RawDocument, Rejection, Result, Segment


def process(
    raw: RawDocument, *, nlp: Language | None = None, encoding: str | None = None
) -> Result:
    """Run one raw document through every stage; failures come back as rejections."""
    return process_many([raw], nlp=nlp, encoding=encoding)[0]


def process_many(
    raws: Sequence[RawDocument], *, nlp: Language | None = None, encoding: str | None = None
) -> list[Result]:
    """:func:`process` for several documents; their sentences are parsed together, which
    is several times faster.  One Result per raw document, in order."""
    read: list[tuple[Document, tuple[Segment, ...]] | Result] = []
    for raw in raws:
        try:
            read.append(read_document(raw, encoding=encoding))
        except KeeptabsError as error:
            read.append(Result(document=None, rejections=(_rejection(raw, error, "ingest"),)))
    inputs = [
        ClaimInput(item[0].text, item[1], item[0].id, item[0].published)
        for item in read
        if not isinstance(item, Result)
    ]
    try:
        extracted = iter(extract_claims_many(inputs, nlp=nlp))
    except KeeptabsError as error:
        if len(raws) > 1:  # find the document that fails, and process the rest
            return [process(raw, nlp=nlp, encoding=encoding) for raw in raws]
        document, segments = read[0] if not isinstance(read[0], Result) else (None, ())
        return [Result(document, segments, rejections=(_rejection(raws[0], error, "extract"),))]
    return [
        item if isinstance(item, Result) else Result(item[0], item[1], tuple(next(extracted)))
        for item in read
    ]


def read_document(
    raw: RawDocument, *, encoding: str | None = None
) -> tuple[Document, tuple[Segment, ...]]:
    """Decode and segment ``raw``: the Document and the segments tiling its text."""
    if raw.text is not None:
        text, used = raw.text, raw.encoding or "utf-8"
    else:
        text, used = decode_bytes(raw.raw, path=raw.path, encoding=encoding)
    meta = dict(raw.meta)
    if raw.media_type == "text/html":
        page = segment_html(text, url=meta.get("url"))
        text, segments = page.text, page.segments
        found = {
            "title": page.title,
            "outlet": page.outlet,
            "url": page.url,
            "published": page.published,
        }
    else:
        segments = segment_text(text, title=meta.get("title"))
        found = {"title": _headline(text, segments), "outlet": find_text_clues(text).outlet}
    if not text.strip():
        raise InputError(
            f"'{raw.path}' holds no text after extraction. Check that it is an article page.",
            path=raw.path,
            stage="segment",
        )
    merged = {
        key: meta.get(key) or found.get(key) for key in ("title", "outlet", "url", "published")
    }
    document = Document(
        id=sha256_hex(raw.raw),
        path=raw.path,
        media_type=raw.media_type,
        encoding=used,
        text=text,
        title=merged["title"],
        outlet=merged["outlet"],
        url=merged["url"],
        published=normalize_date(merged["published"]),
        raw=raw.raw,
    )
    return document, segments


def _headline(text: str, segments: tuple[Segment, ...]) -> str | None:
    for segment in segments:
        if segment.kind == "headline":
            return text[segment.start : segment.end].strip()
    return None


def _rejection(raw: RawDocument, error: KeeptabsError, stage: str) -> Rejection:
    return Rejection(
        path=raw.path,
        stage=error.stage or stage,
        code=error.code,
        message=error.message,
        sha256=sha256_hex(raw.raw),
        raw=raw.raw,
    )
