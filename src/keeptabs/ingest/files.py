"""Files and folders -> RawDocument (or Rejection when a file cannot be read)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from keeptabs.errors import InputError, UnsupportedFormatError
from keeptabs.ingest.text_meta import SIDECAR_SUFFIX, read_sidecar
from keeptabs.types import RawDocument, Rejection

MEDIA_TYPES: dict[str, Literal["text/plain", "text/html"]] = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
}
# Files in a folder that are not articles: sidecars, notes and hidden files are passed over
# quietly; any other unknown type is recorded as a rejection so that nothing vanishes.
_QUIET_NAMES = ("README", "LICENSE", "SOURCE")


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def iter_files(paths: Iterable[Path]) -> Iterator[tuple[Path, bool]]:
    """Yield ``(file, named)`` for each file; ``named`` is True when given directly."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not _is_quiet(child):
                    yield child, False
        else:
            yield path, True


def _is_quiet(path: Path) -> bool:
    name = path.name
    return (
        name.startswith(".")
        or name.endswith(SIDECAR_SUFFIX)
        or name.upper().startswith(_QUIET_NAMES)
    )


def read_file(path: Path) -> RawDocument | Rejection:
    """Read one article file with its sidecar metadata, or say why it cannot be."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        return _reject(
            path,
            b"",
            InputError(
                f"Could not read '{path}': {error.strerror}. Check the path and its permissions."
            ),
        )
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        return _reject(
            path,
            raw,
            UnsupportedFormatError(
                f"'{path}' is a {path.suffix or 'suffix-less'} file; keeptabs reads "
                f"{', '.join(sorted(MEDIA_TYPES))}. Rename it or convert it to text."
            ),
        )
    try:
        meta = read_sidecar(path)
    except InputError as error:
        return _reject(path, raw, error)
    return RawDocument(raw=raw, path=str(path), media_type=media_type, meta=meta)


def read_paths(paths: Iterable[Path]) -> Iterator[RawDocument | Rejection]:
    for path, _named in iter_files(paths):
        yield read_file(path)


def _reject(path: Path, raw: bytes, error: InputError) -> Rejection:
    return Rejection(
        path=str(path),
        stage="ingest",
        code=error.code,
        message=error.message,
        sha256=sha256_hex(raw),
        raw=raw,
    )
