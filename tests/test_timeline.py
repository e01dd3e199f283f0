"""Events over time and the troop estimate (set by deployments, lowered by withdrawals, moved by redeployments)."""

from __future__ import annotations

import pandas as pd

from geo.models import Event, Place, PlaceMention
from geo.timeline import ESTIMATE_NOTE, events_over_time, troop_estimate


def _pm(name: str, country: str) -> PlaceMention:
    return PlaceMention("a", 0, 1, name, Place(name, 15.0, 0.0, country, "city"))


def _ev(action: str, date: str, troops: int | None, where: str = "ML", dest: str | None = None, status="ongoing"):
    return Event(
        f"{action}-{date}",
        ("a",),
        action,
        status,
        "Barkhane",
        "FR",
        _pm("X", where),
        destination=_pm("Y", dest) if dest else None,
        troops=troops,
        date=date,
    )


def _at(frame: pd.DataFrame, month: str, country: str) -> int:
    row = frame[(frame["month"] == pd.Timestamp(month)) & (frame["country"] == country)]
    return int(row["troops"].iloc[0]) if len(row) else 0


def test_troop_estimate_follows_reports() -> None:
    events = [
        _ev("deployment", "2021-01-10", 5100),
        _ev("withdrawal", "2021-06", 2000),
        _ev("redeployment", "2022-02-17", 1000, dest="NE"),
        _ev("withdrawal", "2022-08-15", None, status="completed"),
    ]
    est = troop_estimate(events)
    assert _at(est, "2021-01-01", "ML") == 5100
    assert _at(est, "2021-05-01", "ML") == 5100  # held between reports
    assert _at(est, "2021-06-01", "ML") == 3100
    assert _at(est, "2022-02-01", "ML") == 2100
    assert _at(est, "2022-02-01", "NE") == 1000
    assert _at(est, "2022-08-01", "ML") == 0
    assert "estimate" in ESTIMATE_NOTE.lower()


def test_events_over_time_counts_by_month_and_skips_undated() -> None:
    events = [_ev("deployment", "2021-01-10", 1), _ev("strike", "2021-01", None), _ev("strike", None, None)]
    frame = events_over_time(events, by="action")
    assert frame["events"].sum() == 2
    assert set(frame["action"]) == {"deployment", "strike"}
    assert troop_estimate([]).empty and events_over_time([]).empty
