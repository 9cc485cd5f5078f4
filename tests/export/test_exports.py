"""Exports open in the tools they are for: csv, TimelineJS 3, GeoJSON (RFC 7946), iCalendar."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.services import ArticleInput, ingest_article, prepare_database
from app.store.db import make_engine, make_session_factory
from tests.factories import SIEGE_TEXT

ACLED = "event_id_cnty event_date year time_precision event_type sub_event_type admin1 location"
ACLED_COLUMNS = [*ACLED.split(), "latitude", "longitude", "geo_precision", "source", "notes"]
PROVENANCE = ["article_url", "evidence", "date_value", "date_precision"]
KHARKIV_TEXT = (
    "Russian missiles struck Kharkiv on Monday, the regional governor said.\n\n"
    "Fighting near Bakhmut intensified in June, officials said, with heavy shelling reported."
)


@pytest.fixture
def client(settings: Settings) -> TestClient:
    """An app over a database holding two articles (written for the tests)."""
    engine = make_engine(settings.resolved_database_url())
    prepare_database(engine, demo=False, max_bytes=settings.max_upload_bytes)
    factory = make_session_factory(engine)
    for text, url, published in (
        (SIEGE_TEXT, "https://example.org/siege", "2022-06-25"),
        (KHARKIV_TEXT, None, "2022-07-04"),
    ):
        item = ArticleInput(text=text, title=None, published=published, source="Wire", url=url)
        assert ingest_article(factory, item, settings.max_upload_bytes).created
    engine.dispose()
    from app.main import create_app

    return TestClient(create_app(settings))


def get(client: TestClient, fmt: str, **params: str) -> str:
    response = client.get("/api/export", params={"format": fmt, **params})
    assert response.status_code == 200, response.text
    assert "attachment" in response.headers["content-disposition"]
    return response.text


def total_events(client: TestClient, **params: str) -> int:
    total: int = client.get("/api/events", params=params).json()["total"]
    return total


def test_csv_loads_with_the_acled_and_provenance_columns(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(get(client, "csv"))))
    assert rows and len(rows) == total_events(client)
    assert set(ACLED_COLUMNS + PROVENANCE) <= set(rows[0])
    for row in rows:
        assert date.fromisoformat(row["event_date"]).year == int(row["year"])
        assert row["time_precision"] in {"1", "2", "3"}
        assert row["evidence"] and row["date_value"] and row["source"] == "Wire"
    assert any(r["article_url"] == "https://example.org/siege" for r in rows)
    assert any(r["latitude"] and -90 <= float(r["latitude"]) <= 90 for r in rows)


def test_export_applies_the_timeline_filters(client: TestClient) -> None:
    rows = list(csv.DictReader(io.StringIO(get(client, "csv", q="missiles"))))
    assert rows and len(rows) == total_events(client, q="missiles")
    assert len(rows) < total_events(client)
    assert client.get("/api/export", params={"format": "pdf"}).status_code == 400
    assert client.get("/api/export", params={"from": "yesterday"}).status_code == 400


def _check_date(value: dict[str, object]) -> int:
    """A TimelineJS date object as documented: year required, day only with a month."""
    assert isinstance(value["year"], int)
    assert set(value) <= {"year", "month", "day", "hour", "minute", "second", "display_date"}
    if "day" in value:
        assert "month" in value
    month, day = value.get("month", 1), value.get("day", 1)
    assert isinstance(month, int) and isinstance(day, int)
    date(value["year"], month, day)
    return len({"year", "month", "day"} & set(value))


def test_timelinejs_follows_the_documented_format(client: TestClient) -> None:
    data = json.loads(get(client, "timelinejs"))
    assert set(data) <= {"title", "events", "eras", "scale"}
    assert data["title"]["text"]["headline"]
    assert len(data["events"]) == total_events(client)
    ids = [e["unique_id"] for e in data["events"]]
    assert len(set(ids)) == len(ids)
    parts = {"day": 3, "week": 3, "month": 2, "quarter": 2, "year": 1}
    precisions = {e["unique_id"]: e for e in data["events"]}
    events = client.get("/api/events", params={"limit": 500}).json()["events"]
    for event in events:
        slide = precisions[f"event-{event['id']}"]
        assert _check_date(slide["start_date"]) == parts[event["date"]["precision"]]
        assert ("display_date" in slide["start_date"]) == (event["date"]["precision"] != "day")
        assert slide["text"]["headline"] and slide["group"]
        if "end_date" in slide:
            _check_date(slide["end_date"])


def test_geojson_is_rfc_7946(client: TestClient) -> None:
    data = json.loads(get(client, "geojson"))
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert data["features"]
    for feature in data["features"]:
        assert feature["type"] == "Feature" and isinstance(feature["properties"], dict)
        geometry = feature["geometry"]
        points = (
            [geometry["coordinates"]] if geometry["type"] == "Point" else geometry["coordinates"]
        )
        assert geometry["type"] in {"Point", "MultiPoint"} and points
        for lon, lat in points:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
        # Ukraine and its neighbours: longitude first, as the RFC says.
        assert all(20 < lon < 50 and 40 < lat < 60 for lon, lat in points)


def _unfold(body: str) -> list[str]:
    assert "\n" not in body.replace("\r\n", "")
    return body.replace("\r\n ", "").split("\r\n")


def test_icalendar_has_all_day_events_over_each_interval(client: TestClient) -> None:
    body = get(client, "ics")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    lines = _unfold(body)
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines and any(x.startswith("PRODID:") for x in lines)
    starts = [x.split(":")[1] for x in lines if x.startswith("DTSTART;VALUE=DATE:")]
    ends = [x.split(":")[1] for x in lines if x.startswith("DTEND;VALUE=DATE:")]
    assert len(starts) == len(ends) == lines.count("BEGIN:VEVENT") == total_events(client)
    assert all(end > start for start, end in zip(starts, ends, strict=True))
    assert sum(x.startswith("DTSTAMP:") for x in lines) == len(starts)


def test_cli_writes_the_same_export(
    client: TestClient,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli import main as cli

    monkeypatch.setenv("TIMELINE_DATABASE_URL", settings.database_url)
    assert cli(["export", "--format", "geojson", "--q", "missiles"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(get(client, "geojson", q="missiles"))


def test_the_timeline_page_links_each_export_with_its_filters(client: TestClient) -> None:
    import html
    import re

    page = client.get("/", params={"q": "missiles"}).text
    links = [html.unescape(x) for x in re.findall(r'href="(/api/export\?[^"]+)"', page)]
    assert {re.search(r"format=(\w+)", x)[1] for x in links} == {  # type: ignore[index]
        "csv",
        "timelinejs",
        "geojson",
        "ics",
        "jsonl",
    }
    csv_link = next(x for x in links if "format=csv" in x)
    assert "q=missiles" in csv_link
    rows = list(csv.DictReader(io.StringIO(client.get(csv_link).text)))
    assert len(rows) == total_events(client, q="missiles")
