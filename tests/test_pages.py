"""AppTest for each dashboard page on a temporary store of synthetic events, filters and shared links."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench.synthetic import synthetic_store
from tests.conftest import ROOT

PAGES = ("map", "timeline", "events", "sources")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_store(tmp_path_factory.mktemp("store") / "store.sqlite", 300)


@pytest.fixture()
def app(store: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TROOPMAP_STORE", str(store))

    def _open(page: str, **params: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=120)
        for key, value in params.items():
            at.query_params[key] = value
        return at.run()

    return _open


def _count(at: AppTest) -> int:
    first = next(m.value for m in at.sidebar.markdown if " of " in m.value)
    return int(first.split("**")[1].replace(",", ""))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_error(app, page: str) -> None:
    at = app(page)
    assert not at.exception
    assert _count(at) == 300


@pytest.mark.parametrize("page", PAGES)
def test_a_shared_link_filters_every_page(app, page: str) -> None:
    at = app(page, force="Takuba", action="withdrawal,deployment")
    assert not at.exception
    assert 0 < _count(at) < 300
    assert at.multiselect(key="filter_force").value == ["Takuba"]
    assert at.multiselect(key="filter_action").value == ["deployment", "withdrawal"] or at.multiselect(
        key="filter_action"
    ).value == ["withdrawal", "deployment"]


def test_garbage_in_the_link_gives_notices_not_errors(app) -> None:
    at = app("map", force="Nope", country="Narnia", **{"from": "2022-02-30", "<script>": "1"})
    assert not at.exception
    notices = " ".join(w.value for w in at.sidebar.warning)
    assert "Nope" in notices and "Narnia" in notices and "2022-02-30" in notices and "script" in notices
    assert _count(at) == 300


def test_choosing_a_filter_writes_the_link_and_reset_clears_it(app) -> None:
    at = app("map")
    at.multiselect(key="filter_force").select("Takuba").run()
    assert at.query_params["force"] in ("Takuba", ["Takuba"])
    narrowed = _count(at)
    assert 0 < narrowed < 300
    at.date_input(key="filter_from").set_value(__import__("datetime").date(2018, 1, 1)).run()
    assert at.query_params["from"] in ("2018-01-01", ["2018-01-01"])
    assert _count(at) < narrowed
    at.sidebar.button[0].click().run()
    assert "force" not in at.query_params and _count(at) == 300


def test_share_link_shows_the_query(app) -> None:
    at = app("events", force="Takuba", status="completed")
    codes = [c.value for c in at.sidebar.code]
    assert any(c.endswith("?force=Takuba&status=completed") for c in codes), codes


def test_events_page_offers_both_downloads(app) -> None:
    at = app("events", force="Barkhane")
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["Download CSV", "Download GeoJSON"]
    assert len(at.dataframe) == 1 and 0 < len(at.dataframe[0].value) < 300


def test_timeline_labels_the_estimate(app) -> None:
    at = app("timeline")
    assert "Troops present (estimate)" in [s.value for s in at.subheader]
    assert any("not an official count" in c.value for c in at.caption)


def test_dashboard_navigation_runs(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TROOPMAP_STORE", str(store))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert not at.exception


def test_map_page_says_when_its_libraries_are_missing(app, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.assets as assets

    if assets.vendor_ready():  # built by `make test`
        at = app("map")
        assert not any("make assets" in w.value for w in at.warning), "no notice while the vendored files are there"
    monkeypatch.setattr(assets, "VENDOR_DIR", tmp_path / "missing")
    at = app("map")
    assert not at.exception
    assert any("make assets" in w.value and "blank without internet" in w.value for w in at.warning)
