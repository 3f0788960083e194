"""Claims: each number phrase that counts something, with the frame around it.

Only windows that hold a claim-kind number are parsed with spaCy, in one batch;
every other stage works on their sentences.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from keeptabs.extract.asides import without_legal_asides
from keeptabs.extract.attribution import attribute, remember_sources
from keeptabs.extract.breakdowns import link_breakdowns
from keeptabs.extract.candidates import WEAK_ONE
from keeptabs.extract.casing import (
    is_title_case,
    proper_names,
    related_headlines,
    sentence_case,
)
from keeptabs.extract.casualties import (
    casualty_frame,
    headline_toll_verb,
    headline_verb_before,
    included_group,
    included_in_toll,
    passive_casualty_after,
    said_of_casualties,
)
from keeptabs.extract.counted_nouns import MAGNITUDE, after_hyphen, counted_noun
from keeptabs.extract.counts_by_place import counts_by_place
from keeptabs.extract.dates import resolve_period
from keeptabs.extract.doctext import doc_text, span_text, with_text
from keeptabs.extract.frame import (
    counts_a_population,
    governing_action,
    names_an_outcome,
    number_token,
    settled_action,
)
from keeptabs.extract.headline_speakers import bare_headline, story_start
from keeptabs.extract.nlp import load_nlp, verb_lemma
from keeptabs.extract.place_memory import PlaceMemory
from keeptabs.extract.place_words import PLACE_KIND_NOUNS
from keeptabs.extract.places import find_place
from keeptabs.extract.reporting import reports
from keeptabs.extract.speakers import (
    Attribution,
    SourceMemory,
    named_organisation,
    remember_named_speakers,
)
from keeptabs.extract.time import find_date_period, find_period
from keeptabs.extract.verb_actions import frame_vocab
from keeptabs.extract.vocab import action_vocab, counted_vocab, speaker_vocab
from keeptabs.extract.windows import Window, claim_windows
from keeptabs.types import Claim, Quantity, Segment

DEFAULT_COUNTED = "people"  # "75,000 liberated", "around 2.5 million": news counts people
# Words that open a subset of the figure just given: "including 2,934 children".
_SUBSET_CUE = re.compile(
    r"(?:\bincluding|\bamong (?:them|whom|those|which)|\bof (?:whom|them|which))"
    r"\s+(?:some\s+|about\s+|at least\s+)?$",
    re.IGNORECASE,
)
SUBSET_CUE_CHARS = 30  # how far before a figure its subset cue is looked for
# Between a figure with no noun and the next one in its coordination: "six and wounding".
_NEXT_CONJUNCT = re.compile(r"\s+and\s+(?:\w+ing\s+|\w+ed\s+)?(?:at least\s+|some\s+)?")
# ... or follow it: "adding that 234 of them were children".
_SUBSET_AFTER = re.compile(r"\s+(?:of|among)\s+(?:them|whom|those)\b", re.IGNORECASE)
# "Six civilians were among at least 22 people killed": the figure before is the part.
_WHOLE_CUE = re.compile(r"\bamong\s+(?:some\s+|about\s+|at least\s+)?$", re.IGNORECASE)
# Between two parts of one list: "162 residential blocks and 11 kilometers".
_LIST_JOIN = re.compile(r"^[^.;:()\d]{0,40}?(?:,|\band)\s*$")
MAX_LIST_GAP = 4  # tokens between two items of a comma-less list ("1733 children 969")
_LIST_ITEM_TAGS = frozenset({"NOUN", "PROPN", "ADJ", "DET", "CCONJ", "PUNCT"})
_PART_ACTIONS = frozenset({"include", "be"})  # a subset takes the action of its whole
_FRAME_FIELDS = (  # what a repeated headline takes from the headline
    *("counted", "action", "place", "period", "period_start", "period_end"),
    *("source", "source_org", "part_of"),
)
_COUNTABLE_KINDS = frozenset({"count", "vague", "range"})
# Plural nouns without a plural -s: "kills 25 people" names its noun, "kills 25 leader" not.
_PLURAL_NOUNS = frozenset({"people", "children", "men", "women", "police", "personnel", "crew"})


@dataclass(slots=True)
class _Context:
    """What the document has established so far: sources, and the places named."""

    doc_id: str
    published: str | None = None
    text: str = ""  # the document's own text (windows are parsed with headlines recased)
    sources: SourceMemory = field(default_factory=SourceMemory)
    places: PlaceMemory = field(default_factory=PlaceMemory)


# Windows parsed per batch (sorted by length, see _parse): batches of like-sized windows
# waste the least work on padding, and larger ones spread the parser's per-step cost.
PARSE_BATCH = 128


@dataclass(frozen=True, slots=True)
class ClaimInput:
    """One document's text and segments, and the id its claims carry."""

    text: str
    segments: Sequence[Segment]
    doc_id: str
    published: str | None = None  # ISO date the periods are resolved against


def extract_claims(
    text: str, segments: Sequence[Segment], *, doc_id: str, nlp: Language | None = None
) -> list[Claim]:
    """Every claim in ``text``; ``segments`` tile it (boilerplate is skipped)."""
    return extract_claims_many([ClaimInput(text, segments, doc_id)], nlp=nlp)[0]


def extract_claims_many(
    inputs: Sequence[ClaimInput], *, nlp: Language | None = None
) -> list[list[Claim]]:
    """Claims of several documents, their windows parsed together; one list per input."""
    plans = [(item, claim_windows(item.text, item.segments)) for item in inputs]
    window_texts = []
    for item, windows in plans:
        names: frozenset[str] | None = None  # read from the whole text, once, if needed
        for w in windows:
            text = item.text[w.start : w.end]
            recased: tuple[tuple[int, int], ...] = ()
            if is_title_case(text):
                names = proper_names(item.text) if names is None else names
                text = sentence_case(text, names)
                recased = ((0, len(text)),)
            elif "Related " in text:  # "Related Turkey Detains 49 Daesh Suspects in ..."
                names = proper_names(item.text) if names is None else names
                text, recased = related_headlines(text, names)
            window_texts.append(
                (
                    without_legal_asides(text),
                    tuple(s - w.start for s in w.starts),
                    tuple((low - w.start, high - w.start) for low, high in w.whole),
                    recased,
                )
            )
    docs = _parse(nlp or load_nlp(), window_texts)
    uses = Counter(map(id, docs))  # a repeated window's Doc serves each of its windows
    parsed = iter(docs)
    results = []
    for item, windows in plans:
        context = _Context(item.doc_id, item.published, item.text)
        claims: list[Claim] = []
        read_up_to = 0
        for window in windows:
            context.places.remember_text(item.text, read_up_to, window.start)
            remember_named_speakers(item.text, read_up_to, window.start, context.sources)
            read_up_to = window.end
            doc = next(parsed)
            for sentence in doc.sents:
                claims.extend(_sentence_claims(sentence, window, context, claims))
                remember_sources(sentence, context.sources)
                context.places.remember(sentence)
            # The per-Doc caches hold Spans of the Doc: a reference cycle that only the
            # garbage collector's full sweeps, slow on a large heap, would otherwise free.
            uses[id(doc)] -= 1
            if not uses[id(doc)]:
                doc.user_data.clear()
        claims = _repeats_as_headline(_headline_nouns(claims))
        results.append(link_breakdowns(_watchdog_named_in_body(claims), item.text))
    return results


# What wire headlines call the monitor whose figures the body gives ("... Aleppo NGO")
_WATCHDOG_WORDS = frozenset({"ngo", "monitoring group", "monitors", "rights group"})
_WATCHDOG = "Syrian Observatory for Human Rights"


def _watchdog_named_in_body(claims: list[Claim]) -> list[Claim]:
    """ "20 dead in Syria barrel bomb attack in Aleppo NGO": an unnamed "NGO" or
    "monitoring group" is the Observatory when the document names the Observatory."""
    if not any(claim.source_org == _WATCHDOG for claim in claims):
        return claims
    return [
        replace(claim, source_org=_WATCHDOG)
        if claim.source_org is None
        and claim.source is not None
        and re.sub(r"^(?:an?|the)\s+", "", claim.source.casefold()) in _WATCHDOG_WORDS
        else claim
        for claim in claims
    ]


def _headline_nouns(claims: list[Claim]) -> list[Claim]:
    """A headline figure takes the noun the body gives the same figure ("Strike kills 15"
    -> the body's "15 civilians were killed"): headlines drop the noun, and in Title Case
    the tagger misreads it.  The body's own repeat of the headline is a headline too."""
    headlines = [c.quote.casefold() for c in claims if c.section == "headline" and c.quote]
    if not headlines:
        return claims

    def in_headline(claim: Claim) -> bool:
        quote = claim.quote.casefold()
        return claim.section == "headline" or any(h in quote for h in headlines)

    told = [c for c in claims if not in_headline(c) and c.kind in _COUNTABLE_KINDS]
    named = []
    for claim in claims:
        if claim.value is not None and in_headline(claim) and _unnamed(claim):
            body = next(
                (
                    c
                    for c in told
                    if c.value == claim.value and (claim.action is None or c.action == claim.action)
                ),
                None,
            )
            if body is not None:
                claim = replace(claim, counted=body.counted, action=claim.action or body.action)
        named.append(claim)
    return named


def _repeats_as_headline(claims: list[Claim]) -> list[Claim]:
    """The headline repeated at the top of the body says what the headline says: its
    figures take the headline's frame (the repeat, cut from the lead, has no context of
    its own that the headline lacks)."""
    headline = {(_bare_quote(c.quote), c.number_text): c for c in claims if c.section == "headline"}
    if not headline:
        return claims
    framed = []
    for claim in claims:
        same = headline.get((_bare_quote(claim.quote), claim.number_text))
        if claim.section != "headline" and same is not None:
            claim = replace(
                claim,
                **{name: getattr(same, name) for name in _FRAME_FIELDS},
            )
        framed.append(claim)
    return framed


def _bare_quote(quote: str) -> str:
    """A quote compared with others: case, a closing full stop and the outlet's name or
    sections closing a headline do not matter."""
    return bare_headline(quote).casefold().rstrip(" .!?")


def _unnamed(claim: Claim) -> bool:
    """Whether a headline figure's noun is missing or misread: the default, a capitalised
    verb ("Airstrikes Kill 35"), a singular for a plural figure ("kills 25 leader")."""
    counted = claim.counted or DEFAULT_COUNTED
    plural = claim.value is None or claim.value != 1
    return counted == DEFAULT_COUNTED or (
        plural and not counted.endswith("s") and counted not in _PLURAL_NOUNS
    )


# Acronyms the tagger and parser read as words; the norm they see instead (the text and
# every later reading keep the acronym).
_ACRONYM_NORMS = {"IS": "isil"}
_NOT_A_START = 2**64 - 1  # SENT_START -1 as the uint64 array spaCy reads and writes

_ToParse = tuple[str, tuple[int, ...], tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]


def _parse(nlp: Language, texts: list[_ToParse]) -> list[Doc]:
    """``texts`` parsed, in order, each distinct text once (wire stories repeat whole
    paragraphs): the parser steps through a batch in lockstep, so windows of like length
    are batched together, then put back in order.  Each text comes with where its
    sentences start and the sentences that must stay whole."""
    distinct = sorted(set(texts), key=lambda item: len(item[0]))
    made = (_with_sentences(nlp.make_doc(item[0]), *item) for item in distinct)
    parsed = dict(zip(distinct, nlp.pipe(made, batch_size=PARSE_BATCH), strict=True))
    return [parsed[text] for text in texts]


def _with_sentences(
    doc: Doc,
    text: str,
    starts: tuple[int, ...],
    whole: tuple[tuple[int, int], ...],
    recased: tuple[tuple[int, int], ...],
) -> Doc:
    """``doc`` with the sentence starts the windows found set before parsing: the parser
    keeps them, and adds its own only within sentences not marked ``whole``."""
    with_text(doc, text, recased=recased)
    if any(acronym in text for acronym in _ACRONYM_NORMS):
        for token in doc[1:]:
            if token.text in _ACRONYM_NORMS and doc[token.i - 1].like_num:
                token.norm_ = _ACRONYM_NORMS[token.text]  # "10 IS militants": not the verb "is"
    wanted = set(starts)
    # Read and written as one array: no Token object is made for each word.
    flags = doc.to_array(SENT_START)  # uint64: -1 (no start) wraps round
    for index, idx in enumerate(doc.to_array(IDX).tolist()):
        if index == 0:
            continue
        if idx in wanted:
            flags[index] = 1
        elif text[idx].islower() or (whole and any(low < idx < high for low, high in whole)):
            flags[index] = _NOT_A_START  # no sentence starts in lower case
    doc.from_array([SENT_START], flags.reshape(-1, 1))  # type: ignore[arg-type]
    return doc


def _sentence_claims(
    sentence: Span, window: Window, context: _Context, earlier: list[Claim]
) -> Iterator[Claim]:
    made: list[Claim] = []
    elided: list[bool] = []
    for quantity in window.quantities:
        if not sentence.start_char <= quantity.start - window.start < sentence.end_char:
            continue
        local = _shift(quantity, -window.start)
        same_window = [c for c in earlier[-3:] if c.start >= window.start]
        framed = _frame_claim(sentence, local, window, context, made or same_window)
        if framed is None:
            continue  # "One man sat atop the rubble": a person in the story, no count
        claim, no_noun = framed
        made.append(claim)
        elided.append(no_noun)
    made = _nouns_named_later(sentence, window.start, made, elided)
    made = counts_by_place(context.text, made)  # "150 in Hammouriya 100 in Kfar Batna"
    yield from _link_parts(sentence, window.start, _share_with_list(sentence, window.start, made))


def _nouns_named_later(
    sentence: Span, offset: int, claims: list[Claim], elided: list[bool]
) -> list[Claim]:
    """ "killing six and wounding 32 people": a first figure with no noun of its own
    takes the noun of the next figure in the same coordination, not an earlier one."""
    named = list(claims)
    text = doc_text(sentence.doc)
    for index in range(len(named) - 1):
        claim, after = named[index], named[index + 1]
        if not elided[index] or elided[index + 1] or claim.kind not in _COUNTABLE_KINDS:
            continue
        between = text[claim.end - offset : after.start - offset]
        if _NEXT_CONJUNCT.fullmatch(between):
            named[index] = replace(claim, counted=after.counted)
    return named


def _share_with_list(sentence: Span, offset: int, claims: list[Claim]) -> list[Claim]:
    """What the end of a list says holds for the items before it: "left 40 dead and 70
    wounded on Friday" (the date; not the reverse: "66 killed in 2014 and 119
    kidnapped"), "three posts nine strongpoints and four depots were destroyed" (the verb,
    for items that have none)."""
    shared = list(claims)
    text = doc_text(sentence.doc)
    for index in range(len(shared) - 2, -1, -1):
        claim, after = shared[index], shared[index + 1]
        if not _in_one_list(sentence, claim.end - offset, after.start - offset):
            continue
        if claim.action is None and after.action is not None:
            claim = shared[index] = replace(claim, action=after.action)
        if claim.period or not after.period:
            continue
        if text.find(after.period, after.end - offset, sentence.end_char) == -1:
            continue  # the later item's period is not written after it
        shared[index] = replace(
            claim,
            period=after.period,
            period_start=after.period_start,
            period_end=after.period_end,
        )
    return shared


@dataclass(slots=True)
class _Frame:
    counted: str | None = None
    action: str | None = None
    place: str | None = None
    period: str | None = None
    individual: bool = False  # "One resident said ...": a person in the story, no count


def _read_frame(
    sentence: Span, quantity: Quantity, places: PlaceMemory, *, headline: bool = False
) -> tuple[_Frame, Token | None]:
    """Counted noun, action, place and period around the number, and the number's token."""
    text, offset = span_text(sentence), quantity.start - sentence.start_char
    # "... last month ... AFP Saturday 17 Aug 2013 Rebels attacked ...": a headline run in
    # before a wire dateline gives the figures after it no period
    story = story_start(text, offset)
    frame = _Frame(period=find_period(text[story:], offset - story))
    token = number_token(sentence, quantity)
    if token is None:
        return frame, None
    frame.counted, counted_token = counted_noun(token, quantity)
    if frame.counted is None and counts_a_population(token):
        frame.counted = "population"  # "a pre-war population of 1.5 million"
    frame.action, verb = governing_action(counted_token)
    frame.action = settled_action(token, counted_token, frame.action)
    if (
        frame.action in {"claim", None}
        and verb is not None
        and verb.lemma_.lower() == "claim"
        and _claimed_as_lost(counted_token, verb)
    ):
        frame.action = "kill"  # "dozens of militants were also claimed in al-Thayabiya"
    casualty = casualty_frame(token, frame.counted, frame.action)
    if casualty is not None:
        frame.counted, frame.action = casualty
    frame.action = _outcome_of_noun(frame.counted, frame.action)
    if headline:
        frame.action = headline_toll_verb(token) or frame.action or headline_verb_before(token)
    frame.action = passive_casualty_after(token) or frame.action  # "scores others were injured"
    if frame.action in {"include", "comprise"} and verb is not None:
        frame.action = included_in_toll(verb) or frame.action  # "Those killed included six"
        if frame.counted is None:  # "Breaches ... recorded included: 20 by Russian forces"
            frame.counted = included_group(verb)
    if frame.action == "be" and verb is not None:
        frame.action = said_of_casualties(verb) or frame.action  # "Of those killed six were"
    frame.individual = _one_person_acting(quantity, counted_token, verb, frame.action)
    if frame.action is None:
        frame.action = _reported_object(counted_token)  # "reported 26 airstrikes"
    if frame.action in {None, "be", "have"}:
        # "Out of 23 arrested pirates, 12 are ...", "we have 355 damaged shops": the
        # participle before the noun says what happened to them
        frame.action = _participle_before(token, counted_token) or frame.action
    root = verb if verb is not None else sentence.root
    clause = (
        sentence.doc[root.left_edge.i : root.right_edge.i + 1] if verb is not None else sentence
    )
    frame.place = find_place(
        sentence,
        clause,
        token.i,
        named=places,
        # names in a "since ..." period do not locate the figure ("since Syria's war
        # began"); "during the storming of the al-Sheitaat area" does
        skip=None if _spans_an_event(frame.period) else _period_chars(sentence, frame.period),
        headline=headline,
    )
    if frame.period is None or _TIME_OF_DAY.fullmatch(frame.period):
        # "On Friday 16 civilians were killed ... as worshippers left after prayers": the
        # day dates the event better than a time of day with no day of its own
        frame.period = find_date_period(sentence, root, token) or frame.period
    if frame.action in _DWELLING and not _period_in(clause, _period_chars(sentence, frame.period)):
        frame.period = None  # "... since 2013 ... the area where some 400000 people live"
    return frame, token


# A time of day alone: "after prayers", "shortly before dawn".
_TIME_OF_DAY = re.compile(
    r"(?:shortly\s+)?(?:after|before)\s+(?:midnight|dawn|dusk|daybreak|nightfall|noon|prayers)",
    re.IGNORECASE,
)

# Actions that say where a population lives: a period in another clause is not theirs.
_DWELLING = frozenset({"live", "reside"})


def _period_in(clause: Span, chars: tuple[int, int] | None) -> bool:
    return chars is not None and clause.start_char <= chars[0] < clause.end_char


def _is_speaker_noun(word: str) -> bool:
    """ "monitors", "sources", "media": a noun that names speakers, never the counted."""
    return word.removesuffix("s") in _SPEAKER_STEMS


_SPEAKER_STEMS = frozenset(noun.removesuffix("s") for noun in speaker_vocab().nouns)


def _reported_object(counted: Token) -> str | None:
    """ "The Observatory reported 26 airstrikes", "activists recorded 30 breaches": where
    no other verb says what happened, the verb of saying that takes the figure's noun
    as its object is the action."""
    head = counted.head
    if counted.dep_ != "dobj" or head.pos_ != "VERB" or counted.pos_ != "NOUN":
        return None  # "the charity counts about 9,000": the figure alone, of the story's
    lemma = head.lemma_.lower()
    return lemma if lemma in action_vocab().reporting and reports(head) else None


def _participle_before(number: Token, noun: Token) -> str | None:
    """The verb of a participle between a figure and its noun ("23 arrested pirates")."""
    if noun.i <= number.i:
        return None
    for word in noun.doc[number.i + 1 : noun.i]:
        if (
            word.dep_ == "amod"
            and word.head.i == noun.i
            and word.lower_.endswith("ed")
            and not after_hyphen(word)  # "so-called zones"
        ):
            found = verb_lemma(word.text)
            if found is not None:
                return found
    return None


def _one_person_acting(
    quantity: Quantity, counted: Token, verb: Token | None, action: str | None
) -> bool:
    """ "One man sat atop the rubble", "One resident said ...": "one" with a person as
    the subject of a verb of saying or of a scene (``scene_verbs`` in actions.json) is a
    person the story tells of; "one person was killed", "One child drowned" count."""
    if quantity.text.lower() not in WEAK_ONE or verb is None or counted.dep_ != "nsubj":
        return False
    if counted.head.i != verb.i or names_an_outcome(action):
        return False
    return reports(verb) or verb.lemma_.lower() in frame_vocab().scene_verbs


def _claimed_as_lost(counted: Token, verb: Token) -> bool:
    """ "33 militants claimed in Syria", "dozens were claimed": people a verb "claim"
    takes (the passive, or its participle on them) are lives claimed, not a statement."""
    passive = counted.dep_ == "nsubjpass" and counted.head.i == verb.i
    participle = verb.dep_ == "acl" and verb.head.i == counted.i and verb.tag_ == "VBN"
    # a headline's passive without its auxiliary, read as an active verb: "33 Militants
    # Claimed in Syria" (no object nor clause: "claim" says nothing without one)
    bare = (
        counted.dep_ == "nsubj"
        and counted.head.i == verb.i
        and verb.tag_ in {"VBN", "VBD"}
        and not any(c.dep_ in {"aux", "dobj", "ccomp", "xcomp", "attr"} for c in verb.children)
    )
    return passive or participle or bare


def _spans_an_event(period: str | None) -> bool:
    return bool(period) and str(period).lower().startswith("during ")


def _is_toll_noun(counted: str | None) -> bool:
    """ "deaths", "casualties": a count of events, which no later figure can count."""
    if counted is None:
        return False
    vocab = counted_vocab()
    word = counted.lower()
    return word in vocab.casualty_words or _singular(word) in vocab.toll_nouns


def _outcome_of_noun(counted: str | None, action: str | None) -> str | None:
    """ "claiming 6 martyrs and 20 injured": a noun that says what happened to those it
    counts ("martyrs" were killed) overrules another outcome the parser hung it from, or
    a verb that leaves them so ("leaving 50 martyrs")."""
    resulting = action in frame_vocab().resultative_verbs  # "leaving 50 martyrs"
    if counted is None or not (names_an_outcome(action) or resulting):
        return action
    own = counted_vocab().toll_nouns.get(_singular(counted.lower()))
    return own if own is not None and " or " not in own else action


def _is_place_kind(counted: str | None) -> bool:
    """ "towns", "villages", "sites": places counted, never people."""
    if counted is None:
        return False
    word = counted.split()[-1].lower()
    return word in PLACE_KIND_NOUNS or _singular(word) in PLACE_KIND_NOUNS


def _singular(word: str) -> str:
    """ "casualties" -> "casualty", "towns" -> "town": enough for the nouns looked up."""
    return word.removesuffix("ies") + "y" if word.endswith("ies") else word.removesuffix("s")


def _period_chars(sentence: Span, period: str | None) -> tuple[int, int] | None:
    """Where a period found in the sentence's text is, in the parsed text's offsets."""
    if not period:
        return None
    found = span_text(sentence).find(period)
    if found == -1:
        return None
    start = sentence.start_char + found
    return start, start + len(period)


def _frame_claim(
    sentence: Span,
    quantity: Quantity,
    window: Window,
    context: _Context,
    before: Sequence[Claim],
) -> tuple[Claim, bool] | None:
    """The claim, and whether its counted noun was elided (taken from an earlier one);
    ``None`` for one person the story tells of, who counts nothing."""
    headline = window.segment.kind == "headline"
    frame, token = _read_frame(sentence, quantity, context.places, headline=headline)
    if frame.individual:
        return None
    elided = frame.counted is None
    if frame.counted is None:
        # "killed 16 civilians including a child and wounded 22": the whole's noun, not
        # the part's
        countable = [
            c
            for c in before
            if c.kind in _COUNTABLE_KINDS
            and not _SUBSET_CUE.search(context.text, max(0, c.start - SUBSET_CUE_CHARS), c.start)
            and not _SUBSET_AFTER.match(context.text, c.end)  # "one of them a child"
            and not _is_toll_noun(c.counted)  # "hundreds of deaths ... killed dozens": people
            and c.counted != MAGNITUDE  # "a 5.6 magnitude quake ... injuring 5": people
            and not (names_an_outcome(frame.action) and _is_place_kind(c.counted))
            # "3 new towns joined ... a toll of 31 killed": towns are never the dead
        ]
        frame.counted = countable[-1].counted if countable else DEFAULT_COUNTED
        if frame.counted == "person" and quantity.value != 1:
            frame.counted = DEFAULT_COUNTED  # "killed one person and wounded 12"
    same_sentence = [c for c in before if sentence.start_char <= c.start - window.start]
    if frame.action is None and same_sentence:  # "... and 23 among its adversaries"
        frame.action = same_sentence[-1].action
    segment = window.segment
    attribution = (
        attribute(sentence, token, context.sources, headline=segment.kind == "headline")
        if token is not None
        else None
    )
    if attribution is None and segment.kind == "comment" and segment.author:
        attribution = Attribution(segment.author, None)
    if attribution is not None and token is not None and _names_the_speaker(frame, attribution):
        # "Hundreds dead as IS seizes air base: monitor": the speaker read as the verb
        casualty = casualty_frame(token, frame.counted, None)
        frame.action = casualty[1] if casualty is not None else None
    speaker_word = attribution.source.lower().split()[-1] if attribution is not None else None
    if frame.counted and frame.counted == speaker_word and _is_speaker_noun(speaker_word):
        # "Monitors 15 killed", "reached 330 overnight civil defence sources told": the
        # speaker counts no one
        frame.counted = DEFAULT_COUNTED
    period_start, period_end = resolve_period(frame.period, context.published)
    original = context.text[window.start + sentence.start_char : window.start + sentence.end_char]
    return Claim(
        doc_id=context.doc_id,
        section=segment.kind,
        start=quantity.start + window.start,
        end=quantity.end + window.start,
        number_text=quantity.text,
        quote=original.strip(),
        value=quantity.value,
        lower=quantity.lower,
        upper=quantity.upper,
        qualifier=quantity.qualifier,
        kind=quantity.kind,
        unit=quantity.unit,
        counted=frame.counted,
        action=frame.action,
        place=frame.place,
        period=frame.period,
        period_start=period_start,
        period_end=period_end,
        source=_as_written(attribution.source, original) if attribution else None,
        source_org=(attribution.source_org or named_organisation(attribution.source))
        if attribution
        else None,
    ), elided


def _names_the_speaker(frame: _Frame, attribution: Attribution) -> bool:
    return bool(frame.action and attribution.source) and (
        str(attribution.source).lower().split()[-1] == frame.action
    )


def _as_written(words: str | None, sentence: str) -> str | None:
    """``words`` as the document writes them: a Title Case headline is parsed re-cased."""
    if not words:
        return words
    # whole words: "IS" is not the "is" of "Turkish"
    found = re.search(rf"(?<!\w){re.escape(words)}(?!\w)", sentence, re.IGNORECASE)
    return found.group() if found is not None else words


def _shift(quantity: Quantity, delta: int) -> Quantity:
    return replace(quantity, start=quantity.start + delta, end=quantity.end + delta)


def _link_parts(sentence: Span, offset: int, claims: list[Claim]) -> list[Claim]:
    """Mark subsets ("including 2,934 children") with the value of their whole."""
    text = doc_text(sentence.doc)
    linked: list[Claim] = []
    whole: Claim | None = None
    for index, claim in enumerate(claims):
        local_start = claim.start - offset
        before = text[sentence.start_char : local_start]
        in_parentheses = before.rstrip().endswith("(")
        is_part = (
            bool(_SUBSET_CUE.search(before))
            or (
                bool(_SUBSET_AFTER.match(text, claim.end - offset))
                # "killing 15 and injuring dozens of them": others of the same group
                and not (whole is not None and _other_outcome(claim, whole))
            )
            or (
                index > 0
                and linked[-1].part_of is not None
                and _in_one_list(sentence, linked[-1].end - offset, local_start)
                # "... including two children were killed and 40 others were injured": a verb
                # of its own ends the list
                and (claim.action in _PART_ACTIONS or claim.action in {None, linked[-1].action})
            )
        )
        if is_part and whole is not None:
            claim = _as_part(claim, whole)
        elif _WHOLE_CUE.search(before) and linked and linked[-1].part_of is None:
            # "two women and two children were among eight people killed": the whole list
            first = len(linked) - 1
            while first > 0 and _in_one_list(
                sentence, linked[first - 1].end - offset, linked[first].start - offset
            ):
                first -= 1
            for earlier in range(first, len(linked)):
                if linked[earlier].part_of is None:
                    linked[earlier] = _as_part(linked[earlier], claim, among=True)
            whole = claim
        elif not in_parentheses:
            whole = claim
        linked.append(claim)
    return linked


def _other_outcome(part: Claim, whole: Claim) -> bool:
    """Whether the two figures count different outcomes ("killing 15 and injuring")."""
    outcomes = names_an_outcome(part.action) and names_an_outcome(whole.action)
    return outcomes and part.action != whole.action


def _in_one_list(sentence: Span, end: int, start: int) -> bool:
    """Whether the figures ending at ``end`` and starting at ``start`` (offsets in the
    parsed text) are items of one list: "162 blocks and 11 kilometers", or, with the
    commas lost, "1733 children 969 women": nothing but nouns between them."""
    text = doc_text(sentence.doc)
    if _LIST_JOIN.match(text[end:start]):
        return True
    between = sentence.doc.char_span(end, start, alignment_mode="expand")
    return (
        between is not None
        and 0 < len(between) <= MAX_LIST_GAP
        and all(token.pos_ in _LIST_ITEM_TAGS for token in between)
    )


def _as_part(claim: Claim, whole: Claim, *, among: bool = False) -> Claim:
    """``claim`` as a part of ``whole``; one named "among" a toll ("2 medics among at least
    31 dead in regime shelling") suffered what the toll counts."""
    shares = claim.action in _PART_ACTIONS or claim.action is None
    return replace(
        claim,
        part_of=whole.value,
        action=whole.action
        if shares or (among and names_an_outcome(whole.action))
        else claim.action,
        place=claim.place or whole.place,
        period=claim.period or whole.period,
        period_start=claim.period_start if claim.period else whole.period_start,
        period_end=claim.period_end if claim.period else whole.period_end,
        source=claim.source or whole.source,
        source_org=claim.source_org or whole.source_org,
    )
