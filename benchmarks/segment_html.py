"""Benchmark keeptabs.segment.html against plain trafilatura.

1. scrapinghub article-extraction-benchmark (../shared/eval/html/scrapinghub-aeb): token
   precision/recall/F1 of our headline+body text and of ``trafilatura.extract(html)``
   (its defaults) against the gold articleBody.  The benchmark's method: tokens are
   whitespace-split words, overlap is the Counter intersection per page; scores are
   averaged over pages ("avg") and pooled over all tokens ("micro").
2. Comment gold (tests/data/html/*.html + *.json): share of main-text snippets inside
   body segments, of boilerplate snippets kept out of body, of comment snippets inside
   comment segments.

Run: .venv/bin/python benchmarks/segment_html.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from keeptabs.segment.html import HtmlPage, segment_html

ROOT = Path(__file__).resolve().parents[1]
AEB = ROOT.parent / "shared" / "eval" / "html" / "scrapinghub-aeb"
GOLD = ROOT / "tests" / "data" / "html"


@dataclass
class Score:
    """Per-page scores plus pooled counts."""

    pages: list[tuple[float, float, float]]
    tp: int = 0
    pred: int = 0
    gold: int = 0
    seconds: float = 0.0

    def add(self, predicted: str, gold: str) -> None:
        p, g = Counter(predicted.split()), Counter(gold.split())
        tp = sum((p & g).values())
        n_p, n_g = sum(p.values()), sum(g.values())
        prec = tp / n_p if n_p else 0.0
        rec = tp / n_g if n_g else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        self.pages.append((prec, rec, f1))
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + n_p, self.gold + n_g

    def averaged(self) -> tuple[float, float, float]:
        n = len(self.pages) or 1
        return tuple(sum(page[i] for page in self.pages) / n for i in range(3))  # type: ignore[return-value]

    def micro(self) -> tuple[float, float, float]:
        prec = self.tp / self.pred if self.pred else 0.0
        rec = self.tp / self.gold if self.gold else 0.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


def main_text(page: HtmlPage) -> str:
    """Headline and body segments, in order."""
    keep = ("headline", "body")
    return "\n".join(page.text[s.start : s.end] for s in page.segments if s.kind in keep)


def run_aeb(limit: int | None) -> dict[str, Score]:
    gold = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    names = ("keeptabs (headline+body)", "keeptabs (body only)", "trafilatura.extract")
    scores = {name: Score(pages=[]) for name in names}
    for item_id, item in list(gold.items())[:limit]:
        html = gzip.decompress((AEB / "html" / f"{item_id}.html.gz").read_bytes()).decode("utf-8")
        start = time.perf_counter()
        page = segment_html(html, url=item.get("url"))
        scores[names[0]].seconds += time.perf_counter() - start
        start = time.perf_counter()
        baseline = trafilatura.extract(html) or ""
        scores[names[2]].seconds += time.perf_counter() - start
        scores[names[0]].add(main_text(page), item["articleBody"])
        scores[names[1]].add(_kind_text(page, "body"), item["articleBody"])
        scores[names[2]].add(baseline, item["articleBody"])
    scores[names[1]].seconds = scores[names[0]].seconds
    return scores


def _kind_text(page: HtmlPage, kind: str) -> str:
    return "\n".join(page.text[s.start : s.end] for s in page.segments if s.kind == kind)


def _norm(text: str) -> str:
    return " ".join(text.split())


def _gold_checks(
    spec: dict[str, list[str]], body: str, comments: list[str]
) -> dict[str, list[bool]]:
    body = _norm(body)
    return {
        "main in body": [_norm(s) in body for s in spec.get("main", [])],
        "boilerplate out of body": [_norm(s) not in body for s in spec.get("boilerplate", [])],
        "comments in comment": [
            any(_norm(s) in _norm(c) for c in comments) for s in spec.get("comments", [])
        ],
    }


def run_comment_gold() -> dict[str, dict[str, tuple[int, int]]]:
    """hits/total per snippet class over the synthetic comment-gold pages, for us and for
    trafilatura alone (its main text vs its comment output)."""
    totals: dict[str, dict[str, list[int]]] = {"keeptabs": {}, "trafilatura": {}}
    for spec_path in sorted(GOLD.glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        html = spec_path.with_suffix(".html").read_text(encoding="utf-8")
        page = segment_html(html)
        comments = [page.text[s.start : s.end] for s in page.segments if s.kind == "comment"]
        doc = trafilatura.bare_extraction(html, include_comments=True)
        runs = {
            "keeptabs": _gold_checks(spec, _kind_text(page, "body"), comments),
            "trafilatura": _gold_checks(
                spec, getattr(doc, "text", "") or "", [getattr(doc, "comments", "") or ""]
            ),
        }
        for system, checks in runs.items():
            for name, hits in checks.items():
                hit, total = totals[system].setdefault(name, [0, 0])
                totals[system][name] = [hit + sum(hits), total + len(hits)]
    return {
        system: {name: (hit, total) for name, (hit, total) in checks.items()}
        for system, checks in totals.items()
    }


def report(scores: dict[str, Score], gold: dict[str, dict[str, tuple[int, int]]]) -> None:
    n = len(next(iter(scores.values())).pages)
    print(f"scrapinghub-aeb, {n} pages: token P/R/F1 vs gold articleBody")
    print(
        f"{'system':28} {'P avg':>6} {'R avg':>6} {'F1 avg':>6}  {'P mic':>6} {'R mic':>6} "
        f"{'F1 mic':>6}  {'ms/page':>7}"
    )
    for name, score in scores.items():
        avg, mic = score.averaged(), score.micro()
        cells = " ".join(f"{v:6.4f}" for v in avg) + "  " + " ".join(f"{v:6.4f}" for v in mic)
        print(f"{name:28} {cells}  {1000 * score.seconds / max(n, 1):7.1f}")
    print("\ncomment gold (tests/data/html): share of snippets")
    print(f"{'check':28} {'keeptabs':>14} {'trafilatura':>14}")
    for name in gold["keeptabs"]:
        shares = [_share(*gold[system][name]) for system in ("keeptabs", "trafilatura")]
        print(f"{name:28} {shares[0]:>14} {shares[1]:>14}")


def _share(hit: int, total: int) -> str:
    return f"{hit / total if total else 0.0:.3f} ({hit}/{total})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    args = parser.parse_args(argv)
    if not AEB.exists():
        print(f"missing {AEB}; only the comment gold runs", file=sys.stderr)
        scores: dict[str, Score] = {}
    else:
        scores = run_aeb(args.limit)
    gold = run_comment_gold()
    if scores:
        report(scores, gold)
    else:
        report({"none": Score(pages=[])}, gold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
