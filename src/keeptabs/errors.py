"""The exception tree.

::

    KeeptabsError                 every error keeptabs raises on purpose
    ├── InputError                the input cannot become a Document
    │   ├── DecodeError           bytes that decode in no known encoding
    │   ├── EmptyDocumentError    nothing left after decoding / extraction
    │   └── UnsupportedFormatError a file type ingest does not read
    ├── ExtractionError           a stage failed on one document
    ├── StoreError                the database refused or is out of date
    └── ConfigError               bad settings, options or data files

Each carries a short ``code`` (stored with rejections) and, where known, the
path of the document and the stage.  Messages say what to do next.
"""

from __future__ import annotations


class KeeptabsError(Exception):
    code = "error"

    def __init__(self, message: str, *, path: str | None = None, stage: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.stage = stage


class InputError(KeeptabsError):
    code = "input"


class DecodeError(InputError):
    code = "decode"


class EmptyDocumentError(InputError):
    code = "empty"


class UnsupportedFormatError(InputError):
    code = "unsupported_format"


class ExtractionError(KeeptabsError):
    code = "extraction"


class StoreError(KeeptabsError):
    code = "store"


class ConfigError(KeeptabsError):
    code = "config"
