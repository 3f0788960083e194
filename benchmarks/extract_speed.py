"""Claim extraction over fakes-dev against spaCy's full pipeline over whole documents.

    python benchmarks/extract_speed.py [--limit N] [--repeat N] [--check]

Both are measured in the same run, on the same documents, in one process, after a
warm-up, interleaved ``--repeat`` times; the best time of each side counts (timing noise
only ever adds time).  Both sides run on one thread, so their CPU time (``process_time``)
is reported too: on a shared machine, time stolen by other work shows in the wall clock
but much less in the CPU time.  The median of the per-run ratios is printed as well.

The baseline is what a straightforward extractor would do: run en_core_web_sm (all its
components) over every document.  keeptabs parses only windows around claim numbers,
with the tagger and parser alone (see keeptabs.extract.nlp).  ``--check`` exits 1 when
keeptabs is under 5 times faster (issue #4).
"""

from __future__ import annotations

import os

# One thread for every BLAS library on both sides, set before NumPy loads them: keeptabs
# runs its products through NumPy's OpenBLAS (keeptabs.extract.nlp.use_numpy_blas),
# which would otherwise use every core, while spaCy's blis uses one.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_variable] = "1"

import argparse  # noqa: E402
import csv  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402

from keeptabs.cli import INGEST_BATCH  # noqa: E402
from keeptabs.extract.claims import ClaimInput, extract_claims, extract_claims_many  # noqa: E402
from keeptabs.extract.dates import resolve_period  # noqa: E402
from keeptabs.extract.nlp import MODEL_PACKAGE, load_nlp  # noqa: E402
from keeptabs.ingest.dates import normalize_date  # noqa: E402
from keeptabs.segment.text import segment_text  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "fakes-dev.csv"
TARGET_RATIO = 5.0  # issue #4: full extraction at >= 5x the docs/s of whole-document spaCy
csv.field_size_limit(2**31 - 1)


def load_articles(limit: int | None) -> list[tuple[str, str | None]]:
    """(headline and body, publication date) of each article."""
    with CORPUS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    articles = [
        (f"{row['article_title']}\n\n{row['article_content']}", normalize_date(row["date"]))
        for row in rows
    ]
    return articles[:limit] if limit else articles


Timing = tuple[float, float]  # (wall seconds, CPU seconds)


def time_baseline(nlp: Language, texts: list[str]) -> Timing:
    start, cpu = time.perf_counter(), time.process_time()
    for _doc in nlp.pipe(texts):
        pass
    return time.perf_counter() - start, time.process_time() - cpu


def time_keeptabs(nlp: Language, articles: list[tuple[str, str | None]]) -> tuple[Timing, int]:
    """Segment and extract, documents in batches as ``keeptabs ingest`` takes them.

    The annotator's lemma cache is emptied first, so every run starts as cold as the first.
    """
    nlp.get_pipe("keeptabs_annotate").cache.clear()
    start, cpu = time.perf_counter(), time.process_time()
    claims = 0
    for first in range(0, len(articles), INGEST_BATCH):
        batch = articles[first : first + INGEST_BATCH]
        inputs = [
            ClaimInput(text, segment_text(text), str(first + i), published)
            for i, (text, published) in enumerate(batch)
        ]
        claims += sum(len(found) for found in extract_claims_many(inputs, nlp=nlp))
    return (time.perf_counter() - start, time.process_time() - cpu), claims


def warm_up(full: Language, ours: Language, texts: list[str]) -> None:
    """Load what both load once per process: the models, the gazetteer, pint, dateparser."""
    list(full.pipe(texts[:5]))
    for text in [*texts[:5], "It covers 24 hectares."]:
        extract_claims(text, segment_text(text), doc_id="warm", nlp=ours)
    resolve_period("22 May 2015", None)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--check", action="store_true", help="exit 1 below the target ratio")
    parser.add_argument(
        "--repeat", type=int, default=3, help="timed runs of each side; the best of each counts"
    )
    args = parser.parse_args()
    if not CORPUS.exists():
        print(f"{CORPUS} is missing: clone keeptabs beside its shared/ folder.")
        return 2
    articles = load_articles(args.limit)
    texts = [text for text, _ in articles]
    full, nlp = spacy.load(MODEL_PACKAGE), load_nlp()
    warm_up(full, nlp, texts)
    runs: list[tuple[Timing, Timing]] = []
    claims = 0
    for _ in range(args.repeat):  # interleaved, so a busy spell slows both sides alike
        ours, claims = time_keeptabs(nlp, articles)
        base = time_baseline(full, texts)
        runs.append((base, ours))
        print(
            f"  run {len(runs)}: spaCy {base[0]:.1f} s (CPU {base[1]:.1f} s), "
            f"keeptabs {ours[0]:.1f} s (CPU {ours[1]:.1f} s): {base[0] / ours[0]:.2f}x",
            flush=True,
        )
    baseline = min(run[0][0] for run in runs)
    ours_best = min(run[1][0] for run in runs)
    ratio = baseline / ours_best
    cpu_ratio = min(run[0][1] for run in runs) / min(run[1][1] for run in runs)
    paired = statistics.median(run[0][0] / run[1][0] for run in runs)
    print(f"documents: {len(texts)}  characters: {sum(map(len, texts)):,}")
    rate = len(texts) / baseline
    print(f"spaCy full pipeline, whole documents: {rate:8.1f} docs/s ({baseline:.1f} s)")
    rate = len(texts) / ours_best
    print(
        f"keeptabs segment + claims:            {rate:8.1f} docs/s "
        f"({ours_best:.1f} s, {claims} claims)"
    )
    print(f"ratio: {ratio:.2f}x, best of {args.repeat} runs each (target {TARGET_RATIO:.0f}x)")
    print(f"ratio of CPU time: {cpu_ratio:.2f}x; median of the per-run ratios: {paired:.2f}x")
    return 1 if args.check and ratio < TARGET_RATIO else 0


if __name__ == "__main__":
    sys.exit(main())
