"""Live blogs: entries under time stamps, each posted on the day of its stamp."""

from __future__ import annotations

from datetime import date

from app.extract import parse_article
from app.extract.live_blog import entry_days, is_live_blog

# A blog of one evening, published (as its closing day) the morning after.
BLOG = (
    "From 30 Jun 2022 22.10 Missiles hit Odesa Russian missiles struck a residential building "
    "in the Odesa region, killing 18 people, officials said.\n\n"
    "30 Jun 2022 21.40 Talks in Madrid ended. Nato leaders ended their summit in Madrid, "
    "officials said.\n\n"
    "30 Jun 2022 20.05 Ukraine's military said Russian troops withdrew from Snake Island "
    "yesterday.\n\n"
    "1 Jul 2022 00.15 Kyiv said the fighting in Lysychansk went on, officials said."
)
PUBLISHED = date(2022, 7, 1)


def date_of(words: str) -> list[str]:
    """The dates of the blog's events whose evidence holds `words`."""
    events = parse_article(BLOG, PUBLISHED).events
    return [e.date.value for e in events if words in e.evidence.text]


def test_a_live_blog_is_known_by_its_stamped_entries() -> None:
    assert is_live_blog(BLOG)
    assert not is_live_blog("30 Jun 2022 22.10 One stamp alone.\n\nAnd a paragraph.")
    starts = [start for start, _ in entry_days(BLOG, PUBLISHED)]
    assert starts == [
        BLOG.index("From"),
        *(BLOG.index(s) for s in ("30 Jun 2022 21", "30 Jun 2022 20", "1 Jul")),
    ]


def test_an_entry_is_news_of_the_day_of_its_stamp() -> None:
    assert date_of("residential building") == ["2022-06-30"]  # not the blog's 1 July
    assert date_of("ended their summit") == ["2022-06-30"]
    assert date_of("Lysychansk") == ["2022-07-01"]  # the entry after midnight


def test_an_entrys_relative_days_count_from_its_stamp() -> None:
    assert date_of("Snake Island") == ["2022-06-29"]


def test_a_stamp_far_from_the_publication_day_does_not_date_its_entry() -> None:
    far = BLOG.replace("30 Jun 2022", "30 Jun 2021")
    assert {day for _, day in entry_days(far, PUBLISHED)} == {PUBLISHED}


def test_an_entrys_first_sentence_is_its_lead_unless_the_host_speaks() -> None:
    blog = (
        "2 Jul 2022 23.10 Hello, this is Helen taking over the blog for the night.\n\n"
        "2 Jul 2022 22.40 3.7 million Ukrainian refugees have received temporary protection in "
        "the EU, according to the UNHCR.\n\n"
        "2 Jul 2022 22.05 Russian missiles struck Odesa, officials said.\n\n"
        "2 Jul 2022 21.30 Kyiv said the fighting went on."
    )
    events = parse_article(blog, date(2022, 7, 3)).events
    refugees = [e for e in events if "refugees" in e.evidence.text]
    assert [(e.evidence.text[:11], e.date.value) for e in refugees] == [
        ("3.7 million", "2022-07-02")
    ]
    assert not [e for e in events if "Helen" in e.evidence.text]
