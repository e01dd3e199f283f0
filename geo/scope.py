"""The scope of negation, denial and non-events around an action cue, by word stems within clauses
rather than by fixed phrases (`rules/<lang>/actions.json`, "scope"):

- a denial after the event, in a clause that takes it up: "..., which Moscow denied", "..., ce que le
  ministère a démenti", "..., une information démentie par", "..., was das Ministerium dementierte";
- a report left unconfirmed: a confirmation stem with a negator in its own clause, before or after it
  ("were not confirmed", "n'a pas été confirmé", "wurden bislang nicht bestätigt", "bestätigte das nicht");
- a refusal or a negated plan that governs the cue: a German separable refusal around it ("lehnte die
  Entsendung ... ab") or an infinitive clause set off by a comma ("weigerte sich, Truppen zu schicken",
  "hat keine Pläne, Soldaten zu entsenden");
- a clause that moves no troops: money ("supports the mission with 20 million euros") or leave ("flew home on
  leave") with no troop named in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import rules
from .actions import Trigger
from .wordforms import separable_pattern

__all__ = ["states_no_movement"]

_MARK = re.compile(r"(?<!\d)[,.](?!\d)|[;:!?()«»“”\"–—]")  # a clause mark, not the comma of "20,000"
_SENTENCE_END = re.compile(r"(?<!\d)\.(?!\d)|[;!?]")
_WORD = re.compile(r"[\w'’-]+")
_NEVER = "(?!x)x"
_MOVES = ("deployment", "withdrawal", "redeployment")


@dataclass(frozen=True, slots=True)
class _Scope:
    negator: re.Pattern[str]  # "not", "ne ... pas", "nicht", "kein"
    denial: re.Pattern[str]  # "deny", "démentir", "dementieren": every form, from the stem
    confirmation: re.Pattern[str]  # "confirm", "confirmer", "bestätigen"
    refusal: re.Pattern[str]  # "refuse", "refuser", "sich weigern"
    coordinator: re.Pattern[str]  # "and", "et", "und": a refusal before one governs no cue after it
    remention: re.Pattern[str]  # what opens a clause that takes up the one before: "which", "ce que", "was"
    split_refusals: tuple[re.Pattern[str], ...]  # "lehnte ... ab", "schloss ... aus": around the cue
    infinitive: re.Pattern[str] | None  # a clause that is an infinitive governed by the one before: "zu schicken"
    money: re.Pattern[str]  # "20 million euros", "$5m", "funding"
    leave: re.Pattern[str]  # "on leave", "en permission", "Heimaturlaub"
    troops: re.Pattern[str]  # a troop noun: money or leave said of a clause with troops may go with a move


def _stems(words: list[str]) -> re.Pattern[str]:
    alts = sorted(words, key=len, reverse=True) or [_NEVER]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w])", re.IGNORECASE)


@cache
def _scope(language: str) -> _Scope:
    data = (rules.load("actions", language) or {}).get("scope", {})
    closers = (rules.load("actions", language) or {}).get("clause_openers", [])
    split = tuple(
        re.compile("|".join(f"(?:{p})" for p in separable_pattern(r["particle"], r["verbs"], closers)[:2]), re.I)
        for r in data.get("separable_refusals", [])
    )
    numbers = rules.load("numbers", language) or {}
    troops = [re.escape(w) for w in numbers.get("troop_nouns", []) if len(w) > 3]
    return _Scope(
        negator=_stems(data.get("negators", [])),
        denial=_stems(data.get("denials", [])),
        confirmation=_stems(data.get("confirmations", [])),
        refusal=_stems(data.get("refusals", [])),
        coordinator=_stems(data.get("coordinators", [])),
        remention=re.compile(rf"\s*(?:{'|'.join(data.get('remention', [])) or _NEVER})(?![\w])", re.IGNORECASE),
        split_refusals=split,
        infinitive=re.compile(data["infinitive"], re.IGNORECASE) if data.get("infinitive") else None,
        money=_stems(data.get("money", [])),
        leave=_stems(data.get("leave", [])),
        troops=re.compile(rf"(?<![\w-])[\w-]*(?:{'|'.join(troops) or _NEVER})\w{{0,3}}(?![\w])", re.IGNORECASE),
    )


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around text[start:end]: back to the last clause mark, on to the next."""
    lo = max((m.end() for m in _MARK.finditer(text, 0, start)), default=0)
    nxt = _MARK.search(text, end)
    return lo, nxt.start() if nxt else len(text)


def _sentence_end(text: str, at: int) -> int:
    m = _SENTENCE_END.search(text, at)
    return m.start() if m else len(text)


def denied_after(text: str, trigger: Trigger, scope: _Scope) -> bool:
    """ "Russia sent 200 soldiers to Mali, which Moscow denied", "ce que Moscou a démenti", "une information
    démentie par", "was Moskau dementierte", "..., denied by the ministry": a clause after the cue's own that
    takes the cue up (or opens on the denial) and denies it."""
    _, hi = _clause(text, trigger.start, trigger.end)
    end = _sentence_end(text, trigger.end)
    if hi >= end or text[hi] not in ",(–—":
        return False
    rest = _MARK.search(text, hi + 1)
    stop = min(rest.start() if rest else len(text), end)
    opener = scope.remention.match(text, hi + 1) or scope.denial.match(text, hi + 1 + _lead(text, hi + 1))
    return opener is not None and scope.denial.search(text, hi + 1, stop) is not None


def _lead(text: str, at: int) -> int:
    return len(text[at:]) - len(text[at:].lstrip())


def unconfirmed(text: str, trigger: Trigger, scope: _Scope) -> bool:
    """ "Reports that Italy had sent soldiers were not confirmed", "n'a pas été confirmé", "wurden im
    Élysée-Palast bislang nicht bestätigt", "bestätigte das nicht", "declined to confirm": a confirmation
    negated (or refused) in its own clause, anywhere in the cue's sentence."""
    end = _sentence_end(text, trigger.end)
    for m in scope.confirmation.finditer(text, 0, end):
        lo, hi = _clause(text, m.start(), m.end())
        before = _WORD.findall(text, lo, m.start())[-4:]
        after = _WORD.findall(text, m.end(), hi)[:3]
        near = " ".join(before + after)
        if scope.negator.search(near) or scope.refusal.search(" ".join(before)):
            return True
    return False


def refused(text: str, trigger: Trigger, scope: _Scope) -> bool:
    """A refusal or a negated plan that governs the cue: the cue inside a split refusal ("lehnte die Entsendung
    von Truppen ab", "schloss einen Einsatz aus"), a refusal in the cue's clause before it ("refused outright to
    send"), or an infinitive clause after a comma whose head clause is negated or refuses ("weigerte sich,
    Truppen zu schicken", "hat keine Pläne, Soldaten nach Mali zu entsenden")."""
    lo, hi = _clause(text, trigger.start, trigger.end)
    for split in scope.split_refusals:
        for m in split.finditer(text, max(0, lo), _sentence_end(text, trigger.end) + 1):
            if m.start() < trigger.start and trigger.end <= m.end():
                return True
    since = max((m.end() for m in scope.coordinator.finditer(text, lo, trigger.start)), default=lo)
    if scope.refusal.search(text, since, trigger.start):
        return True  # "refused outright to send"; not "refused the request and ordered its troops out"
    if scope.infinitive is None or lo == 0 or text[lo - 1] != ",":
        return False
    if not (scope.infinitive.search(text[lo:hi]) or scope.infinitive.search(trigger.text)):
        return False
    head_lo, _ = _clause(text, lo - 1, lo - 1)
    head = text[head_lo : lo - 1]
    return scope.negator.search(head) is not None or scope.refusal.search(head) is not None


def moves_nothing(text: str, trigger: Trigger, scope: _Scope) -> bool:
    """A clause of money with no troops in it ("Die EU unterstützt den Einsatz mit 20 Millionen Euro", "finance
    la mission à hauteur de") tells of no move of troops; troops going home on leave ("flew home on leave",
    "en permission", "auf Heimaturlaub") come back, which is no withdrawal."""
    if trigger.action not in _MOVES:
        return False  # "suspended its military cooperation and budget support" ends a cooperation all the same
    lo, hi = _clause(text, trigger.start, trigger.end)
    if trigger.action == "withdrawal" and scope.leave.search(text, lo, hi) is not None:
        return True
    return scope.money.search(text, lo, hi) is not None and scope.troops.search(text, lo, hi) is None


def states_no_movement(text: str, trigger: Trigger, language: str) -> bool:
    """Whether the cue's scope says it happened not, or moved no troops (see the module's docstring)."""
    scope = _scope(language)
    return (
        denied_after(text, trigger, scope)
        or unconfirmed(text, trigger, scope)
        or refused(text, trigger, scope)
        or moves_nothing(text, trigger, scope)
    )
