"""The domain records of SCHEMA.md: what every module passes around.

Frozen, slotted dataclasses so that a record can be hashed, cached and shared between threads
without anyone changing it behind another's back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ACTIONS",
    "FEATURES",
    "STATUSES",
    "Article",
    "Event",
    "Place",
    "PlaceMention",
    "Problem",
]

ACTIONS = ("deployment", "withdrawal", "redeployment", "strike", "cooperation_ended")
STATUSES = ("announced", "planned", "ongoing", "completed", "unknown")
FEATURES = ("country", "admin", "city", "village", "region", "continent", "water", "other")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from the corpus; `id` is the file stem."""

    id: str
    text: str
    published: dt.date | None = None
    language: str | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "path": self.path,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: where a named place is and how precisely we know it."""

    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    geonames_id: int | None = None
    precision: int = 1
    population: int = 0
    uncertainty_km: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "lat": round(self.lat, 5),
            "lon": round(self.lon, 5),
            "country": self.country,
            "feature": self.feature,
            "geonames_id": self.geonames_id,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in an article, with the character offsets of the words that name it."""

    article_id: str
    start: int
    end: int
    text: str
    place: Place

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            **self.place.to_dict(),
        }

    def as_location(self) -> dict[str, Any]:
        """The place object of an event (SCHEMA.md): the words as written plus the gazetteer entry."""
        return {"text": self.text, **self.place.to_dict()}


@dataclass(frozen=True, slots=True)
class Event:
    """One deployment, withdrawal, redeployment, strike or ended cooperation, traced to its words."""

    event_id: str
    article_ids: tuple[str, ...]
    action: str
    status: str
    force: str | None
    actor_country: str | None
    location: PlaceMention | None
    destination: PlaceMention | None = None
    troops: int | None = None
    troops_text: str | None = None
    date: str | None = None
    date_precision: str = "unknown"
    date_text: str | None = None
    evidence: str = ""
    confidence: float = 0.5
    evidences: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_ids": list(self.article_ids),
            "action": self.action,
            "status": self.status,
            "force": self.force,
            "actor_country": self.actor_country,
            "location": self.location.as_location() if self.location else None,
            "destination": self.destination.as_location() if self.destination else None,
            "troops": self.troops,
            "troops_text": self.troops_text,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "evidence": self.evidence,
            "evidences": list(self.evidences or (self.evidence,)),
            "confidence": round(self.confidence, 3),
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """An article that could not be read, and why: reported to the user, never raised."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"
