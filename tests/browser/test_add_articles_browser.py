"""End to end in the real dashboard: paste an article, preview it, save it, find its events on the map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from geo import pipeline
from geo.app_data import SAMPLE_CORPUS
from geo.models import Article
from geo.store import ensure_store
from tests.browser.test_xss_browser import harvest, map_frame, wait_for_app

TEXT = (
    "Dakar, 9 March 2023. Around 400 Senegalese soldiers were deployed to Kayes in western Mali on Wednesday, "
    "the army said. The contingent joins the regional force."
)


def open_map(page: Any, base: str) -> dict[str, Any]:
    page.goto(base + "/", wait_until="domcontentloaded")
    wait_for_app(page)
    for _ in range(90):
        if map_frame(page) is not None:
            break
        page.wait_for_timeout(1000)
    page.wait_for_timeout(2000)
    return harvest(page, "map page")


def test_a_pasted_article_is_previewed_saved_and_mapped(streamlit_app: Any, page: Any, tmp_path: Path) -> None:
    expected = pipeline.extract_events([Article(id="probe", text=TEXT, language="en")])
    assert expected, "the extractor should find the deployment in this article"
    store_path = tmp_path / "store.sqlite"
    ensure_store(store_path, SAMPLE_CORPUS)
    base = streamlit_app({"TROOPMAP_STORE": str(store_path)})

    before = open_map(page, base)
    assert "Senegalese soldiers" not in before["text"]

    page.goto(base + "/add_articles", wait_until="domcontentloaded")
    wait_for_app(page)
    page.get_by_label("Text of the article", exact=False).fill(TEXT)
    page.get_by_label("Title", exact=True).fill("Senegal sends troops to Kayes")
    page.get_by_role("button", name="Preview").click()
    page.get_by_text("event(s) found", exact=False).first.wait_for(timeout=60_000)
    wait_for_app(page)
    page.get_by_role("button", name="Save 1 new article(s)").click()
    page.get_by_text("saved: their events are now on the map", exact=False).wait_for(timeout=120_000)
    assert page.dialogs == []

    after = open_map(page, base)
    assert "Senegalese soldiers" in after["text"], "the saved article's evidence should be in the map's popups"
    assert "Senegal sends troops to Kayes" in after["text"]  # the source line of the popup
    stored = ensure_store(store_path).articles()
    assert [a.title for a in stored].count("Senegal sends troops to Kayes") == 1
