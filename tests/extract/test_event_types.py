"""Table-driven tests for the ACLED-style event-type lexicon classifier."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from app.extract import parse_article
from app.extract.event_types import LEXICON, classify, classify_happening, event_type_names

CASES = [
    (
        "Russian forces shelled the town overnight",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    ("A drone struck an oil depot", "Explosions/Remote violence", "Air/drone strike"),
    ("Ukrainian troops recaptured the village", "Battles", "Government regains territory"),
    (
        "Russia said its forces had taken full control of the town",
        "Battles",
        "Non-state actor overtakes territory",
    ),
    ("Leaders signed an agreement on grain exports", "Strategic developments", "Agreement"),
    ("Hundreds protested in Moscow", "Protests", "Peaceful protest"),
    ("Police detained the mayor", "Strategic developments", "Arrests"),
]


@pytest.mark.parametrize(("sentence", "event_type", "sub_type"), CASES)
def test_classify(sentence: str, event_type: str, sub_type: str) -> None:
    match = classify(sentence)
    assert (match.event_type, match.sub_event_type) == (event_type, sub_type)
    assert match.score > 0
    assert match.phrases


def test_unrelated_sentence_is_other() -> None:
    match = classify("The weather was pleasant on the coast")
    assert (match.event_type, match.sub_event_type, match.score, match.phrases) == (
        "Strategic developments",
        "Other",
        0.0,
        (),
    )


def test_every_row_uses_known_taxonomy_pair() -> None:
    known = set(event_type_names())
    with LEXICON.open(encoding="utf-8") as handle:
        rows = [r for r in csv.reader(handle, delimiter="\t") if r and not r[0].startswith("#")]
    assert 100 <= len(rows) <= 250
    for phrase, event_type, sub_type, weight in rows:
        assert phrase == phrase.lower()
        assert (event_type, sub_type) in known
        assert float(weight) > 0


def test_names_in_taxonomy_order() -> None:
    names = event_type_names()
    assert names[0] == ("Battles", "Armed clash")
    assert names[-1] == ("Strategic developments", "Other")
    assert len(names) == len(set(names)) == 25


@pytest.mark.parametrize(
    "text",
    [
        "A missile hit the depot in Kramatorsk on Friday, where the army had gathered troops "
        "ahead of an expected Russian offensive, officials said.",
        # two asides in a row: the second is an aside too
        "A missile hit the depot in Kramatorsk on Friday, when soldiers were sleeping, where "
        "the army had gathered troops ahead of an expected Russian offensive.",
    ],
)
def test_an_event_takes_the_type_of_its_main_clause_not_of_an_aside(text: str) -> None:
    (event,) = parse_article(text, date(2022, 4, 9)).events
    assert event.sub_event_type == "Shelling/artillery/missile attack"


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        # weapons named as what is supplied are aid, not an attack
        ("Britain promised more armoured vehicles and anti-ship missiles.", "Other"),
        ("The US has given Ukraine 16 rocket systems so far.", "Other"),
        # a strike carried out with supplied weapons is still a strike
        (
            "The army used US-supplied rockets to strike the bridge.",
            "Shelling/artillery/missile attack",
        ),
        (
            "Food supplies ran short as Russian artillery shelled the town.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_weapons_supplied_are_no_attack(sentence: str, sub_type: str) -> None:
    assert classify_happening(sentence).sub_event_type == sub_type


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        # a reaction to an attack is a statement, not the attack again
        ("Western leaders condemned the attack on the station.", "Other"),
        ("The minister denounced Russia's missile strikes as barbaric.", "Other"),
        (
            "Kuleba said G7 countries should respond to the latest missile strikes by imposing "
            "further sanctions.",
            "Other",
        ),
        # the attack itself, told beside the reaction, still types the sentence
        (
            "Russian missiles struck the port overnight, and the mayor condemned it.",
            "Shelling/artillery/missile attack",
        ),
    ],
)
def test_an_attack_reacted_to_gives_no_type(sentence: str, sub_type: str) -> None:
    assert classify_happening(sentence).sub_event_type == sub_type


@pytest.mark.parametrize(
    ("sentence", "sub_type"),
    [
        # the war named in passing is no battle
        ("Since the invasion of Ukraine began, Putin has failed to destroy a nation.", "Other"),
        (
            "In response to Russia's full-scale invasion, the role of special forces has grown.",
            "Other",
        ),
        # an invasion reported as a happening still is one
        ("Russian troops launched an invasion across the northern border.", "Armed clash"),
    ],
)
def test_the_war_named_in_passing_gives_no_type(sentence: str, sub_type: str) -> None:
    assert classify_happening(sentence).sub_event_type == sub_type


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        # a death told without its means is no attack on civilians
        ("Four people were killed, officials said.", ("Strategic developments", "Other")),
        # a place or an adjective is no happening: the battlefield, Russian-occupied land
        (
            "Zelensky visited troops on the battlefield.",
            ("Strategic developments", "Other"),
        ),
        (
            "The vote took place in Russian-occupied territory.",
            ("Strategic developments", "Other"),
        ),
        ("Lithuania was hit by a cyber attack.", ("Strategic developments", "Other")),
        # a deal or talks named, not reached
        (
            "The Kremlin said the deal had not been fulfilled.",
            ("Strategic developments", "Other"),
        ),
        # aid and deliveries change what a party can do
        (
            "Biden announced another $1bn in military aid to Ukraine.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "Ukraine managed to retake half of the city.",
            ("Battles", "Government regains territory"),
        ),
        # an attack told without its means is a strike from afar, not a ground battle
        (
            "Russian attacks killed at least six in the Donetsk region, officials said.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        # agreeing to send arms is an aid decision, not an agreement between the warring sides
        (
            "The US agreed to send 31 Abrams tanks to Ukraine.",
            ("Strategic developments", "Change to group/activity"),
        ),
        # people captured are held, not ground taken; a town captured is ground taken
        (
            "Two foreign volunteers were captured by separatist forces near Kharkiv.",
            ("Strategic developments", "Arrests"),
        ),
        (
            "Russian forces captured the town of Lyman.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
    ],
)
def test_what_a_sentence_names_in_passing_does_not_type_it(
    sentence: str, pair: tuple[str, str]
) -> None:
    assert type_pair(sentence) == pair


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        # a happening only expected, planned, threatened or possible gives no type
        (
            "The US does not expect Ukraine to launch large-scale offensive operations soon.",
            ("Strategic developments", "Other"),
        ),
        (
            "Medvedev threatened to strike Kyiv with hypersonic missiles.",
            ("Strategic developments", "Other"),
        ),
        # past a pause, the happening is told: "If talks fail, ... ; Russian forces shelled ..."
        (
            "Officials said they would respond, and Russian forces shelled the town overnight.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
    ],
)
def test_a_happening_that_did_not_happen_gives_no_type(
    sentence: str, pair: tuple[str, str]
) -> None:
    assert type_pair(sentence) == pair


def type_pair(sentence: str) -> tuple[str, str]:
    """The (event type, sub-event type) an event told by `sentence` is shown with."""
    match = classify_happening(sentence)
    return (match.event_type, match.sub_event_type)
