"""Ingest: uploaded bytes or pasted text in, clean article text out (no extraction, no database)."""

from app.ingest.clean import clean_text, content_hash
from app.ingest.readers import IngestError, check_text, read_upload

__all__ = ["IngestError", "check_text", "clean_text", "content_hash", "read_upload"]
