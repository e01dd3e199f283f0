"""What a strike hits: a force the sentence names as the target of a strike is no owner of that strike.

"Air strikes by the army on RSF positions", "des frappes contre les positions des FSR", "Luftangriffe der Armee
auf RSF-Stellungen": the force after a target preposition ("on", "contre", "auf") or beside a target noun
("positions", "Stellungen") is what the strike hits, not who strikes. An agent preposition nearer the force
("carried out by", "menées par", "durch") makes it the striker again. The words are data: rules/<lang>/syntax.json
`strike_target_before`, `strike_target_nouns`, `strike_agent_before`.
"""

from __future__ import annotations

import re
from functools import cache

from . import rules
from .clauses import CLAUSE_END
from .patterns import NEVER, alternation

__all__ = ["strike_target"]

_WINDOW_WORDS = 6  # how far after the cue a target may stand: "pounded the insurgents' hideouts around the RSF"


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a target or agent preposition, or a target noun, in the words before the force; a target noun right after
    it). The first names its kind by group: `target`, `agent`."""
    s = rules.load("syntax", language) or {}
    before = alternation(s.get("strike_target_before", [])) or NEVER
    agent = alternation(s.get("strike_agent_before", [])) or NEVER
    nouns = alternation(s.get("strike_target_nouns", [])) or NEVER
    flags = re.IGNORECASE
    words = re.compile(rf"(?<![\w-])(?:(?P<target>{before}|{nouns})|(?P<agent>{agent}))(?![\w])", flags)
    # "RSF positions", "RSF-Stellungen": a compounding language joins the noun on; a word after a name there may
    # be the object after an inverted subject ("bombardierte die nigerianische Luftwaffe Lager von Boko Haram")
    joint = "-" if s.get("compound_nouns", False) else r"(?:\s+|-)"
    after = re.compile(rf"{joint}(?:{nouns})(?![\w])", flags)
    return words, after


def strike_target(text: str, cue: tuple[int, int], start: int, end: int, language: str) -> bool:
    """Whether the name at [start, end) after (or inside: "raids on RSF positions") a strike cue spanning `cue` is
    its target: in the cue's clause, a few words on, with a target word the last of the preposition words before
    it, or a target noun right after it ("RSF positions", "RSF-Stellungen")."""
    if start <= cue[0]:
        return False
    gap = text[cue[1] if start >= cue[1] else cue[0] : start]
    if CLAUSE_END.search(gap) or len(gap.split()) > _WINDOW_WORDS:
        return False
    words, after = _patterns(language)
    last = max(words.finditer(gap), key=lambda m: m.start(), default=None)
    if last is not None:
        return last.group("target") is not None
    return after.match(text, end) is not None
