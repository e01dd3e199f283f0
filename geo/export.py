"""The filtered events as CSV and GeoJSON downloads, with their sources, for use outside troopmap."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .models import Article, Event

__all__ = ["CSV_COLUMNS", "event_rows", "events_csv", "events_geojson"]

CSV_COLUMNS = (
    "event_id",
    "action",
    "status",
    "force",
    "actor_country",
    "place",
    "place_country",
    "lat",
    "lon",
    "precision",
    "destination",
    "destination_country",
    "destination_lat",
    "destination_lon",
    "troops",
    "troops_text",
    "date",
    "date_precision",
    "date_text",
    "evidence",
    "confidence",
    "article_ids",
    "sources",
    "urls",
)
# Spreadsheet programs run cells that start with these as formulas (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def event_rows(events: Iterable[Event], articles: Mapping[str, Article] | Iterable[Article] = ()) -> list[dict]:
    """One flat dict per event (CSV_COLUMNS), its sources' titles and URLs joined with " | "."""
    by_id = articles if isinstance(articles, Mapping) else {a.id: a for a in articles}
    rows = []
    for e in events:
        loc, dest = e.location, e.destination
        srcs = [by_id.get(a) for a in e.article_ids]
        rows.append(
            {
                "event_id": e.event_id,
                "action": e.action,
                "status": e.status,
                "force": e.force,
                "actor_country": e.actor_country,
                "place": loc.place.name if loc else None,
                "place_country": loc.place.country if loc else None,
                "lat": round(loc.place.lat, 5) if loc else None,
                "lon": round(loc.place.lon, 5) if loc else None,
                "precision": loc.place.precision if loc else None,
                "destination": dest.place.name if dest else None,
                "destination_country": dest.place.country if dest else None,
                "destination_lat": round(dest.place.lat, 5) if dest else None,
                "destination_lon": round(dest.place.lon, 5) if dest else None,
                "troops": e.troops,
                "troops_text": e.troops_text,
                "date": e.date,
                "date_precision": e.date_precision,
                "date_text": e.date_text,
                "evidence": e.evidence,
                "confidence": round(e.confidence, 3),
                "article_ids": " | ".join(e.article_ids),
                "sources": " | ".join(
                    f"{a.title or a.id} ({a.source or '?'}, {a.published or '?'})" for a in srcs if a is not None
                ),
                "urls": " | ".join(a.url for a in srcs if a is not None and a.url),
            }
        )
    return rows


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def events_csv(events: Sequence[Event], articles: Mapping[str, Article] | Iterable[Article] = ()) -> str:
    """CSV text (UTF-8, header row); text cells that a spreadsheet would run as formulas get a leading '."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in event_rows(events, articles):
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue()


def events_geojson(events: Sequence[Event], articles: Mapping[str, Article] | Iterable[Article] = ()) -> str:
    """A GeoJSON FeatureCollection: a Point per located event, a LineString for a redeployment."""
    features = []
    for row in event_rows(events, articles):
        if row["lat"] is None:
            continue
        if row["destination_lat"] is not None:
            geometry = {
                "type": "LineString",
                "coordinates": [[row["lon"], row["lat"]], [row["destination_lon"], row["destination_lat"]]],
            }
        else:
            geometry = {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
        features.append({"type": "Feature", "geometry": geometry, "properties": row})
    return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
