"""Sentences with their character offsets, so that every value we find keeps its place in the article.

A small rule splitter: a full stop, question or exclamation mark (with any closing quote) followed by
space and a capital or an opening quote ends a sentence, unless it closes a known abbreviation or an
ordinal number ("3. Mai"); a line break always does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import rules

__all__ = ["Sentence", "split_sentences"]


@cache
def _syntax_words(key: str) -> frozenset[str]:
    """The words under `key` in every language's rules/*/syntax.json, lower-cased: the abbreviations that end
    with a full stop inside a sentence, the words after which "43." is an ordinal ("des 43. Bataillons")."""
    words: set[str] = set()
    for data in rules.load_all("syntax").values():
        words.update(w.lower() for w in data.get(key, []))
    return frozenset(words)


_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+(?:[\"'“‘(\[]|«\s*)?[A-ZÀ-ÖØ-Þ0-9])|\n+")
_WORD_AFTER = re.compile(r"\s*(\w+)")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text and where it starts and ends in the article."""

    start: int
    end: int
    text: str


_WORD_BEFORE_NUMBER = re.compile(r"(\w+)\s+$")


@cache
def _months() -> frozenset[str]:
    names: set[str] = set()
    for data in rules.load_all("dates").values():
        names.update(k.lower() for k in data.get("months", {}))
    return frozenset(names)


def _is_abbreviation(text: str, dot: int) -> bool:
    match = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not match:
        return False
    word = match.group(1).lower().rstrip(".")
    if word in _syntax_words("abbreviations"):
        return True
    if word.isdigit() and len(word) <= 3:  # German ordinal "3. Mai", not "by December 31. Russian ..."
        following = _WORD_AFTER.match(text, dot + 1)
        if following and following.group(1).lower() in _months():
            return True
        before = _WORD_BEFORE_NUMBER.search(text, max(0, match.start() - 30), match.start())
        return bool(before and before.group(1) in _syntax_words("ordinal_before"))
    return len(word) == 1 and word.isalpha()  # initials: "J. Heappey"


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` in order, stripped of surrounding space, with offsets into `text`."""
    out: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        if match.group(0)[0] == "." and _is_abbreviation(text, match.start()):
            continue
        end = match.end() if match.group(0)[0] != "\n" else match.start()
        _add(text, start, end, out)
        start = match.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end]))
