"""Shared fixtures: paths to the project's shipped data and to the team's shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def sample_corpus() -> Path:
    return ROOT / "data" / "articles"


@pytest.fixture()
def bad_corpus(tmp_path: Path) -> Path:
    """A folder with one good article and one of each kind of bad file."""
    (tmp_path / "good.txt").write_text(
        "French troops left Gao in Mali this summer, the ministry said.", encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_bytes(b"   \n\t\n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "latin1.txt").write_bytes(
        "Les soldats français ont quitté Tombouctou cet été, a annoncé le ministère à Bamako.".encode("latin-1")
    )
    (tmp_path / "page.html").write_text(
        "<html><head><title>Abzug aus Mali</title><script>alert(1)</script></head>"
        "<body><p>Die Bundeswehr verlässt Gao.</p><p>Rund 250 Soldaten sind in Niamey stationiert.</p></body></html>",
        encoding="utf-8",
    )
    return tmp_path
