"""Turn an uploaded file or pasted text into clean article text, refusing what is not an article."""

from __future__ import annotations

import codecs
from pathlib import PurePath

from charset_normalizer import from_bytes

from app.ingest.clean import clean_text
from app.ingest.html import html_to_text, looks_like_html, nesting_depth

ALLOWED_SUFFIXES = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
}
MIN_WORDS = 5
MAX_HTML_DEPTH = 500  # real article pages nest a few dozen deep


# Signatures of common binary formats: a renamed .pdf or .zip is refused by its content.
MAGIC = {
    b"%PDF": "a PDF",
    b"PK\x03\x04": "a ZIP/Office file",
    b"\x1f\x8b": "a gzip archive",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
    b"MZ\x90": "a program",
    b"\xd0\xcf\x11\xe0": "an old Office file",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"Rar!": "a RAR archive",
    b"{\\rtf": "an RTF document",
}
LEGACY_ENCODINGS = ["cp1251", "cp1252", "latin_1"]
_UNSAFE = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127], " ")


class IngestError(ValueError):
    """Input that cannot become an article; the message is shown to the user as is."""


def read_upload(filename: str, data: bytes, max_bytes: int) -> str:
    """Clean text of an uploaded .txt, .md or .html file; IngestError with a reason otherwise.

    The name only picks the reader; the content decides whether it is text at all.
    """
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        allowed = ", ".join(sorted(ALLOWED_SUFFIXES))
        raise IngestError(f"Unsupported file type {suffix or '(none)'!r}: upload one of {allowed}.")
    if len(data) > max_bytes:
        raise IngestError(f"The file is larger than the {max_bytes:,}-byte limit.")
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            raise IngestError(f"This file is {kind}, not text: upload a .txt, .md or .html file.")
    text = decode(data)
    if ALLOWED_SUFFIXES[suffix] == "html" or looks_like_html(text):
        text = _html_text(text)
    return check_text(text, max_bytes)


def decode(data: bytes) -> str:
    """UTF-8 or UTF-16 (with a BOM), else cp1251 or Latin-1 if detection is sure; else IngestError.

    >>> decode("Київ".encode("cp1251") + b" and Kharkiv were shelled on Saturday")
    'Київ and Kharkiv were shelled on Saturday'
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise IngestError(
                "The file starts like UTF-16 text but is not valid UTF-16."
            ) from error
    if b"\x00" in data:
        raise IngestError(
            "This looks like a binary file, not text: upload a .txt, .md or .html file."
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _decode_legacy(data, error.start)


def _decode_legacy(data: bytes, bad_byte: int) -> str:
    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.chaos > 0.2:
        raise IngestError(
            f"The file is not valid UTF-8 (byte {bad_byte}) and its encoding could not be "
            "recognised (cp1251 and Latin-1 are tried); save it as UTF-8 and try again."
        )
    return str(best)


def _html_text(html: str) -> str:
    if nesting_depth(html) > MAX_HTML_DEPTH:
        raise IngestError(
            f"The HTML nests deeper than {MAX_HTML_DEPTH} levels: not an article page."
        )
    return html_to_text(html)


def strip_unsafe(text: str) -> str:
    r"""Control characters (except tab and newlines) and lone surrogates become spaces.

    >>> strip_unsafe("a\x00b\ud800c")
    'a b c'
    """
    text = text.translate(_UNSAFE)
    if any("\ud800" <= c <= "\udfff" for c in text):
        text = "".join(" " if "\ud800" <= c <= "\udfff" else c for c in text)
    return text


def check_text(text: str, max_bytes: int) -> str:
    """Clean pasted or decoded text and check that it is an article-sized piece of prose."""
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise IngestError(f"The text is larger than the {max_bytes:,}-byte limit.")
    text = strip_unsafe(text)
    if looks_like_html(text):
        text = _html_text(text)
    cleaned = clean_text(text)
    if not cleaned:
        raise IngestError("The article text is empty.")
    if len(cleaned.split()) < MIN_WORDS:
        raise IngestError(f"The article text is too short: at least {MIN_WORDS} words are needed.")
    return cleaned
