"""Title Case headlines, sentence-cased for the parser ("Civilians Flee East Aleppo").

spaCy's small model reads every capitalised word of a Title Case headline as a proper
noun.  A headline is re-cased before parsing: a word keeps its capital only if the
document writes it capitalised in mid-sentence elsewhere ("Aleppo", "Syrian").
Lengths never change, so offsets stay valid.
"""

from __future__ import annotations

import bisect
import re

from keeptabs.extract.entities import is_nationality
from keeptabs.extract.gazetteer import is_place_name, possessive_place
from keeptabs.segment.markers import load_text_markers

_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
# Mid-sentence: a capitalised word after a lower-case word or a comma, not after ". ";
# or after a lower-case article and a hyphen ("Deir el-Zour", "al-Assad").
_MID_SENTENCE_NAME = re.compile(r"(?:(?<=[a-z,;] )|(?<=[a-z]-))([A-Z][A-Za-z'’]*)")
RUN_CHARS = 50  # either side of a name, for the words around it
RUN_SHARE = 0.8  # of the longer words around a name capitalised: headlines run together
TITLE_CASE_SHARE = 0.6  # of words longer than 3 letters capitalised: a Title Case line
SENTENCE_TITLE_SHARE = 0.85  # the same for a line ending in a full stop (see is_title_case)
MIN_TITLE_WORDS = 3
MAX_TITLE_CHARS = 300  # longer lines are prose, whatever their capitals


def proper_names(text: str) -> frozenset[str]:
    """Words ``text`` capitalises in mid-sentence: names, not headline capitals."""
    lines = text.splitlines()
    headlines = [line.strip() for line in lines if is_title_case(line) and line.strip()]
    prose = "\n".join(line for line in lines if not is_title_case(line))
    for headline in headlines:  # a headline repeated in the body keeps its capitals there
        prose = prose.replace(headline, " ")
    capitalised = {name for line in prose.splitlines() for name in _mid_sentence_names(line)}
    lowered = {word for word in _WORD.findall(text) if word.islower()}
    # A word also written in lower case is an ordinary word capitalised somewhere
    # (a headline repeated in the body), not a name: "Casualties" but "casualties".
    return frozenset(word for word in capitalised if word.lower() not in lowered)


def _mid_sentence_names(line: str) -> list[str]:
    """The names ``line`` capitalises in mid-sentence; in a line too long for a headline,
    not those among capitalised words: related headlines run together ("Turkey Detains
    49 Suspects in Showcase Operation US Strikes Kill 2 Leaders") name nothing."""
    found = [match for match in _MID_SENTENCE_NAME.finditer(line)]
    if len(line) <= MAX_TITLE_CHARS or not found:
        return [match.group(1) for match in found]  # a short line ("Daily Sabah")
    words = [
        (w.start(), w.group()[0].isupper()) for w in _WORD.finditer(line) if len(w.group()) > 3
    ]
    starts = [start for start, _ in words]
    capitals = [0]
    for _, upper in words:
        capitals.append(capitals[-1] + upper)
    names = []
    for match in found:
        low = bisect.bisect_left(starts, match.start(1) - RUN_CHARS)
        high = bisect.bisect_right(starts, match.start(1) + RUN_CHARS)
        count = high - low
        in_run = count >= MIN_TITLE_WORDS * 2 and (
            (capitals[high] - capitals[low]) / count >= RUN_SHARE
        )
        if not in_run:
            names.append(match.group(1))
    return names


def related_headlines(text: str, names: frozenset[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` with its runs of related headlines sentence-cased like a headline, and
    where those runs are (lengths never change).  Sputnik closes a story with them, no
    stop between them: "Related Turkey Detains 49 Daesh Suspects in Showcase Operation
    Syrian Army Frees Territories Near ... Tags ..." (``related_headlines`` in the
    segmenter's ``text_markers.json``)."""
    runs = []
    found = [m for p in load_text_markers().related_headlines for m in p.finditer(text)]
    for match in found:
        start, end = match.span("run")
        cased = sentence_case(match.group("run"), names, any_length=True)
        if cased != match.group("run"):
            text = text[:start] + cased + text[end:]
            runs.append((start, end))
    return text, tuple(runs)


def sentence_case(line: str, names: frozenset[str], *, any_length: bool = False) -> str:
    """``line`` with Title Case words lowered unless they are names; other lines as they
    are (a run of several headlines may be longer than one: ``any_length``)."""
    if not is_title_case(line, any_length=any_length):
        return line
    words = list(_WORD.finditer(line))
    kept = _in_place_names(words)
    chars = list(line)
    for index, match in enumerate(words):
        word = match.group()
        opens = index == 0 and not line[: match.start()].strip(" \"'“‘")  # not "35 Dead"
        if opens or index in kept or word in names or word.isupper() or not word[0].isupper():
            continue
        if is_place_name(word) or is_nationality(word) or possessive_place(word):
            continue  # "Aleppo", "Syrian", "Syrias" keep their capitals in any headline
        chars[match.start()] = word[0].lower()
    return "".join(chars)


def _in_place_names(words: list[re.Match[str]]) -> set[int]:
    """Indices of words in a run of two or three that the gazetteer knows ("Deir Ezzor")."""
    kept: set[int] = set()
    for first in range(len(words)):
        for size in (3, 2):
            run = words[first : first + size]
            if len(run) == size and is_place_name(" ".join(m.group() for m in run)):
                kept.update(range(first, first + size))
                break
    return kept


def is_title_case(line: str, *, any_length: bool = False) -> bool:
    """Whether ``line`` is a headline in Title Case (a short line, its words capitalised)."""
    if len(line) > MAX_TITLE_CHARS and not any_length:
        return False  # prose
    long_words = [w.group() for w in _WORD.finditer(line) if len(w.group()) > 3]
    if len(long_words) < MIN_TITLE_WORDS or "\n" in line.strip():
        return False
    capitalised = sum(1 for word in long_words if word[0].isupper())
    # A full stop marks a sentence, which may be full of names ("Rockets killed ten
    # civilians in Aleppo and Deir Ezzor."): only a headline repeated as a sentence
    # capitalises (nearly) every word.
    share = SENTENCE_TITLE_SHARE if line.rstrip().endswith(".") else TITLE_CASE_SHARE
    return capitalised / len(long_words) >= share
