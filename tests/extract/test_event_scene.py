"""Where a statement that names no scene happened: its speaker's country (event_scene.py)."""

from __future__ import annotations

import re

import pytest

from app.extract.event_scene import SceneFocus, event_scene
from app.extract.places import find_places, region
from app.extract.types import Region, Sentence, Span


def scene_codes(text: str) -> list[str]:
    """The regions of the event stated by the whole of `text`, read as an article's only clause."""
    places = find_places(text)
    focus = SceneFocus(places, [p.span.start for p in places])
    regions, _ = event_scene(places, Span(0, len(text), text), focus, ())
    return [r.code for r in regions]


def second_scene_codes(first: str, second: str, home: str | None = None) -> list[str]:
    """The regions of the event stated by `second`, read after the sentence `first` (and in an
    article from `home`, when given)."""
    text = f"{first} {second}"
    places = find_places(text)
    focus = SceneFocus(places, [p.span.start for p in places])
    homes: tuple[Region, ...] = ()
    if home is not None:
        home_region = region(home)
        assert home_region is not None
        homes = (home_region,)
    focus.read(Sentence(0, len(first), first))
    start = len(first) + 1
    regions, _ = event_scene(places, Span(start, len(text), second), focus, homes)
    return [r.code for r in regions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one told is spoken to; the speaker stands before the verb
        ("Joe Biden has told Volodymyr Zelensky he will send Ukraine more aid.", ["US"]),
        ("Emmanuel Macron told Volodymyr Zelensky that Europe stands with Ukraine.", ["FR"]),
        # an inverted attribution still names the speaker after the verb
        ("The strikes will go on, said Ukrainian military intelligence.", ["UA"]),
        # the main clause speaks, not the clause opening the sentence
        (
            "After Macron said in February that troops could go to Ukraine, Putin warned of war.",
            ["RU"],
        ),
        ("When Biden said on Monday that Ukraine would get jets, Zelensky thanked him.", ["UA"]),
    ],
)
def test_a_statement_naming_no_scene_is_in_its_speakers_country(
    text: str, expected: list[str]
) -> None:
    assert scene_codes(text) == expected


def test_the_places_of_an_event_are_where_not_who() -> None:
    """A demonym, a capital standing for its state or a leader places no event, so each
    stored place keeps one kind whichever article named it first."""
    text = "Russian forces shelled Kharkiv, Moscow said, and Putin praised the troops."
    places = find_places(text)
    focus = SceneFocus(places, [p.span.start for p in places])
    _, used = event_scene(places, Span(0, len(text), text), focus, ())
    assert [p.name for p in used] == ["Kharkiv"]
    text = "Russian officials spoke, the ministry said."
    places = find_places(text)
    focus = SceneFocus(places, [p.span.start for p in places])
    regions, used = event_scene(places, Span(0, len(text), text), focus, ())
    assert [r.code for r in regions] == ["RU"] and used == ()


def home_scene_codes(text: str) -> list[str]:
    """scene_codes in an article whose places lie mostly in Ukraine."""
    places = find_places(text)
    focus = SceneFocus(places, [p.span.start for p in places])
    home = region("UA")
    assert home is not None
    regions, _ = event_scene(places, Span(0, len(text), text), focus, (home,))
    return [r.code for r in regions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an international body has no ISO 3166 code: its statement has no region
        ("The UN refugee agency said it had counted two million refugees.", []),
        ("Nato's secretary general pledged to keep backing Ukraine.", []),
        ("The plant must be protected, said the head of the IAEA, Rafael Grossi.", []),
        # a state's envoy to the body speaks for the state
        ("Ukraine's envoy to the UN said the vote was a victory.", ["UA"]),
    ],
)
def test_a_statement_of_an_international_body_has_no_region(text: str, expected: list[str]) -> None:
    assert home_scene_codes(text) == expected


def last_scene_codes(before: list[str], text: str) -> list[str]:
    """scene_codes of `text` read after the sentences `before` of the same article."""
    article = " ".join([*before, text])
    places = find_places(article)
    focus = SceneFocus(places, [p.span.start for p in places])
    at = 0
    for sentence in before:
        start = article.index(sentence, at)
        focus.read(Sentence(text=sentence, start=start, end=start + len(sentence)))
        at = start + len(sentence)
    start = article.index(text, at)
    home = region("UA")
    assert home is not None
    regions, _ = event_scene(places, Span(start, start + len(text), text), focus, (home,))
    return [r.code for r in regions]


@pytest.mark.parametrize(
    ("before", "text", "expected"),
    [
        # "the plant" is the facility named last, not the city named since
        (
            [
                "Ukrainian fighters inside Azovstal said they held out.",
                "Russia failed to take Kyiv.",
            ],
            "Putin called off plans for an assault on the plant last month.",
            ["UA-14"],
        ),
        # "there" is the place the clause has just named as a destination
        (
            ["Shelling hit Kharkiv."],
            "Putin said Russia had moved nuclear weapons to Belarus, claiming they were placed "
            "there for deterrence.",
            ["BY"],
        ),
        # "the eastern Ukrainian city" is the Ukrainian city named last
        (
            ["Russian attacks destroyed a TV tower in Kharkiv."],
            "Footage showed the tower collapsing after missiles slammed into it on Monday "
            "afternoon in the eastern Ukrainian city.",
            ["UA-63"],
        ),
        # "the strike" is the attack told before, where it hit: no region for the UN's word
        (
            ["Russian cruise missiles hit the port of Odesa on Saturday."],
            "UN Secretary-General Antonio Guterres condemned the strike.",
            ["UA-51"],
        ),
        (
            ["Russian missiles hit an apartment block in Kyiv on Sunday."],
            "A girl's father was killed in the strike, rescuers said.",
            ["UA-30"],
        ),
        # "the push", "the assault": the offensive told before, where it was
        (
            ["Ukrainian troops entered the city of Kupiansk on Saturday."],
            "The push began on Tuesday.",
            ["UA-63"],
        ),
        # "the river" is crossed where the story stands: rivers are no scene of their own
        (
            ["Russian troops left the city of Kherson on the Dnipro on Wednesday."],
            "Moscow said its last troops had crossed the river.",
            ["UA-65"],
        ),
        # "he said": the person named before goes on about the scene told so far
        (
            ["Russian troops overran the city of Kreminna on Monday, officials said."],
            "He said that street fighting was taking place.",
            ["UA-09"],
        ),
        # "It was occupied" speaks of the place just named
        (
            ["Ukrainian soldiers entered the southern city of Kherson on Friday."],
            "It was occupied in early March.",
            ["UA-65"],
        ),
        # "there can be no impunity" refers to no place: the speaker's country
        (
            ["Shelling hit Kharkiv."],
            "Belgian Prime Minister Alexander De Croo said that there can be no impunity.",
            ["BE"],
        ),
    ],
)
def test_a_reference_back_finds_the_place_meant(
    before: list[str], text: str, expected: list[str]
) -> None:
    assert last_scene_codes(before, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speaker judging what happened in a whole country does so where he is
        ("Joe Biden labelled Russian atrocities in Ukraine as genocide in April.", ["US"]),
        (
            "Vladimir Putin has compared Russia's invasion of Ukraine to the fight against Nazi "
            "Germany.",
            ["RU"],
        ),
        # a state's own security council is no international body: its statement keeps a region
        (
            "A spokesperson for the National Security Council said Wednesday that Biden agrees.",
            ["UA"],
        ),
        # a passive verb of saying has no speaker; a nationality inside a word speaks for no one
        (
            "A British citizen who blogs from Russian-occupied areas of Ukraine has been added "
            "to a UK government sanctions list.",
            ["GB"],
        ),
        # "member states" and "the United States" hold no verb of saying
        (
            "As NATO member states debated new weapons shipments to Ukraine, Medvedev said "
            "defeat for Russia could lead to nuclear conflict.",
            ["RU"],
        ),
        # a country naming its office speaks through it
        (
            "The United States ambassador to the United Nations said on Friday that Russia "
            "intended to dismantle Ukraine.",
            ["US"],
        ),
        # congratulating is speaking
        ("President Vladimir Putin congratulated the army units early on Sunday.", ["RU"]),
        # "speaking from" opening the clause says where the speaker is, not where he is from
        (
            "Speaking the same day from Uzbekistan, US Secretary of State Antony Blinken said "
            "China could not have it both ways.",
            ["UZ"],
        ),
    ],
)
def test_who_speaks_or_judges(text: str, expected: list[str]) -> None:
    assert home_scene_codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a leader orders a deed in another country from his own
        (
            "Putin ordered his generals to press their advance towards Kramatorsk and Sloviansk.",
            ["RU"],
        ),
        # at home he orders it where it is to be done: the place stays
        ("Zelensky ordered troops to hold Bakhmut.", ["UA-14"]),
        # a visit opening the clause says where he was
        ("On a visit to China, Macron urged Xi not to send weapons to Moscow.", ["CN"]),
    ],
)
def test_a_deed_ordered_abroad_is_ordered_at_home(text: str, expected: list[str]) -> None:
    assert home_scene_codes(text) == expected


def test_statements_of_a_wire_story_are_where_it_was_filed() -> None:
    """'CAPRI, Italy (AP) —': statements naming other countries only in passing, even an
    international body's, were made where the story was filed; a country acting stays."""
    text = (
        "CAPRI, Italy (AP) \u2014 NATO officials urged ministers on Thursday to send more air "
        "defense systems to Ukraine. Tajani called for new sanctions against Iran. Meanwhile, "
        "China on Thursday announced sanctions against two U.S. companies."
    )
    places = find_places(text)
    focus = SceneFocus(places, [p.span.start for p in places])
    home = region("UA")
    assert home is not None
    codes = []
    for sentence in re.split(r"(?<=[a-z])\. ", text):
        start = text.index(sentence)
        span = Sentence(start, start + len(sentence), sentence)
        regions, _ = event_scene(places, Span(span.start, span.end, sentence), focus, (home,))
        focus.read(span)
        codes.append([r.code for r in regions])
    assert codes == [["IT"], ["IT"], ["CN"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the statement describes what happened with a copula: the news is the statement
        (
            "Ukrainian presidential aide Mykhailo Podolyak said on Tuesday the latest blasts in "
            "Dzhankoi were a reminder to the invaders.",
            ["UA"],
        ),
        (
            "Japan's Ministry of Foreign Affairs said Kishida's visit to Ukraine was at "
            "Zelensky's invitation.",
            ["JP"],
        ),
        # a happening reported stays where it happened
        ("Ukraine's presidency said one woman was killed in Donetsk province.", ["UA-14"]),
        # a place the statement was made in stays too
        (
            "Zelenskiy told reporters in Kyiv that Lukashenko's comments were a dangerous sign.",
            ["UA-30"],
        ),
    ],
)
def test_a_view_stated_is_where_its_speaker_is(text: str, expected: list[str]) -> None:
    assert home_scene_codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a view of a whole country is stated where its speaker is
        (
            "The Russian president claimed on Friday that the West wanted to fight to the last "
            "Ukrainian in Ukraine.",
            ["RU"],
        ),
        (
            "Hungary's prime minister warned that sanctions would not end the war in Ukraine.",
            ["HU"],
        ),
        # what is said reports a deed done there: the deed's country stays
        (
            "Belarus's defence minister said that Nato battalions had been deployed in Poland.",
            ["PL"],
        ),
        ("Russia's defence ministry said its missiles struck Ukrainian positions.", ["UA"]),
        # where it was said, or a visit, says where the speaker was
        ("The Nato chief said in Germany that Russia must withdraw.", ["DE"]),
        (
            "Moldova's president said during a visit to Ukraine that her country needed help.",
            ["UA"],
        ),
    ],
)
def test_a_view_of_a_whole_country_is_stated_at_home(text: str, expected: list[str]) -> None:
    assert home_scene_codes(text) == expected


def test_the_city_refers_to_the_main_scene_of_the_sentence_before() -> None:
    """'... shelling of Sloviansk after the capture of Lysychansk. ... in the city': the first
    scene of the sentence read last, not a place its subordinate clause names."""
    first = "Russian forces stepped up their shelling of Sloviansk after the capture of Lysychansk."
    second = "Two people were killed when a market was struck in the city."
    assert second_scene_codes(first, second) == ["UA-14"]


def test_a_local_official_named_with_his_office_speaks_from_there() -> None:
    first = "The governor of the Luhansk region, Serhiy Haidai, said shelling went on."
    second = "Haidai said it was impossible to know how many civilians had been killed."
    assert second_scene_codes(first, second, "UA") == ["UA-09"]


@pytest.mark.parametrize(
    "first",
    [
        "The mayor of Kramatorsk has urged residents to leave as shelling intensified.",
        # a country's possessive between the office and its place
        "The governor of Ukraine's Donetsk region has urged residents to leave the area.",
    ],
)
def test_an_office_named_alone_is_held_by_the_name_that_opens_the_next_sentence(
    first: str,
) -> None:
    second = "Petro Marchenko said three apartment blocks had been hit overnight."
    assert second_scene_codes(first, second, "UA") == ["UA-14"]


def test_a_known_figure_opening_the_next_sentence_holds_no_local_office() -> None:
    first = "The mayor of Kramatorsk has urged residents to leave as shelling intensified."
    second = "Volodymyr Zelenskiy said Russia would be held responsible."
    assert second_scene_codes(first, second, "UA") == ["UA"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nationality naming a force is not who speaks in a later clause
        (
            "The president visited troops near fighting between his country's soldiers and "
            "Russian forces in the east, where a regional official said the situation worsened.",
            ["UA"],
        ),
        # "said Russian forces": what was said is about the force, not by it
        ("Zelenskiy said Russian forces came close to capturing him.", ["UA"]),
        # past a comma after "it said" a new clause opens: its nationality is no speaker
        (
            "And on Saturday, it said, Russian missiles were fired from bombers flying over "
            "neighbouring Belarus.",
            ["BY"],
        ),
        # a place named only to tell where another lies
        (
            "Missiles struck army training centres on Sunday in the regions of Chernihiv, north "
            "of Kyiv, and Lviv.",
            ["UA-74", "UA-46"],
        ),
        # a place naming a forum is no scene
        ("This year, Ukraine plans to hold the Crimea Platform summit on August 23.", ["UA"]),
        # a place only in a condition is not where anything happened
        (
            "The UK government said it would supply rocket artillery, despite a threat from "
            "Putin to bomb new targets if similar weapons were delivered to Kyiv.",
            ["GB"],
        ),
        # a war named in passing is no scene
        (
            "A prosecutor requested a prison term for a Moscow city councillor accused of "
            "criticising Russia's military intervention in Ukraine.",
            ["RU-MOW"],
        ),
        (
            "An exhibition of equipment captured during the fighting in Ukraine opened in the "
            "Russian capital on Wednesday.",
            ["RU-MOW"],
        ),
        # what a city lies close to is a reference point
        (
            "Ivan Fedorov, the mayor of Melitopol, a city close to Crimea, said two explosions "
            "had cut the TV signal on Wednesday.",
            ["UA-23"],
        ),
        # an unknown town after a nationality and "port of" lies in that country
        ("The exercise is scheduled to end in the German port of Kiel on 17 June.", ["DE"]),
        # an appositive on the statement tells who echoed it, and where
        (
            "In a video address on Monday night, Ukraine's president said the second phase of "
            "the invasion had begun – a statement Russia's foreign minister confirmed during a "
            "visit to India.",
            ["UA"],
        ),
        # a source placed, at the close, by where it speaks from
        (
            "The details were finalised after Erdogan met Putin in Tehran earlier this week, "
            "officials in Ankara said.",
            ["IR"],
        ),
        # ... which is the scene of what it tells when it names no other
        ("Three people were killed in a strike, officials in Kherson said.", ["UA-65"]),
        # what is speculated would happen somewhere has not happened there
        (
            "Ukraine said it had retreated from Lysychansk, prompting speculation that Russia "
            "would now focus on Sloviansk and Kramatorsk to the south.",
            ["UA-09"],
        ),
        # a relative clause glossing a place names others only to tell where it lies
        (
            "One woman was killed in Donetsk province, which together with Luhansk makes up "
            "the industrial Donbas.",
            ["UA-14"],
        ),
        # where a journey ends is named in passing; the ports left are the scene
        (
            "Three ships carrying grain have departed Ukrainian Black Sea ports and are on "
            "their way to Britain, Ireland and Turkey respectively.",
            ["UA"],
        ),
        (
            "A cruise missile came close to the Pivdennoukrainsk nuclear power plant at about "
            "5.30am, apparently heading for Kyiv.",
            ["UA-48"],
        ),
    ],
)
def test_places_only_naming_or_locating_are_no_scene(text: str, expected: list[str]) -> None:
    assert home_scene_codes(text) == expected


def test_the_peninsula_refers_back_to_the_region_named_last() -> None:
    first = "Russia annexed Crimea in 2014 after a referendum there was staged."
    second = "Human rights violations on the peninsula intensified after February 24."
    assert second_scene_codes(first, second, "UA") == ["UA-43"]


def test_a_country_acting_on_the_city_is_where_the_city_is() -> None:
    first = "Rescuers searched the rubble of the cultural centre of the city of Chuhuiv."
    second = "Russia shelled the city on Monday night."
    assert second_scene_codes(first, second) == ["UA-63"]


def test_the_island_is_the_island_named_before_not_the_last_place_named() -> None:
    before = [
        "Ukrainian troops raised their flag on Snake Island after a week of strikes.",
        "The defence ministry in Moscow called the retreat a gesture of goodwill.",
    ]
    text = "Russian marines captured the island in the first days of the war."
    assert last_scene_codes(before, text) == ["UA-51"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place in a stated aim or in a gloss is wanted or explained, not where
        (
            "A Russian general said the aim of the offensive was to gain access to Transnistria.",
            ["RU"],
        ),
        (
            "Moscow declared that its main goal was the liberation of Donbas, referring to "
            "Luhansk and Donetsk.",
            ["RU"],
        ),
        (
            "Russian forces occupied Izium in April and used it as a base for their offensive "
            "in Donbas.",
            ["UA-63"],
        ),
        (
            "Izyum, regarded for centuries as the gateway to the Donbas region, fell to Russian "
            "forces on 1 April.",
            ["UA-63"],
        ),
        (
            "Speaking about the war, Xi called for an end to sanctions, in an apparent "
            "reference to the US and its allies.",
            ["UA"],
        ),
        # a war named after "for its" is in passing; the country acting is the scene
        (
            "Canada on Friday sanctioned five banks, saying it sought to hold Moscow accountable "
            "for its invasion and continuing war against Ukraine.",
            ["CA"],
        ),
        # where supplies are meant to be used is not where they are supplied
        (
            "Washington says Iran is preparing to supply Russia with drones for use in Ukraine.",
            ["US"],
        ),
        # a capital after "against" is its state; "Moscow time" is a clock, not a place
        ("The opposition leader spoke out against Moscow on Tuesday.", ["UA"]),
        ("The shelling resumed at 2pm Moscow time on Monday.", ["UA"]),
        # "outside the capital Kyiv" after the scene only says it is away from Kyiv
        (
            "Zelensky visited the frontline town of Bakhmut in a rare trip outside the capital "
            "Kyiv on Tuesday.",
            ["UA-14"],
        ),
    ],
)
def test_aims_glosses_clocks_and_references_are_no_scene(text: str, expected: list[str]) -> None:
    assert home_scene_codes(text) == expected


def test_the_topic_of_talks_is_not_their_scene() -> None:
    text = "Erdogan held calls with Putin on Monday to discuss the situation in Ukraine."
    assert "UA" not in scene_codes(text)


def test_regional_officials_refer_back_only_to_a_scene_inside_a_country() -> None:
    first = "The US does not expect a large offensive soon, a US defence official said."
    second = "Intense shelling left at least 10 people dead, regional officials said."
    assert second_scene_codes(first, second, "UA") == ["UA"]
    # after a town, they are its region's officials
    first = "A missile hit a school in Kramatorsk."
    assert second_scene_codes(first, second, "UA") == ["UA-14"]


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # a clause naming no place and no speaker's country: the scene just told
        ("At least five people were injured, including a seven-year-old girl.", ["UA-30"]),
        ("Some of them had been killed by shelling and airstrikes, officials said.", ["UA-30"]),
        ("A spokesperson for the fleet called the drone homemade.", ["UA-30"]),
        # the writer turns elsewhere; a speaker's country is where a statement was made
        ("Elsewhere, three people were killed by shelling overnight.", ["UA"]),
        ("A German government spokesman said the talks were constructive.", ["DE"]),
    ],
)
def test_a_clause_without_a_place_goes_on_at_the_scene_just_told(
    second: str, expected: list[str]
) -> None:
    first = "Russian missiles struck a residential block in Kyiv on Sunday."
    assert second_scene_codes(first, second, "UA") == expected


def test_a_whole_country_told_before_is_no_scene_to_carry() -> None:
    first = "Russia fired dozens of missiles at Ukraine on Sunday."
    assert second_scene_codes(first, "At least five people were injured.", "UA") == ["UA"]


def test_a_scene_told_long_before_is_not_carried() -> None:
    scene = "Russian missiles struck a residential block in Kyiv on Sunday."
    toll = "At least five people were injured."
    text = f"{scene} {'Talks went on. ' * 30}{toll}"
    places = find_places(text)
    focus = SceneFocus(places, [p.span.start for p in places])
    focus.read(Sentence(0, len(scene), scene))
    home = region("UA")
    assert home is not None
    evidence = Span(len(text) - len(toll), len(text), toll)
    assert [r.code for r in event_scene(places, evidence, focus, (home,))[0]] == ["UA"]


def test_an_official_acting_without_a_scene_acts_at_home() -> None:
    # the article is about Iran; the Turkish president's calls name no scene
    first = "Iran is preparing to supply Russia with drones, officials in Tehran said."
    second = "Erdogan, the main mediator, on Monday held calls with Putin and Zelenskiy."
    assert second_scene_codes(first, second, "IR") == ["TR"]
    # an official further on is not the clause's subject
    other = "The talks came hours after Erdogan held calls with Putin."
    assert second_scene_codes(first, other, "IR") == ["IR"]
