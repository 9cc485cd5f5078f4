"""Regions as the timeline uses them: names, the hierarchy a region filter expands through, and
named per-region counts for the facets and the map."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import Region


@dataclass(frozen=True)
class RegionCount:
    code: str
    name: str
    parent_code: str | None
    count: int


def region_names(session: Session) -> dict[str, str]:
    return {code: name for code, name in session.execute(select(Region.code, Region.name))}


def region_children(session: Session) -> dict[str | None, list[str]]:
    """parent → child codes, read once per session (a page asks for it several times)."""
    cached: dict[str | None, list[str]] | None = session.info.get("region_children")
    if cached is None:
        cached = {}
        for code, parent in session.execute(select(Region.code, Region.parent_code)):
            cached.setdefault(parent, []).append(code)
        session.info["region_children"] = cached
    return cached


def expand_regions(session: Session, codes: Sequence[str]) -> list[str]:
    """The codes with all their descendants: filtering by UA includes every oblast of Ukraine."""
    children = region_children(session)
    result: list[str] = []
    stack = list(codes)
    while stack:
        code = stack.pop()
        if code not in result:
            result.append(code)
            stack.extend(children.get(code, ()))
    return result


_REGION_ROWS = select(Region.code, Region.name, Region.parent_code)


def named_counts(session: Session, totals: Sequence[tuple[str, int]]) -> list[RegionCount]:
    """Region totals with their names and parents, most events first."""
    regions = {code: (name, parent) for code, name, parent in session.execute(_REGION_ROWS)}
    named = [RegionCount(code, *regions.get(code, (code, None)), count) for code, count in totals]
    return sorted(named, key=lambda r: (-r.count, r.name))
