"""Who speaks in a sentence, and whether they only speak: a named or a private source, a
pronoun going on with a statement already reported, a question, a quotation with no news."""

from __future__ import annotations

import re

from app.extract.analysis import CALENDAR_WORDS
from app.extract.cues import cues
from app.extract.event_types import classify
from app.extract.tense import (
    PAST_PERFECT,
    PROGRESSIVE,
    QUOTED,
    has_past_verb,
    past_verbs,
    unquoted,
)

NEWS_SCORE = 3  # a typed happening this strong is news even in a source's own words


# A sentence opening with a named source and its verb of saying or stance in the past: "Emmanuel
# Macron has warned that ...", "Danish officials said ...", "Stoltenberg dismissed ...".
_NAMED_SOURCE = re.compile(
    r"^(?:[A-Z][\w'’.-]*\s+(?:(?:of|the|for)\s+)*){1,6}"
    r"(?:(?:officials?|spokes(?:man|woman|person)|ministry|minister)\s+)?"
    r"(?P<perfect>has\s+|have\s+)?(?P<verb>[a-z]+(?:\s+for)?)\b"
)


def named_source_speaks(sentence_text: str) -> bool:
    """A statement that a named source makes in the past is news in itself, as an official's
    statement is; a pronoun source goes on with one already reported (continues_a_statement)."""
    opening = _NAMED_SOURCE.match(sentence_text)
    return (opening is not None and _speaks_as_named(opening)) or office_speaks(sentence_text)


def _speaks_as_named(opening: re.Match[str]) -> bool:
    verb = opening.group("verb")
    if opening.group("perfect"):  # "X has warned": news; "X has said", a standing position
        return verb.endswith("ed") and cues().statement.fullmatch(verb) is not None
    past = verb.endswith("ed") or verb in ("said", "told", "wrote")
    return past and cues().statement.fullmatch(verb) is not None


SUBJECT_CHARS = 80  # a source named by office speaks within this many characters of the start
_CLAUSE_WORD = re.compile(r"\b(?:which|who|whom|whose|that|when|after|as|if)\b", re.IGNORECASE)


def office_speaks(sentence_text: str) -> bool:
    """The sentence opens on a source named by office that speaks in the past ("Moldova's
    president said during a visit ...", "A spokesman for Ukraine's defence staff said ...",
    "The governor of Zaporizhzhia has said ..."): an official's statement, news in itself. Not
    an office inside a clause ("After the president said ...")."""
    own = unquoted(sentence_text)
    verb = cues().news_reporting.search(own, 0, SUBJECT_CHARS)
    if verb is None:
        return False
    subject = own[: verb.start()]
    return (
        cues().office.search(subject) is not None
        and _CLAUSE_WORD.search(subject) is None
        and not has_past_verb(subject)
    )


PRIVATE_CHARS = 60  # a private person named this close before the verb of saying is its source


def private_voice(sentence_text: str) -> bool:
    """A private person is the source: "One Kharkiv resident, Antonina, told AFP she returned
    home to find ...", "Taras, 43, said soldiers had refused ...". Their account is human
    interest; officials report the happening."""
    own = unquoted(sentence_text)
    cue = cues()
    person = cue.private_source.search(own)
    if person is None:
        return False
    verb = cue.speaking.search(own, person.end())
    return verb is not None and verb.start() - person.end() <= PRIVATE_CHARS


def asks(sentence_text: str) -> bool:
    """Mostly a quotation that ends in a question ("“Why would you not support it?” she
    asked"): the source asks, and nothing is reported as happening."""
    if "?" not in sentence_text:
        return False  # most sentences: no question at all, and no quotation to measure
    quotes = list(QUOTED.finditer(sentence_text))
    quoted = sum(len(q.group()) for q in quotes)
    return bool(quotes) and quoted * 2 >= len(sentence_text) and "?" in quotes[-1].group()[-3:]


def continues_a_statement(sentence_text: str) -> bool:
    """The source is a pronoun standing for one named before ("He said the talks were
    difficult", "Russia, he said, had invaded ...", "“...,” she tweeted"): the sentence goes on
    with a statement already reported, unless the writer reports a happening of their own
    before the attribution ("They agreed to boost cooperation ..., they said in a statement")."""
    source = cues().follow_up.search(sentence_text)
    if source is None:
        return False
    own = unquoted(sentence_text[: source.start()])
    if cues().news_reporting.search(own):
        return False  # "Later X said: “...” She claimed ...": a source of its own speaks first
    return not has_past_verb(own) or PAST_PERFECT.search(own) is not None


def quotes_on(clause_text: str) -> bool:
    """A dated clause from a source named before that forecasts ("He also said the crisis could
    deepen next year") or is mostly a quotation with no past happening in it ("“This historic
    visit is a sign of solidarity,” she tweeted Tuesday"): the source's view of news already
    reported, not news of its own."""
    if not continues_a_statement(clause_text):
        return False
    if cues().hedge.search(clause_text):
        return True  # "He also said the crisis could deepen next year": the source's forecast
    quoted = "".join(m.group() for m in QUOTED.finditer(clause_text))
    return len(quoted) * 2 >= len(clause_text) and not has_past_verb(quoted)


# A quotation that opens the clause or follows a colon ("X said: “..."): the source's own words
# carry the clause, rather than a phrase quoted inside the writer's report.
_OPENING_QUOTE = re.compile(r"^\W{0,3}[\"“]|:\s*[\"“]")


def speaks_only(clause_text: str) -> bool:
    """A dated clause that is mostly a source's own words, opening on them ("“Everyone does
    their own thing ... ,” the president said on Thursday") or after a colon ("X said late on
    Sunday: “...”"), with no happening in the writer's words and no strongly typed happening:
    the source's view or a restatement, not news; "“We shot down 40 drones,” the air force said
    on Sunday" names one."""
    quoted = "".join(m.group() for m in QUOTED.finditer(clause_text))
    if len(quoted) * 2 < len(clause_text) or not _OPENING_QUOTE.search(clause_text):
        return False
    speaking = cues().speaking
    if any(not speaking.fullmatch(v) for v in past_verbs(unquoted(clause_text))):
        return False
    return not PROGRESSIVE.search(quoted) and classify(clause_text).score < NEWS_SCORE


# The source just before its verb of saying ("Medvedev wrote", "Mr Syniehubov has said", "the
# ambassador to Australia warned", "Francis on Sunday described") or, inverted, just after it and
# ending the clause ("..., said Medvedev.", "..., said the ministry,").
_SOURCE_BEFORE = re.compile(
    r"(?:\b(?P<office>[a-z]{3,})\s+(?:to|of|in)\s+(?:the\s+)?(?:[A-Z][\w’'-]+\s+){1,3}"
    r"|(?P<name>[A-Z][\w’'-]+)\s+|(?:\b(?i:the)|[’']s)\s+(?P<noun>(?:[a-z]+\s+)?[a-z]+)\s+)"
    r"(?:(?:has|have|had|also|again|later|then|\w+ly|(?:late\s+|early\s+)?on\s+[A-Z]\w+)\s+){0,2}$"
)


_SOURCE_AFTER = re.compile(
    r"\s+(?:(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})|(?i:the)\s+(?P<noun>[a-z]+))"
    r"\s*(?:[,.;]|$)"
)


def source_of(sentence_text: str) -> str | None:
    """Who makes the sentence's first statement, as a lower-case key: the surname ("medvedev")
    or the office ("ambassador", "defence minister"); None for a pronoun, which
    `continues_a_statement` reads, or for a statement whose source is not next to its verb."""
    own = unquoted(sentence_text)
    cue = cues()
    for verb in cue.speaking.finditer(own):
        found = _SOURCE_BEFORE.search(own, 0, verb.start())
        if found is None and own[: verb.start()].rstrip().endswith(","):
            found = _SOURCE_AFTER.match(own, verb.end())
        if found is None:
            continue
        words = next(w for w in found.groupdict().values() if w).split()
        # a person by surname, an office with its qualifier ("defence minister")
        key = " ".join(words if found.groupdict().get("noun") else words[-1:]).lower()
        if key in cue.pronouns or words[-1] in CALENDAR_WORDS:
            return None
        return key
    return None


def says_nothing_new(clause_text: str) -> bool:
    """A clause that only speaks: besides its verbs of saying, no verb in the past and no typed
    happening in the writer's words ("“The loss of a nuclear power ... can provoke ...,” X wrote
    on Telegram in January"); not "X added that battalions had been deployed near the border"."""
    own = unquoted(clause_text)
    speaking = cues().speaking
    if any(not speaking.fullmatch(v) for v in past_verbs(own)):
        return False
    return classify(own).score < NEWS_SCORE
