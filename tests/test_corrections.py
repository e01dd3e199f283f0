"""Corrections: edit, hide, add, undo; an audit trail; and none lost when articles are extracted again."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from geo import corrections as C
from geo.models import Article, Event, Place, PlaceMention
from geo.store import Store, ensure_store, refresh_events

GAO = Place("Gao", 16.27, -0.04, "ML", "city", 2457163)
GAO_REGION = Place("Gao Region", 16.5, 0.5, "ML", "admin", 2457161, precision=3)
TEXT = "France withdrew 2,400 soldiers from Gao in August 2022. The UK sent 250 troops to Gao."


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "s.sqlite")
    store.add_article(Article(id="art", text=TEXT, language="en"))
    return store


def extracted(event_id: str = "x1", evidence: str = "France withdrew 2,400 soldiers from Gao in August 2022.") -> Event:
    return Event(
        event_id=event_id,
        article_ids=("art",),
        action="withdrawal",
        status="completed",
        force="Barkhane",
        actor_country="FR",
        location=PlaceMention("art", 36, 39, "Gao", GAO),
        troops=2400,
        troops_text="2,400",
        date="2022-08",
        date_precision="month",
        evidence=evidence,
    )


def test_an_edit_changes_the_event_and_keeps_the_previous_value(store: Store) -> None:
    store.replace_extracted_events([extracted()])
    c = C.edit_event(store, "x1", "troops", "2 500")
    assert c is not None and (c.field, c.old_value, c.new_value) == ("troops", 2400, 2500)
    assert c.created_at
    [event] = store.events()
    assert event.troops == 2500
    assert store.raw_events()[0].troops == 2400  # the extraction itself is untouched


def test_every_field_can_be_corrected(store: Store) -> None:
    store.replace_extracted_events([extracted()])
    C.edit_event(store, "x1", "force", "Takuba")
    C.edit_event(store, "x1", "actor_country", "gb")
    C.edit_event(store, "x1", "action", "redeployment")
    C.edit_event(store, "x1", "status", "announced")
    C.edit_event(store, "x1", "date", "2022-11-14")
    C.edit_event(store, "x1", "location", GAO_REGION)
    [e] = store.events()
    assert (e.force, e.actor_country, e.action, e.status, e.date, e.date_precision) == (
        "Takuba",
        "GB",
        "redeployment",
        "announced",
        "2022-11-14",
        "day",
    )
    assert e.location is not None and e.location.place == GAO_REGION
    assert e.location.text == "Gao" and (e.location.start, e.location.end) == (36, 39)  # the words stay


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("action", "invasion"),
        ("status", "maybe"),
        ("troops", "many"),
        ("troops", -5),
        ("date", "2022-02-30"),
        ("date", "next week"),
        ("actor_country", "France"),
        ("location", None),
        ("location", "Gao"),
        ("evidence", "anything"),
    ],
)
def test_a_wrong_value_is_refused_with_a_reason(store: Store, field: str, value: object) -> None:
    store.replace_extracted_events([extracted()])
    with pytest.raises(C.CorrectionError, match=field if field != "evidence" else "cannot be corrected"):
        C.edit_event(store, "x1", field, value)
    assert store.corrections() == []


def test_an_unchanged_value_records_nothing(store: Store) -> None:
    store.replace_extracted_events([extracted()])
    assert C.edit_event(store, "x1", "force", "Barkhane") is None
    assert store.corrections() == []


def test_hide_and_show_again(store: Store) -> None:
    store.replace_extracted_events([extracted(), extracted("x2", "The UK sent 250 troops to Gao.")])
    C.hide_event(store, "x1")
    assert [e.event_id for e in store.events()] == ["x2"]
    assert {e.event_id for e in store.events(include_hidden=True)} == {"x1", "x2"}
    C.show_event(store, "x1")
    assert [e.event_id for e in store.events()] == ["x1", "x2"]


def test_add_a_missing_event(store: Store) -> None:
    c = C.add_event(
        store,
        article_id="art",
        action="deployment",
        status="ongoing",
        force="Sabre",
        actor_country="GB",
        location=GAO,
        troops=250,
        date="2022",
        evidence="The UK sent 250 troops to Gao.",
    )
    [event] = store.events()
    assert event.event_id == c.event_id and event.event_id.startswith("manual-")
    assert (event.action, event.troops, event.date_precision) == ("deployment", 250, "year")
    assert event.article_ids == ("art",)
    with pytest.raises(C.CorrectionError, match="no article"):
        C.add_event(store, article_id="nope", action="deployment", location=GAO)


def test_undo_restores_the_previous_value_and_stays_in_the_trail(store: Store) -> None:
    store.replace_extracted_events([extracted()])
    C.edit_event(store, "x1", "troops", 100)
    C.edit_event(store, "x1", "troops", 200)
    C.hide_event(store, "x1")
    assert store.events() == []
    C.undo(store, event_id="x1")
    assert store.events()[0].troops == 200
    C.undo(store, event_id="x1")
    assert store.events()[0].troops == 100
    trail = C.history(store, "x1")
    assert [(c.kind, c.old_value, c.new_value, c.undone_at is not None) for c in trail] == [
        ("edit", 2400, 100, False),
        ("edit", 100, 200, True),
        ("hide", False, True, True),
    ]
    C.undo(store)
    assert store.events()[0].troops == 2400
    assert C.undo(store) is None  # nothing left to undo


def test_undoing_an_added_event_removes_it(store: Store) -> None:
    c = C.add_event(store, article_id="art", action="strike", location=GAO)
    C.undo(store, c.id)
    assert store.events() == []
    assert C.history(store)[0].undone_at is not None


def test_corrections_survive_re_extraction_with_the_same_ids(store: Store) -> None:
    """Whatever the extractor finds, a manual event and corrections to extracted ones stand."""
    store.replace_extracted_events([extracted()])
    C.edit_event(store, "x1", "status", "announced")
    manual = C.add_event(store, article_id="art", action="deployment", location=GAO, troops=250)
    C.edit_event(store, manual.event_id, "troops", 300)
    store.replace_extracted_events([extracted()])  # the extractor runs again
    by_id = {e.event_id: e for e in store.events()}
    assert by_id["x1"].status == "announced"
    assert by_id[manual.event_id].troops == 300


def test_a_correction_follows_its_event_when_the_extractor_renames_it(store: Store) -> None:
    store.replace_extracted_events([extracted("old-id")])
    C.edit_event(store, "old-id", "troops", 2500)
    C.hide_event(store, "old-id")
    renamed = dataclasses.replace(extracted("new-id"), confidence=0.9)
    store.replace_extracted_events([renamed, extracted("other", "The UK sent 250 troops to Gao.")])
    everything = {e.event_id: e for e in store.events(include_hidden=True)}
    assert everything["new-id"].troops == 2500
    assert everything["other"].troops == 2400
    assert [e.event_id for e in store.events()] == ["other"]


def test_corrections_survive_the_real_re_extraction_of_the_store(tmp_path: Path, sample_corpus: Path) -> None:
    """End to end with whatever extractor the project has now: correct, extract everything again, check."""
    store = ensure_store(tmp_path / "s.sqlite", sample_corpus)
    article_id = store.articles()[0].id
    manual = C.add_event(store, article_id=article_id, action="withdrawal", location=GAO, force="Sabre")
    C.edit_event(store, manual.event_id, "status", "completed")
    extracted_events = [e for e in store.events() if not e.event_id.startswith("manual-")]
    if extracted_events:
        C.edit_event(store, extracted_events[0].event_id, "troops", 12345)
    assert refresh_events(store, force=True)
    events = {e.event_id: e for e in store.events()}
    assert events[manual.event_id].status == "completed"
    if extracted_events:
        assert events[extracted_events[0].event_id].troops == 12345


def test_an_edit_of_an_unknown_event_is_refused(store: Store) -> None:
    with pytest.raises(C.CorrectionError, match="no event"):
        C.edit_event(store, "ghost", "status", "completed")


def test_the_trail_and_undo_follow_a_renamed_event(store: Store) -> None:
    store.replace_extracted_events([extracted("old-id")])
    C.edit_event(store, "old-id", "troops", 2500)
    store.replace_extracted_events([extracted("new-id")])
    C.edit_event(store, "new-id", "status", "announced")
    assert [(c.event_id, c.field) for c in C.history(store, "new-id")] == [("old-id", "troops"), ("new-id", "status")]
    C.undo(store, event_id="new-id")
    C.undo(store, event_id="new-id")
    assert store.events()[0].troops == 2400 and store.events()[0].status == "completed"
    assert C.undo(store, event_id="new-id") is None


def test_reading_one_event_agrees_with_reading_them_all(store: Store) -> None:
    store.replace_extracted_events([extracted("a"), extracted("b", "The UK sent 250 troops to Gao.")])
    C.edit_event(store, "a", "force", "Takuba")
    C.hide_event(store, "b")
    manual = C.add_event(store, article_id="art", action="strike", location=GAO)
    C.edit_event(store, manual.event_id, "date", "2021-06")
    store.replace_extracted_events([extracted("a2"), extracted("b", "The UK sent 250 troops to Gao.")])
    everything = store.events(include_hidden=True)
    hidden = store.hidden_event_ids()
    assert {e.event_id for e in everything} == {"a2", "b", manual.event_id}
    for event in everything:
        corrected, _raw, is_hidden = store.event(event.event_id)
        assert corrected == event
        assert is_hidden == (event.event_id in hidden)
    assert store.event("nothing") == (None, None, False)
