"""An army the sentence does not give a nation ("the army", "l'armée", "die Armee", "l'état-major",
"government troops"): it is the army of the country the sentence (or the paragraph, or the article) is in.

A nationality beside the noun ("l'armée malienne", "Niger's army", "die Armee Malis") says whose it is and
is read by `actors`; a possessive ("its army", "son armée") points back to a name and is left to the
possessive rule; only the bare noun is found here. The words are data: `home_armies` in
rules/<lang>/actors.json (regex fragments, the class of nouns for a nation's armed forces), with
`home_army_generic` for a word a nation's registry holds that the language also uses for anyone's
("Luftwaffe": the German air force, or any air force).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import rules
from .actors import ActorMention, find_actors
from .patterns import spellings

__all__ = ["BareArmy", "bare_armies", "civilian_modifier", "generic_army", "home_country"]

# a name right after the noun that may say whose it is: "l'armée du Tchad", "the army of Mali", "die Armee Malis"
_AFTER = 14


_JOINED = re.compile(r"(?:['’]s)?[\s-]*(?:l['’])?")  # "Niger's army", "French-trained army", "Malis Armee"


@dataclass(frozen=True, slots=True)
class BareArmy:
    """Where a nation's armed forces are named with no nation."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class _Words:
    noun: re.Pattern[str] | None
    blocked: re.Pattern[str] | None
    partner: re.Pattern[str] | None
    generic: dict[str, str]


@cache
def _words(language: str) -> _Words:
    data = rules.load("actors", language) or {}
    nouns = data.get("home_armies", [])
    forms = [f for n in nouns for f in spellings(n, free_first=False)]  # "Army Green Berets": a name
    noun = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(forms, key=len, reverse=True))})(?![\w-])") if forms else None
    blocked = data.get("home_army_blocked_before")
    partner = data.get("home_army_object_before")
    return _Words(
        noun,
        re.compile(blocked, re.IGNORECASE) if blocked else None,
        re.compile(partner) if partner else None,
        data.get("home_army_generic", {}),
    )


def generic_army(mention: ActorMention, language: str) -> bool:
    """Whether an army the registry gives a nation ("Luftwaffe") is a word the language uses for anyone's, alone
    or opening a compound ("200 Luftwaffensoldaten": airmen of whichever nation the sentence names)."""
    generic = _words(language).generic
    code = generic.get(mention.text)
    if code is None:
        code = next((c for w, c in generic.items() if mention.text.startswith(w)), None)
    return code is not None and code == mention.country


def bare_armies(text: str, language: str) -> list[BareArmy]:
    """The nation-less army nouns of a sentence: not inside or right beside a name that says whose they are,
    not after a possessive or an article that makes them some other army ("its army", "a private army")."""
    words = _words(language)
    if words.noun is None:
        return []
    named = [a for a in find_actors(text, language) if not generic_army(a, language)]
    out = []
    for m in words.noun.finditer(text):
        a, b = m.span()
        if any(n.start < b and a < n.end for n in named):
            continue  # "l'armée malienne", "the Malian armed forces": the registry's name
        if any(0 <= a - n.end <= 4 and _JOINED.fullmatch(text[n.end : a]) for n in named):
            continue  # "Niger's army", "die nigrische Luftwaffe", "French-trained army"
        if any(0 <= n.start - b <= _AFTER and n.kind in ("country", "adjective", "capital") for n in named):
            continue  # "l'armée du Tchad", "the army of Chad", "die Armee Malis", "the armed forces Malian"
        if words.blocked is not None and words.blocked.search(text[max(0, a - 30) : a]):
            continue  # "its army", "son armée", "ihre Armee": the possessive rule's; "a private army"
        if words.partner is not None and words.partner.search(text[max(0, a - 40) : a]):
            continue  # "trains the army", "aux côtés de l'armée", "Ausbildung der Armee": a partner, not the actor
        out.append(BareArmy(a, b, m.group(0)))
    return out


def home_country(countries: Sequence[str], scene: str | None, main: str | None) -> str | None:
    """The country a sentence is in: the one its places name most (of a tie, the article's country, else the
    first), else the paragraph's scene, else the article's country (not the nation the sentence before spoke
    of: "French jets struck near Gao. The army said twenty militants died" is Mali's army)."""
    named = [c for c in countries if c and len(c) == 2 and c not in ("EU", "UN")]
    if named:
        counts = Counter(named)
        top = max(counts.values())
        return main if counts.get(main or "") == top else next(c for c in named if counts[c] == top)
    return scene or main


@cache
def _civilian(language: str) -> tuple[re.Pattern[str] | None, bool]:
    data = rules.load("actors", language) or {}
    heads = data.get("civilian_heads", [])
    if not heads:
        return None, False
    flags = 0 if language == "de" else re.IGNORECASE  # German nouns are capitalised; "Medien", not "medien"
    return re.compile(rf"(?:{'|'.join(heads)})(?![\w-])", flags), bool(data.get("adjective_follows_noun"))


# what may stand between a nationality and the noun it qualifies: "Sudanese refugees", "Algeria's ambassador",
# "the French aid workers", "die sudanesischen Flüchtlinge"
_GAP = re.compile(r"(?:['’]s)?\s+")
_WORD_GAP = re.compile(r"(?:[a-zà-öø-ÿ][\w-]*|[A-Z]{2,4})\s+")  # an adjective ("aid", "UN"), not a noun


def civilian_modifier(text: str, start: int, end: int, language: str) -> bool:
    """Whether a nationality qualifies people or bodies that are no troops ("Sudanese refugees", "l'ambassadeur
    français", "tschadische Rebellen", "Algeria's ambassador"): the noun it stands beside (after it in English and
    German, one word between at most; right before it in French) is one of the language's `civilian_heads`."""
    heads, follows = _civilian(language)
    if heads is None:
        return False
    if follows:  # "des réfugiés soudanais", "les rebelles tchadiens": the noun right before the adjective
        before = text[max(0, start - 40) : start]
        return re.search(rf"(?<![\w-])(?:{heads.pattern})\s+$", before, heads.flags) is not None
    gap = _GAP.match(text, end)
    if gap is None:
        return False
    if heads.match(text, gap.end()):
        return True
    word = _WORD_GAP.match(text, gap.end())  # "the French aid workers", "Malian opposition politicians"
    return word is not None and heads.match(text, word.end()) is not None
