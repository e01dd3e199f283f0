"""Gazetteer, geocoder and place recognition: load time, memory, lookups/s, MB of text/s; geotext as the peer.

Load time and memory are measured in a fresh interpreter, so that other benchmarks do not count. Times
are CPU times of this process (one core), so that other work on the machine does not count either.
Recall and precision are on the team's seeds and our test articles (tests/data/places), whose gold
says which places each article names.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

from geo.corpus import load_corpus
from geo.gazetteer import get_gazetteer
from geo.geocoder import OfflineGeocoder
from geo.names import fold
from geo.places import find_mentions

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
_TARGET_BYTES = 2_000_000

_FRESH = """
import resource, time
t0 = time.process_time()
from geo.gazetteer import Gazetteer, INDEX_PATH
t1 = time.process_time()
g = Gazetteer.load(INDEX_PATH)
t2 = time.process_time()
loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
import geo.places as places
places.get_gazetteer = lambda: g
places.find_mentions("French troops left Gao, in northern Mali, for Niamey.")
used = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{t1 - t0:.3f} {t2 - t1:.3f} {loaded:.0f} {used:.0f}")
"""


def _corpora() -> list[tuple[list, dict]]:
    """(articles, gold by article id) for the seeds (when the team's folder is there) and our test articles."""
    out = []
    seeds = SHARED / "corpus" / "seeds"
    if seeds.exists():
        gold = json.loads((SHARED / "eval" / "gold" / "seeds_places.json").read_text(encoding="utf-8"))["articles"]
        out.append((load_corpus([seeds]).articles, gold))
    ours = ROOT / "tests" / "data" / "places"
    gold = json.loads((ours / "gold.json").read_text(encoding="utf-8"))["articles"]
    out.append((load_corpus([ours / "articles"]).articles, gold))
    return out


def _load_and_memory() -> None:
    get_gazetteer()  # built if missing, so that the fresh interpreter only loads
    out = subprocess.run([sys.executable, "-c", _FRESH], cwd=ROOT, capture_output=True, text=True, check=True)
    imp, load, loaded, used = out.stdout.split()
    print(f"index load: {float(load):.2f} s (+ {float(imp):.2f} s imports); goal < 1 s")
    print(f"resident memory: {loaded} MB after loading, {used} MB after recognising a text; goal < 300 MB")


def _geocoder() -> None:
    gaz = get_gazetteer()
    rng = random.Random(7)
    keys = rng.sample(sorted(gaz.index), 50_000)
    geocoder = OfflineGeocoder(gaz)
    t0 = time.process_time()
    for key in keys:
        geocoder.geocode(key)
    cold = len(keys) / (time.process_time() - t0)
    news = [m.text for articles, _ in _corpora() for a in articles for m in find_mentions(a.text)]
    queries = (news * (200_000 // max(1, len(news)) + 1))[:200_000]
    t0 = time.process_time()
    for query in queries:
        geocoder.geocode(query)
    warm = len(queries) / (time.process_time() - t0)
    print(f"geocoder: {cold:,.0f} lookups/s for 50,000 distinct names, {warm:,.0f} lookups/s for the names of news")
    print("  articles (repeated names); goal >= 100,000")


def _bench_text() -> tuple[list[str], int]:
    texts = [a.text for articles, _ in _corpora() for a in articles]
    size = sum(len(t.encode("utf-8")) for t in texts)
    reps = _TARGET_BYTES // size + 1
    return texts * reps, size * reps


def _recognition() -> None:
    texts, size = _bench_text()
    find_mentions(texts[0])
    t0 = time.process_time()
    count = sum(len(find_mentions(t)) for t in texts)
    ours = size / 1e6 / (time.process_time() - t0)
    print(f"place recognition: {ours:.2f} MB/s on one core ({size / 1e6:.1f} MB, {count:,} mentions); goal >= 2")
    try:
        from geotext import GeoText
    except ImportError:
        print("geotext: not installed (requirements-dev.txt)")
        return
    GeoText(texts[0])
    t0 = time.process_time()
    for t in texts:
        GeoText(t)
    peer = size / 1e6 / (time.process_time() - t0)
    print(f"geotext on the same texts: {peer:.2f} MB/s")


def _quality() -> None:
    """Recall and false names, by name: a gold place is found when a mention's words (or, for us, the
    gazetteer's name: Tombouctou -> Timbuktu) fold to its name; a mention naming nothing in the gold is false."""
    try:
        from geotext import GeoText
    except ImportError:
        return
    totals = {"troopmap": [0, 0, 0], "geotext": [0, 0, 0]}  # required found, required, false names
    for articles, gold in _corpora():
        for article in articles:
            g = gold.get(article.id)
            if g is None:
                continue
            required = {fold(p["name"]) for p in g["required"]}
            allowed = required | {fold(n) for n in g.get("optional", [])}
            ours = {
                frozenset({fold(m.text), fold(m.place.name)})
                for m in find_mentions(article.text, language=article.language)
            }
            found = GeoText(article.text)
            peer = {frozenset({fold(n)}) for n in found.cities + found.countries}
            for who, mentions in (("troopmap", ours), ("geotext", peer)):
                names = set().union(*mentions) if mentions else set()
                totals[who][0] += len(required & names)
                totals[who][1] += len(required)
                totals[who][2] += sum(1 for m in mentions if not m & allowed)
    for who, (hit, total, false) in totals.items():
        print(
            f"  {who}: recall {hit / total:.2f} ({hit}/{total} required places), {false} names that are no gold place"
        )


def main() -> None:
    _load_and_memory()
    _geocoder()
    _recognition()
    print("on the seeds and tests/data/places, by name (the team's scorer also checks coordinates):")
    _quality()


if __name__ == "__main__":
    main()
