"""Store speed: committed writes per second, bulk inserts, reads with corrections, saving an added article."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from bench.synthetic import synthetic_articles, synthetic_events
from geo import corrections, ingest
from geo.app_data import SAMPLE_CORPUS
from geo.models import Article
from geo.store import Store, ensure_store

ROOT = Path(__file__).resolve().parent.parent


def _rate(n: int, seconds: float, what: str) -> str:
    return f"{n:,} {what} in {seconds:.2f} s = {n / seconds:,.0f}/s"


def _two_writers(path: Path, n: int) -> float:
    code = textwrap.dedent(
        """
        import sys
        from geo.models import Article
        from geo.store import Store
        store = Store(sys.argv[1])
        for i in range(int(sys.argv[3])):
            store.add_article(Article(id=f"{sys.argv[2]}-{i}", text=f"{sys.argv[2]} article {i}"))
        """
    )
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(path), who, str(n)], cwd=ROOT, env={"PYTHONPATH": str(ROOT)})
        for who in ("p1", "p2")
    ]
    for proc in procs:
        proc.wait()
    return time.perf_counter() - t0


def _corrections_page(path: Path) -> None:
    """The corrections page (AppTest, no browser) on a 20,000-event store: open it, save one correction."""
    import os

    from streamlit.testing.v1 import AppTest

    from bench.synthetic import synthetic_store

    synthetic_store(path, 20_000)
    old = os.environ.get("TROOPMAP_STORE")
    os.environ["TROOPMAP_STORE"] = str(path)
    try:
        at = AppTest.from_file(str(ROOT / "pages" / "corrections.py"), default_timeout=600)
        t0 = time.perf_counter()
        at.run()
        opened = time.perf_counter() - t0
        next(x for x in at.text_input if x.label == "Troops").set_value("777")
        t0 = time.perf_counter()
        next(b for b in at.button if b.label == "Save changes").click().run()
        saved = time.perf_counter() - t0
        print(f"corrections page, 20,000 events: opens in {opened:.2f} s, saves one correction in {saved:.2f} s")
    finally:
        if old is None:
            os.environ.pop("TROOPMAP_STORE", None)
        else:
            os.environ["TROOPMAP_STORE"] = old


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp, "bench.sqlite"))
        articles = synthetic_articles(2000)

        t0 = time.perf_counter()
        for a in articles[:300]:
            store.add_article(a)
        print("one article per transaction (fsync each):", _rate(300, time.perf_counter() - t0, "articles"))

        t0 = time.perf_counter()
        store.add_articles(articles[300:])
        print("articles in one transaction:", _rate(1700, time.perf_counter() - t0, "articles"))

        events = synthetic_events(20_000, articles=articles)
        t0 = time.perf_counter()
        store.add_events(events)
        print("add_events, 20,000 in one transaction:", _rate(20_000, time.perf_counter() - t0, "events"))

        t0 = time.perf_counter()
        n = len(store.events())
        print("read every event (corrections applied):", _rate(n, time.perf_counter() - t0, "events"))

        t0 = time.perf_counter()
        for i in range(200):
            corrections.edit_event(store, events[i * 50].event_id, "troops", 1000 + i)
        print("corrections (read, check, write each):", _rate(200, time.perf_counter() - t0, "corrections"))
        for i in range(800):
            store.add_correction(event_id=events[i].event_id, kind="edit", field="status", new_value="completed")
        t0 = time.perf_counter()
        n = len(store.events())
        print("read every event with 1,000 corrections:", _rate(n, time.perf_counter() - t0, "events"))

        t0 = time.perf_counter()
        for _ in range(1000):
            store.revision()
        print("revision() (the cache key of every page rerun):", _rate(1000, time.perf_counter() - t0, "calls"))

        dt = _two_writers(Path(tmp, "bench.sqlite"), 200)
        print("two processes writing at once:", _rate(400, dt, "articles (both, incl. start-up)"))

        sample = ensure_store(Path(tmp, "sample.sqlite"), SAMPLE_CORPUS)
        text = (SAMPLE_CORPUS / "003_a3695cdb5900521c.txt").read_text(encoding="utf-8")
        draft = ingest.read_paste(text + "\n\nUpdated.", ingest.Metadata(title="Copy"))
        t0 = time.perf_counter()
        ingest.preview(draft, sample)
        print(f"preview of one article (extraction, places): {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        ingest.save(sample, [draft])
        n_articles = sample.count("articles")
        print(
            f"save one article and re-extract the store ({n_articles} articles, "
            f"{len(sample.events())} events): {time.perf_counter() - t0:.2f} s"
        )
        _corrections_page(Path(tmp, "page.sqlite"))
        big = Article(id="big", text=text * 40)
        t0 = time.perf_counter()
        ingest.preview(ingest.Draft("big", article=big), None)
        print(f"preview of a {len(big.text) // 1024} KiB article: {time.perf_counter() - t0:.2f} s")
