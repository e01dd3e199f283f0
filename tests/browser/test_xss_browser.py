"""XSS payloads in an article reach the map, popups, tables and pages as text, never as code.

A store holds an article whose text, title, source and URL carry payloads (script tags, event-handler
attributes, javascript: URLs, Markdown links), the events the extractor finds in it, events whose every
text field carries a payload, and a correction that does too. The real dashboard (`streamlit run`) and
the `python -m geo map` standalone HTML are opened in headless Chromium. Every popup and tooltip of
every marker is put into the page the way Leaflet does when it opens one (innerHTML), and one popup is
opened for real. The test then proves that no dialog opened, no payload's code ran (`window.__xss`
stays unset in every frame) and no injected element exists; and, so that it cannot pass vacuously,
that the map did load and that the payloads are on screen as text.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from geo.app_data import SAMPLE_CORPUS
from geo.corrections import edit_event
from geo.mapping import standalone_html
from geo.models import Article, Event, Place, PlaceMention
from geo.store import ensure_store, refresh_events
from tests.conftest import ROOT

MARK = "window.__xss=(window.__xss||0)+1"
PAYLOADS = (
    f"<script>{MARK};alert('xss-script')</script>",
    f"<img src=x onerror=\"{MARK};alert('xss-img')\">",
    f"<svg onload=\"{MARK};alert('xss-svg')\"></svg>",
    f"\"'><iframe src=\"javascript:{MARK};alert('xss-iframe')\"></iframe>",
    f"<a href=\"javascript:{MARK};alert('xss-link')\">click me</a>",
    f"[click](javascript:{MARK};alert('xss-md'))",
    f'</textarea></style></script><body onload="{MARK}">',
)
ALL = " ".join(PAYLOADS)
JS_URL = f"javascript:{MARK};alert('xss-url')"
GAO = Place("Gao", 16.27, -0.04, "ML", "city", 2457163)
NIAMEY = Place("Niamey", 13.51, 2.11, "NE", "city", 2440485)
ARTICLE_ID = "xss_article"
TEXT = (
    f"{PAYLOADS[1]} French troops withdrew from Gao in Mali on 14 November 2022, the ministry said. "
    f"{PAYLOADS[0]} About 250 German soldiers arrived in Niamey. {PAYLOADS[4]} {PAYLOADS[5]}"
)
# Elements that exist only if a payload became markup.
INJECTED = (
    'img[src="x"], svg[onload], iframe[src^="javascript" i], a[href^="javascript" i], '
    "body[onload], [onerror], [onload]:not(iframe):not(body)"
)

# A script element made from a payload holds exactly the payload's code (the page's own scripts hold it
# only inside JSON strings).
INJECTED_SCRIPTS = """() => Array.from(document.querySelectorAll('script'))
    .filter(s => s.textContent.trim().startsWith('window.__xss')).length"""

HARVEST = """() => {
    // Put every popup and tooltip of the map into the document the way Leaflet does when it opens one.
    const maps = Object.keys(window).filter(k => k.startsWith('map_') && window[k] && window[k].eachLayer)
        .map(k => window[k]);
    // Markers may make their tooltip and popup on first hover and click (a listener on their group, which
    // a marker hidden in a cluster does not reach): fire both on every group for every marker in it.
    const touch = (layer) => {
        if (!layer.getLayers) return;
        for (const child of layer.getLayers()) {
            if (child.getLatLng) {
                for (const type of ['mouseover', 'click']) {
                    try { layer.fire(type, {layer: child, propagatedFrom: child}); } catch (err) { /* off the map */ }
                }
            }
            touch(child);
        }
    };
    maps.forEach(m => m.eachLayer(touch));
    const contents = [];
    const visit = (layer) => {
        for (const getter of ['getPopup', 'getTooltip']) {
            const item = layer[getter] && layer[getter]();
            if (item) {
                const c = item.getContent();
                contents.push(typeof c === 'function' ? c(layer) : c);
            }
        }
        if (layer.getLayers) layer.getLayers().forEach(visit);
    };
    maps.forEach(m => m.eachLayer(visit));
    for (const c of contents) {
        const box = document.createElement('div');
        box.className = 'xss-harvest';
        if (c instanceof HTMLElement) box.appendChild(c.cloneNode(true)); else box.innerHTML = String(c);
        document.body.appendChild(box);
    }
    let opened = false;
    maps.forEach(m => m.eachLayer(l => {
        if (!opened && l.getPopup && l.getPopup() && l.getLatLng) { l.openPopup(); opened = true; }
    }));
    return {maps: maps.length, contents: contents.length, leaflet: typeof window.L !== 'undefined'};
}"""


def xss_events() -> list[Event]:
    def mention(place: Place) -> PlaceMention:
        return PlaceMention(ARTICLE_ID, 0, 5, f"{place.name} {PAYLOADS[1]}", place)

    base: dict[str, Any] = {
        "article_ids": (ARTICLE_ID,),
        "status": "completed",
        "force": f"Barkhane {PAYLOADS[0]}",
        "actor_country": "FR",
        "troops": 2400,
        "troops_text": f"2,400 {PAYLOADS[2]}",
        "date": "2022-11-14",
        "date_precision": "day",
        "date_text": f"Monday {PAYLOADS[3]}",
        "evidence": f"French troops withdrew from Gao {ALL}",
    }
    hostile_gao = Place(f"Gao {PAYLOADS[1]}", GAO.lat, GAO.lon, "ML", "city", GAO.geonames_id)
    return [
        Event(event_id="xss-1", action="withdrawal", location=mention(hostile_gao), **base),
        Event(
            event_id="xss-2",
            action="redeployment",
            location=mention(GAO),
            destination=mention(NIAMEY),
            **{**base, "force": PAYLOADS[1]},
        ),
        Event(
            event_id="xss-3",
            action="deployment",
            location=mention(NIAMEY),
            **{**base, "actor_country": f"{PAYLOADS[1]}", "force": PAYLOADS[5]},
        ),
    ]


def xss_article() -> Article:
    return Article(id=ARTICLE_ID, text=TEXT, language="en", source=ALL, title=f"Title {ALL}", url=JS_URL)


@pytest.fixture(scope="module")
def xss_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xss") / "store.sqlite"
    store = ensure_store(path, SAMPLE_CORPUS)
    store.add_article(xss_article(), origin="user")
    refresh_events(store, force=True)  # whatever the real extractor finds in the hostile article
    store.add_events(xss_events())
    edit_event(store, "xss-1", "force", f"Corrected {PAYLOADS[1]}")
    return path


def assert_nothing_ran(page: Any, where: str) -> None:
    assert page.dialogs == [], f"{where}: a dialog opened: {page.dialogs}"
    for frame in page.frames:
        try:
            ran = frame.evaluate("() => window.__xss || 0")
            injected = frame.evaluate(f"() => document.querySelectorAll({json.dumps(INJECTED)}).length")
            injected += frame.evaluate(INJECTED_SCRIPTS)
        except Exception as exc:  # a frame that navigated away while we looked: nothing to check there
            if "detached" in str(exc).lower() or "navigat" in str(exc).lower():
                continue
            raise
        assert ran == 0, f"{where}: payload code ran in frame {frame.url}"
        assert injected == 0, f"{where}: {injected} injected element(s) in frame {frame.url}"


def map_frame(page: Any) -> Any:
    """The frame that holds the Leaflet map (the page itself for the standalone HTML)."""
    for frame in page.frames:
        try:
            if frame.evaluate("() => !!document.querySelector('.leaflet-container')"):
                return frame
        except Exception:
            continue
    return None


COUNT_POPUPS = """() => {
    let n = 0;
    const visit = (layer) => {
        if ((layer.getPopup && layer.getPopup()) || layer.tmRow) n += 1;
        if (layer.getLayers) layer.getLayers().forEach(visit);
    };
    Object.keys(window).filter(k => k.startsWith('map_') && window[k] && window[k].eachLayer)
        .forEach(k => window[k].eachLayer(visit));
    return n;
}"""


def harvest(page: Any, where: str) -> dict[str, Any]:
    frame = map_frame(page)
    assert frame is not None, f"{where}: no Leaflet map on the page"
    for _ in range(60):  # event markers may come from a JSON file the map fetches after it loads
        if frame.evaluate(COUNT_POPUPS) > 0:
            break
        page.wait_for_timeout(500)
    result = frame.evaluate(HARVEST)
    page.wait_for_timeout(1500)  # let any image error or load handler fire
    assert result["leaflet"] and result["maps"] >= 1, f"{where}: the map's Leaflet did not load: {result}"
    text = frame.evaluate(
        "() => Array.from(document.querySelectorAll('.xss-harvest')).map(e => e.textContent).join(' ')"
    )
    return {**result, "text": text}


def wait_for_app(page: Any) -> None:
    page.wait_for_selector('[data-testid="stMain"]', timeout=60_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && !document.querySelector('[data-testid=\"stSkeleton\"]')",
        timeout=120_000,
    )
    page.wait_for_timeout(2500)


def test_the_dashboard_shows_hostile_articles_as_text(streamlit_app: Any, page: Any, xss_store: Path) -> None:
    base = streamlit_app({"TROOPMAP_STORE": str(xss_store)})
    page.goto(base + "/", wait_until="domcontentloaded")
    wait_for_app(page)
    for _ in range(90):  # the map is a component: its frame appears and loads after the page
        if map_frame(page) is not None:
            break
        page.wait_for_timeout(1000)
    page.wait_for_timeout(2000)
    found = harvest(page, "map page")
    for _ in range(3):  # the page may rerun once (query parameters synced) and draw the map again
        if "French troops withdrew from Gao <script>" in found["text"]:
            break
        page.wait_for_timeout(3000)
        found = harvest(page, "map page")
    assert found["contents"] >= 3, f"the events' popups are not on the map: {found}"
    assert "French troops withdrew from Gao <script>" in found["text"], "the evidence should be in the popups"
    assert "<img src=x onerror=" in found["text"], "the payloads should be in the popups, as text"
    assert_nothing_ran(page, "map page")

    links = page.eval_on_selector_all('[data-testid="stSidebarNavLink"]', "els => els.map(e => e.href)")
    assert any(link.rstrip("/").endswith("/corrections") for link in links), links
    for link in [*links, f"{base}/corrections?event=xss-1", f"{base}/corrections?event=%3Cscript%3E"]:
        page.goto(link, wait_until="domcontentloaded")
        wait_for_app(page)
        assert_nothing_ran(page, link)
        body = page.inner_text("body")
        assert "Traceback" not in body and "Page not found" not in body, link
    page.goto(f"{base}/corrections?event=xss-1", wait_until="domcontentloaded")
    wait_for_app(page)
    body = page.inner_text("body")
    assert "French troops withdrew from Gao <script>" in body  # the evidence, shown verbatim as text


def test_the_standalone_map_shows_hostile_articles_as_text(page: Any, tmp_path: Path) -> None:
    html_path = tmp_path / "map.html"
    html_path.write_text(standalone_html(xss_events(), [xss_article()]), encoding="utf-8")
    page.goto(html_path.as_uri(), wait_until="load")
    page.wait_for_timeout(1000)
    found = harvest(page, "standalone map")
    assert found["contents"] >= 3
    assert "French troops withdrew from Gao <script>" in found["text"]
    assert "<img src=x onerror=" in found["text"]
    assert_nothing_ran(page, "standalone map")


def test_the_cli_map_of_a_hostile_corpus_runs_nothing(page: Any, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "xss.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "xss.html").write_text(f"<html><head><title>{ALL}</title></head><body><p>{TEXT}</p></body></html>")
    (corpus / "manifest.csv").write_text(
        "file,published,language,source,title,url\n"
        f"xss.txt,2022-11-14,en,{json.dumps(ALL)},{json.dumps(ALL)},{JS_URL}\n",
        encoding="utf-8",
    )
    out = tmp_path / "cli-map.html"
    proc = subprocess.run(
        [sys.executable, "-m", "geo", "map", str(corpus), "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    page.goto(out.as_uri(), wait_until="load")
    page.wait_for_timeout(1000)
    harvest(page, "python -m geo map")
    assert_nothing_ran(page, "python -m geo map")
