"""The dashboard's filter state and its URL form, so that a copied link reopens the same view.

Query parameters: `force`, `actor`, `country`, `action`, `status`, `from`, `to`. A parameter may be
repeated or hold comma-separated values; dates are `YYYY-MM-DD`. Whatever cannot be understood is
dropped with a notice for the user, never an error: a shared link always opens.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from urllib.parse import urlencode

from .models import ACTIONS, STATUSES, Event

__all__ = [
    "FACETS",
    "FILTER_KEYS",
    "Filters",
    "apply",
    "event_interval",
    "facet_counts",
    "facet_values",
    "parse_params",
    "query_string",
    "registry_forces",
    "without",
]

FILTER_KEYS = ("force", "actor", "country", "action", "status", "from", "to")
# facet -> (parameter name, Filters field)
FACETS = {
    "force": "forces",
    "actor": "actors",
    "country": "countries",
    "action": "actions",
    "status": "statuses",
}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[A-Za-z]{2}$")
MAX_VALUE_LEN = 80
MAX_VALUES = 50


@dataclass(frozen=True, slots=True)
class Filters:
    """What the user chose; an empty tuple or None means "any"."""

    forces: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def is_empty(self) -> bool:
        return self == Filters()

    def to_params(self) -> dict[str, str]:
        """The URL form: one comma-separated value per parameter, empty ones left out."""
        out: dict[str, str] = {}
        for key, attr in FACETS.items():
            values = getattr(self, attr)
            if values:
                out[key] = ",".join(values)
        if self.date_from:
            out["from"] = self.date_from.isoformat()
        if self.date_to:
            out["to"] = self.date_to.isoformat()
        return out

    def matches(self, event: Event) -> bool:
        return _matches(self, event, skip=None)


def query_string(filters: Filters) -> str:
    """`?force=Takuba&from=2022-01-01` (commas kept readable), or "" for no filter."""
    params = filters.to_params()
    return "?" + urlencode(params, safe=",") if params else ""


def _values(raw: str | Sequence[str] | None) -> list[str]:
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    out: list[str] = []
    for item in items:
        out.extend(v.strip() for v in str(item).split(","))
    return [v for v in out if v]


def _date(value: str) -> dt.date | None:
    if not _DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _short(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."


def parse_params(
    params: Mapping[str, str | Sequence[str]],
    *,
    known_forces: Iterable[str] | None = None,
) -> tuple[Filters, list[str]]:
    """Filters from query parameters, and a notice for every value that was ignored.

    Forces are matched case-insensitively to `known_forces` (their canonical spelling wins) when given;
    countries must be ISO 3166-1 alpha-2 codes (or EU/UN for actors); actions and statuses are those of
    SCHEMA.md. Unknown parameters are ignored with a notice too.
    """
    notices: list[str] = []
    forces_by_fold = {f.casefold(): f for f in known_forces if f} if known_forces is not None else None
    chosen: dict[str, list[str]] = {attr: [] for attr in FACETS.values()}

    for key in params:
        if key not in FILTER_KEYS:
            notices.append(f"Unknown link parameter “{_short(key)}” ignored.")

    for key, attr in FACETS.items():
        values = _values(params.get(key))
        if len(values) > MAX_VALUES:
            notices.append(f"Only the first {MAX_VALUES} values of “{key}” were used.")
            values = values[:MAX_VALUES]
        for value in values:
            accepted = _accept(key, value, forces_by_fold)
            if accepted is None:
                notices.append(f"Unknown {key} “{_short(value)}” ignored.")
            elif accepted not in chosen[attr]:
                chosen[attr].append(accepted)

    dates: dict[str, dt.date | None] = {}
    for key in ("from", "to"):
        values = _values(params.get(key))
        dates[key] = None
        if not values:
            continue
        if len(values) > 1:
            notices.append(f"Several “{key}” dates given; the first was used.")
        parsed = _date(values[0])
        if parsed is None:
            notices.append(f"Date “{key}={_short(values[0])}” is not a YYYY-MM-DD date; ignored.")
        dates[key] = parsed
    date_from, date_to = dates["from"], dates["to"]
    if date_from and date_to and date_from > date_to:
        notices.append(f"“from” ({date_from}) was after “to” ({date_to}); the two were swapped.")
        date_from, date_to = date_to, date_from

    filters = Filters(
        forces=tuple(chosen["forces"]),
        actors=tuple(chosen["actors"]),
        countries=tuple(chosen["countries"]),
        actions=tuple(chosen["actions"]),
        statuses=tuple(chosen["statuses"]),
        date_from=date_from,
        date_to=date_to,
    )
    return filters, notices


def registry_forces() -> list[str]:
    """The canonical force names of the registry, so a link to a force with no event yet is no error."""
    from geo.forces import load_forces

    try:
        return [force.name for force in load_forces()]
    except (OSError, ValueError, KeyError):
        return []


def _accept(key: str, value: str, forces_by_fold: Mapping[str, str] | None) -> str | None:
    if len(value) > MAX_VALUE_LEN or not value.isprintable():
        return None
    if key == "force":
        if forces_by_fold is None:
            return value
        return forces_by_fold.get(value.casefold())
    if key in ("actor", "country"):
        code = value.upper()
        if not _CODE.match(code):
            return None
        if code in ("EU", "UN"):
            return code if key == "actor" else None
        return code if _is_country(code) else None
    allowed = ACTIONS if key == "action" else STATUSES
    low = value.lower()
    return low if low in allowed else None


def _is_country(code: str) -> bool:
    import pycountry

    return pycountry.countries.get(alpha_2=code) is not None or code == "XK"


# ---------------------------------------------------------------------------------------------- matching


def event_interval(event: Event) -> tuple[dt.date, dt.date] | None:
    """The days an event's date covers: "2022" is the whole year, "2022-08" the month; None if undated."""
    date = event.date or ""
    try:
        if len(date) == 10:
            day = dt.date.fromisoformat(date)
            return day, day
        if len(date) == 7:
            year, month = int(date[:4]), int(date[5:7])
            start = dt.date(year, month, 1)
            end = dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)
            return start, end
        if len(date) == 4:
            year = int(date)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None


def _host_countries(event: Event) -> set[str]:
    return {m.place.country for m in (event.location, event.destination) if m is not None and m.place.country}


def _facet_value(event: Event, facet: str) -> set[str]:
    if facet == "force":
        return {event.force} if event.force else set()
    if facet == "actor":
        return {event.actor_country} if event.actor_country else set()
    if facet == "country":
        return _host_countries(event)
    if facet == "action":
        return {event.action}
    return {event.status}


def _matches(filters: Filters, event: Event, *, skip: str | None) -> bool:
    for facet, attr in FACETS.items():
        wanted = getattr(filters, attr)
        if skip != "facets" and facet != skip and wanted and not (_facet_value(event, facet) & set(wanted)):
            return False
    if skip != "date" and (filters.date_from or filters.date_to):
        span = event_interval(event)
        if span is None:
            return False
        if filters.date_from and span[1] < filters.date_from:
            return False
        if filters.date_to and span[0] > filters.date_to:
            return False
    return True


def apply(events: Iterable[Event], filters: Filters) -> list[Event]:
    """The events that pass every filter (undated events drop out once a date bound is set)."""
    if filters.is_empty():
        return list(events)
    return [e for e in events if _matches(filters, e, skip=None)]


def facet_values(events: Iterable[Event]) -> dict[str, list[str]]:
    """Every value each facet takes in the events, sorted (actions and statuses in SCHEMA order)."""
    seen: dict[str, set[str]] = {facet: set() for facet in FACETS}
    for event in events:
        for facet in FACETS:
            seen[facet] |= _facet_value(event, facet)
    out = {facet: sorted(values, key=str.casefold) for facet, values in seen.items()}
    out["action"] = [a for a in ACTIONS if a in seen["action"]] + sorted(seen["action"] - set(ACTIONS))
    out["status"] = [s for s in STATUSES if s in seen["status"]] + sorted(seen["status"] - set(STATUSES))
    return out


def facet_counts(events: Sequence[Event], filters: Filters) -> dict[str, Counter[str]]:
    """For each facet, how many events each value would give with the other filters unchanged."""
    counts: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
    wanted = {facet: set(getattr(filters, attr)) for facet, attr in FACETS.items()}
    dated = bool(filters.date_from or filters.date_to)
    for event in events:
        # One pass per event: its values, and the filters it fails. It counts for a facet when it fails
        # no filter, or only that facet's own (the other filters unchanged).
        values = {facet: _facet_value(event, facet) for facet in FACETS}
        failed = [facet for facet in FACETS if wanted[facet] and not (values[facet] & wanted[facet])]
        if len(failed) > 1 or (dated and not _matches(filters, event, skip="facets")):
            continue
        for facet in failed or FACETS:
            counts[facet].update(values[facet])
    return counts


def without(filters: Filters, *names: str) -> Filters:
    """A copy with some fields cleared (used by the sidebar's per-facet reset)."""
    valid = {f.name for f in fields(Filters)}
    return replace(filters, **{n: (None if n.startswith("date") else ()) for n in names if n in valid})
