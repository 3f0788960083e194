"""The quality gate: gold sets scored against floors that only ever go up.

    python tests/quality_gate.py            # print scores next to their floors
    python tests/quality_gate.py --raise    # raise floors to today's scores
    python tests/quality_gate.py --raise --allow-lower   # also lower (say why in the commit)

Floors live in tests/quality_floors.json; tests/test_quality_gate.py fails when a score
drops below its floor.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from ecb_corpus import gold_docs, write_corpus
from keeptabs.evaluate.run import evaluate_corpus
from keeptabs.ingest.corpus import Columns

ROOT = Path(__file__).resolve().parents[1]
FLOORS = Path(__file__).with_name("quality_floors.json")
ECB_DOCS = "../shared/eval/clusters/ecbplus"  # token files: see tests/ecb_corpus.py
# Gold sets: name -> (gold file, documents), relative to the repository root.
GOLD_SETS = {
    "aleppo-2016": ("../shared/gold/aleppo-2016.jsonl", "../shared/corpus/aleppo-2016"),
    "demo": ("src/keeptabs/demo/gold.jsonl", "src/keeptabs/demo/corpus"),
    "fakes-dev": ("tests/gold/fakes-dev.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check": ("tests/gold/fakes-check.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check2": ("tests/gold/fakes-check2.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check3": ("tests/gold/fakes-check3.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check4": ("tests/gold/fakes-check4.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check5": ("tests/gold/fakes-check5.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check6": ("tests/gold/fakes-check6.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check7": ("tests/gold/fakes-check7.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check8": ("tests/gold/fakes-check8.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check9": ("tests/gold/fakes-check9.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check10": ("tests/gold/fakes-check10.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check11": ("tests/gold/fakes-check11.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check12": ("tests/gold/fakes-check12.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check13": ("tests/gold/fakes-check13.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check14": ("tests/gold/fakes-check14.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check15": ("tests/gold/fakes-check15.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check16": ("tests/gold/fakes-check16.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check17": ("tests/gold/fakes-check17.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check18": ("tests/gold/fakes-check18.jsonl", "../shared/corpus/fakes-dev.csv"),
    "fakes-check19": ("tests/gold/fakes-check19.jsonl", "../shared/corpus/fakes-dev.csv"),
    # other news (crime, riots, quakes, piracy): ECB+ articles, made a corpus at run time
    "ecb-check": ("tests/gold/ecb-check.jsonl", ECB_DOCS),
    "ecb-check2": ("tests/gold/ecb-check2.jsonl", ECB_DOCS),
    "ecb-check3": ("tests/gold/ecb-check3.jsonl", ECB_DOCS),
}
ROUNDING = 3  # digits kept; floors sit a hair under the score so float noise never trips them


def measure(name: str) -> dict[str, float]:
    gold, docs = GOLD_SETS[name]
    with tempfile.TemporaryDirectory() as folder:
        corpus = ROOT / docs
        if docs == ECB_DOCS:  # the articles the gold names, as a CSV corpus
            corpus = write_corpus(Path(folder) / "ecb.csv", gold_docs(ROOT / gold))
        report = evaluate_corpus(ROOT / gold, corpus, Columns()).to_json()
    scores = {"detection_f1": report["detection"]["f1"]}
    for field, result in report["fields"].items():
        scores[f"{field}_accuracy"] = result["accuracy"]
    return {key: round(value, ROUNDING) for key, value in scores.items()}


def load_floors() -> dict[str, dict[str, float]]:
    data: dict[str, Any] = json.loads(FLOORS.read_text(encoding="utf-8"))
    return {name: dict(values) for name, values in data.items() if not name.startswith("_")}


def raise_floors(*, allow_lower: bool) -> dict[str, dict[str, float]]:
    floors = load_floors()
    for name in GOLD_SETS:
        if not (ROOT / GOLD_SETS[name][0]).exists():
            continue
        scores = measure(name)
        old = floors.get(name, {})
        floors[name] = {
            key: value if allow_lower else max(value, old.get(key, 0.0))
            for key, value in scores.items()
        }
    data = {"_doc": "Quality floors; raise with `python tests/quality_gate.py --raise`.", **floors}
    FLOORS.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return floors


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--raise", dest="raise_", action="store_true", help="raise floors to current scores"
    )
    parser.add_argument("--allow-lower", action="store_true", help="let --raise lower a floor")
    args = parser.parse_args()
    if args.raise_:
        raise_floors(allow_lower=args.allow_lower)
    floors = load_floors()
    for name in GOLD_SETS:
        if not (ROOT / GOLD_SETS[name][0]).exists():
            print(f"{name}: gold missing, skipped")
            continue
        for key, value in measure(name).items():
            floor = floors.get(name, {}).get(key, 0.0)
            flag = "" if value >= floor else "  BELOW FLOOR"
            print(f"{name:12} {key:22} {value:.3f}  floor {floor:.3f}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
