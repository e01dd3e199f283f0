"""Place mentions in text (placeholder until the gazetteer issue lands)."""

from __future__ import annotations

from .models import Article, PlaceMention

__all__ = ["find_places"]


def find_places(article: Article) -> list[PlaceMention]:
    """Place mentions of one article, with character offsets."""
    return []
