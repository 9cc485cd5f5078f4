"""Normalise article text (line ends, spaces, control characters) and hash it for dedup."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Text with NFC Unicode, \\n line ends, single spaces, at most one blank line, trimmed.

    >>> clean_text("  Troops\\r\\nleft.\\n\\n\\n\\nMayor\\u00a0said. ")
    'Troops\\nleft.\\n\\nMayor said.'
    """
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the text with case, punctuation and spacing folded: re-saves still match."""
    folded = " ".join(re.findall(r"\w+", text.casefold()))
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
