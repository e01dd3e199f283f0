"""Typed place attachment: which words around a place name make it the place of an event, or not.

Data comes from `rules/<lang>/places.json` (keys `owner_genitives`, `attribution_openers`,
`source_prepositions`, `side_nouns`); `events` asks these questions of each place a cue may take:

- a country in the genitive before a place ("Nigeria's Borno state", "in Nigers Hauptstadt Niamey") is part of
  the place phrase: the place after it takes the preposition before the genitive;
- a place inside an attribution ("according to officials in Paris", "nach Angaben des Ministeriums in Madrid",
  "a déclaré à Bamako") is where the news was told, never where the troops are;
- "on the Nigerian side", "côté nigérian", "auf nigrischer Seite" names the country of the adjective.
"""

from __future__ import annotations

import re
from functools import cache

from . import rules
from .actions import find_triggers
from .actors import country_names, find_actors
from .patterns import NEVER, alternation

__all__ = ["base_after", "genitive_owner_start", "in_attribution", "postposition_end", "side_mention"]


def _alt(words: list[str]) -> str:
    return alternation(words) if words else NEVER


@cache
def _data(language: str) -> dict:
    return rules.load("places", language) or {}


@cache
def _owner_genitive(language: str) -> re.Pattern[str] | None:
    """A country name in the genitive that ends the text before a place, with the filler between them
    ("Nigeria's ", "Burkina Fasos Hauptstadt ", "Malis nördliche Region ")."""
    data = _data(language)
    suffixes = data.get("owner_genitives", [])
    if not suffixes:
        return None
    names = set(country_names(language)) | set((rules.load("actors", language) or {}).get("countries", {}))
    names |= set(data.get("country_aliases", {}))
    names = {n for n in names if len(n) > 2}
    fillers = data.get("owner_fillers", [])
    filler = rf"(?:(?:{_alt(fillers)})\s+){{0,2}}" if fillers else ""
    return re.compile(rf"(?<![\w-])(?:{_alt(sorted(names))})(?:{_alt(suffixes)})\s+{filler}$")


def genitive_owner_start(text: str, start: int, language: str) -> int | None:
    """Where the genitive country that owns the place at `start` begins ("into Nigeria's Borno state": the
    offset of "Nigeria's"), so that the place reads the preposition before it; None when there is none."""
    pattern = _owner_genitive(language)
    if pattern is None or start <= 0:
        return None
    m = pattern.search(text, max(0, start - 60), start)
    return m.start() if m is not None else None


@cache
def _attribution(language: str) -> re.Pattern[str] | None:
    data = _data(language)
    openers, preps = data.get("attribution_openers", []), data.get("source_prepositions", [])
    if not openers or not preps:
        return None
    # "according to the defence ministry in", "nach Angaben des Verteidigungsministeriums in", "a déclaré à":
    # the opener, a few words of the source (no comma, no clause), then the preposition before the place
    return re.compile(
        rf"(?<![\w])(?:{_alt(openers)})(?:\s+(?!(?:{_alt(preps)})\s)[^\s\d,;:.()«»\"“”]+){{0,6}}?\s+(?:{_alt(preps)})\s+"
        rf"(?:(?:{_alt(data.get('articles', []))})\s+)?$",
        re.IGNORECASE,
    )


def in_attribution(text: str, start: int, cue: tuple[int, int], language: str) -> bool:
    """Whether the place at `start` stands in the attribution of the news, before it and apart from the cue:
    "Spain sent, according to the ministry in Madrid, 60 soldiers", "told reporters in Paris"."""
    pattern = _attribution(language)
    if pattern is None:
        return False
    m = pattern.search(text, max(0, start - 90), start)
    if m is None or m.start() <= cue[0] < start:
        return False
    words = text[m.start() : start].split()
    articles = {a.casefold() for a in _data(language).get("articles", [])}
    while len(words) > 2 and words[-1].casefold() in articles:
        words.pop()  # "in Den Haag": the name's own article
    if _data(language).get("capitalises_nouns") and len(words) > 2 and not words[-2][:1].isupper():
        return False  # "nach Angaben des Kommandos derzeit in Niger": the source ends at its noun, not at an adverb
    # "announced the withdrawal of its troops from Mali": a cue inside is an event told, not its source
    return not any(m.start() <= t.start < start for t in find_triggers(text, language))


@cache
def _side(language: str) -> re.Pattern[str] | None:
    nouns = _data(language).get("side_nouns", [])
    return re.compile(rf"(?<![\w])(?:{_alt(nouns)})(?![\w])", re.IGNORECASE) if nouns else None


def side_mention(text: str, cue: tuple[int, int], language: str, limit: int = 80) -> tuple[str, int] | None:
    """(country, offset) of the first "on the Nigerian side", "en territoire malien", "auf malischem Gebiet" near
    the cue: a side or a territory named by a nationality adjective. The offset lets the caller tell a frame
    before the cue ("Côté français, on prépare ...") from the place of the act after it."""
    pattern = _side(language)
    if pattern is None:
        return None
    for m in pattern.finditer(text):
        if m.start() > cue[1] + limit or m.end() < cue[0] - limit:
            continue
        for a in find_actors(text, language):
            if a.kind == "adjective" and a.country not in (None, "EU", "UN"):
                gap = text[a.end : m.start()] if a.end <= m.start() else text[m.end() : a.start]
                if len(gap) <= 3 and not gap.strip(" -"):
                    return a.country, min(a.start, m.start())
    return None


@cache
def _postposition(language: str) -> re.Pattern[str] | None:
    words = _data(language).get("base_postpositions", [])
    return re.compile(rf"\s+(?:{_alt(words)})(?![\w])") if words else None


def postposition_end(text: str, end: int, language: str) -> int:
    """The end of a place phrase with its postposition ("vom Niger aus"), or `end` when none follows."""
    pattern = _postposition(language)
    m = pattern.match(text, end) if pattern is not None else None
    return m.end() if m is not None else end


def base_after(text: str, end: int, language: str) -> bool:
    """ "von Niamey aus": a place the troops act from, their base, is a place they are in."""
    return postposition_end(text, end, language) != end


@cache
def _border(language: str) -> re.Pattern[str] | None:
    """ "to the Malian border", "along the frontier", "à la frontière malienne", "an die malische Grenze",
    "entlang der Nordgrenze": a preposition of place, then a border noun with at most two words beside it."""
    data = _data(language)
    preps, nouns = data.get("border_prepositions", []), data.get("border_nouns", [])
    if not preps or not nouns:
        return None
    dets = data.get("border_determiners", [])
    glued = r"[\w-]*?" if data.get("border_compounds") else ""
    after = r"(?:\s+[\w'’-]+)?" if data.get("border_adjective_after") else ""  # "la frontière malienne"
    return re.compile(
        rf"(?<![\w])(?:{_alt(preps)})\s+(?:(?:{_alt(dets)})\s+)?(?:[\w'’-]+\s+){{0,2}}?{glued}(?:{_alt(nouns)})"
        rf"{after}(?![\w])",
        re.IGNORECASE,
    )


def border_phrases(text: str, language: str) -> list[tuple[int, int, str | None]]:
    """(start, end, neighbour) of each border phrase of a sentence: the neighbour is the country of a nationality
    adjective in it ("the Malian border": ML), None for a bare border ("to the border")."""
    pattern = _border(language)
    if pattern is None:
        return []
    out = []
    adjectives = [
        a for a in find_actors(text, language) if a.kind == "adjective" and a.country not in (None, "EU", "UN")
    ]
    for m in pattern.finditer(text):
        inside = [a.country for a in adjectives if m.start() <= a.start and a.end <= m.end()]
        out.append((m.start(), m.end(), inside[0] if inside else None))
    return out


def is_border_phrase(text: str, language: str) -> bool:
    """Whether the words name a border area (a place of an army's move at home)."""
    pattern = _border(language)
    return pattern is not None and pattern.search(text) is not None
