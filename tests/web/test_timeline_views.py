"""The timeline's chart, map and facets, and the review step, through the real app and database."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs

from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser
from sqlalchemy import func, select

from app.config import Settings
from app.query.filters import EventFilter
from app.query.regions import RegionCount
from app.store.db import make_engine, make_session_factory
from app.store.models import AuditEntry, Event
from app.web.charts import build_chart, choose_unit, spread
from app.web.map import build_map, shade
from tests.conftest import csrf_from
from tests.factories import article_payload


def test_a_month_precision_event_spreads_over_its_month() -> None:
    spans = [(date(2022, 5, 1), date(2022, 5, 31), 31), (date(2022, 5, 3), date(2022, 5, 3), 2)]
    days = spread(spans, date(2022, 5, 1), date(2022, 5, 31), "day")
    assert days[date(2022, 5, 1)] == 1.0  # not 31 piled on the 1st
    assert days[date(2022, 5, 3)] == 3.0
    assert round(sum(days.values())) == 33


def test_bar_unit_follows_the_range_and_bars_narrow_the_filter() -> None:
    assert choose_unit(date(2022, 6, 1), date(2022, 6, 30)) == "day"
    assert choose_unit(date(2022, 1, 1), date(2022, 12, 31)) == "week"
    assert choose_unit(date(2022, 1, 1), date(2025, 12, 31)) == "month"
    f = EventFilter(q="missile", regions=("UA-14",))
    chart = build_chart([(date(2022, 3, 5), date(2022, 3, 5), 4)], f)
    assert chart is not None and chart.unit == "day" and len(chart.bars) == 1
    params = parse_qs(chart.bars[0].query)
    assert params == {
        "q": ["missile"],
        "region": ["UA-14"],
        "from": ["2022-03-05"],
        "to": ["2022-03-05"],
    }


def test_map_has_every_unit_of_ukraine_and_toggles_regions() -> None:
    oblast_map = build_map([], EventFilter(regions=("UA-43",)), {})
    codes = {r.code for r in oblast_map.regions if not r.neighbour}
    assert len(codes) == 27 and {"UA-30", "UA-40", "UA-43"} <= codes
    # Cross-border events have somewhere to show: Russia's border oblasts, Belarus, Moldova.
    neighbours = {r.code for r in oblast_map.regions if r.neighbour}
    assert {"RU-BEL", "RU-KRS", "RU-BRY", "BY-HO", "MD", "PL"} <= neighbours
    assert not any(code.startswith("UA-") for code in neighbours)
    crimea = next(r for r in oblast_map.regions if r.code == "UA-43")
    assert crimea.selected and crimea.query == ""  # selecting it again removes it
    assert shade(0, 10) == 0 and shade(1, 10_000) == 1 and shade(10_000, 10_000) == 5


def test_a_region_without_a_shape_shades_its_parent() -> None:
    counts = [RegionCount("MD-SN", "Transnistria", "MD", 3), RegionCount("MD", "Moldova", None, 1)]
    moldova = next(r for r in build_map(counts, EventFilter(), {}).regions if r.code == "MD")
    assert moldova.count == 4 and moldova.level == 5


def test_timeline_counts_chart_map_and_list_agree(editor_client: TestClient) -> None:
    editor_client.post("/api/articles", json=article_payload())
    html = editor_client.get("/", params={"region": "UA-09"}).text
    page = LexborHTMLParser(html)
    total = int(page.css_first("#total").text())
    assert total == len(page.css(".timeline .event"))
    luhansk = page.css_first('.oblast[data-code="UA-09"]')
    assert "selected" in (luhansk.attributes.get("class") or "")
    assert f"{total} events" in (luhansk.attributes.get("aria-label") or "")
    assert page.css(".chart a.bar") and page.css(".active-filters a.removable")


def test_review_corrects_an_event_and_marks_it_reviewed(
    editor_client: TestClient, settings: Settings
) -> None:
    response = editor_client.post("/articles", data=article_payload(), follow_redirects=False)
    review_url = response.headers["location"]
    form_page = editor_client.get(review_url).text
    ids = [
        n.attributes["id"].removeprefix("review-")
        for n in LexborHTMLParser(form_page).css(".review-event")
    ]
    data: dict[str, object] = {"csrf_token": csrf_from(form_page)}
    for event_id in ids:
        data |= {f"date-{event_id}": "2022-06-24", f"precision-{event_id}": "day",
                 f"type-{event_id}": "Battles", f"regions-{event_id}": ["UA-09"]}  # fmt: skip
    data |= {f"date-{ids[0]}": "2022-06-10", f"precision-{ids[0]}": "week"}
    saved = editor_client.post(review_url, data=data, follow_redirects=False)
    assert saved.status_code == 303
    engine = make_engine(settings.resolved_database_url())
    with make_session_factory(engine)() as session:
        event = session.get(Event, int(ids[0]))
        assert event is not None and event.reviewed
        assert (event.date_start, event.date_end, event.precision, event.date_value) == (
            date(2022, 6, 6),
            date(2022, 6, 12),
            "week",
            "2022-W23",
        )
        assert [link.region_code for link in event.regions] == ["UA-09"]
        assert session.scalar(select(func.count()).select_from(AuditEntry)) >= 3
    engine.dispose()
    timeline = LexborHTMLParser(
        editor_client.get("/", params={"from": "2022-06-06", "to": "2022-06-12"}).text
    )
    assert [n.text() for n in timeline.css(".day > h3")] == ["week of 6 Jun 2022"]
    assert timeline.css(".reviewed-badge")


def test_search_ranks_best_matches_first(editor_client: TestClient) -> None:
    for n in range(3):  # the title is searched too: every event of these articles matches
        text = article_payload()["text"] + f"\n\n(Update {n}.)"
        editor_client.post("/api/articles", json=article_payload(text=text, title=f"Mykolaiv {n}"))
    page = LexborHTMLParser(editor_client.get("/", params={"q": "Mykolaiv"}).text)
    best = [n.text() for n in page.css(".best .event .evidence")]
    assert len(best) == 5
    assert all("Mykolaiv" in text for text in best[:3])  # named in title and evidence: first
    assert int(page.css_first("#total").text()) == len(page.css(".list .event"))
