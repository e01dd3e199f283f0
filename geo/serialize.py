"""Records to plain dicts and back, losslessly, for the store and for corrections.

`models.py` writes the SCHEMA.md shape (`Event.to_dict`), where a place inside an event drops its
offsets; the store needs every field back, so these functions keep them. The readers accept both
shapes and forgive missing keys, because a stored row may be older than the code reading it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .models import Article, Event, Place, PlaceMention

__all__ = [
    "article_from_dict",
    "article_to_dict",
    "event_from_dict",
    "event_to_dict",
    "mention_from_dict",
    "mention_to_dict",
    "place_from_dict",
    "place_to_dict",
]


def _int_or_none(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value)
    return text if text else None


def place_to_dict(place: Place) -> dict[str, Any]:
    """Every field of a Place (Place.to_dict rounds and drops population and uncertainty)."""
    return {
        "name": place.name,
        "lat": place.lat,
        "lon": place.lon,
        "country": place.country,
        "feature": place.feature,
        "geonames_id": place.geonames_id,
        "precision": place.precision,
        "population": place.population,
        "uncertainty_km": place.uncertainty_km,
    }


def place_from_dict(data: dict[str, Any]) -> Place:
    """A Place from `place_to_dict` or SCHEMA.md's place object; raises ValueError without lat/lon."""
    try:
        lat, lon = float(data["lat"]), float(data["lon"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError("a place needs numeric lat and lon") from exc
    uncertainty = data.get("uncertainty_km")
    return Place(
        name=str(data.get("name") or data.get("text") or "?"),
        lat=lat,
        lon=lon,
        country=_str_or_none(data.get("country")),
        feature=str(data.get("feature") or "other"),
        geonames_id=_int_or_none(data.get("geonames_id")),
        precision=_int_or_none(data.get("precision")) or 1,
        population=_int_or_none(data.get("population")) or 0,
        uncertainty_km=float(uncertainty) if isinstance(uncertainty, int | float) else None,
    )


def mention_to_dict(mention: PlaceMention) -> dict[str, Any]:
    return {
        "article_id": mention.article_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "place": place_to_dict(mention.place),
    }


def mention_from_dict(data: dict[str, Any] | None, article_id: str = "") -> PlaceMention | None:
    """A PlaceMention from `mention_to_dict`, `PlaceMention.to_dict` or an event's location object."""
    if not data:
        return None
    place_data = data.get("place") if isinstance(data.get("place"), dict) else data
    place = place_from_dict(place_data)
    return PlaceMention(
        article_id=str(data.get("article_id") or article_id),
        start=_int_or_none(data.get("start")) or 0,
        end=_int_or_none(data.get("end")) or 0,
        text=str(data.get("text") or place.name),
        place=place,
    )


def event_to_dict(event: Event) -> dict[str, Any]:
    """Every field of an Event, places with their offsets and full gazetteer entry."""
    out = event.to_dict()
    out["location"] = mention_to_dict(event.location) if event.location else None
    out["destination"] = mention_to_dict(event.destination) if event.destination else None
    out["evidences"] = list(event.evidences)
    out["confidence"] = event.confidence
    return out


def event_from_dict(data: dict[str, Any]) -> Event:
    """An Event from `event_to_dict` or a SCHEMA.md event line; raises ValueError if it is no event."""
    if not isinstance(data, dict) or not data.get("event_id"):
        raise ValueError("an event needs an event_id")
    article_ids = tuple(str(a) for a in (data.get("article_ids") or ()))
    first = article_ids[0] if article_ids else ""
    try:
        confidence = float(data.get("confidence", 0.5))
    except (TypeError, ValueError):
        confidence = 0.5
    return Event(
        event_id=str(data["event_id"]),
        article_ids=article_ids,
        action=str(data.get("action") or "deployment"),
        status=str(data.get("status") or "unknown"),
        force=_str_or_none(data.get("force")),
        actor_country=_str_or_none(data.get("actor_country")),
        location=mention_from_dict(data.get("location"), first),
        destination=mention_from_dict(data.get("destination"), first),
        troops=_int_or_none(data.get("troops")),
        troops_text=_str_or_none(data.get("troops_text")),
        date=_str_or_none(data.get("date")),
        date_precision=str(data.get("date_precision") or "unknown"),
        date_text=_str_or_none(data.get("date_text")),
        evidence=str(data.get("evidence") or ""),
        confidence=confidence,
        evidences=tuple(str(e) for e in (data.get("evidences") or ())),
    )


def article_to_dict(article: Article) -> dict[str, Any]:
    return article.to_dict()


def article_from_dict(data: dict[str, Any]) -> Article:
    published = data.get("published")
    if isinstance(published, str) and published:
        try:
            published = dt.date.fromisoformat(published[:10])
        except ValueError:
            published = None
    elif not isinstance(published, dt.date):
        published = None
    return Article(
        id=str(data["id"]),
        text=str(data.get("text") or ""),
        published=published,
        language=_str_or_none(data.get("language")),
        source=_str_or_none(data.get("source")),
        title=_str_or_none(data.get("title")),
        url=_str_or_none(data.get("url")),
        path=_str_or_none(data.get("path")),
    )
