"""The dashboard in a real headless chromium against a real Streamlit server, with no internet.

Markers must appear (Leaflet served by the app itself), a shared link `?force=Takuba` must show fewer,
and a filter change must keep the map's view. Screenshots go to tests/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.synthetic import synthetic_store
from geo.assets import vendor_ready

pytestmark = pytest.mark.skipif(not vendor_ready(), reason="static/vendor/ not built: run `make assets`")

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'


def _map(page):
    page.wait_for_selector(MAP_FRAME, timeout=60_000)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator(".leaflet-container").wait_for(timeout=60_000)
    return frame


COUNT_JS = """() => { let n = 0;
  window.map.eachLayer(l => { if (l._topClusterLevel) { n += l.getLayers().length; } });
  return n; }"""


def _events_in_clusters(page, frame) -> int:
    """Event markers held by the map's cluster layers (those shown singly and those inside bubbles)."""
    (frame or page.frame_locator(MAP_FRAME)).locator(".tm-icon .tm-m, .marker-cluster").first.wait_for(timeout=60_000)
    page.wait_for_timeout(800)
    inner = next(f for f in page.frames if "st_folium" in f.url)
    return inner.evaluate(COUNT_JS)


def _located(page) -> int:
    """The map page's own count of the filtered events that have a place (its caption)."""
    main = page.locator('[data-testid="stMain"]')
    main.get_by_text("with a place on the map").wait_for(timeout=60_000)
    found = re.search(r"([\d,]+) with a place on the map", main.inner_text())
    assert found, main.inner_text()[:500]
    return int(found.group(1).replace(",", ""))


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_store(tmp_path_factory.mktemp("browser") / "store.sqlite", 400)


def test_markers_show_and_a_shared_link_shows_fewer(streamlit_app, page, store, screenshot_dir) -> None:
    blocked: list[str] = []
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
            else (blocked.append(route.request.url), route.abort())
        ),
    )
    base = streamlit_app({"TROOPMAP_STORE": str(store)})
    page.goto(base)
    frame = _map(page)
    everything = _events_in_clusters(page, frame)
    page.wait_for_timeout(500)
    page.screenshot(path=str(screenshot_dir / "map_all.png"))
    # 400 synthetic events, plus whatever today's extraction finds in the sample corpus
    assert everything == _located(page) >= 400
    assert frame.locator(".tm-legend").is_visible()
    # town names: those in and around the view only (700 towns have one), more once the map zooms out
    towns_near = frame.locator(".tm-town").count()
    assert 10 < towns_near < 400
    frame.locator(".leaflet-control-zoom-out").click()
    page.wait_for_timeout(1000)
    assert frame.locator(".tm-town").count() > towns_near
    frame.locator(".leaflet-control-zoom-in").click()
    page.wait_for_timeout(1000)
    assert not [u for u in blocked if "leaflet" in u], blocked  # every map asset came from the app

    page.goto(f"{base}/?force=Takuba")
    frame = _map(page)
    takuba = _events_in_clusters(page, frame)
    page.wait_for_timeout(500)
    page.screenshot(path=str(screenshot_dir / "map_takuba.png"))
    assert 0 < takuba == _located(page) < everything
    assert page.dialogs == []  # type: ignore[attr-defined]
    # the link to this view, as a user copies it from the sidebar, is the address that reopens it
    page.get_by_role("button", name="Link to this view").click()
    page.get_by_text(f"{base}/?force=Takuba", exact=True).wait_for(timeout=10_000)


def test_a_popup_shows_evidence_and_source(streamlit_app, page, store, screenshot_dir) -> None:
    base = streamlit_app({"TROOPMAP_STORE": str(store)})
    page.goto(f"{base}/?force=Takuba&action=withdrawal&country=NE")
    frame = _map(page)
    frame.locator(".tm-icon, .marker-cluster").first.wait_for(timeout=60_000)
    # zoom in until a single marker can be clicked
    for _ in range(8):
        if frame.locator(".tm-icon .tm-m").count():
            break
        frame.locator(".marker-cluster").first.click()
        page.wait_for_timeout(600)
    frame.locator(".tm-icon .tm-m").first.click(force=True)
    popup = frame.locator(".tm-popup")
    popup.wait_for(timeout=10_000)
    text = popup.inner_text()
    page.screenshot(path=str(screenshot_dir / "map_popup.png"))
    assert "Withdrawal" in text and "Takuba" in text and "Sahel report" in text and "troops" in text.lower()


def test_other_pages_keep_the_filters(streamlit_app, page, store, screenshot_dir) -> None:
    base = streamlit_app({"TROOPMAP_STORE": str(store)})
    page.goto(f"{base}/events?force=Takuba")
    page.get_by_text("Download GeoJSON").wait_for(timeout=60_000)
    # a fresh server opened at a page's address still runs it inside dashboard.py's navigation
    assert page.get_by_role("link", name="Timeline", exact=True).is_visible()
    assert not page.get_by_role("link", name="dashboard", exact=True).count()
    page.get_by_role("link", name="Timeline", exact=True).click()
    page.get_by_text("Troops present (estimate)").wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    assert "force=Takuba" in page.url
    page.screenshot(path=str(screenshot_dir / "timeline_takuba.png"), full_page=True)


# Every page of dashboard.py's navigation: (address, the page's title).
PAGES = [
    ("/?force=Takuba", "Deployments and withdrawals"),
    ("/timeline?force=Takuba", "Timeline"),
    ("/events?force=Takuba", "Events"),
    ("/sources?force=Takuba", "Sources"),
    ("/add_articles", "Add articles"),
    ("/corrections", "Corrections"),
]


@pytest.mark.parametrize(("address", "marker"), PAGES, ids=[a.split("?")[0].strip("/") or "map" for a, _ in PAGES])
def test_a_fresh_server_opens_every_page_inside_the_navigation(
    streamlit_app, page, store, screenshot_dir, address, marker
) -> None:
    """A shared link is often the first visit after a server starts: no "Page not found", the wide layout, our menu."""
    base = streamlit_app({"TROOPMAP_STORE": str(store)})
    page.goto(base + address)
    main = page.locator('[data-testid="stMain"]')
    main.get_by_role("heading", name=marker, exact=True).first.wait_for(timeout=60_000)
    page.wait_for_timeout(500)
    nav = page.locator('[data-testid="stSidebarNav"]')
    for title in ("Map", "Timeline", "Events", "Sources", "Add articles", "Corrections"):
        assert nav.get_by_role("link", name=title, exact=True).count() == 1, title
    assert not nav.get_by_role("link", name="dashboard", exact=True).count()  # the pages/ folder's own menu
    assert "Page not found" not in page.locator("body").inner_text()
    width = page.locator('[data-testid="stMainBlockContainer"]').bounding_box()["width"]
    assert width > 900, f"layout lost (main column {width:.0f} px wide)"  # "wide" from set_page_config
    if "force=" in address:
        assert "force=Takuba" in page.url
    page.screenshot(path=str(screenshot_dir / f"fresh_{address.split('?')[0].strip('/') or 'map'}.png"))


def test_a_filter_change_keeps_the_view_and_fetches_no_new_data(streamlit_app, page, store, screenshot_dir) -> None:
    base = streamlit_app({"TROOPMAP_STORE": str(store)})
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/app/static/cache/" in r.url else None)
    page.goto(base)
    _map(page)
    before = _events_in_clusters(page, None)
    inner = next(f for f in page.frames if "st_folium" in f.url)
    inner.evaluate("() => window.map.setView([14.5, -4.2], 8)")
    view = inner.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]")
    sidebar = page.locator('[data-testid="stSidebar"]')
    sidebar.locator('[data-testid="stMultiSelect"]').first.click()
    page.get_by_role("option").filter(has_text="Takuba").first.click()
    page.keyboard.press("Escape")
    page.wait_for_url("**force=Takuba**", timeout=30_000)
    expected, shown = before, before
    for _ in range(600):  # a busy machine can take a while: wait until the sidebar and the map agree
        found = re.search(r"([\d,]+) of ([\d,]+) events", sidebar.inner_text())
        expected = int(found.group(1).replace(",", "")) if found else before
        inner = next(f for f in page.frames if "st_folium" in f.url)
        shown = inner.evaluate(COUNT_JS)
        if expected < before and shown == expected:
            break
        page.wait_for_timeout(200)
    after = inner.evaluate("() => [window.map.getCenter().lat, window.map.getCenter().lng, window.map.getZoom()]")
    page.screenshot(path=str(screenshot_dir / "map_filtered_view_kept.png"))
    assert inner.evaluate(COUNT_JS) == expected < before, sidebar.inner_text()[:300]
    assert after == pytest.approx(view, abs=1e-6)
    assert "force=Takuba" in page.url
    assert len(fetched) == 1, fetched  # the event table came once; the filter change sent only a selection
