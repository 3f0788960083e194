"""Numbers for the internal checks: unit conversion (pint), rounding steps, readable values.

The check vocabularies live in ``data/checks.json``; :func:`check_vocab` loads them once.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from keeptabs.errors import ConfigError
from keeptabs.extract.vocab import load_data


@dataclass(frozen=True, slots=True)
class CheckVocab:
    """The words and units the internal checks use, from ``data/checks.json``."""

    extra_units: tuple[str, ...]
    directional_qualifiers: frozenset[str]
    total_cue: re.Pattern[str]
    percent_cue: re.Pattern[str]
    inverted_subset_cue: re.Pattern[str]  # "among" right before the larger figure


@cache
def check_vocab() -> CheckVocab:
    """Read and check ``keeptabs/reconcile/data/checks.json`` (once)."""
    raw = load_data("checks.json", "keeptabs.reconcile")
    try:
        vocab = CheckVocab(
            extra_units=tuple(raw["extra_units"]),
            directional_qualifiers=frozenset(raw["directional_qualifiers"]),
            total_cue=_words_pattern(raw["total_cues"]),
            percent_cue=_words_pattern(raw["percent_cues"]),
            inverted_subset_cue=re.compile(
                _words_pattern(raw["inverted_subset_cues"]).pattern + r"\s*$", re.IGNORECASE
            ),
        )
    except (ValueError, KeyError, TypeError) as error:
        raise ConfigError(
            f"Could not load the data file 'checks.json' of keeptabs.reconcile: {error}. "
            "Restore it from git."
        ) from error
    return vocab


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(word) for word in words), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


@cache
def _registry() -> Any:
    import pint  # lazy: building the registry takes ~0.4 s

    registry: Any = pint.UnitRegistry()
    for definition in check_vocab().extra_units:
        registry.define(definition)
    return registry


def convert(value: float, unit: str, target: str) -> float | None:
    """``value`` in ``unit`` expressed in ``target``; None when pint cannot convert
    (an unknown unit, a currency, or units of different dimensions)."""
    try:
        registry = _registry()
        return float(registry.Quantity(value, unit).to(target).magnitude)
    except Exception:  # pint raises many types; an unconvertible pair has no answer
        return None


# The digits of a number as written: "2,600", "2.6", "99".
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def rounding_step(number_text: str, value: float | None) -> float:
    """The step of the last significant digit written: "2.6" -> 0.1, "2,600" -> 100,
    "2.6 million" -> 100,000, "99" -> 1; 0 when the number is not written in digits."""
    match = _DIGITS.search(number_text)
    if match is None or value is None:
        return 0.0
    digits = match.group().replace(",", "")
    written = float(digits)
    if written == 0:
        return 0.0
    scale = value / written  # "2.6 million": the word multiplies the digits
    if "." in digits:
        return scale * 10.0 ** -len(digits.split(".")[1])
    trailing_zeros = len(digits) - len(digits.rstrip("0"))
    return scale * 10.0**trailing_zeros


def readable(value: float) -> str:
    """A value as a sentence writes it, to three significant digits:
    2583338.5 -> "2.58 million", 98.84 -> "98.8", 12345 -> "12,300"."""
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{_significant(value / size):g} {word}"
    rounded = _significant(value)
    return f"{rounded:,.0f}" if rounded.is_integer() else f"{rounded:g}"


def _significant(value: float, digits: int = 3) -> float:
    if value == 0:
        return 0.0
    return float(round(value, digits - 1 - math.floor(math.log10(abs(value)))))
