"""Whether two claims tell of one event: the words their sentences share.

A city sees several attacks a day; two tolls for Aleppo on one day conflict only if
they are tolls of the same attack.  Sentences about one event share words beyond the
series' own (the weapon, the target, the group blamed: "chemical", "market",
"Jaysh al-Islam"); ``MIN_SHARED`` such words make one event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from keeptabs.evaluate.normalize import lemma
from keeptabs.types import Claim

MIN_SHARED = 2
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
# Words every casualty report uses: they say nothing about which event it is.
_COMMON = frozenset(
    """
    about after also around attack attacks been before being city civilian civilians dead
    death died during have injured injuring killed killing least more most news other others
    over people person reported said says state syria syrian than that their them there these
    they this those three told toll town wounded wounding were what when where which while
    with would year years monday tuesday wednesday thursday friday saturday sunday today
    terrorist terrorists regime rebel rebels government forces force army military monitor
    observatory rocket rockets mortar shell shells shelling bomb bombs bombing airstrike
    airstrikes strike strikes raid raids neighborhood neighbourhood district area areas
    local source sources residential human rights britain-based activist activists group
    be have say tell report kill injure wound die since
    """.split()
)


def same_event(
    first: Claim, second: Claim, *, told: Iterable[Claim] = (), also: Iterable[Claim] = ()
) -> bool:
    """Whether ``first`` and ``second`` tell of one event; ``told`` and ``also`` are the
    places their documents give the same figure (a headline, its repeat at the top of the
    body and the lead give one figure in sentences of different length: all of their
    words describe the event)."""
    shared = _all_words(first, *told) & _all_words(second, *also)
    own = _words(" ".join(filter(None, (first.counted, first.action, first.place))))
    return len(shared - own) >= MIN_SHARED


def _all_words(*claims: Claim) -> frozenset[str]:
    return frozenset().union(*(_words(claim.quote) for claim in claims))


@cache
def _words(text: str) -> frozenset[str]:
    words = {word.casefold() for word in _WORD.findall(text)} - _COMMON
    return frozenset(lemma(word) for word in words) - _COMMON  # "were" and "said" lemmatized
