"""`python -m geo.build`: build the data the dashboard needs when it is missing or stale.

`make run` and `make test` call it; the dashboard calls `ensure_data()` on its first start, so a
host that only runs `pip install -r requirements.txt` and `streamlit run dashboard.py` works too.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

__all__ = ["ensure_data", "main"]

Step = Callable[[], bool]

# One build at a time in a process: the server's warm-up (dashboard_shared.warm_start) and a first visit may
# both call ensure_data; the second waits for the first and then finds everything built.
_building = threading.Lock()


def _steps() -> list[tuple[str, Step]]:
    """(what, builder) pairs; each builder returns True when it had to build something."""
    return [
        ("the gazetteer index", _build_gazetteer),
        ("the event store", _build_store),
        ("the map's event data", _build_map_data),
    ]


def _build_gazetteer() -> bool:
    """data/gazetteer.pkl from GeoNames, countryinfo, CLDR and data/places_extra.csv, when missing or stale."""
    from .gazetteer import ensure_index

    return ensure_index()


def _build_store() -> bool:
    """The store at app_data.store_path(): created with the sample corpus, re-extracted when stale."""
    from .app_data import SAMPLE_CORPUS, store_path
    from .store import store_is_current

    path = store_path()
    if store_is_current(path, SAMPLE_CORPUS):
        return False
    from .store import ensure_store

    ensure_store(path, SAMPLE_CORPUS)
    return True


def _build_map_data() -> bool:
    """static/cache/: every event's popup and marker data, the country outlines and towns of the base map,
    so that a fresh server's first map reads them instead of making them."""
    from .app_data import event_table_url, load_events
    from .mapping import base_map

    built = event_table_url()[1]
    if built:  # the base map's caches are warmed with each new table: a current table finds them warm
        base_map(load_events())
    return built


def ensure_data(progress: Callable[[str], None] | None = None) -> list[str]:
    """Build whatever is missing; returns what was built."""
    built = []
    with _building:
        for what, step in _steps():
            if progress:
                progress(f"Preparing {what}...")
            t0 = time.perf_counter()
            if step():
                built.append(f"{what} ({time.perf_counter() - t0:.1f} s)")
    return built


def main() -> int:
    built = ensure_data(progress=lambda msg: print(msg, file=sys.stderr))
    print("built: " + ", ".join(built) if built else "data up to date", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
