"""The JSON API: parse without storing, store (201/409/422), read back, filter events."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.factories import SIEGE_TEXT, article_payload


def test_health(client: TestClient) -> None:
    assert client.get("/api/health").json() == {"status": "ok", "articles": 0}


def test_parse_returns_the_shape_the_scorer_reads_and_stores_nothing(client: TestClient) -> None:
    body = client.post("/api/parse", json={"text": SIEGE_TEXT, "published": "2022-06-25"}).json()
    assert body["published"] == "2022-06-25"
    saturday = [t for t in body["timexes"] if t["text"] == "Saturday"]
    assert saturday and saturday[0]["value"] == "2022-06-25" and saturday[0]["type"] == "DATE"
    for timex in body["timexes"]:
        assert SIEGE_TEXT[timex["start"] : timex["end"]] == timex["text"]
    for event in body["events"]:
        assert (
            SIEGE_TEXT[event["evidence"]["start"] : event["evidence"]["end"]]
            == event["evidence"]["text"]
        )
        assert set(event["date"]) >= {"start", "end", "precision", "value", "text"}
    dates = {e["date"]["value"] for e in body["events"]}
    assert {"2022-06-25", "2022-06-24"} <= dates
    assert client.get("/api/health").json()["articles"] == 0


def test_parse_reads_the_title_a_roundup_is_known_by(client: TestClient) -> None:
    # the scorer and the upload form send the title: "what we know" makes each paragraph's
    # opening sentence an event of the day
    text = (
        "Ukraine's president wants to talk directly to China's leader, Xi Jinping.\n\n"
        "The first shipment of grain to leave Ukraine under the deal has reached Turkey."
    )
    request = {"text": text, "published": "2022-08-04"}
    plain = client.post("/api/parse", json=request).json()["events"]
    roundup = client.post(
        "/api/parse", json={**request, "title": "Russia-Ukraine war: what we know on day 162"}
    ).json()["events"]
    assert len(roundup) == 2 and len(plain) < 2


def test_parse_infers_the_publication_date_when_missing(client: TestClient) -> None:
    text = "KYIV, June 25, 2022 - Troops withdrew from the city on Friday, officials said."
    body = client.post("/api/parse", json={"text": text, "published": None}).json()
    assert body["published"] == "2022-06-25"
    assert body["published_inferred"] is True


def test_parse_refuses_empty_text(client: TestClient) -> None:
    response = client.post("/api/parse", json={"text": "   "})
    assert response.status_code == 422
    assert "empty" in response.json()["detail"]


def test_store_then_duplicate_then_read_back(editor_client: TestClient) -> None:
    created = editor_client.post("/api/articles", json=article_payload())
    assert created.status_code == 201
    article_id = created.json()["id"]
    again = editor_client.post("/api/articles", json=article_payload(title="Another title"))
    assert again.status_code == 409
    assert again.json()["article_id"] == article_id
    article = editor_client.get(f"/api/articles/{article_id}").json()
    assert article["title"] == "Troops withdraw from Sievierodonetsk"
    assert article["events"] == len(article["event_list"]) > 0
    assert [a["id"] for a in editor_client.get("/api/articles").json()] == [article_id]


def test_same_url_is_a_duplicate(editor_client: TestClient) -> None:
    url = "https://example.org/story"
    assert editor_client.post("/api/articles", json=article_payload(url=url)).status_code == 201
    other = article_payload(
        url=url, text="A different story about troops on Friday in Kharkiv, officials said."
    )
    assert editor_client.post("/api/articles", json=other).status_code == 409


def test_bad_articles_are_refused_and_nothing_is_stored(editor_client: TestClient) -> None:
    for payload in (
        article_payload(text=""),
        article_payload(published="not a date"),
        article_payload(url="javascript:alert(1)"),
        article_payload(text="x" * 3_000_000),
    ):
        response = editor_client.post("/api/articles", json=payload)
        assert response.status_code == 422, payload["published"]
        assert response.json()["detail"]
    assert editor_client.get("/api/health").json()["articles"] == 0


def test_events_filtered_by_region_date_and_text(editor_client: TestClient) -> None:
    editor_client.post("/api/articles", json=article_payload())
    luhansk = editor_client.get("/api/events", params={"region": "UA-09"}).json()
    assert luhansk["total"] > 0
    assert all(any(r["code"] == "UA-09" for r in e["regions"]) for e in luhansk["events"])
    ukraine = editor_client.get("/api/events", params={"region": "UA"}).json()
    assert ukraine["total"] >= luhansk["total"]
    friday = editor_client.get(
        "/api/events", params={"from": "2022-06-24", "to": "2022-06-24"}
    ).json()
    assert friday["total"] >= 1
    assert all(e["date"]["start"] <= "2022-06-24" <= e["date"]["end"] for e in friday["events"])
    found = editor_client.get("/api/events", params={"q": "missiles"}).json()
    assert found["total"] >= 1 and all("missile" in e["evidence"]["text"] for e in found["events"])
    assert editor_client.get("/api/events", params={"q": "zeppelin"}).json()["total"] == 0


def test_events_pages_follow_the_cursor(editor_client: TestClient) -> None:
    editor_client.post("/api/articles", json=article_payload())
    first = editor_client.get("/api/events", params={"limit": 1}).json()
    seen = [e["id"] for e in first["events"]]
    next_url = first["next"]
    while next_url:
        page = editor_client.get(next_url).json()
        seen += [e["id"] for e in page["events"]]
        next_url = page["next"]
    assert len(seen) == len(set(seen)) == first["total"]


def test_bad_filter_is_a_400(client: TestClient) -> None:
    response = client.get("/api/events", params={"from": "yesterday"})
    assert response.status_code == 400
    assert "2022-06" in response.json()["detail"]


def test_parse_offsets_index_the_text_exactly_as_sent(client: TestClient) -> None:
    text = "\n\n  Troops  withdrew from Kherson on Friday,\tofficials said.  "
    body = client.post("/api/parse", json={"text": text, "published": "2022-11-12"}).json()
    assert [t["text"] for t in body["timexes"]] == ["Friday"]
    for item in body["timexes"] + [e["evidence"] for e in body["events"]]:
        assert text[item["start"] : item["end"]] == item["text"]
