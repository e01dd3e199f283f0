"""The layout's promises: the core never imports Streamlit, pages hold no parsing logic."""

from __future__ import annotations

import ast

from tests.conftest import ROOT


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_geo_never_imports_streamlit() -> None:
    offenders = [p.name for p in (ROOT / "geo").rglob("*.py") if {"streamlit", "streamlit_folium"} & _imports(p)]
    assert offenders == []


def test_pages_do_not_parse_text() -> None:
    for page in (ROOT / "pages").glob("*.py"):
        assert not {"re", "dateparser", "ahocorasick"} & _imports(page), page.name
