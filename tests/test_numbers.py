"""Troop counts: golden cases per language (tests/data/troop_counts.json) keep their words and value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.numbers import find_troop_counts, parse_number

CASES = json.loads((Path(__file__).parent / "data" / "troop_counts.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[f"{c['lang']}:{c['text'][:40]}" for c in CASES])
def test_golden_troop_count(case: dict) -> None:
    found = find_troop_counts(case["text"], case["lang"])
    if case["words"] is None:
        assert found == []
        return
    assert found, "no count found"
    first = found[0]
    assert first.text == case["words"]
    assert first.value == case["value"]
    assert case["text"][first.start : first.end] == first.text  # offsets point at the words


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("5,000", "en", 5000),
        ("2 400", "fr", 2400),
        ("2\u202f400", "fr", 2400),
        ("4.300", "de", 4300),
        ("1500", "en", 1500),
        ("deux cents", "fr", 200),
        ("zweihundert", "de", 200),
        ("5 thousand", "en", 5000),
        ("two thousand five hundred", "en", 2500),
        ("seventy-five", "en", 75),
        ("one hundred and twelve", "en", 112),
        ("two dozen", "en", 24),
        ("a thousand", "en", 1000),
        ("quatre-vingt-dix-neuf", "fr", 99),
        ("soixante et onze", "fr", 71),
        ("mille deux cents", "fr", 1200),
        ("un millier", "fr", 1000),
        ("zweitausendfünfhundert", "de", 2500),
        ("einundsiebzig", "de", 71),
        ("zwei Dutzend", "de", 24),
    ],
)
def test_number_conventions_of_each_language(text: str, lang: str, value: int) -> None:
    assert parse_number(text, lang) == value


def test_a_year_is_not_a_count_but_a_year_sized_count_is() -> None:
    assert find_troop_counts("In 2020 French troops arrived.", "en") == []
    assert [c.value for c in find_troop_counts("France sent 2000 troops.", "en")] == [2000]


def test_every_count_of_a_sentence_is_found_in_order() -> None:
    text = "Some 1,100 German soldiers were in Gao and about 300 remained after 12 people were killed."
    assert [c.value for c in find_troop_counts(text, "en")] == [1100]
    text = "Some 1,100 German soldiers and 300 French troops"
    assert [c.value for c in find_troop_counts(text, "en")] == [1100, 300]


@pytest.mark.parametrize(("text", "lang"), [("twenty soldiers", "en"), ("and", "en"), ("einige", "de"), ("de", "fr")])
def test_words_that_are_no_number_parse_to_none(text: str, lang: str) -> None:
    assert parse_number(text, lang) is None


@pytest.mark.parametrize(
    ("text", "lang", "peak"),
    [
        ("The task force, which at its peak counted some 900 soldiers, is leaving.", "en", True),
        ("The task force still counts some 900 soldiers.", "en", False),
        ("La force a compté jusqu'à 4 000 hommes au plus fort de l'opération.", "fr", True),
        ("Zeitweise waren mehr als 5.000 Soldaten im Einsatz.", "de", True),
        ("Derzeit sind 5.000 Soldaten im Einsatz. Zu Spitzenzeiten war es mehr.", "de", False),
    ],
)
def test_a_count_beside_a_peak_phrase_is_a_past_maximum(text: str, lang: str, peak: bool) -> None:
    assert [c.peak for c in find_troop_counts(text, lang)] == [peak]
