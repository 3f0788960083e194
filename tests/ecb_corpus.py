"""ECB+ articles as a CSV corpus that ``keeptabs eval`` reads, for the ECB+ check golds.

The ECB+ release (``../shared/eval/clusters/ecbplus``) ships its articles as token files.
Each is joined back into sentences, one per line (``ecb_text``); the line that opens with
the page's address is dropped, lines before the headline that are only a date or a
masthead go to the ``date`` column, the next line is the headline and the rest the body,
one paragraph per sentence.  The texts stay in ../shared: the CSV is written at run time.

    python tests/ecb_corpus.py OUT.csv DOC [DOC ...]     # e.g. 3_7ecb 20_2ecbplus
    python tests/ecb_corpus.py OUT.csv GOLD.jsonl        # the documents a gold names
"""

from __future__ import annotations

import csv
import json
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
ECB = SHARED / "eval" / "clusters" / "ecbplus"
ARCHIVE = ECB / "ecbplus-topics-1-35.tar.gz"
FIELDS = ["unit_id", "article_title", "article_content", "source", "date", "location", "labels"]

_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]'’”]|n't|'s)")
_NO_SPACE_AFTER = re.compile(r"([(\[“$]) ")
_SPLIT_NUMBER = re.compile(r"(\d)([,:.]) (\d)")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A line before the headline that only dates the page: "Updated 11 / 27 / 2005 3:41 PM",
# "Tuesday, August 7,2012", "9 September 2013,14:08", "Posted: Nov 27,2005 8:20 AM ET",
# "November 28th, 2005,09:11 GMT"
_DATE_LINE = re.compile(
    r"^(?:(?:Last\s+)?Updated|Posted|Published|First\s+Posted)?:?\s*"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?"
    rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,\s*\d{{4}}"
    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{2,4})",
    re.IGNORECASE,
)
MAX_DATE_LINE = 100  # characters: a longer line is the story's


def ecb_text(xml: bytes) -> str:
    """An ECB+ token file joined back into sentences, one per line."""
    sentences: dict[int, list[str]] = {}
    for token in ET.fromstring(xml).iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    lines = []
    for number in sorted(sentences):
        line = " ".join(sentences[number])
        line = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", line))
        lines.append(_SPLIT_NUMBER.sub(r"\1\2\3", line))  # "26, 000", "1: 30"
    return "\n".join(lines) + "\n"


def ecb_row(doc: str, text: str, outlet: str) -> dict[str, str]:
    """The corpus row of one ECB+ article (``doc`` without ".xml")."""
    lines = [line for line in text.split("\n") if line.strip()]
    if lines and lines[0].startswith("http"):
        lines = lines[1:]  # the page's address
    date = ""
    while len(lines) > 1 and len(lines[0]) < MAX_DATE_LINE:
        if _DATE_LINE.match(lines[0]):
            date = lines[0]
        elif not lines[0].isupper():
            break  # the headline
        lines = lines[1:]  # a date, or a masthead in capitals ("THE WHITE HOUSE")
    return {
        "unit_id": doc,
        "article_title": lines[0] if lines else "",
        "article_content": "\n\n".join(lines[1:]),
        "source": outlet or "ecb",
        "date": date,
        "location": "",
        "labels": "",
    }


def outlets() -> dict[str, str]:
    """Each ECB+ document's outlet (its web domain), by file name."""
    with (ECB / "cluster_index.csv").open(encoding="utf-8", newline="") as handle:
        return {row["doc"]: row["source_domain(ecbplus only)"] for row in csv.DictReader(handle)}


def write_corpus(out: Path, docs: list[str]) -> Path:
    """Write the rows of ``docs`` (names without ".xml"), in that order, to ``out``."""
    wanted = {f"{doc}.xml" for doc in docs}
    texts: dict[str, str] = {}
    with tarfile.open(ARCHIVE) as archive:
        for member in archive.getmembers():
            name = Path(member.name).name
            member_file = archive.extractfile(member) if member.isfile() else None
            if name in wanted and member_file is not None:
                texts[name] = ecb_text(member_file.read())
    missing = sorted(wanted - texts.keys())
    if missing:
        raise SystemExit(f"{ARCHIVE}: no document {', '.join(missing)}")
    domains = outlets()
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FIELDS)
        writer.writeheader()
        for doc in docs:
            writer.writerow(ecb_row(doc, texts[f"{doc}.xml"], domains.get(f"{doc}.xml", "")))
    return out


def gold_docs(gold: Path) -> list[str]:
    """The documents a gold file names, in the order they first appear."""
    with gold.open(encoding="utf-8") as handle:
        return list(dict.fromkeys(str(json.loads(line)["doc"]) for line in handle if line.strip()))


if __name__ == "__main__":
    named = sys.argv[2:]
    if len(named) == 1 and named[0].endswith(".jsonl"):
        named = gold_docs(Path(named[0]))
    write_corpus(Path(sys.argv[1]), named)
