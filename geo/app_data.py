"""What the dashboard shows: the articles and (corrected) events of the store; the pages' one entry point.

The store (geo.store) lives at `store_path()`: `TROOPMAP_STORE` when set, else `STORE_PATH`
(data/store.sqlite). On first use it is created and the sample corpus is loaded and extracted into it.
Reads are cached per store revision, so a page rerun costs one tiny query until something is written.
"""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path
from typing import Any

from . import event_cache
from .models import Article, Event
from .store import Store, ensure_store, refresh_events

__all__ = [
    "DATA_DIR",
    "SAMPLE_CORPUS",
    "STORE_PATH",
    "event_table_url",
    "get_store",
    "hidden_event_ids",
    "load_all_events",
    "load_articles",
    "load_default_articles",
    "load_default_events",
    "load_events",
    "reextract",
    "store_path",
    "warm_up",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SAMPLE_CORPUS = DATA_DIR / "articles"
# The default store; `TROOPMAP_STORE` (read at each call of store_path) points tests, benches, hosts elsewhere.
STORE_PATH = DATA_DIR / "store.sqlite"

_lock = threading.Lock()
_reading = threading.Lock()  # one read of the store at a time: a second reader waits and takes the first's result
_stores: dict[Path, Store] = {}
_cached: dict[tuple[str, Path], tuple[int, Any]] = {}


def store_path() -> Path:
    """`TROOPMAP_STORE` as set now, else data/store.sqlite."""
    env = os.environ.get("TROOPMAP_STORE")
    return Path(env) if env else STORE_PATH


def get_store() -> Store:
    """The open store, created (with the sample corpus, extracted) on first use in this process."""
    path = store_path()
    with _lock:
        store = _stores.get(path)
        if store is None or not path.exists():
            store = ensure_store(path, SAMPLE_CORPUS)
            _stores[path] = store
            for key in [k for k in _cached if k[1] == store.path]:  # a new file restarts the revisions
                del _cached[key]
    return store


def _cached_read(what: str, read: Any) -> Any:
    store = get_store()
    with _reading:
        revision = store.revision()
        key = (what, store.path)
        hit = _cached.get(key)
        if hit is not None and hit[0] == revision:
            return hit[1]
        value = read(store, revision)
        _cached[key] = (revision, value)
        return value


def load_articles() -> tuple[Article, ...]:
    """Every stored article (the sample corpus and what users added)."""
    return _cached_read("articles", lambda s, _: tuple(s.articles()))


def _corrected() -> tuple[tuple[Event, ...], tuple[Event, ...], frozenset[str]]:
    """(shown events, all events, hidden ids) from one read of the store per revision.

    A fresh server takes them from the store's compact copy (geo.event_cache) when it is current, and
    writes that copy after reading the store itself.
    """

    def read(store: Store, revision: int) -> tuple[tuple[Event, ...], tuple[Event, ...], frozenset[str]]:
        cached = event_cache.load(store.path, revision)
        if cached is not None:
            events, hidden = cached
        else:
            events, hidden = store.corrected_events()
            if store.revision() == revision:  # nothing was written meanwhile: the copy is of this revision
                event_cache.save(store.path, revision, events, hidden)
        return tuple(e for e in events if e.event_id not in hidden), tuple(events), frozenset(hidden)

    return _cached_read("events", read)


def load_events() -> tuple[Event, ...]:
    """Every event with the users' corrections applied, hidden ones left out."""
    return _corrected()[0]


def load_all_events() -> tuple[Event, ...]:
    """Every event with corrections applied, hidden ones included (the corrections page lists them)."""
    return _corrected()[1]


def hidden_event_ids() -> frozenset[str]:
    return _corrected()[2]


def reextract() -> None:
    """Extract every stored article again (after an article was added); corrections are re-applied."""
    refresh_events(get_store(), force=True)


def _table_key(store: Store, revision: int) -> str:
    """What the map's event table is built from: this store file at this revision, and the code drawing it."""
    stat = store.path.stat()
    digest = hashlib.sha256(f"{store.path.resolve()}|{stat.st_dev}|{stat.st_ino}|{revision}".encode())
    here = Path(__file__).resolve().parent
    for name in ("mapping.py", "models.py", "app_data.py"):
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:24]


def event_table_url() -> tuple[str | None, bool]:
    """(/app/static URL of the map's event table for the store as it is now, whether it had to be built).

    The table (popups of every event, 3 MB for 20,000 events) is written once per store revision, by the
    build step (`make run`) or by the first page that needs it, and named by its key, so a fresh server
    finds it without reading and rendering every event again. URL None: static/cache cannot be written.
    """
    store = get_store()
    revision = store.revision()
    key = _table_key(store, revision)
    from .assets import publish_json, published_json

    url = published_json("events", key)
    if url is not None:
        return url, False
    from .mapping import event_table

    return publish_json("events", event_table(load_events(), load_articles()), key=key), True


def warm_up() -> None:
    """Build what is missing and read what a fresh server's first map needs, before its first visitor comes.

    The dashboard runs this in a thread when the server starts (dashboard_shared.warm_start), while the
    first browser is still loading Streamlit's page: the data (built if missing, as `make run` does), the
    events and articles, and the map's code (folium, the slowest import) with its basemap's caches. A visit
    that comes earlier waits for what is under way (the locks above and in geo.build) instead of doing
    it twice; a store written since is read again, as always, by its revision.
    """
    from .build import ensure_data

    ensure_data()
    events = load_events()
    load_articles()
    from .mapping import base_map

    base_map(events)


# The names the first pages used.
load_default_articles = load_articles
load_default_events = load_events
