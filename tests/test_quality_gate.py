"""Extraction quality on the gold sets never falls below the pinned floors."""

from __future__ import annotations

import pytest

from conftest import require_shared
from quality_gate import GOLD_SETS, ROOT, load_floors, measure

# The acceptance bars of issue #2 on the shared gold, independent of the floors file.
ACCEPTANCE = {"detection_f1": 0.85, "value_accuracy": 0.95, "section_accuracy": 0.90}


@pytest.mark.parametrize("name", sorted(GOLD_SETS))
def test_quality_gate_scores_hold_their_floors(name: str) -> None:
    gold, _docs = GOLD_SETS[name]
    if gold.startswith("../shared/"):
        require_shared(*gold.removeprefix("../shared/").split("/"))
    assert (ROOT / gold).exists()
    floors = load_floors()[name]
    scores = measure(name)
    below = {
        key: (scores.get(key), floor)
        for key, floor in floors.items()
        if scores.get(key, 0.0) < floor
    }
    assert not below, f"{name}: scores below their floors (score, floor): {below}"


def test_quality_gate_seed_gold_meets_acceptance() -> None:
    require_shared("gold", "aleppo-2016.jsonl")
    scores = measure("aleppo-2016")
    for key, bar in ACCEPTANCE.items():
        assert scores[key] >= bar, key
