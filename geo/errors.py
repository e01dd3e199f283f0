"""One small error hierarchy: what a user may be shown as a sentence, never as a traceback."""

from __future__ import annotations

__all__ = ["GeoError", "UnreadableArticle", "UsageError"]


class GeoError(Exception):
    """Base of every error the core raises on purpose."""


class UnreadableArticle(GeoError):
    """An article that cannot be turned into text (empty, binary, undecodable, missing)."""


class UsageError(GeoError):
    """A wrong call: no such path, a bad option value."""
