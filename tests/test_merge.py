"""One event per happening: merging within an article and across articles and languages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from geo.gazetteer import get_gazetteer
from geo.merge import Draft, drafts_to_events, merge_across_articles, merge_in_article, same_happening
from geo.models import PlaceMention


def _at(name: str, country: str) -> PlaceMention:
    gaz = get_gazetteer()
    place = gaz.country(country) if name == country else next(p for p in gaz.candidates(name) if p.country == country)
    return PlaceMention("a", 0, len(name), name, place)


def _draft(**kw) -> Draft:
    base = {
        "article_id": "a",
        "published": dt.date(2022, 11, 14),
        "action": "withdrawal",
        "status": "announced",
        "force": None,
        "actor_country": "GB",
        "location": _at("ML", "ML"),
        "destination": None,
        "troops": None,
        "troops_text": None,
        "date": "2022-11-14",
        "date_precision": "day",
        "date_text": "on Monday",
        "date_kind": "point",
        "evidence": "The United Kingdom announced on Monday the withdrawal of its soldiers from Mali.",
        "position": 0,
        "confidence": 0.6,
    }
    base.update(kw)
    return Draft(**base)


def test_announcement_and_completion_are_one_withdrawal_with_the_latest_status() -> None:
    announced = _draft(status="announced", date="2022-02", date_precision="month", date_text="in February")
    left = _draft(status="completed", date="2022-07", date_precision="season", date_text="this summer", position=50)
    (merged,) = merge_in_article([announced, left])
    assert (merged.status, merged.date, merged.date_precision) == ("completed", "2022-07", "season")
    assert merged.evidence == announced.evidence
    assert len(merged.all_evidence) == 1  # the same sentence once


def test_the_same_troops_with_and_without_their_force_merge_and_keep_both() -> None:
    a = _draft(force="MINUSMA", actor_country="GB")
    b = _draft(force=None, actor_country="GB", troops=300, troops_text="Almost 300 British soldiers", position=9)
    (merged,) = merge_in_article([a, b])
    assert (merged.force, merged.actor_country, merged.troops) == ("MINUSMA", "GB", 300)
    assert not same_happening(a, replace(b, force="Barkhane"))


def test_a_town_wins_over_its_country_and_two_towns_stay_apart() -> None:
    country = _draft()
    gao = _draft(location=_at("Gao", "ML"), position=5)
    kidal = _draft(location=_at("Kidal", "ML"), position=9)
    merged = merge_in_article([country, gao, kidal])
    assert sorted(m.location.place.name for m in merged) == ["Gao", "Kidal"]


def test_different_actions_countries_or_troop_numbers_are_different_happenings() -> None:
    base = _draft(action="deployment", status="ongoing", troops=5100)
    assert not same_happening(base, replace(base, action="withdrawal"))
    assert not same_happening(base, replace(base, actor_country="FR"))
    assert not same_happening(base, replace(base, location=_at("NE", "NE")))
    assert not same_happening(base, replace(base, troops=4000))
    assert same_happening(base, replace(base, troops=None))


def test_a_withdrawal_takes_the_number_of_the_same_troops_presence() -> None:
    present = _draft(action="deployment", status="ongoing", troops=300, troops_text="Almost 300", position=40)
    leaving = _draft()
    merged = merge_in_article([leaving, present])
    withdrawal = next(m for m in merged if m.action == "withdrawal")
    assert withdrawal.troops == 300


def test_across_articles_and_languages_the_same_happening_merges() -> None:
    en = _draft(article_id="000")
    fr = _draft(
        article_id="001",
        published=dt.date(2022, 11, 15),
        date_text="hier lundi",
        evidence="Le Royaume-Uni a annoncé hier lundi le retrait anticipé de ses militaires.",
    )
    (merged,) = merge_across_articles([en, fr])
    assert merged.ids == ("000", "001")
    assert len(merged.all_evidence) == 2
    (event,) = drafts_to_events([en, fr], across_articles=True)
    assert event.article_ids == ("000", "001")
    assert event.to_dict()["evidences"] == list(merged.all_evidence)


def test_across_articles_time_and_troops_must_agree() -> None:
    feb = _draft(article_id="x", date="2022-02-17")
    nov = _draft(article_id="y", date="2022-11-14")
    assert len(merge_across_articles([feb, nov])) == 2
    a = _draft(article_id="x", troops=2400)
    b = _draft(article_id="y", troops=4300)
    assert len(merge_across_articles([a, b])) == 2


def test_event_ids_hash_the_content() -> None:
    one = drafts_to_events([_draft()], across_articles=True)[0]
    same = drafts_to_events([_draft(confidence=0.9, position=7)], across_articles=True)[0]
    other = drafts_to_events([_draft(actor_country="FR")], across_articles=True)[0]
    assert one.event_id == same.event_id != other.event_id
    assert len(one.event_id) == 16


def test_without_a_written_date_the_publication_date_stands() -> None:
    (event,) = drafts_to_events([_draft(date=None, date_precision="unknown", date_text=None)], across_articles=False)
    assert (event.date, event.date_text) == ("2022-11-14", None)


def test_a_town_left_before_the_date_set_for_the_whole_country_stays_apart() -> None:
    done = _draft(status="completed", location=_at("Gao", "ML"), date="2022-08-15", date_text="on 15 August")
    plan = _draft(status="planned", date="2022-12", date_precision="month", date_text="by December", position=40)
    assert len(merge_in_article([done, plan])) == 2
    earlier_plan = replace(plan, status="announced", date="2022-02", date_text="in February")
    assert len(merge_in_article([earlier_plan, replace(done, position=60)])) == 1  # the plan, then its completion


def test_written_dates_months_apart_are_two_happenings_unless_plan_and_outcome() -> None:
    spring = _draft(action="deployment", status="ongoing", date="2019-04", date_precision="month", date_text="in April")
    autumn = replace(spring, date="2019-10", date_text="in October", evidence="Another sentence.", position=80)
    assert len(merge_in_article([spring, autumn])) == 2
    assert len(merge_in_article([spring, replace(autumn, date="2019-05-02", date_text="on 2 May")])) == 1
    assert len(merge_in_article([spring, replace(autumn, status="planned")])) == 1  # the plan and its outcome


def test_a_presence_whose_sentence_names_another_force_is_not_that_force() -> None:
    blue = _draft(action="deployment", status="ongoing", force="MINUSMA", date=None, date_text=None)
    other = replace(
        blue,
        force=None,
        troops=250,
        evidence="Some 250 British soldiers also serve with Operation Barkhane in Gao.",
        position=70,
    )
    assert len(merge_in_article([blue, other])) == 2
    same = replace(other, evidence="Some 250 British soldiers serve in Gao.")
    assert len(merge_in_article([blue, same])) == 1  # no force named: the same troops


def test_written_dates_in_different_years_are_two_happenings() -> None:
    for early, late in (
        ("Kenya has kept a battalion there since 2019.", "In 2023 Kenya flew in another company."),
        ("Le Kenya y maintient un bataillon depuis 2019.", "En 2023, Nairobi a envoyé une autre compagnie."),
        ("Kenia hat dort seit 2019 ein Bataillon stationiert.", "2023 schickte Nairobi eine weitere Kompanie."),
    ):
        since = _draft(
            action="deployment",
            status="ongoing",
            actor_country="KE",
            date="2019",
            date_precision="year",
            date_text="2019",
            date_kind="since",
            evidence=early,
        )
        later = replace(since, date="2023", date_text="2023", date_kind="point", evidence=late, position=90)
        assert len(merge_in_article([since, later])) == 2
        planned = replace(later, status="planned")  # a plan and what came of it stay one
        assert len(merge_in_article([replace(since, date_kind="point", status="completed"), planned])) == 1


def test_history_years_before_the_article_is_not_its_undated_news() -> None:
    news = _draft(
        status="completed", date=None, date_precision="unknown", date_text=None, published=dt.date(2025, 2, 1)
    )
    history = replace(
        news,
        status="unknown",
        force="Barkhane",
        date="2022",
        date_precision="year",
        date_text="in 2022",
        evidence="Barkhane, whose headquarters were here, ended in 2022.",
        position=90,
    )
    assert len(merge_in_article([news, history])) == 2  # the withdrawal now and an operation that ended years ago
    assert len(merge_in_article([news, replace(history, date="2024", date_text="last year")])) == 1  # recent: its story
    presence = replace(news, action="deployment", status="ongoing")
    counted = replace(presence, troops=400, troops_text="About 400 soldiers")
    first = replace(history, action="deployment", status="completed", force=None, evidence="They first came in 2017.")
    assert len(merge_in_article([counted, replace(first, date="2017", date_text="in 2017")])) == 2  # counted now
    assert len(merge_in_article([presence, replace(first, date="2017", date_text="in 2017")])) == 1  # "the presence"
    peak = replace(counted, troops_peak=True)
    assert len(merge_in_article([peak, replace(first, date="2017", date_text="in 2017")])) == 1  # a past peak


def test_a_second_verb_after_and_with_its_own_date_is_another_happening() -> None:
    for text, first, second, date_text in (
        (
            "Dutch marines have been advising Senegalese units in Ziguinchor and in May some 80 of them took part "
            "in the African Lion exercise.",
            "advising",
            "took part",
            "in May",
        ),
        (
            "Des fusiliers néerlandais conseillent des unités sénégalaises à Ziguinchor et, en mai, quelque 80 "
            "d'entre eux ont participé à l'exercice African Lion.",
            "conseillent",
            "ont participé",
            "en mai",
        ),
        (
            "Niederländische Marineinfanteristen beraten senegalesische Einheiten in Ziguinchor und im Mai nahmen "
            "rund 80 von ihnen an der Übung African Lion teil.",
            "beraten",
            "nahmen",
            "im Mai",
        ),
    ):
        base = _draft(
            action="deployment",
            status="ongoing",
            actor_country="NL",
            location=_at("SN", "SN"),
            date=None,
            date_text=None,
            date_kind=None,
            evidence=text,
        )
        advising = replace(base, cue=text.index(first), position=text.index(first))
        exercise = replace(
            base,
            cue=text.index(second),
            position=text.index(second),
            troops=80,
            date="2024-05",
            date_precision="month",
            date_text=date_text,
            date_kind="point",
            date_at=text.index(date_text),
        )
        assert len(merge_in_article([advising, exercise])) == 2
        # the date before the first verb dates the whole sentence: one happening told twice
        before = replace(exercise, date_at=0)
        assert len(merge_in_article([advising, before])) == 1


def test_a_draft_joins_the_earlier_one_that_agrees_best() -> None:
    named = _draft(
        action="deployment",
        status="ongoing",
        actor_country="CZ",
        force="Takuba",
        troops=60,
        date=None,
        date_text=None,
        date_kind=None,
        evidence="Some 60 Czech special forces serve in Takuba.",
    )
    plain = replace(named, force=None, troops=120, evidence="The Czech Republic has 120 soldiers there.", position=-50)
    started = replace(named, troops=None, evidence="Takuba's Czech part began last year.", position=90)
    merged = merge_in_article([named, plain, started])
    assert len(merged) == 2
    assert {d.troops for d in merged} == {60, 120}
    assert next(d for d in merged if d.troops == 60).evidences == (named.evidence, started.evidence)


def test_across_articles_drafts_of_two_years_still_meet_around_new_year() -> None:
    eve = _draft(article_id="x", date="2022-12-31", date_text="on Saturday")
    new_year = _draft(article_id="y", date="2023-01-01", date_text="on Sunday")
    assert len(merge_across_articles([eve, new_year])) == 1
    later = _draft(article_id="z", date="2023-01-09", date_text="on Monday")
    assert len(merge_across_articles([eve, later])) == 2


def test_a_draft_that_grows_joins_the_one_it_now_agrees_with() -> None:
    """One pass: "French troops left Gao", "Barkhane is leaving Mali", "France's Barkhane is leaving Mali"
    - the third makes the second French, which then is the first's happening too."""
    town = _draft(actor_country="FR", location=_at("Gao", "ML"), evidence="French troops left Gao.")
    force = _draft(actor_country=None, force="Barkhane", evidence="Barkhane is leaving Mali.", position=10)
    both = _draft(actor_country="FR", force="Barkhane", evidence="France's Barkhane is leaving Mali.", position=20)
    (merged,) = merge_in_article([town, force, both])
    assert (merged.force, merged.actor_country, merged.location.place.name) == ("Barkhane", "FR", "Gao")
    assert len(merged.all_evidence) == 3
