"""Scenes of clauses naming a wider aim, a concessive 'if', an unnamed suburb or a local
official's view: where the deed is, not where it is wanted or who rules over it."""

from __future__ import annotations

from datetime import date

import pytest

from app.services import parse_only
from tests.extract.test_event_scene import scene_codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a campaign's or an annexation's aim is not where the deed is
        (
            "The city of Sievierodonetsk fell on Saturday in a victory for Moscow's campaign to "
            "seize the eastern provinces of Luhansk and Donetsk.",
            ["UA-09"],
        ),
        (
            "The ambassador told the council that the US saw signs of Russia laying the groundwork "
            "to attempt to annex the regions of Donetsk and Luhansk and the southern Kherson and "
            "Zaporizhzhia regions.",
            ["US"],
        ),
        # a recruit's purpose is not where the recruiting is
        ("Prisons across Russia have started to recruit volunteers to fight in Ukraine.", ["RU"]),
        # 'a stern if brief lecture' concedes; the venue after it is the scene
        (
            'In a stern if brief lecture at the meeting in Bali, Lavrov said: "If the west '
            'wants Ukraine to defeat Russia, there is nothing to talk about."',
            ["ID"],
        ),
        # a real condition still keeps its place out of the scene
        ("Russia threatened to strike new targets if weapons were delivered to Kyiv.", ["RU"]),
        # a suburb known by name is the place; one not known leaves the city
        ("Explosions were heard in the Kyiv suburb of Bucha on Sunday.", ["UA-32"]),
        ("Explosions were heard in the eastern Kyiv suburbs of Darnytskyi on Sunday.", ["UA-30"]),
        # the governor of the scene speaks there, even with his country named before the office
        (
            "Serhai Haidai, Ukraine's governor of Luhansk, has called on civilians to evacuate "
            'Lysychansk, saying that the situation is "very difficult".',
            ["UA-09"],
        ),
    ],
)
def test_aims_conditions_suburbs_and_local_views(text: str, expected: list[str]) -> None:
    assert scene_codes(text) == expected


def test_a_local_official_named_with_his_country_places_his_later_statements() -> None:
    text = (
        "On Saturday, Serhiy Haidai, the Ukrainian governor of Luhansk province, said his "
        "country's forces had regained about 20% of the city.\n\nHaidai repeated that claim on "
        "Sunday, adding that eight Russians had been taken prisoner."
    )
    events = parse_only(text, date(2022, 6, 5), 10**9).events
    assert [[r.code for r in e.regions] for e in events] == [["UA-09"], ["UA-09"]]
