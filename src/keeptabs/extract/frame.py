"""What a number counts and what happened to it, read off spaCy's dependency parse."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from keeptabs.extract.casualties import (
    VERB_ARGUMENT_DEPS,
    another_figures,
)
from keeptabs.extract.counted_nouns import (
    NOUN_TAGS,
    VAGUE_HEADS,
    of_complement,
)
from keeptabs.extract.doctext import doc_text
from keeptabs.extract.place_words import PLACE_KIND_NOUNS, has_subject
from keeptabs.extract.verb_actions import frame_vocab, reported_state, toll_action, verb_action
from keeptabs.extract.vocab import action_vocab, counted_vocab
from keeptabs.types import Quantity

_EMPTY_VERBS = frozenset({"have", "be", "get", "see", "find", "count", "include"})  # say nothing
LIVES_REACH = 3  # words from a verb to "lives": "claimed the lives", "took the lives"
MAX_CLIMB = 6  # head hops from the counted noun to its verb; deeper links are other clauses
# "a population of 350000", "the pre-war population was over 20 million"
_POPULATION_BEFORE = re.compile(
    r"\bpopulation\s+(?:of|was|is|stood at|numbered|numbers)\s+(?:[\w.,]+\s+){0,2}$",
    re.IGNORECASE,
)
POPULATION_CHARS = 60


def number_token(sentence: Span, quantity: Quantity) -> Token | None:
    """The token of ``sentence`` that carries the number of ``quantity``."""
    span = sentence.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    if not tokens:
        return None
    numeric = [
        t for t in tokens if t.like_num or t.pos_ == "NUM" or t.lemma_.lower() in VAGUE_HEADS
    ]
    return (numeric or tokens)[-1]


def counts_a_population(number: Token) -> bool:
    """ "a population of 350000", "the pre-war population was over 20 million"."""
    before = doc_text(number.doc)[max(0, number.idx - POPULATION_CHARS) : number.idx]
    return _POPULATION_BEFORE.search(before) is not None


_DWELLER_NOUNS = frozenset({"people", "person", "resident", "inhabitant"})
_SETTLED_PLACES = PLACE_KIND_NOUNS | {"island", "country", "camp", "suburb", "capital"}


def _dwellers(counted: Token) -> bool:
    """ "a town of about 15,000 people", "Qeshm Island, home to 200,000 people", "the
    island, which has about 200,000 residents": the people who live there."""
    head = counted.head
    if counted.dep_ != "pobj":
        return counted.lemma_.lower() in {"resident", "inhabitant"} and head.lemma_ == "have"
    if head.lower_ == "to":
        return head.head.lower_ == "home"
    return (
        head.lower_ == "of"
        and (counted.lemma_.lower() in _DWELLER_NOUNS or _alone(counted))  # "a town of 14,000"
        and head.head.lemma_.lower() in _SETTLED_PLACES
    )


def _alone(number: Token) -> bool:
    """A figure with no noun or unit after it ("a town of 14,000 has struggled")."""
    after = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    return number.like_num and (after is None or after.pos_ not in NOUN_TAGS)


def settled_action(number: Token, counted: Token, action: str | None) -> str | None:
    """The action a figure's own words settle, whatever verb the parse hangs it on: "a
    population of 350000" lives there; "three air raids killed 58" and "killed in five
    raids" count raids carried out (not so "launched 60 raids", "an airstrike targeted",
    where a verb says what they did or what was done to them)."""
    if counts_a_population(number) or _dwellers(counted):
        return "live"
    events = frame_vocab().conducted_events
    event = events.get(counted.lemma_.lower())
    if event is None and counted.lemma_.lower() in VAGUE_HEADS | {"dozens", "scores"}:
        what = of_complement(counted)  # "dozens of air strikes on Aleppo killed 16"
        event = events.get(what.lemma_.lower()) if what is not None else None
    head = counted.head
    within = counted.dep_ == "pobj" and head.lower_ == "in"  # "killed in five raids"
    outcome = counted.dep_ == "nsubj" and head.lemma_.lower() in frame_vocab().outcome_verbs
    return event if event is not None and (within or outcome) else action


def names_an_outcome(action: str | None) -> bool:
    """Whether ``action`` is a killing or wounding ("kill", "kill or injure")."""
    outcomes = frame_vocab().outcome_verbs
    return action is not None and any(word in outcomes for word in action.split(" or "))


# Words that open a subordinate clause: a verb after one belongs to that clause.
_SUBORDINATORS = frozenset("as after while when before since because until amid".split())
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_SHARE_WORDS = frozenset("percent % per half third quarter majority share proportion".split())
# Prepositions by which an action noun takes what it acts on ("the attack on two villages").
_NOMINAL_ARGUMENT_PREPS = frozenset({"of", "on", "against", "upon", "from", "to"})
MAX_STATIVE_CLIMB = 3  # a main verb this close outranks a stative participle on its noun


def governing_action(counted: Token) -> tuple[str | None, Token | None]:
    """``(base verb, the verb token)`` saying what happened to the counted thing.

    The verb the counted noun is an argument of, else a verb that describes it ("50,000
    civilians evacuated", "8,000 who are leaving"); an empty verb ("we have 30,000
    civilians who have left") gives way to the describing one.
    """
    conveyed = _conveyed_by(counted)
    if conveyed is not None:
        return governing_action(conveyed)  # "buses carrying 500 people left": they left
    taken = _lives_taken(counted)
    if taken is not None:
        return taken
    coordinated = _coordinated_casualty(counted)
    if coordinated is not None:
        return coordinated, counted.head
    share = _share_of_event(counted)
    if share is not None:
        return share, counted
    described = _describing_verb(counted)
    stative = _describing_verb(counted, stative=True)
    anchor = _first_conjunct(counted)  # "destroyed 2000 tankers and dozens of stations"
    if anchor is not counted and described is not None and described.dep_ == "relcl":
        return verb_action(described)  # "... and two locations which are kept secret"
    misread = (
        _object_read_as_speaker(anchor)
        or _subject_read_as_conjunct(counted)
        or _verb_read_as_modifier(counted)
        or _subject_read_as_object(anchor)
    )
    if misread is not None:
        return verb_action(misread)
    if anchor.dep_ in VERB_ARGUMENT_DEPS and anchor.head.pos_ == "VERB":
        if stative is not None and _gives_way(anchor, stative):
            return verb_action(stative)
        predicate = _predicate_after_reduced_relative(anchor)
        if predicate is not None:
            return verb_action(predicate)
        if anchor.dep_ == "nsubjpass" and anchor.head.lemma_.lower() in action_vocab().reporting:
            return _reported_subject(counted, anchor.head)
        return _climb_to_action(counted)
    if described is not None and not _described_part(counted, described):
        return verb_action(described)
    action, verb = _climb_to_action(counted)
    if stative is not None and not _is_near(counted, action, verb):
        return verb_action(stative)  # "200000 people still living in rebel-held districts"
    return action, verb


def _lives_taken(counted: Token) -> tuple[str, Token] | None:
    """ "claimed the lives of three citizens injured two others": the verb that takes
    "the lives of" the counted, which the parser may hang from a later verb; its phrase
    ("claim life") says what happened."""
    of = counted.head
    lives = of.head
    if counted.dep_ != "pobj" or of.lower_ != "of" or lives.lemma_.lower() != "life":
        return None
    doc = counted.doc
    verb = next(
        (t for t in reversed(doc[max(0, lives.i - LIVES_REACH) : lives.i]) if t.pos_ == "VERB"),
        None,
    )
    action = action_vocab().phrases.get(f"{verb.lemma_.lower()} life") if verb else None
    return (action, verb) if action is not None and verb is not None else None


def _object_read_as_speaker(counted: Token) -> Token | None:
    """ "shelling killed 90 people said the monitor": with the comma lost, the parser
    makes the object the subject of the verb of saying; the verb before it, left with no
    object, is the one that governs it."""
    verb = counted.head
    if counted.dep_ != "nsubj" or verb.lemma_.lower() not in action_vocab().reporting:
        return None
    start = counted.left_edge.i
    before = counted.doc[start - 1] if start > 0 else None
    if before is None or before.pos_ != "VERB" or before.head.i != verb.i:
        return None
    return None if any(c.dep_ == "dobj" for c in before.children) else before


def _subject_read_as_object(counted: Token) -> Token | None:
    """ "a chemical attack blamed on the regime some 100 civilians were killed": with the
    comma lost, the parser makes the subject the object of the participle before it; the
    passive verb right after it, left with no subject, is the one that governs it."""
    participle = counted.head
    if counted.dep_ != "dobj" or participle.dep_ != "acl" or participle.tag_ != "VBN":
        return None
    end = counted.right_edge.i + 1
    doc = counted.doc
    if end >= len(doc) or doc[end].dep_ not in {"auxpass", "aux"}:
        return None
    verb = doc[end].head
    if verb.i <= end or verb.pos_ != "VERB" or has_subject(verb):
        return None
    return verb


def _verb_read_as_modifier(counted: Token) -> Token | None:
    """ "has killed 280000 people and displaced millions": the parser joins the object
    to the first verb and makes the second verb its modifier; that verb is the figure's."""
    if counted.dep_ != "conj" or counted.head.pos_ != "VERB" or counted.i == 0:
        return None
    before = counted.doc[counted.i - 1]
    if before.head.i == counted.i and before.pos_ == "VERB" and before.tag_ in {"VBD", "VBN"}:
        return before
    return None


_MISREAD_DEPS = frozenset({"conj", "pobj", "dobj", "appos"})


def _subject_read_as_conjunct(counted: Token) -> Token | None:
    """ "killed 2 soldiers and 19 were wounded", "66 killed along with 119 were
    kidnapped": the parser joins the bare number to a phrase before it and leaves the
    next verb, right after it, with no subject; that verb is the figure's."""
    bare = counted.pos_ == "NUM" or (  # "... its allies and millions have been displaced"
        counted.lemma_.lower() in VAGUE_HEADS
        and not any(c.dep_ == "prep" for c in counted.children)
    )
    if counted.dep_ not in _MISREAD_DEPS or not bare or counted.i + 1 >= len(counted.doc):
        return None
    auxiliary = counted.doc[counted.i + 1]
    verb = auxiliary.head
    if auxiliary.dep_ not in {"aux", "auxpass"} or verb.pos_ != "VERB" or verb.i <= counted.i:
        return None
    return None if has_subject(verb) else verb


def _first_conjunct(token: Token) -> Token:
    """The first of coordinated nouns, whose role in the clause the others share."""
    while token.dep_ == "conj" and token.head.pos_ in NOUN_TAGS | {"NUM"}:
        token = token.head
    return token


def _is_near(counted: Token, action: str | None, verb: Token | None) -> bool:
    """An action a few words up the tree, with the counted noun in its own clause: a
    stative participle on the noun gives way to it ("45 buses bound for Aleppo" left),
    but not to an empty verb ("there are 592700 people living under siege")."""
    if action is None or verb is None or action in _EMPTY_VERBS:
        return False
    ancestors = list(counted.ancestors)
    return verb in ancestors and ancestors.index(verb) < MAX_STATIVE_CLIMB


def _reported_subject(counted: Token, verb: Token) -> tuple[str | None, Token]:
    """ "16 airstrikes were reported": nothing else befell them, so the report is the
    action; but "three deaths were reported" are deaths, "22 injuries" injuries."""
    state = reported_state(verb)
    if state[0] is not None:
        return state
    return toll_action(counted) or verb.lemma_.lower(), verb


def _share_of_event(counted: Token) -> str | None:
    """ "99 percent of deaths", "hundreds of killings": a share or an amount of events
    counts those events, whatever verb governs the share."""
    lemma = counted.lemma_.lower()
    if lemma not in _SHARE_WORDS and lemma not in VAGUE_HEADS and not counted.like_num:
        return None
    event = of_complement(counted)
    if event is None:
        return None
    return toll_action(event)


_PARTICIPLE_PREPOSITIONS = frozenset({"include", "accord"})


def _described_part(counted: Token, described: Token) -> bool:
    """A part of a toll that a participle describes ("killed 14 people including three
    children fleeing across the river"): what befell it is the toll's verb, not what
    the participle says it was doing."""
    return (
        described.dep_ == "acl"
        and described.head.i == counted.i
        and counted.dep_ == "pobj"
        and counted.head.lemma_.lower() == "include"
    )


def _climb_to_action(counted: Token) -> tuple[str | None, Token | None]:
    """The first verb, copula or action noun up the tree from the counted noun."""
    token = counted
    # An action noun governs through a preposition ("the evacuation of 8,000"); one
    # reached through modifiers is the counted noun itself ("three chemical attacks").
    governed = False
    for _ in range(MAX_CLIMB):
        if token.head is token:
            break
        below, token = token, token.head
        copula = token.pos_ == "AUX" and (
            token.dep_ == "ROOT"
            or token.i == counted.head.i
            or below.dep_ == "acomp"
            # "which is home to 350000 people": the copula's phrase, in a relative clause
            or f"be {below.lower_}" in frame_vocab().copula_phrases
        )
        if token.lemma_.lower() in _PARTICIPLE_PREPOSITIONS and token.dep_ in {"prep", "acl"}:
            # "6 civilians including a woman were killed", "killing according to the latest
            # toll 44 civilians": a preposition; the verb is further up
            continue
        if token.pos_ == "VERB" or copula:
            whole = _whole_of(token)
            if whole is not None:
                return whole
            return verb_action(token)
        governed = governed or _governs(token, below)
        nominal = action_vocab().nominalizations.get(token.lemma_.lower())
        if token.pos_ == "NOUN" and nominal is not None and governed:
            return nominal, token
        if _is_headline_verb(token):
            return token.lemma_.lower(), token
    return None, None


def _governs(token: Token, below: Token) -> bool:
    """Whether an action noun ``token`` takes the counted noun as its argument: through
    "of", "on", "against" ("the evacuation of 8,000"), or as the object or subject that
    only a verb the tagger read as a noun can have ("capture 3 villages")."""
    if below.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        return True
    return below.dep_ == "prep" and below.lower_ in _NOMINAL_ARGUMENT_PREPS


def _is_headline_verb(token: Token) -> bool:
    """ "ISIL kills over 50": a headline verb the tagger took for a plural noun; an -s
    form of an action verb with a subject or an object, which no noun has."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS" or token.lower_ == token.lemma_.lower():
        return False  # an -s form: "kills", not "kill" or "killing"
    if token.lemma_.lower() not in frame_vocab().action_verbs:
        return False
    return any(c.dep_ in {"nsubj", "dobj"} for c in token.children)


def _gives_way(counted: Token, described: Token) -> bool:
    """Whether the verb that describes the counted noun says more than the verb it is the
    subject or object of.

    An empty verb or a verb of saying says nothing of it ("we have 30,000 civilians who
    have left", "3000 people leaving Foua, the monitor told AFP").  A passive participle
    ("20 shells fired by ISIS", "ten civilians killed in an airstrike") says what happened
    to the noun, where the main verb only has it act on something else ("... targeted
    houses") or belongs to another clause ("six killed in a bombing as evacuation
    resumes", "... committed a massacre" with a second subject), or, for an object, when
    the participle is a killing or wounding ("mourns 5 rescue workers killed by raids").
    """
    head = counted.head
    lemma = head.lemma_.lower()
    if lemma in _EMPTY_VERBS:
        return True
    if lemma in action_vocab().reporting:  # the parser made the counted noun a speaker
        return described.lemma_.lower() in frame_vocab().action_verbs
    reduced = described.dep_ == "acl" and described.tag_ == "VBN"
    outcomes = frame_vocab().outcome_verbs
    if counted.dep_ == "dobj" and reduced and described.lemma_.lower() in outcomes:
        return lemma not in outcomes  # "mourns 5 rescue workers killed by airstrikes"
    if counted.dep_ != "nsubj" or not reduced:
        return False
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    has_object = any(c.dep_ == "dobj" for c in head.children)
    clause_opened = any(t.lower_ in _SUBORDINATORS for t in described.subtree)
    return has_object or len(subjects) > 1 or clause_opened


def _predicate_after_reduced_relative(counted: Token) -> Token | None:
    """ "31 people hurt in the attack were being treated": a bare participle with no
    auxiliary is a reduced relative, not the clause's verb, though parsed as one; the
    verb whose auxiliaries follow it, subjectless, is the noun's real predicate."""
    head = counted.head
    if counted.dep_ not in {"nsubj", "nsubjpass"} or head.tag_ != "VBN":
        return None
    if any(c.dep_ in {"aux", "auxpass"} for c in head.children):
        return None
    after = head.right_edge.i + 1
    if after >= len(counted.doc):
        return None
    auxiliary = counted.doc[after]
    predicate = auxiliary.head
    if auxiliary.dep_ not in {"aux", "auxpass"} or predicate.pos_ != "VERB":
        return None
    if has_subject(predicate):
        return None
    return predicate


def _conveyed_by(counted: Token) -> Token | None:
    """ "11 buses carrying some 500 people left Madaya": the load of a vehicle described
    by a participle of carrying shares what the vehicle does; so does what a participle
    of amounting gives ("rewards totaling $30,000 are offered")."""
    verb = counted.head
    if counted.dep_ == "pobj" and verb.lower_ == "to":  # "losses amounting to $2 million"
        verb = verb.head
    elif counted.dep_ != "dobj":
        return None
    if verb.dep_ != "acl":
        return None
    lemma = verb.lemma_.lower()
    vocab = frame_vocab()
    if lemma not in vocab.conveyance_verbs and lemma not in vocab.amounting_verbs:
        return None
    return verb.head if verb.head.pos_ in NOUN_TAGS else None


def _coordinated_casualty(counted: Token) -> str | None:
    """ "killed 25 soldiers and injured scores": a casualty participle read as the
    adjective of a noun that the parser joined to the first verb; it is the verb of the
    second conjunct, and says what happened to that noun."""
    if counted.dep_ != "conj" or counted.head.pos_ != "VERB":
        return None
    words = counted_vocab().casualty_words
    for child in counted.lefts:
        if child.dep_ in {"amod", "compound"} and child.lower_ in words:
            return words[child.lower_]
    return None


def _whole_of(verb: Token) -> tuple[str | None, Token | None] | None:
    """ "the transfer, which includes 800 armed men": a part shares what happened to its
    whole, the subject of "include" or the noun its relative clause describes."""
    if verb.lemma_.lower() not in frame_vocab().part_verbs:
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    whole: Token | None = subject
    if subject is None or subject.tag_ in _RELATIVE_TAGS:
        clause = next((a for a in [verb, *verb.ancestors] if a.dep_ == "relcl"), None)
        whole = clause.head if clause is not None else None
    if whole is None or whole.pos_ not in NOUN_TAGS:
        return None
    nominal = action_vocab().nominalizations.get(whole.lemma_.lower())
    if nominal is not None:
        return nominal, whole
    return None


def _describing_verb(counted: Token, *, stative: bool = False) -> Token | None:
    """The nearest participle or relative clause on the counted noun, on the noun its
    number counts ("hundreds of civilians killed"), or on a noun in apposition to it
    ("ten civilians, some of them children, killed in an airstrike").

    Stative verbs only describe ("buses bound for Aleppo", "tunnels running under the
    city"), and are taken only with ``stative``; an active casualty participle with an
    object makes the noun its agent ("two soldiers, wounding several others"): neither
    says what happened to the noun.
    """
    nouns = [counted]
    complement = of_complement(counted) if counted.lemma_.lower() in VAGUE_HEADS else None
    if complement is not None:
        nouns.append(complement)
    found: list[Token] = []
    while nouns:
        noun = nouns.pop(0)
        nouns.extend(c for c in noun.children if c.dep_ == "appos")
        found.extend(
            c
            for c in noun.children
            if _describes(c, stative=stative) and not another_figures(noun, c)
        )
    return min(found, key=lambda verb: verb.i) if found else None


def _describes(verb: Token, *, stative: bool) -> bool:
    if verb.dep_ not in {"acl", "relcl"} or verb.pos_ != "VERB":
        return False
    lemma = verb.lemma_.lower()
    if lemma in action_vocab().light_verbs:
        return False
    casualty = frame_vocab().casualty_verbs
    if lemma in casualty and any(c.dep_ == "dobj" for c in verb.children):
        return False  # "two soldiers wounding several others": the agent, not the victim
    has_particle = any(c.dep_ == "prt" for c in verb.children)  # "running away" moves
    return stative or has_particle or lemma not in frame_vocab().stative_verbs
