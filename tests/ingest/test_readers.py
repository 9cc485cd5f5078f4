"""Uploads become clean text, or are refused with a message a user can act on."""

from __future__ import annotations

import codecs

import pytest

from app.ingest import IngestError, check_text, clean_text, content_hash, read_upload
from app.ingest.html import html_to_text

LIMIT = 10_000
ARTICLE = "Troops withdrew from the city on Friday, officials said."


def test_txt_upload_is_cleaned() -> None:
    data = ("  " + ARTICLE + "\r\n\r\n\r\nMore text follows here today.  ").encode()
    assert read_upload("story.txt", data, LIMIT) == ARTICLE + "\n\nMore text follows here today."


def test_html_upload_keeps_only_article_text() -> None:
    page = (
        "<html><head><style>p{}</style><script>alert(1)</script></head><body>"
        "<nav>Home | World</nav><article><h1>Headline</h1><p>" + ARTICLE + "</p>"
        "<p>Second paragraph of the story.</p></article><footer>© Outlet</footer></body></html>"
    )
    text = read_upload("page.html", page.encode(), LIMIT)
    assert text == "Headline\n\n" + ARTICLE + "\n\nSecond paragraph of the story."


def test_utf16_with_bom_is_read() -> None:
    data = codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")
    assert read_upload("a.txt", data, LIMIT) == ARTICLE


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("a.pdf", b"%PDF-1.4", "Unsupported file type"),
        ("a.txt", b"\x00\x01binary\x00" * 20, "binary"),
        ("a.txt", bytes(range(128, 256)) * 20, "not valid UTF-8"),
        ("a.txt.pdf", b"%PDF-1.4", "Unsupported file type"),
        ("report.txt", b"%PDF-1.4\n" + b"text " * 20, "a PDF"),
        ("story.html", b"PK\x03\x04" + b"x" * 100, "ZIP"),
        ("a.txt", b"", "empty"),
        ("a.txt", b"too short", "too short"),
        ("a.txt", b"x" * (LIMIT + 1), "limit"),
    ],
)
def test_bad_uploads_are_refused_with_a_reason(name: str, data: bytes, message: str) -> None:
    with pytest.raises(IngestError, match=message):
        read_upload(name, data, LIMIT)


def test_pasted_html_is_reduced_to_text() -> None:
    assert check_text("<html><body><p>" + ARTICLE + "</p></body></html>", LIMIT) == ARTICLE


def test_html_to_text_drops_scripts_and_navigation() -> None:
    assert html_to_text("<nav>Menu</nav><main><p>A b c.</p><script>x()</script></main>") == "A b c."


def test_content_hash_ignores_case_spacing_and_punctuation() -> None:
    assert content_hash("Troops  left, on Friday.") == content_hash("troops left on friday")
    assert content_hash("Troops left on Friday") != content_hash("Troops left on Saturday")


def test_clean_text_removes_control_characters() -> None:
    assert clean_text("a\x00b\x07c  d") == "abc d"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "cp1251",
            "Українські війська відійшли з Сєвєродонецька після тижнів боїв, заявив губернатор.",
        ),
        (
            "cp1251",
            "Troops left Sievierodonetsk (Сєвєродонецьк) after weeks of fighting, officials said.",
        ),
        (
            "latin-1",
            "The café in Zürich said on Saturday that Señor García had met the Kyiv delegation.",
        ),
        ("utf-16-be", "Troops withdrew from Kherson on Friday, officials said."),
    ],
)
def test_legacy_encodings_are_detected(encoding: str, text: str) -> None:
    data = text.encode(encoding)
    if encoding.startswith("utf-16"):
        data = codecs.BOM_UTF16_BE + data
    assert read_upload("a.txt", data, LIMIT) == text


def test_nul_and_surrogates_in_pasted_text_are_blanked() -> None:
    assert "\x00" not in check_text(ARTICLE + "\x00 more\ud800 words", LIMIT)
