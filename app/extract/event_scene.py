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
from app.extract.places_data import SETTLEMENTS, VOICES, words
from app.extract.spans import within
from app.extract.tense import QUOTED
from app.extract.types import Place, Region, Sentence, Span

_NOT_A_SCENE = VOICES | {"union", "continent", "sea", "river"}
# A clause opening with a subordinate one: "After Macron said in February that ..., ".
SUBORDINATE_OPENING = re.compile(
    r"(?:After|When|While|As|Before|Since|Although|Though|Once|Even as|Hours after|Days after)"
    r"\s[^,;:]{8,200}?,\s"
)

# "has been added", "was told": a passive verb of saying; its subject does not speak.
PASSIVE_BEFORE = re.compile(r"\b(?:been|being|be|was|were|is|are)\s+$")
# The word after a name: "ambassador" in "the United States ambassador".
NEXT_WORD = re.compile(r"\s+([A-Za-z-]+)")
# The word before another: "member" in "member states".
PREVIOUS_WORD = re.compile(r"\b([\w-]+)\s+$")
# How far after a verb of judging its object may name the country judged.
JUDGED_OBJECT = 60
# "Russian-occupied", "pro-Russian": a nationality inside a compound word speaks for no one.
COMPOUND_AROUND = re.compile(r"-[a-z]")

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

    def regions(
        self, kinds: frozenset[str] | None = None, country: str | None = None
    ) -> tuple[Region, ...]:
        """The scene named last; of one of `kinds` ("the plant": a facility) and in `country`
        ("the eastern Ukrainian city") when given."""
        for sentence in reversed(self._read):
            places = within(self._places, self._starts, sentence)
            located, firm = _located(places, sentence)
            scene = [
                p
                for p in places  # sorted by start
                if scene_region(p) in located
                and (kinds is None or p.kind in kinds)
                and (country is None or p.region.code.split("-")[0] == country)
            ]
            if firm and scene:
                last = scene[-1].span
                return tuple(dict.fromkeys(scene_region(p) for p in scene if p.span == last))
        return ()


def event_scene(
    places: Sequence[Place], evidence: Span, focus: SceneFocus, home: tuple[Region, ...]
) -> tuple[tuple[Region, ...], tuple[Place, ...]]:
    """The regions of the event stated by `evidence`, and the places of it that lie there."""
    located, firm = _located(places, evidence)
    named_last = () if firm else _referred_to(places, evidence, focus)
    if named_last:
        located = named_last  # "there", "the city": the place named last, over a country
    elif firm and (judge := _judged_from_afar(places, evidence, located)):
        located = judge
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


def _judged_from_afar(
    places: Sequence[Place], evidence: Span, located: tuple[Region, ...]
) -> tuple[Region, ...]:
    """'Joe Biden labelled Russian atrocities in Ukraine as genocide': a speaker who judges or
    names what happened in a whole country does so where he is (his country), unless the
    clause names a place inside it."""
    verb = _judging().search(evidence.text)
    if verb is None or any("-" in r.code for r in located):
        return ()
    judged = (evidence.start + verb.end(), evidence.start + verb.end() + JUDGED_OBJECT)
    # the judged happening is the verb's object: a scene further on is where things happened
    for place in places:
        inside = evidence.start <= place.span.start < evidence.end
        if (
            inside
            and scene_region(place) in located
            and not judged[0] <= place.span.start < judged[1]
        ):
            return ()
    return _speaker_country(places, evidence)


def _referred_to(places: Sequence[Place], evidence: Span, focus: SceneFocus) -> tuple[Region, ...]:
    """The regions "there", "the plant" or "the eastern Ukrainian city" refer back to: the
    place named just before in the clause ("moved weapons to Belarus, ... placed there"), else
    the last scene named before of the kind the word names, else ()."""
    anaphor = next(
        (
            m
            for m in cues().anaphora.finditer(evidence.text)
            if not _existential_after().match(evidence.text, m.end())
        ),
        None,
    )
    if anaphor is not None:
        named = _named_before(places, evidence, evidence.start + anaphor.start())
        wanted = _anaphor_kinds(anaphor.group())
        last = focus.regions(wanted) or (focus.regions() if wanted else ())
        if named and not any(r.code.startswith(named.region.code) for r in last):
            return (named.region,)  # "there" is the place just named, not one in it
        return last
    for place in places:  # "the eastern Ukrainian city": a city of that country named before
        if place.kind == "demonym" and evidence.start <= place.span.start < evidence.end:
            start = place.span.start - evidence.start
            if _THE_BEFORE.search(evidence.text, max(0, start - 40), start) and (
                _settlement_after().match(evidence.text, place.span.end - evidence.start)
            ):
                return focus.regions(SETTLEMENTS, place.region.code.split("-")[0])
    return ()


# "the eastern Ukrainian city": "the" and at most two lower-case words before a nationality.
_THE_BEFORE = re.compile(r"\bthe\s+(?:[a-z-]+\s+){0,2}$")
# "to neighboring ally Belarus", "in Poland": a place introduced as a destination or a scene.
_DESTINATION_BEFORE = re.compile(
    r"\b(?:to|in|into|at|inside|across)\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$"
)


def _named_before(places: Sequence[Place], evidence: Span, at: int) -> Place | None:
    """The last place of the clause before offset `at` named as a destination or scene."""
    for place in reversed(places):
        if evidence.start <= place.span.start and place.span.end <= at:
            start = place.span.start - evidence.start
            if place.kind not in _NOT_A_SCENE and _DESTINATION_BEFORE.search(
                evidence.text, max(0, start - 40), start
            ):
                return place
    return None


def _anaphor_kinds(anaphor: str) -> frozenset[str] | None:
    """'the plant' refers to a facility, 'the city' to a settlement; 'there' to any place."""
    noun = anaphor.split()[-1].lower()
    if noun in words("facility_anaphors"):
        return frozenset({"feature"})
    return SETTLEMENTS if noun in words("settlement_anaphors") else None


@cache
def _settlement_after() -> re.Pattern[str]:
    nouns = "|".join(sorted(words("settlement_anaphors")))
    return re.compile(rf"\s+(?:{nouns})\b")


@cache
def _existential_after() -> re.Pattern[str]:
    modals = "|".join(sorted(words("existential_modals")))
    return re.compile(rf"(?<=[Tt]here)\s+(?:{modals})\b")


def _statement_verb(evidence: Span) -> re.Match[str] | None:
    """The verb of saying of the main clause ("After Macron said ..., Putin warned ...": the
    main clause's verb, past the opening one); not a passive ("has been added to a list", "was
    told"), whose subject is no speaker."""
    opening = SUBORDINATE_OPENING.match(evidence.text)
    verb = _active_statement(evidence.text, opening.end() if opening else 0)
    return verb or _active_statement(evidence.text, 0)


def _active_statement(text: str, start: int) -> re.Match[str] | None:
    """The first verb of saying or judging ("labelled ... genocide") from `start` that is not
    a passive."""
    verbs = [*cues().statement.finditer(text, start), *_judging().finditer(text, start)]
    for verb in sorted(verbs, key=lambda m: m.start()):
        if not (
            PASSIVE_BEFORE.search(text, max(0, verb.start() - 12), verb.start())
            or _a_noun(text, verb)
        ):
            return verb
    return None


def _a_noun(text: str, verb: re.Match[str]) -> bool:
    """'the United States', 'Nato member states', 'these claims': the word is a noun here."""
    if verb.start() > 0 and verb.group()[0].isupper():
        return True  # a capitalised word inside the clause is part of a name
    before = PREVIOUS_WORD.search(text, max(0, verb.start() - 30), verb.start())
    return (
        verb.group().lower() in words("noun_like_verbs")
        and before is not None
        and before.group(1).lower() in words("noun_modifiers")
    )


@cache
def _judging() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{'|'.join(sorted(words('judging_verbs')))})\b")


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
        # "the National Security Council" is a state's own body
        r"(?<![\w.])(?<!National )(?:"
        + "|".join(re.escape(n.replace("_", " ")) for n in names)
        + r")(?![\w-])"
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
        if (
            start < 0
            or any(a <= start < b for a, b in quoted)
            or _compound(evidence.text, start, end)
        ):
            continue
        if place.kind in VOICES or (
            place.kind == "country"
            and (POSSESSIVE.match(evidence.text, end) or _office_after(evidence.text, end))
        ):
            found.append(place)
    return found


def _office_after(text: str, end: int) -> bool:
    """'The United States ambassador', 'the UK government': a country naming its office."""
    after = NEXT_WORD.match(text, end)
    return after is not None and after.group(1).lower() in _office_words()


@cache
def _office_words() -> frozenset[str]:
    return words("offices") | words("institutions")


def _compound(text: str, start: int, end: int) -> bool:
    """'Russian-occupied areas', 'pro-Russian propaganda': the name is part of a word."""
    return bool(COMPOUND_AROUND.match(text, end)) or text[max(0, start - 1) : start] == "-"
