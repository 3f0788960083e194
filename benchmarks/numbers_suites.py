"""Score keeptabs.extract.numbers on the number suites in ../shared/eval/numbers.

Run: ``.venv/bin/python benchmarks/numbers_suites.py [--quiet]``.  Prints, per suite, the
cases, the correct ones, the accuracy, and every failure with a reason category.  The
scope rules (which cases are left out and why) are in ``OUT_OF_SCOPE`` and in
docs/numbers.md.  ``score_all()`` is what tests/test_numbers.py calls.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from keeptabs.extract.numbers import NumberMatch, find_numbers, match_numbers

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "numbers"
RECOGNIZERS = SHARED / "recognizers"
QUANTULUM = SHARED / "quantulum3" / "quantities.json"
REL_TOL = 1e-6  # values are floats: 0.1 + 0.2 style error only

# Input patterns whose expected results are not English news style, with the reason.
OUT_OF_SCOPE: tuple[tuple[str, str], ...] = (
    (r"\^", "math notation (powers: 1.1^23)"),
    (r"\b(?:over|out of)\b|\b\d+ in \w|\bin two\b", "fraction by preposition (one over three)"),
    (
        r"(?<![\d,])\d{1,3},\d{1,2}(?![\d,])|\d\.\d{3},\d\d|\d,\d\d,\d{3}",
        "decimal comma (5,00) and Indian grouping (12,34,567)",
    ),
    (r"\w-nought-", "spoken digit strings (three-nought-four)"),
    (
        r"hundred (?:and )?thirty[ -]?(?:two )?fifths|hundred (?:and )?thirty-two fifths"
        r"|one hundred one thousand fifths|one one hundred|twenty[ -]firsts|one twenty-fifth"
        r"|twenty twenty fifths|twenty and three and",
        "compound ordinal denominators, read two ways by the suite itself "
        "(one hundred thirty fifths = 100/35, one hundred and thirty-two fifths = 132/5)",
    ),
    (
        r"\d+ (?:thousand|hundred) (?:and )?(?:\d+(?! hundred)|one\b)",
        "mixed digit-word compounds (3 hundred and 21)",
    ),
    (
        r"two dozens|hundred thousand dollars|two thirds of a|and three quarters million",
        "rare compounds (three hundred and two dozens, two thirds of a million)",
    ),
    (r"\bpercents? of\b|per cent of", "percent written before its number (percent of 10)"),
    (
        r"^(?:1/4|one \w+) of$",
        "fractions as percentages (one half of = 50%): reported as fractions",
    ),
    (r"\d(?:ml|km)\b|\b1m\b", "number glued to a unit: a measure here, not a bare number"),
    (r"May 4th", "date: reported as kind date"),
    (r"lakh crore|crore and", "stacked Indian scales (three lakh crore)"),
    (r"two millionth", "'two millionth' read as the number 2 by the suite"),
    (
        r"and a (?:third|thirtieth)$",
        "contradicts NumberModel, which reads 'forty two and a third' as 42.33",
    ),
)


@dataclass
class Suite:
    name: str
    cases: int = 0
    correct: int = 0
    out_of_scope: Counter[str] = field(default_factory=Counter)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # reason, input, detail

    @property
    def accuracy(self) -> float:
        return self.correct / self.cases if self.cases else 0.0


def _scope(text: str, results: list[dict[str, object]]) -> str | None:
    if any(str(r["TypeName"]).startswith("ordinal.relative") for r in results):
        return "relative ordinals (last, next) are not numbers"
    if any(_expected([r])[0][2] is None for r in results):
        return "a percent word or sign with no number"
    for pattern, reason in OUT_OF_SCOPE:
        if re.search(pattern, text):
            return reason
    return None


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def _expected(results: list[dict[str, object]]) -> list[tuple[int, int, float | None]]:
    out = []
    for r in results:
        res = r["Resolution"]
        assert isinstance(res, dict)
        raw = res.get("value")
        value = None if raw in (None, "null") else float(str(raw).rstrip("%"))
        out.append((int(str(r["Start"])), int(str(r["End"])) + 1, value))  # End is inclusive
    return out


def _cases(path: Path) -> Iterator[tuple[str, list[dict[str, object]]]]:
    for case in json.loads(path.read_text(encoding="utf-8")):
        yield case["Input"], case["Results"]


def _compare(
    expected: list[tuple[int, int, float | None]], got: list[tuple[int, int, float | None]]
) -> str | None:
    """None when the two sets agree, else the reason category of the first difference."""
    for s, e, v in expected:
        same = [g for g in got if (g[0], g[1]) == (s, e)]
        if not same:
            overlap = any(g[0] < e and s < g[1] for g in got)
            return "span" if overlap else "missed"
        if not any(_close(g[2], v) for g in same):
            return "value"
    spans = {(s, e) for s, e, _ in expected}
    return "extra" if any((g[0], g[1]) not in spans for g in got) else None


def _number_items(text: str) -> list[tuple[int, int, float | None]]:
    nums: list[NumberMatch] = match_numbers(text)
    return [(n.core_start, n.core_end, n.value) for n in nums if n.kind != "ordinal"]


def _percent_items(text: str) -> list[tuple[int, int, float | None]]:
    out = []
    for q in find_numbers(text):
        if q.kind == "percent":
            start = q.start + len(q.cue) + 1 if q.cue and q.text.startswith(q.cue) else q.start
            out.append((start, q.end, q.value))
    return out


def score_recognizers(
    name: str, items: Callable[[str], list[tuple[int, int, float | None]]]
) -> Suite:
    suite = Suite(name)
    for text, results in _cases(RECOGNIZERS / name):
        reason = _scope(text, results)
        if reason:
            suite.out_of_scope[reason] += 1
            continue
        suite.cases += 1
        got = items(text)
        problem = _compare(_expected(results), got)
        if problem is None:
            suite.correct += 1
        else:
            suite.failures.append((problem, text, f"expected {_expected(results)} got {got}"))
    return suite


def score_ordinals() -> Suite:
    """Every ordinal must come out as kind ordinal, and nothing there may be a count."""
    suite = Suite("OrdinalModel.json")
    for text, results in _cases(RECOGNIZERS / "OrdinalModel.json"):
        reason = _scope(text, results)
        if reason:
            suite.out_of_scope[reason] += 1
            continue
        suite.cases += 1
        quantities = find_numbers(text)
        ordinals = [(q.start, q.end, q.value) for q in quantities if q.kind == "ordinal"]
        spans = [(s, e) for s, e, _ in _expected(results)]
        counts = [
            q
            for q in quantities
            if q.kind == "count" and any(q.start < e and s < q.end for s, e in spans)
        ]
        problem = "count" if counts else _compare(_expected(results), ordinals)
        if problem is None:
            suite.correct += 1
        else:
            suite.failures.append((problem, text, f"got {[(q.text, q.kind) for q in quantities]}"))
    return suite


def _quantulum_hit(q_start: int, q_end: int, value: float, text: str, got: list[object]) -> str:
    for q in find_numbers(text):
        starts = {q.start}
        if q.cue and text.startswith(q.cue, q.start):
            starts.add(q.start + len(q.cue) + 1)
        if q_start in starts and q.end == q_end:
            both = q.qualifier == "range" and q.lower is not None and q.upper is not None
            mid = (
                (q.lower + q.upper) / 2
                if both and q.lower is not None and q.upper is not None
                else None
            )
            return "ok" if _close(q.value, value) or _close(mid, value) else "value"
    overlap = any(q.start < q_end and q_start < q.end for q in find_numbers(text))
    return "span" if overlap else "missed"


# quantulum3 surfaces outside news style, with the reason.
QUANTULUM_OUT_OF_SCOPE: tuple[tuple[str, str], ...] = (
    (
        r"fb−1|\bJs\b|cds|tpd|J/m\^2|W/min|s-1|km/s2|kibibyte|2\^10|gigaannum",
        "physics and engineering units (fb−1, tpd, J/m^2)",
    ),
    (
        r"baker's dozen|\bgross\b|square dozen|absolute zero|a penny|a gallon|a dozen",
        "a unit word as the number ('a gross', 'absolute zero', 'a dozen' = 1 dozen)",
    ),
    (r"times per|weeks'", "frequencies and possessives (four times per week, six weeks' time)"),
    (r"^\(\$", "accounting negatives in parentheses"),
    (r" per kg to ", "ranges of rates ($350 per kg to $680 per kg)"),
)


def score_quantulum() -> Suite:
    """Each expected quantity is a case: value and span (qualifier words may be included)."""
    suite = Suite("quantulum3/quantities.json")
    for case in json.loads(QUANTULUM.read_text(encoding="utf-8")):
        text, offset = case["req"], 0
        for res in case["res"]:
            start = text.find(res["surface"], offset)
            offset = max(offset, start + 1)
            reason = next(
                (r for p, r in QUANTULUM_OUT_OF_SCOPE if re.search(p, res["surface"])), None
            )
            if reason:
                suite.out_of_scope[reason] += 1
                continue
            suite.cases += 1
            verdict = _quantulum_hit(start, start + len(res["surface"]), res["value"], text, [])
            if verdict == "ok":
                suite.correct += 1
            else:
                got = [(q.text, q.value, q.unit) for q in find_numbers(text)]
                suite.failures.append(
                    (verdict, text, f"{res['surface']!r}={res['value']} got {got}")
                )
    return suite


def score_all() -> list[Suite]:
    return [
        score_recognizers("NumberModel.json", _number_items),
        score_recognizers("NumberModelExperimentalMode.json", _number_items),
        score_recognizers("PercentModel.json", _percent_items),
        score_recognizers("PercentModelPercentMode.json", _percent_items),
        score_ordinals(),
        score_quantulum(),
    ]


def main(argv: list[str]) -> int:
    if not SHARED.exists():
        print(f"{SHARED} is missing: check out ../shared next to this repository.")
        return 2
    for suite in score_all():
        print(f"\n== {suite.name}: cases {suite.cases}, correct {suite.correct}, "
              f"accuracy {suite.accuracy:.1%}")  # fmt: skip
        for reason, n in sorted(suite.out_of_scope.items()):
            print(f"   out of scope: {n:3d}  {reason}")
        if "--quiet" in argv:
            continue
        for reason, text, detail in suite.failures:
            print(f"   FAIL [{reason}] {text[:90]!r}\n        {detail[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
