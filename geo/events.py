"""Articles to events (placeholder until the extraction issue lands)."""

from __future__ import annotations

from .models import Article, Event

__all__ = ["extract_corpus"]


def extract_corpus(articles: list[Article]) -> list[Event]:
    """Events of every article, merged across articles."""
    return []
