"""The whole extraction for a corpus, in one place that the CLI, the dashboard and the store call."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Article, Event, PlaceMention

__all__ = ["extract_events", "find_places"]


def find_places(articles: Iterable[Article]) -> list[PlaceMention]:
    """Every place mention in the articles, in article then text order."""
    from .places import find_places as _find

    out: list[PlaceMention] = []
    for article in articles:
        out.extend(_find(article))
    return out


def extract_events(articles: Iterable[Article]) -> list[Event]:
    """Events of every article, merged across articles that report the same happening."""
    from .events import extract_corpus

    return extract_corpus(list(articles))
