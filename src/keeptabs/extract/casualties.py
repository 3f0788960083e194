"""Casualty figures: "40 dead", "2 killed 8 injured", "the death toll reached 126", "one
civilian was among those killed", "14 of the dead were fighters": the action a casualty
word names where no real verb says what happened.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from keeptabs.extract.counted_nouns import (
    HEADLINE_VERBS,
    NUMBER_DEPS,
    VAGUE_HEADS,
    casualty_group,
    named_by_copula,
)
from keeptabs.extract.doctext import doc_text
from keeptabs.extract.nlp import verb_lemma
from keeptabs.extract.vocab import action_vocab, counted_vocab

VERB_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})

MAX_CASUALTY_GAP = 3  # words between a number and "dead": "29 Syria rebels dead"

MAX_TOLL_CLIMB = 4  # "reached at least 126", "as high as 400000": a few words in between


# Title Case verbs that, right before a headline's figure, say what befell it ("Army
# Kills 15 Terrorists in Qalamoun Advances in Jobar", "Blasts Target Checkpoint near
# Damascus Claim 4 Martyrs"): the parser takes a later capitalised word for the verb.
_HEADLINE_TOLL_VERBS = {
    **HEADLINE_VERBS,
    "kill": "kill",
    "claim": "kill",
    "claims": "kill",
    "injure": "injure",
    "wound": "wound",
}
# Words of a qualifier between a headline's verb and its figure ("Kill At Least 20")
_QUALIFIER_WORDS = frozenset(
    {"at", "least", "more", "than", "over", "nearly", "almost", "about", "some"}
)


# "16 civilians were killed and scores others were injured", "14 people were killed 25
# were wounded": the passive a figure's own words close with, which the parser may hang
# elsewhere ("scores" read as a verb); not "killed or injured", one combined outcome.
_PASSIVE_AFTER = re.compile(
    # not a relative clause on the noun: "treated 40 people who were injured"
    r"(?:\s+(?!(?:were|was|are|is|have|has|had|who|that|which)\b)[a-z]+){0,2}"
    r"\s+(?:(?:were|was|are|is|have been|has been|had been)"
    r"\s+(?P<word>killed|wounded|injured|hurt)\b(?!\s+or\b)"
    r"|(?:sustained|suffered)\s+(?P<injuries>injuries|wounds)\b)"  # "80 sustained injuries"
)


# "88 Killed & Injured", "30 people were killed and wounded": one figure for both
_BOTH_AFTER = re.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(?:(?:were|was|are|have been|has been|had been)\s+)?"
    r"(?:killed|dead)\s*(?:and|&|or)\s*(?:injured|wounded)\b",
    re.IGNORECASE,
)


def passive_casualty_after(number: Token) -> str | None:
    """What befell a figure by the passive right after it and its noun ("80 were injured",
    "scores others were injured", "88 killed & injured")."""
    text, end = doc_text(number.doc), number.idx + len(number)
    both = _BOTH_AFTER.match(text, end)
    if both is not None and not _describes_a_noun(number, both.end()):
        return "kill or injure"
    found = _PASSIVE_AFTER.match(text, end)
    if found is None:
        return None
    if found.group("injuries"):
        return "injure"
    return counted_vocab().casualty_words.get(found.group("word"))


def _describes_a_noun(number: Token, end: int) -> bool:
    """Whether the word after character ``end`` is a noun the casualty words describe
    ("hundreds of dead and injured people were rushed": what befell them is "rush")."""
    after = next((t for t in number.doc[number.i + 1 :] if t.idx >= end), None)
    return after is not None and after.pos_ in {"NOUN", "PROPN"}


def included_in_toll(verb: Token) -> str | None:
    """ "Those killed included six women", "the dead include 11 children": what befell the
    group a verb "include" takes its figures from."""
    words = counted_vocab().casualty_words
    subject = _including_subject(verb)
    if subject is None:
        return None
    if subject.lower_ in words:
        return words[subject.lower_]  # "the dead included"
    if subject.lemma_.lower() == "victim":
        return "kill"  # "the victims included"
    participle = next((c for c in subject.children if c.dep_ == "acl"), None)
    if participle is None or participle.pos_ != "VERB":
        return None
    if participle.lower_ in words:
        return words[participle.lower_]  # "those killed"
    return participle.lemma_.lower()  # "Breaches of the truce recorded included 20 by ..."


def included_group(verb: Token) -> str | None:
    """ "Breaches of the truce recorded included 20 by Russian forces": the plural noun a
    verb "include" takes its figures from, which a figure with no noun of its own counts;
    not a casualty word or a pronoun ("the dead", "those killed")."""
    subject = _including_subject(verb)
    if subject is None or subject.tag_ != "NNS" or subject.lower_ in counted_vocab().casualty_words:
        return None
    return subject.lower_


def _including_subject(verb: Token) -> Token | None:
    """The subject of a verb "include" or "comprise": the group its figures are of."""
    if verb.lemma_.lower() not in {"include", "comprise"}:
        return None
    return next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def said_of_casualties(verb: Token) -> str | None:
    """ "Of those killed six were children", "among the killed civilians there are four
    children": what befell the group a copula's figure is taken from."""
    group = casualty_group(verb)
    if group is None:
        return None
    words = counted_vocab().casualty_words
    if group.lower_ in words:
        return words[group.lower_]  # "of the dead"
    described = (c for c in group.children if c.dep_ in {"acl", "amod"})
    found = next((c for c in described if c.lower_ in words), None)
    return words[found.lower_] if found is not None else "kill"  # "of the victims"


def headline_toll_verb(number: Token) -> str | None:
    """The action a toll verb just before a headline's figure names (headlines are parsed
    re-cased, so their capitals are gone)."""
    before = _word_before_figure(number)
    return _HEADLINE_TOLL_VERBS.get(before.lower_) if before is not None else None


def headline_verb_before(number: Token) -> str | None:
    """ "ISIL crucifies 9 men": a verb in the third person right before a headline's
    figure, which the tagger, reading a headline, may take for a plural noun."""
    before = _word_before_figure(number)
    if before is None or not before.lower_.endswith("s"):
        return None
    lemma = verb_lemma(before.lower_)
    return None if lemma is None or lemma in action_vocab().reporting else lemma


def _word_before_figure(number: Token) -> Token | None:
    index = number.i - 1
    while index > 0 and number.doc[index].lower_ in _QUALIFIER_WORDS:
        index -= 1
    return number.doc[index] if index >= 0 else None


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
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and _verb_read_as_adjective(before, token):
        return counted, vocab.casualty_words[before.lower_]  # "kill 83 Injured 100 Terrorists"
    if before is not None and before.lower_ in HEADLINE_VERBS and before.pos_ != "VERB":
        # "kills 30 injures 90": read as a noun; "Kills Wounds Dozens": both befell them
        earlier = token.doc[before.i - 1] if before.i > 0 else None
        if earlier is not None and earlier.lower_ in HEADLINE_VERBS:
            return counted, "kill or injure"
        return counted, HEADLINE_VERBS[before.lower_]
    head = token.head if token.dep_ in NUMBER_DEPS else None
    if (
        head is not None
        and head.lower_ in vocab.casualty_words
        and head.dep_ == "conj"
        and head.head.pos_ == "VERB"
    ):
        # "Ten people are killed and about 50 hurt": a casualty word read as a noun in
        # the verb's place says what befell them, and counts the people named before
        return None, vocab.casualty_words[head.lower_]
    adjective = _casualty_adjective(token)
    if adjective is not None:
        head = token.head if token.dep_ in NUMBER_DEPS else token
        after = token.doc[token.i + 1].lower_ if token.i + 1 < len(token.doc) else ""
        referring = head.lower_ in vocab.referring_nouns or after in {"more", "others", "other"}
        if counted is None and referring:
            # "58 others injured", "500 more injured": the noun named before
            return None, vocab.casualty_words[adjective]
        return counted or "people", vocab.casualty_words[adjective]
    if action in {None, "be"} and named_by_copula(token) is not None:
        part_of_casualties = _of_casualties(token)
        if part_of_casualties is not None:
            # "14 of the dead were fighters"; not "15 of the wounded were in critical
            # condition", which says what became of them
            return counted, part_of_casualties
    if action is not None and action not in vocab.light_verbs:
        return None
    taken_from = _of_casualties(token)
    if taken_from is not None and action not in {None, "be"}:
        return counted, taken_from  # "Fifteen of the dead came in the barrel bomb strike"
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
        # "the death toll surpasses 130 people including 67 children": a noun of its own
        return counted or "people", vocab.toll_nouns.get(kind, vocab.toll_nouns["toll"])
    return None


def _verb_read_as_adjective(word: Token, number: Token) -> bool:
    """ "Kurds kill 83 Injured 100 Terrorists": a headline's casualty verb right before a
    number, which the parser made an adjective of the number's noun."""
    return (
        word.lower_ in counted_vocab().casualty_words
        and word.tag_ in {"VBN", "VBD"}
        and word.dep_ == "amod"
        and word.head.i == number.head.i > number.i
        and number.dep_ == "nummod"
    )


def _casualty_participle(token: Token) -> str | None:
    """ "2 killed 8 injured": a casualty participle right after the number, ruling it; not
    "four wounded were brought", where the number is another verb's argument."""
    doc = token.doc
    index = token.i + 1
    if index < len(doc) and doc[index].text == "+":
        index += 1  # "20+ killed"
    following = doc[index] if index < len(doc) else None
    if following is None:
        return None
    # "2 killed": a headline participle the tagger may read as a past tense; "killed and 50
    # hurt": a participle read as a noun the figure is the subject of
    misread = following.tag_ in {"NN", "JJ"} and token.dep_ == "nsubj" and token.head == following
    if following.tag_ not in {"VBN", "VBD"} and not misread:
        return None
    if following.lower_ not in counted_vocab().casualty_words:
        return None
    noun = following.head
    adjective = (
        following.dep_ == "amod"
        and token.head.i == noun.i > following.i
        and noun.pos_ == "NOUN"
        and not any(t.is_punct for t in doc[following.i + 1 : noun.i])
    )
    if adjective and noun.dep_ in VERB_ARGUMENT_DEPS:
        return None  # "six injured civilians died on Saturday": an adjective; the verb rules
    # a run-on headline parses the number as the object of the casualty word before it
    words = counted_vocab().casualty_words
    ruled = token.head.i == following.i or token.dep_ not in VERB_ARGUMENT_DEPS
    # "43 killed in Syria army shelling": a headline's gerund read as the number's verb
    # names the event, not what happened to the 43
    gerund = following.head.i == token.i and token.head.tag_ == "VBG"
    return following.lower_ if ruled or gerund or token.head.lower_ in words else None


def _casualty_adjective(token: Token) -> str | None:
    """ "48 people dead over 100 injured": a casualty adjective or participle right after
    the number's noun rules it when the parser made the noun no verb's argument (a list
    of tolls has no verb of its own)."""
    noun = token.head if token.dep_ in NUMBER_DEPS else token
    words = counted_vocab().casualty_words
    # "8 persons killed 58 others injured": a run-on list of tolls, not an object
    # ("a bomber killed 30 people injured 90": a real object of a verb with a subject)
    run_on = (
        noun.dep_ == "dobj"
        and noun.head.lower_ in words
        and noun.head.i < token.i
        and not any(
            c.dep_ == "nsubj" and not any(n.like_num for n in c.subtree) for c in noun.head.children
        )
    )
    head = token.head
    if head.pos_ == "ADJ" and head.lower_ in words and head.i > token.i:
        return head.lower_  # "one was killed and six more wounded": "wounded" rules "six"
    # "48 people dead over 100 injured": an adjective after its noun is a toll's,
    # whatever role the parser gave the noun
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) and noun.i != token.i else None
    # "Shelled 2 Civilians Killed 7 Injured": a participle too; but not on a subject
    # ("40 people hurt in the blast were treated": the verb rules), and "35 Dead Dozens
    # Wounded" is a second toll
    reduced = (
        after is not None
        and after.dep_ == "acl"
        and noun.pos_ == "NOUN"  # not "Seven dead 20 wounded", the next figure
        and noun.dep_ not in {"nsubj", "nsubjpass"}
        and noun.lemma_.lower() not in VAGUE_HEADS
    )
    reduced = reduced and after is not None and not another_figures(noun, after)  # "killed 30
    # people injured 90": the participle is the next figure's
    postposed = after is not None and after.head.i == noun.i and (after.dep_ == "amod" or reduced)
    if postposed and after is not None and after.lower_ in words:
        return after.lower_
    if (noun.dep_ in VERB_ARGUMENT_DEPS or token.dep_ in VERB_ARGUMENT_DEPS) and not run_on:
        return None
    found = _casualty_token_after(token)
    if found is None or (found.pos_ != "ADJ" and found.tag_ != "VBN"):
        return None
    return found.lower_


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
        if any(c.dep_ == "pobj" and c.lower_ == "victims" for c in preposition.children):
            return "kill"  # "12 children were among the victims of the attack"
    return None


def _casualty_after(token: Token) -> str | None:
    """ "58 killed", "29 Syria rebels dead": a casualty word just after the number's noun."""
    found = _casualty_token_after(token)
    return found.lower_ if found is not None else None


_VAGUE_GROUPS = VAGUE_HEADS | {"dozens", "scores", "tens"}  # lemmas the tagger may leave plural


def _casualty_token_after(token: Token) -> Token | None:
    vocab = counted_vocab()
    doc = token.doc
    index = token.i + 1
    of_others = index + 1 < len(doc) and doc[index].lower_ == "of"
    if of_others and doc[index + 1].lower_ in vocab.referring_nouns:
        index += 2  # "tens of others injured"
    elif of_others and token.lemma_.lower() in _VAGUE_GROUPS:
        index += 1  # "Dozens of civilians dead"
    while index < len(doc) and index - token.i <= MAX_CASUALTY_GAP:
        if doc[index].lower_ in vocab.casualty_words:
            return doc[index]
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
    arguments = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    if not any(c.dep_ in {"nsubj", "nsubjpass"} for c in arguments):
        arguments += _lost_subject(head)
    return next((c for c in arguments if c.lemma_.lower() == "toll"), None)


def _lost_subject(verb: Token) -> list[Token]:
    """ "... leave their homes and the death toll may be as high as 400000": a verb whose
    subject the parser joined to the clause before; the noun just before its auxiliaries."""
    first = min([verb, *(c for c in verb.lefts if c.dep_ in {"aux", "auxpass", "neg"})])
    before = verb.doc[first.i - 1] if first.i > 0 else None
    return [before] if before is not None and before.pos_ == "NOUN" else []


def _of_casualties(token: Token) -> str | None:
    """ "14 of the dead were fighters": the casualty word the part is taken from."""
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    words = counted_vocab().casualty_words
    found = next((c for c in of.children if c.lower_ in words), None) if of is not None else None
    return words[found.lower_] if found is not None else None


def another_figures(noun: Token, verb: Token) -> bool:
    """ "claimed the lives of three citizens injured two others", "including 13 civilians
    and more than 30 wounded": a run-on list without commas, whose participle the parser
    hangs on the noun before it; a figure next to it, or joined after the noun by "and",
    shows whose verb it is (not "two people, one of them a child, were killed")."""
    doc = noun.doc
    following = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    between = [t.lower_ if not t.like_num else "#" for t in doc[noun.i + 1 : verb.i]]
    # ... not when the figure after "and" has a noun of its own, with the verb after it:
    # "two women and two children scrambled for safety" share it
    joined = "and" in between and "#" in between[between.index("and") :] and between[-1] == "#"
    # "2 civilians killed 7 injured": the next figure has a participle of its own
    own = (
        following is not None
        and following.i + 1 < len(doc)
        and doc[following.i + 1].lower_ in counted_vocab().casualty_words
    )
    return (following is not None and following.like_num and not own) or joined
