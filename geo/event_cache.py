"""A compact copy of a store's corrected events, beside the store, that a fresh server reads 5 to 10 times faster.

Decoding 20,000 events from the store's JSON takes a fresh dashboard about half a second; this copy (tuples
in `marshal`'s format, the few hundred places written once each) takes a tenth of that. It is written
whenever the whole store has been read (the build step, a server's first read after a write) and read only
when its key matches what the events come from now:

- the store file: its resolved path, device and inode (another file at the same path is another store),
  its size and modification time and those of its write-ahead log (a write that bypassed geo.store);
- the store's revision, which every committed write through geo.store raises (added articles,
  corrections, re-extraction);
- the code that makes and encodes events (models, serialization, corrections, the store, this module)
  and the Python that wrote it.

Anything else (no file, another key, a damaged file) means: read the store, as without the copy. marshal
builds only plain values (tuples, strings, numbers), never objects or code.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .models import Event, Place, PlaceMention

__all__ = ["cache_key", "cache_path", "load", "save"]

FORMAT = 1
_CODE = ("models.py", "serialize.py", "corrections.py", "store.py", "event_cache.py")


def cache_path(store_path: Path) -> Path:
    """`store.sqlite` -> `store.sqlite.events`: beside the store (data/store.sqlite* is git-ignored)."""
    return store_path.with_name(store_path.name + ".events")


def cache_key(store_path: Path, revision: int) -> str:
    """What the events read now come from (see the module's docstring); '' when the store file is gone."""
    try:
        stat = store_path.stat()
    except OSError:
        return ""
    try:  # a write not yet copied into the file itself sits in the write-ahead log
        wal = store_path.with_name(store_path.name + "-wal").stat()
        log: tuple[int, int] | None = (wal.st_size, wal.st_mtime_ns)
    except OSError:
        log = None
    file = (str(store_path.resolve()), stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns, log)
    digest = hashlib.sha256(repr((FORMAT, file, revision, sys.version, marshal.version)).encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def save(store_path: Path, revision: int, events: Sequence[Event], hidden: Iterable[str]) -> bool:
    """Write the copy for the store at `revision` (atomically); False when it cannot be written."""
    key = cache_key(store_path, revision)
    if not key:
        return False
    places: dict[Place, int] = {}
    strings: dict[str, str] = {}  # one object per distinct string: marshal writes the others as references
    one = strings.setdefault

    def mention(m: PlaceMention | None) -> tuple[Any, ...] | None:
        if m is None:
            return None
        index = places.setdefault(m.place, len(places))
        return (one(m.article_id, m.article_id), m.start, m.end, one(m.text, m.text), index)

    def text(value: str | None) -> str | None:
        return None if value is None else one(value, value)

    rows = [
        (
            e.event_id,
            tuple(one(a, a) for a in e.article_ids),
            one(e.action, e.action),
            one(e.status, e.status),
            text(e.force),
            text(e.actor_country),
            mention(e.location),
            mention(e.destination),
            e.troops,
            text(e.troops_text),
            text(e.date),
            one(e.date_precision, e.date_precision),
            text(e.date_text),
            one(e.evidence, e.evidence),
            e.confidence,
            tuple(one(x, x) for x in e.evidences),
        )
        for e in events
    ]
    place_rows = [
        (p.name, p.lat, p.lon, p.country, p.feature, p.geonames_id, p.precision, p.population, p.uncertainty_km)
        for p in places
    ]
    target = cache_path(store_path)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        with tmp.open("wb") as fh:
            marshal.dump((FORMAT, key), fh)
            marshal.dump((tuple(place_rows), tuple(rows), tuple(sorted(hidden))), fh)
        tmp.replace(target)
    except (OSError, ValueError):
        tmp.unlink(missing_ok=True)
        return False
    return True


def load(store_path: Path, revision: int) -> tuple[list[Event], set[str]] | None:
    """(corrected events, hidden ids) as `Store.corrected_events()` gives them, or None: read the store."""
    key = cache_key(store_path, revision)
    if not key:
        return None
    try:
        with cache_path(store_path).open("rb") as fh:
            if marshal.load(fh) != (FORMAT, key):  # the header alone says whether the copy is current
                return None
            place_rows, rows, hidden = marshal.load(fh)
        places = [Place(*p) for p in place_rows]

        def mention(m: tuple[Any, ...] | None) -> PlaceMention | None:
            return None if m is None else PlaceMention(m[0], m[1], m[2], m[3], places[m[4]])

        events = [Event(*r[:6], mention(r[6]), mention(r[7]), *r[8:]) for r in rows]
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        return None
    return events, set(hidden)
