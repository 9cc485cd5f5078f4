"""What is not a new event on an unseen article: a source speaking on, a standing state, a
document's contents, a statistic, a forecast or a caption; and the clauses of one happening."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract import parse_article

SATURDAY = date(2022, 6, 25)


def events_of(text: str, published: date = SATURDAY) -> list[tuple[str, str]]:
    """(date value, evidence) of each event."""
    return [(e.date.value, e.evidence.text) for e in parse_article(text, published).events]


def dates_of(text: str, published: date = SATURDAY) -> list[str]:
    return [value for value, _ in events_of(text, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a date told twice is one clause
        (
            "In his nightly address on Thursday evening, June 23, the president announced new "
            "sanctions on Moscow.",
            ["2022-06-23"],
        ),
        # a closing circumstance is part of the clause before and keeps its date
        (
            "Two apartment blocks in Kramatorsk were hit on Monday. The market in Sloviansk was "
            "struck on Wednesday, two days later.",
            ["2022-06-20", "2022-06-22"],
        ),
        (
            "Port officials had said on Friday they hoped exports would resume soon, given "
            "Saturday's strikes.",
            ["2022-06-24"],
        ),
        # a date that dates nothing opens no clause of its own
        (
            "In remarks published Friday, the foreign minister said 40,000 people have left "
            "the region since Feb. 24.",
            ["2022-06-24"],
        ),
    ],
)
def test_one_happening_is_one_clause(text: str, expected: list[str]) -> None:
    assert dates_of(text) == expected


def test_a_figure_over_a_year_is_a_statistic_but_a_days_toll_is_news() -> None:
    text = (
        "In 2021, the number of people who left the region grew by 18%, standing at 2.4 million "
        "at the end of the year, according to a report released on Friday by the agency."
    )
    assert dates_of(text) == ["2022-06-24"]  # the report's release only
    assert dates_of("The death toll from Friday's strike on Chernihiv rose to 21.") != []


@pytest.mark.parametrize(
    "text",
    [
        "The governor of Kharkiv said a missile hit a school overnight.\n\n"
        "He said the blasts in Crimea were a warning to the occupiers.",
        "The ministry said the missiles were launched from Belarus.\n\n"
        "Russia, it said, had fired from across the border to avoid Ukrainian air defences.",
        "The mayor said shelling had destroyed the town’s bridge.\n\n"
        "“Russian shells destroyed our water station,” she added.",
    ],
)
def test_a_source_named_before_speaking_on_adds_no_event(text: str) -> None:
    assert len(events_of(text)) == 1


def test_a_happening_the_writer_reports_before_a_pronoun_source_stays() -> None:
    text = (
        "The two presidents met in Sochi on Friday.\n\n"
        "They agreed to expand trade in grain and fertiliser, they said in a joint statement."
    )
    assert len(events_of(text)) == 2


def test_a_named_source_after_a_quotation_is_not_a_pronoun_source() -> None:
    text = (
        "Later the German minister said: “The Russian side walked out of the room.” "
        "She claimed the mood at the table was 19 to 1 against the invasion."
    )
    assert len(events_of(text)) == 1


def test_a_dated_quotation_of_a_view_from_a_source_named_before_is_no_event() -> None:
    text = (
        "The Japanese prime minister arrived in Kyiv on Tuesday.\n\n"
        "“This visit is a sign of our friendship,” she tweeted on Tuesday."
    )
    assert dates_of(text) == ["2022-06-21"]


@pytest.mark.parametrize(
    "text",
    [
        # a negated perfect
        "Kyiv has not claimed responsibility for the blasts at the airbase in Crimea, officials "
        "said.",
        # a standing denial
        "Moscow has denied responsibility for the food crisis, blaming western sanctions, the "
        "Kremlin said.",
        # a warning repeated for weeks
        "The president has warned for weeks that Russia plans to launch an offensive, officials "
        "said.",
        # a standing view
        "According to officials, Odesa is still regarded as a key target by Russian forces.",
        "For Kyiv, the visit to Moscow is seen as a sign that Beijing backed the invasion, "
        "officials said.",
        # the writer's past perfect, with no source and no date: what stood before the story
        "US officials had accused the Russian government of taking Ukrainian grain hostage to "
        "reduce the effects of sanctions on Russian exports.",
        "Soldiers and hundreds of civilians had sheltered at the Azot chemical plant in "
        "Sievierodonetsk.",
    ],
)
def test_standing_states_denials_and_views_are_no_events(text: str) -> None:
    assert events_of(text) == []


def test_the_opening_weeks_of_the_war_told_without_a_date_are_background() -> None:
    text = (
        "Shortly after Russia invaded Ukraine its troops all but encircled Mykolaiv, seizing "
        "the airport."
    )
    assert events_of(text) == []
    # a relative clause of background does not unmake the news
    news = (
        "In the Kherson region, which Russian troops seized early in the war, Ukrainian forces "
        "shelled two bridges, officials said."
    )
    assert len(events_of(news)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces suffered heavy losses in Sievierodonetsk, but Ukrainian troops almost "
        "certainly more so.",
        "Kyiv hopes to bring western rocket artillery to the front, which was donated by the US.",
        "The research group, which monitors the fighting, said Russian troops were exhausted.",
        "Dr Maria Lenz, an analyst at the Institute of War Studies, said the offensive stalled."
        "\n\nLenz said Russia used old missiles in the strike on Kremenchuk.",
    ],
)
def test_commentary_hedges_and_hopes_are_no_events(text: str) -> None:
    assert events_of(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a document's contents, dated or not
        "Friday's agreement seeks to restore grain exports from three Black Sea ports.",
        "The resolution states that Russian troops killed civilians in Bucha.",
        # an attribution in a relative clause does not make the description news
        "The £500m package, which officials said would come from reserves, will be used to "
        "deliver drones and armoured vehicles.",
    ],
)
def test_a_documents_contents_are_no_event(text: str) -> None:
    assert events_of(text) == []


def test_intentions_and_this_years_forecasts_are_no_events_but_schedules_are() -> None:
    assert events_of("At next month's summit, Kyiv wants to rally support from Asia.") == []
    assert events_of("Putin will again use this year's parade to praise the army.") == []
    assert dates_of("The minister will deploy a fighter squadron to Poland next year.") == ["2023"]
    scheduled = (
        "The French president was on Friday set to warn his guest against backing Moscow but "
        "also seek to enlist his help."
    )
    assert dates_of(scheduled) == ["2022-06-24"]


def test_a_year_of_comparison_dates_nothing() -> None:
    text = "The separatist leader said recently that the harvest would be larger than in 2021."
    assert events_of(text) == []


def test_a_picture_caption_is_no_event() -> None:
    assert events_of("The prime minister (center) visited a mass grave in Bucha.") == []


def test_a_forecast_from_a_source_named_before_is_no_event() -> None:
    text = (
        "The UN food agency chief said on Friday that 300 million people faced hunger.\n\n"
        "He also said the crisis could spread to Asia next year."
    )
    assert dates_of(text) == ["2022-06-24"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named source's statement in the past is news in itself, as an official's is
        ("Danish officials said the leaking from the pipeline has stopped.", 1),
        ("Emmanuel Macron has warned that Europe faces an existential threat.", 1),
        ("Stoltenberg told reporters that the alliance was not a party to the conflict.", 1),
        # a digest's item closing on the outlet that "reports" it is the day's news
        ("The Pentagon is considering sending more rocket launchers, Politico reports.", 1),
        ("The Pentagon is considering sending more rocket launchers, reports say.", 0),
        # a sentence opening on its source in the present tense, as a lead does, is news;
        # a source further on, or a pronoun, in the present tense is not
        ("In the east, Ukraine says Moscow is trying to assault Sloviansk.", 1),
        ("Moscow is trying to assault Sloviansk, the company says.", 0),
        # not a position held ("has said"), nor a pronoun going on with a statement
        ("The UN has said that the blockade threatens to cause a food shortage.", 0),
        ("He said that Europe faces an existential threat.", 0),
        # a past perfect a source reports is news
        ("Officials said the strikes had disrupted the electricity grid.", 1),
        ("The mayor alleged that 40,000 civilians had been forcibly moved to Russia.", 1),
    ],
)
def test_a_named_sources_statement_is_news(text: str, expected: int) -> None:
    assert len(events_of(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the outlet speaking of itself
        "We will bring you the latest news throughout the day and we'll be back tomorrow.",
        "Sign up for our newsletter to get the day's news from the front on Saturday.",
        # a source asking a question reports nothing
        "“And so today’s vote raises the question: Why? Why, if you are following the rules, "
        "would you not back a ban on such weapons?” she asked.",
    ],
)
def test_the_outlet_and_questions_are_no_events(text: str) -> None:
    assert events_of(text) == []


def test_a_standing_perfect_past_the_opening_is_background() -> None:
    text = (
        "Russian missiles struck a power station in Sumy on Saturday, the regional governor said."
        "\n\nThe European Union has provided billions of euros in military aid to Kyiv."
        "\n\nThe Kremlin has railed against each new round of Western sanctions."
    )
    assert [value for value, _ in events_of(text)] == ["2022-06-25"]


def test_what_always_holds_is_no_news_of_the_day() -> None:
    text = (
        "Russian missiles struck a power station in Sumy on Saturday, the regional governor said."
        "\n\nThe agency's spokesman said that Ukraine was always on alert for signs of attack."
        "\n\nThe spokesman said two saboteurs were arrested near Sumy."
    )
    assert len(events_of(text)) == 2


def test_a_happening_told_as_meanwhile_is_news() -> None:
    # "meanwhile" sets the happening beside the day's news: the writer's own report of it
    text = (
        "Russian missiles struck a power station in Sumy on Saturday, the regional governor said."
        "\n\nA vessel laden with grain meanwhile left Ukraine under a deal brokered by Turkey."
        "\n\nA vessel laden with grain left Ukraine under a deal brokered by Turkey."
    )
    assert len(events_of(text)) == 2


def test_what_a_source_recently_said_is_no_news_of_the_day() -> None:
    text = (
        "Russian missiles struck a power station in Sumy on Saturday, the regional governor said."
        "\n\nPutin recently said more than 17,000 Africans were enrolled in Russian universities."
        "\n\nPutin said more than 17,000 Africans were enrolled in Russian universities."
    )
    assert len(events_of(text)) == 2


def test_people_counted_as_killed_or_hurt_are_the_days_toll() -> None:
    text = (
        "Russian missiles struck a power station in Sumy on Saturday, the regional governor said."
        "\n\nAt least five people were injured, including a seven-year-old girl."
        "\n\nAnother civilian was killed in a missile attack on Cherkasy."
        "\n\nThe station was injured pride for the city."
    )
    assert len(events_of(text)) == 3


def test_a_caveat_that_a_claim_is_unverified_leaves_the_claim_news() -> None:
    text = (
        "Russian missiles struck a power station in Sumy on Saturday, the regional governor said."
        "\n\nRussia's defence ministry said the strikes had destroyed tanks stored in a depot, "
        "although the claim could not immediately be verified."
        "\n\nThe claim could not be independently verified."
    )
    assert len(events_of(text)) == 2


def test_a_news_perfect_past_the_opening_stays() -> None:
    text = (
        "Russian missiles struck a power station in Sumy on Saturday, the regional governor said."
        "\n\nKyiv has accused Moscow of planning a staged referendum in the occupied south."
        "\n\nThe security service has arrested two saboteurs near Odesa, officials said."
    )
    assert len(events_of(text)) == 3


def test_a_source_heard_again_that_day_with_nothing_new_restates() -> None:
    text = (
        "The defence minister said on Friday that the army would need more air defence."
        "\n\nPrices of grain rose sharply in Odesa on Thursday."
        "\n\nThe defence minister again stressed on Friday that partners must understand how "
        "serious the situation is."
    )
    assert [value for value, _ in events_of(text)] == ["2022-06-24", "2022-06-23"]


def test_a_source_heard_again_with_a_new_happening_is_news() -> None:
    text = (
        "The defence minister said on Friday that the army would need more air defence."
        "\n\nThe defence minister added on Friday that two bridges had been destroyed near "
        "Izium."
    )
    assert len(events_of(text)) == 2


def test_a_dated_quotation_of_views_deep_in_the_article_is_no_event() -> None:
    text = (
        "Russian forces shelled Kharkiv on Saturday, the regional governor said."
        "\n\nTwo schools were damaged by shelling in Kharkiv on Thursday, officials said."
        "\n\n“Everyone must do their own part. We do not want anyone to suffer,” the mayor told "
        "reporters on Friday."
    )
    assert [value for value, _ in events_of(text)] == ["2022-06-25", "2022-06-23"]


def test_a_dated_quotation_under_the_lead_dates_it() -> None:
    text = (
        "Ukraine has announced the largest exchange of prisoners since the invasion began."
        "\n\n“This is the largest exchange of the war,” military intelligence said on Friday."
    )
    assert "2022-06-24" in [value for value, _ in events_of(text)]


def test_a_private_persons_account_is_human_interest() -> None:
    text = (
        "Russian missiles struck a school in Kharkiv on Saturday, the regional governor said."
        "\n\nOne Kharkiv resident, Olena, told reporters she came home to find the windows had "
        "shattered."
        "\n\nMykola, 61, said soldiers had refused to let him leave on Friday."
    )
    assert [value for value, _ in events_of(text)] == ["2022-06-25"]


def test_a_known_start_cuts_no_clause_before_the_statements_day() -> None:
    text = (
        "The duchess has become the first royal to visit Ukraine since Russia’s invasion in "
        "February, the palace announced on Monday."
    )
    assert events_of(text) == [("2022-06-20", text)]


def test_a_concession_of_a_standing_state_is_analysis() -> None:
    text = (
        "While the invasion has led to the largest displacement crisis in 2022, fighting in "
        "Sudan displaced millions more in April."
        "\n\nWhile Kyiv has received Western tanks, Russian forces seized two villages on Tuesday."
    )
    assert dates_of(text) == ["2022-06-21"]


def test_a_sentence_about_the_sources_words_restates_them() -> None:
    text = (
        "Russian forces captured the town of Borova on Saturday, the defence ministry said."
        "\n\nA senior Ukrainian official warned that the town was under heavy shelling."
        "\n\nHis remarks came before the ministry said it had taken full control of Borova."
    )
    assert dates_of(text) == ["2022-06-25", "2022-06-25"]


def test_an_inference_from_the_news_is_analysis() -> None:
    text = (
        "Russian missiles struck an oil depot in Dnipro on Saturday, the regional governor said."
        "\n\nA string of recent attacks on collaborators suggests a widening partisan movement in "
        "occupied Kherson, according to Western officials."
    )
    assert dates_of(text) == ["2022-06-25"]


def test_a_sites_links_to_other_stories_are_no_sentence() -> None:
    text = (
        "Russian drones hit a power plant in Odesa on Saturday, the governor said."
        "\n\nOther Topics of Interest Russian Troops Advance Near Lyman A senior Ukrainian "
        "officer revealed that Russian forces had shelled Lyman and attacked Ukrainian troops."
    )
    assert dates_of(text) == ["2022-06-25"]


def test_an_agency_photo_caption_is_no_sentence_of_the_story() -> None:
    text = (
        "Russian missiles struck a power station in Lviv on Saturday, the mayor said."
        "\n\nA firefighter sprays water as he works at the site of the strike on June 25, 2022 "
        "in Lviv, Ukraine."
    )
    assert dates_of(text) == ["2022-06-25"]


def test_a_past_perfect_looking_back_is_background() -> None:
    text = (
        "Russian forces shelled Kharkiv on Saturday, the regional governor said."
        "\n\nMoscow had massed its troops to take the city between March and May, pounding it "
        "with artillery."
        "\n\nKyiv had raised objections to the plan, but these were dropped after talks last week."
    )
    assert dates_of(text) == ["2022-06-25", "2022-W24"]


def test_a_past_perfect_dated_in_the_story_days_is_a_happening() -> None:
    # a day or a week of the last two weeks: what happened in the story's days, told back
    text = (
        "Russian forces shelled Kharkiv on Saturday, the regional governor said."
        "\n\nLast week, Putin had ordered his troops not to storm the steel plant."
        "\n\nMoscow had massed its troops to take the city in March, pounding it daily."
    )
    assert dates_of(text) == ["2022-06-25", "2022-W24"]


def test_the_contents_of_an_adopted_package_are_no_event() -> None:
    text = (
        "The Senate approved a new aid package for Ukraine on Saturday, the White House said."
        "\n\nThe aid package passed by the Senate on Saturday includes $8bn for air defence."
        "\n\nThe new Canadian measures target several Russian drone makers and their suppliers."
    )
    assert dates_of(text) == ["2022-06-25"]


def test_a_view_reported_without_a_day_is_no_event_but_a_call_is() -> None:
    view = "The Belarusian leader said he fully supports the Kremlin's latest peace plan."
    call = "The EU's foreign policy chief said Europe can't rely on Washington alone."
    text = (
        "Russian missiles hit a fuel depot near Dnipro on Saturday, the governor said."
        f"\n\n{view}\n\n{call}"
        "\n\nThe mayor said two schools were damaged in the strike."
    )
    found = [evidence for _, evidence in events_of(text)]
    assert len(found) == 3 and view not in found and call in found


def test_a_trend_of_recent_months_is_no_event_unless_reported() -> None:
    text = (
        "Russian drones struck a grain terminal in Izmail on Saturday, the governor said."
        "\n\nAnd Kyiv says its air defences have faced mounting drone attacks in recent months."
        "\n\nThe air force commander told reporters that the attacks had grown in recent weeks."
    )
    assert len(events_of(text)) == 2


def test_a_happening_is_news_though_an_aside_on_its_place_is_a_perfect() -> None:
    text = (
        "They recaptured the village of Hurisivka near Izyum, where Russian forces have "
        "concentrated."
    )
    assert dates_of(text) == ["2022-06-25"]
