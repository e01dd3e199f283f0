"""Events over time, and an estimate of the troops present per force and host country.

The estimate is deliberately simple and says so: for each (force, host country) the latest number a
deployment reported is taken as the troops present, a withdrawal with a number lowers it (to zero when
the withdrawal is completed and gives none), a redeployment moves its number from one country to the
other. Between reports the last value holds. It is a reading of the press, not an official count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import pandas as pd

from .filters import event_interval
from .models import Event

__all__ = ["ESTIMATE_NOTE", "events_over_time", "troop_estimate"]

ESTIMATE_NOTE = (
    "Estimate: the latest troop number the articles report for a force in a country, lowered by the "
    "withdrawals they report and moved by redeployments; held between reports. A reading of the press, "
    "not an official count."
)


def _month(day: dt.date) -> pd.Timestamp:
    return pd.Timestamp(day.year, day.month, 1)


def events_over_time(events: Iterable[Event], *, by: str = "force") -> pd.DataFrame:
    """Monthly event counts: columns month, `by` (force or action), action, events; undated events left out."""
    rows = []
    for event in events:
        span = event_interval(event)
        if span is None:
            continue
        key = (event.force or "(no force named)") if by == "force" else event.action
        rows.append({"month": _month(span[0]), by: key, "action": event.action})
    if not rows:
        return pd.DataFrame(columns=["month", by, "action", "events"])
    frame = pd.DataFrame(rows)
    cols = ["month", by] if by == "action" else ["month", by, "action"]
    return frame.groupby(cols, as_index=False).size().rename(columns={"size": "events"})


def _who(event: Event) -> str:
    return event.force or event.actor_country or "(unnamed force)"


def troop_estimate(events: Sequence[Event], *, until: dt.date | None = None) -> pd.DataFrame:
    """Estimated troops present per month: columns month, force, country, troops (an estimate, see ESTIMATE_NOTE)."""
    changes: list[tuple[dt.date, str, str, str, int]] = []  # (day, force, country, op, number)
    for event in events:
        span = event_interval(event)
        if span is None or event.location is None:
            continue
        day, who = span[0], _who(event)
        origin = event.location.place.country
        if event.action == "deployment" and event.troops and origin:
            changes.append((day, who, origin, "set", event.troops))
        elif event.action == "withdrawal" and origin:
            if event.troops:
                changes.append((day, who, origin, "sub", event.troops))
            elif event.status == "completed":
                changes.append((day, who, origin, "set", 0))
        elif event.action == "redeployment" and event.troops:
            dest = event.destination.place.country if event.destination else None
            if origin:
                changes.append((day, who, origin, "sub", event.troops))
            if dest:
                changes.append((day, who, dest, "add", event.troops))
    if not changes:
        return pd.DataFrame(columns=["month", "force", "country", "troops"])
    changes.sort(key=lambda c: (c[0], c[3] != "set"))
    last_day = until or max(c[0] for c in changes)
    months = pd.date_range(_month(min(c[0] for c in changes)), _month(last_day), freq="MS")
    level: dict[tuple[str, str], int] = {}
    snapshots: list[dict[str, object]] = []
    i = 0
    for month in months:
        month_end = (month + pd.offsets.MonthEnd(0)).date()
        while i < len(changes) and changes[i][0] <= month_end:
            _, who, country, op, n = changes[i]
            key = (who, country)
            if op == "set":
                level[key] = n
            elif op == "add":
                level[key] = level.get(key, 0) + n
            else:
                level[key] = max(0, level.get(key, 0) - n)
            i += 1
        snapshots.extend(
            {"month": month, "force": who, "country": country, "troops": n} for (who, country), n in level.items()
        )
    return pd.DataFrame(snapshots, columns=["month", "force", "country", "troops"])
