"""A presence verb that must count its troops ("keeps about 1,500 soldiers", "maintient 900 hommes") also states a
presence when its object is troops named by their noun, then where they are: "Ankara keeps troops and military
advisers at the air base", "la France conserve des soldats à Djibouti", "Deutschland unterhält Soldaten in Gao",
and a count inside such a list ("has kept fighter jets, drones and about 500 troops at Niamey's airport").

Only the verb's own object counts: the noun phrase that starts right after it (a determiner, a quantifier or an
adjective at most before each noun) and a place preposition right after the phrase. A troop noun elsewhere in the
sentence ("has said that troops ...", "keeps an eye on the soldiers in ...") is no object of the verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from . import rules
from .patterns import NEVER, alternation

if TYPE_CHECKING:
    from .actions import Trigger
    from .models import PlaceMention

__all__ = ["placed_troop_object", "troop_object"]

_PLACE_GAP = 24  # characters between the preposition and the place: "at the al-Watiya air base", "in der Region"

_WORD = r"[\w’'.,-]*\w"  # one word of a list item: "about", "500", "1,400", "Mirage"


def _alt(words: list[str]) -> str:
    return alternation(words) if words else NEVER


@lru_cache(maxsize=4)
def _pattern(language: str) -> re.Pattern[str] | None:
    """The object list read from right after the verb to its place preposition, for one language."""
    syntax = rules.load("syntax", language) or {}
    numbers = rules.load("numbers", language) or {}
    openers = syntax.get("troop_object_openers", [])
    if not openers:
        return None
    compound = r"[\w-]*" if syntax.get("compound_nouns", False) else ""
    persons = [w for w in numbers.get("troop_nouns", []) if len(w) > 4]
    things = persons + [w for w in numbers.get("asset_nouns", []) if len(w) > 4]
    stops = syntax.get("place_in", []) + syntax.get("genitive_prepositions", []) + syntax.get("origin_prepositions", [])
    joiners = [j for j in syntax.get("list_joiners", []) if j != ","]
    # a word before an item's noun: anything but a preposition or a joiner ("on", "of", "and")
    free = rf"(?!(?:{_alt(stops + joiners)})(?![\w’'-])){_WORD}"
    lead = rf"(?:(?:{_alt(openers)})(?:\s+|(?<=['’])))?"
    item = rf"{lead}(?:{free}\s+){{0,2}}?{compound}(?:{_alt(things)})(?![\w-])"
    person = rf"{lead}(?:{free}\s+){{0,2}}?{compound}(?:{_alt(persons)})(?![\w-])"
    join = rf"(?:\s*,\s*(?:(?:{_alt(joiners)})\s+)?|\s+(?:{_alt(joiners)})\s+)"
    # at least one item names persons ("troops and military advisers", not "drones and jets" alone)
    body = rf"(?:{item}{join})*?{person}(?:{join}{item})*"
    place = _alt([w for w in syntax.get("place_in", []) if w[:1].islower()])
    return re.compile(rf"\s+{body}\s+(?:{place})(?![\w’'-])", re.IGNORECASE)


@lru_cache(maxsize=64)  # the no-count gate and the draft ask it for the same cue
def troop_object(text: str, end: int, language: str) -> int | None:
    """Where the place preposition after the cue's troop object ends (the cue ending at `end`), or None when the
    words after the cue are no such object."""
    pattern = _pattern(language)
    if pattern is None:
        return None
    m = pattern.match(text, end)
    return m.end() if m else None


def placed_troop_object(text: str, trig: Trigger, places: Sequence[PlaceMention], offset: int, language: str) -> bool:
    """Whether a cue that must count its troops names them as its object, then a place the sentence names
    (`places` in article positions, the sentence starting at `offset`)."""
    if not trig.needs_count or trig.kind != "verb":
        return False
    at = troop_object(text, trig.end, language)
    if at is None:
        return False
    return any(0 <= m.start - offset - at <= _PLACE_GAP and "," not in text[at : m.start - offset] for m in places)
