"""Event assembly: which sentences become events, which date dates them, where they happened."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract import parse_article

SATURDAY = date(2022, 6, 25)


def events_of(text: str) -> list[tuple[str, tuple[str, ...]]]:
    parsed = parse_article(text, SATURDAY)
    return [(e.date.value, tuple(r.code for r in e.regions)) for e in parsed.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The statement itself is the news: dated by the reporting date.
        (
            "The mayor of Mykolaiv said on Saturday that five missiles hit the city.",
            [("2022-06-25", ("UA-48",))],
        ),
        # Reported speech: the happening's own date wins over the date of the statement.
        (
            "The governor said on Saturday that Russian forces had attacked Lysychansk on Friday.",
            [("2022-06-24", ("UA-09",))],
        ),
        # Current news without a date of its own: the publication date, marked implied.
        (
            "Two missiles struck Odesa overnight, the regional governor said.",
            [("2022-06-25", ("UA-51",))],
        ),
        # Month precision is kept, never filled to a day.
        ("Ukraine lost the port of Mariupol in May.", [("2022-05", ("UA-14",))]),
        # Background without a time gives no event.
        ("Moscow has recognised the two regions as independent states.", []),
    ],
)
def test_sentence_to_events(text: str, expected: list[tuple[str, tuple[str, ...]]]) -> None:
    assert events_of(text) == expected


def test_implied_date_is_marked() -> None:
    event = parse_article("Shelling hit Kharkiv overnight, officials said.", SATURDAY).events[0]
    assert event.date_implied and event.timex is None


def test_two_dated_happenings_in_one_sentence_are_two_events() -> None:
    text = "Troops left Sievierodonetsk on Friday, weeks after the fall of Mariupol in May."
    assert sorted(v for v, _ in events_of(text)) == ["2022-05", "2022-06-24"]


def test_evidence_spans_are_exact() -> None:
    text = "Intro line.\n\nRussian forces shelled Kharkiv on Friday, the governor said."
    for event in parse_article(text, SATURDAY).events:
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        assert event.date.start <= event.date.end


def test_there_and_the_city_refer_to_the_last_place_named_even_outside_an_event() -> None:
    text = (
        "Ukrainian troops still hold out in Lysychansk, across the river.\n\n"
        "Regional authorities said on Friday that Ukraine would pull its troops out of there."
    )
    assert events_of(text) == [("2022-06-24", ("UA-09",))]


def test_a_union_acting_is_placed_in_no_country_it_names() -> None:
    text = "Last week, EU member states agreed to cut gas use, despite opposition from Hungary."
    assert events_of(text) == [("2022-W24", ())]
    # a scene it acts at still counts
    text = "EU foreign ministers met in Kyiv on Monday."
    assert events_of(text) == [("2022-06-20", ("UA-30",))]


def test_an_existential_there_refers_to_no_place() -> None:
    text = (
        "Chinese leaders met European envoys in Beijing.\n\n"
        "Putin said on Friday that Moscow would use nuclear arms only if there is a threat."
    )
    assert events_of(text)[-1] == ("2022-06-24", ("RU",))


def test_a_statement_without_a_scene_happens_in_its_speakers_country() -> None:
    text = "The Ukrainian foreign ministry on Saturday condemned the strikes on Israel by Iran."
    assert events_of(text) == [("2022-06-25", ("UA",))]
    text = "The Russian defence ministry claimed on Friday that the strikes had hit their targets."
    assert events_of(text) == [("2022-06-24", ("RU",))]


def test_a_statement_planned_in_the_base_form_has_its_speakers_country() -> None:
    text = "French President Emmanuel Macron was on Monday set to warn Xi against backing Russia."
    assert events_of(text) == [("2022-06-20", ("FR",))]


def test_a_leader_named_as_the_speaker_gives_the_country_and_is_no_place() -> None:
    text = "Putin said on Monday that the operation was going to plan."
    assert events_of(text) == [("2022-06-20", ("RU",))]
    text = "Zelenskiy told reporters on Friday that more weapons were needed."
    assert events_of(text) == [("2022-06-24", ("UA",))]
    # A scene still wins over the speaker, and the leader is never listed as a place.
    parsed = parse_article("Biden said on Tuesday that missiles had hit Kharkiv.", SATURDAY)
    assert [
        (tuple(r.code for r in e.regions), [p.name for p in e.places]) for e in parsed.events
    ] == [(("UA-63",), ["Kharkiv"])]


def test_around_a_city_that_is_a_region_of_its_own_is_the_region_around_it() -> None:
    text = "A fierce battle raged on Friday for an airfield close to Kyiv."
    assert events_of(text) == [("2022-06-24", ("UA-32",))]
    text = "Missiles hit Kyiv on Friday."
    assert events_of(text) == [("2022-06-24", ("UA-30",))]


def test_armed_actors_at_a_named_place_are_news_without_attribution() -> None:
    assert events_of("Russian troops advanced on the city of Chernihiv.") == [
        ("2022-06-25", ("UA-74",))
    ]
    assert events_of("The talks advanced in Geneva.") == []


def test_an_accusation_in_the_present_perfect_is_a_news_lead() -> None:
    text = "Russia has accused Ukraine of shelling the city of Kherson."
    assert events_of(text) == [("2022-06-25", ("UA-65",))]
    assert events_of("Moscow has recognised Luhansk as an independent state.") == []


def test_the_speaker_of_an_inverted_attribution_follows_the_verb() -> None:
    text = "“Air defences shot down 40 Russian drones and missiles,” said Ukrainian officials."
    assert events_of(text) == [("2022-06-25", ("UA",))]


def test_the_country_an_invasion_is_waged_on_is_its_scene() -> None:
    text = "The Russian president ordered the invasion of Ukraine on Friday."
    assert events_of(text) == [("2022-06-24", ("UA",))]


def test_a_hypothesis_in_a_relative_clause_does_not_unmake_the_happening() -> None:
    text = "Russian forces moved to Melitopol, where officials said they would meet resistance."
    assert events_of(text) == [("2022-06-25", ("UA-23",))]
    text = "The minister, who will attend, said he feared Ukraine could face pressure."
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Grain has been stuck in silos since the invasion began on Feb. 24.",
        "Thousands have fled since Russia invaded on 24 February.",
        "Prices hit their lowest close since Russia’s invasion on 24 February.",
        "The court tied the crimes to the offensive that began on 24 February.",
        "It condemned Russia's 24 February invasion of Ukraine.",
        "Since Russia invaded Ukraine two years ago, fears have risen in Moldova.",
        "It was his first trip to the front since the start of the Russian invasion on 24 Feb.",
    ],
)
def test_a_reference_to_the_start_of_the_war_dates_no_new_event(text: str) -> None:
    assert [value for value, _ in events_of(text)] in ([], ["2022-06-25"])


def test_since_a_happening_other_than_the_start_of_the_war_still_dates_it() -> None:
    text = "Troops left the city, the biggest reversal since losing the port of Mariupol in May."
    assert "2022-05" in [value for value, _ in events_of(text)]


def test_a_suburb_of_a_city_is_where_it_happened_not_the_city() -> None:
    text = "On Friday bodies were found on a street in the Kyiv suburb of Bucha."
    assert events_of(text) == [("2022-06-24", ("UA-32",))]


def test_a_stance_taken_on_another_countrys_deed_stays_with_the_speaker() -> None:
    text = "The Ukrainian president on Friday condemned Tehran's strikes on Israel."
    assert events_of(text) == [("2022-06-24", ("UA",))]


def test_a_possessive_country_speaks_and_its_parts_locate() -> None:
    text = "On Friday, Moldova’s intelligence agency said it had found plans by Moscow."
    assert events_of(text) == [("2022-06-24", ("MD",))]
    text = "On Friday Russia targeted Ukraine's energy infrastructure with drone strikes."
    assert events_of(text) == [("2022-06-24", ("UA",))]
    text = "According to Russia's Interfax news agency, troops entered Lysychansk on Friday."
    assert events_of(text) == [("2022-06-24", ("UA-09",))]


def test_armed_actors_trying_to_take_a_named_place_are_news() -> None:
    text = "Russian forces are trying to cut off the city of Lysychansk in eastern Ukraine."
    assert events_of(text) == [("2022-06-25", ("UA-09",))]


def test_a_clause_of_only_a_date_is_not_cut_off_and_numbers_keep_their_commas() -> None:
    text = (
        "The grain deal was signed in Istanbul on Friday. "
        "Less than a day later, on Saturday, Russian missiles hit the port of Odesa."
    )
    assert events_of(text)[-1] == ("2022-06-25", ("UA-51",))
    text = "Officials said on Friday that 3,000 square kilometres were retaken in May."
    assert len(parse_article(text, SATURDAY).events) == 1


def test_a_month_name_is_not_an_event_word() -> None:
    text = "The mayor said the town had been cleared of Russian forces on March 31."
    assert parse_article(text, SATURDAY).events[0].event_type != "Protests"


def test_irregular_past_and_a_blast_at_a_named_place_are_news() -> None:
    text = "In the eastern city of Luhansk, a prosecutor died when his office was blown up."
    assert events_of(text) == [("2022-06-25", ("UA-09",))]


def test_a_question_of_whether_something_would_happen_is_no_hypothesis_of_the_news() -> None:
    text = (
        "The authority in Berdiansk has blamed Kyiv for the murder of an official who ran"
        " a vote on whether the region would join Russia."
    )
    assert events_of(text) == [("2022-06-25", ("UA-23",))]


def test_a_view_in_quotes_is_no_event_a_reported_happening_is() -> None:
    text = "“Russia wants to destroy our cities with missiles and drones,” she said."
    assert events_of(text) == []
    text = "“Our air defence shot down 40 drones and missiles overnight,” the air force said."
    assert len(events_of(text)) == 1


def test_a_date_years_before_the_article_is_background() -> None:
    assert events_of("The bridge, opened by Putin in 2018, carries trains to Crimea.") == []
    text = "Putin said on Friday that Crimea, annexed in 2014, would stay Russian."
    assert events_of(text) == [("2022-06-24", ("UA-43",))]
    assert events_of("Russian forces shelled Kharkiv last year.") == [("2021", ("UA-63",))]


def test_concessions_and_modal_may_are_background() -> None:
    text = "Although arms are flowing to Kyiv, promises remain unfulfilled, an analyst wrote."
    assert events_of(text) == []
    text = "Aggression may not be in Russia's interest, since it is destabilizing Moldova, he said."
    assert events_of(text) == []


def test_a_date_named_outright_beats_one_counted_from_a_date_in_passing() -> None:
    text = (
        "Grain has been stuck since the invasion began on Feb. 24. "
        "Less than a day later, on Friday, Russian cruise missiles hit the port of Odesa."
    )
    assert events_of(text) == [("2022-06-24", ("UA-51",))]


@pytest.mark.parametrize(
    "text",
    [
        # a commentator is the source: analysis, not news
        "The idea is popular in Kyiv, said Jane Doe, a research fellow at the Chatham House.",
        "Konrad Muzyka, a military analyst, said the situation in Lysychansk looked bleak.",
        # a view held, a question, an aside that argues
        "Critics of sanctions tend to believe that Putin's aims are limited to eastern Ukraine.",
        "Were other officials arrested in Kherson?",
        "For example, while Nato uses 155mm shells, Ukraine fires Soviet calibres, they wrote.",
        # a prospect, a participle that is no past verb, a habit, a restatement
        "There will be countries that buy Russian oil rejected by Europe.",
        "The components needed to run IT systems in Moscow come from countries backing sanctions.",
        "Moscow has repeatedly warned Helsinki against joining Nato, officials said.",
        "The Institute for the Study of War said this in a new assessment, Ukrinform reports.",
        # a date inside a quoted view or plan dates no happening
        "“Today or tomorrow they will throw in all the reserves they have,” the governor said.",
        # a dated clause that argues rather than reports, or dates only a view
        "Yet Nato faces a far bigger question this week: whether it is doing enough for Kyiv.",
        "Admiral James Stavridis believes Ukraine will win the war this year.",
        "Unfortunately, some Europeans are proposing a ceasefire on Russia's terms.",
        # a date that recurs dates no happening
        "Every year on May 9, Putin delivers an address in Moscow.",
    ],
)
def test_commentary_views_and_prospects_are_no_events(text: str) -> None:
    assert events_of(text) == []


def test_a_statement_or_happening_beside_a_view_is_still_news() -> None:
    text = (
        "The ministry said it believes a Ukrainian missile hit a residential building in Kharkiv."
    )
    assert len(events_of(text)) == 1
    text = (
        "Lysychansk was shelled “en masse”, Haidai added, while analysts warned of a breakthrough."
    )
    assert len(events_of(text)) == 1
    assert [v for v, _ in events_of("But Russian forces shelled Kharkiv on Friday.")] == [
        "2022-06-24"
    ]
    text = "“Beginning 1 July, we will move to the rouble zone,” the Kherson official said."
    assert [v for v, _ in events_of(text)] == ["2022-07-01"]


def test_a_paragraph_opening_in_the_present_perfect_reports_the_news() -> None:
    text = "Kyiv has accused Moscow of planning a fake referendum in the occupied south."
    assert events_of(text) == [("2022-06-25", ("UA",))]
    text = "Canada has imposed sanctions on the Russian-born billionaire Alexander Lebedev."
    assert len(events_of(text)) == 1
    assert events_of("Sanctions have affected many aspects of life in Russia.") == []
    assert events_of("Moscow has recognised Luhansk as an independent state.") == []


def test_an_undated_announcement_of_a_deployment_is_news() -> None:
    text = "Canada is sending 225 troops to the UK to train Ukrainian recruits, its minister said."
    assert len(events_of(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        # a forecast or an assessment in the writer's words, dated or not
        "The Russians will likely intensify their attacks on Kharkiv on or after July 20.",
        "Electoral events could shape the war, including a general election in Ukraine in October.",
        "ISW previously assessed that an offensive on Kharkiv in May would be very ambitious.",
        # a document's contents in the present
        "The Institute's June 24 daily assessment covers a multitude of topics.",
        "The 2022 Annual Threat assessment reveals that Russia does not want a wider war.",
        # figures of the economy and of holdings: background, even with a date
        "China-Russia trade in May reached a record $14 billion, according to customs data.",
        "Nearly 70% of Russia's machine tool imports in the first quarter came from China.",
        "Russia has about 4,000 deployed nuclear warheads, according to a US research group.",
        # a standing habit dated only by a year
        "The United States has previously warned Russia, including at last year's UN assembly.",
        # a standing reproach in the passive perfect
        "Beijing, which says it is neutral, has been criticized for refusing to condemn the "
        "strikes on Kharkiv.",
        # a quotation going on from the sentence before, with no attribution of its own
        "“We heard the first strike. Then a second missile hit the building.”",
    ],
)
def test_analysis_forecasts_and_figures_of_background_are_no_events(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # scheduled, not hedged; a hedge in reported speech or a relative clause is no forecast
        ("Xi will host Putin for talks in Beijing later this month.", "2022-06"),
        ("Officials said Kishida would return to Japan on Thursday.", "2022-06-30"),
        ("Germany would send more tanks next week, the minister said.", "2022-W26"),
        (
            "The parliament is due to consider rules next week that would require passports.",
            "2022-W26",
        ),
        # a decision about the economy is news
        ("EU states agreed on Friday to cut their gas imports by 15%.", "2022-06-24"),
        # a think tank reporting a happening, without a hedge
        ("ISW said on Friday that Ukrainian forces damaged two bridges in Kherson.", "2022-06-24"),
    ],
)
def test_schedules_decisions_and_reported_happenings_stay_events(text: str, value: str) -> None:
    assert [v for v, _ in events_of(text)] == [value]


def test_a_commentator_introduced_by_name_still_comments_when_named_again() -> None:
    text = (
        "Russian forces shelled Lysychansk overnight, Governor Serhiy Haidai said.\n\n"
        "Longer-range arms will be decisive, said Dimitri Minic at the French Institute for "
        "International Relations.\n\nBut, Minic cautioned, even when Ukraine recaptured Kherson, "
        "Moscow did not give up.\n\n“Russia will do anything to hold on,” Minic said."
    )
    assert events_of(text) == [("2022-06-25", ("UA-09",))]


def test_according_to_a_source_reports_a_happening_not_a_state_of_the_present() -> None:
    assert (
        events_of(
            "Preparations for the summit in Kyiv are at the final stage, according to the minister."
        )
        == []
    )
    assert events_of(
        "The focus of the attack was near the town of Izium, according to officials."
    ) == [("2022-06-25", ("UA-63",))]


def test_a_lead_without_its_day_takes_the_day_the_next_paragraph_gives() -> None:
    text = (
        "Ukraine has taken its older tanks off the frontline, partly because of drone attacks, "
        "officials have said. The US sent 31 tanks in January. A senior commander said on "
        "Thursday that drones see everything."
    )
    # background in between tells no day
    assert [value for value, _ in events_of(text)] == ["2022-06-23", "2022-01", "2022-06-23"]
    # a statement lead is the day's news
    text = (
        "Russia has confirmed it carried out a missile strike on Vinnytsia.\n\n"
        "The defence ministry claimed on Thursday that the strike hit a meeting."
    )
    assert events_of(text)[0][0] == "2022-06-25"
    # a day still to come tells the lead no day of the past week
    text = (
        "Russian troops have stormed the steelworks in Mariupol, officials said.\n\n"
        "The governor will visit the plant on Monday, his office said."
    )
    assert [value for value, _ in events_of(text)] == ["2022-06-25", "2022-06-27"]
    # a plan in the lead is the day's news, whatever day the visit it follows was
    text = (
        "Putin is to host a group of African leaders who travelled to Russia after their trip "
        "to Ukraine.\n\nThe leaders visited Kyiv on Friday to try to help end the war. They met "
        "the president there. Their plan has ten points."
    )
    assert [value for value, _ in events_of(text)][:2] == ["2022-06-25", "2022-06-24"]


def test_a_paragraph_lead_in_the_perfect_takes_the_day_its_next_sentence_gives() -> None:
    # a live blog's entry: the lead in the perfect, its day in the sentence after it
    blog = (
        "Some strikes were reported in the east.\n\n"
        "Russia and Ukraine have carried out a prisoner exchange, the Kyiv Independent reports. "
        "Five captured Ukrainians were returned to Ukraine on 24 June in exchange for five "
        "Russians, according to the defence ministry."
    )
    assert [value for value, _ in events_of(blog)][-2:] == ["2022-06-24", "2022-06-24"]
    # a statement in the perfect is the day's news, whatever day the deed it tells was
    claim = (
        "Some strikes were reported in the east.\n\n"
        "The president of Belarus has claimed Ukraine tried to strike military facilities in "
        "Belarus. Ukrainian forces fired missiles at the facilities on Thursday, he said."
    )
    assert [value for value, _ in events_of(claim)][-2:] == ["2022-06-25", "2022-06-23"]
    # the next paragraph is another entry, which tells the lead no day
    apart = blog.replace("reports. ", "reports.\n\n")
    assert [value for value, _ in events_of(apart)][-2:] == ["2022-06-25", "2022-06-24"]


def test_a_source_opening_a_clause_in_the_present_is_news_beside_a_dated_happening() -> None:
    text = (
        "Russia says it is ready to talk about a prisoner swap with the US following "
        "Wednesday's jail sentence for a US basketball player."
    )
    # the statement, the day's news, and the sentence it follows, on Wednesday
    assert [value for value, _ in events_of(text)] == ["2022-06-25", "2022-06-22"]


def test_the_article_lead_is_its_news_whatever_its_tense() -> None:
    lead = "The Kremlin is conducting a concerted air and information operation against Kharkiv."
    body = "Shelling hit the city, officials said. Ukraine needs air defence. It is a long war."
    # the lead, in the present progressive, is the day's news ...
    assert [value for value, _ in events_of(f"{lead} {body}")] == ["2022-06-25", "2022-06-25"]
    # ... the same words later in the article are an assessment
    assert [value for value, _ in events_of(f"{body} {lead}")] == ["2022-06-25"]
    # the headline and a newsletter's greeting come before the lead
    greeting = "Hello – Warren Murray introducing the news on a day we feared would come."
    headline = "Kremlin turns its air and information war on Kharkiv"
    assert len(events_of(f"{headline}\n\n{greeting}\n\n{lead} {body}")) == 2
    # a dateline is no lead; a question is no news
    assert len(events_of(f"Hong Kong CNN —\n\n{lead} {body}")) == 2
    assert len(events_of(f"Is the war entering a new phase? {lead} {body}")) == 1
    # a snippet of a sentence or two leads no story: its sentences are read as any other
    assert events_of(lead) == []
    # a forecast opening the article is its news too ...
    forecast = "Russia's war in Ukraine could take years, Nato's secretary general said."
    assert next(value for value, _ in events_of(f"{forecast} {body}")) == "2022-06-25"
    # ... not a pronoun's words whose source was cut off, nor what recurs every year
    cut_off = "He added that the collaboration of the two regimes must face a united response."
    assert len(events_of(f"{cut_off} {body}")) == 1
    habit = "Every year on May 9, Vladimir Putin delivers an address to celebrate Victory Day."
    assert len(events_of(f"{habit} {body}")) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the happening "a day after" which the main one came is an event of its own, that day
        (
            "Kishida made a surprise trip to Ukraine on Tuesday – a day after Xi met Putin in "
            "Moscow.",
            [("2022-06-21", ("UA",)), ("2022-06-20", ("RU-MOW",))],
        ),
        # a recap of the main event ("The blasts on Tuesday come") leaves only the earlier one
        (
            "The blasts on Tuesday come one week after at least one person was killed in similar "
            "explosions at a Russian airbase in Crimea.",
            [("2022-06-14", ("UA-43",))],
        ),
        (
            "Russian troops shelled Kharkiv on Saturday, 3 days after they attacked Izium.",
            [("2022-06-25", ("UA-63",)), ("2022-06-22", ("UA-63",))],
        ),
        # not when the earlier happening has a date of its own, or the count runs from another
        # happening than the main one
        (
            "The blast on the bridge came a day after Putin turned 70 on Friday.",
            [("2022-06-24", ())],
        ),
        (
            "The deal appeared in jeopardy after Russian forces launched strikes on Odesa on "
            "Saturday, a day after the agreement was signed.",
            [("2022-06-25", ("UA-51",))],
        ),
    ],
)
def test_a_happening_told_days_before_another_is_dated_by_the_count(
    text: str, expected: list[tuple[str, tuple[str, ...]]]
) -> None:
    assert events_of(text) == expected


def test_an_official_named_by_office_speaking_mid_article_is_news() -> None:
    # the source is an office, not a name: "Moldova's president said", "A spokesman for ...
    # said"; a view told by an unnamed pundit, or an office inside a clause, stays no event
    opening = (
        "Russian forces shelled Kharkiv on Friday, the governor said. "
        "Three people were wounded. Rescue teams worked through the night. "
    )
    lines = [
        "Moldova's president said during a visit to Kyiv that her country was fragile.",
        "A spokesman for Ukraine's defence staff said infrastructure was being hit.",
        "Analysts said the war was far from over.",
        "After the president said that, the talks were far from over.",
        "Oleksandr Kamyshin, the chair of the board of Ukrainian Railways, said the claims were "
        "false.",
    ]
    parsed = parse_article(opening + " ".join(lines), SATURDAY)
    found = [e.evidence.text for e in parsed.events]
    assert lines[0] in found and lines[1] in found and lines[4] in found
    assert lines[2] not in found and lines[3] not in found


def test_the_summit_named_again_is_where_it_was_said_to_be() -> None:
    # a gathering's place, once named beside it, is where "the summit" later happens; a
    # gathering still to come ("a conference next year") is another one
    text = (
        "African leaders met Putin at the Russia-Africa summit in St Petersburg on Thursday,"
        " officials said.\n\nWagner's chief was spotted on the sidelines of the summit on Thursday."
        "\n\nDonors pledged aid at the recovery conference in Lugano on Monday, officials said."
        "\n\nBritain will host a conference next year to help Ukraine recover, officials said."
    )
    parsed = parse_article(text, SATURDAY)
    regions = {e.evidence.text[:20]: [r.code for r in e.regions] for e in parsed.events}
    assert regions["Wagner's chief was s"] == ["RU-SPE"]
    assert "CH" not in regions["Britain will host a "]


def test_a_finer_date_inside_the_clause_dates_it() -> None:
    # a year framing the day it holds: the day dates the happening
    assert events_of("This year, Ukraine will hold the summit on August 23 in Kyiv.") == [
        ("2022-08-23", ("UA-30",))
    ]
    gathered = "One year ago, on 23 June 2021, leaders gathered in Kyiv, officials said."
    assert events_of(gathered) == [("2021-06-23", ("UA-30",))]


def test_a_closing_relative_clause_in_the_past_perfect_is_a_happening_apart() -> None:
    # the adviser's criticism is the day's news; Macron's interview had its own day
    text = (
        "Russian missiles hit Kyiv on Sunday, the mayor said. Two people were hurt. "
        "Repair crews worked all day. An adviser to Zelenskiy urged Europe to send more weapons "
        "and criticised the French president, Emmanuel Macron, who had said in an interview on "
        "Friday that Russia must not be humiliated."
    )
    parsed = parse_article(text, SATURDAY)
    dated = [(e.date.value, e.evidence.text[:10]) for e in parsed.events]
    assert ("2022-06-25", "An adviser") in dated
    assert ("2022-06-24", "who had sa") in dated


def test_a_seat_of_government_speaking_in_the_perfect_is_news() -> None:
    # "No 10", "Downing Street" speak for the British government, like "the Kremlin" for Russia
    opening = (
        "Two Britons were sentenced to death in Donetsk on Saturday, officials said. "
        "Their families were devastated. Lawyers said they would appeal. "
    )
    lines = [
        "No 10 has said the men are entitled to combatant immunity as prisoners of war.",
        "Downing Street has also said there were no plans for direct talks with Moscow.",
    ]
    parsed = parse_article(opening + " ".join(lines), SATURDAY)
    found = {e.evidence.text: [r.code for r in e.regions] for e in parsed.events}
    assert found[lines[0]] == ["GB"] and found[lines[1]] == ["GB"]


def test_a_meeting_opening_the_sentence_is_where_what_follows_was_said() -> None:
    text = (
        "On Friday, during a meeting with Putin in Sochi, Senegal's president blamed EU "
        "sanctions for the food crisis and did not criticise Russia's blockade of Ukrainian ports."
    )
    assert events_of(text) == [("2022-06-24", ("RU-KDA",))]


def test_a_nouns_closing_that_clause_in_the_past_perfect_is_apart_not_reported_speech() -> None:
    # "the rockets that it had promised last week": the promise is a happening of its own week
    promised = (
        "Putin warned Washington against sending the longer-range rockets that it had promised "
        "to Kyiv last week."
    )
    assert [e.evidence.text[:10] for e in parse_article(promised, SATURDAY).events][-1] == (
        "that it ha"
    )
    # "said that it had shelled ...": what was said, one event on the happening's week
    said = "Russia's defence ministry said that it had shelled Kharkiv last week."
    assert events_of(said) == [("2022-W24", ("UA-63",))]


def test_a_date_a_participle_tells_of_a_noun_yields_to_the_statements_day() -> None:
    # the guns' promise is April's; what Reznikov reported on Monday arrived that day
    gepard = (
        "Reznikov said on Monday the first three of 15 Gepard guns promised by Germany back in "
        "April had arrived in Ukraine."
    )
    assert [value for value, _ in events_of(gepard)] == ["2022-06-20"]
    # a passive is the reported happening itself, and keeps its own date
    killed = "The State Department confirmed on Tuesday that a US citizen was killed in mid-May."
    assert [value for value, _ in events_of(killed)] == ["2022-05"]


ROUNDUP = (
    "Ukraine is pulling out its 40 peacekeepers from the Nato-led mission in Kosovo, according "
    "to Ukrainian news.\n\n"
    "A Moscow court has convicted the US basketball player Brittney Griner on drug charges, in a "
    "verdict that could lead to a prisoner swap.\n\n"
    "Ukraine's president wants to talk directly to China's leader, Xi Jinping. He hopes China "
    "can use its influence with Russia."
)


def test_each_paragraph_of_a_roundup_opens_on_an_event_of_the_day() -> None:
    # "what we know on day 162": a round-up of the day's news, item by item, told in the
    # present or the perfect; the same paragraphs in another article are a view and background
    title = "Russia-Ukraine war: what we know on day 162 of the invasion"
    thursday = date(2022, 8, 4)
    roundup = parse_article(ROUNDUP, thursday, title=title).events
    other = parse_article(ROUNDUP, thursday, title="Ukraine's diplomacy").events
    opening = [p.split(".")[0] for p in ROUNDUP.split("\n\n")]
    assert [e.evidence.text.split(".")[0].split(",")[0] for e in roundup] == [
        o.split(",")[0] for o in opening
    ]
    assert {e.date.value for e in roundup} == {"2022-08-04"}
    assert len(other) < len(roundup)


NEWSLETTER = (
    "Good morning.\n\n"
    "Russia hit Kyiv with cruise missiles on Thursday, officials said.\n\n"
    "At least 10 people were injured, the emergency service said.\n\n"
    "Capitol attack panel to issue letters to key Republicans\n\n"
    "The House select committee was expected to issue letters on Thursday, sources said.\n\n"
    "Premier arrested in US sting operation\n\n"
    "The premier was arrested at a Miami airport on Thursday, the governor said."
)


def test_a_newsletter_section_about_another_story_gives_no_event() -> None:
    # each story under its own headline; those that name no country of the title are not
    # about the conflict the timeline follows
    title = "First Thing: Russia strikes Kyiv during UN visit to Ukraine"
    friday = date(2022, 4, 29)
    found = [e.evidence.text for e in parse_article(NEWSLETTER, friday, title=title).events]
    assert found[0].startswith("Russia hit Kyiv") and len(found) == 2
    assert not any("Miami" in text or "committee" in text for text in found)
    # without a title naming a country, nothing is left out
    untitled = parse_article(NEWSLETTER, friday).events
    assert any("Miami" in e.evidence.text for e in untitled)
