"""The dropped candidates (geo/dropped.py): a rule's drop is noted with the rule's name and the event it would have
been, and noting them changes nothing of what the rules keep."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from geo import dropped
from geo.corpus import load_corpus
from geo.dropped import find_with_dropped
from geo.events import find_drafts
from geo.models import Article

DATA = Path(__file__).resolve().parent / "data"


def _article(text: str, language: str) -> Article:
    return Article(id="a1", text=text, published=dt.date(2021, 6, 1), language=language, title="")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Belgium did not send any soldiers to Niger last spring."),
        ("fr", "La Belgique n'a pas envoyé de soldats au Niger au printemps dernier."),
        ("de", "Belgien schickte im vergangenen Frühjahr keine Soldaten nach Niger."),
    ],
)
def test_negated_sentence_gives_one_dropped_candidate(language: str, text: str) -> None:
    article = _article(text, language)
    assert find_drafts(article) == []
    kept, lost = find_with_dropped(article)
    assert kept == []
    built = [d for d in lost if d.draft is not None]
    assert len(built) == 1
    (one,) = built
    assert one.reason == "is_negated"
    assert (one.action, one.actor_country, one.location_country) == ("deployment", "BE", "NE")
    assert one.row()["location"] == {"country": "NE"}


def test_cue_without_owner_or_place_is_noted_without_event() -> None:
    _, nobody = find_with_dropped(_article("Soldiers were deployed to Chad in March.", "en"))
    assert [(d.reason, d.draft) for d in nobody] == [("no_actor", None)]
    _, nowhere = find_with_dropped(_article("Belgium deployed 300 soldiers last week.", "en"))
    assert [(d.reason, d.actor_country, d.draft) for d in nowhere] == [("no_place", "BE", None)]


def test_recording_is_off_outside_the_call() -> None:
    find_with_dropped(_article("Belgium did not send any soldiers to Niger.", "en"))
    assert not dropped.on()
    assert not dropped.pending()


def test_nested_recording_gives_the_outer_one_back() -> None:
    with dropped.collecting() as outer:
        dropped.note_rule("_outer")
        with dropped.collecting() as inner:
            assert dropped.on()
            dropped.draft(find_drafts(_article("Belgium deployed 300 soldiers to Niger.", "en"))[0], "inner")
        assert [d.reason for d in inner] == ["inner"]
        assert dropped.on()
        assert dropped._recording.get().sink is outer
        assert dropped._recording.get().rule == "_outer"
    assert outer == []
    assert not dropped.on()


def test_recording_is_not_seen_by_another_thread() -> None:
    import threading

    seen = []
    with dropped.collecting():
        worker = threading.Thread(target=lambda: seen.append(dropped.on()))
        worker.start()
        worker.join()
        assert dropped.on()
    assert seen == [False]


@pytest.mark.parametrize("folder", ["events", "events_heldout21", "events_heldout53"])
def test_default_output_unchanged(folder: str) -> None:
    """The drafts kept while drops are noted are those the rules give alone, article by article."""
    for article in load_corpus([DATA / folder]).articles:
        plain = find_drafts(article)
        kept, _ = find_with_dropped(article)
        assert kept == plain, article.id


def test_recall_bench_accounts_for_every_miss() -> None:
    """Every missed gold event gets one class, and keeping dropped candidates never lowers what is found."""
    from bench.bench_recall import Tally, measure
    from bench.team_scorer import team_scorer

    scorer = team_scorer()
    if scorer is None:
        pytest.skip("the team's scorer is not beside the checkout")
    tally = Tally()
    measure(scorer, DATA / "events_heldout53", tally)
    assert sum(tally.classes.values()) == tally.gold - tally.found
    assert tally.rules[0] == tally.found
    assert tally.oracle[0] >= tally.unmerged[0] >= tally.rules[0]
    assert tally.oracle[1] <= tally.rules[1]


def test_recall_report_of_a_group_without_gold(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.bench_recall import Tally, report

    report("empty", Tally())
    assert "0 gold events" in capsys.readouterr().out
