"""Numbers written with digits: '8,461', '816 000', '1.3e6', '3/4', '2½', '21st', URLs."""

from __future__ import annotations

import re
from typing import Final

from keeptabs.extract.numbers_match import NumberMatch
from keeptabs.extract.numbers_tables import MAX_FRACTION_DENOMINATOR, VULGAR

__all__ = ["digit_numbers", "parse_digits", "parse_fraction", "url_numbers"]

# Every digit form starts with a digit, '.' or a vulgar fraction: the pattern consumes
# that first character as one character class, so the regex engine skips ahead to the
# next such character instead of trying each form at every position; then it checks
# that no digit or '.' came before it.  A power of ten needs '^' or a sign ('1.3x10^6',
# '2.48×10−5'): '3 x 100 m' is a dimension, not 3×10⁰.
_V: Final = "".join(VULGAR)
_DIGIT_PATTERN: Final = re.compile(
    rf"[\d.{_V}](?<![\d.].)(?:"
    rf"(?P<dotted>(?<=\d)\d*(?:\.\d+){{2,}}(?!\d))"
    rf"|(?P<ordnum>(?<=\d)\d*(?:st|nd|rd|th)\b)"
    rf"|(?P<frac>(?<=\d)(?<!/\d)(?:\d*\s+\d+)?\d*/\d+(?![/\d]))"
    rf"|(?P<vulgar>(?<=[{_V}])|(?<=\d)\d*[{_V}])"
    rf"|(?P<digits>(?:(?<=\d)\d{{0,2}}(?:,\d{{3}}(?!\d))+(?:\.\d+)?"  # 8,461 and 1,674,200.5
    rf"|(?<=\d)(?<![A-Za-z]\d)\d{{0,2}}(?:[ \u00a0\u202f\u2009]\d{{3}}(?!\d))+(?:\.\d+)?"  # 816 000
    rf"|(?<=\d)\d*(?:\.\d+)?|(?<=\.)\d+)"
    rf"(?:[eE][-+]?\d+|\s?[x×]\s?10(?:\^[-−]?|[-−])\d+)?(?!\d)))"
)
# The UTF-8 bytes of the replacement character read as Latin-1 end in "½": "ï¿½".
_MOJIBAKE_BEFORE_HALF: Final = "ï¿"
_SEPARATORS: Final = re.compile(r"[,\s\u00a0\u202f\u2009]")
_DIGIT_RUN: Final = re.compile(r"\d+")


def parse_digits(raw: str) -> float:
    """'8,461' -> 8461, '816 000' -> 816000, '-1.3e6' -> -1300000, '2.48×10−5' -> 2.48e-05."""
    if raw.isdecimal():
        return float(raw)
    text = _SEPARATORS.sub("", raw.replace("−", "-").replace("×", "x"))
    if "x10" in text:
        mantissa, _, power = text.partition("x10")
        return float(f"{mantissa}e{power.lstrip('^')}")
    return float(text)


def parse_fraction(raw: str) -> float | None:
    """'3/4' -> 0.75, '2 1/2' -> 2.5, '-4/5' -> -0.8; None for '1/0' or '20/2030'."""
    text = raw.replace("−", "-").replace(" ", " ")
    negative = text.lstrip().startswith("-")
    parts = text.lstrip("-+ ").split()
    whole = float(parts[0]) if len(parts) == 2 else 0.0
    num, den = (float(x) for x in parts[-1].split("/"))
    if den == 0 or den > MAX_FRACTION_DENOMINATOR or (num >= den and len(parts) == 1 and den != 1):
        return None
    value = whole + num / den
    return -value if negative else value


def _parse_vulgar(raw: str) -> float:
    whole = raw[:-1]
    return (float(whole) if whole else 0.0) + VULGAR[raw[-1]]


def _parts(text: str, start: int, end: int, form: str, kind: str) -> list[NumberMatch]:
    """Each digit run of text[start:end] as a number of its own ('192.168.1.2', '20/2030')."""
    out = []
    for p in _DIGIT_RUN.finditer(text, start, end):
        a, b = p.span()
        out.append(NumberMatch(a, b, a, b, float(p.group()), form, kind))
    return out


def digit_numbers(text: str) -> list[NumberMatch]:
    """Every digit form in text, with a leading sign ('-1', '− 4/5') where one is written."""
    out: list[NumberMatch] = []
    for m in _DIGIT_PATTERN.finditer(text):
        form = m.lastgroup
        start, end = m.span()
        raw = m.group()
        value: float | None
        if form == "digits":
            value = parse_digits(raw)
        elif form == "frac":
            value = parse_fraction(raw)
            if value is None:  # '2222/2222', '20/2030': each side is a number of its own
                out += _parts(text, start, end, "digits", "count")
                continue
        elif form == "vulgar":
            if text[max(0, start - 2) : start] == _MOJIBAKE_BEFORE_HALF:
                continue  # "ï¿½": U+FFFD decoded as Latin-1, not one half
            value = _parse_vulgar(raw)
        elif form == "ordnum":
            out.append(NumberMatch(start, end, start, end, float(raw[:-2]), "ordinal", "ordinal"))
            continue
        else:  # dotted: 192.168.1.2, version 2.3.1: each part an identifier
            out += _parts(text, start, end, "dotted", "identifier")
            continue
        num = NumberMatch(start, end, start, end, value, form or "")
        before = text[max(0, start - 2) : start]  # a sign is at most one space away
        out.append(_with_sign(text, num) if "-" in before or "−" in before else num)
    return out


_WORD_BEFORE: Final = re.compile(r"([A-Za-z]+)\s*\Z")
_MEASURE_WORDS: Final = frozenset(
    "to at of from by minus was is were are be reached hit fell dropped rose stood".split()
)


def _dash_between(text: str, sign: int, num: NumberMatch) -> bool:
    """A spaced '-' after a word is a dash that sets the number apart ('NEWS - 3 DEAD',
    'the victims - 14 - died', 'civilians - 15000 of them children'); after a word that
    takes a measure it is a minus ('fell to - 5', 'was - 3')."""
    word = _WORD_BEFORE.search(text, max(0, sign - 20), sign)
    return word is not None and word.group(1).lower() not in _MEASURE_WORDS


def _with_sign(text: str, num: NumberMatch) -> NumberMatch:
    """'-1', '- 10 k', '−4/5': a sign not after a word or number (so '50-75' is a range)."""
    j = num.start - 1
    if j >= 1 and text[j] == " ":
        j -= 1
    if j < 0 or text[j] not in "-−" or num.value is None:
        return num
    if j and (text[j - 1].isalnum() or text[j - 1] in ")%.,/"):
        return num  # glued to what comes before: '50-75', 'i7-860'
    before = text[max(0, j - 3) : j].rstrip(" ")[-1:]
    if j < num.start - 1 and (before.isdigit() or before == "%" or _dash_between(text, j, num)):
        return num  # '50 - 75', 'NEWS - 3 DEAD', 'the victims - 14 - died': a dash
    num.start = num.core_start = j
    num.value = -num.value
    return num


# --------------------------------------------------------------------------- URLs

_URL: Final = re.compile(
    r"https?://\S+|www\.\S+|(?<![\w.@-])[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|html?|php|aspx?)\b\S*"
)
_URL_HINT: Final = re.compile(r"http|www\.|\.(?:com|org|net|htm|php|asp)")
_NON_SPACE: Final = re.compile(r"\S*")


def _url_spans(text: str) -> list[tuple[int, int]]:
    """URL spans; a URL never holds whitespace, so only tokens holding a hint are scanned."""
    spans: list[tuple[int, int]] = []
    scanned = 0
    for hint in _URL_HINT.finditer(text):
        if hint.start() < scanned:
            continue
        start = hint.start()
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        token = _NON_SPACE.match(text, hint.start())  # always matches (maybe empty)
        scanned = token.end() if token else hint.end()
        spans += [m.span() for m in _URL.finditer(text, start, scanned)]
    return spans


def url_numbers(text: str, found: list[NumberMatch]) -> list[NumberMatch]:
    """Numbers inside URLs become bare identifiers: '…/201611271047905042-syrian…'."""
    if not _URL_HINT.search(text):
        return found
    spans = _url_spans(text)
    if not spans:
        return found
    out = [n for n in found if not any(s <= n.start < e for s, e in spans)]
    for s, e in spans:
        out += _parts(text, s, e, "url", "identifier")
    return out
