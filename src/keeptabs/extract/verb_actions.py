"""What a verb says happened to what it governs: its lemma, a phrase it makes with its
particle or object ("laid down their weapons": surrender), the verb a light verb passes
on to ("helped 8,000 flee": flee), the state a resultative verb leaves ("left dozens
wounded": wound), what a copula or a verb of saying reports; and the word lists of
``actions.json`` the frame reader uses."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from keeptabs.extract.counted_nouns import VAGUE_HEADS, of_complement
from keeptabs.extract.nlp import verb_lemma
from keeptabs.extract.place_words import has_subject
from keeptabs.extract.vocab import action_vocab, counted_vocab, load_data

_ABLE = frozenset({"able", "unable"})
_PARTICLES = frozenset({"out", "away", "off", "up", "down"})


@dataclass(frozen=True, slots=True)
class FrameVocab:
    """Word lists of ``actions.json`` that only the frame reader uses."""

    support_verbs: frozenset[str]
    resultative_verbs: frozenset[str]
    stative_verbs: frozenset[str]
    scene_verbs: frozenset[str]  # "One man sat atop the rubble": a person, no count
    conveyance_verbs: frozenset[str]
    amounting_verbs: frozenset[str]  # "rewards totaling $30,000 are offered": offered
    part_verbs: frozenset[str]
    outcome_verbs: frozenset[str]
    copula_phrases: dict[str, str]
    conducted_events: dict[str, str]  # "there were 45 air strikes": conducted
    casualty_verbs: frozenset[str]  # what casualty words say happened: kill, wound, ...
    action_verbs: frozenset[str]  # every base verb the vocabularies can report


@cache
def frame_vocab() -> FrameVocab:
    data = load_data("actions.json")

    def words(key: str) -> frozenset[str]:
        return frozenset(word.lower() for word in data.get(key, []))

    casualty = frozenset(counted_vocab().casualty_words.values())
    verbs = (
        set(action_vocab().nominalizations.values()) | set(action_vocab().phrases.values())
    ) | casualty
    return FrameVocab(
        support_verbs=words("support_verbs"),
        resultative_verbs=words("resultative_verbs"),
        stative_verbs=words("stative_verbs"),
        scene_verbs=words("scene_verbs"),
        conveyance_verbs=words("conveyance_verbs"),
        amounting_verbs=words("amounting_verbs"),
        part_verbs=words("part_verbs"),
        outcome_verbs=words("outcome_verbs"),
        copula_phrases={k.lower(): v for k, v in data.get("copula_phrases", {}).items()},
        conducted_events={k.lower(): v for k, v in data.get("conducted_events", {}).items()},
        casualty_verbs=casualty,
        action_verbs=frozenset(word for word in verbs if " " not in word),
    )


def verb_action(verb: Token) -> tuple[str | None, Token]:
    """The action a verb names; alternatives sharing its arguments are kept together:
    "killed or injured 30" -> "kill or injure" ("laid down their arms and came" stays
    "surrender": of verbs joined by "and" the first says what happened to the number,
    unless a later one names the outcome that counts: "were rounded up and executed")."""
    action, token = _single_action(verb)
    head = verb.head
    if (
        verb.dep_ == "conj"
        and head.pos_ == "VERB"
        and _shares_arguments(head)
        and not has_subject(verb)
    ):
        first = _single_action(head)[0]  # "killed or injured 30": the object sits on the second
        if _has_or(head):
            return (f"{first} or {action}" if first and action else action), token
        outcomes = frame_vocab().outcome_verbs
        if first is not None and (first in outcomes or action not in outcomes):
            return first, token  # "killing and wounding dozens": the first verb
    alternative = _has_or(verb)
    if action is None or not alternative:
        return _outcome_of_coordination(verb, action), token
    shared = (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")
    others = [_single_action(c)[0] for c in shared if _shares_arguments(c)]
    return " or ".join([action, *(a for a in others if a)]), token


def _outcome_of_coordination(verb: Token, action: str | None) -> str | None:
    """ "41 rebels were rounded up and executed": where verbs joined by "and" share the
    number, a verb of killing or wounding names what the count measures."""
    outcomes = frame_vocab().outcome_verbs
    if action is None or action in outcomes or _has_or(verb):
        return action
    for child in verb.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and _shares_arguments(child):
            later = _single_action(child)[0]
            if later in outcomes:
                return later
    return action


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
    if lemma in frame_vocab().resultative_verbs:
        state = _resulting_state(verb)
        if state is not None:
            return state, verb  # "left dozens more wounded"
    if lemma == "be":
        able = next((c for c in verb.children if c.lower_ in _ABLE and c.dep_ == "acomp"), None)
        done = next((c for c in able.children if c.dep_ == "xcomp"), None) if able else None
        if done is not None and done.pos_ == "VERB":
            return verb_action(done)  # "has been able to get out of Aleppo": left
        return _copula_action(verb), verb
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    if particle is None and following is not None and following.head.i == verb.i:
        # "get out of Aleppo": the parser reads the particle as a preposition
        particle = following.lower_ if following.lower_ in _PARTICLES else None
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    obj = _object_word(dobj) if dobj is not None else None
    # "shot dead six bombers": the adjective after the verb says what became of them
    state = following.lower_ if following is not None and following.pos_ == "ADJ" else None
    keys = (
        f"{lemma} {particle} {obj}",
        f"{lemma} {particle}",
        f"{lemma} {state}",
        f"{lemma} {obj}",
    )
    for key in (*keys, lemma):
        if key in vocab.phrases:
            return vocab.phrases[key], verb
    event = _event_object(lemma, dobj)
    if event is not None:
        return event, verb
    if lemma in vocab.reporting:
        reported = reported_state(verb)
        if reported[0] is None and dobj is not None:  # "reported 15 deaths": deaths
            return toll_action(dobj), verb
        return reported
    return lemma, verb


def toll_action(noun: Token) -> str | None:
    """What a toll noun says happened: "deaths" a killing, "injuries" an injury; nothing
    for "casualties", which counts the dead and the wounded alike."""
    lemma = noun.lemma_.lower()
    nominal = action_vocab().nominalizations.get(lemma)
    outcome = nominal if nominal in frame_vocab().outcome_verbs else None
    toll = counted_vocab().toll_nouns.get(lemma)
    return outcome if toll is None or " or " in toll else toll


def _event_object(lemma: str, obj: Token | None) -> str | None:
    """ "staged a demonstration", "received treatment": a support verb says little; its
    object, a noun naming an event, says what its subject did or underwent.  Not for a
    counted object ("conducted 16 airstrikes"), which the verb itself acts on."""
    if obj is None or lemma not in frame_vocab().support_verbs:
        return None
    counted = obj.like_num or any(c.dep_ in {"nummod", "quantmod"} for c in obj.children)
    if counted or obj.lemma_.lower() in VAGUE_HEADS:
        return None
    return action_vocab().nominalizations.get(obj.lemma_.lower())


def _resulting_state(verb: Token) -> str | None:
    """ "left dozens more wounded": the casualty word of a resultative complement."""
    words = counted_vocab().casualty_words
    for child in verb.children:
        if child.dep_ in {"oprd", "acomp", "xcomp", "ccomp"} and child.lower_ in words:
            return words[child.lower_]
        if child.dep_ == "dobj":  # "left dozens of people injured": parsed as the noun's
            nouns = [n for n in (child, of_complement(child)) if n is not None]
            for noun in nouns:
                for word in noun.children:
                    if word.dep_ in {"acl", "amod"} and word.i > noun.i and word.lower_ in words:
                        return words[word.lower_]
                    if word.dep_ == "amod" and word.lower_ in words:
                        # "left behind scores of dead and wounded members"
                        joined = [c.lower_ for c in word.children if c.dep_ == "conj"]
                        also = next((words[w] for w in joined if w in words), None)
                        first = words[word.lower_]
                        return f"{first} or {also}" if also and also != first else first
    return None


def _copula_action(verb: Token) -> str:
    """ "is home to 900000" (live), "was behind three attacks" (conduct), "are under
    Syrian control" (control): a copula's complement carries the meaning."""
    phrases = frame_vocab().copula_phrases
    casualties = counted_vocab().casualty_words
    if any(child.dep_ == "expl" for child in verb.children):  # "there have been 45 strikes"
        events = frame_vocab().conducted_events
        for child in verb.children:
            if child.dep_ in {"attr", "nsubj"} and child.lemma_.lower() in events:
                return events[child.lemma_.lower()]
    for child in verb.children:
        if child.dep_ == "acomp" and child.lower_ in casualties:
            return casualties[child.lower_]  # "40 people were dead"
        if child.dep_ == "acomp" and child.lower_.endswith("ed"):
            participle = verb_lemma(child.lower_)  # "are still trapped": trap
            if participle is not None:
                return participle
        if child.dep_ in {"acomp", "advmod", "attr"}:
            phrase = phrases.get(f"be {child.lower_}")
            if phrase is not None:
                return phrase
        if child.dep_ == "prep" and child.lower_ == "under":
            for noun in child.children:
                nominal = action_vocab().nominalizations.get(noun.lemma_.lower())
                if noun.dep_ == "pobj" and nominal is not None:
                    return nominal
    return "be"


def _object_word(obj: Token) -> str:
    """The object's lemma; for a quantity, what it quantifies ("takes hundreds of lives")."""
    complement = of_complement(obj) if obj.like_num or obj.lemma_.lower() in VAGUE_HEADS else None
    return (complement or obj).lemma_.lower()


def reported_state(verb: Token) -> tuple[str | None, Token]:
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
