"""Word lists as regex tries match exactly what the plain longest-first alternation matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.patterns import alternation, spellings

WORDS = st.lists(st.text(alphabet="abcé'’ -.", min_size=1, max_size=6), min_size=1, max_size=12)


def _plain(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@settings(max_examples=200, deadline=None)
@given(words=WORDS, text=st.text(alphabet="abcé'’ -.x", max_size=40))
def test_trie_finds_what_the_plain_alternation_finds(words: list[str], text: str) -> None:
    trie = re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)")
    plain = re.compile(rf"(?<!\w)(?:{_plain(words)})(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_longest_word_wins_and_prefixes_still_match() -> None:
    pattern = re.compile(rf"(?<!\w)(?:{alternation(['Niger', 'Nigeria', 'Mali'])})(?!\w)")
    assert [m.group(0) for m in pattern.finditer("Nigeria, Niger, Malian, Mali")] == ["Nigeria", "Niger", "Mali"]


def test_spellings_cover_case_of_the_first_letter_and_apostrophes() -> None:
    assert set(spellings("l'ONU")) == {"l'ONU", "l’ONU", "L'ONU", "L’ONU"}
    assert spellings("Wagner", free_first=False) == ["Wagner"]
