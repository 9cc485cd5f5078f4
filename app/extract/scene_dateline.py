"""The place a wire story is filed from: its dateline ("CAPRI, Italy (AP) —", "KYIV, June 25
(Reuters) -"). Statements that name no scene of their own were made there (at the meeting the
story reports), in its country."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.extract.places import region
from app.extract.types import Place, Region, Sentence, Span

# An upper-case city, maybe its country or state, maybe a date, then the agency and a dash;
# the article's first characters.
DATELINE = re.compile(
    r"\s*[A-Z][A-Z.'\u2019 -]+[A-Z](?:,\s+[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?"
    r"(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s+\d{4})?)?"
    r"\s+\((?:AP|Reuters|AFP)\)\s*[\u2014\u2013-]"
)


def filed_from(places: Sequence[Place], span: Sentence | Span) -> tuple[Region, ...]:
    """The country of the dateline opening `span`, if `span` opens the article with one."""
    dateline = DATELINE.match(span.text) if span.start == 0 else None
    if dateline is None:
        return ()
    named = [p for p in places if p.span.end <= dateline.end()]
    country = region(named[-1].region.code.split("-")[0]) if named else None
    return (country,) if country else ()
