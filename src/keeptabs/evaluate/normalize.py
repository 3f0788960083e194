"""Light normalisation of claim fields: lemmas, action classes, places and periods.

Rule-based and dependency-free, so that the scorer and the extractor can share it and it
stays fast (every public function is cached). The vocabularies that users may want to
extend live in data files next to this module:

- ``data/action_synonyms.json``: action class -> phrases that mean it
  ("laid down their weapons" -> ``surrender``).
- ``data/place_aliases.json``: canonical place -> other names for it.

Public functions:

- ``lemma(text)``: lowercase base forms, word by word ("civilians evacuated" ->
  "civilian evacuate"; "children" -> "child"; "fled" -> "flee").
- ``action_class(text)``: the action a verb phrase names ("were evacuated" -> "evacuate",
  "laid down their arms" -> "surrender").
- ``normalize_place(text)``: "the eastern parts of Aleppo" -> "East Aleppo".
- ``period_duration_hours(text)``: "past two days" -> 48.0; ``None`` when the window is
  not a plain duration ("since Monday").
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from keeptabs.extract.durations import period_duration_hours
from keeptabs.extract.gazetteer import is_place_name

__all__ = ["action_class", "lemma", "normalize_place", "period_duration_hours"]

# --- lemmas -------------------------------------------------------------------------

# Irregular forms (nouns and verbs) and a few spelling variants, mapped to one base form.
# fmt: off
_IRREGULAR: dict[str, str] = {
    # nouns
    "children": "child", "people": "person", "persons": "person", "men": "man",
    "women": "woman", "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
    "lives": "life", "wives": "wife", "knives": "knife", "halves": "half",
    "wolves": "wolf", "thieves": "thief", "selves": "self", "shelves": "shelf",
    "buses": "bus", "crises": "crisis", "analyses": "analysis", "criteria": "criterion",
    "%": "percent", "pct": "percent", "metre": "meter", "metres": "meter",
    "kilometre": "kilometer", "kilometres": "kilometer", "litre": "liter",
    "litres": "liter", "centre": "center", "centres": "center",
    "neighbourhood": "neighborhood", "neighbourhoods": "neighborhood",
    "policemen": "police", "policeman": "police",  # "five Kurdish police" are policemen
    # verbs: irregular past tenses and participles, and forms the rules get wrong
    "fled": "flee", "left": "leave", "took": "take", "taken": "take", "laid": "lay",
    "held": "hold", "was": "be", "were": "be", "been": "be", "being": "be", "is": "be",
    "are": "be", "am": "be", "has": "have", "had": "have", "having": "have",
    "fought": "fight", "ran": "run", "got": "get", "gotten": "get", "made": "make",
    "came": "come", "coming": "come", "became": "become", "becoming": "become",
    "went": "go", "gone": "go", "goes": "go", "gave": "give", "given": "give",
    "found": "find", "brought": "bring", "sought": "seek", "kept": "keep", "lost": "lose",
    "said": "say", "told": "tell", "built": "build", "struck": "strike",
    "stricken": "strike", "shot": "shoot", "led": "lead", "met": "meet", "sent": "send",
    "spent": "spend", "stood": "stand", "began": "begin", "begun": "begin", "rose": "rise",
    "risen": "rise", "fell": "fall", "fallen": "fall", "drove": "drive", "driven": "drive",
    "wrote": "write", "written": "write", "slain": "slay", "slew": "slay",
    "withdrew": "withdraw", "withdrawn": "withdraw", "swept": "sweep", "caught": "catch",
    "bought": "buy", "saw": "see", "seen": "see", "knew": "know", "known": "know",
    "swore": "swear", "sworn": "swear", "hid": "hide", "hidden": "hide", "dug": "dig",
    "does": "do", "did": "do", "done": "do", "died": "die", "dying": "die", "lied": "lie",
    "lying": "lie", "tied": "tie", "tying": "tie", "added": "add", "adding": "add",
    "created": "create", "creating": "create", "controlled": "control",
    "controlling": "control", "patrolled": "patrol", "patrolling": "patrol",
    "cancelled": "cancel", "cancelling": "cancel", "travelled": "travel",
    "travelling": "travel", "labelled": "label", "expelled": "expel", "expelling": "expel",
    "compelled": "compel", "boycotted": "boycott", "banged": "bang", "hanged": "hang",
    "focused": "focus", "focusing": "focus", "biased": "bias", "agreed": "agree",
    "freed": "free", "guaranteed": "guarantee", "decreed": "decree", "ruined": "ruin",
    "welcomed": "welcome", "welcoming": "welcome",
}
# fmt: on


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that look inflected but are not ("news", "hundred", "building", "this").
_INVARIANT = _words(
    "news series species means police percent personnel staff sheep deer fish aircraft "
    "this thus its his hers ours yours theirs as us yes less unless across perhaps always "
    "besides whereas towards afterwards alias atlas canvas gas bias focus "
    "hundred sacred naked wicked kindred hatred need feed seed bleed speed greed breed "
    "deed weed bed red shed sped wed embed proceed succeed exceed indeed heed "
    "building morning evening ceiling during nothing something anything everything "
    "thing string spring wing king ring bring sing sting swing cling wedding housing "
    "clothing funding lightning sibling ending "
    "omen amen semen stamen specimen abdomen regimen"
)

# Doubled final consonants kept after stripping -ed/-ing ("killed" -> "kill", not "kil").
_KEEP_DOUBLE = frozenset({"ll", "ss", "ff", "zz"})

# Stems after -ed/-ing that need their silent "e" back ("evacuat" -> "evacuate").
# Each pattern is anchored at the end of the stem; see the examples beside it.
_ADD_E = re.compile(
    r"(?:"
    r"[^eoa]at"  # evacuate, liberate, negotiate (not treat, float)
    r"|[^aeiou]ut|[^aeiou]ot"  # execute, dispute; vote, quote (not shout, loot)
    r"|(?<!z)z|v|u|c"  # organize, seize; move; rescue; produce
    r"|(?<![gn])g|[aeu]ng"  # charge, damage; change, plunge (not belong)
    r"|(?<!s)s"  # cause, close, release, collapse (not pass)
    r"|(?<!o)ur|(?<![ae])ir|(?<![eo])ar|(?:st|sc|pl|gn)or"  # injure; fire; declare; restore
    r"|[^aeiouwr]l|[^aeiou][iou]l"  # settle, style; compile, console, rule
    r"|[^aeiou][aiuy]m"  # name, time, consume (not claim, welcome, form)
    r"|[^aeiou][iu]n|(?<![idsmkgaeiou])on"  # demine, tune; zone, postpone (not mention)
    r"|[^aeiou][aiuy]p"  # escape, type (not help, leap, develop)
    r"|[^aeiou][aeiouy][kb]"  # revoke, like; describe, probe (not leak, attack)
    r"|[^aeiou][aiou]d|[cp]ed"  # trade, decide, include; cede, impede (not load)
    r")$"
)

# Stems the patterns above miss ("unit" -> "unite"); matched as endings of the stem.
_E_STEMS: tuple[str, ...] = tuple(
    _words(
        "hop cop rop grop scop unit ignit invit cit complet delet compet deplet interven "
        "conven adher interfer persever bath breath loath sooth cloth wast past tast hast "
        "scal inhal exhal persuad guid"
    )
)

# Plural endings removed whole ("churches" -> "church"); other plurals lose their "s".
_ES_PLURAL = re.compile(r"(?:ch|sh|x|zz|ss)es$")
# Endings where a final "s" is not a plural or third-person ending ("status", "crisis").
_NOT_PLURAL = ("ss", "us", "is")
# Words this short are left alone ("gas", "bus", "its"): too few letters to judge.
_MIN_INFLECTED_LEN = 4
# Stems shorter than this after -ed/-ing mean the word was not inflected ("bring", "red").
_MIN_STEM_LEN = 3

_TOKEN_STRIP = ".,;:!?\"'()[]{}“”‘’«»"


def _restore_stem(stem: str) -> str:
    """Rebuild the base form from what is left after removing -ed or -ing."""
    if len(stem) >= _MIN_STEM_LEN and stem[-1] == stem[-2] and stem[-1] not in "aeiou":
        return stem if stem[-2:] in _KEEP_DOUBLE else stem[:-1]
    if _ADD_E.search(stem) or stem.endswith(_E_STEMS):
        return stem + "e"
    return stem


def _lemma_verb_suffix(word: str) -> str | None:
    """Base form of an -ied/-ed/-ing word, or None when the word has no such ending."""
    if word.endswith("ied") and len(word) > _MIN_INFLECTED_LEN:
        return word[:-3] + "y"
    if word.endswith("eed") and not word.endswith("eeded"):
        return None  # "need", "exceed": base forms; "freed", "agreed" are irregulars
    for suffix in ("ed", "ing"):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= _MIN_STEM_LEN:
            return _restore_stem(stem)
    return None


def _lemma_plural(word: str) -> str:
    """Singular of a plural noun or base of a third-person verb ("flees" -> "flee")."""
    if word.endswith("ies") and len(word) > _MIN_INFLECTED_LEN:
        return word[:-3] + "y"
    if word.endswith("men") and len(word) > _MIN_INFLECTED_LEN:
        return word[:-3] + "man"  # gunmen, policemen, servicemen
    if not word.endswith("s") or word.endswith(_NOT_PLURAL) or len(word) < _MIN_INFLECTED_LEN:
        return word
    if _ES_PLURAL.search(word) or (word.endswith("oes") and len(word) > 5):
        return word[:-2]
    return word[:-1]


def _lemma_word(word: str) -> str:
    """Base form of one lowercase word; hyphenated words change their last part only."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _INVARIANT or not word.isalpha():
        head, sep, tail = word.rpartition("-")
        if sep and head and tail.isalpha():
            return f"{head}-{_lemma_word(tail)}"
        return word
    verb = _lemma_verb_suffix(word)
    return verb if verb is not None else _lemma_plural(word)


@cache
def lemma(text: str) -> str:
    """Lowercase base forms, word by word: "Civilians were evacuated" -> "civilian be evacuate"."""
    text = re.sub(r"\bper\s+cent\b", "percent", text.casefold())
    words = (word.strip(_TOKEN_STRIP) for word in text.split())
    return " ".join(_lemma_word(word) for word in words if word)


# --- action classes -----------------------------------------------------------------

# Words dropped from an action phrase before it is looked up ("laid down THEIR arms").
_ACTION_FILLERS = _words(
    "the a an their its his her our my your them themselves himself herself itself "
    "oneself reportedly also already"
)
# Leading auxiliaries and modals dropped while another word follows ("were evacuated").
_AUXILIARIES = _words("be have get do to will would could can may might must")


def _action_key(text: str) -> tuple[str, ...]:
    words = [word for word in lemma(text).split() if word not in _ACTION_FILLERS]
    while len(words) > 1 and words[0] in _AUXILIARIES:
        words.pop(0)
    return tuple(words)


@cache
def _action_table() -> dict[tuple[str, ...], str]:
    """Phrase key -> action class, from ``data/action_synonyms.json``."""
    raw = json.loads(_read_data("action_synonyms.json"))
    table: dict[tuple[str, ...], str] = {}
    for action, phrases in raw.items():
        if action.startswith("_"):
            continue  # "_about": documentation inside the file
        for phrase in [action, *phrases]:
            table[_action_key(phrase)] = action
    return table


@cache
def action_class(text: str) -> str:
    """The action a phrase names, by the synonym table; else the lemma of its first word.

    "were evacuated" -> "evacuate"; "laid down their weapons" -> "surrender";
    "fled their homes" -> "flee" (no entry for the phrase, so its head verb).
    """
    key = _action_key(text)
    if not key:
        return ""
    table = _action_table()
    if key in table:
        return table[key]
    return table.get(key[:1], key[0])


def _read_data(name: str) -> str:
    return resources.files("keeptabs.evaluate").joinpath("data", name).read_text("utf-8")


# --- places -------------------------------------------------------------------------

# Direction words -> the form used in a normalised place ("eastern" -> "East").
# fmt: off
_DIRECTIONS: dict[str, str] = {
    "north": "North", "northern": "North", "south": "South", "southern": "South",
    "east": "East", "eastern": "East", "west": "West", "western": "West",
    "northeast": "Northeast", "north-east": "Northeast", "northeastern": "Northeast",
    "north-eastern": "Northeast", "northwest": "Northwest", "north-west": "Northwest",
    "northwestern": "Northwest", "north-western": "Northwest", "southeast": "Southeast",
    "south-east": "Southeast", "southeastern": "Southeast", "south-eastern": "Southeast",
    "southwest": "Southwest", "south-west": "Southwest", "southwestern": "Southwest",
    "south-western": "Southwest", "central": "Central",
}
# fmt: on
_DIRECTION = "|".join(sorted(map(re.escape, _DIRECTIONS), key=len, reverse=True))
# Words for a part of a place: "the eastern PARTS of Aleppo".
_PART = (
    r"(?:parts?|sections?|districts?|neighbou?rhoods?|areas?|sectors?|quarters?|half|"
    r"side|edges?|outskirts|suburbs?|zones?|territory|territories|pocket)"
)
_HELD_PART = re.compile(rf"^[\w’'-]+-(?:held|controlled)\s+{_PART}\s+of\s+", re.IGNORECASE)
_DIRECTION_PLACE = (
    # "eastern parts of Aleppo", "the east of Aleppo"
    re.compile(rf"^({_DIRECTION})(?:\s+{_PART})?\s+of\s+(.+)$", re.IGNORECASE),
    # "Aleppo's eastern districts"
    re.compile(rf"^(.+?)['’]s\s+({_DIRECTION})(?:\s+{_PART})?$", re.IGNORECASE),
    # "eastern Aleppo", "East Aleppo"
    re.compile(rf"^({_DIRECTION})\s+(.+)$", re.IGNORECASE),
    # "Aleppo eastern countryside" (its "countryside" dropped before)
    re.compile(r"^(.+?)\s+((?:north|south|east|west)(?:-?(?:east|west))?ern)$"),
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# Transliterations keep or drop the Arabic article: "Al Raqqa" = "al-Raqqa" = "Raqqa".
_ARABIC_ARTICLE = re.compile(r"^(?:al|el)[-\s]+(?=\w)", re.IGNORECASE)
# Administrative words around a name do not change the place: "Hama province" = "the
# province of Hama" = "Hama"; "the suburbs of Damascus" = "Damascus suburbs" = "Damascus";
# "Qeshm Island" = "the island of Qeshm" = "Qeshm".
_SETTLEMENT_OF = re.compile(
    r"^(?:city|town|village|island|province|governorate|district|countryside|suburbs?"
    r"|outskirts)\s+of\s+",
    re.IGNORECASE,
)
_LIST_DIVIDER = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_RURAL = re.compile(r"^rural\s+", re.IGNORECASE)
_SETTLEMENT_SUFFIX = re.compile(
    r"\s+(?:city|town|village|island|province|governorate|district|countryside|suburbs?|region"
    r"|area)$",
    re.IGNORECASE,
)


@cache
def _place_aliases() -> dict[str, str]:
    """Casefolded name -> canonical name, from ``data/place_aliases.json``."""
    raw = json.loads(_read_data("place_aliases.json"))
    aliases: dict[str, str] = {}
    for canonical, names in raw.items():
        if canonical.startswith("_"):
            continue
        for name in [canonical, *names]:
            aliases[" ".join(name.casefold().split())] = canonical
    return aliases


def _strip_place(text: str) -> str:
    """Drop articles, "city of", "X city" and "rebel-held areas of" around a name."""
    for _ in range(3):  # a few rounds: "the rebel-held areas of the city of Aleppo"
        before = text
        text = _ARTICLE.sub("", text)
        text = _ARABIC_ARTICLE.sub("", text)
        text = _HELD_PART.sub("", text)
        text = _SETTLEMENT_OF.sub("", text)
        text = _SETTLEMENT_SUFFIX.sub("", text)
        if not is_place_name(text):  # "Rural Idlib" = "Idlib countryside"; not "Rural Damascus"
            text = _RURAL.sub("", text)
        if text == before:
            break
    return text


@cache
def normalize_place(text: str) -> str:
    """A place in one canonical spelling: "the eastern parts of Aleppo" -> "East Aleppo"."""
    aliases = _place_aliases()
    text = " ".join(text.replace("’", "'").split()).strip(" .,;:")
    if text.casefold() in aliases:
        return aliases[text.casefold()]
    parts = _LIST_DIVIDER.split(text)
    if len(parts) > 1 and not is_place_name(text):
        # "Aleppo, Idlib and Hama" = "Aleppo and Idlib and Hama"
        return " and ".join(normalize_place(part) for part in parts)
    text = _strip_place(text)
    for pattern in _DIRECTION_PLACE:
        found = pattern.match(text)
        if found:
            first, second = found.groups()
            direction, rest = (
                (first, second) if first.casefold() in _DIRECTIONS else (second, first)
            )
            rest = normalize_place(rest)
            text = f"{_DIRECTIONS[direction.casefold()]} {rest}"
            break
    return aliases.get(text.casefold(), text)
