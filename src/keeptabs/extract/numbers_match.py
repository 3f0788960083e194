"""The number phrase being built (:class:`NumberMatch`) and its SI value (pint, lazily)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from keeptabs.types import Qualifier, Quantity

__all__ = ["NumberMatch", "is_length", "to_si"]


@dataclass(slots=True)
class NumberMatch:
    """A number phrase being built; ``core_*`` is the bare number without cue, sign word or unit."""

    start: int
    end: int
    core_start: int
    core_end: int
    value: float | None
    form: str  # digits | words | frac | vulgar | fraction | ordinal | vague | dotted | url
    kind: str = "count"
    qualifier: Qualifier = "exact"
    lower: float | None = None
    upper: float | None = None
    unit: str | None = None
    unit_kind: str | None = None
    cue: str | None = None
    scale: int = 1  # the multiplier word applied ("million"), for ranges "2 to 3 million"
    prefix_currency: bool = False

    def quantity(self, text: str) -> Quantity:
        lower, upper = self.lower, self.upper
        if self.value is not None and self.qualifier in ("exact", "approx"):
            lower = upper = self.value
        si_value, si_unit = to_si(self.value, self.unit) if self.kind == "measure" else (None, None)
        return Quantity(
            text[self.start : self.end],
            self.start,
            self.end,
            self.value,
            lower,
            upper,
            self.qualifier,
            self.kind,  # type: ignore[arg-type]
            self.unit,
            self.cue,
            si_value,
            si_unit,
        )


@functools.cache
def _registry() -> Any:
    import pint  # lazy: building the registry takes ~0.4 s

    return pint.UnitRegistry()


@functools.cache
def _si_factor(unit: str) -> tuple[float, str] | None:
    """Multiplier and SI unit for a unit (None for offset units like degrees Celsius)."""
    ureg = _registry()
    try:
        one = ureg.Quantity(1.0, unit)
        if not one._ok_for_muldiv():  # offset units convert value by value
            return None
        base = one.to_base_units()
    except Exception:  # pint raises many types; an unknown unit just has no SI value
        return (float("nan"), "")
    return float(base.magnitude), str(base.units)


@functools.cache
def is_length(unit: str) -> bool:
    """Whether unit measures a length ('meter', 'foot'): the sides of a dimension."""
    try:
        return bool(_registry().Quantity(1.0, unit).dimensionality == "[length]")
    except Exception:  # an expression pint does not know is no length
        return False


def to_si(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """The value in SI base units and their name, or (None, None) when there is none."""
    if value is None or unit is None or unit == "fraction":
        return None, None
    factor = _si_factor(unit)
    if factor is None:
        base = _registry().Quantity(value, unit).to_base_units()
        return float(base.magnitude), str(base.units)
    if factor[1] == "":
        return None, None
    return value * factor[0], factor[1]
