"""Extraction speed: articles of about 600 words per second for the whole extraction (sentences, cues,
places and geocoding, events, merging), on one core, beside geotext (PyPI) over the same corpus."""

from __future__ import annotations

import os
import time
from pathlib import Path

from geo.app_data import SAMPLE_CORPUS
from geo.corpus import load_corpus
from geo.events import extract_corpus
from geo.models import Article

from .stages import report, timed_stages

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [SAMPLE_CORPUS, *sorted((ROOT / "tests" / "data").glob("events*"))]  # every test article folder
WORDS = 600
ARTICLES = 600
STAGE_ARTICLES = 200  # articles of the run that times each stage


def _corpus() -> list[Article]:
    """Articles of about 600 words, each the texts of one language joined end to end from a different start."""
    by_lang: dict[str, list[Article]] = {}
    for article in load_corpus([p for p in SOURCES if p.is_dir()]).articles:
        by_lang.setdefault(article.language or "en", []).append(article)
    out = []
    langs = sorted(by_lang)
    for i in range(ARTICLES):
        group = by_lang[langs[i % len(langs)]]
        paragraphs: list[str] = []
        k = i
        while sum(len(p.split()) for p in paragraphs) < WORDS:
            paragraphs.append(group[k % len(group)].text)
            k += 1
        first = group[i % len(group)]
        out.append(
            Article(
                id=f"bench{i:04d}", text="\n\n".join(paragraphs), published=first.published, language=first.language
            )
        )
    return out


def _stages(articles: list[Article]) -> None:
    """The CPU time of each stage, from a run of its own with timers (which slow it a little)."""
    with timed_stages() as clock:
        t0 = time.process_time()
        extract_corpus(articles)
        total = time.process_time() - t0
    print(f"  per stage, own CPU time ({len(articles)} articles, timed run: {len(articles) / total:,.0f} articles/s):")
    print("\n".join(report(clock, len(articles), total)))


def main() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the issue asks
    articles = _corpus()
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    extract_corpus(articles[:3])  # loads the gazetteer and the rules once, as a running dashboard has them
    t0 = time.process_time()  # CPU time of this process: other work on the machine does not count
    events = extract_corpus(articles)
    ours = time.process_time() - t0
    rate = len(articles) / ours
    print(f"extraction: {len(articles)} articles of ~{words:.0f} words in {ours:.2f} s CPU = {rate:,.0f} articles/s")
    # the articles are whole texts joined until they reach 600 words, so they run longer: the unit too
    print(f"  = {rate * words:,.0f} words/s = {rate * words / WORDS:,.0f} articles of {WORDS} words/s (issue: 300)")
    print(f"  {len(events)} events after merging (the articles reuse the test texts, so many merge)")
    _stages(articles[:STAGE_ARTICLES])
    try:
        from geotext import GeoText
    except ImportError:
        print("geotext: not installed (pip install -r requirements-dev.txt)")
        return
    GeoText(articles[0].text)
    t0 = time.process_time()
    found = sum(len(GeoText(a.text).cities) for a in articles)
    theirs = time.process_time() - t0
    print(f"geotext (place names only): {len(articles) / theirs:,.0f} articles/s ({found} city mentions)")
    print(
        f"ratio: troopmap does the whole extraction at {theirs / ours:.3f}x geotext's speed at finding names"
        f" (geotext is {ours / theirs:,.0f} times faster)"
    )
