"""EventFilter: the timeline's filters, parsed from and written back to URL parameters."""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlencode

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_REGION_CODE = re.compile(r"^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$")
_CURSOR = re.compile(r"^(\d{4}-\d{2}-\d{2})_(\d+)$")
MAX_QUERY_CHARS = 200


class FilterError(ValueError):
    """A filter value the user can correct; the message says how."""


@dataclass(frozen=True)
class EventFilter:
    """What the timeline shows: regions, a date range, a text query, a type and a source."""

    regions: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    event_type: str = ""
    source: str = ""
    after: tuple[date, int] | None = field(default=None, compare=False)

    @classmethod
    def from_params(cls, params: Mapping[str, str | Sequence[str]]) -> EventFilter:
        """Build from query parameters (`region` may repeat or be comma-separated).

        >>> EventFilter.from_params({"region": "UA-09,UA-14", "from": "2022-06"}).date_from
        datetime.date(2022, 6, 1)
        """
        regions = _regions(params.get("region", ()))
        date_from = parse_partial_date(_one(params, "from"), end=False, name="from")
        date_to = parse_partial_date(_one(params, "to"), end=True, name="to")
        if date_from and date_to and date_from > date_to:
            raise FilterError("The 'from' date is after the 'to' date.")
        q = " ".join(_one(params, "q").split())[:MAX_QUERY_CHARS]
        return cls(
            regions=regions,
            date_from=date_from,
            date_to=date_to,
            q=q,
            event_type=_one(params, "type")[:64],
            source=_one(params, "source")[:200],
            after=_cursor(_one(params, "after")),
        )

    def to_params(self, **overrides: object) -> dict[str, str]:
        """URL parameters for this filter, with fields replaced by `overrides`."""
        f = replace(self, **overrides) if overrides else self  # type: ignore[arg-type]
        params: dict[str, str] = {}
        if f.regions:
            params["region"] = ",".join(f.regions)
        if f.date_from:
            params["from"] = f.date_from.isoformat()
        if f.date_to:
            params["to"] = f.date_to.isoformat()
        for key, value in (("q", f.q), ("type", f.event_type), ("source", f.source)):
            if value:
                params[key] = value
        if f.after:
            params["after"] = f"{f.after[0].isoformat()}_{f.after[1]}"
        return params

    def query_string(self, **overrides: object) -> str:
        return urlencode(self.to_params(**overrides))

    def without_region(self, code: str) -> str:
        return self.query_string(regions=tuple(r for r in self.regions if r != code), after=None)

    def with_region(self, code: str) -> str:
        return self.query_string(regions=tuple(dict.fromkeys((*self.regions, code))), after=None)

    @property
    def active(self) -> bool:
        return bool(
            self.regions
            or self.date_from
            or self.date_to
            or self.q
            or self.event_type
            or self.source
        )

    def describe(self, region_names: Mapping[str, str]) -> str:
        """The filter in words: 'in Luhansk Oblast, from 1 Jun 2022, matching "missile"'."""
        parts = []
        if self.regions:
            parts.append("in " + " or ".join(region_names.get(c, c) for c in self.regions))
        if self.date_from:
            parts.append(f"from {self.date_from:%-d %b %Y}")
        if self.date_to:
            parts.append(f"to {self.date_to:%-d %b %Y}")
        if self.event_type:
            parts.append(f"of type {self.event_type}")
        if self.source:
            parts.append(f"from source {self.source}")
        if self.q:
            parts.append(f"matching “{self.q}”")
        return ", ".join(parts) if parts else "all events"


def _one(params: Mapping[str, str | Sequence[str]], key: str) -> str:
    value = params.get(key, "")
    if not isinstance(value, str):
        value = value[-1] if value else ""
    return value.strip()


def _regions(raw: str | Sequence[str]) -> tuple[str, ...]:
    values = [raw] if isinstance(raw, str) else list(raw)
    codes = [c.strip().upper() for v in values for c in v.split(",") if c.strip()]
    for code in codes:
        if not _REGION_CODE.match(code):
            raise FilterError(f"{code!r} is not a region code (ISO 3166, e.g. UA-09 or UA).")
    return tuple(dict.fromkeys(codes))


def parse_partial_date(value: str, *, end: bool, name: str) -> date | None:
    """'2022', '2022-06' or '2022-06-25' → the first (or, with end=True, last) day it covers."""
    if not value:
        return None
    match = _PARTIAL_DATE.match(value)
    if not match:
        raise FilterError(f"'{name}' must look like 2022, 2022-06 or 2022-06-25, not {value!r}.")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if month is None:
            return date(year, 12, 31) if end else date(year, 1, 1)
        m = int(month)
        if day is None:
            return date(year, m, calendar.monthrange(year, m)[1] if end else 1)
        return date(year, m, int(day))
    except ValueError as error:
        raise FilterError(f"'{name}' is not a real date: {value!r}.") from error


def _cursor(value: str) -> tuple[date, int] | None:
    if not value:
        return None
    match = _CURSOR.match(value)
    if not match:
        raise FilterError("The page link is malformed; go back to the first page.")
    try:
        return date.fromisoformat(match[1]), int(match[2])
    except ValueError as error:
        raise FilterError("The page link is malformed; go back to the first page.") from error
