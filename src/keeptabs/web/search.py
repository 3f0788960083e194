"""Full-text search over documents and claims: an in-memory SQLite FTS5 index.

The index is built from the ledger view when the app starts, whatever database holds
the ledger (SQLite or PostgreSQL): search then costs the same on both.  The user's words
are quoted one by one before they reach FTS5, so its query syntax (``AND``, ``NEAR``,
``"``, ``*``) cannot make a query fail; every word must match (prefixes too).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from keeptabs.types import Claim, Document

HIT_OPEN, HIT_CLOSE = "\x02", "\x03"  # marks FTS5 puts around matches; never in stored text
SNIPPET_TOKENS = 24  # words of context in a search result's snippet
MAX_RESULTS = 50  # per kind (documents, claims): a page of results, best first
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "document" or "claim"
    id: str
    doc_id: str
    title: str
    pieces: tuple[tuple[str, bool], ...]  # the snippet: (text, is a matched word)


class SearchIndex:
    """Documents (title and text) and claims (quote and frame) in one FTS5 database."""

    def __init__(
        self, documents: Sequence[Document], claims: Sequence[Claim], names: dict[str, str]
    ) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.executescript(
            "CREATE VIRTUAL TABLE documents USING fts5(id UNINDEXED, title, text,"
            " tokenize='unicode61 remove_diacritics 2');"
            "CREATE VIRTUAL TABLE claims USING fts5(id UNINDEXED, doc_id UNINDEXED, title,"
            " quote, frame, tokenize='unicode61 remove_diacritics 2');"
        )
        titles = {d.id: d.title or names.get(d.id, d.id) for d in documents}
        self._db.executemany(
            "INSERT INTO documents VALUES (?, ?, ?)",
            [(d.id, titles[d.id], d.text) for d in documents],
        )
        self._db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?)",
            [
                (c.id, c.doc_id, titles.get(c.doc_id, c.doc_id), c.quote, _frame_text(c))
                for c in claims
            ],
        )

    def search(self, query: str, *, limit: int = MAX_RESULTS) -> list[Hit]:
        """Documents, then claims, that hold every word of ``query`` (best first)."""
        match = fts_query(query)
        if not match:
            return []
        marks = (HIT_OPEN, HIT_CLOSE, "…", SNIPPET_TOKENS)
        with self._lock:
            documents = self._db.execute(
                "SELECT id, id, title, snippet(documents, 2, ?, ?, ?, ?) FROM documents"
                " WHERE documents MATCH ? ORDER BY rank LIMIT ?",
                (*marks, match, limit),
            ).fetchall()
            claims = self._db.execute(
                "SELECT id, doc_id, title, snippet(claims, 3, ?, ?, ?, ?) FROM claims"
                " WHERE claims MATCH ? ORDER BY rank LIMIT ?",
                (*marks, match, limit),
            ).fetchall()
        return [
            Hit(kind, str(row[0]), str(row[1]), str(row[2]), split_snippet(str(row[3])))
            for kind, rows in (("document", documents), ("claim", claims))
            for row in rows
        ]


def fts_query(query: str) -> str:
    """``query``'s words, each quoted as an FTS5 string and matched as a prefix."""
    return " ".join(f'"{word}"*' for word in _WORD.findall(query))


def split_snippet(snippet: str) -> tuple[tuple[str, bool], ...]:
    """FTS5's snippet as pieces of plain text and matched words, for escaping in a page."""
    pieces: list[tuple[str, bool]] = []
    for part in re.split(f"({HIT_OPEN}[^{HIT_CLOSE}]*{HIT_CLOSE})", snippet):
        if part.startswith(HIT_OPEN):
            pieces.append((part[1:-1], True))
        elif part:
            pieces.append((part, False))
    return tuple(pieces)


def _frame_text(claim: Claim) -> str:
    parts = (claim.counted, claim.action, claim.place, claim.period, claim.source)
    return " ".join(part for part in (*parts, claim.source_org) if part)
