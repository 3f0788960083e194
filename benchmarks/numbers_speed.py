"""Time the number layer alone over the article texts of ../shared/corpus/fakes-dev.csv.

Run: ``.venv/bin/python benchmarks/numbers_speed.py [--check] [--repeat N]``.

Prints documents/s and MB/s of ``find_numbers`` (best of N runs after a warm-up), and,
measured in the same run because machine load varies, a baseline: one bare
``re.finditer(r"\\d[\\d,.]*", text)`` pass over the same texts, with the ratio of the
two rates.  With ``--check`` it exits 1 when ``find_numbers`` runs below
``TARGET_DOCS_PER_S``; without it, it only reports.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from keeptabs.extract.numbers import find_numbers

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "fakes-dev.csv"
TARGET_DOCS_PER_S = 2000
_BASELINE = re.compile(r"\d[\d,.]*")


def load_texts(path: Path = CORPUS) -> list[str]:
    csv.field_size_limit(1 << 30)
    with path.open(newline="", encoding="utf-8") as f:
        return [row["article_content"] for row in csv.DictReader(f)]


def best_seconds(fn: Callable[[str], object], texts: list[str], repeat: int) -> float:
    """The fastest of ``repeat`` passes of fn over all texts, after one warm-up pass."""
    for text in texts:
        fn(text)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for text in texts:
            fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def _baseline(text: str) -> object:
    return list(_BASELINE.finditer(text))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 below the target rate")
    parser.add_argument("--repeat", type=int, default=7, help="timed passes (best counts)")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        print(f"{CORPUS} is missing: check out ../shared next to this repository.")
        return 2
    texts = load_texts()
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    found = sum(len(find_numbers(t)) for t in texts)
    ours = best_seconds(find_numbers, texts, args.repeat)
    base = best_seconds(_baseline, texts, args.repeat)
    rate, base_rate = len(texts) / ours, len(texts) / base
    print(f"corpus: {len(texts)} documents, {megabytes:.2f} MB, {found} numbers found")
    print(
        f"find_numbers: {rate:8.0f} docs/s  {megabytes / ours:6.2f} MB/s  (best of {args.repeat})"
    )
    print(
        f"baseline re:  {base_rate:8.0f} docs/s  {megabytes / base:6.2f} MB/s  (\\d[\\d,.]* only)"
    )
    print(f"ratio find_numbers / baseline: {rate / base_rate:.3f}")
    if args.check and rate < TARGET_DOCS_PER_S:
        print(f"FAIL: {rate:.0f} docs/s is below the target of {TARGET_DOCS_PER_S}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
