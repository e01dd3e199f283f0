"""Checks on the cues of presence and departure that read one sentence's words.

A departure verb whose object is an armed group tells what troops did to that group, not that they left:
"tschadische Panzerkolonnen vertrieben Boko Haram aus Gamboru", "the army drove the jihadists out of
Djibo", "les soldats ont chassé les rebelles de la ville". A nation named after "with" is a partner, no
actor, unless it heads a relative clause that states its own troops ("les accords avec la France, qui dispose
d'environ 1 500 soldats dans le pays"). The words are data (rules/<lang>/syntax.json `insurgents`,
`determiners`, `partner_before`, `relative_pronouns`, `own_border`); this module holds none of any language.
"""

from __future__ import annotations

import re
from functools import cache

from . import rules
from .actions import Trigger
from .patterns import NEVER, alternation, spellings

__all__ = ["expels_insurgents", "partner_antecedent"]


@cache
def _insurgent_object(language: str) -> re.Pattern[str]:
    """An armed group right after a verb, a determiner or a nationality adjective between at most."""
    s = rules.load("syntax", language) or {}
    groups = alternation([f for w in s.get("insurgents", []) for f in spellings(w, free_first=False)]) or NEVER
    dets = alternation(s.get("determiners", [])) or NEVER
    return re.compile(rf"\s+(?:(?:{dets})(?:\s+|(?<=['’]))|[\w-]+\s+)?(?:{groups})(?![\w])", re.IGNORECASE)


def expels_insurgents(text: str, trig: Trigger, language: str) -> bool:
    """Whether a withdrawal cue is a verb whose object, right after it, is an armed group ("vertrieben Boko
    Haram aus Gamboru"): the subject's troops drove the group out, they did not leave."""
    if trig.action != "withdrawal" or trig.kind != "verb":
        return False
    return _insurgent_object(language).match(text, trig.end) is not None


@cache
def _partner_before(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    s = rules.load("syntax", language) or {}
    words = alternation(s.get("partner_before", [])) or NEVER
    dets = alternation(s.get("determiners", [])) or NEVER
    pronouns = alternation(s.get("relative_pronouns", [])) or NEVER
    partners = set(s.get("partner_before", []))
    # "the border with Sudan, which ...": a border phrase that ends with the word names a landmark, not a partner
    longer = [p for p in s.get("own_border", []) if p.split()[-1] in partners]
    lead = alternation(longer) or NEVER
    before = re.compile(rf"(?<![\w-])(?:{words})\s+(?:(?:{dets})(?:\s+|(?<=['’])))?$", re.IGNORECASE)
    landmark = re.compile(rf"(?<![\w-])(?:{lead})\s+(?:(?:{dets})(?:\s+|(?<=['’])))?$", re.IGNORECASE)
    return before, landmark, re.compile(rf"\s*,\s*(?:{pronouns})(?![\w])", re.IGNORECASE)


def partner_antecedent(text: str, start: int, end: int, language: str) -> bool:
    """Whether a nation named after "with" heads a relative clause ("les accords avec la France, qui dispose
    d'environ 1 500 soldats dans le pays"): the clause's subject, whose troops its verb counts, although "with"
    alone makes the name a partner."""
    before, landmark, relative = _partner_before(language)
    head = text[max(0, start - 40) : start]
    return relative.match(text, end) is not None and before.search(head) is not None and not landmark.search(head)
