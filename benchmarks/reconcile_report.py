"""Findings by type on the seed corpus, on ECB+ clusters and on fakes-dev, and how long
reconciliation takes.

    python benchmarks/reconcile_report.py [--ecb-topics N]

- seed: ../shared/corpus/aleppo-2016, one ledger.
- ECB+ (topics 1-35, ../shared/eval/clusters/ecbplus): one ledger per cluster (the
  documents of one cluster report one event); the token files are joined back into text.
- fakes-dev: one ledger over all 384 articles; the share of articles with at least one
  conflict finding, among those labelled 0 (casualty details disagree with the VDC's
  record) and those labelled 1, and the time `build_ledger` takes there.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from ecb_corpus import ecb_text
from keeptabs.extract.nlp import load_nlp
from keeptabs.ingest.corpus import Columns, read_corpus
from keeptabs.ingest.files import read_paths
from keeptabs.pipeline import process_many
from keeptabs.reconcile.ledger import Ledger, build_ledger
from keeptabs.types import RawDocument, Result

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ECB = SHARED / "eval" / "clusters" / "ecbplus"
FAKES = SHARED / "corpus" / "fakes-dev.csv"
csv.field_size_limit(2**31 - 1)


def results_of(raws: list[RawDocument]) -> list[Result]:
    return process_many(raws, nlp=load_nlp())


def ledger_of(results: list[Result]) -> Ledger:
    documents = [r.document for r in results if r.document is not None]
    return build_ledger(documents, [claim for r in results for claim in r.claims])


def seed_counts() -> Counter[str]:
    raws = [
        r for r in read_paths([SHARED / "corpus" / "aleppo-2016"]) if isinstance(r, RawDocument)
    ]
    return Counter(f.type for f in ledger_of(results_of(raws)).findings)


def ecb_counts(topics: int) -> tuple[Counter[str], int, int]:
    clusters: dict[str, str] = {}
    with (ECB / "cluster_index.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if int(row["topic"]) <= topics:
                clusters[row["doc"]] = row["cluster_id"]
    raws: dict[str, list[RawDocument]] = {}
    with tarfile.open(ECB / "ecbplus-topics-1-35.tar.gz") as archive:
        for member in archive.getmembers():
            name = Path(member.name).name
            handle = archive.extractfile(member) if member.isfile() else None
            if name in clusters and handle is not None:
                text = ecb_text(handle.read()).encode("utf-8")
                raws.setdefault(clusters[name], []).append(
                    RawDocument(path=f"ecbplus/{name}", raw=text, media_type="text/plain")
                )
    counts: Counter[str] = Counter()
    documents = 0
    for cluster in sorted(raws):
        documents += len(raws[cluster])
        counts.update(f.type for f in ledger_of(results_of(raws[cluster])).findings)
    return counts, len(raws), documents


def fakes_counts() -> tuple[Counter[str], dict[str, tuple[int, int]], float]:
    raws = [r for r in read_corpus(FAKES, Columns()) if isinstance(r, RawDocument)]
    results = results_of(raws)
    start = time.perf_counter()
    ledger = ledger_of(results)
    took = time.perf_counter() - start
    with FAKES.open(encoding="utf-8", newline="") as handle:
        labels = {row["unit_id"]: row["labels"] for row in csv.DictReader(handle)}
    unit = {r.document.id: r.document.path.rsplit("#", 1)[-1] for r in results if r.document}
    conflicted = {c.doc_id for f in ledger.findings if f.type == "conflict" for c in f.claims}
    shares = {}
    for label in ("0", "1"):
        docs = [doc_id for doc_id, uid in unit.items() if labels.get(uid) == label]
        shares[label] = (sum(doc_id in conflicted for doc_id in docs), len(docs))
    return Counter(f.type for f in ledger.findings), shares, took


def show(title: str, counts: Counter[str]) -> None:
    print(f"\n{title}")
    for kind, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {kind:<26} {count:5d}")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ecb-topics", type=int, default=35, help="ECB+ topics 1..N")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"{SHARED} is missing: clone keeptabs beside its shared/ folder.")
        return 2
    show("seed (aleppo-2016)", seed_counts())
    counts, clusters, documents = ecb_counts(args.ecb_topics)
    show(f"ECB+ topics 1-{args.ecb_topics}: {clusters} clusters, {documents} documents", counts)
    counts, shares, took = fakes_counts()
    show("fakes-dev (384 articles, one ledger)", counts)
    for label, (hits, total) in shares.items():
        print(
            f"  label {label}: {hits}/{total} articles ({hits / max(total, 1):.1%}) with a conflict"
        )
    print(f"  build_ledger on fakes-dev: {took:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
