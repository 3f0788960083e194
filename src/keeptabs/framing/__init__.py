"""Framing: how each outlet names the same actors and hedges the same figures.

Per document, claim and outlet: the words chosen for the parties ("militants",
"rebels", "regime", "Syrian army"), for territory changing hands ("liberate",
"capture"), verbs of attribution by stance ("claims" against "confirms"), hedges
("so-called", "reportedly") and scare quotes ('helped').  The words are data
(``data/lexicon.json``), extended by users through ``KEEPTABS_DATA_PATH``; matching is
regular expressions over the text, with exact spans.  See docs/framing.md.
"""

from keeptabs.framing.lexicon import Lexicon, load_lexicon
from keeptabs.framing.outlets import Example, LabelTally, OutletFraming, outlet_framing
from keeptabs.framing.records import (
    claim_record,
    document_record,
    framing_records,
    label_counts,
    outlet_record,
    render_table,
    term_record,
)
from keeptabs.framing.terms import (
    EDITORIAL_KINDS,
    Term,
    claim_framing,
    document_framing,
    find_terms,
)

__all__ = [
    "EDITORIAL_KINDS",
    "Example",
    "LabelTally",
    "Lexicon",
    "OutletFraming",
    "Term",
    "claim_framing",
    "claim_record",
    "document_framing",
    "document_record",
    "find_terms",
    "framing_records",
    "label_counts",
    "load_lexicon",
    "outlet_framing",
    "outlet_record",
    "render_table",
    "term_record",
]
