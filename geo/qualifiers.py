"""Country words that only qualify a place, so name no owner of troops.

- a country name as the first part of a compound noun, in a language that writes compounds ("der Mali-Einsatz",
  "die Niger-Mission", "das Sahel-Mandat"): the mission in that country, not its troops (rules/<lang>/syntax.json
  `compound_nouns`);
- a nationality right before the name of a town ("aus dem malischen Gao", "im nigrischen Agadez", "the Malian
  Gao"): where the town lies, not whose troops are there.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import cache

from . import rules

__all__ = ["compound_place", "qualifies_town"]

_NEXT_WORD = re.compile(r"\s+(?=\S)")


@cache
def _compounds(language: str) -> bool:
    return bool((rules.load("syntax", language) or {}).get("compound_nouns", False))


def compound_place(text: str, end: int, language: str) -> bool:
    """Whether the country name ending at `end` opens a compound noun ("Mali-Einsatz") in a language that
    writes compounds."""
    tail = text[end : end + 3]  # "-Einsatz": a noun joined on (not "-led"), whatever the alphabet's capitals
    return _compounds(language) and len(tail) == 3 and tail[0] == "-" and tail[1].isupper() and tail[2].islower()


def qualifies_town(text: str, end: int, towns: Collection[int]) -> bool:
    """Whether the nationality ending at `end` stands right before a town's name (`towns`: where the sentence's
    town names start)."""
    gap = _NEXT_WORD.match(text, end)
    return gap is not None and gap.end() in towns
