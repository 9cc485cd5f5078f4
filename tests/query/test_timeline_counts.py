"""The timeline's counts and pages agree with the events themselves, after every kind of write.

On SQLite the chart and the facets are read from span counts kept by triggers (migration
0004), and a text search's page view gathers its matches once into a TEMP table (match_set.py);
PostgreSQL and other filtered views count live. Either way the totals, the chart input, the
region facets, the paged list and the ranked matches must match a count made here from the
raw rows (or, for the ranking, the live query).
"""

from __future__ import annotations

import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.query import timeline as q
from app.query.filters import EventFilter
from app.query.regions import expand_regions
from app.store.db import make_engine, make_session_factory
from app.store.models import Article, Event, EventRegion

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from generate_events import generate

FILTERS = [
    EventFilter(),
    EventFilter(regions=("UA-14",)),
    EventFilter(regions=("UA-14", "UA-09")),  # several regions: counted live, each event once
    EventFilter(regions=("UA",)),  # a country: all its oblasts
    EventFilter(date_from=date(2023, 1, 1), date_to=date(2023, 6, 30)),
    EventFilter(regions=("UA-63",), date_from=date(2023, 1, 1)),
    EventFilter(date_to=date(2022, 12, 31)),
    EventFilter(event_type="Battles", date_from=date(2024, 1, 1)),
    EventFilter(source="Reuters"),
    EventFilter(q="drones"),
    EventFilter(
        q="drones", regions=("UA-63",), date_from=date(2023, 1, 1), date_to=date(2023, 6, 30)
    ),
    EventFilter(q="officials", date_to=date(2022, 12, 31)),  # a word in every event
    EventFilter(q="drones Kharkiv"),  # every word must match
    EventFilter(q="drones", regions=("UA",), event_type="Explosions/Remote violence"),
    EventFilter(q="shelled", regions=("UA-14", "UA-09"), source="Reuters"),
    EventFilter(q="drones", regions=("UA-63",), date_from=date(2031, 1, 1)),  # nothing
    # A search within dates reads only the months the matches can start in (migration 0005):
    # across a new year, from a date on (events that began earlier and run into it count),
    # and over a range too long to narrow by months.
    EventFilter(q="drones", date_from=date(2022, 12, 1), date_to=date(2023, 2, 28)),
    EventFilter(q="shelled", date_from=date(2024, 6, 1)),
    EventFilter(q="drones", date_from=date(2022, 1, 1), date_to=date(2024, 12, 31)),
]


def truth(session: Session, f: EventFilter, *, skip_regions: bool = False) -> list[Event]:
    """The matching events in page order, filtered here in Python from every row (the text
    search alone is left to the database: events_query with no other filter)."""
    text_ids = None
    if f.q:
        text_ids = {e.id for e in session.scalars(q.events_query(session, EventFilter(q=f.q)))}
    codes = set(expand_regions(session, f.regions)) if f.regions and not skip_regions else None
    sources = dict(session.execute(select(Article.id, Article.source)).all())
    matched = []
    for event in session.scalars(select(Event).order_by(Event.date_start, Event.id)):
        if codes is not None and not codes & {link.region_code for link in event.regions}:
            continue
        if f.date_from and event.date_end < f.date_from:
            continue
        if f.date_to and event.date_start > f.date_to:
            continue
        if f.event_type and event.event_type != f.event_type:
            continue
        if f.source and sources[event.article_id] != f.source:
            continue
        if text_ids is not None and event.id not in text_ids:
            continue
        matched.append(event)
    return matched


def check_agreement(session: Session) -> None:
    for f in FILTERS:
        expected = truth(session, f)
        spans = q.date_span_counts(session, f)
        assert Counter({(s, e): n for s, e, n in spans}) == Counter(
            (e.date_start, e.date_end) for e in expected
        ), f
        assert q.count_events(session, f) == len(expected), f
        others = truth(session, f, skip_regions=True)
        facets = Counter(link.region_code for e in others for link in e.regions)
        assert {r.code: r.count for r in q.region_counts(session, f)} == facets, f
        assert page_through(session, f, spans) == [e.id for e in expected], f
        assert page_through(session, f, None) == [e.id for e in expected], f
        check_view(session, f, expected, facets)


def check_view(session: Session, f: EventFilter, expected: list[Event], facets: Counter) -> None:
    """The timeline page's own path (q.matching: a search's matches gathered once) gives the
    same chart, facets, pages (followed by cursor, one view per page) and ranked matches."""
    with q.matching(session, f) as view:
        spans = view.date_span_counts()
        assert Counter({(s, e): n for s, e, n in spans}) == Counter(
            (e.date_start, e.date_end) for e in expected
        ), f
        assert {r.code: r.count for r in view.region_counts()} == facets, f
        best = [e.id for e in view.best_matches(5)]
    assert best == [e.id for e in q.best_matches(session, f, 5)], f
    assert set(best) <= {e.id for e in expected}, f
    ids: list[int] = []
    while True:
        with q.matching(session, f) as view:
            page = view.event_page(40, view.date_span_counts())
        ids += [e.id for e in page.events]
        if page.next_after is None:
            break
        f = EventFilter.from_params({**f.to_params(), "after": page.next_after})
    assert ids == [e.id for e in expected], f


def page_through(
    session: Session, f: EventFilter, spans: list[tuple[date, date, int]] | None
) -> list[int]:
    """Every event, following the pages' cursors (small pages, so there are many)."""
    ids: list[int] = []
    while True:
        page = q.event_page(session, f, 40, spans)
        ids += [e.id for e in page.events]
        if page.next_after is None:
            return ids
        f = EventFilter.from_params({**f.to_params(), "after": page.next_after})


@pytest.fixture
def session(database_url: str) -> Session:
    generate(database_url, 600, seed=3)
    engine = make_engine(database_url)
    with make_session_factory(engine)() as session:
        yield session
    engine.dispose()


def test_counts_pages_and_facets_agree_with_the_events(session: Session) -> None:
    check_agreement(session)


def test_they_still_agree_after_corrections_deletions_and_new_links(session: Session) -> None:
    events = list(session.scalars(select(Event).order_by(Event.id).limit(40)))
    # Corrected dates (as review does), through the ORM.
    for event in events[:10]:
        event.date_start, event.date_end = date(2023, 3, 1), date(2023, 3, 31)
    # A region added to an event and one taken away.
    linked = {link.region_code for link in events[10].regions}
    added = next(code for code in ("UA-63", "UA-14", "UA-09") if code not in linked)
    events[10].regions.append(EventRegion(region_code=added))
    events[11].regions.clear()
    # An event deleted through the ORM, then one by a plain DELETE.
    session.delete(events[12])
    session.flush()
    session.execute(delete(Event).where(Event.id == events[13].id))
    # A whole article gone by SQL: its events and their links go by ON DELETE CASCADE.
    session.execute(delete(Article).where(Article.id == events[20].article_id))
    # Dates changed by a plain UPDATE on several rows at once.
    session.execute(
        update(Event)
        .where(Event.id.in_([e.id for e in events[30:35]]))
        .values(date_start=date(2022, 2, 24), date_end=date(2022, 2, 24))
    )
    session.commit()
    session.expire_all()
    check_agreement(session)


def test_page_window_bounds_the_dates_of_the_next_page() -> None:
    d = date
    spans = [(d(2022, 1, 1), d(2022, 12, 31), 2), (d(2022, 3, 1), d(2022, 3, 1), 3)]
    spans += [(d(2022, 3, 2), d(2022, 3, 8), 4), (d(2022, 3, 9), d(2022, 3, 9), 1)]
    assert q.page_window(spans, None, 4) == (d(2022, 1, 1), d(2022, 3, 1))  # 5 started by 1 Mar
    # Events on the cursor's own day may precede the cursor: they do not count towards a page.
    assert q.page_window(spans, d(2022, 3, 1), 3) == (d(2022, 3, 1), d(2022, 3, 2))
    assert q.page_window(spans, d(2022, 3, 1), 9) == (d(2022, 3, 1), d(2022, 3, 9))
    assert q.page_window(spans, d(2022, 3, 10), 3) is None
    assert q.page_window([], None, 3) is None


@pytest.mark.sqlite_only
def test_sqlite_count_tables_hold_no_stale_rows(session: Session) -> None:
    session.execute(delete(Article))  # every event and link goes by cascade
    session.commit()
    for table in ("timeline_span_counts", "timeline_region_span_counts"):
        assert session.scalar(text(f"SELECT count(*) FROM {table} WHERE n != 0")) == 0
    assert q.date_span_counts(session, EventFilter()) == []
    assert q.region_counts(session, EventFilter()) == []


SEARCH = EventFilter(q="drones", regions=("UA-63",), date_from=date(2023, 1, 1))


def view_of(session: Session, f: EventFilter) -> tuple[int, dict[str, int], list[int]]:
    with q.matching(session, f) as view:
        total = sum(n for _, _, n in view.date_span_counts())
        facets = {r.code: r.count for r in view.region_counts()}
        return total, facets, [e.id for e in view.event_page(500).events]


def test_searches_in_two_sessions_at_once_keep_their_own_matches(
    session: Session, database_url: str
) -> None:
    """Concurrent requests each have their session (and pooled connection): one view's
    gathered matches never show in another's, even while both are open."""
    other_filter = EventFilter(q="shelled", regions=("UA-14",))
    engine = make_engine(database_url)
    with make_session_factory(engine)() as other:
        with q.matching(session, SEARCH) as view, q.matching(other, other_filter) as other_view:
            mine = view.date_span_counts()
            theirs = other_view.date_span_counts()
            assert [e.id for e in view.event_page(500).events] == [
                e.id for e in truth(session, SEARCH)
            ]
            assert [e.id for e in other_view.event_page(500).events] == [
                e.id for e in truth(other, other_filter)
            ]
        assert sum(n for *_, n in mine) == len(truth(session, SEARCH)) > 0
        assert sum(n for *_, n in theirs) == len(truth(other, other_filter)) > 0
    engine.dispose()


def test_a_view_that_fails_midway_leaves_the_next_one_right(session: Session) -> None:
    expected = view_of(session, SEARCH)
    with pytest.raises(ZeroDivisionError), q.matching(session, SEARCH):
        _ = 1 / 0
    session.rollback()  # as the request's session does when the error ends it
    assert view_of(session, EventFilter(q="shelled")) != expected
    assert view_of(session, SEARCH) == expected


@pytest.mark.sqlite_only
def test_sqlite_search_view_releases_its_matches(session: Session) -> None:
    view_of(session, SEARCH)
    assert session.scalar(text("SELECT count(*) FROM temp.timeline_matches")) == 0
    with pytest.raises(RuntimeError), q.matching(session, SEARCH), q.matching(session, SEARCH):
        pass  # one connection holds one search's matches at a time


def test_an_event_longer_than_a_search_key_holds_still_counts(session: Session) -> None:
    """A span of 4,095 days or more does not fit a search key (search_key.py): a search reads
    its dates from events, for the chart and for a date range it ends in."""
    event = session.scalars(
        select(Event).where(Event.search_text.contains("drones")).order_by(Event.id)
    ).first()
    assert event is not None
    event.date_start, event.date_end = date(1991, 8, 24), date(2023, 1, 15)
    session.flush()
    check_agreement(session)
    within = EventFilter(q="drones", date_from=date(2023, 1, 10), date_to=date(2023, 1, 12))
    with q.matching(session, within) as view:
        assert (date(1991, 8, 24), date(2023, 1, 15), 1) in view.date_span_counts()


@pytest.mark.sqlite_only
def test_an_event_id_too_large_for_a_search_key_is_refused(session: Session) -> None:
    """The key holds 31 bits of the id; a larger id would corrupt its dates."""
    event = session.scalars(select(Event)).first()
    assert event is not None
    columns = "article_id, date_start, date_end, precision, date_value, evidence_start,"
    columns += " evidence_end, evidence_text, event_type, sub_event_type, summary, confidence,"
    columns += " reviewed, search_text"
    copy = f"INSERT INTO events (id, {columns}) SELECT 2147483648, {columns} FROM events"
    with pytest.raises(IntegrityError, match="too large for the search index"):
        session.execute(text(f"{copy} WHERE id = :id"), {"id": event.id})
