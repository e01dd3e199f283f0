"""Checks on the cues of presence that read one sentence's words.

A nation named after "with" is a partner, no actor, unless it heads a relative clause that states its own
troops ("les accords avec la France, qui dispose d'environ 1 500 soldats dans le pays"). The words are data
(rules/<lang>/syntax.json `determiners`, `partner_before`, `relative_pronouns`, `own_border`); this module holds
none of any language. (A departure verb whose object is an armed group: `stance.expels_armed_group`.)
"""

from __future__ import annotations

import re
from functools import cache

from . import rules
from .patterns import NEVER, alternation

__all__ = ["partner_antecedent"]


@cache
def _partner_before(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    s = rules.load("syntax", language) or {}
    words = alternation(s.get("partner_before", [])) or NEVER
    dets = alternation(s.get("determiners", [])) or NEVER
    partners = set(s.get("partner_before", []))
    # "the border with Sudan, which ...": a border phrase that ends with the word names a landmark, not a partner
    longer = [p for p in s.get("own_border", []) if p.split()[-1] in partners]
    lead = alternation(longer) or NEVER
    before = re.compile(rf"(?<![\w-])(?:{words})\s+(?:(?:{dets})(?:\s+|(?<=['’])))?$", re.IGNORECASE)
    landmark = re.compile(rf"(?<![\w-])(?:{lead})\s+(?:(?:{dets})(?:\s+|(?<=['’])))?$", re.IGNORECASE)
    return before, landmark


def partner_antecedent(text: str, start: int, end: int, language: str, relative: re.Pattern[str]) -> bool:
    """Whether a nation named after "with" heads a relative clause ("les accords avec la France, qui dispose
    d'environ 1 500 soldats dans le pays"): the clause's subject, whose troops its verb counts, although "with"
    alone makes the name a partner. `relative`: a comma and a relative pronoun (the events' syntax's)."""
    before, landmark = _partner_before(language)
    head = text[max(0, start - 40) : start]
    return relative.match(text, end) is not None and before.search(head) is not None and not landmark.search(head)
