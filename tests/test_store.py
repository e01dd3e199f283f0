"""The store on a real SQLite file: concurrent writers, a writer killed mid-transaction, migrations, no duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geo.models import Article, Event, Place, PlaceMention
from geo.store import SCHEMA_VERSION, Store, StoreError, ensure_store, store_is_current, text_hash
from tests.conftest import ROOT

GAO = Place("Gao", 16.27, -0.04, "ML", "city", 2457163)


def article(n: int, text: str | None = None) -> Article:
    return Article(id=f"a{n:04d}", text=text or f"Article number {n}: French troops left Gao in Mali.", language="en")


def event(n: int, article_id: str = "a0000") -> Event:
    mention = PlaceMention(article_id, 10, 13, "Gao", GAO)
    return Event(
        event_id=f"e{n:05d}",
        article_ids=(article_id,),
        action="withdrawal",
        status="completed",
        force="Barkhane",
        actor_country="FR",
        location=mention,
        troops=n,
        evidence=f"Sentence {n} <script>alert(1)</script>",
    )


def run_python(code: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_new_store_is_created_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "store.sqlite"
    store = Store(path)
    assert path.is_file()
    assert store.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.count("articles") == 0


def test_first_start_loads_the_sample_corpus(tmp_path: Path, sample_corpus: Path) -> None:
    path = tmp_path / "store.sqlite"
    assert not store_is_current(path)
    store = ensure_store(path, sample_corpus)
    ids = {a.id for a in store.articles()}
    assert ids == {p.stem for p in sample_corpus.glob("*.txt")}
    assert set(store.article_origins().values()) == {"sample"}
    assert store_is_current(path)
    first = store.article("000_7708937b8e3c1dd0")
    assert first is not None and first.published is not None and first.published.isoformat() == "2022-11-14"
    revision = store.revision()
    ensure_store(path, sample_corpus)  # a second start loads nothing again
    assert store.count("articles") == len(ids)
    assert store.revision() == revision


def test_files_added_to_the_sample_folder_are_added_on_the_next_start(tmp_path: Path, sample_corpus: Path) -> None:
    import shutil

    folder = tmp_path / "articles"
    shutil.copytree(sample_corpus, folder)
    path = tmp_path / "store.sqlite"
    store = ensure_store(path, folder)
    assert store_is_current(path, folder)
    (folder / "new_one.txt").write_text("Some 300 Chadian soldiers arrived in Niamey on Friday.", encoding="utf-8")
    assert not store_is_current(path, folder)
    store = ensure_store(path, folder)
    assert store.article("new_one") is not None
    assert store.article_origins()["new_one"] == "sample"
    assert store_is_current(path, folder)
    assert store.count("articles") == len(list(sample_corpus.glob("*.txt"))) + 1


def test_the_same_article_is_never_stored_twice(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite")
    assert store.add_article(article(1)).added
    again = store.add_article(article(1))
    assert not again.added and "same id" in again.message
    same_text = Article(id="other", text="  Article number 1:\nFrench troops left Gao   in Mali. ")
    dup = store.add_article(same_text)
    assert not dup.added and dup.article_id == "a0001" and "same text" in dup.message
    assert store.count("articles") == 1
    assert text_hash("a  b\n c") == text_hash("a b c")


def test_articles_round_trip_with_their_metadata(tmp_path: Path) -> None:
    import datetime as dt

    store = Store(tmp_path / "s.sqlite")
    a = Article(
        "x", "Texte français: « 1 350 soldats » à Tombouctou.", dt.date(2022, 2, 17), "fr", "S", "T", "https://e.x"
    )
    store.add_article(a)
    assert store.article("x") == a


def test_events_round_trip_and_updates_merge_article_ids(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite")
    events = [event(n) for n in range(5)]
    assert store.add_events(events, article=article(0)) == 5
    assert store.events() == events
    merged = Event(**{**{f: getattr(events[0], f) for f in Event.__slots__}, "article_ids": ("a0002",)})
    store.add_events([merged])
    assert store.events()[0].article_ids == ("a0000", "a0002")
    assert store.count("events") == 5


def test_replacing_extracted_events_keeps_external_ones(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite")
    store.add_events([event(1)], article=article(0))
    store.add_events([event(2), event(3)], extracted=True)
    store.replace_extracted_events([event(4)], fingerprint="f1")
    assert [e.event_id for e in store.events()] == ["e00001", "e00004"]
    assert store.get_meta("extraction") == "f1"


def test_a_failed_write_changes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite")
    store.add_article(article(0))
    before = store.revision()
    with pytest.raises(RuntimeError), store.transaction() as conn:
        conn.execute("DELETE FROM articles")
        raise RuntimeError("crash in the middle")
    assert store.count("articles") == 1
    assert store.revision() == before


WRITER = """
    import sys
    from geo.models import Article
    from geo.store import Store
    store = Store(sys.argv[1])
    who = sys.argv[2]
    for n in range(int(sys.argv[3])):
        result = store.add_article(Article(id=f"{who}-{n}", text=f"{who} writes article {n} about Gao."))
        assert result.added, result
    print("done")
"""


def test_two_processes_adding_articles_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store(path)
    n = 60
    procs = [run_python(WRITER, str(path), who, str(n)) for who in ("left", "right")]
    for proc in procs:
        out, err = proc.communicate(timeout=240)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    store = Store(path)
    ids = {a.id for a in store.articles()}
    assert ids == {f"{who}-{i}" for who in ("left", "right") for i in range(n)}
    assert store.integrity_check() == "ok"


KILLED = """
    import sys, time
    from geo.models import Article
    from geo.store import Store, _insert_article
    store = Store(sys.argv[1])
    with store.transaction() as conn:
        for n in range(500):
            _insert_article(conn, Article(id=f"late-{n}", text=f"late article {n}"), "user")
        conn.execute("DELETE FROM articles WHERE id LIKE 'early-%'")
        print("in the middle", flush=True)
        time.sleep(120)
"""


def test_a_writer_killed_mid_transaction_leaves_the_earlier_data(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    store = Store(path)
    store.add_articles([Article(id=f"early-{n}", text=f"early article {n}") for n in range(20)])
    store.add_events([event(n, "early-0") for n in range(10)])
    proc = run_python(KILLED, str(path))
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "in the middle"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    reopened = Store(path)
    assert reopened.integrity_check() == "ok"
    assert {a.id for a in reopened.articles()} == {f"early-{n}" for n in range(20)}
    assert len(reopened.events()) == 10
    assert reopened.add_article(Article(id="after", text="written after the crash")).added


def test_a_bulk_event_writer_killed_mid_write_leaves_a_readable_store(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    Store(path).add_events([event(n) for n in range(3)], article=article(0))
    code = """
        import sys
        from tests.test_store import event
        from geo.store import Store
        store = Store(sys.argv[1])
        print("writing", flush=True)
        store.add_events(event(n) for n in range(10, 2_000_000))
    """
    proc = run_python(code, str(path))
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    reopened = Store(path)
    assert reopened.integrity_check() == "ok"
    assert [e.event_id for e in reopened.events()] == ["e00000", "e00001", "e00002"]


def test_a_version_1_store_is_migrated_with_its_data(tmp_path: Path) -> None:
    from geo.store import MIGRATIONS

    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as conn:
        for statement in MIGRATIONS[0][1]:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO articles (id, text_hash, text, origin, added_at) VALUES ('old', ?, 'old text', 'user', 'x')",
            (text_hash("old text"),),
        )
        conn.execute("INSERT INTO corrections (event_id, kind, created_at) VALUES ('e1', 'hide', 'x')")
        conn.execute("PRAGMA user_version = 1")
    store = Store(path)
    assert store.schema_version() == SCHEMA_VERSION
    assert [a.id for a in store.articles()] == ["old"]
    assert [c.event_id for c in store.corrections()] == ["e1"]
    assert store.corrections()[0].anchor is None
    store.add_article(article(1))
    assert store.revision() == 1


def test_a_store_from_a_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer troopmap"):
        Store(path)


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite"
    path.write_bytes(b"this is not a database at all " * 100)
    with pytest.raises(StoreError, match="cannot be opened as a troopmap store"):
        Store(path)


def test_app_data_reads_the_store_named_by_troopmap_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo import app_data

    path = tmp_path / "env.sqlite"
    monkeypatch.setenv("TROOPMAP_STORE", str(path))
    assert app_data.store_path() == path
    articles = app_data.load_articles()
    assert path.is_file() and len(articles) == 5
    app_data.get_store().add_events([event(7, articles[0].id)])
    assert [e.event_id for e in app_data.load_events() if e.event_id == "e00007"] == ["e00007"]
    assert app_data.load_default_events() == app_data.load_events()


def test_app_data_forgets_a_deleted_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo import app_data

    path = tmp_path / "gone.sqlite"
    monkeypatch.setenv("TROOPMAP_STORE", str(path))
    app_data.get_store().add_events([event(1, app_data.load_articles()[0].id)])
    assert "e00001" in {e.event_id for e in app_data.load_events()}
    revision = app_data.get_store().revision()
    for f in tmp_path.glob("gone.sqlite*"):
        f.unlink()
    fresh = app_data.get_store()
    while fresh.revision() < revision:  # the new file reaches the revision the old one was cached at
        fresh.set_meta("filler", str(fresh.revision()))
    assert fresh.revision() == revision
    assert "e00001" not in {e.event_id for e in app_data.load_events()}


def test_a_store_that_cannot_be_written_says_so_and_keeps_its_data(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite")
    store.add_article(article(1))
    with pytest.raises(StoreError, match="nothing was written"), store.transaction() as conn:
        conn.execute("INSERT INTO articles (id) VALUES ('broken')")  # violates NOT NULL
    assert [a.id for a in store.articles()] == ["a0001"]
