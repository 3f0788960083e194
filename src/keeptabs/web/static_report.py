"""``keeptabs report --out DIR``: the app's pages as static HTML that opens from disk.

The same page functions as the server write every view once, with relative links; the
lists come whole (no paging) with their CSV and JSON beside them.  Facets and search
need a server, so the report leaves them out.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from keeptabs.web.downloads import download
from keeptabs.web.pages import (
    LISTS,
    claim_page,
    document_page,
    finding_page,
    framing_page,
    list_page,
    list_rows,
    overview_page,
    series_page,
)
from keeptabs.web.render import REPORT_FORMATS, Linker, page_file
from keeptabs.web.view import LedgerView


@dataclass(frozen=True, slots=True)
class ReportSummary:
    pages: int
    files: int
    folder: Path


def write_report(view: LedgerView, folder: Path) -> ReportSummary:
    """Write every page of ``view`` under ``folder`` (created; old pages overwritten)."""
    folder.mkdir(parents=True, exist_ok=True)
    top, nested = Linker(static=True, depth=0), Linker(static=True, depth=1)
    pages: dict[str, Callable[[], str]] = {
        "/": lambda: overview_page(view, top),
        "/framing": lambda: framing_page(view, top),
    }
    for kind in LISTS:
        pages[f"/{kind}"] = lambda kind=kind: list_page(view, top, kind, {})  # type: ignore[misc]
    for doc_id in view.documents:
        pages[f"/documents/{doc_id}"] = lambda d=doc_id: document_page(view, nested, d)  # type: ignore[misc]
    for claim in view.claims:
        pages[f"/claims/{claim.id}"] = lambda c=claim.id: claim_page(view, nested, c)  # type: ignore[misc]
    for series in view.series:
        pages[f"/series/{series.id}"] = lambda s=series.id: series_page(view, nested, s)  # type: ignore[misc]
    for item in view.findings:
        pages[f"/findings/{item.id}"] = lambda f=item.id: finding_page(view, nested, f)  # type: ignore[misc]
    for route, make in pages.items():
        path = folder / page_file(route)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make(), encoding="utf-8")
    files = 0
    for kind in LISTS:
        for fmt in REPORT_FORMATS:
            answer = download(kind, fmt, list_rows(view, kind, {}))
            (folder / f"{kind}.{fmt}").write_bytes(answer.body)
            files += 1
    _copy_static(folder / "static")
    return ReportSummary(pages=len(pages), files=files, folder=folder)


def _copy_static(target: Path) -> None:
    source = resources.files("keeptabs.web").joinpath("static")
    with resources.as_file(source) as path:
        shutil.copytree(path, target, dirs_exist_ok=True)
