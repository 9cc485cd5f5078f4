"""Local officials named with their office ("the governor of the Luhansk region, Serhiy Gaidai",
"Kharkiv mayor Ihor Terekhov"): a later statement of theirs that names no scene was made in the
region they govern ("Gaidai said ... shelling had made it impossible to evacuate": UA-09)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from app.extract.cues import cues
from app.extract.guarded import Pattern, guarded
from app.extract.places_data import SETTLEMENTS, any_of
from app.extract.places_event import scene_region
from app.extract.scene_speaker import statement_verb
from app.extract.types import Place, Region, Sentence, Span

# A person's name: one or two given names and a surname, each capitalised.
NAME = r"(?:[A-Z][a-z\u2019'-]+\s+){1,2}(?P<surname>[A-Z][a-z\u2019'-]+)"
# "the Ukrainian governor of", "Ukraine's governor of": the country before the office (the
# pattern is read ignoring case, but a nationality is capitalised).
_NATION = r"(?-i:[A-Z][a-z]+(?:['\u2019]s)?\s+)?"
# "Ukraine's" between an office and its place: "the governor of Ukraine's Luhansk province".
_COUNTRY_OF = r"(?-i:[A-Z][a-z]+['\u2019]s\s+)?"
# The kinds of place a local official governs.
GOVERNED = SETTLEMENTS | {"oblast", "region", "republic"}
# The subject of a statement ends this close before its verb: "Gaidai said", "Gaidai, 45, said".
SUBJECT_CHARS = 40


class OfficeHolders:
    """The surnames of the local officials the sentences read so far named with their office,
    and the region of each office."""

    def __init__(self) -> None:
        self._regions: dict[str, Region] = {}
        # An office the last sentence named without its holder ("the mayor of Sloviansk has
        # called on ..."): news names the holder in the next sentence ("Vadim Lyakh said ...").
        self._unnamed: Region | None = None

    def read(self, places: Sequence[Place], sentence: Sentence) -> None:
        if self._unnamed is not None:
            surname = _opening_speaker(sentence.text, places, sentence.start)
            if surname:
                self._regions[surname] = self._unnamed
        self._unnamed = None
        for place in places:
            if place.kind in GOVERNED and "-" in place.region.code:
                surname = _holder(place, sentence)
                if surname:
                    self._regions[surname] = scene_region(place)
                elif _office_before(place, sentence):
                    self._unnamed = scene_region(place)

    def speaking(self, evidence: Span, places: Sequence[Place]) -> tuple[Region, ...]:
        """The office's region of the local official who makes the statement of `evidence`;
        `places` are the evidence's places (a known public figure is no unnamed office-holder)."""
        if self._unnamed is not None and _opening_speaker(evidence.text, places, evidence.start):
            return (self._unnamed,)  # the holder of the office just named, named now
        if not self._regions:
            return ()
        verb = statement_verb(evidence)
        if verb is None:
            return ()
        subject = evidence.text[max(0, verb.start() - SUBJECT_CHARS) : verb.start()]
        named = [w for w in re.findall(r"[A-Z][a-z\u2019'-]+", subject) if w in self._regions]
        return (self._regions[named[-1]],) if named else ()


# A sentence that opens on a person's full name and a verb of saying: "Vadim Lyakh said ...".
_OPENING_NAME = re.compile(rf"^[\s\"\u201c]*{NAME}\s+")


def _opening_speaker(text: str, places: Sequence[Place], offset: int) -> str | None:
    """The surname of the person whose full name opens the text as the subject of a verb of
    saying, unless the name is a place or a known public figure (officials.tsv)."""
    name = _OPENING_NAME.match(text)
    if name is None or cues().speaking.match(text, name.end()) is None:
        return None
    if any(0 <= p.span.start - offset < name.end() for p in places):
        return None  # "Volodymyr Zelenskiy said": a figure the gazetteer knows
    return name.group("surname")


OFFICE_CHARS = 80  # an office and the holder's name before it stand this close before the place


def _before(place: Place, sentence: Sentence) -> str:
    start = place.span.start - sentence.start
    return sentence.text[max(0, start - OFFICE_CHARS) : start]


def _office_before(place: Place, sentence: Sentence) -> bool:
    """The place follows an office ("the mayor of Sloviansk", "the governor of Ukraine's Luhansk
    province")."""
    return _office_of().search(_before(place, sentence)) is not None


def _holder(place: Place, sentence: Sentence) -> str | None:
    """The surname of the official the sentence names as holding an office of the place."""
    end = place.span.end - sentence.start
    text = sentence.text
    if _office_before(place, sentence):  # "the governor of the Luhansk region, Serhiy Gaidai"
        after = _name_after_place().match(text, end)
        if after:
            return after.group("surname")
        # "Serhiy Gaidai, the governor of Luhansk"
        named = _name_before_office().search(_before(place, sentence))
        return named.group("surname") if named else None
    after = _office_then_name().match(text, end)  # "Luhansk governor Serhiy Gaidai"
    return after.group("surname") if after else None


def _offices() -> str:
    return any_of("local_offices")


@cache
def _office_of() -> Pattern:
    # rare: "governor of", so guarded
    return guarded(
        re.compile(
            rf"\b(?:regional\s+)?(?:{_offices()})\s+of\s+(?:the\s+)?(?:city\s+of\s+)?"
            rf"{_COUNTRY_OF}$",
            re.IGNORECASE,
        )
    )


@cache
def _name_after_place() -> re.Pattern[str]:
    return re.compile(rf"(?:\s+(?:region|oblast|province|city))?,\s+{NAME}\b")


@cache
def _name_before_office() -> re.Pattern[str]:
    return re.compile(
        rf"{NAME},\s+(?:the\s+)?{_NATION}(?:regional\s+)?(?:{_offices()})\s+of\s+(?:the\s+)?"
        r"(?:city\s+of\s+)?$",
        re.IGNORECASE,
    )


@cache
def _office_then_name() -> re.Pattern[str]:
    return re.compile(
        rf"(?:['\u2019]s)?(?:\s+(?:region|oblast|province|city)['\u2019]s)?\s+(?:regional\s+)?"
        rf"(?:military\s+)?(?:{_offices()}),?\s+{NAME}\b"
    )
