"""Which quantities become claims: re-mentions, loose vague words and distances do not."""

from __future__ import annotations

import pytest

from keeptabs.extract.candidates import is_claim_candidate
from keeptabs.extract.numbers import find_numbers


def candidates(text: str) -> list[str]:
    return [q.text for q in find_numbers(text) if is_claim_candidate(q, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels killed several soldiers near Hama.", []),
        ("Several hundred fighters surrendered.", ["Several hundred"]),
        ("Thousands of civilians fled the town.", ["Thousands"]),
        ("One civilian was killed and one of the bombs missed.", ["One"]),
        ("The two pilots were flying a test mission.", []),
        ("An attack on two villages killed 15 civilians.", ["two", "15"]),
        ("All four areas have been under siege.", []),
        ("Get short URL 0 0 0 Syrian forces fired rockets.", []),
        # a site's counters and stamps, and years of an era
        ("23.10.2017(updated 2340 23.10.2017) Get short URL 2440 Rebels fired 12 rockets.", ["12"]),
        ("Slideshow (21 Images) 48 Related Army Kills 22 Militants", ["22"]),
        ("Get short URL 0 85 12 Daesh terrorists were killed.", ["12"]),
        ("Get short URL 9427 At least 10 civilians were killed.", ["At least 10"]),
        ("Topic Violence Erupts in Syria (1881) 0 25 A bomber blew himself up.", []),
        (
            "Get short URL Topic Operation to Liberate the Northern Town of Tabqa (61) 112010 "
            "Jets struck 9 targets.",
            ["9"],
        ),
        ("Last Update: Sunday 25 August 2013 KSA 15:55 - GMT 12:55 1 Rebels lost 3 tanks.", ["3"]),
        ("Rebels lost 3 tanks. 832 Community standards Discussion", ["3"]),
        ("They raised the topic of the talks (12 rounds so far) again.", ["12"]),
        # a number standing alone after the last sentence: a page counter, an editor's code
        ("Rockets killed 4 civilians SANA reported. 219-11", ["4"]),
        ("Rockets killed 4 civilians, sources said. 12\nMore news", ["4"]),
        ("The town has been settled since 1750 BC.", []),
        ("A 20-member team arrived to inspect three sites.", ["three"]),
        ("Heneyda is around 25 kilometres west of Raqqa.", []),
        ("Al Tabqah is located some 27 miles to the east of Raqqa.", []),
        # ... nor its conversion in brackets
        ("The town lies about 30 km (20 miles) south of Idlib.", []),
        ("The strikes hit within 12 miles of the port.", ["12 miles"]),
    ],
)
def test_candidates_keep_only_numbers_that_count_something(text: str, expected: list[str]) -> None:
    assert candidates(text) == expected
