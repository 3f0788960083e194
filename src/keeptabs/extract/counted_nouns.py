"""What a figure counts: the noun it modifies, the "of" complement of a vague head
("thousands of civilians"), the unit of a measure, or what a copula names it ("14 of the
dead were fighters"); ``None`` when the noun is elided and must come from elsewhere.
"""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.tokens import Token

from keeptabs.extract.doctext import doc_text, entity_label, span_text
from keeptabs.extract.entities import is_nationality
from keeptabs.extract.gazetteer import is_place_name
from keeptabs.extract.numbers_tables import tables
from keeptabs.extract.vocab import counted_vocab
from keeptabs.types import Quantity

NOUN_TAGS = frozenset({"NOUN", "PROPN"})

# Dependencies by which a number modifies the noun it counts.
NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})

_COUNTED_MODIFIERS = frozenset({"amod", "compound"})

# Adjectives that never define a population: "two other areas", "32 different facilities".
_EMPTY_MODIFIERS = frozenset(
    "other another different more several many some such various additional further".split()
)

_CALENDAR_NAMES = (
    "january february march april may june july august september october november december"
    " monday tuesday wednesday thursday friday saturday sunday"
).split()

# Verbs of a headline's run-on tolls that the tagger reads as plural nouns ("kills 30
# injures 90"), with the action each names; none of them, nor "kill" and "injure", is
# a counted noun.
HEADLINE_VERBS = {"kills": "kill", "injures": "injure", "wounds": "wound"}
_NOT_COUNTED_VERBS = frozenset(HEADLINE_VERBS) | {"injure", "kill"}

MAX_NUMBER_CLIMB = 3  # words from a figure up to the verb whose subject is "the number of"

VAGUE_HEADS = frozenset({"hundred", "thousand", "million", "dozen", "score", "ten", "billion"})


MAGNITUDE = "magnitude"  # what an earthquake's figure counts
MAX_MAGNITUDE = 10  # the Richter and moment magnitude scales of real quakes stay below
# An earthquake's magnitude: "magnitude 6.1", "magnitude of 5.9", "a 5.6 magnitude
# quake", "a magnitude-5.9 earthquake", "6.1 on the Richter scale", "a 6.1 quake",
# "magnitudes ranging from 3.6 to 4.3"
_MAGNITUDE_BEFORE = re.compile(
    r"\bmagnitudes?(?:\s+of|\s+ranging(?:\s+from)?|\s+between)?[\s-]+$", re.IGNORECASE
)
_MAGNITUDE_AFTER = re.compile(
    r"^(?:[\s-]+magnitude\b|\s+on\s+the\s+(?:open-ended\s+)?Richter\b)", re.IGNORECASE
)
# "a 6.1 quake struck": a decimal before one quake (not "2 quake victims")
_QUAKE_AFTER = re.compile(
    r"^[\s-]+(?:earthquake|quake|temblor|tremor)\b(?!s|\s+(?-i:[a-z]+s)\b)", re.IGNORECASE
)


def _is_magnitude(text: str, quantity: Quantity) -> bool:
    if (quantity.value or 0) >= MAX_MAGNITUDE:
        return False  # "12 quake victims", "200 quake survivors"
    after = text[quantity.end : quantity.end + 40]
    return bool(
        _MAGNITUDE_BEFORE.search(text, max(0, quantity.start - 30), quantity.start)
        or _MAGNITUDE_AFTER.match(after)
        or ("." in quantity.text and _QUAKE_AFTER.match(after))
    )


def _currency_word(words: str, unit: str | None) -> bool:
    """ "lira", "Syrian pounds": the currency as written; not "m", "million" nor "USD"."""
    found = tables().unit_words.get(" ".join(words.lower().split()))
    return found is not None and found.unit == unit and not words.isupper()


def counted_noun(token: Token, quantity: Quantity) -> tuple[str | None, Token]:
    """``(counted words, the token that stands for the counted thing)``.

    Units count themselves ("24 hectares", "93 percent"); a vague head counts its "of"
    complement ("thousands of civilians").  ``None`` when the noun is elided.
    """
    if quantity.kind == "percent":
        return "percent", _percent_token(token)
    if quantity.kind in {"count", "range"} and _is_magnitude(doc_text(token.doc), quantity):
        return MAGNITUDE, token  # "a magnitude 6.1 quake", "measuring 3.8 on the Richter"
    if quantity.unit == "fraction":
        return "fraction", token  # "roughly one quarter", "three quarters", "a third"
    if quantity.kind in {"measure", "money"}:
        unit_words = quantity.text[token.idx + len(token.text) - quantity.start :].strip(" -")
        if quantity.kind == "money" and not _currency_word(unit_words, quantity.unit):
            unit_words = ""  # "£1.7m", "$2 million", "100 billion USD": the currency's name
        # "fell about 600m": a unit word read as a verb stands in the verb's place
        unit = token.head if token.dep_ in NUMBER_DEPS and token.head.pos_ == "VERB" else token
        if not token.idx < unit.idx < quantity.end:
            unit = token
        if unit_words or quantity.unit is None:
            return unit_words or None, unit
        return tables().unit_names.get(quantity.unit, quantity.unit), unit  # "$400": dollars
    noun = token.head if token.dep_ in NUMBER_DEPS and token.head.pos_ in NOUN_TAGS else None
    if token.dep_ in NUMBER_DEPS and token.head.i > token.i and _model_name(token.head):
        noun = token.head.head  # "seven AK-47 assault rifles": rifles of that model
    if noun is not None and not noun.text[0].isalpha():
        noun = None  # "kills three | Jordan Times": a divider tagged as a noun
    if noun is not None and noun.pos_ == "PROPN" and noun.i == token.i - 1:
        noun = None  # "in the neighborhood Alsaliheen 8 in Ansari": a name before it
    if noun is not None and any(token.i < t.i < noun.i and t.lower_ == "most" for t in noun.lefts):
        noun = None  # "kill 18 most children": the noun describes most of them, not all
    if noun is not None and _nationality_alone(noun, quantity):
        noun = None  # "23 personnel (12 Somali and 11 Yemeni)": the people named before
    between = token.doc[token.i + 1 : noun.i] if noun is not None else None
    run_on = {"more", *counted_vocab().casualty_words}
    if between and between[0].lower_ in run_on and any(t.pos_ == "PROPN" for t in between):
        # "wounding dozens more Syrias state-run news agency reported", "leaving at least
        # 11 dead Al-Qaedas Syrian affiliate said": a speaker run on, not what is counted
        noun = None
    if noun is None and token.lemma_.lower() in VAGUE_HEADS | {"dozens", "scores"}:
        complement = of_complement(token)
        if complement is not None:
            return _noun_phrase(complement), token
    if noun is None:
        whole = _partitive_whole(token)  # "three of its fighters": what the three are
        if whole is not None:
            return _noun_phrase(whole), token
        measured = _number_of(token)  # "the number of civilians killed has risen to 20"
        if measured is not None:
            return _noun_phrase(measured), measured
        named = named_by_copula(token)
        if named is not None:
            return _noun_phrase(named), named
        estimated = _put_at(token)  # "put the quake's magnitude at 5.9": the magnitude
        if estimated is not None:
            return _noun_phrase(estimated), token
        antecedent = _them_antecedent(token)  # "killing 16 of them": what they are; the
        # figure's own verb says what happened
        return (None, token) if antecedent is None else (_noun_phrase(antecedent), token)
    noun = _shared_head(token, noun)
    hyphenated = _hyphenated_from(noun)
    if hyphenated is not None:  # "three co-workers": the tokenizer split the word
        return span_text(noun.doc[noun.i : hyphenated.i + 1]).lower(), hyphenated
    return _noun_phrase(noun), noun


# Verbs that put a measure at a figure: "put the magnitude at 6.1", "estimated the crowd
# at 5,000"; a toll so put counts people (keeptabs.extract.casualties)
_PUTTING_VERBS = frozenset({"put", "place", "set", "estimate", "peg"})
# Nouns that only carry a figure of something else ("put the figure at 58")
_FIGURE_NOUNS = frozenset({"toll", "figure", "number", "count", "tally", "estimate", "total"})


def _put_at(number: Token) -> Token | None:
    at = number.head
    if number.dep_ != "pobj" or at.lower_ != "at" or at.head.lemma_.lower() not in _PUTTING_VERBS:
        return None
    measured = next((c for c in at.head.children if c.dep_ == "dobj"), None)
    if measured is None or measured.pos_ != "NOUN":
        return None
    lemma = measured.lemma_.lower()
    if lemma in counted_vocab().toll_nouns or lemma in _FIGURE_NOUNS:
        return None  # "put the number of dead at 58": the dead, below
    return measured


BREAKDOWN_CHARS = 30  # characters before a figure searched for the bracket it opens


def _nationality_alone(noun: Token, quantity: Quantity) -> bool:
    """A nationality in the singular after a figure above one, in brackets after the
    people it breaks down ("23 personnel (12 Somali and 11 Yemeni)"), describes them; it
    is no noun of its own ("3 Syrians", "12 Chinese" in Sudan)."""
    if (quantity.value or 0) <= 1 or noun.text.endswith("s") or not is_nationality(noun.text):
        return False
    opened = doc_text(noun.doc)[max(0, quantity.start - BREAKDOWN_CHARS) : quantity.start]
    return "(" in opened and ")" not in opened[opened.rindex("(") :]


def _model_name(noun: Token) -> bool:
    """ "AK-47", "T-72": a model's name with letters and digits, modifying the noun after
    it."""
    head = noun.head
    text = noun.text
    return (
        any(char.isdigit() for char in text)
        and any(char.isalpha() for char in text)
        and noun.dep_ in NUMBER_DEPS
        and head.pos_ == "NOUN"
        and head.i > noun.i
    )


def _hyphenated_from(noun: Token) -> Token | None:
    """The last part of a word the tokenizer split at its hyphens ("co-workers")."""
    doc, last = noun.doc, noun
    while (
        last.i + 2 < len(doc)
        and not last.whitespace_
        and after_hyphen(doc[last.i + 2])
        and doc[last.i + 2].is_alpha
    ):
        last = doc[last.i + 2]
    return None if last is noun else last


_SINGULAR_TAGS = frozenset({"NN", "NNP"})


def _shared_head(number: Token, noun: Token) -> Token:
    """The plural noun a coordination of modifiers shares: "30 regime and 39 rebel
    fighters" and "70 regime and rebel fighters" count fighters, "35 fighter jet and 21
    chopper missions" missions, "two YPG and Asayesh positions" positions.  The parser
    makes the first modifier the figure's noun; a singular noun for a figure above one,
    coordinated with a plural, is such a modifier."""
    if noun.tag_ not in _SINGULAR_TAGS or number.lower_ in {"one", "1", "a", "an"}:
        return noun
    if not any(c.dep_ == "cc" for c in noun.children):
        return noun
    plural = next(
        (c for c in noun.children if c.dep_ == "conj" and c.tag_ == "NNS" and c.i > noun.i), None
    )
    if plural is None and noun.dep_ in {"nmod", "compound", "amod"} and noun.head.i > noun.i:
        plural = noun.head if noun.head.tag_ == "NNS" else None
    return noun if plural is None else plural


_DEFINITE = frozenset({"the", "its", "their", "his", "her", "these", "those", "our"})


def _named_after_them(token: Token) -> Token | None:
    """ "killed 34 people, 6 of them women": the noun right after "of them" says what
    the part is."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    them = next((c for c in of.children if c.lower_ == "them"), None) if of is not None else None
    if them is None or them.i + 1 >= len(token.doc):
        return None
    noun = token.doc[them.i + 1]
    if noun.lower_ in {"a", "an"} and noun.i + 1 < len(token.doc):
        noun = token.doc[noun.i + 1]  # "two people, one of them a child"
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head  # "two of them ambulance crew"
    return noun if noun.pos_ == "NOUN" else None


_ARGUMENT_DEPS = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "conj"})
_COLLECTIVE_NOUNS = frozenset(
    {"organization", "organisation", "group", "gathering", "faction", "position", "unit"}
)


def _them_antecedent(token: Token) -> Token | None:
    """ "clashed with the terrorists ... killing 16 of them": the plural noun "them" refers
    back to, the nearest before it in the sentence."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or not any(c.lower_ == "them" for c in of.children):
        return None
    for word in reversed(token.doc[token.sent.start : token.i]):
        if word.like_num:
            return None  # "killed 34 people, 16 of them": the figure before says it
        if word.tag_ == "NNS" and word.pos_ == "NOUN" and word.dep_ in _ARGUMENT_DEPS:
            collective = word.lemma_.lower() in _COLLECTIVE_NOUNS  # their members are meant
            return None if collective or is_place_name(word.text) else word
    return None


def _partitive_whole(token: Token) -> Token | None:
    """ "two of the fighters", "some 50 of the group's leaders": the group a number is
    taken from, written with a definite word, names what it counts; not "of them", nor a
    group of casualties ("14 of the dead"), whose part is named otherwise."""
    whole = of_complement(token)
    if whole is None:
        return _named_after_them(token)
    if _names_casualties(whole) or whole.pos_ != "NOUN":
        return None
    # "three of its fighters", "18 of 31 vehicles": a group the text defines or counts
    definite = any(
        c.lower_ in _DEFINITE or c.dep_ == "poss" or (c.dep_ == "nummod" and c.like_num)
        for c in whole.children
    )
    return whole if definite else None


def named_by_copula(token: Token) -> Token | None:
    """ "234 of them were children": a part of a group just counted, named by what it
    is said to be."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is None or not any(c.pos_ == "PRON" or _names_casualties(c) for c in of.children):
        return None  # "of them", "of the dead"
    verb = token.head
    if token.dep_ != "nsubj" or verb.lemma_.lower() != "be":
        return None
    return next((c for c in verb.children if c.dep_ == "attr" and c.pos_ in NOUN_TAGS), None)


def casualty_group(verb: Token) -> Token | None:
    """The group of casualties a copula takes its figure from: "Of those killed six were
    children", "among the killed civilians there are four", "of the victims"."""
    if verb.lemma_.lower() != "be":
        return None
    words = counted_vocab().casualty_words
    for preposition in verb.children:
        if preposition.dep_ != "prep" or preposition.lower_ not in {"of", "among"}:
            continue
        for group in preposition.children:
            described = (c.lower_ for c in group.children if c.dep_ in {"acl", "amod"})
            if _names_casualties(group) or any(word in words for word in described):
                return group
    return None


def _names_casualties(word: Token) -> bool:
    """ "the dead", "the victims": a group of casualties a part is taken from."""
    return word.lower_ in counted_vocab().casualty_words or word.lemma_.lower() in {"victim"}


def _percent_token(token: Token) -> Token:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    return following if following.lower_ in {"percent", "per", "%"} else token


def of_complement(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.pos_ in NOUN_TAGS:
                    return _holder(grandchild) or grandchild
    return None


def _holder(noun: Token) -> Token | None:
    """ "hundreds of schoolchildren holding candles": a parse that makes the participle
    and its holder modifiers of the object; the holder is what is counted."""
    for holder, participle in pairwise(noun.lefts):
        if (
            holder.dep_ in {"nmod", "compound"}
            and holder.tag_ == "NNS"
            and participle.tag_ == "VBG"
            and participle.i == holder.i + 1 == noun.i - 1
        ):
            return holder
    return None


def _noun_phrase(noun: Token) -> str | None:
    """The head noun, with its modifiers where the head says little alone
    ("residential blocks", "explosive objects"); None for "others", which refers back."""
    vocab = counted_vocab()
    if noun.lower_ in vocab.referring_nouns or not _can_be_counted(noun):
        return None
    if noun.lemma_.lower() in VAGUE_HEADS:
        return None  # "35 Dead Dozens Wounded": another amount, not what 35 counts
    if noun.lower_ not in vocab.light_nouns:
        if noun.pos_ == "PROPN" or entity_label(noun) == "NORP":
            return noun.text
        before = noun.doc[noun.i - 1] if noun.i > 0 else None
        if (
            before is not None
            and before.dep_ == "compound"
            and before.lower_ in vocab.kind_compounds
        ):
            return f"{before.lower_} {noun.lower_}"  # "air raids", "barrel bombs"
        return noun.lower_
    words = [
        child
        for child in noun.lefts
        if child.dep_ in _COUNTED_MODIFIERS
        and entity_label(child) not in {"NORP", "GPE", "ORG", "PERSON", "LOC", "CARDINAL"}
        and child.pos_ in {"ADJ", "NOUN"}
        and child.lower_ not in _EMPTY_MODIFIERS
        and not is_place_name(child.text)
        and not child.like_num
        and "-" not in child.text
        and not after_hyphen(child)  # "bomb-laden vehicles": split off "bomb-"
        and not (child.text[0].isupper() and child.i != child.sent.start)  # "Daesh vehicles"
    ]
    words.append(noun)
    text = " ".join(word.text for word in words)
    return text if noun.pos_ == "PROPN" and entity_label(noun) == "NORP" else text.lower()


def after_hyphen(word: Token) -> bool:
    """Whether ``word`` is the end of a hyphenated word the tokenizer split."""
    before = word.doc[word.i - 1] if word.i > 0 else None
    return before is not None and before.text == "-" and not before.whitespace_


def _number_of(token: Token) -> Token | None:
    """ "The number of civilians killed ... has risen to 20", "the number of displaced
    reached 6000": what the number that a figure gives is the number of."""
    verb = token.head
    for _ in range(MAX_NUMBER_CLIMB):  # "has risen to 20", "is at least 70"
        if verb.pos_ in {"VERB", "AUX"}:
            break
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.lemma_.lower() != "number" or subject.i > token.i:
        return None
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def _can_be_counted(noun: Token) -> bool:
    """Not a month or a place picked up by a bad parse ("10 Jul 2016 29 ...")."""
    word = noun.text.rstrip(".")
    stem = word[:-1] if word.endswith("s") else word
    # "Jul", "Sept", "Monday"; not "martyrs", "Sunnis" or "mayors"
    calendar = len(word) >= 3 and any(name.startswith(word.lower()) for name in _CALENDAR_NAMES)
    verb = word.lower() in _NOT_COUNTED_VERBS  # "kills 30 injures 90": a verb, not a noun
    if word.isupper() and len(word) > 3:
        word = stem = word.title()  # "Reaches 207 MOSCOW (Sputnik)": a dateline's city
    return not (calendar or verb or is_place_name(word) or is_place_name(stem))
