"""Commentary in the writer's framing: a question, an argument, a view held, a commentator's
words, a plan or a prospect."""

from __future__ import annotations

import re

from app.extract.analysis import SOURCE_CHARS, believes_a_prospect, named_commentator_speaks
from app.extract.cues import cues

Names = re.Pattern[str] | None  # the surnames of an article's commentators, if any


# "said Orysia Lutsevych, a research fellow": the verb, a name, and the commentator it is.
_NAMED_AFTER = re.compile(r"\s+(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'.-]*,\s+(?:a|an|the)\b[^,;]*")


def is_commentary(main: str, framing: str, names: Names = None) -> bool:
    """A question, an argument, a view or a commentator's words: "For example, ...", "Critics
    tend to believe ...", "..., said X, an analyst at ...". `main` is the writer's main clause,
    `framing` the same with its quotations blanked (see `unquoted`): a source's own words are
    no framing. `names` are the commentators the article introduced (see commentator_names)."""
    argued = is_argument(main, framing) or holds_a_view(framing)
    return argued or commentator_speaks(framing, names)


def is_argument(main: str, framing: str) -> bool:
    """A question, or a sentence opening as an aside or an argument ("In fact ..."). The opener
    is read in the sentence as written: blanking a quotation would leave a false start."""
    return framing.rstrip().endswith("?") or cues().analysis_opener.search(main) is not None


def turns_to_argue(main: str, framing: str, names: Names = None) -> bool:
    """A question, an argument, a contrast ("Yet ...", "However ...") or a commentator's words:
    what a dated clause is when it reports nothing in the past and no statement."""
    return (
        is_argument(main, framing)
        or cues().contrast_opener.search(main) is not None
        or commentator_speaks(framing, names)
    )


def commentator_speaks(framing: str, names: Names = None) -> bool:
    """An analyst or expert is the source of the first statement: "Konrad Muzyka, a military
    analyst, said", "said X, a research fellow", "analysts cite"; not "Haidai added, while analysts
    warned ..." (one voice among others further on)."""
    cue = cues()
    commentator = cue.commentator.search(framing)
    if commentator is None:
        return names is not None and named_commentator_speaks(framing, names)
    verb = cue.statement.search(framing)
    if verb is None:
        return True
    if verb.start() >= commentator.end():
        return verb.start() - commentator.end() <= SOURCE_CHARS
    return _NAMED_AFTER.fullmatch(framing, verb.end(), commentator.start()) is not None


def holds_a_view(framing: str) -> bool:
    """A verb of opinion or a hedge that is not itself reported news: "Critics tend to believe",
    but not "the ministry said it believes a Buk missile intercepted ..."."""
    cue = cues()
    view = cue.opinion.search(framing)
    if view is None:
        return False
    reported = cue.news_reporting.search(framing)
    return reported is None or reported.start() > view.start() or believes_a_prospect(framing)


def is_prospect(framing: str) -> bool:
    """A plan, a duty, a capacity or a condition in the writer's words: "Ukraine will need ...",
    "Kyiv must ...", "if the offensive stalls"."""
    return cues().prospect.search(framing) is not None
