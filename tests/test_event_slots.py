"""Which troop count and which date an event takes, in the three languages: numbers written out,
the part of a count that moves, a count that is the subject of two verbs, a month's part, the date
that opens a "when" clause, and a date held by a cue that made no event."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events import extract_article
from geo.models import Article

MON_20_MAY = dt.date(2024, 5, 20)


def _events(text: str, lang: str) -> list[tuple[str, str | None, int | None, str | None, str | None]]:
    found = extract_article(Article("x", text, MON_20_MAY, lang))
    return [(e.action, e.actor_country, e.troops, e.date, e.date_text) for e in found]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Portugal sent two hundred and fifty paratroopers to Bangui.", "en"),
        ("Le Portugal a envoyé deux cent cinquante parachutistes à Bangui.", "fr"),
        ("Portugal schickte zweihundertfünfzig Fallschirmjäger nach Bangui.", "de"),
    ],
)
def test_a_number_written_out_is_read_whole(text: str, lang: str) -> None:
    assert [e[2] for e in _events(text, lang)] == [250]


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("Italy announced on Friday the withdrawal of 300 of its 900 soldiers from Niger.", "en", "Friday"),
        ("L'Italie a annoncé vendredi le retrait de 300 de ses 900 soldats du Niger.", "fr", "vendredi"),
        ("Italien kündigte am Freitag den Abzug von 300 seiner 900 Soldaten aus Niger an.", "de", "Freitag"),
    ],
)
def test_the_part_that_moves_is_the_count_not_the_whole(text: str, lang: str, day: str) -> None:
    assert _events(text, lang) == [("withdrawal", "IT", 300, "2024-05-17", day)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The roughly 90 Swedish soldiers stationed in Timbuktu will be moved to Gao.", "en"),
        ("Les quelque 90 soldats suédois stationnés à Tombouctou seront transférés à Gao.", "fr"),
    ],
)
def test_a_count_that_is_the_subject_of_two_verbs_counts_for_both(text: str, lang: str) -> None:
    events = _events(text, lang)
    assert "redeployment" in {e[0] for e in events}
    assert all(e[2] == 90 for e in events)


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("The last Belgian soldiers left Gao in mid-April.", "en", "mid-April"),
        ("Les derniers soldats belges ont quitté Gao mi-avril.", "fr", "mi-avril"),
        ("Die letzten belgischen Soldaten verließen Gao Mitte April.", "de", "Mitte April"),
    ],
)
def test_a_part_of_a_month_dates_the_event_to_that_month(text: str, lang: str, words: str) -> None:
    assert _events(text, lang) == [("withdrawal", "BE", None, "2024-04", words)]


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        (
            "It started in February, when the junta that seized power last October expelled the Danish troops "
            "from Mali.",
            "en",
            "February",
        ),
        (
            "Tout a basculé en février, lorsque la junte installée au pouvoir en octobre dernier a expulsé les "
            "forces spéciales danoises du Mali.",
            "fr",
            "février",
        ),
        (
            "Die Wende kam im Februar, als die im vergangenen Oktober an die Macht gekommene Junta die dänischen "
            "Spezialkräfte zum Abzug aus Mali aufforderte.",
            "de",
            "Februar",
        ),
    ],
)
def test_the_date_before_when_dates_the_clause_not_a_date_of_a_relative_clause_inside(
    text: str, lang: str, words: str
) -> None:
    assert _events(text, lang) == [("withdrawal", "DK", None, "2024-02", words)]


def test_a_date_held_by_a_cue_that_made_no_event_goes_to_the_cue_that_did() -> None:
    text = (
        "The Spanish helicopter detachment that had flown medical evacuation flights out of Gao was brought "
        "home in March, the ministry in Madrid said."
    )
    assert _events(text, "en") == [("withdrawal", "ES", None, "2024-03", "March")]


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        (
            "Rebels attacked the base at Tessalit on 2 May. The next day, Chadian peacekeepers withdrew from Tessalit.",
            "en",
            "The next day",
        ),
        (
            "Les rebelles ont attaqué la base de Tessalit le 2 mai. Le lendemain, les casques bleus tchadiens se sont "
            "retirés de Tessalit.",
            "fr",
            "Le lendemain",
        ),
        (
            "Rebellen griffen am 2. Mai den Stützpunkt Tessalit an. Am Tag darauf zogen die tschadischen Blauhelme "
            "aus Tessalit ab.",
            "de",
            "Am Tag darauf",
        ),
    ],
)
def test_the_next_day_counts_from_the_date_named_before_not_from_publication(text: str, lang: str, words: str) -> None:
    assert _events(text, lang) == [("withdrawal", "TD", None, "2024-05-03", words)]


def test_weeks_later_is_as_precise_as_a_month_after_the_date_named_before() -> None:
    text = "The junta cancelled the agreement on 12 March. Weeks later, the last American soldiers left Niamey."
    assert _events(text, "en") == [("withdrawal", "US", None, "2024-03", "Weeks later")]


@pytest.mark.parametrize(
    ("text", "lang", "date"),
    [
        ("Les derniers soldats belges quitteront Gao dimanche.", "fr", "2024-05-26"),
        ("Les derniers soldats belges ont quitté Gao dimanche.", "fr", "2024-05-19"),
        ("Die letzten belgischen Soldaten werden Gao am Sonntag verlassen.", "de", "2024-05-26"),
        ("The last Belgian soldiers will leave Gao on Sunday.", "en", "2024-05-26"),
        ("The last Belgian soldiers left Gao on Sunday.", "en", "2024-05-19"),
    ],
)
def test_a_weekday_is_the_last_one_for_the_past_and_the_next_one_for_the_future(
    text: str, lang: str, date: str
) -> None:
    assert [e[3] for e in _events(text, lang)] == [date]


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        (
            "The junta in Niamey had expelled the French special forces in March and ended the defence agreement "
            "with Paris.",
            "en",
            "March",
        ),
        (
            "La junte de Niamey avait expulsé en mars les forces spéciales françaises et dénoncé l'accord de défense "
            "avec Paris.",
            "fr",
            "mars",
        ),
        (
            "Die Junta in Niamey hatte im März die französischen Spezialkräfte des Landes verwiesen und das "
            "Verteidigungsabkommen mit Paris aufgekündigt.",
            "de",
            "März",
        ),
    ],
)
def test_two_verbs_joined_by_and_share_their_date(text: str, lang: str, words: str) -> None:
    events = _events(text, lang)
    assert {e[0] for e in events} == {"withdrawal", "cooperation_ended"}
    assert {(e[3], e[4]) for e in events} == {("2024-03", words)}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("At its peak, MINUSMA had 15,000 troops in Mali. On Monday MINUSMA withdrew from Mali.", "en"),
        (
            "Au plus fort de son déploiement, la Minusma comptait 15 000 militaires au Mali. Lundi, la Minusma s'est "
            "retirée du Mali.",
            "fr",
        ),
        ("Zu Spitzenzeiten hatte die Minusma 15.000 Soldaten in Mali. Am Montag zog die Minusma aus Mali ab.", "de"),
    ],
)
def test_a_past_peak_is_not_the_number_that_withdraws(text: str, lang: str) -> None:
    troops = {e[0]: e[2] for e in _events(text, lang)}
    assert troops == {"deployment": 15000, "withdrawal": None}


def test_a_present_strength_is_the_number_that_withdraws() -> None:
    troops = {
        e[0]: e[2] for e in _events("MINUSMA had 12,000 troops in Mali. On Monday MINUSMA withdrew from Mali.", "en")
    }
    assert troops == {"deployment": 12000, "withdrawal": 12000}


@pytest.mark.parametrize(
    ("text", "lang", "date"),
    [
        ("The resolution sets the withdrawal of MINUSMA from Mali by December 31.", "en", "2024-12-31"),
        ("By December 31 all French troops had left Mali.", "en", "2023-12-31"),
    ],
)
def test_a_deadline_is_ahead_unless_the_event_is_done(text: str, lang: str, date: str) -> None:
    assert [e[3] for e in _events(text, lang)] == [date]


def test_the_day_of_a_date_is_no_troop_count() -> None:
    assert [e[2] for e in _events("By December 31 all French troops had left Mali.", "en")] == [None]
