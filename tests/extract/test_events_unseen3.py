"""A third round of what a careful reader would not put on the timeline, found on unseen
articles: a live blog's host signing on and its links, an embedded post, a hedged finding even
with its source named, a figure compared with a year before, an entry a live blog repeats under
another time stamp, and the simple past going on from a look back a few weeks before."""

from __future__ import annotations

from datetime import date

from app.extract import parse_article

PUBLISHED = date(2022, 8, 20)  # a Saturday
NEWS = "Russian missiles struck the port of Mykolaiv on Friday, the regional governor said.\n\n"


def evidence_of(text: str) -> list[str]:
    return [e.evidence.text for e in parse_article(text, PUBLISHED).events]


def test_a_live_blog_host_signing_on_and_its_links_are_no_events() -> None:
    text = (
        NEWS + "Hello, this is Jane Doe taking over from my colleague to bring you the latest "
        "developments on Saturday.\n\n"
        "Read more here: Missiles struck the port of Mykolaiv on Friday"
    )
    evidence = evidence_of(text)
    assert any("regional governor said" in e for e in evidence)
    assert not any("Hello" in e or "Read more" in e for e in evidence)


def test_a_sentence_with_a_handle_or_a_hashtag_is_an_embedded_post() -> None:
    text = (
        NEWS + "#Russian forces did not make any significant advances on Friday.\n\n"
        "Tomorrow the minister @SomeMinister will say Russian generals are to blame."
    )
    evidence = evidence_of(text)
    assert any("regional governor said" in e for e in evidence)
    assert not any("#Russian" in e or "@SomeMinister" in e for e in evidence)


def test_an_email_address_is_no_embedded_post() -> None:
    text = "Russian troops shelled Kharkiv on Friday, the mayor told press@example.org."
    assert evidence_of(text)


def test_a_hedged_finding_is_analysis_even_with_its_source_named() -> None:
    text = (
        NEWS + "Russian forces will likely continue their assault on the plant.\n\n"
        "The counteroffensive has likely forced Russian troops to redeploy on Friday, the "
        "institute said in its latest analysis."
    )
    evidence = evidence_of(text)
    assert any("regional governor said" in e for e in evidence)
    assert not any("likely" in e for e in evidence)


def test_a_figure_compared_with_a_year_before_is_a_statistic() -> None:
    text = (
        NEWS + "About 1.9 million barrels were exported from Russia to Japan in July, 33% down "
        "from the same month a year ago."
    )
    evidence = evidence_of(text)
    assert any("regional governor said" in e for e in evidence)
    assert not any("barrels" in e for e in evidence)


def test_an_entry_repeated_under_another_time_stamp_is_kept_once() -> None:
    entry = "Russian missiles struck the port of Mykolaiv on Friday, the regional governor said."
    text = f"20 Aug 2022 01.15 {entry}\n\nGrain exports resumed.\n\n20 Aug 2022 00.10 {entry}"
    assert sum("Mykolaiv" in e for e in evidence_of(text)) == 1


def test_the_simple_past_going_on_from_a_look_back_weeks_before_tells_that_past() -> None:
    text = (
        NEWS + "Russian marines stormed the coal mining town of Vuhledar in late July. "
        "Ukrainian forces repelled the offensive, however, and killed hundreds of troops."
    )
    evidence = evidence_of(text)
    assert any("regional governor said" in e for e in evidence)
    assert not any("repelled" in e for e in evidence)
