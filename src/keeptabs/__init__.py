"""keeptabs: keeps tabs on the figures the news reports."""

from typing import TYPE_CHECKING, Any

from keeptabs.types import Claim, Document, Quantity, RawDocument, Rejection, Result, Segment

if TYPE_CHECKING:
    from keeptabs.pipeline import process


def __getattr__(name: str) -> Any:
    """``keeptabs.process`` loads the pipeline (and spaCy) on first use only, so commands
    that only read the ledger start quickly."""
    if name == "process":
        from keeptabs.pipeline import process

        return process
    raise AttributeError(f"module 'keeptabs' has no attribute {name!r}")


__all__ = [
    "Claim",
    "Document",
    "Quantity",
    "RawDocument",
    "Rejection",
    "Result",
    "Segment",
    "process",
]
__version__ = "0.1.0"
