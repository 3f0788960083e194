"""process(): one raw document through every stage, failures as rejections."""

from __future__ import annotations

from spacy.language import Language

from keeptabs import RawDocument, process
from keeptabs.ingest.files import sha256_hex


def test_pipeline_text_document_end_to_end(nlp: Language) -> None:
    raw_text = (
        "Site icon Example Post\n\nQuake kills 40 in mountain town\n\n"
        "At least 40 people died on Monday, officials said.\n"
    )
    raw = RawDocument(
        raw=raw_text.encode("cp1252"), path="quake.txt", meta={"published": "4/5/2017"}
    )
    result = process(raw, nlp=nlp)
    assert result.document is not None
    assert result.document.id == sha256_hex(raw.raw)
    assert result.document.outlet == "Example Post"
    assert result.document.title == "Quake kills 40 in mountain town"
    assert result.document.published == "2017-04-05"
    assert [c.number_text for c in result.claims] == ["40", "At least 40"]
    assert {c.doc_id for c in result.claims} == {result.document.id}
    assert result.rejections == ()


def test_pipeline_undecodable_input_becomes_a_rejection(nlp: Language) -> None:
    raw = RawDocument(raw=b"\xff\xfe\x00", path="broken.txt")
    result = process(raw, nlp=nlp, encoding="utf-8")
    assert result.document is None
    [rejection] = result.rejections
    assert rejection.code == "decode"
    assert rejection.raw == raw.raw
    assert rejection.sha256 == sha256_hex(raw.raw)
    assert "Pass --encoding or check the file." in rejection.message


def test_pipeline_html_document_uses_extracted_text(nlp: Language) -> None:
    html = (
        "<html><head><title>Floods: 3,000 evacuated</title></head><body>"
        "<article><h1>Floods: 3,000 evacuated</h1>"
        "<p>About 3,000 residents were evacuated from the valley on Sunday, the mayor said. "
        "Rescue teams worked through the night to reach villages cut off by the water.</p>"
        "<p>The regional government said 12 shelters had opened and more were planned.</p>"
        "</article></body></html>"
    )
    result = process(RawDocument(raw=html.encode(), path="f.html", media_type="text/html"), nlp=nlp)
    assert result.document is not None
    text = result.document.text
    assert "<p>" not in text
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.number_text
    assert "About 3,000" in [c.number_text for c in result.claims]
