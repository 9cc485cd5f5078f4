"""The country of the one who speaks in a statement that names no scene ("Ukrainian President X
condemned ...", "Moscow said ..."), and whether the speaker is an international body."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from app.extract.alternation import phrase_alternation
from app.extract.cues import cues
from app.extract.guarded import Pattern, guarded
from app.extract.places import region
from app.extract.places_context import POSSESSIVE
from app.extract.places_data import VOICES, any_of, words
from app.extract.tense import QUOTED
from app.extract.types import Place, Region, Span

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
# "Russian-occupied", "pro-Russian": a nationality inside a compound word speaks for no one.
COMPOUND_AROUND = re.compile(r"-[a-z]")

# A statement's complement whose verb is a copula before an article, "at" or a quotation mark:
# "said on Tuesday the blasts in Dzhankoi were a ", "said the visit was at "; not a clause of
# its own inside ("told reporters in Kyiv that ...", "what it says is a ...").
# A quoted phrase, not a verb's adverb: '"directly involved" in', not '"purposefully" hitting'.
_QUOTED_WORDS = r"[\"\u201c][^\"\u201c\u201d]{1,40}[\"\u201d]"
COPULAR_COMPLEMENT = re.compile(
    r"(?:\s+on\s+[A-Z][a-z]+)?(?:\s+that)?\s+(?:(?!(?:that|what|which|who)\s)[\w'\u2019.-]+\s+){1,8}?"
    r"(?:is|are|was|were)\s+(?:an?\s|at\s|" + _QUOTED_WORDS + r"(?!\s+[a-z]+(?:ing|ed)\b))"
)
# "..., said" / '" said': the speaker follows the verb.
INVERTED_BEFORE = re.compile(r"[,\"\u201d]\s*$")


def statement_verb(evidence: Span) -> re.Match[str] | None:
    """The verb of saying of the main clause ("After Macron said ..., Putin warned ...": the
    main clause's verb, past the opening one); not a passive ("has been added to a list", "was
    told"), whose subject is no speaker."""
    opening = SUBORDINATE_OPENING.match(evidence.text)
    verb = _active_statement(evidence.text, opening.end() if opening else 0)
    return verb or _active_statement(evidence.text, 0)


@lru_cache(maxsize=1024)  # an event's evidence is asked about its speaker more than once
def _active_statement(text: str, start: int) -> re.Match[str] | None:
    """The first verb of saying or judging ("labelled ... genocide") from `start` that is not
    a passive."""
    verbs = [*cues().statement.finditer(text, start), *judging().finditer(text, start)]
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
def judging() -> Pattern:
    """A verb of judging ("branded", "labelled"): rare, so a sentence without one is not scanned."""
    verbs = phrase_alternation(sorted(words("judging_verbs")), re.escape)
    return guarded(re.compile(rf"\b(?:{verbs})\b"))


def international_speaker(evidence: Span) -> bool:
    """'The UN humanitarian office said ...', "..., said Nato's chief": a statement whose speaker
    is an international body, which has no ISO 3166 code (the caller has found no speaking
    state)."""
    verb = statement_verb(evidence)
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


def speaker_country(places: Sequence[Place], evidence: Span) -> tuple[Region, ...]:
    """The country of the one who speaks or acts in a statement that names no scene: "Ukrainian
    President X condemned ...", "Moscow said ...", "Moldova's intelligence agency said ..."."""
    verb = statement_verb(evidence)
    if verb is None:
        return ()
    found = speakers(places, evidence)
    verb_start, verb_end = evidence.start + verb.start(), evidence.start + verb.end()
    # "..., said Ukrainian military intelligence" names the speaker right after the verb; not
    # "condemned Tehran", nor "told Zelensky" (the one spoken to)
    inverted = cues().news_reporting.fullmatch(verb.group()) is not None
    inverted = inverted and verb.group().lower() not in words("addressing_verbs")
    # "it said, Russian missiles were fired": past a comma a new clause opens, its subject
    after = [
        p
        for p in found
        if inverted
        and verb_end <= p.span.start <= verb_end + 4
        and "," not in evidence.text[verb.end() : p.span.start - evidence.start]
        # "Zelenskiy said Russian forces came close": the force is what was said about
        and not (
            p.kind == "demonym" and _armed_after().match(evidence.text, p.span.end - evidence.start)
        )
    ]
    before = [p for p in found if p.span.end <= verb_start and not _armed(evidence, p, verb_start)]
    chosen = after[:1] or before[-1:]
    country = region(chosen[0].region.code.split("-")[0]) if chosen else None
    return (country,) if country else ()


# "Russian forces in the east, where an official said": a nationality naming a force or its
# weapons, with more than a few words before the verb, is not who speaks.
ARMED_GAP = 12


def _armed(evidence: Span, place: Place, verb_start: int) -> bool:
    """'fighting between his troops and Russian forces in the east, where an official said':
    the nationality names a force or its weapons, not the speaker (unless the verb follows:
    "Ukrainian forces said")."""
    if place.kind != "demonym":
        return False
    noun = _armed_after().match(evidence.text, place.span.end - evidence.start)
    return noun is not None and verb_start - (evidence.start + noun.end()) > ARMED_GAP


@cache
def _armed_after() -> re.Pattern[str]:
    nouns = any_of("armed_nouns")
    return re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{nouns})\b")


def speakers(places: Sequence[Place], evidence: Span) -> list[Place]:
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


def view_speaker(places: Sequence[Place], evidence: Span) -> tuple[Region, ...]:
    """'Podolyak said the latest blasts in Dzhankoi were a "reminder" ...', "the ministry said
    Kishida's visit to Ukraine was at Zelensky's invitation": what is said describes, with a
    copula, what happened; the news is the statement, made in the country of its speaker
    (named before the verb), who is returned; () if the clause is no such statement."""
    verb = statement_verb(evidence)
    if verb is None or COPULAR_COMPLEMENT.match(evidence.text, verb.end()) is None:
        return ()
    verb_start = evidence.start + verb.start()
    before = [p for p in speakers(places, evidence) if p.span.end <= verb_start]
    country = region(before[-1].region.code.split("-")[0]) if before else None
    return (country,) if country else ()
