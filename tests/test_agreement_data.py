"""The second readings that bench_agreement compares with the first gold: each one is about the same articles, in
the scorer's format, and quotes its evidence verbatim, so that the agreement figure measures readers, not typos."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.bench_agreement import SECOND_READINGS, as_predictions

DATA = Path(__file__).parent / "data"
ACTIONS = {"deployment", "withdrawal", "redeployment", "strike", "cooperation_ended"}
READINGS = sorted(SECOND_READINGS.glob("*.json"))


def test_there_are_second_readings() -> None:
    assert len(READINGS) >= 6


@pytest.mark.parametrize("reading", READINGS, ids=lambda p: p.stem)
def test_second_reading_matches_its_folder(reading: Path) -> None:
    folder = DATA / reading.stem
    first = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    second = json.loads(reading.read_text(encoding="utf-8"))
    articles = {p.stem: p.read_text(encoding="utf-8") for p in folder.glob("*.txt")}
    assert {e["article"] for e in second["events"]} <= set(articles)
    assert {e["article"] for e in second["events"] if e["required"]} == {e["article"] for e in first["events"]}
    for event in second["events"]:
        assert event["action"] in ACTIONS, event["id"]
        for part in event["evidence"].split(" ... "):
            assert part.strip() in articles[event["article"]], event["id"]
    rows = as_predictions(second)
    assert len(rows) == sum(e["required"] for e in second["events"])
    assert all(r["actor_country"] or r["force"] for r in rows)
