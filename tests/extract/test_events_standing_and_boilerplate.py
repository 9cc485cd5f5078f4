"""What a careful reader would not put on the timeline, found on unseen articles: a standing
position told in the perfect past the opening, a stance held throughout the war, a share or a
rank of trade, a present passive after an adverb, a tally "so far", a present progressive inside
a claim, a participle after a possessive, a list item set as a heading; and a live blog's host
signing on, its links, embedded posts, hedged analysis, year-on-year statistics and repeated
entries."""

from __future__ import annotations

from datetime import date

from app.extract import parse_article

PUBLISHED = date(2022, 8, 20)  # a Saturday
NEWS = "Russian missiles struck the port of Mykolaiv on Friday, the regional governor said.\n\n"


def evidence_of(text: str) -> list[str]:
    return [e.evidence.text for e in parse_article(text, PUBLISHED).events]


def test_a_standing_refusal_blame_or_effort_in_the_perfect_is_background_past_the_opening() -> None:
    text = (
        NEWS + "Several Asian governments have refused to join the sanctions on Moscow.\n\n"
        "The Kremlin has blamed the shortages on western sanctions.\n\n"
        "Throughout the war, the Kremlin has sought to present Kyiv as the aggressor."
    )
    evidence = evidence_of(text)
    assert any("Mykolaiv" in e for e in evidence)
    assert not any("refused" in e or "blamed" in e or "sought" in e for e in evidence)


def test_a_share_or_a_rank_of_trade_is_a_statistic() -> None:
    text = (
        NEWS + "Kenya, one of the region's biggest grain importers, bought 60% of its wheat from "
        "Russia and Ukraine last year.\n\n"
        "Ukraine was the fourth-largest exporter of maize last year."
    )
    evidence = evidence_of(text)
    assert any("Mykolaiv" in e for e in evidence)
    assert not any("Kenya" in e or "maize" in e for e in evidence)


def test_a_present_passive_after_an_adverb_is_no_past_happening() -> None:
    text = NEWS + "Atrocities committed by Russian troops in Ukraine are cynically re-attributed."
    assert not any("Atrocities" in e for e in evidence_of(text))


def test_a_tally_so_far_is_a_standing_state() -> None:
    text = NEWS + (
        "Neither side's forces have so far been able to advance despite fierce street fighting "
        "in the city, Reuters reported."
    )
    assert not any("Neither side" in e for e in evidence_of(text))


def test_a_progressive_inside_a_claim_is_no_happening_but_one_in_the_main_clause_is() -> None:
    text = (
        NEWS + "In a blame game playing out across Africa, Moscow claims it is western sanctions "
        "that are slowing exports of fertiliser.\n\n"
        "Russian forces are shelling the outskirts of Kharkiv, the mayor said."
    )
    evidence = evidence_of(text)
    assert not any("fertiliser" in e for e in evidence)
    assert any("Kharkiv" in e for e in evidence)


def test_a_participle_after_a_possessive_reports_nothing() -> None:
    text = NEWS + "Moscow’s reported plan has been to cut the city off from supplies by shelling."
    assert not any("reported plan" in e for e in evidence_of(text))


def test_a_list_item_set_as_a_heading_is_not_a_sentence_but_a_headline_that_tells_stays() -> None:
    text = (
        NEWS + "Continued sanctions punishing Moscow for the invasion of Ukraine\n\n"
        "The sanctions must stay in force as long as Russian troops occupy Ukraine.\n\n"
        "Regional governor arrested on bribery charges in Odesa\n\n"
        "More text follows here."
    )
    evidence = evidence_of(text)
    assert not any("Continued sanctions" in e for e in evidence)
    assert any("arrested" in e for e in evidence)


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


def test_a_live_blogs_summary_yields_to_the_entry_it_repeats() -> None:
    """Newest first: a summary above repeats entries further down, where the full entry is."""
    entry = "Russian missiles struck the port of Mykolaiv on Friday, the regional governor said."
    summary = f"20 Aug 2022 01.15 Summary of the day. {entry} Grain exports resumed."
    text = (
        f"{summary}\n\n20 Aug 2022 00.40 Talks went on.\n\n20 Aug 2022 00.10 {entry} "
        "Two people were wounded."
    )
    events = parse_article(text, date(2022, 8, 20)).events
    struck = [e for e in events if "Mykolaiv" in e.evidence.text]
    assert len(struck) == 1
    assert struck[0].evidence.start > len(summary)


def test_the_simple_past_going_on_from_a_look_back_weeks_before_tells_that_past() -> None:
    text = (
        NEWS + "Russian marines stormed the coal mining town of Vuhledar in late July. "
        "Ukrainian forces repelled the offensive, however, and killed hundreds of troops."
    )
    evidence = evidence_of(text)
    assert any("regional governor said" in e for e in evidence)
    assert not any("repelled" in e for e in evidence)
