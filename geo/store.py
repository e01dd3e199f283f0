"""The store: articles, events and corrections in one SQLite file (standard library only).

Why SQLite: one file in `data/`, transactions that a crash or a SIGKILL cannot half-apply, and safe
use by several processes (Streamlit sessions, `make` steps, tests) at once.

- WAL journal, `synchronous=FULL`, a 30 s busy timeout: readers never block the writer, a commit is on
  disk when it returns, a second writer waits instead of failing.
- Every write is one `BEGIN IMMEDIATE` transaction (`Store.transaction()`), so it lands whole or not
  at all; the `revision` counter in `meta` goes up with each one, which lets readers cache.
- `PRAGMA user_version` is the schema version; `MIGRATIONS` are applied in order, each in its own
  transaction, on first use. A store made by a newer troopmap is refused with a clear message.
- An article is the same article when its id or the hash of its text (whitespace-normalised) is
  the same: re-adding it changes nothing and says so.
- Events are *extracted* (replaced whole by `replace_extracted_events` when the extractor changes or
  an article is added) or *external* (given by a caller, kept). Corrections live in their own table
  and are applied on read (`Store.events()`), so they survive re-extraction.

Bulk insertion, e.g. a synthetic 20,000-event store for a benchmark::

    store = Store(path)                                   # created and migrated on first use
    store.add_events(events, article=article)             # one transaction; external events
    store.add_events(more, article=other, extracted=True) # replaced on the next re-extraction

`ensure_store(path, sample_dir)` is what the dashboard and `python -m geo.build` call: it creates the
store, loads the sample corpus into it on first start and re-extracts every article when the
extraction code or its rules changed since the events were made.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corrections import Correction, apply_corrections
from .errors import GeoError
from .models import Article, Event
from .serialize import article_from_dict, event_from_dict, event_to_dict

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "AddResult",
    "Store",
    "StoreError",
    "ensure_store",
    "extraction_fingerprint",
    "refresh_events",
    "sample_fingerprint",
    "store_is_current",
    "text_hash",
]

# Each migration is a list of statements run in one transaction that ends by setting user_version.
MIGRATIONS: tuple[tuple[int, tuple[str, ...]], ...] = (
    (
        1,
        (
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                text_hash TEXT NOT NULL UNIQUE,
                text TEXT NOT NULL,
                published TEXT, language TEXT, source TEXT, title TEXT, url TEXT, path TEXT,
                origin TEXT NOT NULL DEFAULT 'user',
                added_at TEXT NOT NULL)""",
            """CREATE TABLE events (
                event_id TEXT PRIMARY KEY,
                data TEXT NOT NULL,
                extracted INTEGER NOT NULL DEFAULT 0,
                added_at TEXT NOT NULL)""",
            """CREATE TABLE event_articles (
                event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
                article_id TEXT NOT NULL,
                PRIMARY KEY (event_id, article_id)) WITHOUT ROWID""",
            """CREATE TABLE corrections (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                event_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                field TEXT,
                old_value TEXT,
                new_value TEXT,
                created_at TEXT NOT NULL,
                undone_at TEXT)""",
        ),
    ),
    (
        2,
        (
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "INSERT INTO meta (key, value) VALUES ('revision', '0')",
            "ALTER TABLE corrections ADD COLUMN anchor TEXT",
            "CREATE INDEX event_articles_by_article ON event_articles (article_id)",
            "CREATE INDEX corrections_by_event ON corrections (event_id)",
        ),
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]
BUSY_TIMEOUT_S = 30.0

# Modules and files that do not change what extraction produces; every other file of geo/ does.
_NOT_EXTRACTION = frozenset(
    {
        "__init__.py",
        "__main__.py",
        "app_data.py",
        "assets.py",
        "build.py",
        "cli.py",
        "corrections.py",
        "display.py",
        "errors.py",
        "export.py",
        "filters.py",
        "highlight.py",
        "ingest.py",
        "mapping.py",
        "serialize.py",
        "store.py",
        "timeline.py",
    }
)


class StoreError(GeoError):
    """The store cannot be opened or written: a sentence for the user, never a traceback."""


@dataclass(frozen=True, slots=True)
class AddResult:
    """What became of one article given to the store: added, or the id of the one it duplicates."""

    article_id: str
    added: bool
    message: str


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")


def text_hash(text: str) -> str:
    """The identity of an article's text: NFC, whitespace runs collapsed, then SHA-256."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()


def extraction_fingerprint() -> str:
    """A hash of everything extraction depends on: geo's extraction code, its rules, curated places."""
    root = Path(__file__).resolve().parent
    files = [p for p in root.rglob("*.py") if p.name not in _NOT_EXTRACTION or p.parent != root]
    files += list((root / "rules").rglob("*.json"))
    files += list((root.parent / "data").glob("*.csv"))
    digest = hashlib.sha256()
    for path in sorted(set(files)):
        if "__pycache__" in path.parts:
            continue
        digest.update(str(path.relative_to(root.parent)).encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            continue
    return digest.hexdigest()[:16]


class Store:
    """One SQLite file; cheap to create (a connection per operation, so any thread may use it)."""

    def __init__(self, path: str | Path, *, timeout: float = BUSY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.timeout = timeout
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder of the store {self.path}: {exc.strerror or exc}") from exc
        self._migrate()

    # ------------------------------------------------------------------ connections, transactions

    def _connect(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} cannot be opened as a troopmap store: {exc}") from exc
        if str(mode).lower() != "wal":
            conn.close()
            raise StoreError(f"{self.path}: the store needs a write-ahead log and the file system refused it")
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside lands together or not at all."""
        with closing(self._connect()) as conn:
            try:
                conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise StoreError(f"the store is busy (another writer held it for {self.timeout:.0f} s)") from exc
            try:
                yield conn
                conn.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
                conn.execute("COMMIT")
            except BaseException as exc:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):  # full disk, read-only file, lock held too long...
                    raise StoreError(f"nothing was written to the store: {exc}") from exc
                raise

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        """A consistent snapshot for reads that span several statements."""
        with closing(self._connect()) as conn:
            conn.execute("BEGIN")
            try:
                yield conn
            finally:
                conn.execute("COMMIT")

    def _migrate(self) -> None:
        with closing(self._connect()) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer troopmap (schema {version}, this one reads up to "
                    f"{SCHEMA_VERSION}); update troopmap or point TROOPMAP_STORE to another file"
                )
            for target, statements in MIGRATIONS:
                if target <= version:
                    continue
                conn.execute("BEGIN IMMEDIATE")
                try:
                    # Another process may have migrated while we waited for the lock.
                    if conn.execute("PRAGMA user_version").fetchone()[0] >= target:
                        conn.execute("COMMIT")
                        continue
                    for statement in statements:
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {target}")
                    conn.execute("COMMIT")
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                version = target

    # ------------------------------------------------------------------ meta

    def schema_version(self) -> int:
        with closing(self._connect()) as conn:
            return int(conn.execute("PRAGMA user_version").fetchone()[0])

    def revision(self) -> int:
        """Goes up by one with every committed write: a cheap key for caches."""
        with closing(self._connect()) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'revision'").fetchone()
        return int(row[0]) if row else 0

    def get_meta(self, key: str) -> str | None:
        with closing(self._connect()) as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            _set_meta(conn, key, value)

    def integrity_check(self) -> str:
        with closing(self._connect()) as conn:
            return str(conn.execute("PRAGMA integrity_check").fetchone()[0])

    # ------------------------------------------------------------------ articles

    def add_article(self, article: Article, *, origin: str = "user") -> AddResult:
        """Store one article unless it is already there (same id or same text)."""
        with self.transaction() as conn:
            return _insert_article(conn, article, origin)

    def add_articles(self, articles: Iterable[Article], *, origin: str = "user") -> list[AddResult]:
        """Many articles in one transaction."""
        with self.transaction() as conn:
            return [_insert_article(conn, a, origin) for a in articles]

    def find_duplicate(self, article: Article) -> str | None:
        """The id of a stored article with the same id or the same text, if any."""
        with closing(self._connect()) as conn:
            return _duplicate_of(conn, article.id, text_hash(article.text))

    def articles(self) -> list[Article]:
        with closing(self._connect()) as conn:
            rows = conn.execute(
                "SELECT id, text, published, language, source, title, url, path FROM articles ORDER BY rowid"
            ).fetchall()
        return [_article_row(r) for r in rows]

    def article(self, article_id: str) -> Article | None:
        with closing(self._connect()) as conn:
            row = conn.execute(
                "SELECT id, text, published, language, source, title, url, path FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        return _article_row(row) if row else None

    def article_origins(self) -> dict[str, str]:
        """Article id to where it came from (`sample`, `user`, ...)."""
        with closing(self._connect()) as conn:
            return dict(conn.execute("SELECT id, origin FROM articles ORDER BY rowid").fetchall())

    def count(self, table: str) -> int:
        if table not in ("articles", "events", "corrections", "event_articles"):
            raise ValueError(f"no table {table!r}")
        with closing(self._connect()) as conn:
            return int(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # ------------------------------------------------------------------ events

    def add_events(self, events: Iterable[Event], *, article: Article | None = None, extracted: bool = False) -> int:
        """Insert or update events (by event_id) in one transaction, with their article if given.

        An event id already stored keeps its row; its article ids become the union of both.
        Returns the number of events written.
        """
        with self.transaction() as conn:
            if article is not None:
                _insert_article(conn, article, "user")
            return _upsert_events(conn, events, extracted=extracted)

    def replace_extracted_events(self, events: Iterable[Event], *, fingerprint: str | None = None) -> int:
        """Swap every extracted event for these, in one transaction; external events stay."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM events WHERE extracted = 1")
            n = _upsert_events(conn, events, extracted=True)
            if fingerprint is not None:
                _set_meta(conn, "extraction", fingerprint)
            return n

    def raw_events(self) -> list[Event]:
        """Events as extracted or given, before corrections."""
        with closing(self._connect()) as conn:
            rows = conn.execute("SELECT data FROM events ORDER BY rowid").fetchall()
        return [event_from_dict(json.loads(r[0])) for r in rows]

    def corrected_events(self) -> tuple[list[Event], set[str]]:
        """Every event with every correction applied, and the ids of the hidden ones: one read."""
        with self._reading() as conn:
            rows = conn.execute("SELECT data FROM events ORDER BY rowid").fetchall()
            corrections = _correction_rows(conn, None)
        raw = [event_from_dict(json.loads(r[0])) for r in rows]
        return apply_corrections(raw, corrections)

    def events(self, *, include_hidden: bool = False) -> list[Event]:
        """Events with every correction applied; hidden ones left out unless asked for."""
        events, hidden = self.corrected_events()
        return events if include_hidden else [e for e in events if e.event_id not in hidden]

    def event(self, event_id: str) -> tuple[Event | None, Event | None, bool]:
        """(the event corrected, as extracted or given, hidden?) without reading the whole store.

        Corrections can only reach an event through its id or an anchor in one of its articles, so
        the events of its articles and their corrections (plus orphaned ones) are all it takes.
        """
        with self._reading() as conn:
            row = conn.execute("SELECT data FROM events WHERE event_id = ?", (event_id,)).fetchone()
            if row is None:
                rows = []
            else:
                rows = conn.execute(
                    "SELECT data FROM events WHERE event_id IN (SELECT DISTINCT b.event_id FROM event_articles a"
                    " JOIN event_articles b ON a.article_id = b.article_id WHERE a.event_id = ?) ORDER BY rowid",
                    (event_id,),
                ).fetchall() or [row]
            ids = [json.loads(r[0])["event_id"] for r in rows] or [event_id]
            marks = ",".join("?" * len(ids))
            corrections = [
                _correction(r)
                for r in conn.execute(
                    f"SELECT {_CORRECTION_COLUMNS} FROM corrections WHERE undone_at IS NULL AND (event_id IN ({marks})"
                    " OR (anchor IS NOT NULL AND event_id NOT IN (SELECT event_id FROM events))) ORDER BY id",
                    ids,
                ).fetchall()
            ]
        raw = [event_from_dict(json.loads(r[0])) for r in rows]
        events, hidden = apply_corrections(raw, corrections)
        corrected = next((e for e in events if e.event_id == event_id), None)
        original = next((e for e in raw if e.event_id == event_id), None)
        return corrected, original, event_id in hidden

    def stored_event_ids(self) -> set[str]:
        """Ids of the extracted and given events (not the ones users added, which live in corrections)."""
        with closing(self._connect()) as conn:
            return {r[0] for r in conn.execute("SELECT event_id FROM events")}

    def hidden_event_ids(self) -> set[str]:
        return self.corrected_events()[1]

    # ------------------------------------------------------------------ corrections

    def add_correction(
        self,
        *,
        event_id: str,
        kind: str,
        field: str | None = None,
        old_value: Any = None,
        new_value: Any = None,
        anchor: dict[str, Any] | None = None,
    ) -> Correction:
        """Record one change; it is applied on every read from now on."""
        created = _now()
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO corrections (event_id, kind, field, old_value, new_value, anchor, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    event_id,
                    kind,
                    field,
                    json.dumps(old_value, ensure_ascii=False),
                    json.dumps(new_value, ensure_ascii=False),
                    json.dumps(anchor, ensure_ascii=False) if anchor else None,
                    created,
                ),
            )
            cid = int(cur.lastrowid or 0)
        return Correction(cid, event_id, kind, field, old_value, new_value, anchor, created, None)

    def corrections(self, event_id: str | None = None) -> list[Correction]:
        """The audit trail, oldest first, undone ones included (with their undo time)."""
        with closing(self._connect()) as conn:
            return _correction_rows(conn, event_id, include_undone=True)

    def undo(self, correction_id: int | None = None, *, event_id: str | None = None) -> Correction | None:
        """Undo one correction (by id, else the latest live one of the event, else the latest of all)."""
        with self.transaction() as conn:
            if correction_id is not None:
                row = conn.execute(
                    "SELECT id FROM corrections WHERE id = ? AND undone_at IS NULL", (correction_id,)
                ).fetchone()
            elif event_id is not None:
                row = conn.execute(
                    "SELECT id FROM corrections WHERE event_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1",
                    (event_id,),
                ).fetchone()
            else:
                row = conn.execute(
                    "SELECT id FROM corrections WHERE undone_at IS NULL ORDER BY id DESC LIMIT 1"
                ).fetchone()
            if row is None:
                return None
            conn.execute("UPDATE corrections SET undone_at = ? WHERE id = ?", (_now(), row[0]))
            rows = conn.execute(f"SELECT {_CORRECTION_COLUMNS} FROM corrections WHERE id = ?", (row[0],)).fetchall()
        return _correction(rows[0])


# ---------------------------------------------------------------------- row helpers

_CORRECTION_COLUMNS = "id, event_id, kind, field, old_value, new_value, anchor, created_at, undone_at"


def _set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _loads(value: str | None) -> Any:
    return json.loads(value) if value else None


def _correction(row: Sequence[Any]) -> Correction:
    return Correction(
        id=int(row[0]),
        event_id=row[1],
        kind=row[2],
        field=row[3],
        old_value=_loads(row[4]),
        new_value=_loads(row[5]),
        anchor=_loads(row[6]),
        created_at=row[7],
        undone_at=row[8],
    )


def _correction_rows(
    conn: sqlite3.Connection, event_id: str | None, *, include_undone: bool = False
) -> list[Correction]:
    where = [] if include_undone else ["undone_at IS NULL"]
    params: list[Any] = []
    if event_id is not None:
        where.append("event_id = ?")
        params.append(event_id)
    sql = f"SELECT {_CORRECTION_COLUMNS} FROM corrections"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return [_correction(r) for r in conn.execute(sql + " ORDER BY id", params).fetchall()]


def _article_row(row: Sequence[Any]) -> Article:
    keys = ("id", "text", "published", "language", "source", "title", "url", "path")
    return article_from_dict(dict(zip(keys, row, strict=True)))


def _duplicate_of(conn: sqlite3.Connection, article_id: str, digest: str) -> str | None:
    row = conn.execute("SELECT id FROM articles WHERE id = ? OR text_hash = ? LIMIT 1", (article_id, digest)).fetchone()
    return row[0] if row else None


def _insert_article(conn: sqlite3.Connection, article: Article, origin: str) -> AddResult:
    digest = text_hash(article.text)
    existing = _duplicate_of(conn, article.id, digest)
    if existing is not None:
        same = "the same id" if existing == article.id else "the same text"
        return AddResult(existing, False, f"already in the store as {existing!r} ({same}); nothing added")
    conn.execute(
        "INSERT INTO articles (id, text_hash, text, published, language, source, title, url, path, origin, added_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            digest,
            article.text,
            article.published.isoformat() if article.published else None,
            article.language,
            article.source,
            article.title,
            article.url,
            article.path,
            origin,
            _now(),
        ),
    )
    return AddResult(article.id, True, f"added as {article.id!r}")


def _upsert_events(conn: sqlite3.Connection, events: Iterable[Event], *, extracted: bool) -> int:
    n = 0
    now = _now()
    for event in events:
        row = conn.execute("SELECT data FROM events WHERE event_id = ?", (event.event_id,)).fetchone()
        data = event_to_dict(event)
        if row is not None:
            old_ids = json.loads(row[0]).get("article_ids") or []
            data["article_ids"] = list(dict.fromkeys([*old_ids, *data["article_ids"]]))
            conn.execute(
                "UPDATE events SET data = ?, extracted = ? WHERE event_id = ?",
                (json.dumps(data, ensure_ascii=False), int(extracted), event.event_id),
            )
        else:
            conn.execute(
                "INSERT INTO events (event_id, data, extracted, added_at) VALUES (?, ?, ?, ?)",
                (event.event_id, json.dumps(data, ensure_ascii=False), int(extracted), now),
            )
        conn.executemany(
            "INSERT OR IGNORE INTO event_articles (event_id, article_id) VALUES (?, ?)",
            [(event.event_id, a) for a in data["article_ids"]],
        )
        n += 1
    return n


# ---------------------------------------------------------------------- first start, re-extraction


def sample_fingerprint(sample_dir: str | Path) -> str:
    """Names, sizes and times of the sample folder's files: tells when files were added there."""
    digest = hashlib.sha256()
    folder = Path(sample_dir)
    if folder.is_dir():
        for f in sorted(folder.iterdir()):
            if f.is_file() and not f.name.startswith("."):
                st = f.stat()
                digest.update(f"{f.name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:16]


def ensure_store(path: str | Path, sample_dir: str | Path | None = None, *, extract: bool = True) -> Store:
    """The store at `path`, created and filled with the sample corpus on first start.

    Files added to the sample folder later are added on the next start (an article already stored
    stays as it is). When the extraction code changed since the stored events were made, or articles
    were added, every stored article is extracted again (corrections are kept and re-applied).
    """
    store = Store(path)
    added = False
    if sample_dir is not None:
        fingerprint = sample_fingerprint(sample_dir)
        if store.get_meta("sample") != fingerprint:
            from .corpus import load_corpus

            corpus = load_corpus([sample_dir])
            with store.transaction() as conn:
                added = any([_insert_article(conn, a, "sample").added for a in corpus.articles])
                if conn.execute("SELECT value FROM meta WHERE key = 'seeded'").fetchone() is None:
                    _set_meta(conn, "seeded", _now())
                _set_meta(conn, "sample", fingerprint)
    if extract:
        refresh_events(store, force=added)
    return store


def store_is_current(path: str | Path, sample_dir: str | Path | None = None) -> bool:
    """True when the store exists, holds the sample corpus as it is and its events match today's extraction."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)) as conn:
            if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                return False
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return False
    if sample_dir is not None and meta.get("sample") != sample_fingerprint(sample_dir):
        return False
    return "seeded" in meta and meta.get("extraction") == extraction_fingerprint()


def refresh_events(store: Store, *, force: bool = False) -> bool:
    """Re-extract every stored article if the extraction changed (or if forced); True if it ran."""
    fingerprint = extraction_fingerprint()
    if not force and store.get_meta("extraction") == fingerprint:
        return False
    from .pipeline import extract_events

    events = extract_events(store.articles())
    store.replace_extracted_events(events, fingerprint=fingerprint)
    return True
