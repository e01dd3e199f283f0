"""Dashboard speed in a real browser with a synthetic store of 20,000 events (printed, never asserted).

Time from server start to the map shown, from a filter change (a shared link with ?force=Takuba opened
in the same page, and a sidebar choice) to the updated map, and the server's resident memory.
Goals: map within 3 s, filter change within 1 s, memory under 500 MB.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

N_EVENTS = 20_000
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
COUNT_JS = """() => { let n = 0; if (!window.map) return -1;
  window.map.eachLayer(l => { if (l._topClusterLevel) { n += l.getLayers().length; } }); return n; }"""


def _rss_mb(pid: int) -> float:
    total = 0
    for p in [pid, *_children(pid)]:
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(x) for x in fh.read().split()]
    except OSError:
        return []


def _wait_count(page, predicate, timeout: float = 60.0) -> tuple[int, float]:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        frame = next((f for f in page.frames if "st_folium" in f.url), None)
        if frame is not None:
            try:
                n = frame.evaluate(COUNT_JS)
            except Exception:  # the frame is being replaced
                n = -1
            if n >= 0 and predicate(n):
                return n, time.perf_counter() - t0
        page.wait_for_timeout(50)  # lets Playwright process frame events (time.sleep would not)
    return -1, time.perf_counter() - t0


def main() -> None:
    from playwright.sync_api import sync_playwright

    from bench.synthetic import synthetic_store
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, start_streamlit, stop, wait_healthy

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = synthetic_store(Path(tmp) / "store.sqlite", N_EVENTS)
        print(f"synthetic store of {N_EVENTS:,} events: {time.perf_counter() - t0:.1f} s")
        log = Path(tmp) / "server.log"
        # As `make run` builds the data before the server starts: if the extraction code changed since the
        # store was made (others at work in the same checkout), re-extract now, untimed, not in the server.
        from geo.gazetteer import ensure_index
        from geo.store import ensure_store

        ensure_index()
        events = ensure_store(store, None).events()
        os.environ["TROOPMAP_STORE"] = str(store)  # then `make run`'s build step, for this store
        t0 = time.perf_counter()
        from geo.build import ensure_data

        built = ensure_data()
        print(f"build step (python -m geo.build): {time.perf_counter() - t0:.2f} s, built: {', '.join(built) or '-'}")
        n_all = sum(1 for e in events if e.location is not None)
        n_takuba = sum(1 for e in events if e.location is not None and e.force == "Takuba")
        with sync_playwright() as pw:
            # The user's browser is already open: its start-up is not the server's.
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto("about:blank")
            t_start = time.perf_counter()
            proc, url = start_streamlit({"TROOPMAP_STORE": str(store)}, log)
            try:
                wait_healthy(url, proc, log)
                healthy = time.perf_counter() - t_start
                page.goto(url)
                page.get_by_text("Deployments and withdrawals").first.wait_for(timeout=60_000)
                title = time.perf_counter() - t_start
                page.wait_for_selector(MAP_FRAME, timeout=60_000)
                frame = time.perf_counter() - t_start
                _, first = _wait_count(page, lambda n: n > 0)
                first = time.perf_counter() - t_start
                _wait_count(page, lambda n: n >= n_all)
                since_start = time.perf_counter() - t_start
                print(
                    f"cold server: start -> healthy {healthy:.2f} s, title {title:.2f} s, map frame {frame:.2f} s, "
                    f"first markers {first:.2f} s, all {n_all:,} markers = map shown {since_start:.2f} s (goal 3 s)"
                )
                t1 = time.perf_counter()
                page.goto(url)
                _, first = _wait_count(page, lambda n: n > 0)
                _wait_count(page, lambda n: n >= n_all)
                print(
                    f"warm server, page reload -> first markers {first:.2f} s, "
                    f"all {n_all:,} markers {time.perf_counter() - t1:.2f} s"
                )
                page.locator('[data-testid="stSidebar"]').get_by_text("Force or mission").wait_for()
                page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').first.click()
                option = page.get_by_role("option").filter(has_text="Takuba").first
                option.wait_for()
                t2 = time.perf_counter()
                option.click()
                _wait_count(page, lambda n: n == n_takuba)
                print(
                    f"filter change (sidebar, force=Takuba) -> map with its {n_takuba:,} events: "
                    f"{time.perf_counter() - t2:.2f} s (goal 1 s)"
                )
                print(f"server memory (RSS, with children): {_rss_mb(proc.pid):.0f} MB (goal 500 MB)")
            finally:
                stop(proc)
                browser.close()
