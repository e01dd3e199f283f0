"""Events to a folium map: one circle marker per event, popups escaped.

A first version; the dashboard issue adds legends, layers, paths and offline assets.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import folium

from .models import Article, Event

__all__ = ["ACTION_COLOURS", "SAHEL_CENTRE", "build_map", "standalone_html"]

SAHEL_CENTRE = (15.0, 0.0)
ACTION_COLOURS = {
    "deployment": "#1f77b4",
    "withdrawal": "#d62728",
    "redeployment": "#9467bd",
    "strike": "#ff7f0e",
    "cooperation_ended": "#7f7f7f",
}


def _popup(event: Event) -> str:
    e = html.escape
    loc = event.location.place.name if event.location else "?"
    rows = [
        f"<b>{e(event.action)}</b> ({e(event.status)})",
        f"force: {e(event.force or '-')}, actor: {e(event.actor_country or '-')}",
        f"place: {e(loc)}",
        f"troops: {e(str(event.troops) if event.troops is not None else '-')}",
        f"date: {e(event.date or '-')}",
        f"<i>{e(event.evidence)}</i>",
    ]
    return "<br>".join(rows)


def build_map(events: Sequence[Event]) -> folium.Map:
    """A folium map of the events, centred on the Sahel."""
    fmap = folium.Map(location=SAHEL_CENTRE, zoom_start=4, tiles=None)
    for event in events:
        if event.location is None:
            continue
        place = event.location.place
        folium.CircleMarker(
            location=(place.lat, place.lon),
            radius=8,
            color=ACTION_COLOURS.get(event.action, "#333333"),
            fill=True,
            fill_opacity=0.7,
            popup=folium.Popup(_popup(event), max_width=350),
            tooltip=html.escape(f"{event.action}: {event.force or event.actor_country or ''}"),
        ).add_to(fmap)
    return fmap


def standalone_html(events: Sequence[Event], articles: Sequence[Article] = ()) -> str:
    """One HTML page with the map of the events."""
    return build_map(events).get_root().render()
