"""The timeline filters as API query parameters, declared once for every endpoint that filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Query

from app.query.filters import EventFilter, FilterError


def event_filter(
    region: Annotated[
        list[str] | None, Query(description="ISO 3166 code(s), repeated or comma-separated.")
    ] = None,
    from_: str = Query("", alias="from", description="First day: 2022, 2022-06 or 2022-06-25."),
    to: str = Query("", description="Last day: 2022, 2022-06 or 2022-06-25."),
    q_: str = Query("", alias="q", description="Words to search in evidence and titles."),
    type_: str = Query("", alias="type", description="Event type, e.g. Battles."),
    source: str = Query("", description="Article source."),
    after: str = Query("", description="Cursor from the previous page's `next`."),
) -> EventFilter:
    """The EventFilter the page would build from the same URL; 400 when a value is unusable."""
    params = {"region": region or [], "from": from_, "to": to, "q": q_, "type": type_}
    params.update({"source": source, "after": after})
    try:
        return EventFilter.from_params(params)
    except FilterError as error:
        raise HTTPException(400, str(error)) from error


EventFilterDep = Annotated[EventFilter, Depends(event_filter)]
