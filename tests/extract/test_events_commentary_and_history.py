"""What a careful reader would not put on the timeline, found on unseen articles: a commentator
labelled before the name, a habit, a reported belief about the future, a change over the past
year, a month's statistic, the terms of a signed plan, a happening set beside another, one day
told twice, a passage looking months back, an embedded social-media post, a live blog's host."""

from __future__ import annotations

from datetime import date

from app.extract import parse_article

PUBLISHED = date(2022, 8, 20)  # a Saturday


def events_of(text: str, published: date = PUBLISHED) -> list[tuple[str, str]]:
    """(date value, evidence) of each event."""
    return [(e.date.value, e.evidence.text) for e in parse_article(text, published).events]


def test_a_commentator_labelled_before_the_name_comments_wherever_named_again() -> None:
    text = (
        "Russian shells hit a school in Kharkiv, the regional governor said.\n\n"
        "Political analyst Petra Novak described Izium as a weak spot.\n\n"
        "Russian troops often attack Ukrainian positions near Izium from three sides, said "
        "Novak, and were massing near Balakliia."
    )
    evidence = [e for _, e in events_of(text)]
    assert not any("said Novak" in e for e in evidence)
    assert any("school" in e for e in evidence)


def test_a_habit_in_the_writers_words_is_no_event_but_a_source_may_report_one() -> None:
    text = (
        "Drones struck a fuel depot in Odesa, the governor said.\n\n"
        "Currently, a purge is being carried out in the security service and suspected spies "
        "are regularly arrested.\n\n"
        "The prosecutor said suspected spies had regularly passed targets to Moscow."
    )
    evidence = [e for _, e in events_of(text)]
    assert not any("purge" in e for e in evidence)
    assert len(evidence) == 2


def test_a_participle_describing_a_noun_attributes_nothing() -> None:
    text = (
        "Missiles hit the port of Mykolaiv, the mayor said.\n\n"
        "The newly announced pipeline deal with Norway is another welcome step away from "
        "Russian gas, he notes."
    )
    assert len(events_of(text)) == 1


def test_a_reported_belief_about_the_future_is_a_view() -> None:
    text = (
        "Shelling killed two people in Nikopol, the governor said.\n\n"
        "Kovalenko has stated that he believes September will be a turning point in Russia’s "
        "war against Ukraine.\n\n"
        "The air force said it believes a cruise missile struck the airfield near Lutsk."
    )
    evidence = [e for _, e in events_of(text)]
    assert not any("turning point" in e for e in evidence)
    assert any("airfield" in e for e in evidence)


def test_a_change_over_the_past_year_is_no_event() -> None:
    text = (
        "Russian forces shelled Sumy on Friday, the governor said.\n\n"
        "Over the past year, Moldova has become a regular guest at European summits."
    )
    assert [value for value, _ in events_of(text)] == ["2022-08-19"]


def test_a_figure_changing_over_a_month_is_a_statistic() -> None:
    text = (
        "Russian missiles struck Dnipro on Friday, the governor said.\n\n"
        "In July, the number of flights out of Moscow fell by 40% from the month before.\n\n"
        "A trade newspaper reported this month that wine imports saw a fivefold drop."
    )
    assert [value for value, _ in events_of(text)] == ["2022-08-19"]


def test_the_terms_of_a_signed_plan_are_no_event_but_its_signing_is() -> None:
    text = (
        "Kyiv and Ankara signed a shipping plan on Friday, the ministry said.\n\n"
        "Under the shipping plan signed on Friday, Turkish pilots would guide the vessels "
        "through the strait."
    )
    assert [value for value, _ in events_of(text)] == ["2022-08-19"]


def test_a_happening_set_beside_another_restates_it() -> None:
    text = (
        "Russian forces shelled an evacuation route out of Mykolaiv, the governor said.\n\n"
        "Russia’s breach of the ceasefire around Mykolaiv came amid increased efforts to advance "
        "in the south of Ukraine."
    )
    assert len(events_of(text)) == 1


def test_one_day_told_twice_in_a_sentence_is_one_event() -> None:
    text = (
        "“When we saw the jet yesterday, it flew straight at the drone and I knew it was "
        "reckless,” the senator, a former pilot, told a radio host in an interview Friday."
    )
    assert [value for value, _ in events_of(text)] == ["2022-08-19"]


def test_undated_sentences_going_on_from_a_look_back_tell_that_past() -> None:
    text = (
        "Ukrainian drones struck an airbase in Crimea on Tuesday, officials said.\n\n"
        "In the first hours of its invasion on February 24, Russia sent troops and tanks "
        "through Crimea into the Kherson region. Russian forces captured the city of Kherson."
        "\n\nRussian forces eventually established a land corridor linking Crimea to the "
        "occupied parts of the Donetsk region.\n\n"
        "Ukrainian forces shelled a Russian depot near Melitopol."
    )
    assert [value for value, _ in events_of(text)] == ["2022-08-16", "2022-02-24", "2022-08-20"]
    assert "Melitopol" in events_of(text)[-1][1]


def test_an_embedded_social_media_post_is_no_sentence_of_the_story() -> None:
    text = (
        "Explosions were heard in Belgorod on Saturday, the regional governor said.\n\n"
        "Loud blasts over the city tonight. pic.twitter.com/AbCdEf123 — Some Watcher "
        "(@watcher) August 20, 2022\n\n"
        "Running out of road… https://t.co/XyZ — A Spy Chief (@spychief) August 19, 2022"
    )
    assert len(events_of(text)) == 1


def test_a_live_blog_host_signing_on_or_off_is_no_sentence_of_the_story() -> None:
    text = (
        "20 Aug 2022 00.05 Thank you for joining us for today’s live coverage of the war.\n\n"
        "Russian missiles struck Zaporizhzhia on Saturday, the regional governor said.\n\n"
        "That’s it from me for tonight. I’ll be back tomorrow, thank you."
    )
    assert [value for value, _ in events_of(text)] == ["2022-08-20"]
