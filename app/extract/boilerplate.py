"""Sentences that are not the story's own: captions, credits, sub-headings, embedded posts."""

from __future__ import annotations

import calendar
import re

from app.extract.cues import cues
from app.extract.guarded import guarded
from app.extract.tense import PERFECT, has_past_verb, main_clause, unquoted

# The close of an agency photo caption: "... on April 29, 2024 in Bucha, Ukraine." A story
# names the day without its year and the town without its country; a caption writes both.
_CAPTION_CLOSE = guarded(
    re.compile(
        rf"\bon\s+(?:{'|'.join(calendar.month_name[1:])})\s+\d{{1,2}},\s+\d{{4}},?\s+in\s+"
        r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\.?\s*$"
    )
)


# A social-media handle or hashtag ("@BWallaceMP", "#Russian forces did not ..."): the sentence
# is an embedded post, not the writer's; an e-mail address ("press@un.org") is none.
_HANDLE_OR_TAG = guarded(re.compile(r"(?<![\w.@#&])[@#][A-Za-z]\w{2,}"))


def is_boilerplate(sentence_text: str) -> bool:
    """Captions, credits, all-capital sub-headings, embedded posts and the outlet speaking of
    itself are not sentences of the story."""
    cue = cues()
    return not any(c.islower() for c in sentence_text) or bool(
        cue.boilerplate.search(sentence_text)
        or cue.caption.search(sentence_text)
        or cue.newsroom.search(sentence_text)
        or cue.post_signature.search(sentence_text)
        or _HANDLE_OR_TAG.search(sentence_text)
        or _photo_caption(sentence_text)
    )


def _photo_caption(sentence_text: str) -> bool:
    """A photo caption run into the text: the present of what the picture shows, closed by the
    full date and the town with its country ("X lights a candle as she visits St Andrew's Church
    on April 29, 2024 in Bucha, Ukraine."); "Troops shelled Bucha on April 29, 2024 in Bucha,
    Ukraine" tells in the past and stays."""
    close = _CAPTION_CLOSE.search(sentence_text)
    return close is not None and not has_past_verb(unquoted(sentence_text[: close.start()]))


_CLOSING = ".!?…\"”’'):"


def is_heading(text: str, start: int, end: int) -> bool:
    """A paragraph of its own without closing punctuation, whose only past verb is its first
    word or one in a relative clause, is a sub-heading or a list item ("Continued sanctions
    punishing Putin's regime", "Strengthened policy of non-recognition"), not a sentence that
    reports; "Premier arrested on cocaine charges" tells a happening and stays."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    sentence = text[start:end].strip()
    if line != sentence or not sentence or sentence[-1] in _CLOSING:
        return False
    rest = sentence.partition(" ")[2]  # the first word may be a participle: "Continued sanctions"
    return not has_past_verb(unquoted(main_clause(rest))) and not PERFECT.search(sentence)
