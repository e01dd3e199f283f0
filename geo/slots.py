"""Which count and which date phrase belong to an event: small rules over the slot candidates of one
cue, kept apart from the sentence reader in events.py so that they read as one list of classes."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .dates import DateMention
from .numbers import TroopCount

__all__ = ["fronted_date", "nearest_first", "year_inside_cue"]


def year_inside_cue(date: DateMention, start: int, end: int, counts: Sequence[TroopCount]) -> bool:
    """Whether a number of four digits is the cue's count, not a year: "sent 2000 soldiers to Haiti" (the count
    it is read as), or a bare number inside the cue's words with no count at all. "schickte 2021 rund 60
    Elitesoldaten nach": a German verb before its adjuncts spans the year, which dates the move."""
    if not date.text.isdigit():
        return False
    if any(c.start <= date.start < c.end for c in counts):
        return True
    return not counts and start <= date.start and date.end <= end


_COMMA_AFTER = re.compile(r"\s*,")


def fronted_date(date: DateMention, text: str) -> bool:
    """A date phrase that opens the sentence, set off by a comma ("In December, Burkina Faso and Niger announced
    ...", "En avril 2022, après ..., l'UE avait suspendu", "Im März, nach ..., zog"): it frames the whole sentence,
    across the commas after it. Not a dateline ("BAMAKO, 1 novembre 2023 (AFP) -"): nothing but a preposition
    stands before it."""
    before = text[: date.start]
    return len(before.split()) <= 1 and "," not in before and _COMMA_AFTER.match(text, date.end) is not None


def nearest_first(
    dates: Sequence[DateMention], cue: tuple[int, int], cost: Callable[[tuple[int, int], tuple[int, int]], float]
) -> list[DateMention]:
    """The date phrases a cue owns, the nearest first: "led by Traore since a coup last September, on Jan. 18
    denounced the agreement" is dated by the phrase beside its verb, not by the first of the sentence."""
    return sorted(dates, key=lambda d: cost((d.start, d.end), cue))
