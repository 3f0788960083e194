"""W3C PROV-JSON (https://www.w3.org/submissions/prov-json/) of where each claim comes from.

claim --wasDerivedFrom--> sentence --wasDerivedFrom--> document --wasAttributedTo--> outlet;
a claim wasAttributedTo its source (who, the text says, gave the figure), a named source
actedOnBehalfOf its organisation, and every claim wasGeneratedBy the keeptabs extraction
activity, which used the documents.  Identifiers live in the ``kt`` namespace.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from importlib import metadata
from typing import Any
from urllib.parse import quote

import keeptabs
from keeptabs.export.claimreview import is_organisation

Row = Mapping[str, Any]

KT_NAMESPACE = "urn:keeptabs:"
EXTRACTION = "kt:extraction"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Claim row fields kept as attributes of the claim entity, in this order.
CLAIM_ATTRIBUTES = (
    "number_text",
    "value",
    "lower",
    "upper",
    "qualifier",
    "kind",
    "unit",
    "counted",
    "action",
    "place",
    "period",
    "period_start",
    "period_end",
    "part_of",
    "section",
    "start",
    "end",
)

# PROV-JSON relation -> (short name for its keys, first role, second role)
RELATIONS = {
    "wasDerivedFrom": ("wDF", "prov:generatedEntity", "prov:usedEntity"),
    "wasAttributedTo": ("wAT", "prov:entity", "prov:agent"),
    "wasGeneratedBy": ("wGB", "prov:entity", "prov:activity"),
    "used": ("u", "prov:activity", "prov:entity"),
    "wasAssociatedWith": ("wAW", "prov:activity", "prov:agent"),
    "actedOnBehalfOf": ("aOBO", "prov:delegate", "prov:responsible"),
}


def keeptabs_version() -> str:
    try:
        return metadata.version("keeptabs")
    except metadata.PackageNotFoundError:  # running from a source tree
        return keeptabs.__version__


def to_prov(claim_rows: Sequence[Row], quotes: Mapping[str, int]) -> bytes:
    """:func:`prov_document` as UTF-8 JSON."""
    return json.dumps(prov_document(claim_rows, quotes), ensure_ascii=False, indent=2).encode()


def prov_document(claim_rows: Sequence[Row], quotes: Mapping[str, int]) -> dict[str, Any]:
    """The provenance of ``claim_rows`` (:func:`keeptabs.export.rows.claim_rows`).

    ``quotes`` maps a claim id to where its sentence starts in the document text
    (:func:`keeptabs.export.rows.quote_offsets`); the number's offset stands in for a
    claim it lacks.
    """
    graph = _Graph()
    version = keeptabs_version()
    software = f"kt:software/keeptabs-{_local(version)}"
    graph.add("agent", software, {"prov:type": _qualified("prov:SoftwareAgent")})
    graph.add(
        "activity",
        EXTRACTION,
        {"prov:label": f"keeptabs {version} claim extraction", "kt:version": version},
    )
    graph.relate("wasAssociatedWith", EXTRACTION, software)
    for row in claim_rows:
        _add_claim(graph, row, quotes.get(str(row["id"]), row.get("start") or 0))
    return graph.document()


def _add_claim(graph: _Graph, row: Row, sentence_start: int) -> None:
    doc_id = str(row["doc_id"])
    claim = f"kt:claim/{_local(str(row['id']))}"
    sentence = f"kt:sentence/{_local(doc_id)}/{sentence_start}"
    document = f"kt:document/{_local(doc_id)}"
    attributes = {f"kt:{name}": _literal(row.get(name)) for name in CLAIM_ATTRIBUTES}
    graph.add("entity", claim, {"prov:type": _qualified("kt:Claim"), **attributes})
    graph.add(
        "entity",
        sentence,
        {
            "prov:type": _qualified("kt:Sentence"),
            "prov:value": row.get("quote"),
            "kt:start": sentence_start,
        },
    )
    graph.add("entity", document, _document_attributes(row))
    graph.relate("wasDerivedFrom", claim, sentence)
    graph.relate("wasDerivedFrom", sentence, document)
    graph.relate("wasGeneratedBy", claim, EXTRACTION)
    graph.relate("used", EXTRACTION, document)
    if row.get("outlet"):
        outlet = _agent(graph, "outlet", str(row["outlet"]), "prov:Organization")
        graph.relate("wasAttributedTo", document, outlet)
    speaker = _source_agent(graph, row)
    if speaker:
        graph.relate("wasAttributedTo", claim, speaker)


def _document_attributes(row: Row) -> dict[str, Any]:
    return {
        "prov:type": _qualified("kt:Document"),
        "prov:label": row.get("doc"),
        "kt:title": row.get("title"),
        "kt:url": {"$": row["url"], "type": "xsd:anyURI"} if row.get("url") else None,
        "kt:published": _literal(row.get("published")),
    }


def _source_agent(graph: _Graph, row: Row) -> str | None:
    """The agent the claim is attributed to: its organisation when the source is that
    body ("the agency"), else the named source, acting on behalf of the organisation.

    Named sources are agents of their document: "the mayor" of one article need not be
    the mayor of another, while organisations and outlets are shared."""
    source, organisation = row.get("source"), row.get("source_org")
    body = (
        _agent(graph, "organisation", organisation, "prov:Organization") if organisation else None
    )
    if not source or (
        body and (str(source).casefold() == str(organisation).casefold() or is_organisation(source))
    ):
        return body
    kind = "prov:Organization" if is_organisation(str(source)) else "prov:Person"
    speaker = _agent(graph, f"source/{_local(str(row['doc_id']))}", str(source), kind)
    if body:
        graph.relate("actedOnBehalfOf", speaker, body)
    return speaker


def _agent(graph: _Graph, kind: str, name: str, prov_type: str) -> str:
    identifier = f"kt:{kind}/{_local(name)}"
    graph.add("agent", identifier, {"prov:type": _qualified(prov_type), "prov:label": name})
    return identifier


class _Graph:
    """PROV-JSON bundles under construction: each id and each relation once."""

    def __init__(self) -> None:
        self.records: dict[str, dict[str, dict[str, Any]]] = {
            "entity": {},
            "agent": {},
            "activity": {},
        }
        self.relations: dict[str, dict[str, dict[str, str]]] = {name: {} for name in RELATIONS}
        self._seen: set[tuple[str, str, str]] = set()

    def add(self, kind: str, identifier: str, attributes: Mapping[str, Any]) -> None:
        """Add a record; the first one given for an id is kept."""
        present = {key: value for key, value in attributes.items() if value is not None}
        self.records[kind].setdefault(identifier, present)

    def relate(self, relation: str, first: str, second: str) -> None:
        if (relation, first, second) in self._seen:
            return
        self._seen.add((relation, first, second))
        short, first_role, second_role = RELATIONS[relation]
        key = f"_:{short}{len(self.relations[relation]) + 1}"
        self.relations[relation][key] = {first_role: first, second_role: second}

    def document(self) -> dict[str, Any]:
        return {
            "prefix": {"kt": KT_NAMESPACE},
            **{kind: records for kind, records in self.records.items() if records},
            **{name: relation for name, relation in self.relations.items() if relation},
        }


def _local(text: str) -> str:
    """Text safe as the local part of a qualified name (percent-encoded)."""
    return quote(text, safe="-._~:")


def _qualified(name: str) -> dict[str, str]:
    return {"$": name, "type": "prov:QUALIFIED_NAME"}


def _literal(value: Any) -> Any:
    """ISO dates typed as xsd:date; other values as JSON gives them."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return {"$": value, "type": "xsd:date"}
    return value
