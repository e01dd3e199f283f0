"""The store's compact copy of its events (geo.event_cache): the same events, and never stale ones."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bench.synthetic import synthetic_events, synthetic_store
from geo import app_data, event_cache
from geo import corrections as C
from geo.store import Store


@pytest.fixture()
def store_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = synthetic_store(tmp_path / "store.sqlite", 60)
    monkeypatch.setenv("TROOPMAP_STORE", str(path))
    return path


def fresh_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process read, as a newly started server would."""
    monkeypatch.setattr(app_data, "_cached", {})
    monkeypatch.setattr(app_data, "_stores", {})


def store_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: Store) -> None:
        raise AssertionError("the store's events were decoded again")

    monkeypatch.setattr(Store, "corrected_events", refuse)


def test_the_copy_holds_the_same_events_and_hidden_ids(store_file: Path) -> None:
    store = Store(store_file)
    C.hide_event(store, store.corrected_events()[0][0].event_id)
    events, hidden = store.corrected_events()
    assert any(e.destination is not None for e in events) and any(e.troops is None for e in events)
    assert event_cache.save(store_file, store.revision(), events, hidden)
    assert event_cache.load(store_file, store.revision()) == (events, hidden)
    assert event_cache.load(store_file, store.revision() - 1) is None  # another revision: not this copy


def test_a_fresh_server_reads_the_copy_the_first_read_wrote(store_file: Path, monkeypatch) -> None:
    first = app_data.load_all_events()
    assert event_cache.cache_path(store_file).is_file()
    fresh_server(monkeypatch)
    store_unreadable(monkeypatch)
    assert app_data.load_all_events() == first


def test_a_write_since_the_copy_shows_the_new_events(store_file: Path, monkeypatch) -> None:
    before = app_data.load_events()
    new = synthetic_events(2, seed=77)
    Store(store_file).add_events(new, extracted=False)  # another process, say: this one only sees the file
    fresh_server(monkeypatch)
    after = app_data.load_events()
    assert len(after) == len(before) + 2 and {e.event_id for e in new} <= {e.event_id for e in after}


def test_a_correction_since_the_copy_is_applied(store_file: Path, monkeypatch) -> None:
    victim = app_data.load_events()[0]
    C.hide_event(Store(store_file), victim.event_id)
    fresh_server(monkeypatch)
    assert victim.event_id not in {e.event_id for e in app_data.load_events()}
    assert victim.event_id in app_data.hidden_event_ids()


def test_another_store_file_at_the_same_path_is_read_itself(store_file: Path, tmp_path: Path, monkeypatch) -> None:
    app_data.load_events()
    other = synthetic_store(tmp_path / "other.sqlite", 5, seed=3)
    copy = event_cache.cache_path(store_file).read_bytes()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store_file}{suffix}").unlink(missing_ok=True)
    shutil.copy(other, store_file)  # same path, same revision maybe, another file
    event_cache.cache_path(store_file).write_bytes(copy)  # and the old copy beside it
    fresh_server(monkeypatch)
    assert {e.event_id for e in app_data.load_events()} == {e.event_id for e in Store(other).events()}


def test_a_write_that_bypassed_the_store_still_invalidates_the_copy(store_file: Path, monkeypatch) -> None:
    app_data.load_events()
    with sqlite3.connect(store_file) as conn:  # no revision bump: only the file changed
        conn.execute("DELETE FROM events WHERE rowid IN (SELECT rowid FROM events LIMIT 1)")
    fresh_server(monkeypatch)
    assert len(app_data.load_all_events()) == Store(store_file).count("events")


def test_a_damaged_copy_is_ignored(store_file: Path, monkeypatch) -> None:
    first = app_data.load_all_events()
    path = event_cache.cache_path(store_file)
    path.write_bytes(path.read_bytes()[:-500])
    fresh_server(monkeypatch)
    assert app_data.load_all_events() == first
    path.write_bytes(b"not marshal at all")
    fresh_server(monkeypatch)
    assert app_data.load_all_events() == first


def test_the_servers_warm_up_reads_what_the_first_map_needs(store_file: Path, monkeypatch) -> None:
    fresh_server(monkeypatch)
    app_data.warm_up()
    store_unreadable(monkeypatch)
    monkeypatch.setattr(Store, "articles", lambda self: pytest.fail("articles read again"))
    assert app_data.load_events() and app_data.load_articles()
