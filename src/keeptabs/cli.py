"""The keeptabs command line: each command is a thin call into the packages."""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from keeptabs.errors import KeeptabsError
from keeptabs.ingest.corpus import CORPUS_SUFFIXES, Columns, read_corpus
from keeptabs.ingest.files import read_paths, sha256_hex
from keeptabs.report.records import (
    CLAIM_FIELDS,
    claim_record,
    document_record,
    quantity_record,
    rejection_record,
    segment_record,
)
from keeptabs.store.base import Store
from keeptabs.types import Document, RawDocument, Rejection, Result

if TYPE_CHECKING:
    from keeptabs.reconcile.ledger import Ledger

app = typer.Typer(
    help="Keep tabs on the figures the news reports: who said which number, about what, "
    "where and when.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLAlchemy database URL. Default: sqlite:///keeptabs.db", envvar="KEEPTABS_DB"
    ),
]
TextCol = Annotated[str, typer.Option("--text-col", help="CSV/JSONL column with the article text.")]
TitleCol = Annotated[str | None, typer.Option("--title-col", help="Column with the headline.")]
OutletCol = Annotated[
    str | None, typer.Option("--outlet-col", help="Column with the outlet's name.")
]
DateCol = Annotated[
    str | None, typer.Option("--date-col", help="Column with the publication date.")
]
IdCol = Annotated[
    str | None, typer.Option("--id-col", help="Column with a row id (names the document).")
]
UrlCol = Annotated[str | None, typer.Option("--url-col", help="Column with the article URL.")]


JsonOption = Annotated[bool, typer.Option("--json", help="Print a JSON array.")]
T = TypeVar("T")


def _from_store(db: str | None, read: Callable[[Store], T]) -> T:
    """Open the store at ``db``, read from it, and turn store errors into exit code 2."""
    from keeptabs.store.base import open_store

    try:
        with open_store(db) as store:
            return read(store)
    except KeeptabsError as error:
        raise _fail(error) from error


def _fail(error: KeeptabsError) -> typer.Exit:
    typer.echo(f"Error: {error.message}", err=True)
    return typer.Exit(code=2)


def _raw_inputs(paths: Iterable[Path], columns: Columns) -> Iterator[RawDocument | Rejection]:
    """Files and folders of articles; CSV/JSONL files are corpora of one article per row."""
    files = [p for p in paths if not (p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES)]
    yield from read_paths(files)
    for path in paths:
        if path.is_file() and path.suffix.lower() in CORPUS_SUFFIXES:
            yield from read_corpus(path, columns)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files, folders, or CSV/JSONL corpora.")],
    db: DbOption = None,
    text_col: TextCol = "article_content",
    title_col: TitleCol = "article_title",
    outlet_col: OutletCol = "source",
    date_col: DateCol = "date",
    id_col: IdCol = "unit_id",
    url_col: UrlCol = None,
    encoding: Annotated[
        str | None, typer.Option(help="Force this text encoding (default: detect).")
    ] = None,
) -> None:
    """Ingest articles into the ledger: segment them, extract their claims, store all.

    Example: keeptabs ingest articles/ --db sqlite:///ledger.db
    Example: keeptabs ingest corpus.csv --text-col article_content --title-col article_title
    --outlet-col source --date-col date --id-col unit_id
    """
    columns = Columns(text_col, title_col, outlet_col, date_col, id_col, url_col)

    def run(store: Store) -> Counter[str]:
        tally: Counter[str] = Counter({"ingested": 0, "unchanged": 0, "rejected": 0})
        for batch in _batches(_raw_inputs(paths, columns), INGEST_BATCH):
            tally.update(_ingest_batch(store, batch, encoding))
        return tally

    tally = _from_store(db, run)
    typer.echo(", ".join(f"{name} {count}" for name, count in tally.items()))


# Documents processed together: their sentences are parsed in one batch (several times
# faster than one by one); 64 keeps memory small and progress steady.
INGEST_BATCH = 64


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _ingest_batch(
    store: Store, batch: list[RawDocument | Rejection], encoding: str | None
) -> Counter[str]:
    from keeptabs.pipeline import process_many  # spaCy: loaded only to extract

    tally: Counter[str] = Counter()
    fresh: list[RawDocument] = []
    for item in batch:
        if isinstance(item, Rejection):
            tally[store.save(Result(document=None, rejections=(item,)))] += 1
            typer.echo(f"rejected: {item.message}", err=True)
        elif store.has_document(sha256_hex(item.raw)):
            tally["unchanged"] += 1
        else:
            fresh.append(item)
    for result in process_many(fresh, encoding=encoding):
        for rejection in result.rejections:
            typer.echo(f"rejected: {rejection.message}", err=True)
        tally[store.save(result)] += 1
    return tally


@app.command()
def claims(
    db: DbOption = None,
    format: Annotated[str, typer.Option("--format", help="table, jsonl or csv.")] = "table",
) -> None:
    """List the stored claims.

    Example: keeptabs claims --format jsonl > claims.jsonl
    """
    if format not in {"table", "jsonl", "csv"}:
        raise typer.BadParameter(
            f"unknown format '{format}'; use table, jsonl or csv.", param_hint="--format"
        )

    def read(store: Store) -> list[dict[str, Any]]:
        names = {d.id: _doc_name(d) for d in store.documents()}
        return [claim_record(c, names.get(c.doc_id, c.doc_id)) for c in store.claims()]

    _print_records(_from_store(db, read), format)


def _doc_name(document: Document) -> str:
    from keeptabs.export.rows import doc_name

    return doc_name(document)


def _print_records(records: list[dict[str, Any]], format: str) -> None:
    if format == "jsonl":
        for record in records:
            typer.echo(json.dumps(record, ensure_ascii=False))
    elif format == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(CLAIM_FIELDS), extrasaction="ignore")
        writer.writeheader()
        writer.writerows(records)
    else:
        typer.echo(render_claims_table(records))


TABLE_COLUMNS = (
    ("doc", 28),
    ("section", 8),
    ("number_text", 18),
    ("counted", 16),
    ("action", 10),
    ("place", 16),
    ("period", 18),
    ("source", 24),
)


def render_claims_table(records: list[dict[str, Any]]) -> str:
    """A fixed-width table of claims, one line each, long cells cut with '…'."""

    def cell(value: Any, width: int) -> str:
        text = "" if value is None else str(value)
        return (text[: width - 1] + "…" if len(text) > width else text).ljust(width)

    lines = ["  ".join(cell(name, width) for name, width in TABLE_COLUMNS)]
    lines.append("  ".join("-" * width for _, width in TABLE_COLUMNS))
    lines += ["  ".join(cell(r.get(name), width) for name, width in TABLE_COLUMNS) for r in records]
    lines.append(f"{len(records)} claims")
    return "\n".join(lines)


def _ledger_of(store: Store) -> tuple[Ledger, dict[str, str], dict[str, str]]:
    from keeptabs.reconcile.ledger import build_ledger

    documents = store.documents()
    ledger = build_ledger(documents, store.claims(), store.references())
    return (
        ledger,
        {d.id: _doc_name(d) for d in documents},
        {d.id: d.outlet or "" for d in documents},
    )


reference_app = typer.Typer(help="Trusted reference tables that claims are checked against.")
app.add_typer(reference_app, name="reference")


@reference_app.command("add")
def reference_add(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV with value and any of period or date, place, counted, action, source."
        ),
    ],
    db: DbOption = None,
) -> None:
    """Load a trusted reference table; `keeptabs findings` then checks claims against it.

    Example: keeptabs reference add vdc-deaths.csv
    """
    from keeptabs.reconcile.reference import read_reference_csv

    try:
        figures, problems = read_reference_csv(file)
    except KeeptabsError as error:
        raise _fail(error) from error
    added = _from_store(db, lambda store: store.add_references(figures, files=[file.name]))
    for problem in problems:
        typer.echo(f"skipped {problem}", err=True)
    typer.echo(
        f"added {added} reference figures from {file}"
        + (f", skipped {len(problems)} rows" if problems else "")
    )


@app.command()
def findings(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Reconcile the stored claims and list what a fact-checker should see: conflicts,
    agreements, repeated origins and errors inside documents.

    Example: keeptabs findings --json > findings.json
    """
    from keeptabs.report.ledger_records import ledger_findings

    ledger, names, _ = _from_store(db, _ledger_of)
    records = ledger_findings(ledger, names)
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for record in records:
        docs = ", ".join(sorted({c["doc"] for c in record["claims"]}))
        typer.echo(f"{record['type']:<26} {docs}\n    {record['explanation']}")
    typer.echo(f"{len(records)} findings")


@app.command()
def series(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the series of figures across documents, with their reconciled figures.

    Example: keeptabs series --json
    """
    from keeptabs.report.ledger_records import series_record

    ledger, names, outlets = _from_store(db, _ledger_of)
    records = [series_record(report, names, outlets) for report in ledger.series]
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for record in records:
        figure = record["figures"].get("range") or {}
        typer.echo(
            f"{record['series']}\n    {len(record['claims'])} claims, {record['outlets']} outlets, "
            f"{record['independent_origins']} independent origins; range "
            f"{figure.get('low')} / {figure.get('value')} / {figure.get('high')}"
            + (f"; {len(record['reader_claims'])} reader claims" if record["reader_claims"] else "")
        )


@app.command()
def documents(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the stored documents.

    Example: keeptabs documents --json
    """

    def read(store: Store) -> list[dict[str, Any]]:
        counts = Counter(claim.doc_id for claim in store.claims())
        return [document_record(d, claims=counts[d.id]) for d in store.documents()]

    records = _from_store(db, read)
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for r in records:
        typer.echo(
            f"{r['id'][:12]}  {r['claims']:>3} claims  {r['outlet'] or '-':<22.22}  "
            f"{r['published'] or '-':<10}  {r['title'] or r['path']}"
        )
    typer.echo(f"{len(records)} documents")


@app.command()
def rejections(db: DbOption = None, as_json: JsonOption = False) -> None:
    """List the input that could not be ingested, with the reason.

    Example: keeptabs rejections --json
    """
    records = _from_store(db, lambda store: [rejection_record(r) for r in store.rejections()])
    if as_json:
        typer.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    for r in records:
        typer.echo(f"{r['path']}  [{r['stage']}/{r['code']}]  {r['message']}")
    typer.echo(f"{len(records)} rejections")


@app.command()
def segment(
    files: Annotated[list[Path], typer.Argument(help="Article files (.txt, .html).")],
    as_json: Annotated[
        bool, typer.Option("--json", help="One JSON array per file instead of text.")
    ] = False,
) -> None:
    """Print each file's segments (headline, body, caption, comment, boilerplate); no database.

    Example: keeptabs segment story.html --json
    """
    from keeptabs.pipeline import read_document

    failed = False
    for item in read_paths(files):
        if isinstance(item, Rejection):
            typer.echo(f"Error: {item.message}", err=True)
            failed = True
            continue
        try:
            document, segments = read_document(item)
        except KeeptabsError as error:
            typer.echo(f"Error: {error.message}", err=True)
            failed = True
            continue
        records = [segment_record(s, document.text, item.path) for s in segments]
        if as_json:
            typer.echo(json.dumps(records, ensure_ascii=False))
        else:
            for r in records:
                preview = " ".join(r["text"].split())
                typer.echo(
                    f"{r['doc']}  {r['kind']:<11} {r['start']:>6}-{r['end']:<6} {preview[:80]}"
                )
    if failed:
        raise typer.Exit(code=1)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Article files (.txt, .html).")],
) -> None:
    """Print one JSON object per claim found in the files; no database.

    Example: keeptabs extract ../shared/corpus/aleppo-2016/*.txt
    """
    from keeptabs.pipeline import process

    failed = False
    for item in read_paths(files):
        if isinstance(item, Rejection):
            typer.echo(f"Error: {item.message}", err=True)
            failed = True
            continue
        result = process(item)
        for rejection in result.rejections:
            typer.echo(f"Error: {rejection.message}", err=True)
            failed = True
        for claim in result.claims:
            typer.echo(json.dumps(claim_record(claim, item.path), ensure_ascii=False))
    if failed:
        raise typer.Exit(code=1)


@app.command()
def numbers() -> None:
    """Read lines of text on stdin; print, per line, a JSON array of the number phrases in it.

    Each phrase: text, start, end, value, lower, upper, qualifier, unit, kind, cue,
    si_value, si_unit.  Kinds date, time, duration, age, ordinal, identifier and
    list_marker are numbers that are not claims.

    Example: echo "some 8,461 civilians left over the past 24 hours" | keeptabs numbers
    """
    from keeptabs.extract.numbers import find_numbers

    for line in sys.stdin:
        text = line.rstrip("\n")
        typer.echo(json.dumps([quantity_record(q) for q in find_numbers(text)], ensure_ascii=False))


@app.command(name="eval")
def evaluate(
    docs: Annotated[
        Path, typer.Argument(help="Folder (or CSV corpus) holding the gold's documents.")
    ],
    gold: Annotated[
        Path, typer.Option("--gold", help="Gold claims, JSON Lines (see gold/README.md).")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    predicted: Annotated[
        Path | None,
        typer.Option(
            "--predicted",
            help="Score these claims (JSON Lines, the gold's fields) instead of extracting: "
            "another annotator's gold, or claims exported earlier.",
        ),
    ] = None,
    text_col: TextCol = "article_content",
    title_col: TitleCol = "article_title",
    outlet_col: OutletCol = "source",
    date_col: DateCol = "date",
    id_col: IdCol = "unit_id",
) -> None:
    """Score extraction against a gold file: detection P/R/F1 and each field's accuracy.

    Example: keeptabs eval --gold ../shared/gold/aleppo-2016.jsonl ../shared/corpus/aleppo-2016
    """
    from keeptabs.evaluate.run import evaluate_corpus
    from keeptabs.evaluate.scoring import render_table

    columns = Columns(text_col, title_col, outlet_col, date_col, id_col)
    try:
        report = evaluate_corpus(gold, docs, columns, predicted_path=predicted)
    except KeeptabsError as error:
        raise _fail(error) from error
    typer.echo(json.dumps(report.to_json(), indent=2) if as_json else render_table(report))


@app.command()
def demo(db: DbOption = None) -> None:
    """Ingest the bundled (fictional) demo corpus and print its ledger.

    Example: keeptabs demo --db sqlite:///demo.db
    """
    from keeptabs.demo import corpus_path

    ingest(
        [corpus_path()],
        db=db,
        text_col="article_content",
        title_col=None,
        outlet_col=None,
        date_col=None,
        id_col=None,
        url_col=None,
        encoding=None,
    )
    claims(db=db, format="table")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; loopback unless you mean it.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            help="Turns on the write endpoints (POST /api/...) for requests bearing it.",
            envvar="KEEPTABS_TOKEN",
        ),
    ] = None,
) -> None:
    """Serve the ledger: pages with evidence, downloads and the JSON API (docs at /docs).

    Example: keeptabs serve --db sqlite:///keeptabs.db --port 8000
    """
    import uvicorn

    from keeptabs.web.app import create_app

    web_app = create_app(db, token=token)
    state = web_app.state.keeptabs
    try:
        counts = state.view().counts()  # load the ledger now: the first page answers at once
    except KeeptabsError as error:
        raise _fail(error) from error
    typer.echo(
        f"keeptabs: {counts['documents']} documents, {counts['claims']} claims, "
        f"{counts['series']} series at http://{host}:{port}/ (API docs at /docs)"
    )
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


@app.command()
def report(
    out: Annotated[Path, typer.Option("--out", help="Folder to write the pages into.")],
    db: DbOption = None,
) -> None:
    """Write the ledger as static HTML pages that open from disk (no server needed).

    Example: keeptabs report --out ledger-report && open ledger-report/index.html
    """
    from keeptabs.web.static_report import write_report
    from keeptabs.web.view import load_view

    view = _from_store(db, load_view)
    summary = write_report(view, out)
    typer.echo(f"wrote {summary.pages} pages and {summary.files} downloads to {out}/index.html")


EXPORT_KINDS = ("claims", "documents", "series", "findings")


@app.command()
def export(
    format: Annotated[
        str,
        typer.Option(
            "--format", help="csv, jsonl, parquet, json; for claims also hxl, claimreview, prov."
        ),
    ] = "csv",
    what: Annotated[
        str, typer.Option("--what", help="claims, documents, series or findings.")
    ] = "claims",
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (default: standard output).")
    ] = None,
    where: Annotated[
        list[str] | None,
        typer.Option("--where", help="A facet, as NAME=VALUE (repeatable): outlet=RT"),
    ] = None,
    db: DbOption = None,
) -> None:
    """Export a list of the ledger in an open format.

    Example: keeptabs export --format hxl --where outlet=SANA --out sana.csv
    """
    from keeptabs.web.downloads import CLAIMS_ONLY, DOWNLOADS, download
    from keeptabs.web.pages import LISTS, list_rows
    from keeptabs.web.view import load_view

    if what not in EXPORT_KINDS:
        raise typer.BadParameter(f"use one of {', '.join(EXPORT_KINDS)}.", param_hint="--what")
    if format not in DOWNLOADS or (format in CLAIMS_ONLY and what != "claims"):
        known = ", ".join(f for f in DOWNLOADS if what == "claims" or f not in CLAIMS_ONLY)
        raise typer.BadParameter(f"'{format}' is not one of {known}.", param_hint="--format")
    facets = dict(item.split("=", 1) for item in where or [] if "=" in item)
    if len(facets) != len(where or []):
        raise typer.BadParameter("write each facet as NAME=VALUE.", param_hint="--where")
    unknown = sorted(set(facets) - set(LISTS[what]))
    if unknown:
        known = ", ".join(LISTS[what])
        raise typer.BadParameter(
            f"{what} have no facet {', '.join(unknown)}; use one of {known}.",
            param_hint="--where",
        )
    view = _from_store(db, load_view)
    answer = download(what, format, list_rows(view, what, facets))
    if out is None:
        sys.stdout.buffer.write(answer.body)
        sys.stdout.flush()
    else:
        out.write_bytes(answer.body)
        typer.echo(f"wrote {out} ({len(answer.body):,} bytes)", err=True)


@app.command()
def framing(db: DbOption = None, as_json: JsonOption = False) -> None:
    """How each outlet names the parties and hedges figures: rates per 1,000 words.

    Example: keeptabs framing --json > framing.json
    """
    from keeptabs.framing import framing_records, outlet_framing, render_table

    def read(store: Store) -> str:
        documents = store.documents()
        segments = {d.id: store.segments(d.id) for d in documents}
        if as_json:
            names = {d.id: _doc_name(d) for d in documents}
            records = framing_records(documents, store.claims(), segments=segments, names=names)
            return json.dumps(records, ensure_ascii=False, indent=2)
        return render_table(outlet_framing(documents, segments))

    typer.echo(_from_store(db, read))


@app.command()
def review(
    claim_id: Annotated[str, typer.Argument(help="The claim's id (see `keeptabs export`).")],
    rating: Annotated[
        str, typer.Option(help="false, misleading, mixed, mostly-accurate or accurate.")
    ],
    author: Annotated[str, typer.Option(help="Who reviewed it.")],
    note: Annotated[str | None, typer.Option(help="Why, in a sentence.")] = None,
    db: DbOption = None,
) -> None:
    """Mark a claim reviewed; reviewed claims are exported as schema.org ClaimReview.

    Example: keeptabs review 'ab12...:120-125' --rating misleading --author 'A. Checker'
    """
    from datetime import UTC, datetime

    from keeptabs.types import Review

    def write(store: Store) -> bool:
        if not any(claim.id == claim_id for claim in store.claims(claim_id.split(":")[0])):
            return False
        day = datetime.now(UTC).date().isoformat()
        store.add_review(Review(claim_id, rating, author, day, note))
        return True

    if not _from_store(db, write):
        typer.echo(
            f"Error: no claim with id '{claim_id}'. List ids with `keeptabs export`.", err=True
        )
        raise typer.Exit(code=2)
    typer.echo(f"reviewed {claim_id}: {rating}")


def main() -> None:  # pragma: no cover - console entry point
    app()
