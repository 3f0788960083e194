"""Who the text says made a claim: attribution cues, quotes, pronouns and the actor table.

A claim is attributed, in order of strength, to the speaker of the quotation it sits
in; to "according to X"; to the subject of a verb of saying that governs it or shares
its sentence; to "X's comments that"; to "X:" opening a headline.  Pronouns ("he",
"it") and bare descriptions ("the statement") take the last source named before them.
An outlet speaking in its own voice gives no source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from keeptabs.extract.doctext import doc_text, entities_in, entities_of, entity_label
from keeptabs.extract.gazetteer import is_place_name
from keeptabs.extract.vocab import action_vocab, actor_table

_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
_SUBJECT_DEPS = frozenset({"nsubj"})  # a passive "is reported" names no speaker
_CONDITIONAL_MARKS = frozenset({"if", "whether", "unless"})
_GENERIC_SOURCES = frozenset(
    {"data", "datum", "reports", "report", "figure", "estimate", "information", "account"}
)
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Nouns that say what kind of body spoke, not which: "the agency", "the ministry".
_GENERIC_ORG_NOUNS = frozenset(
    {
        "agency",
        "ministry",
        "army",
        "government",
        "police",
        "council",
        "service",
        "group",
        "center",
        "centre",
        "committee",
        "office",
        "military",
        "monitor",
        "observatory",
        "statement",
        "authorities",
    }
)
_REPORT_NOUNS = frozenset(
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
_SO_CALLED = re.compile(r"^(?:the\s+)?so-called\s+", re.IGNORECASE)
# A quotation long enough to be speech, not a scare-quoted word ('helped', "rebels").
MIN_SPEECH_CHARS = 30
MAX_SOURCE_WORDS = 10  # longer subjects of "said" are misparsed clauses, not sources
MAX_NAME_TO_VERB = 4  # tokens between a name and its verb: ", also said"
# How far after a closing quote (or before an opening one) the "X said" may stand.
SPEAKER_AFTER_QUOTE = 120
SPEAKER_BEFORE_QUOTE = 40
_QUOTE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)", re.MULTILINE)
# Wire headlines name their source last: "Bombs kill 13 fighters: monitor", "... 43 Monitor".
_HEADLINE_TRAILING_SPEAKER = re.compile(
    r"(?:[:,–-]\s*|\s)(?P<who>(?:[A-Z][\w-]+\s)?(?:monitor|observatory|activists|officials?|sources?"
    r"|state media|state TV|UN|NGO|army|military|police|ministry|SOHR|SANA|AFP|Reuters))\.?$",
    re.IGNORECASE,
)
_HEADLINE_SPEAKER = re.compile(r"^(?P<who>[A-Z][^:]{1,40}):\s+\S")


@dataclass(frozen=True, slots=True)
class Attribution:
    source: str
    source_org: str | None


@dataclass(slots=True)
class SourceMemory:
    """What the document has said about sources so far, for pronouns and descriptions."""

    last: Attribution | None = None
    by_head: dict[str, Attribution] = field(default_factory=dict)

    def remember(self, attribution: Attribution) -> None:
        if attribution.source.lower() in _PRONOUNS:
            return
        self.last = attribution
        for name in (attribution.source, attribution.source_org):
            if name:
                self.by_head[name.split()[-1].lower()] = attribution


def _inverted_subject(verb: Token) -> Token | None:
    """ "..., says mayor": a noun right after a verb of saying is its speaker."""
    following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    while (
        following is not None
        and following.pos_ in {"DET", "ADJ", "PROPN"}
        and following.head.i > following.i
    ):
        following = following.head
    if (
        following is not None
        and following.pos_ in {"NOUN", "PROPN"}
        and following.head.i == verb.i
        and entity_label(following) not in {"DATE", "TIME"}
    ):
        return following
    return None


def speaker_of(verb: Token, memory: SourceMemory, claim: Token | None = None) -> Attribution | None:
    """The subject of a verb of saying, as named, with its organisation."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is not None and claim is not None and claim in subject.subtree:
        subject = None  # "15,000 evacuated, says mayor": the claim is no speaker
    if subject is None and verb.lemma_.lower() in action_vocab().figure_verbs:
        head = verb.head  # "WHO said in a statement, putting the death toll at 70"
        return speaker_of(head, memory) if head.i != verb.i and _reports(head) else None
    if subject is None and verb.lemma_.lower() != "tell":  # "told AFP" names the listener
        subject = _inverted_subject(verb)
    if subject is None:
        return _entity_before(verb)
    if subject.lower_ in _PRONOUNS:
        return memory.last
    phrase = _subject_phrase(subject)
    named = _named_entity(subject, phrase)
    if named is None and len(phrase) > MAX_SOURCE_WORDS:
        return _entity_before(verb)  # a misparsed clause as subject: the name by the verb
    source = _clean(named.text if named is not None else _without_article(phrase).text)
    return Attribution(source, _organisation(subject, phrase, named, memory))


def _organisation(
    subject: Token, phrase: Span, named: Span | None, memory: SourceMemory
) -> str | None:
    """The organisation behind a speaker: the actor table, an organisation named in the
    subject or its apposition ("Defense Ministry spokesperson X", "X, Riverwatch's
    coordinator"), the speaker itself when it is one, or an earlier mention that a
    surname or a description ("the agency", "agency spokeswoman X") points to."""
    table = actor_table()
    found = table.organisation(phrase.text)
    if found is not None:
        return found
    appositions = [c for c in subject.children if c.dep_ == "appos"]
    for span in [phrase, *(subject.doc[a.left_edge.i : a.right_edge.i + 1] for a in appositions)]:
        for ent in entities_in(span):
            if _is_named_organisation(ent):
                return table.organisation(ent.text) or _clean_name(ent.text)
    keys = [named.text.split()[-1].lower()] if named is not None else []
    keys += [t.lower_ for t in phrase if t.pos_ in {"NOUN", "PROPN"}]
    earlier = next((memory.by_head[key] for key in keys if key in memory.by_head), None)
    if earlier is None and named is None and _is_description(phrase):
        earlier = memory.last
    return earlier.source_org if earlier else None


def _is_named_organisation(ent: Span) -> bool:
    """An ORG entity that names one ("Riverwatch"), not a bare common noun ("Agency")."""
    if ent.label_ != "ORG":
        return False
    words = [t for t in ent if t.dep_ != "det"]
    return len(words) > 1 or (len(words) == 1 and words[0].lower_ not in _GENERIC_ORG_NOUNS)


def _clean_name(text: str) -> str:
    """An organisation's name without a leading article: "The Food Bank" -> "Food Bank"."""
    return re.sub(r"^the\s+", "", _clean(text), flags=re.IGNORECASE)


def _is_description(phrase: Span) -> bool:
    """ "the statement", "the centre": a definite description with no name in it."""
    return phrase[0].lower_ in {"the", "this", "that"} and not any(
        t.pos_ == "PROPN" for t in phrase
    )


def _entity_before(verb: Token) -> Attribution | None:
    """A misparsed "..., the head of X, General Y, also said": the last name before the verb."""
    doc = verb.doc
    names = [
        e
        for e in entities_of(doc)
        if verb.i - MAX_NAME_TO_VERB - 8 <= e.end <= verb.i and e.label_ in {"PERSON", "ORG"}
    ]
    if not names or verb.i - names[-1].end > MAX_NAME_TO_VERB:
        return None
    name = names[-1]
    context = doc[max(0, name.start - MAX_NAME_TO_VERB) : verb.i]
    return Attribution(
        name.text, actor_table().organisation(context.text) or actor_table().organisation(name.text)
    )


def _subject_phrase(subject: Token) -> Span:
    """The subject with its modifiers, without trailing appositions and relative clauses."""
    cut = {"appos", "relcl", "acl", "punct"}
    right = subject.i
    for child in subject.rights:
        if child.dep_ in cut:
            break
        right = child.right_edge.i
    return subject.doc[subject.left_edge.i : right + 1]


def _without_article(phrase: Span) -> Span:
    """ "the UN" -> "UN": an article before a name is not part of the name."""
    if len(phrase) > 1 and phrase[0].dep_ == "det":
        rest = phrase[1:]
        if any(e.start == rest.start and e.end == rest.end for e in entities_of(phrase.doc)):
            return rest
    return phrase


def _named_entity(subject: Token, phrase: Span) -> Span | None:
    """A person named in the subject or its apposition wins over a long description."""
    candidates = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    for token in candidates:
        for ent in entities_of(token.doc):
            if ent.start <= token.i < ent.end and ent.label_ == "PERSON":
                return ent
    for ent in entities_in(phrase):
        if ent.label_ in {"ORG", "PERSON"} and ent.end - ent.start >= len(phrase) - 2:
            return ent
    return None


def _clean(text: str) -> str:
    text = _SO_CALLED.sub("", text.strip(" ,\"“”‘’'"))
    return text.strip(" ,\"“”‘’'")


def attribute(
    sentence: Span, token: Token, memory: SourceMemory, *, headline: bool
) -> Attribution | None:
    """Attribution for the claim whose number is ``token`` in ``sentence``."""
    owned = _possessor(token) or (_possessor(token.head) if token.dep_ == "nummod" else None)
    if owned is not None:
        return owned
    for finder in (_quote_speaker, _according_to, _reporting_verb, _report_noun):
        found = finder(sentence, token, memory)
        if found is not None:
            return found
    if headline:
        return _headline_speaker(sentence, token)
    return _colon_speaker(sentence, token)


def _colon_speaker(sentence: Span, token: Token) -> Attribution | None:
    """A wire headline repeated in the body: "Bombs kill 13 fighters: monitor." """
    trailing = _HEADLINE_TRAILING_SPEAKER.search(sentence.text.strip())
    if trailing and trailing.group(0).lstrip().startswith(":"):
        return _trailing_attribution(sentence, token, trailing)
    return None


def _trailing_attribution(
    sentence: Span, token: Token, trailing: re.Match[str]
) -> Attribution | None:
    if trailing.start() <= token.idx - sentence.start_char:
        return None
    words = trailing.group("who").split()
    if len(words) > 1 and is_place_name(words[0]):
        words = words[1:]  # "Raqqa monitor": the place is not part of the source
    who = " ".join(words)
    return Attribution(who, actor_table().organisation(who))


def _headline_speaker(sentence: Span, token: Token) -> Attribution | None:
    """ "Russian MoD: 50,000 evacuated" and "Bombs kill 13 fighters: monitor"."""
    text = sentence.text.strip()
    match = _HEADLINE_SPEAKER.match(text)
    if match and match.end("who") <= token.idx - sentence.start_char:
        who = match.group("who").strip()
        organisation = actor_table().organisation(who)
        if organisation is not None or _names_an_actor(sentence, len(who)):
            return Attribution(who, organisation)
    trailing = _HEADLINE_TRAILING_SPEAKER.search(text)
    return _trailing_attribution(sentence, token, trailing) if trailing else None


def _names_an_actor(sentence: Span, length: int) -> bool:
    """Whether the first ``length`` characters are a person or organisation's name."""
    return any(
        e.label_ in {"PERSON", "ORG"} and e.start_char - sentence.start_char < length
        for e in entities_in(sentence)
    )


def _possessor(token: Token) -> Attribution | None:
    """ "the mayor's 15,000": the possessor of a figure is its source."""
    for owner in (c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"):
        phrase = owner.doc[owner.left_edge.i : owner.i + 1]
        source = _clean(phrase.text)
        return Attribution(source, actor_table().organisation(source))
    return None


def _quote_speaker(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    doc = sentence.doc
    for match in _QUOTE.finditer(doc_text(doc)):
        if (
            match.end() - match.start() < MIN_SPEECH_CHARS
            or not match.start() <= token.idx < match.end()
        ):
            continue
        for verb in _reporting_tokens(doc[:]):
            after = 0 <= verb.idx - match.end() <= SPEAKER_AFTER_QUOTE
            before = 0 <= match.start() - verb.idx <= SPEAKER_BEFORE_QUOTE
            if after or before:
                return speaker_of(verb, memory)
        return memory.last
    return None


def _according_to(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    if "ccording to" not in sentence.text:
        return None
    for word in sentence:
        if word.lower_ == "according" and word.i + 1 < sentence.end and word.nbor().lower_ == "to":
            objects = [c for c in word.nbor().children if c.dep_ == "pobj"]
            if objects:
                phrase = _without_article(_subject_phrase(objects[0]))
                if objects[0].lemma_.lower() in _GENERIC_SOURCES and not any(
                    t.pos_ == "PROPN" for t in phrase
                ):
                    return None
                source = _clean(phrase.text)
                organisation = actor_table().organisation(source)
                if organisation is None and _is_description(phrase):
                    earlier = memory.by_head.get(objects[0].lower_) or memory.last
                    organisation = earlier.source_org if earlier else None
                return Attribution(source, organisation)
    return None


def _reporting_tokens(span: Span) -> list[Token]:
    """Verbs of saying in ``span`` (found once per document, then filtered)."""
    doc = span.doc
    found: list[Token] | None = doc.user_data.get("keeptabs.reporting")
    if found is None:
        found = [t for t in doc if t.pos_ == "VERB" and _reports(t)]
        doc.user_data["keeptabs.reporting"] = found
    return [t for t in found if span.start <= t.i < span.end]


def _reports(verb: Token) -> bool:
    """A verb of saying, or one that gives a figure: "put the death toll at 58"."""
    vocab = action_vocab()
    lemma = verb.lemma_.lower()
    if lemma in vocab.reporting:
        return _says_something(verb)
    if lemma in vocab.figure_verbs:
        objects = (c.lemma_.lower() for c in verb.children if c.dep_ == "dobj")
        return any(obj in vocab.figure_nouns for obj in objects)
    return False


def _says_something(verb: Token) -> bool:
    """A verb of saying used as one: not passive ("were reported", "claimed by Daesh")
    and not "claim" with an object ("claimed the lives of", "claimed responsibility")."""
    if verb.dep_ in {"acl", "amod"} or any(c.dep_ in {"auxpass", "agent"} for c in verb.children):
        return False
    return not (verb.lemma_.lower() == "claim" and any(c.dep_ == "dobj" for c in verb.children))


def _reporting_verb(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    ancestors = {t.i for t in token.ancestors}
    verbs = [v for v in _reporting_tokens(sentence) if _governs(v, token, ancestors)]
    verbs.sort(key=lambda verb: (verb.i not in ancestors, abs(verb.i - token.i)))
    for verb in verbs:
        found = speaker_of(verb, memory, token)
        if found is not None:
            return found
    return None


def _governs(verb: Token, token: Token, ancestors: set[int]) -> bool:
    """A verb of saying covers the claim if it governs it, or frames the whole sentence
    ("..., X said") without being a condition ("if MSM claims are correct")."""
    if verb.i in ancestors:
        return True
    if any(t.i == verb.i for t in token.subtree):
        return False
    conditional = any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children)
    framing = verb.dep_ in {"ROOT", "parataxis", "conj"} or (
        verb.i > token.i and verb.dep_ != "advcl"
    )
    return framing and not conditional


def _report_noun(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in _REPORT_NOUNS:
            owners = [c for c in ancestor.children if c.dep_ in {"poss", "compound"}]
            if owners:
                phrase = sentence.doc[ancestor.left_edge.i : ancestor.i + 1]
                source = _clean(phrase.text)
                return Attribution(source, actor_table().organisation(source))
    return None


def remember_sources(sentence: Span, memory: SourceMemory) -> None:
    """Note every named speaker in ``sentence`` for later pronouns and descriptions."""
    for verb in _reporting_tokens(sentence):
        found = speaker_of(verb, memory)
        if found is not None:
            memory.remember(found)
