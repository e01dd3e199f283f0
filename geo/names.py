"""Folding names for lookup: case, accents, apostrophes and hyphens do not tell two places apart.

`fold_text` keeps one character for each character of the input, so that offsets found in the folded
text are offsets in the original; `fold` also squeezes the spaces, for keys of the index.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "fold_text", "is_latin", "tokens"]


class _FoldTable(dict[int, str]):
    """`str.translate` table built on demand: every character maps to exactly one character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char.isalnum():
            base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
            folded = base.casefold()
            if len(folded) != 1:
                folded = char.lower() if len(char.lower()) == 1 else char
        else:
            folded = " "
        self[code] = folded
        return folded


_TABLE = _FoldTable()
_WORD = re.compile(r"\S+")


def fold_text(text: str) -> str:
    """Lower case, no accents, every non-alphanumeric character a space; same length as `text`."""
    return text.translate(_TABLE)


def fold(name: str) -> str:
    """The index key of a name: `fold_text` with runs of spaces squeezed ("Côte d’Ivoire" -> "cote d ivoire")."""
    return " ".join(name.translate(_TABLE).split())


def tokens(folded: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of each word of a folded text."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(folded)]


def is_latin(name: str) -> bool:
    """True when every letter of the name is Latin: the only names an en/fr/de text can spell."""
    return all(unicodedata.name(char, "").startswith("LATIN") for char in name if char.isalpha())
