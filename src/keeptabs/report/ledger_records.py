"""Plain records of the ledger for JSON output: series with their figures, findings."""

from __future__ import annotations

from typing import Any

from keeptabs.reconcile.findings import claim_brief, finding_record
from keeptabs.reconcile.ledger import Ledger, SeriesReport
from keeptabs.reconcile.policies import Figure
from keeptabs.report.records import plain_number


def series_record(
    report: SeriesReport, names: dict[str, str], outlets: dict[str, str] | None = None
) -> dict[str, Any]:
    """A series: its key, the claims in evidence, reader claims, origins and figures;
    ``outlets`` names each document's outlet (else its name counts as one)."""
    key = report.series.key
    docs = sorted({c.doc_id for c in report.series.claims})
    outlets = outlets or {}
    return {
        "series": str(key),
        "population": key.population,
        "action": key.action,
        "place": key.place or None,
        "period_kind": key.period_kind,
        "outlets": len({outlets.get(d) or names.get(d, d) for d in docs}),
        "independent_origins": len(report.origins),
        "claims": [claim_brief(c, names.get(c.doc_id)) for c in report.series.claims],
        "reader_claims": [claim_brief(c, names.get(c.doc_id)) for c in report.series.reader_claims],
        "origins": [
            {
                "source": next(
                    (c.source_org or c.source for c in group if c.source_org or c.source), None
                ),
                "documents": len({c.doc_id for c in group}),
                "claims": [claim_brief(c, names.get(c.doc_id)) for c in group],
            }
            for group in report.origins
        ],
        "figures": {policy: figure_record(f, names) for policy, f in report.figures.items()},
    }


def figure_record(figure: Figure, names: dict[str, str]) -> dict[str, Any]:
    return {
        "value": plain_number(figure.value),
        "low": plain_number(figure.low),
        "high": plain_number(figure.high),
        "why": figure.why,
        "claims": [claim_brief(c, names.get(c.doc_id)) for c in figure.claims],
    }


def ledger_findings(ledger: Ledger, names: dict[str, str]) -> list[dict[str, Any]]:
    return [finding_record(finding, names) for finding in ledger.findings]
