"""What the dashboard shows by default: the shipped sample corpus, extracted once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .corpus import load_corpus
from .models import Article, Event
from .pipeline import extract_events

__all__ = ["DATA_DIR", "SAMPLE_CORPUS", "load_default_articles", "load_default_events"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SAMPLE_CORPUS = DATA_DIR / "articles"


@cache
def load_default_articles() -> tuple[Article, ...]:
    return tuple(load_corpus([SAMPLE_CORPUS]).articles)


@cache
def load_default_events() -> tuple[Event, ...]:
    return tuple(extract_events(load_default_articles()))
