"""A passage told in the past: the undated sentences that go on from a look back weeks before
the article ("China presented its own peace proposal at the end of February. Ukraine and its
allies largely dismissed the plan ...") tell that past, not the day's news."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from app.extract.cues import cues
from app.extract.tense import PERFECT, PROGRESSIVE, has_past_verb, unquoted
from app.extract.types import Event, Sentence

# events dated this long before publication tell what came before the news: "stormed the town in
# late January" three weeks before, then "Ukrainian forces repelled the offensive" goes on with it
LOOK_BACK_DAYS = 14
GOES_ON_SENTENCES = 2  # ... and the next sentence or two, undated, go on telling it

# "are being jailed": the present, like the progressive
_PRESENT_PASSIVE = re.compile(r"\b(?:is|are|am)\s+being\b", re.IGNORECASE)


@dataclass
class LookBack:
    """Follows the article sentence by sentence: how many more undated sentences may still be
    going on with a passage that looks weeks back, and where that passage was last told."""

    text: str
    published: date
    left: int = 0
    told_to: int = 0  # where the sentence that looked back ends

    def goes_on(self, sentence: Sentence, found: Sequence[Event]) -> bool:
        """The sentence's events, all undated, go on in the simple past with the passage, in its
        paragraph or after a word of sequel ("Russian forces eventually established a land
        corridor ..."), and no source reports them in the past tense ("..., the governor
        said"); a perfect or a progressive tells the present ("A US official has accused ...")."""
        if not self.left or not found or any(e.timex is not None for e in found):
            return False
        own = unquoted(sentence.text)
        if "\n" in self.text[self.told_to : sentence.start] and not cues().sequel.search(own):
            return False  # a new paragraph may turn back to the news
        now = PERFECT.search(own) or PROGRESSIVE.search(own) or _PRESENT_PASSIVE.search(own)
        return now is None and has_past_verb(own) and cues().news_reporting.search(own) is None

    def read(self, sentence: Sentence, found: Sequence[Event]) -> None:
        """Take in the events kept from a sentence: dated ones set the passage's time."""
        dated = [e for e in found if e.timex is not None]
        if not dated:
            self.left = max(0, self.left - 1)
            return
        before = self.published - timedelta(days=LOOK_BACK_DAYS)
        looks_back = all(e.date.end < before for e in dated)
        self.left = GOES_ON_SENTENCES if looks_back else 0
        self.told_to = sentence.end
