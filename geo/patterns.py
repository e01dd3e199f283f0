"""Regular expressions for long word lists, built as a trie ("Mali|Malawi|Malaysia" becomes
"Ma(?:l(?:i|awi|aysia))"), so that Python's regex engine tries each letter once instead of every word."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["NEVER", "alternation", "longest_first", "sentence_matches", "spellings"]

NEVER = "(?!x)x"  # a pattern that never matches: what an empty word list of a language compiles to


def longest_first(words: Iterable[str]) -> str:
    """Regex fragments as one alternation, the longest first (so a longer word wins over its own start); "" for
    none: the caller says what an empty list means (`or NEVER`: nothing matches)."""
    return "|".join(sorted(words, key=len, reverse=True))


def spellings(word: str, *, free_first: bool = True) -> list[str]:
    """The ways a name is written: either case of its first letter ("opération"/"Opération") when
    `free_first`, either apostrophe ("l'ONU"/"l’ONU")."""
    forms = {word}
    if free_first and word[:1].isalpha():
        forms |= {word[0].upper() + word[1:], word[0].lower() + word[1:]}
    out = set()
    for form in forms:
        out |= {form, form.replace("'", "’"), form.replace("’", "'")}
    return sorted(out)


def alternation(words: Iterable[str], *, escape: bool = True) -> str:
    """One regex (without groups that capture) that matches any of `words`, the longest first.

    With `escape=False` the words are regex fragments and are joined as they are, longest first.
    """
    items = sorted({w for w in words if w}, key=len, reverse=True)
    if not escape:
        return "|".join(items)
    trie: dict = {}
    for word in items:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict) -> str:
    branches = []
    ends = "" in node
    for ch in sorted((k for k in node if k), key=lambda c: -_depth(node[c])):
        branches.append(re.escape(ch) + _emit(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


def _depth(node: dict) -> int:
    return 1 + max((_depth(v) for k, v in node.items() if k), default=0)


@lru_cache(maxsize=32)
def sentence_matches(syntax: object, name: str, sentence: str) -> tuple[re.Match[str], ...]:
    """Every match of one of the language's patterns in a sentence, found once for all the cues of that
    sentence (kept by the syntax's identity and the pattern's name: hashing a compiled pattern reads its code)."""
    return tuple(getattr(syntax, name).finditer(sentence))
