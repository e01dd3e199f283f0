"""Filter state <-> link: repeated and comma-separated values, notices for what cannot be used, matching."""

from __future__ import annotations

import datetime as dt

from bench.synthetic import synthetic_events
from geo.filters import Filters, apply, event_interval, facet_counts, parse_params, query_string
from geo.models import Event

FORCES = ["Barkhane", "Takuba", "MINUSMA"]


def test_repeated_and_comma_separated_values_are_read() -> None:
    filters, notices = parse_params(
        {"force": ["takuba", "Barkhane,MINUSMA"], "action": "withdrawal"}, known_forces=FORCES
    )
    assert filters.forces == ("Takuba", "Barkhane", "MINUSMA")
    assert filters.actions == ("withdrawal",)
    assert notices == []


def test_unknown_and_malformed_values_are_ignored_with_a_notice() -> None:
    params = {
        "force": "Nope,Takuba",
        "actor": "fr,XX,France",
        "country": "ml,EU",
        "action": "invade",
        "status": "ONGOING",
        "from": "2022-13-01",
        "to": "yesterday",
        "zoom": "7",
    }
    filters, notices = parse_params(params, known_forces=FORCES)
    assert filters == Filters(forces=("Takuba",), actors=("FR",), countries=("ML",), statuses=("ongoing",))
    text = " ".join(notices)
    for bad in ("Nope", "XX", "France", "EU", "invade", "2022-13-01", "yesterday", "zoom"):
        assert bad in text


def test_dates_in_the_wrong_order_are_swapped() -> None:
    filters, notices = parse_params({"from": "2022-12-31", "to": "2022-01-01"})
    assert (filters.date_from, filters.date_to) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert any("swapped" in n for n in notices)


def test_link_round_trip() -> None:
    filters = Filters(forces=("Takuba", "EUTM Mali"), actions=("withdrawal",), date_from=dt.date(2022, 1, 1))
    assert query_string(filters) == "?force=Takuba,EUTM+Mali&action=withdrawal&from=2022-01-01"
    assert parse_params(filters.to_params(), known_forces=["Takuba", "EUTM Mali"]) == (filters, [])
    assert query_string(Filters()) == ""


def test_hostile_values_never_raise() -> None:
    for value in ["", ",,,", "\x00", "<script>", "a" * 10_000, "2022-02-30", ["x"] * 500]:
        filters, _ = parse_params({k: value for k in ("force", "actor", "country", "action", "from", "to")})
        assert isinstance(filters, Filters)


def _dated(date: str | None) -> Event:
    return Event("e", ("a",), "deployment", "ongoing", "Barkhane", "FR", None, date=date)


def test_a_month_or_year_date_overlaps_a_range() -> None:
    assert event_interval(_dated("2022-02")) == (dt.date(2022, 2, 1), dt.date(2022, 2, 28))
    assert event_interval(_dated("2022")) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert event_interval(_dated(None)) is None
    window = Filters(date_from=dt.date(2022, 2, 15), date_to=dt.date(2022, 3, 1))
    kept = apply([_dated("2022-02"), _dated("2022"), _dated("2021-12-31"), _dated(None), _dated("2022-03-02")], window)
    assert [e.date for e in kept] == ["2022-02", "2022"]


def test_filters_and_counts_on_synthetic_events() -> None:
    events = synthetic_events(400)
    takuba = apply(events, Filters(forces=("Takuba",)))
    assert 0 < len(takuba) < len(events)
    assert all(e.force == "Takuba" for e in takuba)
    counts = facet_counts(events, Filters(forces=("Takuba",), actions=("withdrawal",)))
    # the force facet ignores its own filter, so every force keeps a count; other facets narrow
    assert counts["force"]["Barkhane"] == sum(1 for e in events if e.force == "Barkhane" and e.action == "withdrawal")
    assert counts["action"]["deployment"] == sum(1 for e in takuba if e.action == "deployment")
    host = apply(events, Filters(countries=("NE",)))
    assert host and all("NE" in {e.location.place.country, e.destination and e.destination.place.country} for e in host)
