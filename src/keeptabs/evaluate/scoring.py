"""Score predicted claims against gold claims, as ``../shared/gold/README.md`` defines.

Claims are dicts with the gold fields (``doc``, ``section``, ``quote``, ``number_text``,
``value``, ``lower``, ``upper``, ``qualifier``, ``counted``, ``action``, ``place``,
``period``, ``source``, ``source_org``, ``part_of``); a missing field counts as null.

Matching. A prediction can match a gold claim when both are in the same ``doc``, their
values are equal within 0.5 % (or both values are null: vague amounts) and their quotes
overlap. Quotes overlap when, located in the document text with whitespace collapsed,
their spans share at least one character; without the document text (or when a quote is
not found in it) they overlap when one contains the other or they share a run of at
least ``MIN_SHARED_TOKENS`` words. All candidate pairs are then taken greedily, so each
gold claim matches at most one prediction and each prediction at most one gold claim:
first the pairs whose numbers stand at the same place in the document (a number is where
its ``number_text`` first occurs in its quote, as whole words), then the largest overlap
first (ties: gold order, then prediction order). In "two women and two children", the
gold quote of the women holds both numbers; the prediction for the women is its pair.

Detection. tp = matched pairs, fp = unmatched predictions, fn = unmatched gold claims.
With nothing predicted, precision is 1.0 if the gold is empty too, else 0.0; likewise
recall with no gold claims. Per section, recall counts gold claims of that section and
precision counts predictions of that section (a pair whose sections differ counts for
each side's own section, and shows as a ``section`` field error).

Fields, over matched pairs: accuracy = pairs whose field agrees / pairs (0.0 when no
pair matched; ``n`` tells the two cases apart). The rules per field are in
``FIELD_RULES`` below.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from keeptabs.errors import ConfigError
from keeptabs.evaluate.normalize import (
    action_class,
    lemma,
    normalize_place,
    period_duration_hours,
)
from keeptabs.extract.vocab import actor_table

__all__ = [
    "FIELDS",
    "DetectionScore",
    "EvalReport",
    "FieldError",
    "FieldScore",
    "SectionScore",
    "read_claims",
    "render_table",
    "score",
]

ClaimDict = Mapping[str, Any]

# Relative tolerance for value, lower and upper: rounding in reports ("8,461" vs "8,460").
VALUE_TOLERANCE = 0.005
# Without document text, two quotes that share this many consecutive words overlap:
# fewer would let a lone shared number ("8,000") tie a headline to a body sentence.
MIN_SHARED_TOKENS = 3
# Sections in the order they are reported; others follow alphabetically.
SECTION_ORDER = ("headline", "body", "caption", "comment")

_QUOTE_CHARS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


# --- field comparisons --------------------------------------------------------------


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _text(value: Any) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(value.split())


def numbers_equal(gold: Any, predicted: Any) -> bool:
    """Equal within ``VALUE_TOLERANCE`` of the gold number; null equals only null."""
    gold_number, predicted_number = _number(gold), _number(predicted)
    if gold_number is None or predicted_number is None:
        return gold_number is None and predicted_number is None
    margin = VALUE_TOLERANCE * abs(gold_number) * (1 + 1e-9)  # 1e-9: float rounding at edge
    return abs(gold_number - predicted_number) <= margin


def _texts_equal_by(key: Callable[[str], object]) -> Callable[[Any, Any], bool]:
    """Comparison of two optional strings by a key; null equals only null."""

    def equal(gold: Any, predicted: Any) -> bool:
        gold_text, predicted_text = _text(gold), _text(predicted)
        if gold_text is None or predicted_text is None:
            return gold_text is None and predicted_text is None
        return key(gold_text) == key(predicted_text)

    return equal


def _casefold(text: str) -> str:
    return text.translate(_QUOTE_CHARS).casefold()


def _period_key(text: str) -> object:
    hours = period_duration_hours(text)
    if hours is not None:
        return hours
    words = re.sub(r"[^\w\s']", " ", _casefold(text)).split()
    return " ".join(word for word in words if word not in {"the", "a", "an"})


def _organisation_key(text: str) -> str:
    """An organisation by the extractor's actor table: its aliases are one organisation
    ("Russian MoD" = "Russian Defence Ministry" = "Russian Ministry of Defence")."""
    return _casefold(actor_table().canonical(text) or text)


def _counted_key(text: str) -> str:
    words = lemma(text).split()
    return " ".join(word for word in words if word not in {"the", "a", "an"})


def sources_equal(gold: ClaimDict, predicted: ClaimDict) -> bool:
    """Names contain one another (case-folded), or both have the same source_org (by the
    actor table: an alias is its organisation).

    A null gold source matches only a null predicted source, and the reverse.
    """
    gold_source, predicted_source = _text(gold.get("source")), _text(predicted.get("source"))
    if gold_source is None or predicted_source is None:
        return gold_source is None and predicted_source is None
    gold_name, predicted_name = _casefold(gold_source), _casefold(predicted_source)
    if gold_name in predicted_name or predicted_name in gold_name:
        return True
    gold_org, predicted_org = _text(gold.get("source_org")), _text(predicted.get("source_org"))
    return (
        gold_org is not None
        and predicted_org is not None
        and _organisation_key(gold_org) == _organisation_key(predicted_org)
    )


def _field_rule(name: str, equal: Callable[[Any, Any], bool]) -> Callable[..., bool]:
    def rule(gold: ClaimDict, predicted: ClaimDict) -> bool:
        return equal(gold.get(name), predicted.get(name))

    return rule


# How each field is compared over a matched pair.
FIELD_RULES: dict[str, Callable[[ClaimDict, ClaimDict], bool]] = {
    "value": _field_rule("value", numbers_equal),
    "lower": _field_rule("lower", numbers_equal),
    "upper": _field_rule("upper", numbers_equal),
    "qualifier": _field_rule("qualifier", _texts_equal_by(_casefold)),
    "counted": _field_rule("counted", _texts_equal_by(_counted_key)),
    "action": _field_rule("action", _texts_equal_by(action_class)),
    "place": _field_rule("place", _texts_equal_by(lambda t: _casefold(normalize_place(t)))),
    "period": _field_rule("period", _texts_equal_by(_period_key)),
    "source": sources_equal,
    "source_org": _field_rule("source_org", _texts_equal_by(_organisation_key)),
    "part_of": _field_rule("part_of", numbers_equal),
    "section": _field_rule("section", _texts_equal_by(_casefold)),
}
FIELDS: tuple[str, ...] = tuple(FIELD_RULES)


# --- quote overlap ------------------------------------------------------------------


def _flatten(text: str) -> str:
    """Case-folded, typographic quotes made plain, whitespace runs made one space."""
    return " ".join(_casefold(text).split())


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+(?:[.,']\w+)*%?", text)


def _string_overlap(gold_quote: str, predicted_quote: str) -> int:
    """Overlap of two quotes without the document: containment or a shared word run."""
    if gold_quote in predicted_quote or predicted_quote in gold_quote:
        return min(len(gold_quote), len(predicted_quote))
    gold_tokens, predicted_tokens = _tokens(gold_quote), _tokens(predicted_quote)
    matcher = difflib.SequenceMatcher(None, gold_tokens, predicted_tokens, autojunk=False)
    run = matcher.find_longest_match(0, len(gold_tokens), 0, len(predicted_tokens))
    if run.size < MIN_SHARED_TOKENS:
        return 0
    shared = gold_tokens[run.a : run.a + run.size]
    return sum(map(len, shared)) + len(shared) - 1


class _QuoteLocator:
    """Finds quotes in whitespace-collapsed document texts and measures their overlap."""

    def __init__(self, texts: Mapping[str, str] | None) -> None:
        self._texts = texts or {}
        self._flat: dict[str, str] = {}

    def _flat_text(self, doc: str) -> str:
        if doc not in self._flat:
            self._flat[doc] = _flatten(self._texts[doc])
        return self._flat[doc]

    def _spans(self, doc: str, quote: str) -> list[tuple[int, int]]:
        """Every (start, end) of a flattened quote in the flattened document."""
        text, spans = self._flat_text(doc), []
        start = text.find(quote)
        while start >= 0:
            spans.append((start, start + len(quote)))
            start = text.find(quote, start + 1)
        return spans

    def overlap(self, doc: str, gold_quote: Any, predicted_quote: Any) -> int:
        """Characters shared by the two quotes; 0 when they do not overlap.

        Located in the document when its text is known and both quotes are found there
        (a quote found twice counts where it overlaps most); else compared as strings.
        """
        gold_text, predicted_text = _text(gold_quote), _text(predicted_quote)
        if gold_text is None or predicted_text is None:
            return 0
        gold_flat, predicted_flat = _flatten(gold_text), _flatten(predicted_text)
        if doc in self._texts:
            gold_spans = self._spans(doc, gold_flat)
            predicted_spans = self._spans(doc, predicted_flat)
            if gold_spans and predicted_spans:
                shared = (
                    min(gold_end, predicted_end) - max(gold_start, predicted_start)
                    for gold_start, gold_end in gold_spans
                    for predicted_start, predicted_end in predicted_spans
                )
                return max(0, *shared)
        return _string_overlap(gold_flat, predicted_flat)

    def number_places(self, doc: str, claim: ClaimDict) -> set[int]:
        """Where in the flattened document the claim's number stands: at its ``start``
        offset when it has one (the extractor's records do), else at the first
        whole-word occurrence of its ``number_text`` in each place of its quote."""
        quote, number = _text(claim.get("quote")), _text(claim.get("number_text"))
        if quote is None or number is None or doc not in self._texts:
            return set()
        flat_number = _flatten(number)
        start = claim.get("start")
        if isinstance(start, int) and 0 <= start < len(self._texts[doc]):
            # the flattened prefix, then one character: where the number's first one lands
            at = len(_flatten(self._texts[doc][:start] + "x")) - 1
            if self._flat_text(doc).startswith(flat_number, at):
                return {at}
        flat_quote = _flatten(quote)
        found = list(re.finditer(rf"(?<!\w){re.escape(flat_number)}(?!\w)", flat_quote))
        if not found:
            return set()
        at = _counted_occurrence(found, flat_quote, _text(claim.get("counted")))
        return {begin + at for begin, _ in self._spans(doc, flat_quote)}


COUNTED_AFTER = 3  # words after a number searched for the noun it counts


def _counted_occurrence(found: list[re.Match[str]], quote: str, counted: str | None) -> int:
    """Where, of a number written more than once in a quote ("three children and three
    women"), the one counting ``counted`` starts; else the first."""
    if len(found) > 1 and counted:
        stem = _flatten(counted).split()[-1][:-1]  # "women" -> "wome", "children" -> "childre"
        for match in found:
            following = quote[match.end() :].split()[:COUNTED_AFTER]
            if stem and any(word.startswith(stem) for word in following):
                return match.start()
    return found[0].start()


def match_claims(
    gold: Sequence[ClaimDict],
    predicted: Sequence[ClaimDict],
    *,
    texts: Mapping[str, str] | None = None,
) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), greedily: the same number first, then the
    largest quote overlap."""
    locator = _QuoteLocator(texts)
    predicted_by_doc: dict[Any, list[int]] = {}
    for index, claim in enumerate(predicted):
        predicted_by_doc.setdefault(claim.get("doc"), []).append(index)
    candidates: list[tuple[bool, int, int, int]] = []
    predicted_numbers: dict[int, set[int]] = {}  # each prediction's number, located once
    for gold_index, gold_claim in enumerate(gold):
        doc = gold_claim.get("doc")
        gold_number: set[int] | None = None
        for predicted_index in predicted_by_doc.get(doc, []):
            predicted_claim = predicted[predicted_index]
            if not numbers_equal(gold_claim.get("value"), predicted_claim.get("value")):
                continue
            shared = locator.overlap(
                str(doc), gold_claim.get("quote"), predicted_claim.get("quote")
            )
            if shared <= 0:
                continue
            if gold_number is None:
                gold_number = locator.number_places(str(doc), gold_claim)
            if predicted_index not in predicted_numbers:
                predicted_numbers[predicted_index] = locator.number_places(
                    str(doc), predicted_claim
                )
            same_number = bool(gold_number & predicted_numbers[predicted_index])
            candidates.append((not same_number, -shared, gold_index, predicted_index))
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, _, gold_index, predicted_index in sorted(candidates):
        if gold_index not in used_gold and predicted_index not in used_predicted:
            pairs.append((gold_index, predicted_index))
            used_gold.add(gold_index)
            used_predicted.add(predicted_index)
    return sorted(pairs)


# --- the report ---------------------------------------------------------------------


@dataclass(frozen=True)
class DetectionScore:
    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int


@dataclass(frozen=True)
class SectionScore:
    precision: float
    recall: float
    f1: float
    gold: int  # gold claims in the section
    predicted: int  # predictions in the section


@dataclass(frozen=True)
class FieldScore:
    accuracy: float
    n: int  # matched pairs the accuracy is over


@dataclass(frozen=True)
class FieldError:
    """One field that disagrees in a matched pair, for reading what went wrong."""

    doc: str
    field: str
    quote: str
    gold: Any
    predicted: Any


@dataclass(frozen=True)
class EvalReport:
    detection: DetectionScore
    fields: dict[str, FieldScore]
    by_section: dict[str, SectionScore]
    pairs: tuple[tuple[int, int], ...] = ()  # (gold index, predicted index)
    errors: tuple[FieldError, ...] = field(default=(), repr=False)

    def to_json(self) -> dict[str, Any]:
        """The scores as plain JSON data (the pairs and errors are left out)."""
        detection = self.detection
        return {
            "detection": {
                "precision": detection.precision,
                "recall": detection.recall,
                "f1": detection.f1,
                "tp": detection.tp,
                "fp": detection.fp,
                "fn": detection.fn,
            },
            "fields": {
                name: {"accuracy": score.accuracy, "n": score.n}
                for name, score in self.fields.items()
            },
            "by_section": {
                name: {"precision": score.precision, "recall": score.recall, "f1": score.f1}
                for name, score in self.by_section.items()
            },
        }


def _ratio(hits: int, total: int, *, other_total: int) -> float:
    """hits / total; with total 0: 1.0 if the other side is empty too, else 0.0."""
    if total == 0:
        return 1.0 if other_total == 0 else 0.0
    return hits / total


def _f1(precision: float, recall: float) -> float:
    total = precision + recall
    return 0.0 if total == 0 else 2 * precision * recall / total


def _section_key(section: str) -> tuple[int, str]:
    order = SECTION_ORDER.index(section) if section in SECTION_ORDER else len(SECTION_ORDER)
    return (order, section)


def _score_sections(
    gold: Sequence[ClaimDict], predicted: Sequence[ClaimDict], pairs: Iterable[tuple[int, int]]
) -> dict[str, SectionScore]:
    matched_gold = {gold_index for gold_index, _ in pairs}
    matched_predicted = {predicted_index for _, predicted_index in pairs}
    gold_sections = [str(claim.get("section")) for claim in gold]
    predicted_sections = [str(claim.get("section")) for claim in predicted]
    scores: dict[str, SectionScore] = {}
    for section in sorted({*gold_sections, *predicted_sections}, key=_section_key):
        gold_in = [i for i, name in enumerate(gold_sections) if name == section]
        predicted_in = [i for i, name in enumerate(predicted_sections) if name == section]
        recall_hits = sum(1 for i in gold_in if i in matched_gold)
        precision_hits = sum(1 for i in predicted_in if i in matched_predicted)
        precision = _ratio(precision_hits, len(predicted_in), other_total=len(gold_in))
        recall = _ratio(recall_hits, len(gold_in), other_total=len(predicted_in))
        scores[section] = SectionScore(
            precision, recall, _f1(precision, recall), len(gold_in), len(predicted_in)
        )
    return scores


def _score_fields(
    gold: Sequence[ClaimDict], predicted: Sequence[ClaimDict], pairs: Sequence[tuple[int, int]]
) -> tuple[dict[str, FieldScore], tuple[FieldError, ...]]:
    correct = dict.fromkeys(FIELDS, 0)
    errors: list[FieldError] = []
    for gold_index, predicted_index in pairs:
        gold_claim, predicted_claim = gold[gold_index], predicted[predicted_index]
        for name, rule in FIELD_RULES.items():
            if rule(gold_claim, predicted_claim):
                correct[name] += 1
            else:
                errors.append(
                    FieldError(
                        str(gold_claim.get("doc")),
                        name,
                        str(gold_claim.get("quote")),
                        gold_claim.get(name),
                        predicted_claim.get(name),
                    )
                )
    n = len(pairs)
    scores = {name: FieldScore(correct[name] / n if n else 0.0, n) for name in FIELDS}
    return scores, tuple(errors)


def score(
    gold: Sequence[ClaimDict],
    predicted: Sequence[ClaimDict],
    *,
    texts: Mapping[str, str] | None = None,
) -> EvalReport:
    """Score predicted claims against gold claims (see the module docstring for the rules).

    ``texts`` maps a ``doc`` to its text, so that quotes are located in the document;
    without it, quotes are compared as strings.
    """
    pairs = match_claims(gold, predicted, texts=texts)
    tp, fp, fn = len(pairs), len(predicted) - len(pairs), len(gold) - len(pairs)
    precision = _ratio(tp, len(predicted), other_total=len(gold))
    recall = _ratio(tp, len(gold), other_total=len(predicted))
    detection = DetectionScore(precision, recall, _f1(precision, recall), tp, fp, fn)
    fields, errors = _score_fields(gold, predicted, pairs)
    by_section = _score_sections(gold, predicted, pairs)
    return EvalReport(detection, fields, by_section, tuple(pairs), errors)


def render_table(report: EvalReport) -> str:
    """One plain-text table: detection, then each section, then each field's accuracy."""
    header = f"{'':<20}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}  counts"
    detection = report.detection
    rows = [
        header,
        "-" * len(header),
        f"{'detection':<20}{detection.precision:>7.3f}{detection.recall:>7.3f}"
        f"{detection.f1:>7.3f}{'':>7}  tp={detection.tp} fp={detection.fp} fn={detection.fn}",
    ]
    for name, section in report.by_section.items():
        rows.append(
            f"{'section ' + name:<20}{section.precision:>7.3f}{section.recall:>7.3f}"
            f"{section.f1:>7.3f}{'':>7}  gold={section.gold} predicted={section.predicted}"
        )
    for name, field_score in report.fields.items():
        accuracy = f"{field_score.accuracy:.3f}" if field_score.n else "-"
        rows.append(f"{'field ' + name:<20}{'':>21}{accuracy:>7}  n={field_score.n}")
    return "\n".join(rows)


def read_claims(path: str | Path) -> list[dict[str, Any]]:
    """Claims from a JSON Lines file, one object a line (blank lines skipped)."""
    claims: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                claims.append(json.loads(line))
            except json.JSONDecodeError as error:
                raise ConfigError(
                    f"Line {number} of '{path}' is not valid JSON ({error.msg}). "
                    "Fix that line: each line must be one JSON object.",
                    path=str(path),
                    stage="evaluate",
                ) from error
    return claims
