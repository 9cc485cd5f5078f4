"""Human corrections of machine output, deletions and reverts, each with its audit entry."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from app.store import users
from app.store.models import Article, AuditEntry, Event

# Fields an editor may correct, with their longest value.
CORRECTABLE = {"event_type": 64, "sub_event_type": 64, "summary": 300}


class CorrectionError(ValueError):
    """A correction or revert that cannot be applied; the message is shown as is."""


def correct_event(session: Session, event: Event, changes: dict[str, str], username: str) -> int:
    """Apply `changes` to `event`, one audit entry per changed field; returns how many changed."""
    changed = 0
    for field, value in changes.items():
        if field not in CORRECTABLE:
            raise CorrectionError(
                f"{field!r} cannot be corrected; use one of {sorted(CORRECTABLE)}."
            )
        value = " ".join(value.split())[: CORRECTABLE[field]]
        if not value:
            raise CorrectionError(f"{field} cannot be empty.")
        old = getattr(event, field)
        if value == old:
            continue
        setattr(event, field, value)
        users.record(session, username, "event.correct", ("event", event.id), (field, old, value))
        changed += 1
    if changed:
        event.reviewed = True
    session.flush()
    return changed


def revert(session: Session, entry: AuditEntry, username: str) -> AuditEntry:
    """Put back the value a correction replaced, if nobody changed the field since."""
    if entry.action != "event.correct" or entry.field is None:
        raise CorrectionError("Only corrections of events can be reverted.")
    if entry.reverted_by is not None:
        raise CorrectionError(f"This correction was already reverted (entry {entry.reverted_by}).")
    event = session.get(Event, entry.target_id)
    if event is None:
        raise CorrectionError("The event no longer exists.")
    current = getattr(event, entry.field)
    if current != entry.new_value:
        raise CorrectionError("The field was changed again since; revert the newer change first.")
    setattr(event, entry.field, entry.old_value)
    change = (entry.field, current, entry.old_value)
    undo = users.record(session, username, "event.revert", ("event", event.id), change)
    entry.reverted_by = undo.id
    session.flush()
    return undo


def delete_article(session: Session, article: Article, username: str) -> None:
    """Delete an article and its events, keeping what it was in the audit log."""
    snapshot = {
        "title": article.title,
        "url": article.url,
        "content_hash": article.content_hash,
        "created_by": article.created_by,
        "events": len(article.events),
    }
    users.record(
        session,
        username,
        "article.delete",
        ("article", article.id),
        (None, json.dumps(snapshot), None),
    )
    session.delete(article)
    session.flush()
