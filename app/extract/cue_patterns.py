"""How a list of cue phrases from event_cues.toml becomes a pattern: whole words, sentence
openers, a commentator's introduction or title, a pronoun source, an object marker."""

from __future__ import annotations

import calendar
import re

from app.extract.alternation import phrase_alternation


def alternation(phrases: list[str]) -> str:
    """Any of the phrases, longest first; a space in a phrase matches any run of spaces."""
    ordered = sorted(phrases, key=len, reverse=True)
    return phrase_alternation(ordered, lambda w: re.escape(w).replace(r"\ ", r"\s+"))


def whole_words(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases as whole words; a phrase may end in punctuation ("still,")."""
    return re.compile(rf"(?<!\w)(?:{alternation(phrases)})(?!\w)", re.IGNORECASE)


def opener(phrases: list[str]) -> re.Pattern[str]:
    """Any of the phrases at the start of a sentence (after a bullet or a dash)."""
    return re.compile(rf"^[\s•–—-]*(?:{alternation(phrases)})(?!\w)", re.IGNORECASE)


# "Dimitri Minic": a first name and a surname, both capitalised.
_NAME = r"\b[A-Z][a-z’'-]+\s+(?P<surname>[A-Z][\w’'-]+)"
_APPOSITION = r",\s+(?:a|an|the|another|senior|lead|chief|[A-Z][\w’'-]*)\b"
_AFFILIATION = r"\s+(?:at|of|from|with)\s+(?:the\s+)?"


def introduction(who: list[str]) -> re.Pattern[str]:
    """A name in an apposition ("Helena Legarda, a lead analyst") or with an affiliation ("Liana
    Fix at the Council on Foreign Relations") that names a commentator or a research body."""
    return re.compile(
        rf"{_NAME}(?:{_APPOSITION}|{_AFFILIATION})[^.\n;:“”\"]{{0,90}}?"
        rf"(?<!\w)(?i:{alternation(who)})(?!\w)"
    )


def titled(titles: list[str]) -> re.Pattern[str]:
    """A commentator's title as a label before a first name and a surname ("military expert
    Oleh Zhdanov"); a third capitalised word makes it a longer name ("professor Sir Lawrence")."""
    return re.compile(rf"(?<!\w)(?i:{alternation(titles)})\s+{_NAME}(?![\w’'-]|\s+[A-Z])")


# The signature that closes a social-media post embedded in the page, its author's handle and
# its day: "Running out of steam… — Richard Moore (@ChiefMI6) July 30, 2022".
POST_SIGNATURE = re.compile(
    rf"\(@\w{{1,30}}\)\s+(?:{'|'.join(calendar.month_name[1:])})\s+\d{{1,2}},\s+\d{{4}}"
)


def follow_up(pronouns: list[str], verbs: str) -> re.Pattern[str]:
    """A pronoun as the source of a statement: opening the sentence ("He said ..."), after a
    comma or a closing quotation mark ("..., he said", "“...,” she tweeted") or inverted
    ("said he")."""
    who = alternation(pronouns)
    return re.compile(
        rf"(?:^[\s•–—-]*|[,”\"’]\s*)(?:{who})\s+(?:also\s+)?(?:{verbs})\b"
        rf"|\b(?:{verbs})\s+(?:{who})\b[,.]",
        re.IGNORECASE,
    )


def object_marker(cues: list[str]) -> re.Pattern[str]:
    """A word ("deliver*": any ending) with no sentence break nor "to" after it: searched for
    just before a phrase of the event lexicon, it makes the phrase its object ("promised
    missiles", "condemned the attack"), not a happening of its own."""
    # no "to" between: in "US-supplied rockets to strike the prison" the strike is an attack
    return re.compile(
        rf"(?<!\w)(?:{phrase_alternation(cues, _word)})(?:(?!\bto\b)[^.;!?])*$", re.IGNORECASE
    )


def clause_marker(cues: list[str]) -> re.Pattern[str]:
    """A word ("would", "plans to") with no pause after it (no comma, no sentence break):
    searched for just before a phrase of the event lexicon, it puts the phrase in its clause
    ("could trigger a third world war": a happening that did not happen)."""
    return re.compile(rf"(?<!\w)(?:{phrase_alternation(cues, _word)})[^.;!?,]*$", re.IGNORECASE)


def _word(cue: str) -> str:
    """A cue as a pattern: whole words, any spacing, a trailing * for any ending ("deliver*")."""
    word = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+")
    return rf"{word}\w*" if cue.endswith("*") else rf"{word}\b"


def first_words(phrases: list[str]) -> frozenset[str]:
    """The phrases' first words in lower case: a match of a cue made of the phrases holds one.
    (A pattern's own required strings are unknown when its list is long.)"""
    return frozenset(phrase.split(" ")[0].lower() for phrase in phrases)
