"""Analysis, not news: hedges, assessments, figures of background, the article's commentators."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from itertools import chain

from app.extract.cues import cues
from app.extract.guarded import finditer_from, guarded
from app.extract.tense import describes_a_noun, has_past_verb

SOURCE_CHARS = 40  # a commentator named this close before the verb of saying is its source

# A word before a "first name" that makes the pair part of a longer name of an organisation:
# "the Mercator Institute", "Council on Foreign Relations", "Strategic and International Studies".
_INSIDE_A_NAME = frozenset({"the", "of", "for", "on", "and", "at", "by", "&"})
# A surname that is also a month or a weekday ("Clifford May") would turn every date into a voice.
CALENDAR_WORDS = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)


def commentator_names(text: str) -> re.Pattern[str] | None:
    """The surnames of the commentators the article introduces, as one whole-word pattern, or
    None: a commentator named again later ("But, Minic cautioned, ...") still comments.

    >>> commentator_names("said Jon Alterman at the Center for Strategic Studies.").pattern
    '\\\\b(?:Alterman)\\\\b'
    """
    cue = cues()
    introduced = (
        m for m in cue.commentator_intro.finditer(text) if not _inside_a_name(text, m.start())
    )
    # "military expert Oleh Zhdanov": tried only where a title stands, the text being long
    titled = finditer_from(cue.commentator_title, text, cue.commentator_title_openings)
    surnames = {
        m.group("surname")
        for m in chain(introduced, titled)
        if m.group("surname") not in CALENDAR_WORDS
    }
    if not surnames:
        return None
    return re.compile(rf"\b(?:{'|'.join(re.escape(s) for s in sorted(surnames))})\b")


def _inside_a_name(text: str, start: int) -> bool:
    """The two capitalised words at `start` continue a capitalised name or follow a preposition
    of one, so they name no person."""
    before = text[max(0, start - 30) : start].split()
    if not before or text[start - 1 : start] == "\n":
        return False
    word = before[-1]
    if word.rstrip(".").lower() in cues().name_titles:
        return False  # "Dr Sidharth Kaushal, an analyst": a title, not a longer name
    return word.lower() in _INSIDE_A_NAME or (word[:1].isupper() and not word.endswith((".", ":")))


def named_commentator_speaks(framing: str, names: re.Pattern[str]) -> bool:
    """A commentator introduced earlier speaks by name: "Minic said", "said Minic", "But, Minic
    cautioned, ..."."""
    name = names.search(framing)
    if name is None:
        return False
    verb = cues().statement.search(framing)
    if verb is None:
        return True
    if verb.start() >= name.end():
        return verb.start() - name.end() <= SOURCE_CHARS  # "Minic, ..., said"
    return not framing[verb.end() : name.start()].strip()


def believes_a_prospect(framing: str) -> bool:
    """A belief about what will be, with nothing in the past after it: "X has stated that he
    believes August will be a turning point"; not "the ministry said it believes a Buk missile
    intercepted ..." nor "... believes a pipeline suffered damage and any attack will be met"."""
    cue = cues()
    belief = cue.belief.search(framing)
    if belief is None:
        return False
    believed = framing[belief.end() :]
    return cue.prospect.search(believed) is not None and not has_past_verb(believed)


_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+$", re.IGNORECASE)


def hedges(framing: str) -> bool:
    """The writer hedges or forecasts ("The Russians will likely intensify ..."): a hedge before
    any verb of saying (after one, it is the speaker's) and not opening a relative clause. In a
    sentence attributed in the past tense the hedge is the source's: "Germany would send tanks
    next week, the minister said"."""
    cue = cues()
    if cue.news_reporting.search(framing):
        return False
    said = cue.statement.search(framing)
    limit = said.start() if said else len(framing)
    return any(
        not _RELATIVE_BEFORE.search(framing, 0, hedge.start())
        for hedge in cue.hedge.finditer(framing, 0, limit)
    )


# A figure: "70%", "20 per cent", "$240 billion", "€5bn", "900 million", "a threefold drop".
# Guarded: most sentences hold no "%", "million", "record" nor any other string it needs.
_FIGURE = guarded(
    re.compile(
        r"\d(?:[\d.,]*\d)?\s*(?:%|per\s?cent\b|percent\b)|[$€£]\s?\d"
        r"|\d\s*(?:million|billion|trillion|bn)\b|\brecord\b|\b\w+fold\b"
        # a change by a fraction: "rose by a fifth", "fell by two-thirds"
        r"|\bby\s+(?:a|one|two|three)[\s-](?:half|thirds?|quarters?|fifths?|tenths?)\b",
        re.IGNORECASE,
    )
)


def assesses(text: str) -> bool:
    """An assessment's hedged finding: "ISW assessed that Russian forces likely ...", "the
    offensive would be ..., according to the assessment"."""
    cue = cues()
    return cue.assessment.search(text) is not None and cue.hedge.search(text) is not None


# A share of a whole ("bought 80% of its wheat") or a rank ("its fifth-largest supplier"): with a
# noun of the economy, a statistic even without a verb of measure.
# Guarded: most sentences hold none of "its", "their", "largest", "biggest".
_SHARE_OR_RANK = guarded(
    re.compile(
        r"\d(?:[\d.]*\d)?\s*(?:%|per\s?cent\b|percent\b)\s+of\s+(?:its|their)\b"
        r"|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[-\s](?:largest|biggest)\b",
        re.IGNORECASE,
    )
)


def is_statistic(own: str) -> bool:
    """A figure put on the economy by a verb of measure, in the writer's words: background ("trade
    in 2023 reached a record $240 billion", "70% of ... imports came from China"), not a decision
    ("EU states agreed to cut gas imports by 15%"). `own` is the text with its quotations
    blanked."""
    cue = cues()
    holding = cue.holding.search(own)
    if holding is not None and any(c.isdigit() for c in own[holding.end() :]):
        return True  # "Russia has about 4,477 warheads"
    if cue.economy.search(own) is None:
        return False
    return _SHARE_OR_RANK.search(own) is not None or (
        _FIGURE.search(own) is not None and cue.measure.search(own) is not None
    )


def changes_a_figure(own: str) -> bool:
    """A figure ("21%", "108.4 million") with a verb of measure ("grew", "to stand at"), in the
    writer's words (`own`, quotations blanked): over a year or a quarter it is a statistic of
    background whatever it counts ("In 2022, the number of displaced people grew by 21%")."""
    return _FIGURE.search(own) is not None and cues().measure.search(own) is not None


_PAST_AUX = re.compile(r"\b(?:was|were|had|did|didn[’']t)\b", re.IGNORECASE)


def attributed(text: str, happened: Callable[[], bool]) -> bool:
    """Attributed in the past tense ("..., the mayor said") or to an outlet that "reports" it
    (closing the sentence), or "according to" a source about
    something that `happened()` or was ("the focus of the attack was near ..."); not a state of
    the present "according to" one ("China is Russia's largest trading partner, according to
    customs data")."""
    if _OUTLET_REPORTS.search(text):
        return True
    sources = [
        m.group().lower()
        for m in cues().news_reporting.finditer(text)
        if not describes_a_noun(text, m.start())  # "the newly announced deal"
    ]
    if any(not source.startswith("according") for source in sources):
        return True
    return bool(sources) and (happened() or _PAST_AUX.search(text) is not None)


# "..., the Kyiv Independent reports.": a digest's item closing on its outlet, in the present
# tense, reports the day's news as "..., Reuters reported." does.
_OUTLET_REPORTS = re.compile(r",\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){1,4}reports[.!]?\s*$")

HABIT_CHARS = 24  # "every year" this close to a date makes the date recur


def habitual(sentence_text: str, start: int, end: int) -> bool:
    """The date at `start`:`end` of the sentence recurs: "Every year on May 9", "on Sundays
    each week"; not "hit almost every day since the war began" further away."""
    near = sentence_text[max(0, start - HABIT_CHARS) : end + HABIT_CHARS]
    return cues().habit.search(near) is not None
