"""The article's lead: the first sentence of its story, which tells the day's news.

A news article opens on its news, whatever the tense ("The Kremlin is conducting a concerted air
and information operation to destroy Kharkiv", "Russia's war in Ukraine could take years, Nato's
secretary general said"). Both annotators of every development set took the lead as an event in
25 of 27 articles, so it is one even where the rules for later sentences would read background,
a forecast or a view.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.extract.boilerplate import is_boilerplate, is_heading
from app.extract.cues import cues
from app.extract.sources import asks
from app.extract.types import Sentence

LEAD_WORDS = 6  # fewer words make a dateline ("Hong Kong CNN —") or a greeting, not the lead
LEAD_SENTENCES = 3  # the lead is among the article's first sentences, or there is none
ARTICLE_SENTENCES = 4  # a shorter text is a snippet, whose first sentence leads no story


def lead_sentence(text: str, sentences: Sequence[Sentence]) -> Sentence | None:
    """The first sentence of the story, past a dateline, a credit or a headline; none when the
    story opens on a question."""
    if len(sentences) < ARTICLE_SENTENCES:
        return None
    for sentence in sentences[:LEAD_SENTENCES]:
        if len(sentence.text.split()) < LEAD_WORDS or is_boilerplate(sentence.text):
            continue
        if is_heading(text, sentence.start, sentence.end):
            continue  # the headline: the story begins after it
        if sentence.text.rstrip(' "\u201d').endswith("?") or asks(sentence.text):
            return None  # a feature opening on a question has no news lead
        if cues().follow_up.match(sentence.text) or cues().habit.search(sentence.text):
            return None  # "He added that ...": its start is lost; "Every year on May 9, ..."
        return sentence
    return None
