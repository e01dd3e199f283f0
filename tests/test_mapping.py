"""The map through its rendered HTML: escaping, offline assets, layers, paths, standalone file."""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
from urllib.parse import unquote

import pytest

from bench.synthetic import synthetic_articles, synthetic_events
from geo.assets import ASSETS, vendor_ready
from geo.mapping import (
    build_map,
    event_table,
    flag,
    js_json,
    layer_specs,
    popup_html,
    prefetch_events,
    safe_url,
    selection_mask,
    standalone_html,
)
from geo.models import ACTIONS, Article, Event, Place, PlaceMention

XSS_TITLE = "Macron <script>alert('title')</script>"
XSS_EVIDENCE = "French troops <img src=x onerror=alert(1)> left Gao </script><script>alert(2)</script>."


def _pm(name: str, lat: float, lon: float, cc: str) -> PlaceMention:
    return PlaceMention("a1", 0, len(name), name, Place(name, lat, lon, cc, "city"))


@pytest.fixture()
def hostile() -> tuple[list[Event], list[Article]]:
    article = Article("a1", "t", dt.date(2022, 2, 17), "fr", "Le <b>Monde</b>", XSS_TITLE, "javascript:alert(3)")
    event = Event(
        "e1",
        ("a1",),
        "withdrawal",
        "announced",
        "Barkhane<svg onload=alert(4)>",
        "FR",
        _pm("Gao", 16.27, -0.04, "ML"),
        troops=2400,
        troops_text="2 400",
        date="2022-02",
        date_precision="month",
        evidence=XSS_EVIDENCE,
    )
    return [event], [article]


def test_popup_escapes_every_article_text(hostile) -> None:
    events, articles = hostile
    popup = popup_html(events[0], {a.id: a for a in articles})
    assert "<script" not in popup and "<img" not in popup and "<svg" not in popup and "<b>Monde" not in popup
    assert "&lt;img src=x onerror=alert(1)&gt;" in popup
    assert "javascript:" not in popup  # the bad URL is not linked
    assert "🇫🇷 France" in popup and "2,400" in popup and "(month)" in popup
    assert "lang='fr'" in popup


def test_rendered_map_holds_no_live_markup_from_articles(hostile) -> None:
    events, articles = hostile
    page = build_map(events, articles=articles, assets="app").get_root().render()
    assert "alert(" in page  # the payloads are there, as inert text
    for live in ("<script>alert", "<img src=x", "<svg onload", "</script><script>", "javascript:alert"):
        assert live not in page


def test_js_json_cannot_close_a_script_element() -> None:
    text = js_json(["</script><script>alert(1)</script>", "<!--", "\u2028"])
    assert "<" not in text and ">" not in text and "\u2028" not in text


def test_safe_url_and_flag() -> None:
    assert safe_url("https://www.lemonde.fr/a") == "https://www.lemonde.fr/a"
    assert safe_url("javascript:alert(1)") is None and safe_url("data:text/html,x") is None and safe_url("") is None
    assert flag("fr") == "🇫🇷" and flag("EU") == "🇪🇺" and flag("F") == "" and flag(None) == ""


def test_app_mode_serves_every_asset_from_the_app_and_drops_unused_cdns() -> None:
    page = build_map(synthetic_events(30), assets="app").get_root().render()
    sources = re.findall(r'<script src="([^"]+)"', page) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert sources and all(s.startswith("/app/static/vendor/") for s in sources), sources
    assert "/app/static/vendor/leaflet/leaflet.js" in sources
    assert "/app/static/vendor/leaflet.markercluster/leaflet.markercluster.js" in sources
    for unused in ("jquery", "bootstrap", "awesome-markers", "fontawesome"):
        assert unused not in page.lower()


def test_the_map_starts_fetching_its_event_table_before_loading_leaflet() -> None:
    url = "/app/static/cache/events-kabc.json"
    events = synthetic_events(30)
    fmap = prefetch_events(prefetch_events(build_map(events, assets="app"), url), url)
    names = [name for name, _ in fmap.default_js]
    assert names[0] == "troopmap_prefetch" and names.count("troopmap_prefetch") == 1
    scheme, code = fmap.default_js[0][1].split(",", 1)
    assert scheme == "data:text/javascript"
    assert unquote(code) == (
        'window.tmPrefetch={url:"/app/static/cache/events-kabc.json",'
        'data:fetch("/app/static/cache/events-kabc.json").then(function(r){return r.json();})};'
    )
    assert "troopmap_prefetch" not in [name for name, _ in build_map(events, assets="app").default_js]
    body = next(spec.body for spec in layer_specs(events, data_url=url) if spec.cluster)
    assert "window.tmPrefetch.url === KEY ? window.tmPrefetch.data" in body  # the layer takes the pending fetch
    assert prefetch_events(build_map(events), None).default_js == build_map(events).default_js


@pytest.mark.skipif(not vendor_ready(), reason="static/vendor/ not built: run `make assets`")
def test_standalone_html_inlines_every_asset() -> None:
    articles = synthetic_articles(3)
    page = standalone_html(synthetic_events(25, articles=articles), articles)
    assert not re.findall(r"<script[^>]+src=", page) and not re.findall(r"<link[^>]+stylesheet", page)
    assert ASSETS["leaflet"].vendor_path.read_text(encoding="utf-8")[:200] in page
    assert "markerClusterGroup" in page and "data:image/png;base64," in page
    leaflet_start = ASSETS["leaflet"].vendor_path.read_text(encoding="utf-8")[:200]
    assert page.index(leaflet_start) < page.index("tmIcon")  # Leaflet is defined before the map script runs


def test_layers_count_events_paths_and_places() -> None:
    events = synthetic_events(200)
    specs = layer_specs(events)
    names = [s.name for s in specs]
    redeployments = {(e.location.place.name, e.destination.place.name) for e in events if e.action == "redeployment"}
    assert names[0] == "Events (200)"
    assert names[1] == f"Redeployment paths ({len(redeployments)})"
    assert names[2].startswith("Places mentioned (")
    assert specs[0].cluster and not specs[2].show


def test_map_has_offline_basemap_legend_and_credited_optional_tiles() -> None:
    page = build_map(synthetic_events(10), assets="app").get_root().render()
    assert "Country outlines (offline)" in page and "Towns (offline)" in page
    assert "OpenStreetMap\\u003c/a\\u003e contributors" in page and "carto.com/attributions" in page
    assert "tm-legend" in page and "Cooperation ended" in page
    assert '"maxZoom": 18' in page  # clustering needs it without a tile layer


def test_without_npm_assets_the_map_falls_back_to_pinned_cdn_urls(tmp_path, monkeypatch) -> None:
    import geo.assets as assets

    monkeypatch.setattr(assets, "VENDOR_DIR", tmp_path / "missing")
    assert not assets.vendor_ready() and assets.asset_mode("auto") == "cdn"
    page = build_map(synthetic_events(5)).get_root().render()
    assert "https://cdn.jsdelivr.net/npm/leaflet@1.9.4/dist/leaflet.js" in page
    assert "/app/static/vendor/" not in page


def test_published_event_table_is_content_addressed(tmp_path, monkeypatch) -> None:
    import geo.assets as assets

    monkeypatch.setattr(assets, "CACHE_DIR", tmp_path)
    events = synthetic_events(50)
    url = assets.publish_json("events", event_table(events))
    assert url is not None and url.startswith("/app/static/cache/events-")
    written = tmp_path / url.rsplit("/", 1)[1]
    data = json.loads(written.read_text(encoding="utf-8"))
    assert len(data["rows"]) == 50 and data["rows"][0][2] in ACTIONS
    assert assets.publish_json("events", event_table(events)) == url  # same data, same file


def test_the_event_table_is_built_once_per_store_revision(tmp_path, monkeypatch) -> None:
    """The build step writes the map's table; a fresh server finds it by the store's revision; a write renews it."""
    import geo.assets as assets
    from bench.synthetic import synthetic_store
    from geo import app_data
    from geo.build import _build_map_data

    monkeypatch.setattr(assets, "CACHE_DIR", tmp_path / "cache")
    store_file = synthetic_store(tmp_path / "store.sqlite", 30)
    monkeypatch.setenv("TROOPMAP_STORE", str(store_file))
    assert _build_map_data() is True  # written by the build step
    url, built = app_data.event_table_url()
    assert built is False and url is not None and "/events-k" in url
    data = json.loads((tmp_path / "cache" / url.rsplit("/", 1)[1]).read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(event_table(app_data.load_events(), app_data.load_articles())))
    assert len(data["rows"]) == sum(1 for e in app_data.load_events() if e.location is not None) > 0

    app_data.get_store().add_events(synthetic_events(3, seed=99), extracted=False)  # a write: a new revision
    new_url, built = app_data.event_table_url()
    assert built is True and new_url != url
    rows = json.loads((tmp_path / "cache" / new_url.rsplit("/", 1)[1]).read_text(encoding="utf-8"))["rows"]
    assert len(rows) == len(data["rows"]) + sum(1 for e in synthetic_events(3, seed=99) if e.location is not None)


def test_selection_mask_marks_the_chosen_rows() -> None:
    events = synthetic_events(20)
    chosen = [e for i, e in enumerate(events) if i % 3 == 0]
    bits = base64.b64decode(selection_mask(events, chosen))
    shown = [i for i in range(20) if bits[i >> 3] >> (i & 7) & 1]
    assert shown == [i for i in range(20) if i % 3 == 0]
