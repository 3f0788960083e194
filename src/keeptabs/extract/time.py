"""The time window a figure covers ("over the past 24 hours" -> "past 24 hours")."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from keeptabs.extract.vocab import action_vocab, period_patterns

_DATE_LABELS = frozenset({"DATE", "TIME"})


def find_period(sentence: str, number_offset: int) -> str | None:
    """The period phrase in ``sentence`` nearest to the number at ``number_offset``."""
    best: tuple[int, str] | None = None
    for pattern in period_patterns():
        for match in pattern.finditer(sentence):
            start, end = match.span("period")
            distance = start - number_offset if start >= number_offset else number_offset - end
            if best is None or distance < best[0]:
                best = (distance, match.group("period").strip())
    return best[1] if best else None


def find_date_period(scope: Sequence[Token], number: Token) -> str | None:
    """A date the claim's own clause gives ("left the town on Monday" -> "Monday").

    Only dates that modify the claim's own verb count: those of a verb of saying ("said
    on Sunday") are report dates, those of a relative clause belong to something else.
    """
    if not scope:
        return None
    clause = min(scope, key=lambda t: t.i if t.head.i == t.i or t.head not in scope else len(t.doc))
    reporting = action_vocab().reporting
    for token in scope:
        if token.ent_type_ in _DATE_LABELS and token.ent_iob_ == "B" and token.i != number.i:
            verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
            if verb is None or verb.i != clause.i or verb.lemma_.lower() in reporting:
                continue  # a date of another clause, or of the report itself
            entity = next(e for e in token.doc.ents if e.start == token.i)
            return entity.text.removeprefix("the ").strip()
    return None
