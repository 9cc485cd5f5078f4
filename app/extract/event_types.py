"""Event type (ACLED taxonomy) of a sentence, from the weighted phrase lexicon event_types.tsv."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LEXICON = Path(__file__).resolve().parent / "resources" / "event_types.tsv"
OTHER = ("Strategic developments", "Other")
TAXONOMY: tuple[tuple[str, str], ...] = (
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Battles", "Non-state actor overtakes territory"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Suicide bomb"),
    ("Explosions/Remote violence", "Grenade"),
    ("Explosions/Remote violence", "Chemical weapon"),
    ("Violence against civilians", "Attack"),
    ("Violence against civilians", "Abduction/forced disappearance"),
    ("Violence against civilians", "Sexual violence"),
    ("Protests", "Peaceful protest"),
    ("Protests", "Protest with intervention"),
    ("Protests", "Excessive force against protesters"),
    ("Riots", "Violent demonstration"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Agreement"),
    ("Strategic developments", "Arrests"),
    ("Strategic developments", "Change to group/activity"),
    ("Strategic developments", "Disrupted weapons use"),
    ("Strategic developments", "Headquarters or base established"),
    ("Strategic developments", "Looting/property destruction"),
    ("Strategic developments", "Non-violent transfer of territory"),
    ("Strategic developments", "Other"),
)


@dataclass(frozen=True, slots=True)
class EventTypeMatch:
    event_type: str
    sub_event_type: str
    score: float  # summed weights of the winning (type, sub-type)'s phrases
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class _Lexicon:
    regex: re.Pattern[str]
    entries: dict[str, tuple[str, str, float]]  # regex group name → (type, sub-type, weight)


def _phrase_regex(phrase: str) -> str:
    body = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
    return rf"\b{body}\w*" if phrase.endswith("*") else rf"\b{body}\b"


@cache
def _lexicon() -> _Lexicon:
    entries: dict[str, tuple[str, str, float]] = {}
    parts = []
    with LEXICON.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for number, (phrase, event_type, sub_type, weight) in enumerate(rows):
            if (event_type, sub_type) not in TAXONOMY:
                raise ValueError(f"event_types.tsv: unknown type {event_type!r} / {sub_type!r}")
            name = f"p{number}"
            entries[name] = (event_type, sub_type, float(weight))
            parts.append(f"(?P<{name}>{_phrase_regex(phrase)})")
    # Longer phrases first so "cruise missile" wins over "missile" at the same place.
    parts.sort(key=len, reverse=True)
    return _Lexicon(re.compile("|".join(parts), re.IGNORECASE), entries)


def classify(text: str) -> EventTypeMatch:
    """The best-scoring (type, sub-type) for a sentence; 'Strategic developments / Other' if none.

    >>> classify("Russian forces shelled the town overnight").sub_event_type
    'Shelling/artillery/missile attack'
    """
    lexicon = _lexicon()
    scores: dict[tuple[str, str], float] = defaultdict(float)
    phrases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for match in lexicon.regex.finditer(text):
        name = match.lastgroup or ""
        event_type, sub_type, weight = lexicon.entries[name]
        scores[(event_type, sub_type)] += weight
        phrases[(event_type, sub_type)].append(match.group().lower())
    if not scores:
        return EventTypeMatch(*OTHER, 0.0, ())
    best = max(scores, key=lambda key: (scores[key], -TAXONOMY.index(key)))
    return EventTypeMatch(best[0], best[1], scores[best], tuple(phrases[best]))


def event_type_names() -> list[tuple[str, str]]:
    """Every (type, sub-type) pair in taxonomy order."""
    return list(TAXONOMY)
