"""`streamlit run dashboard.py` reads the data when the server starts, before anyone visits (st.App lifespan)."""

from __future__ import annotations

import time
from pathlib import Path

from bench.synthetic import synthetic_store
from geo import event_cache
from geo.store import Store


def test_the_server_reads_the_store_before_the_first_visit(streamlit_app, tmp_path: Path) -> None:
    store = synthetic_store(tmp_path / "store.sqlite", 200)
    copy = event_cache.cache_path(store)
    assert not copy.exists()
    streamlit_app({"TROOPMAP_STORE": str(store)})  # healthy; no page opened
    deadline = time.monotonic() + 60
    while not copy.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert copy.exists(), "the server did not read the store at start"
    events, hidden = event_cache.load(store, Store(store).revision())  # type: ignore[misc]
    assert len(events) >= 200 and not hidden
