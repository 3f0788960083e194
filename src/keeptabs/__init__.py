"""keeptabs: keeps tabs on the figures the news reports."""

from keeptabs.pipeline import process
from keeptabs.types import Claim, Document, Quantity, RawDocument, Rejection, Result, Segment

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
