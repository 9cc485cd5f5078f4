"""The HTML pages: upload through the form, see the article, find its events on the timeline."""

from __future__ import annotations

from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import DATA
from tests.factories import SIEGE_TEXT, article_payload


def _texts(html: str, selector: str) -> list[str]:
    return [" ".join(n.text().split()) for n in LexborHTMLParser(html).css(selector)]


def test_upload_form_then_article_page_then_filtered_timeline(editor_client: TestClient) -> None:
    form = article_payload()
    response = editor_client.post("/articles", data=form, follow_redirects=False)
    assert response.status_code == 303
    review_url = response.headers["location"]
    assert review_url.endswith("/review")
    article_page = editor_client.get(review_url.removesuffix("/review"))
    assert article_page.status_code == 200
    marks = _texts(article_page.text, "mark")
    assert any("Sievierodonetsk" in m for m in marks)
    timeline = editor_client.get("/", params={"region": "UA-09"})
    evidence = _texts(timeline.text, ".event .evidence")
    assert evidence and all("Sievierodonetsk" in e or "Azot" in e for e in evidence)
    assert any("Luhansk Oblast" in t for t in _texts(timeline.text, "#region option[selected]"))
    selected = LexborHTMLParser(timeline.text).css(".oblast.selected")
    assert [a.attributes.get("data-code") for a in selected] == ["UA-09"]


def test_timeline_groups_by_month_and_day_with_precision(editor_client: TestClient) -> None:
    editor_client.post("/api/articles", json=article_payload())
    html = editor_client.get("/").text
    assert "June 2022" in _texts(html, ".month > h2")
    assert {"24 Jun 2022", "25 Jun 2022"} <= set(_texts(html, ".day > h3"))


def test_uploading_the_same_text_twice_links_to_the_existing_article(
    editor_client: TestClient,
) -> None:
    first = editor_client.post("/articles", data=article_payload(), follow_redirects=False)
    article_url = first.headers["location"].removesuffix("/review")
    second = editor_client.post("/articles", data=article_payload(title="Again"))
    assert second.status_code == 409
    links = [a.attributes.get("href") for a in LexborHTMLParser(second.text).css(".notice a")]
    assert links == [article_url]


def test_file_upload(editor_client: TestClient) -> None:
    files = {"file": ("story.txt", SIEGE_TEXT.encode(), "text/plain")}
    response = editor_client.post(
        "/articles",
        data={"title": "From a file", "published": "2022-06-25"},
        files=files,
        follow_redirects=False,
    )
    assert response.status_code == 303


def test_inferred_publication_date_is_said_on_the_page(editor_client: TestClient) -> None:
    text = "KYIV, June 25, 2022 - Troops withdrew from Sievierodonetsk on Friday, officials said."
    response = editor_client.post("/articles", data={"title": "No date", "text": text})
    assert response.status_code == 200
    assert "inferred" in " ".join(_texts(response.text, ".byline"))


def test_bad_inputs_get_a_message_and_store_nothing(editor_client: TestClient) -> None:
    cases = [
        ({"text": ""}, None, "Paste the article text"),
        ({"text": SIEGE_TEXT, "published": "31/31/2022"}, None, "publication date"),
        ({}, ("x.bin", b"\x00\x01" * 100), "Unsupported file type"),
        ({}, ("x.txt", b"\x00\x01" * 100), "binary"),
        ({}, ("x.txt", bytes(range(128, 256)) * 20), "UTF-8"),
        ({}, ("x.txt", b"word " * 500_000), "limit"),
    ]
    for data, file, message in cases:
        files = {"file": (file[0], file[1], "application/octet-stream")} if file else None
        response = editor_client.post("/articles", data={"title": "t", **data}, files=files)
        assert 400 <= response.status_code < 500
        assert message in " ".join(_texts(response.text, ".error")), message
    assert editor_client.get("/api/health").json()["articles"] == 0


def test_fixture_html_file_upload(editor_client: TestClient) -> None:
    path = DATA / "articles" / "short.html"
    files = {"file": (path.name, path.read_bytes(), "text/html")}
    response = editor_client.post(
        "/articles", data={"title": "HTML", "published": "2022-06-25"}, files=files
    )
    assert response.status_code == 200
    text = " ".join(_texts(response.text, ".article-text"))
    assert "<script" not in text and "<nav" not in text


def test_unknown_article_is_a_404_page(client: TestClient) -> None:
    response = client.get("/articles/12345")
    assert response.status_code == 404
    assert "12345" in response.text
