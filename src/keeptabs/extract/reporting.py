"""Which verbs report a figure: verbs of saying used as such (not passive, not
"claimed the lives of", not "posted a video"), verbs of finding that take a clause, and
verbs that give a toll ("put the death toll at 58"), found once per parsed document."""

from __future__ import annotations

from functools import cache

from spacy.attrs import LEMMA, POS
from spacy.strings import StringStore
from spacy.tokens import Doc, Span, Token

from keeptabs.extract.vocab import action_vocab

# "according to the data": no speaker ("according to media reports" names one).
GENERIC_SOURCES = frozenset({"data", "datum", "figure", "estimate", "information", "account"})

REPORT_NOUNS = frozenset(
    {
        "comment",
        "statement",
        "report",
        "claim",
        "estimate",
        "figure",
        "announcement",
        "data",
        "tally",
        "toll",
    }
)

# Publishing verbs whose object is a picture, not a statement: "posted a video showing".
_MEDIA_NOUNS = frozenset(
    {"video", "footage", "photo", "photograph", "picture", "image", "film", "clip", "recording"}
)


def holds_number(subject: Token) -> bool:
    """A counted group ("six others") is no speaker when a name stands by the verb; a
    number inside a hyphenated modifier ("a 28-year-old teacher") counts nothing."""
    doc = subject.doc
    return any(
        t.tag_ == "CD" and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-")
        for t in subject.subtree
    )


def reporting_tokens(span: Span) -> list[Token]:
    """Verbs of saying in ``span`` (found once per document, then filtered)."""
    doc = span.doc
    found: list[Token] | None = doc.user_data.get("keeptabs.reporting")
    if found is None:
        found = [doc[i] for i in _candidate_verbs(doc) if reports(doc[i])]
        doc.user_data["keeptabs.reporting"] = found
    return [t for t in found if span.start <= t.i < span.end]


def _candidate_verbs(doc: Doc) -> list[int]:
    """Indices of verbs whose lemma may report, read from one array: no Token objects are
    made for the rest of the words."""
    strings = doc.vocab.strings
    lemmas = _reporting_lemma_ids()
    array = doc.to_array([POS, LEMMA])
    verbs = (array[:, 0] == strings["VERB"]).nonzero()[0].tolist()
    # only the verbs' 64-bit lemma hashes become Python ints: turning every word's into
    # one costs more than the rest of this
    return [i for i in verbs if int(array[i, 1]) in lemmas]


@cache
def _reporting_lemma_ids() -> frozenset[int]:
    """Hashes of the lemmas ``reports`` looks at (string hashes do not depend on the
    store)."""
    strings = StringStore()
    vocab = action_vocab()
    words = {*vocab.reporting, *vocab.finding_verbs, *vocab.figure_verbs}
    # lemmas are stored as written; reports lowercases them, so both cases are candidates
    return frozenset(strings[w] for word in words for w in (word, word.capitalize(), word.upper()))


def reports(verb: Token) -> bool:
    """A verb of saying, or one that gives a figure: "put the death toll at 58"."""
    vocab = action_vocab()
    lemma = verb.lemma_.lower()
    if _is_surname(verb):
        return False
    if lemma in vocab.reporting:
        return _says_something(verb) and not _plural_noun_read_as_verb(verb)
    if lemma in vocab.finding_verbs:  # "the investigation determined (that) the regime ..."
        particle = vocab.verb_particles.get(lemma)
        if particle is not None and not any(
            c.dep_ == "prt" and c.lower_ == particle for c in verb.children
        ):
            return False  # "pointed the finger at", not "pointed out that"
        return _says_something(verb) and any(c.dep_ == "ccomp" for c in verb.children)
    if lemma in vocab.figure_verbs:
        objects = (c.lemma_.lower() for c in verb.children if c.dep_ == "dobj")
        return any(obj in vocab.figure_nouns for obj in objects)
    return False


def _plural_noun_read_as_verb(verb: Token) -> bool:
    """ "He said three command posts nine strongpoints ... were destroyed": a plural noun
    after a counted noun, tagged as the verb "posts" whose subject is the count."""
    if verb.tag_ != "VBZ" or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    counted = before.pos_ == "NOUN" and any(c.dep_ == "nummod" for c in before.children)
    return counted and before.dep_ == "nsubj" and before.head.i == verb.i


def _is_surname(verb: Token) -> bool:
    """ "REUTERS/Rodi Said": a capitalised "Said" after a name, inside a sentence."""
    if verb.text != "Said" or verb.i == verb.sent.start:
        return False
    before = verb.doc[verb.i - 1]
    return before.text[:1].isupper() and before.is_alpha


def _says_something(verb: Token) -> bool:
    """A verb of saying used as one: not passive ("were reported", "claimed by Daesh"),
    not "claim" with an object ("claimed the lives of", "claimed responsibility"; but
    "in what X claimed was"), not publishing a picture ("posted a video showing")."""
    if verb.dep_ == "amod":
        return False
    if any(_marks_passive(c) for c in verb.children):
        return passive_agent(verb) is not None  # "were reported by the rescuers"
    if verb.dep_ == "acl" and not _speaker_read_as_noun(verb):
        return False
    if _accused_of(verb):
        return False  # "the woman accused of killing two co-workers": the accused
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in _MEDIA_NOUNS for o in objects):
        return False
    # "claimed responsibility for an attack that killed 32": the claimant gives the toll
    return not (
        verb.lemma_.lower() == "claim"
        and any(o.lower_ not in {"what", "responsibility"} for o in objects)
    )


def _accused_of(verb: Token) -> bool:
    """ "the woman accused of killing": the participle with no object of its own, however
    the parser hangs it, says who is accused, not who speaks."""
    return (
        verb.tag_ == "VBN"
        and verb.lemma_.lower() == "accuse"
        and not any(c.dep_ in {"dobj", "aux"} for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in verb.children)
    )


def passive_agent(verb: Token) -> Token | None:
    """The speaker of a passive verb of saying named after "by": "three deaths were
    reported by the civil defence rescuers"; not "claimed by", a claim of a deed."""
    if verb.lemma_.lower() == "claim":
        return None
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None


def _speaker_read_as_noun(verb: Token) -> bool:
    """ "near Raqqa local media reported on Monday": with the comma lost, the parser
    makes the verb a participle on the speaker; "30 people reported killed", "the deaths
    reported" stay participles (a complement, a figure, or a report for a head)."""
    head = verb.head
    return (
        head.i == verb.i - 1
        and head.pos_ in {"NOUN", "PROPN"}
        and head.lemma_.lower() not in GENERIC_SOURCES | REPORT_NOUNS
        and not holds_number(head)
        and not any(c.dep_ in {"xcomp", "oprd", "acomp", "ccomp"} for c in verb.children)
    )


def _marks_passive(child: Token) -> bool:
    """A passive auxiliary or agent; "IS said" (the group, in capitals) is neither."""
    if child.dep_ == "agent":
        return True
    return child.dep_ == "auxpass" and not (child.text.isupper() and len(child.text) > 1)
