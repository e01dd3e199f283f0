"""AppTest of the add-articles and corrections pages, on a temporary store (TROOPMAP_STORE)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import app_data, pipeline
from geo import corrections as C
from geo.ingest import MAX_UPLOAD_BYTES
from geo.models import Event, Place, PlaceMention
from tests.conftest import ROOT

ADD = str(ROOT / "pages" / "add_articles.py")
FIX = str(ROOT / "pages" / "corrections.py")
GAO = Place("Gao", 16.27, -0.04, "ML", "city", 2457163)
NEW_TEXT = (
    "Niamey, 3 March 2023. Some 250 German soldiers arrived in Niamey on Friday, the Bundeswehr said; "
    "they will support the withdrawal from Gao in Mali."
)


@pytest.fixture()
def store_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "store.sqlite"
    monkeypatch.setenv("TROOPMAP_STORE", str(path))
    return path


def run(page: str, **query: str) -> AppTest:
    at = AppTest.from_file(page, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def texts(at: AppTest, kind: str) -> str:
    """What the user reads in those elements (the Markdown escapes of geo.display.md_literal removed)."""
    return "\n".join(str(e.value) for e in getattr(at, kind)).replace("\\", "")


def preview_paste(at: AppTest, text: str, **meta: str) -> AppTest:
    at.text_area[0].set_value(text)
    for label, value in meta.items():
        next(t for t in at.text_input if t.label.lower().startswith(label)).set_value(value)
    return at.button[0].click().run()


def test_add_page_opens_without_error(store_path: Path) -> None:
    at = run(ADD)
    assert not at.exception
    assert f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB" in texts(at, "caption")


def test_a_pasted_article_is_previewed_then_saved_once(store_path: Path) -> None:
    at = preview_paste(run(ADD), NEW_TEXT, title="Germans in Niamey", source="Wire", url="https://example.org/a")
    assert not at.exception
    assert "event(s)" in texts(at, "markdown") and "place(s)" in texts(at, "markdown")
    article_table = at.dataframe[0].value
    assert article_table["title"][0] == "Germans in Niamey"
    assert article_table["url"][0] == "https://example.org/a"
    before = len(app_data.get_store().articles())
    at = at.button[-1].click().run()  # Save
    assert not at.exception, at.exception
    assert "saved" in texts(at, "success")
    stored = app_data.get_store().articles()
    assert len(stored) == before + 1
    assert stored[-1].title == "Germans in Niamey"
    assert any(a.title == "Germans in Niamey" for a in app_data.load_articles())
    # What the preview found is what the map and tables now show for the new article.
    found = pipeline.extract_events([stored[-1]])
    shown = [e for e in app_data.load_events() if stored[-1].id in e.article_ids]
    assert bool(shown) == bool(found)

    again = preview_paste(run(ADD), NEW_TEXT)
    assert "Already in the store" in texts(again, "info")
    assert len(app_data.get_store().articles()) == before + 1


def test_an_empty_paste_says_so(store_path: Path) -> None:
    at = preview_paste(run(ADD), "   \n  ")
    assert not at.exception
    assert "empty" in texts(at, "error")


def test_bad_metadata_is_reported_and_dropped(store_path: Path) -> None:
    at = preview_paste(run(ADD), NEW_TEXT, url="javascript:alert(1)")
    assert not at.exception
    assert "not an http(s) address" in texts(at, "warning")
    assert at.dataframe[0].value["url"][0] is None


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", bytes(range(256)) * 16, "binary"),
        ("big.txt", b"Troops left Gao. " * (MAX_UPLOAD_BYTES // 17 + 10), "too large"),
        ("tool.exe", b"MZ\x90\x00", "not an article"),
        ("utf16-broken.txt", b"\xff\xfe\x00\xd8", "not decodable"),
    ],
)
def test_bad_uploads_get_a_clear_message(store_path: Path, name: str, data: bytes, message: str) -> None:
    at = run(ADD)
    at.radio[0].set_value("Upload files")
    at.file_uploader[0].set_value([(name, data, "text/plain")])
    at = at.button[0].click().run()
    assert not at.exception
    assert message in texts(at, "error")


def test_html_with_scripts_is_read_as_text_with_a_warning(store_path: Path) -> None:
    page = (
        b"<html><head><title>Retrait de Gao</title><script>alert('x')</script></head>"
        b"<body><p onclick='steal()'>Les derniers soldats fran\xc3\xa7ais ont quitt\xc3\xa9 Gao.</p></body></html>"
    )
    at = run(ADD)
    at.radio[0].set_value("Upload files")
    at.file_uploader[0].set_value([("../../evil name.html", page, "text/html")])
    at = at.button[0].click().run()
    assert not at.exception
    assert "scripts" in texts(at, "warning")
    table = at.dataframe[0].value
    assert table["title"][0] == "Retrait de Gao"
    assert "/" not in table["id"][0] and table["id"][0].startswith("evil-name_")
    assert "alert" not in texts(at, "text")


def _store_with_event() -> Event:
    store = app_data.get_store()
    article = store.articles()[0]
    event = Event(
        event_id="ev-1",
        article_ids=(article.id,),
        action="withdrawal",
        status="announced",
        force="Barkhane",
        actor_country="FR",
        location=PlaceMention(article.id, 0, 3, "Gao", GAO),
        troops=2400,
        evidence="France will withdraw 2,400 soldiers from Gao.",
    )
    store.add_events([event])
    return event


def test_corrections_page_edits_hides_and_undoes_with_a_trail(store_path: Path) -> None:
    _store_with_event()
    at = run(FIX, event="ev-1")
    assert not at.exception
    assert at.selectbox[0].value == "ev-1"
    troops = next(t for t in at.text_input if t.label == "Troops")
    troops.set_value("2500")
    next(s for s in at.selectbox if s.label == "Status").set_value("completed")
    at = next(b for b in at.button if b.label == "Save changes").click().run()
    assert not at.exception, at.exception
    assert "2 field(s) changed" in texts(at, "success")
    [event] = [e for e in app_data.load_events() if e.event_id == "ev-1"]
    assert (event.troops, event.status) == (2500, "completed")
    trail = at.dataframe[1].value
    assert set(trail["field"]) == {"troops", "status"}
    assert set(trail["before"]) == {"2400", "announced"}

    at = next(b for b in at.button if b.label.startswith("Hide this event")).click().run()
    assert not at.exception
    assert all(e.event_id != "ev-1" for e in app_data.load_events())
    at = next(b for b in at.button if b.label.startswith("Undo the last change of this")).click().run()
    assert not at.exception
    assert any(e.event_id == "ev-1" for e in app_data.load_events())
    assert len(C.history(app_data.get_store(), "ev-1")) == 3


def test_a_wrong_value_in_the_form_is_refused_and_nothing_changes(store_path: Path) -> None:
    _store_with_event()
    at = run(FIX, event="ev-1")
    next(t for t in at.text_input if t.label == "Troops").set_value("lots")
    next(t for t in at.text_input if t.label.startswith("Date")).set_value("2022-13-45")
    at = next(b for b in at.button if b.label == "Save changes").click().run()
    assert not at.exception
    errors = texts(at, "error")
    assert "troops" in errors and "date" in errors
    assert C.history(app_data.get_store()) == []


def test_garbage_in_the_query_parameters_is_answered_with_a_message(store_path: Path) -> None:
    _store_with_event()
    at = run(FIX, event="<script>alert(1)</script>' OR 1=1 --")
    assert not at.exception
    assert "names no event" in texts(at, "warning")
    assert at.selectbox[0].value == app_data.load_events()[0].event_id  # the first event instead


def test_a_missing_event_is_added_from_the_page(store_path: Path) -> None:
    at = run(FIX)
    assert not at.exception
    place_box = next(t for t in at.text_input if t.key == "new-name")
    at = place_box.set_value("Gao").run()
    assert not at.exception
    candidates = at.selectbox(key="new-cand-Gao")
    options = candidates.options
    gao_ml = next(i for i, label in enumerate(options) if label.startswith("Gao, ML"))
    candidates.set_value(gao_ml)
    at.selectbox(key="new-action").set_value("strike")
    at.text_input(key="new-troops").set_value("120")
    at = next(b for b in at.button if b.label == "Add the event").click().run()
    assert not at.exception, at.exception
    added = [e for e in app_data.load_events() if e.event_id.startswith("manual-")]
    assert len(added) == 1
    assert (added[0].action, added[0].troops) == ("strike", 120)
    assert added[0].location is not None and added[0].location.place.country == "ML"


def test_the_place_of_an_event_is_chosen_among_gazetteer_candidates(store_path: Path) -> None:
    _store_with_event()
    at = run(FIX, event="ev-1")
    at = at.text_input(key="location-ev-1-name").set_value("Tombouctou").run()
    candidates = at.selectbox(key="location-ev-1-cand-Tombouctou")
    assert any(label.startswith("Timbuktu, ML") for label in candidates.options)
    at = next(b for b in at.button if b.label == "Use this place").click().run()
    assert not at.exception
    [event] = [e for e in app_data.load_events() if e.event_id == "ev-1"]
    assert event.location is not None and event.location.place.name == "Timbuktu"
    assert event.location.text == "Gao"  # the article's words stay; the gazetteer entry changed


def test_the_pages_never_let_html_through() -> None:
    import ast

    for page in (ADD, FIX):
        tree = ast.parse(Path(page).read_text(encoding="utf-8"))
        names = {kw.arg for node in ast.walk(tree) if isinstance(node, ast.Call) for kw in node.keywords}
        calls = {n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)}
        assert "unsafe_allow_html" not in names, page
        assert not {"html", "components"} & calls, page


def test_events_are_found_by_their_words(store_path: Path) -> None:
    _store_with_event()
    at = run(FIX)
    at = at.text_input[0].set_value("barkhane 2,400 SOLDIERS ev-1").run()
    assert not at.exception
    assert len(at.selectbox[0].options) == 1 and at.selectbox[0].value == "ev-1"
    at = at.text_input[0].set_value("no such words anywhere").run()
    assert "No event matches" in texts(at, "warning")


def test_a_store_that_refuses_a_write_gives_a_message(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.store import Store, StoreError

    _store_with_event()

    def refuse(self: Store, **_: object) -> None:
        raise StoreError("nothing was written to the store: database or disk is full")

    monkeypatch.setattr(Store, "add_correction", refuse)
    at = run(FIX, event="ev-1")
    at = next(b for b in at.button if b.label.startswith("Hide this event")).click().run()
    assert not at.exception
    assert "disk is full" in texts(at, "error")
    assert any(e.event_id == "ev-1" for e in app_data.load_events())
