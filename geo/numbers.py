"""Troop counts: a number counts troops only when a troop noun (or a head such as "a contingent of")
stands beside it, so "19 people killed" and "20 million inhabitants" never become troops.

Each language's digit grouping (`5,000`, `2 400`, `4.300`), approximators (`almost`, `quelque`,
`rund`), number words and vague amounts (`several hundred`: words kept, no number) come from
`rules/<lang>/numbers.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import rules
from .patterns import alternation

__all__ = ["TroopCount", "find_troop_counts", "parse_number"]

_MAX_TROOPS = 500_000


@dataclass(frozen=True, slots=True)
class TroopCount:
    """A number of troops as written: `value` is None for vague amounts such as "several hundred"."""

    start: int
    end: int
    text: str
    value: int | None


def _alternation(words: list[str] | dict[str, object], *, escape: bool = True) -> str:
    return alternation(list(words), escape=escape)


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    before: re.Pattern[str]
    group_seps: str
    words: dict[str, int]
    multipliers: dict[str, int]


@cache
def _grammar(language: str) -> _Grammar:
    data = rules.load("numbers", language) or rules.load("numbers", "en")
    seps = "".join(data["group_separators"])
    sep_class = "[" + re.escape(seps) + "]"
    digits = rf"(?<![\d.,])\d{{1,3}}(?:{sep_class}\d{{3}})+(?![\d]|[.,]\d)|(?<![\d.,])\d+(?![\d]|[.,]\d)"
    words = {k.lower(): int(v) for k, v in data["number_words"].items()}
    multipliers = {k.lower(): int(v) for k, v in data["multipliers"].items()}
    number = (
        rf"(?P<num>(?:{digits})(?:\s+(?:{_alternation(multipliers)}))?"
        rf"|\b(?:{_alternation(words)})\b(?:[\s-]*(?:{_alternation(multipliers)})\b)?)"
    )
    vague = rf"(?P<vague>\b(?:{_alternation(data['vague'])})\b)"
    approx = rf"(?:(?P<approx>\b(?:{_alternation(data['approximators'], escape=False)}))\s+)?"
    nouns = _alternation(data["troop_nouns"])
    compound = r"[\w-]*" if language == "de" else ""
    between = int(data.get("between_words", 3))
    stop = _alternation(data["not_troops"] + data.get("function_words", []))
    filler = rf"(?:(?!(?:{stop})\b)[^\W\d][\w'’.-]*\s+){{0,{between}}}"
    noun = rf"(?:(?:-|\s+){filler}(?P<noun>{compound}(?:{nouns}))\b)"
    head = rf"(?P<head>\b(?:{_alternation(data['count_heads'])})\s+)"
    # every count starts at a digit or at a word boundary: the look-ahead lets the engine pass over the
    # letters inside words at once instead of trying each alternative there (same matches, twice as fast)
    pattern = re.compile(rf"(?=\d|\b)(?:{number}|{vague}){noun}?", re.IGNORECASE)
    # what may stand before a number, read backwards from it: "a contingent of", "almost", "rund"
    before = re.compile(rf"(?:{head})?{approx}$", re.IGNORECASE)
    return _Grammar(pattern, before, seps, words, multipliers)


def parse_number(text: str, language: str = "en") -> int | None:
    """The integer a number written in `language` stands for: `5,000`, `2 400`, `4.300`, `deux cents`."""
    g = _grammar(language)
    text = text.strip().lower()
    mult = 1
    for word, factor in sorted(g.multipliers.items(), key=lambda kv: -len(kv[0])):
        if text.endswith(word) and text != word:
            head = text[: -len(word)].rstrip(" -")
            if head:
                text, mult = head, factor
                break
    if text in g.words:
        return g.words[text] * mult
    digits = "".join(c for c in text if c not in g.group_seps)
    if digits.isdigit():
        return int(digits) * mult
    return None


def _looks_like_year(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100


def find_troop_counts(text: str, language: str = "en") -> list[TroopCount]:
    """Every number in `text` that counts troops, with the words it came from and their offsets."""
    g = _grammar(language)
    out: list[TroopCount] = []
    for m in g.pattern.finditer(text):
        window = max(0, m.start() - 48)
        pre = g.before.search(text, window, m.start())
        head = pre is not None and pre.group("head")
        if not m.group("noun") and not head:
            continue
        start = pre.start("approx") if pre is not None and pre.group("approx") else m.start()
        if m.group("vague"):
            out.append(TroopCount(start, m.end(), text[start : m.end()], None))
            continue
        value = parse_number(m.group("num"), language)
        if value is None or not 0 < value <= _MAX_TROOPS:
            continue
        if m.group("num").lower() in g.words and not m.group("noun"):
            continue  # "a" or "one" after a head word is an article, not a count
        if _looks_like_year(m.group("num")) and not re.match(r"[\s-]*\S+\s*$", text[m.end("num") : m.end()]):
            continue  # "in 2020 French troops": a year before the noun phrase, not a count
        out.append(TroopCount(start, m.end(), text[start : m.end()], value))
    return out
