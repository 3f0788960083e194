"""Who the text says made a claim: attribution cues, quotes, pronouns and the actor table.

A claim is attributed, in order of strength, to the speaker of the quotation it sits
in; to "according to X"; to the subject of a verb of saying that governs it or shares
its sentence; to "X's comments that"; to "X:" opening a headline.  Pronouns ("he",
"it") and bare descriptions ("the statement") take the last source named before them.
An outlet speaking in its own voice gives no source: a figure in a phrase or clause
that frames the verb of saying ("Despite the killing of 100000, the US said ...") is
not what was said, nor is what a video shows.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from keeptabs.extract.doctext import (
    doc_text,
    entities_in,
    entities_of,
    entity_label,
    proper_name,
    span_text,
)
from keeptabs.extract.entities import WEEKDAYS
from keeptabs.extract.gazetteer import is_place_name, possessive_place
from keeptabs.extract.headline_speakers import (
    WIRE_DATELINE,
    colon_speaker,
    dashed_speaker,
    headline_speaker,
    trailing_speaker,
)
from keeptabs.extract.place_words import BACK_NOUNS
from keeptabs.extract.reporting import (
    GENERIC_SOURCES,
    REPORT_NOUNS,
    holds_number,
    passive_agent,
    reporting_tokens,
    reports,
)
from keeptabs.extract.speakers import (
    PRONOUNS,
    Attribution,
    SourceMemory,
    clean,
    is_description,
    org_of,
    organisation,
    without_article,
)
from keeptabs.extract.vocab import action_vocab, actor_table, counted_vocab, speaker_vocab

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_DEPS = frozenset({"nsubj"})  # a passive "is reported" names no speaker
_CONDITIONAL_MARKS = frozenset({"if", "whether", "unless"})
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# Verbs by which a speaker passes on reports it has gathered: "MSF has received reports of".
_TALLY_VERBS = frozenset({"count", "document", "record", "tally", "register", "verify"})
_GATHERING_VERBS = frozenset({"receive", "document", "record", "collect", "compile", "gather"})
# Words that keep to a speaker's noun phrase when the parse gives the verb no subject.
_PHRASE_MODIFIERS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "punct", "cc"})
# A quotation long enough to be speech, not a scare-quoted word ('helped', "rebels").
MIN_SPEECH_CHARS = 30
_DAY_WORDS = frozenset({*WEEKDAYS.lower().split("|"), "today", "yesterday", "tonight"})
_QUOTE_MARKS = ('"', "“", "”")
MAX_SOURCE_WORDS = 10  # longer subjects of "said" are misparsed clauses, not sources
MAX_NAME_TO_VERB = 4  # tokens between a name and its verb: ", also said"
MAX_PHRASE_BEFORE = 8  # words of a subjectless speaker phrase: "SANA reporter in Aleppo"
# How far after a closing quote (or before an opening one) the "X said" may stand.
SPEAKER_AFTER_QUOTE = 120
SPEAKER_BEFORE_QUOTE = 40
_QUOTE = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)", re.MULTILINE)
_RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
# Verbs that hand their subject to a verb of saying after them: "went on to say".
_ASPECT_VERBS = frozenset({"go", "continue", "proceed", "begin", "start", "return"})
_ARTICLES = frozenset({"the", "a", "an"})


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


def _name_after(verb: Token) -> Token | None:
    """ "killed 1102 people said the Observatory": text without commas leaves a speaker
    after its verb unparsed; a name there speaks unless a verb of its own follows it
    ("said the army killed 5": the subject of what is said)."""
    doc = verb.doc
    index = verb.i + 1
    while index < len(doc) and doc[index].pos_ in {"DET", "ADJ"}:
        index += 1
    if index >= len(doc):
        return None
    name = next((e for e in entities_of(doc) if e.start <= index < e.end), None)
    if name is None or name.label_ not in {"ORG", "PERSON"}:
        return None
    after = doc[name.end] if name.end < len(doc) else None
    if after is not None and after.tag_ in _FINITE_TAGS:
        return None
    return doc[name.end - 1]


def _name_right_before(verb: Token) -> Span | None:
    """The person or organisation named just before ``verb`` (and its auxiliaries)."""
    start = verb.i
    while start > 0 and verb.doc[start - 1].dep_ in {"aux", "neg"}:
        start -= 1
    return next(
        (e for e in entities_of(verb.doc) if e.end == start and e.label_ in {"ORG", "PERSON"}),
        None,
    )


def speaker_of(verb: Token, memory: SourceMemory, claim: Token | None = None) -> Attribution | None:
    """The subject of a verb of saying, as named, with its organisation."""
    subject = _subject_of(verb)
    if subject is not None and claim is not None and claim in subject.subtree:
        subject = None  # "15,000 evacuated, says mayor": the claim is no speaker
    if subject is None and verb.lemma_.lower() == "quote":
        # "Iranian officials were quoted by AP as saying": who is quoted says it
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None:
        subject = passive_agent(verb)  # "three deaths were reported by the rescuers"
    if subject is None and verb.dep_ == "acl" and _can_speak(verb.head):
        # "The coalition reported earlier it had conducted nine airstrikes": the parser
        # reads the verb as a reduced relative on its own subject
        subject = verb.head
    if subject is None and _infinitive_of(verb):
        subject = _subject_of(verb.head)  # "The ministry went on to say that ..."
    handed_on = any(c.dep_ == "dobj" for c in verb.children)  # "citing a source that"
    if subject is None and verb.tag_ == "VBG" and not handed_on and verb.head.i != verb.i:
        head = verb.head
        if reports(head):
            # "X told The New Arab, adding that dozens ...": the speaker of the verb it follows
            found = speaker_of(head, memory)
            if found is not None:
                return found
        elif verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_ == "quote":
            quoted = _quoted_as_saying(head.head, memory)
            if quoted is not None:
                return quoted
        elif verb.dep_ == "pcomp" and head.head.pos_ in {"VERB", "AUX"}:
            # "Russia called for a meeting after claiming 60 were killed": its subject says it
            head = head.head
            shared = _subject_of(head)
            if shared is not None and shared.pos_ in {"PROPN", "NOUN"}:
                return _subject_attribution(shared, head, memory)
    if subject is None and verb.lemma_.lower() in action_vocab().figure_verbs:
        head = verb.head  # "WHO said in a statement, putting the death toll at 70"
        return speaker_of(head, memory) if head.i != verb.i and reports(head) else None
    if subject is None:
        subject = _quoted_speaker(verb)
    if subject is None and verb.lemma_.lower() != "tell":  # "told AFP" names the listener
        subject = _inverted_subject(verb) or _name_after(verb)
    if subject is not None and holds_number(subject):
        # "6 others injured on Thursday SANA reported", "killed 1102 people said the
        # Observatory": without commas a counted group is parsed as the speaker
        named = _name_right_before(verb) if subject.i < verb.i else None
        if named is not None and not named.start <= subject.i < named.end:
            subject = named[-1]
        else:
            subject = _name_after(verb) or subject
    if subject is None:
        return _entity_before(verb) or _phrase_before(verb, claim)
    if subject.lower_ in _RELATIVE_PRONOUNS and not subject.text.isupper():  # not "WHO"
        # "The monitor which earlier gave a toll of 20": the monitor; a pronoun alone
        # names no one
        antecedent = verb.head if verb.dep_ == "relcl" else None
        if antecedent is None or not _can_speak(antecedent):
            return None
        subject = antecedent
    if subject.lower_ in PRONOUNS:
        return _embedding_speaker(verb, memory) or memory.last
    return _subject_attribution(subject, verb, memory)


def _quoted_as_saying(quote: Token, memory: SourceMemory) -> Attribution | None:
    """ "SANA quoted a police source as saying 14 were killed": the one quoted says it,
    for the organisation that quotes them when they name none of their own."""
    subject = _subject_of(quote)
    quoting = None
    if subject is not None and subject.pos_ in {"PROPN", "NOUN"}:
        quoting = _subject_attribution(subject, quote, memory)
    quoted = next((c for c in quote.children if c.dep_ == "dobj"), None)
    if quoted is None or quoted.pos_ == "PRON":
        return quoting  # "SANA quoted him as saying": who "him" is, SANA knows
    found = _subject_attribution(quoted, quote, memory)
    if found is None or found.source_org is not None:
        return found or quoting
    return Attribution(found.source, quoting.source_org if quoting else None)


def _can_speak(noun: Token) -> bool:
    """Whether ``noun`` names a speaker: a name, an actor, or a noun such as "ministry"."""
    return (
        noun.pos_ == "PROPN"
        or noun.lower_ in speaker_vocab().nouns
        or org_of(noun.text) is not None
    )


def _subject_attribution(subject: Token, verb: Token, memory: SourceMemory) -> Attribution | None:
    """The speaker that ``subject`` (of ``verb``) names, with its organisation."""
    phrase = _subject_phrase(subject)
    named = _named_entity(subject, phrase)
    if named is None and len(phrase) > MAX_SOURCE_WORDS:
        if subject.pos_ == "PROPN" and any(c.dep_ == "appos" for c in subject.children):
            # "Manal, a 28-year-old teacher living in Midan, said": the name, described
            name = proper_name(subject)
            return Attribution(clean(name.text), organisation(subject, name, None, memory))
        return _entity_before(verb)  # a misparsed clause as subject: the name by the verb
    source = clean(named.text if named is not None else without_article(phrase).text)
    return Attribution(source, organisation(subject, phrase, named, memory))


def _infinitive_of(verb: Token) -> bool:
    """ "continued to say", "went on to say": a verb of saying its head's subject says."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    aspect = verb.head.lemma_.lower() in _ASPECT_VERBS  # not "opened an inquiry to determine"
    return verb.dep_ in {"xcomp", "advcl"} and to and aspect


def _subject_of(verb: Token) -> Token | None:
    """The verb's subject.  Of two (a misparse), the first when "and" joins them ("an
    inquiry by the UN and the watchdog"), else the one nearer the verb."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if len(subjects) < 2:
        return subjects[0] if subjects else None
    doc = verb.doc
    first, last = subjects[0], subjects[-1]
    if any(t.dep_ == "cc" for t in doc[first.i : last.left_edge.i]):
        return first
    if _described_name(first, last):
        return first  # "The Syrian Civil Defence a group of first responders said"
    return min(subjects, key=lambda s: abs(verb.i - s.i))


def _described_name(name: Token, description: Token) -> bool:
    """A name right before a description of it, the comma between them lost: "The
    Syrian Civil Defence a group of first responders"."""
    opener = description.doc[description.left_edge.i]
    return (
        name.pos_ == "PROPN"
        and description.pos_ == "NOUN"
        and name.right_edge.i + 1 == opener.i
        and opener.lower_ in {"a", "an", "the"}
    )


def _quoted_speaker(verb: Token) -> Token | None:
    """ "X was quoted as saying", "it quoted X as saying": X is the speaker."""
    marker = verb.head
    if verb.lemma_.lower() != "say" or marker.lower_ != "as":
        return None
    quoting = marker.head
    if quoting.lemma_.lower() != "quote":
        return None
    deps = ("dobj", "nsubjpass")
    return next((c for dep in deps for c in quoting.children if c.dep_ == dep), None)


def _embedding_speaker(verb: Token, memory: SourceMemory) -> Attribution | None:
    """ "X reported the transfer, which it said includes 800": a pronoun speaker inside
    another clause is the named subject of the clause that holds it."""
    for ancestor in verb.ancestors:
        subject = _subject_of(ancestor)
        if subject is None:
            continue
        if subject.lower_ in PRONOUNS or subject.pos_ not in {"NOUN", "PROPN"}:
            return None
        if subject.pos_ == "PROPN" or org_of(subject.text) is not None:
            return _subject_attribution(subject, ancestor, memory)
        return None
    return None


def _phrase_before(verb: Token, claim: Token | None) -> Attribution | None:
    """A verb of saying the parse left without a subject ("SANA reporter in Aleppo said",
    "local residents have reported"): the noun phrase just before it is the speaker."""
    doc = verb.doc
    end = verb.i - 1
    while end >= 0 and doc[end].head.i == verb.i and doc[end].dep_ in {"aux", "neg", "advmod"}:
        end -= 1
    if end < 0:
        return None
    last = doc[end]
    if last.text.isupper() and len(last.text) > 1 and org_of(last.text) is not None:
        return Attribution(last.text, org_of(last.text))  # "IS said", parsed as a passive
    head = _phrase_head(last)
    if head is None:
        return None
    start = head.i
    while start > 0 and _modifies(doc[start - 1], start, end):
        start -= 1
    start = _after_run_in_place(head, start)  # "killed 80 in Hama rights groups said"
    phrase = doc[start : end + 1]
    if len(phrase) > MAX_PHRASE_BEFORE or (claim is not None and start <= claim.i <= end):
        return None
    source = clean(without_article(phrase).text)
    return Attribution(source, org_of(source))


def _phrase_head(last: Token) -> Token | None:
    """The noun that heads a phrase ending at ``last`` ("reporter" of "reporter in Aleppo")."""
    head = last
    if head.dep_ == "conj" and head.head.i < head.i:  # "state media and activists"
        head = head.head
    if (
        head.dep_ == "pobj"
        and head.pos_ == "PROPN"
        and head.head.dep_ == "prep"
        and head.head.head.i < head.i
        and head.head.head.pos_ in {"NOUN", "PROPN"}
    ):
        head = head.head.head  # "reporter in Aleppo"
    if head.pos_ not in {"NOUN", "PROPN"} or entity_label(head) in {"DATE", "TIME", "GPE"}:
        return None
    return head


def _modifies(token: Token, start: int, end: int) -> bool:
    """Whether ``token`` (just before ``start``) belongs to the phrase ``start..end``."""
    return (
        token.dep_ in _PHRASE_MODIFIERS
        and start <= token.head.i <= end
        and entity_label(token) not in {"DATE", "TIME"}
        and (token.dep_ != "punct" or token.text == "-")
        # "the city of Aleppo Syrian activists said": the place ends a phrase of its own
        and not (entity_label(token) == "GPE" and entity_label(token.doc[start]) == "NORP")
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
    if name.start > 0 and doc[name.start - 1].text == "(":
        # "the Syrian Network for Human Rights (SNHR) said": the name its acronym stands for
        spelled = [e for e in names if e.end == name.start - 1]
        name = spelled[-1] if spelled else name
    after_preposition = name.start > 0 and doc[name.start - 1].pos_ == "ADP"
    if len(name) > 2 and after_preposition and is_place_name(name[0].text):
        rest = doc[name.start + 1 : name.end]
        if is_place_name(rest[0].text) or actor_table().is_actor(rest.text):
            name = rest  # "of Aleppo Syria Live Network reported"; not "Aleppo Media Center"
    if any(t.lower_ in _ARTICLES for t in doc[name.end : verb.i]):
        return None  # "in the area of Mayadeen the ministry said": a phrase of its own
    between = doc[name.end : verb.i]
    if org_of(name.text) is None and any(t.pos_ == "NOUN" for t in between):
        return None  # "near the town of Al Tabqah local media reported": the phrase before
    context = doc[max(0, name.start - MAX_NAME_TO_VERB) : verb.i]
    return Attribution(name.text, org_of(context.text) or org_of(name.text))


_CLAUSE_PREPOSITIONS = frozenset({"with", "amid", "as", "despite", "after", "before", "while"})


def _subject_phrase(subject: Token) -> Span:
    """The subject with its modifiers, without trailing appositions and relative clauses."""
    cut = {"appos", "relcl", "acl", "punct"}
    right = subject.i
    for child in subject.rights:
        if child.dep_ in cut or (child.dep_ == "prep" and child.lower_ in _CLAUSE_PREPOSITIONS):
            break  # "the Observatory with the death toll expected to rise": not its name
        right = child.right_edge.i
    # ... nor a relative clause lower down ("the head of the Britain-based group that
    # relies on a network of sources")
    inner = next((t for t in subject.doc[subject.i + 1 : right + 1] if t.dep_ == "relcl"), None)
    if inner is not None:
        right = inner.left_edge.i - 1
    left = subject.left_edge.i
    while left < subject.i and subject.doc[left].lower_ in _DAY_WORDS:
        left += 1  # "hit the station on Monday state media said": the day is no part of it
    left = _after_run_in_place(subject, left)
    return subject.doc[left : right + 1]


_PLACE_BACK_WORDS = BACK_NOUNS | {"area"}  # "in the town residents said"


def _after_run_in_place(subject: Token, left: int) -> int:
    """Where the speaker starts after a place the lost comma ran into it, the object of a
    preposition before it: "killed 80 people in Hama rights groups said", "... in the
    town residents said"."""
    doc = subject.doc
    if left == 0 or doc[left - 1].pos_ != "ADP" or not subject.text.islower():
        return left
    the_town = left + 1 < subject.i and doc[left + 1].lower_ in _PLACE_BACK_WORDS
    if doc[left].lower_ == "the" and the_town:
        return left + 2
    start = left
    while start < subject.i:  # "near Deir ez-Zor and Raqqa local media said": every place
        ends = range(subject.i, start, -1)
        end = next((e for e in ends if is_place_name(doc[start:e].text)), None)
        if end is None:
            break
        left = end
        start = end + 1 if doc[end].lower_ in {"and", ","} else subject.i
    return left


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


def attribute(
    sentence: Span, token: Token, memory: SourceMemory, *, headline: bool
) -> Attribution | None:
    """Attribution for the claim whose number is ``token`` in ``sentence``."""
    owned = _possessor(token) or (_possessor(token.head) if token.dep_ == "nummod" else None)
    if owned is not None:
        return owned
    dateline = None if headline else WIRE_DATELINE.search(span_text(sentence))
    if headline or dateline is not None:
        # "... kill 8 IS group militants Report": the wire style, before any parse, in a
        # headline or its repeat in the body before the wire's dateline ("... Monitoring
        # group Reuters Tuesday 6 May 2014 About 30 ...")
        repeat: Span | None = sentence
        if dateline is not None:
            end = sentence.start_char + dateline.start()
            repeat = sentence.doc.char_span(sentence.start_char, end, alignment_mode="contract")
        found = (
            trailing_speaker(repeat, token) if repeat is not None and token.i < repeat.end else None
        )
        if found is not None:
            return found
    dashed = dashed_speaker(sentence, token)  # "... Leave 31 Civilians Dead - Reports"
    if dashed is not None:
        return dashed
    if not any(mark in span_text(sentence) for mark in _QUOTE_MARKS):
        # "... were wounded according to the medical source": a sentence with no quotation
        # mark of its own names its source before any quotation the marks around it imply
        found = _according_to(sentence, token, memory)
        if found is not None:
            return found
    for finder in (
        _quote_speaker,
        _according_to,
        _verb_read_as_noun,
        _reporting_verb,
        _closing_report,
        _tallied_by,
        _report_noun,
    ):
        found = finder(sentence, token, memory)
        if found is not None:
            return found
    if headline:
        return headline_speaker(sentence, token)
    return colon_speaker(sentence, token)


_CLOSING_REPORT = re.compile(
    # "... sources told The New Arab", "... told AFP": the listener named after the verb
    r"\s(?:reports|reported|says|said|told(?:\s+(?:The\s+)?[A-Z][\w.]*){1,3}(?=\W*$))"
    # "... SANA state news agency reported on Friday"
    r"(?:\s+(?:on\s+)?(?:[A-Z][a-z]+day|today|yesterday)(?:\s+(?:morning|afternoon|evening))?)?"
    r"\W*$"
)
MAX_CLOSING_SPEAKER = 6  # words before the closing verb read for the speaker


def _closing_report(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    """ "... and 21 others in al-Sinaah FNA reports", "... near the city of Deir al-Zor
    Syrias SANA state news agency reported on Friday": a known organisation closing the
    sentence with its verb of saying, which the parser hung elsewhere or read as a noun."""
    text = span_text(sentence)
    found = _CLOSING_REPORT.search(text)
    after_number = token.idx + len(token) - sentence.start_char
    if found is None or found.start() <= after_number:
        return None  # none, or the figure is in the speaker's phrase
    words = text[after_number : found.start()].split()[-MAX_CLOSING_SPEAKER:]
    table = actor_table()
    first = next((i for i, word in enumerate(words) if table.is_actor(word)), None)
    if first is None:
        return _closing_generic_speaker(words)
    if first > 0 and possessive_place(words[first - 1]) is not None:
        first -= 1  # "Syrias SANA"
    name = " ".join(words[first:])
    organisation = org_of(name)
    return Attribution(name, organisation) if organisation is not None else None


MAX_GENERIC_SPEAKER = 3  # words of "civil defence sources", "local media"


def _closing_generic_speaker(words: list[str]) -> Attribution | None:
    """ "... while seven other people were injured local media reported": a speaker noun
    with its lower-case modifiers right before the closing verb."""
    if not words or words[-1].lower() not in speaker_vocab().nouns or not words[-1].islower():
        return None
    run = [words[-1]]
    for word in reversed(words[:-1][-(MAX_GENERIC_SPEAKER - 1) :]):
        ends_clause = word in _FUNCTION_WORDS or word in counted_vocab().casualty_words
        if not word.isalpha() or not word.islower() or ends_clause:
            break
        run.insert(0, word)
    name = " ".join(run)
    return Attribution(name, org_of(name))


# Words before a speaker noun that belong to the clause before it ("were injured media",
# and the casualty words: "killed media")
_FUNCTION_WORDS = frozenset("and or the a an in on at of to by from were was".split())


def _verb_read_as_noun(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    """ "a massacre that the opposition claims killed hundreds": the parser reads "claims"
    as a plural noun, the subject of the claim's verb; the words before it are the
    speaker."""
    verb = next((a for a in token.ancestors if a.pos_ == "VERB"), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if (
        subject is None
        or subject.tag_ != "NNS"
        or subject.lemma_.lower() not in action_vocab().reporting
        or subject.i != verb.i - 1
    ):
        return None
    words = [t for t in subject.lefts if t.dep_ in _PHRASE_MODIFIERS]
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in words):
        return None
    source = clean(sentence.doc[words[0].i : subject.i].text)
    return Attribution(source, org_of(source))


def _tallied_by(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    """ "Reporters Without Borders counted 66 journalists killed": who counted, documented
    or recorded a figure is its source."""
    for verb in token.ancestors:
        if verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() not in _TALLY_VERBS:
            return None  # only the nearest verb may tally the figure
        subject = _subject_of(verb)
        if subject is None or subject.lower_ in PRONOUNS or holds_number(subject):
            return None
        return _subject_attribution(subject, verb, memory)
    return None


def _possessor(token: Token) -> Attribution | None:
    """ "the mayor's 15,000": the possessor of a figure is its source."""
    for owner in (c for c in token.children if c.dep_ == "poss" and c.pos_ != "PRON"):
        phrase = owner.doc[owner.left_edge.i : owner.i + 1]
        source = clean(phrase.text)
        return Attribution(source, org_of(source))
    return None


def _quote_speaker(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    doc = sentence.doc
    for match in _QUOTE.finditer(doc_text(doc)):
        if (
            match.end() - match.start() < MIN_SPEECH_CHARS
            or not match.start() <= token.idx < match.end()
        ):
            continue
        for verb in reporting_tokens(doc[:]):
            after = 0 <= verb.idx - match.end() <= SPEAKER_AFTER_QUOTE
            before = 0 <= match.start() - verb.idx <= SPEAKER_BEFORE_QUOTE
            if after or before or _introduces(verb, match.start()):
                return speaker_of(verb, memory)
        return memory.last
    return None


def _introduces(verb: Token, quote_start: int) -> bool:
    """ "X told AFP that around 6am (0300 GMT) "...": a verb of saying whose own clause,
    in the same sentence, runs on into the quotation."""
    end = verb.doc[verb.right_edge.i]
    return verb.idx < quote_start <= end.idx and verb.sent.end_char >= quote_start


def _according_to(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    if "ccording to" not in span_text(sentence):
        return None
    for word in sentence:
        if word.lower_ == "according" and word.i + 1 < sentence.end and word.nbor().lower_ == "to":
            objects = [c for c in word.nbor().children if c.dep_ == "pobj"]
            if objects:
                phrase = without_article(_subject_phrase(objects[0]))
                if any(t.like_num for t in phrase):
                    # "according to the Observatory as well as three rescue workers": the
                    # named source before the figure; but "killing according to the latest
                    # toll 44 civilians" names none
                    named = _before_number(phrase)
                    if named is None:
                        return None
                    phrase = named
                if objects[0].lemma_.lower() in GENERIC_SOURCES and not any(
                    t.pos_ == "PROPN" for t in phrase
                ):
                    return None
                source = clean(phrase.text)
                organisation = org_of(source)
                if organisation is None and is_description(phrase):
                    earlier = memory.by_head.get(objects[0].lower_) or memory.last
                    organisation = earlier.source_org if earlier else None
                return Attribution(source, organisation)
    return None


_JOINING_WORDS = frozenset({"as", "well", "and", "plus", ","})


def _before_number(phrase: Span) -> Span | None:
    """The name that opens ``phrase`` before a figure joined to it, if it names one."""
    end = next(t.i for t in phrase if t.like_num)
    while end > phrase.start and phrase.doc[end - 1].lower_ in _JOINING_WORDS:
        end -= 1
    named = phrase.doc[phrase.start : end]
    if not named or named[-1].lemma_.lower() in counted_vocab().toll_nouns:
        return None  # "according to teh latest toll 44 civilians"
    return named if any(t.pos_ == "PROPN" for t in named) else None


def _reporting_verb(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    ancestors = {t.i for t in token.ancestors}
    verbs = [v for v in reporting_tokens(sentence) if _governs(v, token, ancestors)]
    # "..., a military source said, SANA reported": the parser hangs the inner speaker's
    # verb on the agency's; the speaker nearer the figure is the one who gave it
    relayed = {v.i for v in verbs if v.dep_ == "parataxis" and v.head.i in ancestors}
    verbs.sort(key=lambda verb: (verb.i not in ancestors | relayed, abs(verb.i - token.i)))
    for verb in verbs:
        if _cause_gives_the_figure(verb):
            continue  # "the bombardment raised the toll to 49": the one who says so speaks
        found = speaker_of(verb, memory, token)
        if found is not None:
            return found
    return None


def _cause_gives_the_figure(verb: Token) -> bool:
    """A verb that gives a toll ("raised the death toll to 49", "brought to 49 the number
    killed") whose subject is the event that caused it, which says nothing."""
    if verb.lemma_.lower() not in action_vocab().figure_verbs:
        return False
    subject = _subject_of(verb)
    events = action_vocab().attack_nouns | action_vocab().event_nouns
    return subject is not None and (subject.lemma_.lower() in events or subject.lower_ in events)


def _governs(verb: Token, token: Token, ancestors: set[int]) -> bool:
    """A verb of saying covers the claim if it governs it, or frames the whole sentence
    ("..., X said") without being a condition ("if MSM claims are correct").  It does not
    cover a figure before it when its own "that"-clause follows ("10 killed ... SANA
    reporter said that 6 ..."), nor one in a fronted adjunct ("Despite the killing of
    100000, the US had said ...")."""
    if any(c.dep_ == "nsubjpass" and token in c.subtree for c in verb.children):
        return True  # "three deaths were reported by the rescuers": what it reports
    if token.i < verb.i and any(
        c.dep_ == "ccomp" and c.i > verb.i and c.tag_ != "VBG"  # "..., adding that": more
        for c in verb.children
    ):
        return False
    if verb.i in ancestors:
        return not _in_fronted_adjunct(verb, token)
    if any(t.i == verb.i for t in token.subtree):
        return False
    if token.i > verb.i and any(c.lower_ == "what" for c in verb.children):
        return True  # "in what two groups claimed was an attack that killed dozens"
    if (
        verb.dep_ == "acl"
        and verb.head.dep_ == "nsubj"
        and verb.head.head.i in ancestors
        and _can_speak(verb.head)
    ):
        return True  # "The coalition reported earlier it had conducted nine airstrikes"
    conditional = any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children)
    framing = verb.dep_ in {"ROOT", "parataxis", "conj"} or (
        verb.i > token.i and (verb.dep_ != "advcl" or _trailing_report(verb))
    )
    return framing and not conditional


def _trailing_report(verb: Token) -> bool:
    """ "... 58 civilians the Observatory said on Sunday": with the comma lost the parser
    hangs a closing verb of saying on the clause as a bare adverbial, with no subject or
    conjunction of its own."""
    return not any(c.dep_ in {"nsubj", "mark", "advmod"} for c in verb.children)


def _in_fronted_adjunct(verb: Token, token: Token) -> bool:
    """Whether ``token`` sits in a phrase put before the verb's subject ("Despite the
    killing of 100000, the US said") or in a subordinate clause of the verb ("said days
    after a bombing killed 120"), not in what is said."""
    branch = next((t for t in [token, *token.ancestors] if t.head.i == verb.i), None)
    if branch is None or branch.i == verb.i:
        return False
    marks = [c for c in branch.children if c.dep_ == "mark" and c.lower_ != "that"]
    if branch.dep_ == "advcl" and marks:  # "..., days after a bombing killed 120"
        return True
    subject = _subject_of(verb)
    fronted = subject is not None and branch.i < subject.i
    return fronted and branch.dep_ in {"prep", "npadvmod"}


def _report_noun(sentence: Span, token: Token, memory: SourceMemory) -> Attribution | None:
    """ "the ministry's report of 15", "MSF has received reports of 71 attacks", "reports
    that 73 civilians were killed": the report, or whoever gathered it, is the source."""
    for ancestor in token.ancestors:
        if ancestor.pos_ == "NOUN" and ancestor.lemma_.lower() in REPORT_NOUNS:
            owners = [c for c in ancestor.children if _owns_report(c)]
            if owners:
                start = _name_split_by_of(ancestor).left_edge.i
                phrase = sentence.doc[start : ancestor.i + 1]
                source = clean(phrase.text)
                return Attribution(source, org_of(source))
            found = _unowned_report(ancestor, memory)
            if found is not None:
                return found
    return None


def _owns_report(token: Token) -> bool:
    """ "the ministry's report", "UN figures", "the Ministry of Health estimate" (a name
    the parser hangs on the noun as "nmod" when it holds "of"; not "the March 19 claim")."""
    if token.dep_ in {"poss", "compound"}:
        return True
    return token.dep_ == "nmod" and any(c.dep_ == "prep" for c in token.children)


def _name_split_by_of(noun: Token) -> Token:
    """ "Syrian Observatory of Human Rights claim of 4000", "the Syrian Network for Human
    Rights report of 35": the parser may end a name at its "of" or "for" and hang the
    rest on the report noun; the name then starts at the proper noun before it."""
    head = noun.head
    if (
        noun.dep_ == "pobj"
        and head.lower_ in {"of", "for"}
        and head.head.pos_ == "PROPN"
        and all(t.pos_ == "PROPN" for t in noun.lefts if t.dep_ == "compound")
    ):
        return head.head
    return noun


def _unowned_report(noun: Token, memory: SourceMemory) -> Attribution | None:
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lemma_.lower() in _GATHERING_VERBS:
        subject = _subject_of(verb)
        if subject is not None and subject.lower_ not in PRONOUNS:
            return _subject_attribution(subject, verb, memory)
    if noun.lower_ == "reports":
        return Attribution(noun.text, None)
    return None


def remember_sources(sentence: Span, memory: SourceMemory) -> None:
    """Note every named speaker in ``sentence`` for later pronouns and descriptions."""
    for verb in reporting_tokens(sentence):
        found = speaker_of(verb, memory)
        if found is not None:
            memory.remember(found)
