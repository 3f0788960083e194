"""What a number counts and what happened to it, read off spaCy's dependency parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

from keeptabs.extract.doctext import entity_label
from keeptabs.extract.gazetteer import is_place_name
from keeptabs.extract.vocab import action_vocab, counted_vocab
from keeptabs.types import Quantity

NOUN_TAGS = frozenset({"NOUN", "PROPN"})
# Dependencies by which a number modifies the noun it counts.
_NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "npadvmod"})
# Dependencies by which a noun is an argument of the verb that says what happened to it.
_ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "conj", "appos", "npadvmod", "oprd"}
)
_VERB_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_EMPTY_VERBS = frozenset({"have", "be", "get", "see", "find", "count", "include"})  # say nothing
MAX_CLIMB = 6  # head hops from the counted noun to its verb; deeper links are other clauses
MAX_CASUALTY_GAP = 3  # words between a number and "dead": "29 Syria rebels dead"
MAX_TOLL_CLIMB = 4  # "reached at least 126", "as high as 400000": a few words in between
_COUNTED_MODIFIERS = frozenset({"amod", "compound"})
# Adjectives that never define a population: "two other areas", "32 different facilities".
_EMPTY_MODIFIERS = frozenset(
    "other another different more several many some such various additional further".split()
)
_CALENDAR_PREFIXES = frozenset(
    "jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split()
)
_VAGUE_HEADS = frozenset({"hundred", "thousand", "million", "dozen", "score", "ten", "billion"})


def number_token(sentence: Span, quantity: Quantity) -> Token | None:
    """The token of ``sentence`` that carries the number of ``quantity``."""
    span = sentence.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    if not tokens:
        return None
    numeric = [
        t for t in tokens if t.like_num or t.pos_ == "NUM" or t.lemma_.lower() in _VAGUE_HEADS
    ]
    return (numeric or tokens)[-1]


def casualty_frame(
    token: Token, counted: str | None, action: str | None
) -> tuple[str | None, str] | None:
    """``(counted, action)`` for casualty figures: "40 dead", "70 wounded", "the death toll
    reached 126", "put the death toll at 70", "29 rebels dead"; None for other figures.

    Only where no real verb says what happened: in "four wounded were brought to hospital"
    the action is "bring".
    """
    vocab = counted_vocab()
    following = _casualty_participle(token)
    if following is not None:
        return counted, vocab.casualty_words[following]  # "2 killed 8 injured"
    if action is not None and action not in vocab.light_verbs:
        return None
    among = _among_casualties(token)
    if among is not None:
        return counted, among
    if counted in vocab.casualty_words:
        return "people", vocab.casualty_words[counted]
    word = _casualty_after(token)
    if word is not None:
        return counted or "people", vocab.casualty_words[word]
    toll = _toll_of(token)
    if toll is not None:
        modifiers = (c.lemma_.lower() for c in toll.children if c.dep_ in {"compound", "amod"})
        kind = next(modifiers, "toll")
        return "people", vocab.toll_nouns.get(kind, vocab.toll_nouns["toll"])
    return None


def _casualty_participle(token: Token) -> str | None:
    """ "2 killed 8 injured": a casualty participle right after the number, ruling it; not
    "four wounded were brought", where the number is another verb's argument."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None or following.tag_ != "VBN":
        return None
    if following.lower_ not in counted_vocab().casualty_words:
        return None
    # a run-on headline parses the number as the object of the casualty word before it
    words = counted_vocab().casualty_words
    ruled = token.head.i == following.i or token.dep_ not in _VERB_ARGUMENT_DEPS
    return following.lower_ if ruled or token.head.lower_ in words else None


def _among_casualties(token: Token) -> str | None:
    """ "one civilian was among those killed", "two soldiers are among the dead"."""
    vocab = counted_vocab()
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    holders = [verb, token.head]  # "were among the dead", "11 children among the dead"
    for preposition in (c for h in holders for c in h.children if c.lower_ == "among"):
        for word in preposition.subtree:
            if word.lower_ in vocab.casualty_words:
                return vocab.casualty_words[word.lower_]
    return None


def _casualty_after(token: Token) -> str | None:
    """ "58 killed", "29 Syria rebels dead": a casualty word just after the number's noun."""
    vocab = counted_vocab()
    doc = token.doc
    index = token.i + 1
    while index < len(doc) and index - token.i <= MAX_CASUALTY_GAP:
        word = doc[index].lower_
        if word in vocab.casualty_words:
            return word
        if doc[index].pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return None
        index += 1
    return None


def _toll_of(token: Token) -> Token | None:
    """The "toll" that a number measures: "the toll reached (at least) 126", "put the
    death toll at 70", "the death toll may be as high as 400000"."""
    vocab = counted_vocab()
    head = token.head
    for _ in range(MAX_TOLL_CLIMB):
        if head.lemma_.lower() in vocab.toll_verbs or head.lemma_.lower() == "be":
            break
        if head.lower_ == "of" and head.head.lemma_.lower() == "toll":
            return head.head
        head = head.head
    arguments = (c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"})
    return next((c for c in arguments if c.lemma_.lower() == "toll"), None)


def counted_noun(token: Token, quantity: Quantity) -> tuple[str | None, Token]:
    """``(counted words, the token that stands for the counted thing)``.

    Units count themselves ("24 hectares", "93 percent"); a vague head counts its "of"
    complement ("thousands of civilians").  ``None`` when the noun is elided.
    """
    if quantity.kind == "percent":
        return "percent", _percent_token(token)
    if quantity.kind in {"measure", "money"}:
        unit_words = quantity.text[token.idx + len(token.text) - quantity.start :].strip()
        return unit_words or quantity.unit, token
    noun = token.head if token.dep_ in _NUMBER_DEPS and token.head.pos_ in NOUN_TAGS else None
    if noun is None and token.lemma_.lower() in _VAGUE_HEADS | {"dozens", "scores"}:
        complement = _of_complement(token)
        if complement is not None:
            return _noun_phrase(complement), token
    if noun is None:
        return None, token
    return _noun_phrase(noun), noun


def _percent_token(token: Token) -> Token:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else token
    return following if following.lower_ in {"percent", "per", "%"} else token


def _of_complement(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj" and grandchild.pos_ in NOUN_TAGS:
                    return grandchild
    return None


def _noun_phrase(noun: Token) -> str | None:
    """The head noun, with its modifiers where the head says little alone
    ("residential blocks", "explosive objects"); None for "others", which refers back."""
    vocab = counted_vocab()
    if noun.lower_ in vocab.referring_nouns or not _can_be_counted(noun):
        return None
    if noun.lower_ not in vocab.light_nouns:
        return noun.text if noun.pos_ == "PROPN" or entity_label(noun) == "NORP" else noun.lower_
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
    ]
    words.append(noun)
    text = " ".join(word.text for word in words)
    return text if noun.pos_ == "PROPN" and entity_label(noun) == "NORP" else text.lower()


def _can_be_counted(noun: Token) -> bool:
    """Not a month or a place picked up by a bad parse ("10 Jul 2016 29 ...")."""
    word = noun.text.rstrip(".")
    stem = word[:-1] if word.endswith("s") else word
    calendar = word.lower()[:3] in _CALENDAR_PREFIXES and len(word) <= len("September")
    return not (calendar or is_place_name(word) or is_place_name(stem))


def governing_action(counted: Token) -> tuple[str | None, Token | None]:
    """``(base verb, the verb token)`` saying what happened to the counted thing.

    The verb the counted noun is an argument of, else a verb that describes it ("50,000
    civilians evacuated", "8,000 who are leaving"); an empty verb ("we have 30,000
    civilians who have left") gives way to the describing one.
    """
    described = _describing_verb(counted)
    if counted.dep_ in _VERB_ARGUMENT_DEPS and counted.head.pos_ == "VERB":
        if described is not None and counted.head.lemma_.lower() in _EMPTY_VERBS:
            return verb_action(described)
    elif described is not None:
        return verb_action(described)
    token = counted
    for _ in range(MAX_CLIMB):
        if token.head is token:
            break
        token = token.head
        copula = token.pos_ == "AUX" and (token.dep_ == "ROOT" or token.i == counted.head.i)
        if token.lemma_.lower() == "include" and token.dep_ in {"prep", "acl"}:
            continue  # "6 civilians including a woman were killed": the verb is further up
        if token.pos_ == "VERB" or copula:
            return verb_action(token)
        nominal = action_vocab().nominalizations.get(token.lemma_.lower())
        if token.pos_ == "NOUN" and nominal is not None:
            return nominal, token
    return None, None


def _describing_verb(counted: Token) -> Token | None:
    light = action_vocab().light_verbs
    for child in counted.children:
        if child.dep_ in {"acl", "relcl"} and child.pos_ == "VERB" and child.lemma_ not in light:
            return child
    return None


def verb_action(verb: Token) -> tuple[str | None, Token]:
    """The action a verb names; alternatives sharing its arguments are kept together:
    "killed or injured 30" -> "kill or injure" ("laid down their arms and came" stays
    "surrender": of verbs joined by "and" the first says what happened to the number)."""
    action, token = _single_action(verb)
    head = verb.head
    if verb.dep_ == "conj" and head.pos_ == "VERB" and _has_or(head) and _shares_arguments(head):
        first = _single_action(head)[0]  # "killed or injured 30": the object sits on the second
        return (f"{first} or {action}" if first and action else action), token
    alternative = _has_or(verb)
    if action is None or not alternative:
        return action, token
    shared = (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")
    others = [_single_action(c)[0] for c in shared if _shares_arguments(c)]
    return " or ".join([action, *(a for a in others if a)]), token


def _has_or(verb: Token) -> bool:
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children)


def _shares_arguments(verb: Token) -> bool:
    """A coordinated verb with no subject or object of its own takes its partner's."""
    return not any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in verb.children)


def _single_action(verb: Token) -> tuple[str | None, Token]:
    vocab = action_vocab()
    lemma = verb.lemma_.lower()
    if lemma in vocab.light_verbs:
        for child in verb.children:
            if child.dep_ in {"xcomp", "ccomp"} and child.pos_ == "VERB":
                return verb_action(child)
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    obj = next((_object_word(c) for c in verb.children if c.dep_ == "dobj"), None)
    for key in (f"{lemma} {particle} {obj}", f"{lemma} {particle}", f"{lemma} {obj}", lemma):
        if key in vocab.phrases:
            return vocab.phrases[key], verb
    if lemma in vocab.reporting:
        return _reported_state(verb)
    return lemma, verb


def _object_word(obj: Token) -> str:
    """The object's lemma; for a quantity, what it quantifies ("takes hundreds of lives")."""
    complement = _of_complement(obj) if obj.like_num or obj.lemma_.lower() in _VAGUE_HEADS else None
    return (complement or obj).lemma_.lower()


def _reported_state(verb: Token) -> tuple[str | None, Token]:
    """ "were reported killed", "confirmed dead": the complement says what happened."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "oprd", "acomp"}:
            word = child.lower_
            casualty = counted_vocab().casualty_words.get(word)
            if casualty is not None:
                return casualty, verb
            if child.pos_ == "VERB":
                return verb_action(child)
    return None, verb
