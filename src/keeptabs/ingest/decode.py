"""Bytes -> text with the encoding detected, never silently lossy."""

from __future__ import annotations

import codecs

import charset_normalizer

from keeptabs.errors import DecodeError, EmptyDocumentError

# Bytes that mark Windows-1252 over ISO-8859-1: C1 controls (0x80-0x9F) are never text in
# ISO-8859-1, but in cp1252 they are curly quotes, dashes and the euro sign.
_C1_RANGE = range(0x80, 0xA0)
# Western European text has at most a few accented letters in ten; more means another script.
MAX_ACCENTED_SHARE = 0.3
_WESTERN_EXTRA = frozenset("ŠšŒœŽžŸƒ")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(raw: bytes, *, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)``; ``encoding`` forces one, else it is detected.

    UTF-8 wins when the bytes are valid UTF-8; otherwise charset-normalizer chooses,
    and single-byte Latin guesses are settled between cp1252 and ISO-8859-1 by the
    C1 bytes.  Raises DecodeError (with what to do) or EmptyDocumentError.
    """
    if not raw.strip():
        raise EmptyDocumentError(
            f"'{path}' is empty. Remove it from the input or check how it was saved.",
            path=path,
            stage="ingest",
        )
    if encoding:
        return _decode_as(raw, encoding, path=path), encoding
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return _decode_as(raw, name, path=path), name
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    name = _guess_encoding(raw)
    return _decode_as(raw, name, path=path), name


def _guess_encoding(raw: bytes) -> str:
    if _reads_as_western(raw):
        return "cp1252" if any(byte in _C1_RANGE for byte in raw) else "iso-8859-1"
    best = charset_normalizer.from_bytes(raw).best()
    name = best.encoding if best is not None else "cp1252"
    if name in {"latin_1", "iso8859_1", "iso8859_15", "cp1252", "cp1250"} or best is None:
        has_c1 = any(byte in _C1_RANGE for byte in raw)
        return "cp1252" if has_c1 else "iso-8859-1"
    return name


def _reads_as_western(raw: bytes) -> bool:
    """Latin-script text with a few accented letters and typographic marks.

    charset-normalizer often calls short Western texts Baltic or Turkish; news that is
    not UTF-8 is mostly Windows-1252.  Cyrillic or Greek single-byte text also decodes
    as cp1252, but then most of its letters are non-ASCII, which Western text never is.
    """
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    accented = [ch for ch in letters if not ch.isascii()]
    if not letters or len(accented) > MAX_ACCENTED_SHARE * len(letters):
        return False
    return all(ch in _WESTERN_EXTRA or "\u00c0" <= ch <= "\u00ff" for ch in accented)


def _decode_as(raw: bytes, encoding: str, *, path: str) -> str:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise DecodeError(
            f"Could not decode '{path}' as {encoding}: {error}. Pass --encoding or check the file.",
            path=path,
            stage="ingest",
        ) from error
