"""Language knowledge as data: one folder per language, one JSON file per kind of knowledge.

Code asks for `load("numbers", "fr")` and never spells a French word itself, so that adding a
language is adding a folder.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["LANGUAGES", "load", "load_all"]

LANGUAGES = ("en", "fr", "de")


@cache
def load(kind: str, language: str) -> Any:
    """The parsed `rules/<language>/<kind>.json`; a missing file is an empty mapping."""
    path = resources.files(__package__).joinpath(language, f"{kind}.json")
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def load_all(kind: str) -> dict[str, Any]:
    """`load(kind, lang)` for every language we read."""
    return {lang: load(kind, lang) for lang in LANGUAGES}
