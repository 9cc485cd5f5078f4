"""Turn an uploaded file or pasted text into clean article text, refusing what is not an article."""

from __future__ import annotations

import codecs
from pathlib import PurePath

from app.ingest.clean import clean_text
from app.ingest.html import html_to_text, looks_like_html

ALLOWED_SUFFIXES = {".txt": "text", ".md": "text", ".markdown": "text", ".html": "html", ".htm": "html"}
MIN_WORDS = 5


class IngestError(ValueError):
    """Input that cannot become an article; the message is shown to the user as is."""


def read_upload(filename: str, data: bytes, max_bytes: int) -> str:
    """Clean text of an uploaded .txt, .md or .html file; IngestError with a reason otherwise."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        allowed = ", ".join(sorted(ALLOWED_SUFFIXES))
        raise IngestError(f"Unsupported file type {suffix or '(none)'!r}: upload one of {allowed}.")
    if len(data) > max_bytes:
        raise IngestError(f"The file is larger than the {max_bytes:,}-byte limit.")
    text = decode(data)
    if ALLOWED_SUFFIXES[suffix] == "html" or looks_like_html(text):
        text = html_to_text(text)
    return check_text(text, max_bytes)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with BOM; anything else is refused with a reason."""
    if b"\x00" in data and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError("This looks like a binary file, not text: upload a .txt, .md or .html file.")
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"The file is not valid UTF-8 text (byte {error.start}); save it as UTF-8 and try again."
        ) from error


def check_text(text: str, max_bytes: int) -> str:
    """Clean pasted or decoded text and check that it is an article-sized piece of prose."""
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise IngestError(f"The text is larger than the {max_bytes:,}-byte limit.")
    if looks_like_html(text):
        text = html_to_text(text)
    cleaned = clean_text(text)
    if not cleaned:
        raise IngestError("The article text is empty.")
    if len(cleaned.split()) < MIN_WORDS:
        raise IngestError(f"The article text is too short: at least {MIN_WORDS} words are needed.")
    return cleaned
