"""Where an event happened: the scene its clause names, else the place "there" refers back to,
else its speaker's country, else the article's home country (places_event.py weighs the
clause's own places)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from functools import cache

from app.extract.cues import cues
from app.extract.places import region, scene_region, weighed_regions
from app.extract.places_context import POSSESSIVE
from app.extract.places_data import VOICES, words
from app.extract.spans import within
from app.extract.tense import QUOTED
from app.extract.types import Place, Region, Sentence, Span

_NOT_A_SCENE = VOICES | {"union", "continent", "sea", "river"}
# A clause opening with a subordinate one: "After Macron said in February that ..., ".
SUBORDINATE_OPENING = re.compile(
    r"(?:After|When|While|As|Before|Since|Although|Though|Once|Even as|Hours after|Days after)"
    r"\s[^,;:]{8,200}?,\s"
)

# "..., said" / '" said': the speaker follows the verb.
INVERTED_BEFORE = re.compile(r"[,\"\u201d]\s*$")


class SceneFocus:
    """The regions "there" or "the city" refer to: the last place named as a scene in the
    sentences read so far, whether or not they reported an event ("... left the city." after
    "... in Lysychansk."). Worked out only when an event asks (few do)."""

    def __init__(self, places: Sequence[Place], place_starts: list[int]) -> None:
        self._places = places
        self._starts = place_starts
        self._read: list[Sentence] = []  # sentences naming places, latest last

    def read(self, sentence: Sentence) -> None:
        if bisect_left(self._starts, sentence.start) < bisect_left(self._starts, sentence.end):
            self._read.append(sentence)

    def regions(self) -> tuple[Region, ...]:
        for sentence in reversed(self._read):
            places = within(self._places, self._starts, sentence)
            located, firm = _located(places, sentence)
            if firm and located:
                scene = [p for p in places if scene_region(p) in located]  # sorted by start
                last = scene[-1].span
                return tuple(dict.fromkeys(scene_region(p) for p in scene if p.span == last))
        return ()


def event_scene(
    places: Sequence[Place], evidence: Span, focus: SceneFocus, home: tuple[Region, ...]
) -> tuple[tuple[Region, ...], tuple[Place, ...]]:
    """The regions of the event stated by `evidence`, and the places of it that lie there."""
    located, firm = _located(places, evidence)
    if not firm and cues().anaphora.search(evidence.text) and (named_last := focus.regions()):
        located = named_last  # "there", "the city": the place named last, over a country
    elif not firm:
        speaker = _speaker_country(places, evidence)
        if not speaker and _international_speaker(evidence):
            located, firm = (), True  # "the UN agency said ...": no state speaks, no region
        located = speaker or located
    regions = located or (() if firm else home)  # firm and none: a union acted
    # a demonym, a capital standing for its state or a leader says who, not where
    used = tuple(p for p in places if scene_region(p) in regions and p.kind not in VOICES)
    return tuple(regions), used


def names_a_scene(places: Sequence[Place], span: Sentence | Span) -> bool:
    """Whether the span names a place inside a country as where something happened."""
    return _located(places, span)[1]


def home_country(places: Sequence[Place]) -> tuple[Region, ...]:
    """The country most places of the article lie in (UA for a report from the front)."""
    counts = Counter(p.region.code.split("-")[0] for p in places if p.kind not in _NOT_A_SCENE)
    for code, _ in counts.most_common():
        home = region(code)
        if home is not None:
            return (home,)
    return ()


def _located(places: Sequence[Place], evidence: Sentence | Span) -> tuple[tuple[Region, ...], bool]:
    """weighed_regions without seas and continents (their codes are not ISO 3166)."""
    if not places:
        return (), False
    regions, firm = weighed_regions(places, evidence.text, evidence.start)
    return tuple(r for r in regions if r.code[0] != "X"), firm


def _statement_verb(evidence: Span) -> re.Match[str] | None:
    """The verb of saying of the main clause ("After Macron said ..., Putin warned ...": the
    main clause's verb, past the opening one)."""
    opening = SUBORDINATE_OPENING.match(evidence.text)
    verb = cues().statement.search(evidence.text, opening.end() if opening else 0)
    return verb or cues().statement.search(evidence.text)


def _international_speaker(evidence: Span) -> bool:
    """'The UN humanitarian office said ...', "..., said Nato's chief": a statement whose speaker
    is an international body, which has no ISO 3166 code (the caller has found no speaking
    state)."""
    verb = _statement_verb(evidence)
    if verb is None:
        return False
    subject = evidence.text[: verb.start()]
    if INVERTED_BEFORE.search(subject) and cues().news_reporting.fullmatch(verb.group()):
        subject = evidence.text[verb.end() : verb.end() + 40]  # "..., said Nato's chief"
    return _bodies().search(QUOTED.sub(" ", subject)) is not None


@cache
def _bodies() -> re.Pattern[str]:
    names = sorted(words("international_bodies"), key=len, reverse=True)
    return re.compile(
        r"(?<![\w.])(?:" + "|".join(re.escape(n.replace("_", " ")) for n in names) + r")(?![\w-])"
    )


def _speaker_country(places: Sequence[Place], evidence: Span) -> tuple[Region, ...]:
    """The country of the one who speaks or acts in a statement that names no scene: "Ukrainian
    President X condemned ...", "Moscow said ...", "Moldova's intelligence agency said ..."."""
    verb = _statement_verb(evidence)
    if verb is None:
        return ()
    speakers = _speakers(places, evidence)
    verb_start, verb_end = evidence.start + verb.start(), evidence.start + verb.end()
    # "..., said Ukrainian military intelligence" names the speaker right after the verb; not
    # "condemned Tehran", nor "told Zelensky" (the one spoken to)
    inverted = cues().news_reporting.fullmatch(verb.group()) is not None
    inverted = inverted and verb.group().lower() not in words("addressing_verbs")
    after = [p for p in speakers if inverted and verb_end <= p.span.start <= verb_end + 4]
    before = [p for p in speakers if p.span.end <= verb_start]
    chosen = after[:1] or before[-1:]
    country = region(chosen[0].region.code.split("-")[0]) if chosen else None
    return (country,) if country else ()


def _speakers(places: Sequence[Place], evidence: Span) -> list[Place]:
    """Demonyms, capitals standing for states and possessive countries of the evidence, outside
    quotations (a name inside a quotation speaks for no one)."""
    quoted = [m.span() for m in QUOTED.finditer(evidence.text)]
    found = []
    for place in places:
        start, end = place.span.start - evidence.start, place.span.end - evidence.start
        if start < 0 or any(a <= start < b for a, b in quoted):
            continue
        if place.kind in VOICES or (
            place.kind == "country" and POSSESSIVE.match(evidence.text, end)
        ):
            found.append(place)
    return found
