"""CSV and GeoJSON downloads of the filtered events."""

from __future__ import annotations

import csv
import io
import json

from bench.synthetic import synthetic_articles, synthetic_events
from geo.export import CSV_COLUMNS, events_csv, events_geojson
from geo.models import Event


def test_csv_has_every_event_with_its_sources() -> None:
    articles = synthetic_articles(5)
    events = synthetic_events(20, articles=articles)
    rows = list(csv.DictReader(io.StringIO(events_csv(events, articles))))
    assert len(rows) == 20 and tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["urls"].startswith("https://example.org/sahel/")
    assert rows[0]["sources"].startswith("Sahel report")


def test_csv_cells_cannot_run_as_spreadsheet_formulas() -> None:
    event = Event("e1", ("a",), "strike", "completed", '=HYPERLINK("http://x")', None, None, evidence="+1 troops")
    row = next(csv.DictReader(io.StringIO(events_csv([event]))))
    assert row["force"].startswith("'=") and row["evidence"].startswith("'+")


def test_geojson_points_and_redeployment_lines() -> None:
    events = synthetic_events(60)
    data = json.loads(events_geojson(events))
    kinds = {f["geometry"]["type"] for f in data["features"]}
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 60
    assert kinds == {"Point", "LineString"}
    line = next(f for f in data["features"] if f["geometry"]["type"] == "LineString")
    assert line["properties"]["action"] == "redeployment"
    lon, lat = line["geometry"]["coordinates"][0]
    assert (lat, lon) == (line["properties"]["lat"], line["properties"]["lon"])
