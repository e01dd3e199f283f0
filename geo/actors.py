"""Whose troops: nationality adjectives, demonyms, armies, country names and capitals, per language.

Everything a language says comes from `rules/<lang>/actors.json`; country names come from the
Unicode CLDR through babel, so every country is known in every language without a list of ours.
A country or capital is only a candidate actor here: `events` drops those that a preposition ties to
a place ("in Mali", "with France").
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from . import rules
from .patterns import alternation, spellings

__all__ = ["GOVERNMENT", "ActorMention", "country_names", "find_actors"]

GOVERNMENT = ("capital", "leader")  # who speaks for a country's government: "Paris", "le Kremlin", "Macron"
# a nation named by itself or by its government (named once: mypyc cannot compile a starred tuple after `in`)
NATION_KINDS = ("country", *GOVERNMENT)
_KINDS = ("army", "demonym", "country", "capital", "leader", "adjective")


@dataclass(frozen=True, slots=True)
class ActorMention:
    """Words that name whose troops they are; `country` is ISO2, EU or UN, or None ("Western")."""

    start: int
    end: int
    text: str
    country: str | None
    kind: str
    candidates: tuple[str, ...] = ()  # an army's acronym that several countries use ("FDS", "BIR"): whose it may be


@cache
def country_names(language: str) -> dict[str, str]:
    """CLDR country names in `language` (and the EU, the UN) mapped to their codes."""
    from babel import Locale

    try:
        territories = Locale.parse(language).territories
    except Exception:  # an unknown locale: no names rather than a crash
        return {}
    return {name: code for code, name in territories.items() if len(code) == 2 and code.isalpha() and name}


@dataclass(frozen=True, slots=True)
class _Matcher:
    pattern: re.Pattern[str]
    lookup: dict[str, tuple[str | tuple[str, ...] | None, str]]
    suffix: re.Pattern[str]


def _key(text: str) -> str:
    return text.casefold().replace("’", "'")


@cache
def _matcher(language: str) -> _Matcher:
    data = rules.load("actors", language) or rules.load("actors", "en")
    lookup: dict[str, tuple[str | tuple[str, ...] | None, str]] = {}
    people, seats = _leaders()
    sources = {
        "army": data.get("armies", {}),
        "demonym": data.get("demonyms", {}),
        "country": {**country_names(language), **data.get("countries", {})},
        "capital": {**seats, **data.get("capitals", {})},  # "Downing Street", "le Quai d'Orsay": as a capital
        "leader": people,
        "adjective": data.get("adjectives", {}),
    }
    for kind in _KINDS:
        for name, code in sources[kind].items():
            lookup.setdefault(_key(name), (tuple(code) if isinstance(code, list) else code, kind))
    suffix = data.get("adjective_suffix", "")
    exact = set(data.get("exact_case", []))  # "Polish", "Turkey": in lower case another word ("polish", "turkey")
    compound = r"[\w-]*" if data.get("compound_prefixes") else ""
    parts: list[tuple[list[str], str]] = []  # (the names' forms, what may follow them), in the order tried
    for kind in _KINDS:  # armies first: "British Army" before "British"
        names = [n for n in sources[kind] if n[-1] != "-"]
        prefixes = [n for n in sources[kind] if n[-1] == "-"]  # "US-Drohnenbasis", "UN-Mission"
        forms = [f for n in names for f in spellings(n, free_first=n not in exact and kind != "leader")]  # "Talon"
        tail = suffix if kind == "adjective" else data.get("country_suffix", "") if kind == "country" else ""
        tail += compound if kind in ("army", "adjective") else ""
        if forms:
            parts.append((forms, tail))
        if prefixes:
            parts.append(([f for n in prefixes for f in spellings(n)], r"[\w-]*"))
    pattern = re.compile(rf"(?<![\w-])(?:{_by_first_letter(parts)})(?![\w])")
    return _Matcher(pattern, lookup, re.compile(rf"(?:{suffix}){compound}$"))


def _by_first_letter(parts: list[tuple[list[str], str]]) -> str:
    """The alternation of the parts (each a trie of its forms, then its tail), with the first letter taken out
    in front: "M(?:(?:ali)|(?:alian)(?:ne)?)" for "(?:Mali|...)|(?:Malian|...)(?:ne)?". The same matches, in
    the same order of trial (only the forms of a word's first letter can match there; names are matched as
    written, case told apart), but the engine picks one letter's branch at each word start instead of walking
    every part's trie: half the time of the scan of an article."""
    branches = []
    for first in sorted({f[0] for forms, _ in parts for f in forms}):
        alts = []
        for forms, tail in parts:
            rests = {f[1:] for f in forms if f[0] == first}
            if not rests:
                continue
            body = alternation(rests)  # the empty rest of a one-letter form is dropped there: optional then
            if "" in rests:
                body = f"(?:{body})?" if body else ""
            alts.append(f"(?:{body}){tail}")
        branches.append(f"{re.escape(first)}(?:{'|'.join(alts)})")
    return "|".join(branches)


@cache
def _leaders() -> tuple[dict[str, str], dict[str, str]]:
    """Leaders ("Macron", "Bazoum") and seats of power ("Downing Street", "Pentagon") of every language, each with
    its country (rules/leaders.json)."""
    raw = json.loads(resources.files("geo.rules").joinpath("leaders.json").read_text(encoding="utf-8"))
    return raw.get("leaders", {}), raw.get("institutions", {})


@cache
def _generic(language: str) -> re.Pattern[str] | None:
    """Compounds of an army's name that name a kind of thing of any country (rules: generic_compounds)."""
    words = (rules.load("actors", language) or {}).get("generic_compounds", [])
    return re.compile(rf"(?:{'|'.join(words)})$", re.IGNORECASE) if words else None


@lru_cache(maxsize=8192)
def _lookup(word: str, language: str) -> tuple[str | tuple[str, ...] | None, str] | None:
    """What a matched word names; an inflected adjective or a compound loses its ending first."""
    lookup = _matcher(language).lookup
    hit = lookup.get(_key(word))
    if hit is None:
        for cut in range(len(word) - 1, 1, -1):
            hit = lookup.get(_key(word[:cut]))
            if hit is not None:
                break
    return hit


@cache
def _sponsor(language: str) -> re.Pattern[str] | None:
    """A hyphenated tail that makes a name the backer of others (rules: sponsor_suffixes): "-backed", "-gestützte"."""
    words = (rules.load("actors", language) or {}).get("sponsor_suffixes", [])
    return re.compile(rf"(?:{'|'.join(words)})(?![\w])", re.IGNORECASE) if words else None


def find_actors(text: str, language: str) -> list[ActorMention]:
    """Every word or phrase in `text` that may say whose troops they are."""
    known = _SENTENCES.get((text, language))
    return list(known if known is not None else _actors(text, language))


# (sentence, language) -> its mentions, cut from one scan of the article (`read_sentences`)
_SENTENCES: dict[tuple[str, str], tuple[ActorMention, ...]] = {}


def read_sentences(text: str, language: str, spans: list[tuple[int, int]]) -> None:
    """Find the mentions of the sentences at `spans` of the article `text` in one scan of it (which placing the
    article's places has made already), for `find_actors` asked about each sentence: the same mentions as a scan
    of the sentence alone, since the pattern looks at one character either side of a match and a sentence has
    space or the text's edge on either side; a sentence a match runs into or out of is scanned alone."""
    _SENTENCES.clear()
    found, matched = _scan(text, language)
    starts = [a.start for a in found]
    edges = [s for s, _ in matched]
    for start, end in spans:
        if (start > 0 and not text[start - 1].isspace()) or (end < len(text) and not text[end].isspace()):
            continue
        k, n = bisect.bisect_left(edges, start), bisect.bisect_left(edges, end)
        if (k and matched[k - 1][1] > start) or (n and matched[n - 1][1] > end):
            continue  # a match across the sentence's start or its end
        lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
        _SENTENCES[(text[start:end], language)] = tuple(
            ActorMention(a.start - start, a.end - start, a.text, a.country, a.kind, a.candidates) for a in found[lo:hi]
        )


def _actors(text: str, language: str) -> tuple[ActorMention, ...]:
    return _scan(text, language)[0]


@lru_cache(maxsize=64)  # a sentence is asked about by several steps of its events; 64 covers one article
def _scan(text: str, language: str) -> tuple[tuple[ActorMention, ...], tuple[tuple[int, int], ...]]:
    """The mentions of `text`, and the span of every match of the pattern (those the mentions leave out too)."""
    m = _matcher(language)
    generic = _generic(language)
    out = []
    spans = []
    sponsor = _sponsor(language)
    for match in m.pattern.finditer(text):
        spans.append(match.span())
        word = match.group(0)
        if sponsor is not None and sponsor.match(text, match.end()):
            continue  # "a Libyan-backed offensive": who backs it, not whose troops
        hit = _lookup(word, language)
        if hit is None or (hit[1] == "army" and generic and generic.match(word)):
            continue  # "Luftwaffenbasis": an air base of any country, not the Luftwaffe's
        code, kind = hit
        if isinstance(code, tuple):  # "FDS": the army of one of several countries, which the context says
            out.append(ActorMention(match.start(), match.end(), word, None, kind, code))
        else:
            out.append(ActorMention(match.start(), match.end(), word, code, kind))
    return tuple(out), tuple(spans)
