"""Sentence constructions that fresh articles showed the extractor missing, each in wordings of our own
in English, French and German (tests/data/event_constructions.json): relative clauses between a subject
and its verb, two happenings in one sentence, bases closed or handed over with no troop word, ..."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geo.events import extract_article, extract_corpus
from geo.models import Article, Event

from .conftest import ROOT

CASES = json.loads((ROOT / "tests" / "data" / "event_constructions.json").read_text(encoding="utf-8"))["cases"]


def _matches(event: Event, want: dict) -> bool:
    got = {
        "action": event.action,
        "actor": event.actor_country,
        "force": event.force,
        "country": event.location.place.country if event.location else None,
        "place": event.location.place.name if event.location else None,
        "destination": event.destination.place.country if event.destination else None,
        "troops": event.troops,
        "date": event.date,
    }
    return all(got[k] == v for k, v in want.items())


def _describe(events: list[Event]) -> list[tuple]:
    return [
        (
            e.action,
            e.actor_country,
            e.force,
            e.location.place.name if e.location else None,
            e.destination.place.name if e.destination else None,
            e.troops,
            e.date,
        )
        for e in events
    ]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_construction(case: dict) -> None:
    article = Article(
        id="t",
        text=case["text"],
        published=dt.date.fromisoformat(case.get("published", "2023-05-10")),
        language=case["lang"],
    )
    events = extract_corpus([article]) if case.get("corpus") else extract_article(article)  # corpus: merged across too
    for want in case["expect"]:
        assert any(_matches(e, want) for e in events), (want, _describe(events))
    for unwanted in case.get("not", []):
        assert not any(_matches(e, unwanted) for e in events), (unwanted, _describe(events))
    if "count" in case:
        assert len(events) == case["count"], _describe(events)
