"""The bundled demo corpus: fictional articles written by the keeptabs project."""

from __future__ import annotations

from pathlib import Path


def corpus_path() -> Path:
    """The folder of demo articles (``.txt`` with ``.meta.json`` sidecars)."""
    return Path(__file__).with_name("corpus")


def gold_path() -> Path:
    """Gold claims for the demo corpus, in the format of the shared gold guide."""
    return Path(__file__).with_name("gold.jsonl")
