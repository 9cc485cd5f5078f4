"""Event type (ACLED taxonomy) of a sentence, from the weighted phrase lexicon event_types.tsv."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from app.extract.alternation import phrase_alternation
from app.extract.cues import cues

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
    regex: re.Pattern[str]  # every phrase, no groups: groups make a large alternation slow
    exact: dict[str, tuple[str, str, float]]  # "cruise missile" → (type, sub-type, weight)
    stems: tuple[tuple[str, tuple[str, str, float]], ...]  # ("shell", …) longest first


def _phrase_regex(phrase: str) -> str:
    body = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
    return rf"{body}\w*" if phrase.endswith("*") else rf"{body}\b"


@cache
def _lexicon() -> _Lexicon:
    exact: dict[str, tuple[str, str, float]] = {}
    stems: list[tuple[str, tuple[str, str, float]]] = []
    with LEXICON.open(encoding="utf-8") as handle:
        rows = csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t")
        for phrase, event_type, sub_type, weight in rows:
            if (event_type, sub_type) not in TAXONOMY:
                raise ValueError(f"event_types.tsv: unknown type {event_type!r} / {sub_type!r}")
            entry = (event_type, sub_type, float(weight))
            if phrase.endswith("*"):
                stems.append((phrase[:-1], entry))
            else:
                exact[phrase] = entry
    phrases = sorted([*exact, *(stem + "*" for stem, _ in stems)], key=len, reverse=True)
    regex = re.compile(r"\b(?:" + phrase_alternation(phrases, _phrase_regex) + ")", re.IGNORECASE)
    stems.sort(key=lambda item: len(item[0]), reverse=True)
    return _Lexicon(regex, exact, tuple(stems))


def _entry(lexicon: _Lexicon, matched: str) -> tuple[str, str, float] | None:
    words = " ".join(matched.lower().split())
    if words in lexicon.exact:
        return lexicon.exact[words]
    return next((entry for stem, entry in lexicon.stems if words.startswith(stem)), None)


@lru_cache(maxsize=4096)
def classify(text: str) -> EventTypeMatch:
    """The best-scoring (type, sub-type) for a sentence; 'Strategic developments / Other' if none.

    >>> classify("Russian forces shelled the town overnight").sub_event_type
    'Shelling/artillery/missile attack'
    """
    return _best(_lexicon().regex.finditer(text))


@lru_cache(maxsize=4096)
def classify_happening(text: str) -> EventTypeMatch:
    """As classify, but a phrase named as what is supplied or reacted to does not count: mostly
    weapons ("promised anti-ship missiles", "US-supplied rockets" are aid, not an attack), also
    what an aid package holds, the attack a statement condemns, what is only expected, planned,
    threatened or possible ("could trigger a war"), and the war named in passing.
    For the type an event is shown with; how newsworthy a sentence reads still goes by classify."""
    markers = (cues().supply, cues().reaction, cues().unrealised)
    return _best(
        match
        for match in _lexicon().regex.finditer(text)
        if not any(
            marker.search(text, max(0, match.start() - OBJECT_CHARS), match.start())
            for marker in markers
        )
        and not _names_the_war(text, match)
    )


def _names_the_war(text: str, match: re.Match[str]) -> bool:
    """'during Russia's full-scale invasion': the war named in passing, not a battle."""
    cue = cues()
    return match.group().lower() in cue.war_names and (
        cue.war_named_before.search(text, max(0, match.start() - WAR_NAME_CHARS), match.start())
        is not None
    )


# A verb or noun of supplying (or reacting) ends this close before a weapon's name: "to provide
# heavy weapons, air defence systems, anti-ship missiles".
OBJECT_CHARS = 60
WAR_NAME_CHARS = 40  # "Russia's brutal full-scale invasion": a determiner and two words before it


def _best(matches: Iterable[re.Match[str]]) -> EventTypeMatch:
    lexicon = _lexicon()
    scores: dict[tuple[str, str], float] = defaultdict(float)
    phrases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for match in matches:
        entry = _entry(lexicon, match.group())
        if entry is None:
            continue
        event_type, sub_type, weight = entry
        scores[(event_type, sub_type)] += weight
        phrases[(event_type, sub_type)].append(match.group().lower())
    if not scores:
        return EventTypeMatch(*OTHER, 0.0, ())
    best = max(scores, key=lambda key: (scores[key], -TAXONOMY.index(key)))
    return EventTypeMatch(best[0], best[1], scores[best], tuple(phrases[best]))


def event_type_names() -> list[tuple[str, str]]:
    """Every (type, sub-type) pair in taxonomy order."""
    return list(TAXONOMY)
