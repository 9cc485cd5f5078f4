"""Hostile input: script injection, odd files, huge bodies, odd bytes: no 5xx, nothing runs."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import DATA, AccountClient

PAYLOADS = [
    line
    for line in (DATA / "xss_payloads.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
STORY = "Russian forces shelled Kharkiv on Saturday, the governor said. "
MB = 1024 * 1024


def assert_inert(html: str) -> None:
    """No script of the page's own making survives: no inline scripts, handlers or script URLs."""
    tree = LexborHTMLParser(html)
    for node in tree.css("*"):
        attrs = node.attributes
        assert not any(name.lower().startswith("on") for name in attrs), node.html
        assert node.tag not in {"iframe", "object", "embed", "base", "math", "template"}
        if node.tag == "script":
            src = urlsplit(attrs.get("src") or "")
            assert src.netloc in ("", "testserver") and src.path.startswith("/static/")
            assert not node.text().strip()
        if node.tag == "meta":
            assert "http-equiv" not in attrs
        if node.tag == "form":
            action = attrs.get("action") or ""
            assert action.startswith("/") and not action.startswith("//"), node.html
        for name in ("href", "src", "action", "formaction", "srcdoc", "style"):
            value = (attrs.get(name) or "").strip()
            if name in ("srcdoc", "style"):
                assert not value, node.html
            elif value:
                assert urlsplit(value).scheme in ("", "http", "https"), node.html


def _post_article(client: AccountClient, payload: str, n: int) -> int:
    url = f"https://example.org/story/{n}?q={payload}" if " " not in payload else None
    body = {
        "title": payload,
        "source": payload,
        "url": url,
        "published": "2022-06-25",
        "text": f"{STORY}{payload} Story {n}: troops left Kherson on Friday, officials said.",
    }
    response = client.post("/api/articles", json=body)
    assert response.status_code in (201, 422), (payload, response.text)
    if response.status_code == 422:  # only the URL may be refused
        body["url"] = None
        response = client.post("/api/articles", json=body)
    assert response.status_code == 201, (payload, response.text)
    article_id: int = response.json()["id"]
    return article_id


def test_xss_payloads_in_every_text_field_are_shown_as_text(editor_client: AccountClient) -> None:
    ids = [_post_article(editor_client, payload, n) for n, payload in enumerate(PAYLOADS)]
    for article_id, payload in zip(ids, PAYLOADS, strict=True):
        page = editor_client.get(f"/articles/{article_id}").text
        assert_inert(page)
        heading = LexborHTMLParser(page).css_first("h1")
        assert heading is not None and heading.text().strip() == " ".join(payload.split())
    for path in ("/", "/?q=script", f"/?q={PAYLOADS[0]}", "/articles/new", "/login"):
        assert_inert(editor_client.get(path).text)


@pytest.mark.parametrize("suffix", [".html", ".txt", ".md"])
def test_xss_payloads_in_uploaded_files_are_never_echoed_as_markup(
    editor_client: AccountClient, suffix: str
) -> None:
    body = "".join(f"<p>{STORY}{p} (item {n})</p>\n" for n, p in enumerate(PAYLOADS))
    data = f"<html><body><article>{body}</article></body></html>".encode()
    files = {"file": (f"story{suffix}", data, "text/html")}
    response = editor_client.post("/articles", data={"published": "2022-06-25"}, files=files)
    assert response.status_code == 200  # the article page after the redirect
    assert_inert(response.text)
    assert_inert(editor_client.get("/").text)


@pytest.mark.parametrize(
    "name",
    [
        "../../../../tmp/evil-upload.txt",
        "..\\..\\evil-upload.txt",
        "/etc/evil-upload.txt",
        "evil-upload\x00.txt",
        "CON.txt",
        "a" * 5000 + ".txt",
        "<script>alert(1)</script>.txt",
    ],
)
def test_path_traversal_file_names_are_never_used(editor_client: AccountClient, name: str) -> None:
    text = f"{STORY}Uploaded as {len(name)} characters of name."
    files = {"file": (name, text.encode(), "text/plain")}
    response = editor_client.post("/articles", data={"published": "2022-06-25"}, files=files)
    assert response.status_code < 500
    assert_inert(response.text)
    assert "<script>alert(1)" not in response.text
    for folder in (Path("/tmp"), Path("/etc"), Path.cwd(), Path.cwd().parent):
        assert not list(folder.glob("evil-upload*"))


def _chunks(total: int, size: int = MB, head: bytes = b"") -> Iterator[bytes]:
    yield head
    for _ in range(total // size):
        yield b"a" * size


MULTIPART_HEAD = (
    b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
    b"Content-Type: text/plain\r\n\r\n"
)


def test_a_50_mb_upload_is_refused_while_streaming(editor_client: AccountClient) -> None:
    started = time.monotonic()
    big = {"file": ("big.txt", b"word " * (10 * MB), "text/plain")}
    declared = editor_client.post("/articles", data={"title": "big"}, files=big)
    assert declared.status_code == 413 and "limit" in declared.text
    multipart = {"content-type": "multipart/form-data; boundary=xyz"}
    chunked = editor_client.post(
        "/articles", content=_chunks(50 * MB, head=MULTIPART_HEAD), headers=multipart
    )
    assert chunked.status_code == 413 and "limit" in chunked.text
    for path in ("/api/articles", "/api/parse"):
        headers = {"content-type": "application/json"}
        chunked = editor_client.post(path, content=_chunks(50 * MB), headers=headers)
        assert chunked.status_code == 413, path
    assert time.monotonic() - started < 30
    assert editor_client.get("/api/health").json()["articles"] == 0


def test_deeply_nested_and_huge_html_is_refused_or_reduced_quickly(
    editor_client: AccountClient,
) -> None:
    deep = "<html><body>" + "<div>" * 150_000 + STORY + "</div>" * 150_000
    wide = "<html><body>" + "".join(f"<p>{STORY} ({n})</p>" for n in range(900))
    for html, expected in ((deep, 422), (wide, 200)):
        started = time.monotonic()
        files = {"file": ("bomb.html", html.encode()[:1_990_000], "text/html")}
        response = editor_client.post("/articles", data={"published": "2022-06-25"}, files=files)
        assert response.status_code == expected, response.text[:500]
        assert time.monotonic() - started < 60


def test_invalid_utf8_and_nul_bytes(editor_client: AccountClient) -> None:
    files = {"file": ("bad.txt", bytes(range(128, 256)) * 20, "text/plain")}
    bad = editor_client.post("/articles", data={"title": "bad"}, files=files)
    assert bad.status_code == 422 and "UTF-8" in bad.text
    for data in (b"\xc3\x28\xa0\xa1" * 300, STORY.encode() + b"Caf\xe9 \xc3\x28 closed."):
        files = {"file": ("odd.txt", data, "text/plain")}
        odd = editor_client.post("/articles", data={"title": "odd"}, files=files)
        assert odd.status_code < 500
        assert_inert(odd.text)
    raw = b'{"text": "Troops \xff\xfe shelled Kharkiv on Saturday, officials said."}'
    assert 400 <= editor_client.post("/api/articles", content=raw).status_code < 500
    nul = {
        "title": "NUL\x00title",
        "source": "wire\x00",
        "text": f"{STORY}\x00 with a NUL and a lone \ud800 surrogate, officials said.",
        "published": "2022-06-25",
    }
    created = editor_client.post(
        "/api/articles", content=json.dumps(nul), headers={"content-type": "application/json"}
    )
    assert created.status_code == 201
    stored = editor_client.get(f"/api/articles/{created.json()['id']}").json()
    assert "\x00" not in stored["text"] + stored["title"] + stored["source"]
    bad_url = dict(nul, url="https://example.org/\x00x", text=STORY + "Another one.")
    assert editor_client.post("/api/articles", json=bad_url).status_code == 422
    form = editor_client.post(
        "/articles", data={"title": "t\x00", "text": STORY + "\x00 form NUL."}
    )
    assert form.status_code == 200


def test_ten_thousand_dates_in_one_article(
    editor_client: AccountClient, client: TestClient
) -> None:
    first = date(2023, 1, 1)
    text = " ".join(
        f"On {first + timedelta(days=n % 600):%d %B %Y} shelling hit Kharkiv."
        for n in range(10_000)
    )
    parsed = client.post("/api/parse", json={"text": text, "published": "2024-12-31"})
    assert parsed.status_code == 200
    assert len(parsed.json()["timexes"]) == 10_000
    stored = editor_client.post("/api/articles", json={"text": text, "published": "2024-12-31"})
    assert stored.status_code == 201
    # 600 distinct days: the same sentence on the same day is one event
    assert stored.json()["events"] == 600
