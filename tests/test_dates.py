"""Dates resolved against the publication date, with their precision, in the three languages."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from geo.dates import find_dates, in_future_tense, parse_with_dateparser

MON_14_NOV = dt.date(2022, 11, 14)
TUE_15_NOV = dt.date(2022, 11, 15)
TUE_3_MAY = dt.date(2022, 5, 3)


@pytest.mark.parametrize(
    ("text", "lang", "published", "words", "date", "precision"),
    [
        ("announced on Monday the withdrawal", "en", TUE_15_NOV, "Monday", "2022-11-14", "day"),
        (
            "announced on Monday, November 14, the withdrawal",
            "en",
            MON_14_NOV,
            "Monday, November 14",
            "2022-11-14",
            "day",
        ),
        ("announced in February their withdrawal", "en", MON_14_NOV, "February", "2022-02", "month"),
        ("left Mali this summer", "en", MON_14_NOV, "this summer", "2022-07", "season"),
        ("had been announced last year", "en", MON_14_NOV, "last year", "2021", "year"),
        ("present since the end of 2020", "en", MON_14_NOV, "since the end of 2020", "2020-12", "month"),
        ("due to leave within the next six months", "en", MON_14_NOV, "within the next six months", "2023-05", "month"),
        ("based there for the past nine years", "en", dt.date(2022, 2, 17), "for the past nine years", "2013", "year"),
        ("an airstrike in January 2021", "en", MON_14_NOV, "January 2021", "2021-01", "month"),
        ("the decision last June", "en", TUE_3_MAY, "last June", "2021-06", "month"),
        ("In May last year, the army", "en", TUE_3_MAY, "May last year", "2021-05", "month"),
        ("Le Royaume-Uni a annoncé hier lundi", "fr", TUE_15_NOV, "hier lundi", "2022-11-14", "day"),
        ("présents depuis la fin 2020", "fr", TUE_15_NOV, "depuis la fin 2020", "2020-12", "month"),
        (
            "quitter le pays dans les six prochains mois",
            "fr",
            TUE_15_NOV,
            "dans les six prochains mois",
            "2023-05",
            "month",
        ),
        ("ont quitté le Mali cet été", "fr", TUE_15_NOV, "cet été", "2022-07", "season"),
        ("la junte a annoncé mardi 3 mai", "fr", dt.date(2022, 5, 10), "mardi 3 mai", "2022-05-03", "day"),
        ("l'an dernier", "fr", TUE_15_NOV, "l'an dernier", "2021", "year"),
        ("il y a deux ans", "fr", TUE_15_NOV, "il y a deux ans", "2020", "year"),
        ("die Junta teilte am Dienstagabend mit", "de", TUE_3_MAY, "Dienstagabend", "2022-05-03", "day"),
        ("seit 2013 im Einsatz", "de", TUE_3_MAY, "seit 2013", "2013", "year"),
        ("im vergangenen Jahr", "de", TUE_3_MAY, "im vergangenen Jahr", "2021", "year"),
        ("bis Ende 2020", "de", TUE_3_MAY, "Ende 2020", "2020-12", "month"),
        ("am 3. Mai 2023", "de", TUE_3_MAY, "3. Mai 2023", "2023-05-03", "day"),
        ("innerhalb von sechs Monaten", "de", TUE_3_MAY, "innerhalb von sechs Monaten", "2022-11", "month"),
    ],
)
def test_date_phrase_resolves_against_publication(text, lang, published, words, date, precision) -> None:
    found = find_dates(text, lang, published)
    assert found, f"no date in {text!r}"
    first = found[0]
    assert (first.text, first.date, first.precision) == (words, date, precision)
    assert text[first.start : first.end] == first.text


def test_a_plan_reads_a_weekday_forward() -> None:
    thursday = dt.date(2022, 2, 17)
    past = find_dates("the summit opened on Monday", "en", thursday)[0]
    future = find_dates("the summit will open on Monday", "en", thursday, future=True)[0]
    assert past.date == "2022-02-14"
    assert future.date == "2022-02-21"


def test_may_the_verb_is_not_may_the_month() -> None:
    assert find_dates("You may go now.", "en", MON_14_NOV) == []
    assert find_dates("They left in May.", "en", MON_14_NOV)[0].date == "2022-05"


def test_relative_dates_need_a_publication_date_but_absolute_ones_do_not() -> None:
    assert find_dates("on Monday", "en", None) == []
    assert find_dates("on 14 November 2022", "en", None)[0].date == "2022-11-14"


def test_since_and_until_are_told_apart_from_points() -> None:
    kinds = [d.kind for d in find_dates("since 2020, within six months, in March", "en", MON_14_NOV)]
    assert kinds == ["since", "until", "point"]


def test_numeric_dates_go_through_dateparser() -> None:
    assert find_dates("on 14/11/2022", "en", MON_14_NOV)[0].date == "2022-11-14"
    assert find_dates("am 14.11.2022", "de", MON_14_NOV)[0].date == "2022-11-14"
    assert parse_with_dateparser("2022-11-14", "fr", None) == dt.date(2022, 11, 14)


GOLDEN = json.loads((Path(__file__).parent / "data" / "date_phrases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", GOLDEN["cases"], ids=[f"{c['lang']}:{c['text'][:40]}" for c in GOLDEN["cases"]])
def test_golden_date_phrase(case: dict) -> None:
    published = dt.date.fromisoformat(case["published"])
    found = find_dates(case["text"], case["lang"], published, future=case["future"])
    assert found, f"no date in {case['text']!r}"
    first = found[0]
    assert (first.text, first.date, first.precision) == (case["words"], case["date"], case["precision"])
    assert case["text"][first.start : first.end] == first.text


@pytest.mark.parametrize("case", GOLDEN["none"], ids=[c["text"][:40] for c in GOLDEN["none"]])
def test_no_date_phrase(case: dict) -> None:
    assert find_dates(case["text"], case["lang"], dt.date.fromisoformat(case["published"])) == []


@pytest.mark.parametrize(
    ("text", "lang", "words", "date", "precision"),
    [
        ("Three days later the convoy reached Gao.", "en", "Three days later", "2023-03-05", "day"),
        ("A month earlier the talks had failed.", "en", "A month earlier", "2023-02", "month"),
        ("Months later the camp was empty.", "en", "Months later", "2023-06", "month"),
        ("Deux semaines plus tard, la base était vide.", "fr", "Deux semaines plus tard", "2023-03-16", "day"),
        ("La veille, un convoi avait été attaqué.", "fr", "La veille", "2023-03-01", "day"),
        ("Zwei Tage zuvor war der Konvoi angegriffen worden.", "de", "Zwei Tage zuvor", "2023-02-28", "day"),
        ("Im Monat darauf wurde das Lager geräumt.", "de", "Im Monat darauf", "2023-04", "month"),
        ("At the time, the garrison counted 300 men.", "en", "At the time", "2023-03-02", "day"),
        ("À l'époque, la garnison comptait 300 hommes.", "fr", "À l'époque", "2023-03-02", "day"),
        ("Damals zählte die Garnison 300 Mann.", "de", "Damals", "2023-03-02", "day"),
    ],
)
def test_phrases_that_count_from_the_date_named_before(text, lang, words, date, precision) -> None:
    named_before = (dt.date(2023, 3, 2), "day")
    found = find_dates(text, lang, dt.date(2023, 11, 20), previous=named_before)
    assert [(d.text, d.date, d.precision) for d in found] == [(words, date, precision)]
    assert find_dates(text, lang, dt.date(2023, 11, 20)) == []  # with no date named before, none


def test_a_month_named_before_keeps_a_later_day_as_precise_as_a_month() -> None:
    found = find_dates("two days later", "en", dt.date(2023, 11, 20), previous=(dt.date(2023, 3, 1), "month"))
    assert [(d.date, d.precision) for d in found] == [("2023-03", "month")]


@pytest.mark.parametrize(
    ("text", "lang"), [("over the weekend", "en"), ("le week-end dernier", "fr"), ("am Wochenende", "de")]
)
def test_the_weekend_is_its_saturday(text: str, lang: str) -> None:
    assert find_dates(text, lang, dt.date(2023, 11, 22))[0].date == "2023-11-18"


@pytest.mark.parametrize(
    ("words", "lang", "future"),
    [
        ("soldats quitteront", "fr", True),
        ("le contingent partira", "fr", True),
        ("sera retiré", "fr", True),
        ("il retira", "fr", False),
        ("ont quitté", "fr", False),
        ("will leave", "en", True),
        ("left", "en", False),
        ("werden verlassen", "de", True),
        ("verließen", "de", False),
    ],
)
def test_a_verb_in_the_future_reads_its_dates_forward(words: str, lang: str, future: bool) -> None:
    assert in_future_tense(words, lang) is future
