"""What the dashboard shows by default: the shipped sample corpus, extracted once."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from .corpus import load_corpus
from .models import Article, Event
from .pipeline import extract_events

__all__ = ["DATA_DIR", "SAMPLE_CORPUS", "STORE_PATH", "load_default_articles", "load_default_events"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SAMPLE_CORPUS = DATA_DIR / "articles"
# The store the dashboard reads and writes (the store issue); tests and benchmarks point it elsewhere.
STORE_PATH = Path(os.environ.get("TROOPMAP_STORE", DATA_DIR / "store.sqlite"))


@cache
def load_default_articles() -> tuple[Article, ...]:
    return tuple(load_corpus([SAMPLE_CORPUS]).articles)


@cache
def load_default_events() -> tuple[Event, ...]:
    return tuple(extract_events(load_default_articles()))
