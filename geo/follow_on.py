"""A sentence that goes on about the troops of the sentence before by a pronoun alone ("They left the country in
December", "Elles ont quitté le pays en décembre", "Im Dezember haben sie das Land verlassen") speaks of troops
without a troop word of its own: the pronoun, the subject near its opening, stands for them.

Only plural subject pronouns that may stand for troops count (syntax.json `troop_pronouns`; not the English "it",
most often an empty subject), and only right after a sentence that spoke of troops (the caller keeps that)."""

from __future__ import annotations

import re
from functools import lru_cache

from . import rules
from .patterns import NEVER, alternation

__all__ = ["opens_on_troop_pronoun"]

_OPENING = 5  # words: "In December they", "Im Dezember haben sie", "Quelques semaines plus tard, ils"


@lru_cache(maxsize=4)
def _pronoun(language: str) -> re.Pattern[str]:
    words = (rules.load("syntax", language) or {}).get("troop_pronouns", [])
    return re.compile(rf"(?<![\w’'-])(?:{alternation(words) if words else NEVER})(?![\w’'-])", re.IGNORECASE)


def opens_on_troop_pronoun(text: str, language: str) -> bool:
    """Whether a subject pronoun that may stand for troops stands among the first words of the sentence."""
    m = _pronoun(language).search(text)
    return m is not None and len(text[: m.start()].split()) < _OPENING
