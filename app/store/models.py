"""SQLAlchemy 2.0 typed models: articles, events, regions, places and the links between them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Region(Base):
    """An ISO 3166-2 subdivision or ISO 3166-1 country; `parent` makes the hierarchy."""

    __tablename__ = "regions"

    code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_code: Mapped[str | None] = mapped_column(
        ForeignKey("regions.code", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32), default="region")


class Article(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    source: Mapped[str | None] = mapped_column(String(200))
    url: Mapped[str | None] = mapped_column(String(2000), unique=True)
    published: Mapped[date] = mapped_column(Date, index=True)
    published_inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    # Username of the account that stored it (None for the demo and the CLI): see migration 0002.
    created_by: Mapped[str | None] = mapped_column(String(64))

    events: Mapped[list[Event]] = relationship(
        back_populates="article", cascade="all, delete-orphan", order_by="Event.evidence_start"
    )

    # The source filter and menu (migration 0004).
    __table_args__ = (Index("ix_articles_source", "source"),)


class Place(Base):
    """A gazetteer place that some event mentions."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (Index("uq_places_name_region", "name", "region_code", unique=True),)


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    date_start: Mapped[date] = mapped_column(Date)
    date_end: Mapped[date] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(8))
    date_value: Mapped[str] = mapped_column(String(32))
    date_text: Mapped[str | None] = mapped_column(String(200))
    evidence_start: Mapped[int] = mapped_column(Integer)
    evidence_end: Mapped[int] = mapped_column(Integer)
    evidence_text: Mapped[str] = mapped_column(Text)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(64))
    summary: Mapped[str] = mapped_column(String(300))
    confidence: Mapped[float] = mapped_column(Float)
    reviewed: Mapped[bool] = mapped_column(Boolean, default=False)
    # Evidence plus article title: what text search looks in (FTS5 / tsvector index).
    search_text: Mapped[str] = mapped_column(Text)

    article: Mapped[Article] = relationship(back_populates="events")
    regions: Mapped[list[EventRegion]] = relationship(cascade="all, delete-orphan")
    places: Mapped[list[EventPlace]] = relationship(cascade="all, delete-orphan")

    @property
    def named_regions(self) -> tuple[tuple[str, str], ...]:
        """(code, name) of its regions by code, as the timeline's ListedEvent has them."""
        return tuple(sorted((link.region.code, link.region.name) for link in self.regions))

    __table_args__ = (
        Index("ix_events_date_start_id", "date_start", "id"),
        # Covering indexes for the timeline chart and counts (migration 0003).
        Index("ix_events_dates_type", "date_start", "date_end", "event_type"),
        Index("ix_events_id_dates", "id", "date_start", "date_end", "event_type"),
    )


class EventRegion(Base):
    __tablename__ = "event_regions"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    region_code: Mapped[str] = mapped_column(ForeignKey("regions.code"), primary_key=True)

    region: Mapped[Region] = relationship(lazy="joined")

    __table_args__ = (Index("ix_event_regions_region_event", "region_code", "event_id"),)


class EventPlace(Base):
    __tablename__ = "event_places"

    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    place_id: Mapped[int] = mapped_column(ForeignKey("places.id"), primary_key=True, index=True)
    mention_start: Mapped[int] = mapped_column(Integer)
    mention_end: Mapped[int] = mapped_column(Integer)
    mention_text: Mapped[str] = mapped_column(String(200))
    geo_precision: Mapped[str] = mapped_column(String(16))

    place: Mapped[Place] = relationship(lazy="joined")


class User(Base):
    """An account that may write: 'editor' adds and corrects; 'admin' also deletes and reverts."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class ApiToken(Base):
    """A bearer token for the API; only its SHA-256 digest is kept, and revoking sets revoked_at."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship(lazy="joined")


class AuditEntry(Base):
    """One write: who, when, what; a correction keeps the value it replaced, for reverting."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), index=True
    )
    username: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(32))
    target_type: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str | None] = mapped_column(String(32))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reverted_by: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_audit_log_target", "target_type", "target_id"),)
