"""Who acts in a clause: a country or a capital standing for its state that opens the clause as
the subject of a deed, a stance or a statement ("Ukraine has taken ...", "Moscow has already
imported ...", "Poland and Lithuania have said ..."), or a union of states ("EU member states
agreed ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Literal

from app.extract.places_data import any_of, region_of
from app.extract.types import Place

# A country opening its clause ("Ukraine has taken ...", "On Friday, Russia vetoed ...") and
# followed by a verb of deed in the past: the country acting.
# "Poland and Lithuania have said": either of two countries joined by "and" opens the clause.
CLAUSE_OPENING = re.compile(
    r"(?:^(?:(?:On|Last|This|Earlier|Late|Early)\s[^,]{2,25},\s*|(?:Meanwhile|However|Separately|"
    r"Elsewhere|Still|Instead|Also),\s*)?|[;:]\s+|,\s+(?:and|but)\s+)"
    r"(?:(?:[Tt]he|An?)\s+)?(?:[A-Z][\w-]+\s+and\s+(?:the\s+)?)?$"
)


@cache
def deed_after() -> re.Pattern[str]:
    """The verb of deed, stance or statement right after a country (its partner in "and"
    included): group "said" or "says" for a statement; irregular pasts from places_words.tsv."""
    irregular = any_of("irregular_deeds")
    return re.compile(
        r"(?:\s+and\s+(?:the\s+)?[A-Z][\w-]+)?"
        r"\s+(?:on\s+[A-Z][a-z]+day\s+)?(?:(?:also|then|later|now)\s+)?"
        r"(?:(?:has|have|had)\s+(?:(?:also|now|already|just|since)\s+)?"
        r"(?:[a-z]{3,}(?:ed|en)|(?P<said>said|told))|"
        r"(?P<says>said|says|told|warns|vows|pledges|announces|insists|denies|rejects|accuses|"
        r"urges|condemns)|agrees|approves|signs|joins|hosts|expels|bans|imposes|sends|offers|"
        r"plans|refuses|(?:does|do|did)(?:n't|\s+not)\s+[a-z]+|"
        rf"[a-z]{{3,}}ed|{irregular})\b"
    )


def acts(place: Place, clause: str, clause_start: int) -> Literal["deed", "statement"] | None:
    """'Ukraine has taken tanks off the frontline', 'Russia on Wednesday vetoed a resolution',
    'Poland and Lithuania have said', 'The US does not expect': a country opening its clause as
    the subject of a deed or a statement is where it happened, whoever reports it, over the
    countries the clause names in passing."""
    if CLAUSE_OPENING.search(clause, 0, place.span.start - clause_start) is None:
        return None
    end = place.span.end - clause_start
    # "Russia's supreme court banned ...", "The Russian justice ministry updated ..."
    owned = _owned_after().match(clause, end) or _civil_body().match(clause, end)
    if owned:
        end = owned.end()
    verb = deed_after().match(clause, end)
    if verb is None:
        return None
    said = verb.group("said") or verb.group("says")
    return "statement" if said else "deed"  # a stance ("does not expect") is firm, as a deed


def acting_governments(places: Sequence[Place], clause: str, clause_start: int) -> list[Place]:
    """'Moscow has already imported drones from China', 'Berlin has agreed to send tanks to
    Ukraine', 'the Russian justice ministry updated its list': a capital standing for its state,
    or a nationality naming a civil body of its state, opening the clause as the subject of a
    deed or a statement acts as its country does (the capital is not the scene)."""
    end = clause_start + len(clause)
    return [
        replace(
            p,
            region=region_of(p.region.code.split("-")[0]),
            kind="country",
            geo_precision="country",
        )
        for p in places
        if (
            p.kind == "government"
            or (p.kind == "demonym" and _civil_body_after(p, clause, clause_start))
        )
        and clause_start <= p.span.start
        and p.span.end <= end
        and acts(p, clause, clause_start)
    ]


def _civil_body_after(place: Place, clause: str, clause_start: int) -> bool:
    """'Russian justice ministry', 'the Ukrainian government': a nationality naming a civil body
    of its state (not its forces, which act where they fight)."""
    return _civil_body().match(clause, place.span.end - clause_start) is not None


@cache
def _civil_body() -> re.Pattern[str]:
    bodies = any_of("civil_bodies")
    return re.compile(rf"(?:\s+[a-z-]+)?\s+(?:{bodies})\b")


@cache
def _owned_after() -> re.Pattern[str]:
    """A country's possessive and the body of its state it names: "Russia's foreign ministry"."""
    bodies = any_of("institutions")
    return re.compile(rf"['\u2019]s(?:\s+[a-z-]+){{0,2}}?\s+(?:{bodies})\b")


def union_opens(places: Sequence[Place], clause: str, clause_start: int) -> bool:
    """A union of states (the EU) opening the clause acts in it: the countries it names are
    those it acts on or for, and the union itself has no ISO 3166 code to place it."""
    end = clause_start + len(clause)
    return any(
        p.kind == "union"
        and clause_start <= p.span.start < end
        and CLAUSE_OPENING.search(clause, 0, p.span.start - clause_start) is not None
        for p in places
    )
