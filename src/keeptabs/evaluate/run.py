"""Run the pipeline over a gold set's documents and score the claims."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from keeptabs.errors import InputError
from keeptabs.evaluate.scoring import EvalReport, score
from keeptabs.extract.nlp import load_nlp
from keeptabs.ingest.corpus import CORPUS_SUFFIXES, Columns, read_corpus
from keeptabs.ingest.files import read_paths
from keeptabs.pipeline import process, read_document
from keeptabs.report.records import claim_record
from keeptabs.types import Rejection


def read_gold(path: Path) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(
            f"Could not read the gold file '{path}': {error.strerror}. Check the --gold path."
        ) from error
    gold = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            try:
                gold.append(json.loads(line))
            except ValueError as error:
                raise InputError(
                    f"Line {number} of '{path}' is not JSON ({error}). Fix the gold file."
                ) from error
    return gold


def evaluate_corpus(
    gold_path: Path, docs: Path, columns: Columns, *, predicted_path: Path | None = None
) -> EvalReport:
    """Extract claims from every document under ``docs`` and score them against the gold.

    Documents are named as the gold names them: a file's name, or a CSV row's id.  A row
    repeated under the same id with the same text (corpora carry duplicates) is read once:
    its claims cannot be told apart from the first copy's.  With ``predicted_path`` the
    claims are read from that file instead (another annotator's gold, an export) and the
    documents only locate the quotes.
    """
    gold = read_gold(gold_path)
    if docs.is_file() and docs.suffix.lower() in CORPUS_SUFFIXES:
        items = read_corpus(docs, columns)
    else:
        items = read_paths([docs])
    wanted = {record["doc"] for record in gold}
    nlp = load_nlp() if predicted_path is None else None
    predicted: list[dict[str, Any]] = []
    texts: dict[str, str] = {}
    for item in items:
        if isinstance(item, Rejection):
            continue
        name = item.path.rsplit("#", 1)[-1] if "#" in item.path else Path(item.path).name
        if name not in wanted:
            continue
        if predicted_path is not None:
            texts[name] = read_document(item)[0].text
            continue
        result = process(item, nlp=nlp)
        if result.document is not None:
            if texts.get(name) == result.document.text:
                continue  # the same document again
            texts[name] = result.document.text
        predicted.extend(claim_record(claim, name) for claim in result.claims)
    if predicted_path is not None:
        predicted = [claim for claim in read_gold(predicted_path) if claim.get("doc") in wanted]
    return score(gold, predicted, texts=texts)
