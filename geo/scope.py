"""The scope of negation, denial and non-events around an action cue, by word stems within clauses
rather than by fixed phrases (`rules/<lang>/actions.json`, "scope"):

- a denial after the event, in a clause that takes it up: "..., which Moscow denied", "..., ce que le
  ministère a démenti", "..., une information démentie par", "..., was das Ministerium dementierte";
- a report left unconfirmed: a confirmation stem with a negator in its own clause, before or after it
  ("were not confirmed", "n'a pas été confirmé", "wurden bislang nicht bestätigt", "bestätigte das nicht");
- a refusal or a negated plan that governs the cue: a German separable refusal around it ("lehnte die
  Entsendung ... ab") or an infinitive clause set off by a comma ("weigerte sich, Truppen zu schicken",
  "hat keine Pläne, Soldaten zu entsenden");
- a clause that moves no troops: troops sent abroad to be trained ("for a training course", "pour une
  formation", "zu einem Lehrgang"), money ("supports the mission with 20 million euros"), goods ("the equipment
  promised ... arrives") with no troop named in it, or leave ("flew home on leave").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from . import rules
from .actions import Trigger
from .patterns import NEVER, longest_first
from .wordforms import separable_pattern
from .wordstarts import gated

__all__ = ["kept_presences", "states_no_movement"]

_MARK = re.compile(r"(?<!\d)[,.](?!\d)|[;:!?()«»“”\"–—]")  # a clause mark, not the comma of "20,000"
_SENTENCE_END = re.compile(r"(?<!\d)\.(?!\d)|[;!?]")
_WORD = re.compile(r"[\w'’-]+")
_MOVES = ("deployment", "withdrawal", "redeployment")


@dataclass(frozen=True, slots=True)
class _Scope:
    negator: re.Pattern[str]  # "not", "ne ... pas", "nicht", "kein"
    denial: re.Pattern[str]  # "deny", "démentir", "dementieren": every form, from the stem
    confirmation: re.Pattern[str]  # "confirm", "confirmer", "bestätigen"
    refusal: re.Pattern[str]  # "refuse", "refuser", "sich weigern"
    coordinator: re.Pattern[str]  # "and", "et", "und": a refusal before one governs no cue after it
    remention: re.Pattern[str]  # what opens a clause that takes up the one before: "which", "ce que", "was"
    claim: re.Pattern[str]  # the same words anywhere: "a report", "des informations", "Berichte"
    split_refusals: tuple[re.Pattern[str], ...]  # "lehnte ... ab", "schloss ... aus": around the cue
    split_cues: re.Pattern[str]  # a separable verb split around its middle field: "zieht ... ab"
    infinitive: re.Pattern[str] | None  # a clause that is an infinitive governed by the one before: "zu schicken"
    money: re.Pattern[str]  # "20 million euros", "$5m", "funding"
    equipment: re.Pattern[str]  # "weapons", "munitions", "Ausrüstung": goods delivered, no troops
    leave: re.Pattern[str]  # "on leave", "en permission", "Heimaturlaub"
    trainee: re.Pattern[str]  # "for a training course", "pour une formation", "zu einem Lehrgang": troops who learn
    talks: re.Pattern[str]  # "talks with Benin about", "discussions sur", "Gespräche über": a move weighed
    troops: re.Pattern[str]  # a troop noun: money or leave said of a clause with troops may go with a move
    particles: re.Pattern[str]  # the other half of a negation: "ne", "n'"
    verbal: re.Pattern[str]  # negators of a verb ("not", "never", "pas", "nie"), not of a noun ("no", "kein")
    partial: re.Pattern[str]  # "not all", "pas tous", "nicht alle": some go, some stay
    embedded: re.Pattern[str]  # "how many", "whether", "combien", "wie viele": a clause of its own after a refusal
    presence: re.Pattern[str]  # "mission", "contingent", "Einsatz": what a withdrawal not made leaves in place


def _stems(words: list[str]) -> re.Pattern[str]:
    """Any of the words, whole; gated (wordstarts.gated: the same matches), as the engine would otherwise try every
    alternative at every word start of the clauses it is searched in, for each cue."""
    return gated(re.compile(rf"(?<![\w-])(?:{longest_first(words) or NEVER})(?![\w])", re.IGNORECASE))


@cache
def _scope(language: str) -> _Scope:
    actions = rules.load("actions", language) or {}
    data = actions.get("scope", {})
    closers = actions.get("separable_closers", [])
    split = tuple(
        re.compile("|".join(f"(?:{p})" for p in separable_pattern(r["particle"], r["verbs"], closers)[:2]), re.I)
        for r in data.get("separable_refusals", [])
    )
    cues = [
        p for r in actions.get("separable_verbs", []) for p in separable_pattern(r["particle"], r["verbs"], closers)[:2]
    ]
    numbers = rules.load("numbers", language) or {}
    # troops, and aircraft or ships, which deploy as units do ("sent two Rafale jets and ammunition")
    troops = [re.escape(w) for w in numbers.get("troop_nouns", []) + numbers.get("asset_nouns", []) if len(w) > 3]
    troops += data.get("personnel", [])  # "Material und Personal": people move with the goods
    return _Scope(
        negator=_stems(data.get("negators", [])),
        denial=_stems(data.get("denials", [])),
        confirmation=_stems(data.get("confirmations", [])),
        refusal=_stems(data.get("refusals", [])),
        coordinator=_stems(data.get("coordinators", [])),
        remention=re.compile(rf"\s*(?:{'|'.join(data.get('remention', [])) or NEVER})(?![\w])", re.IGNORECASE),
        claim=_stems(data.get("remention", [])),
        split_refusals=split,
        split_cues=re.compile("|".join(f"(?:{p})" for p in cues) or NEVER, re.IGNORECASE),
        infinitive=re.compile(data["infinitive"], re.IGNORECASE) if data.get("infinitive") else None,
        money=_stems(data.get("money", [])),
        equipment=_stems(data.get("equipment", [])),
        leave=_stems(data.get("leave", [])),
        trainee=_stems(data.get("trainee", [])),
        talks=_stems(data.get("talks", [])),
        verbal=_stems(data.get("verbal_negators", []) or data.get("negators", [])),
        partial=_stems(data.get("partial_negations", [])),
        embedded=_stems(data.get("embedded_openers", [])),
        particles=re.compile(
            rf"(?<![\w-])(?:{'|'.join(data.get('negator_particles', [])) or NEVER})(?:(?<=['’])|(?![\w]))", re.I
        ),
        presence=_stems(data.get("presence_objects", [])),
        troops=re.compile(rf"(?<![\w-])[\w-]*(?:{'|'.join(troops) or NEVER})\w{{0,3}}(?![\w])", re.IGNORECASE),
    )


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around text[start:end]: back to the last clause mark, on to the next."""
    marks = _marks(text)
    if start < len(text) and text[start].isdigit():  # a comma right before it would read as a mark only here
        lo = max((m.end() for m in _MARK.finditer(text, 0, start)), default=0)
    else:
        i = bisect.bisect_left(marks, start)
        lo = marks[i - 1] + 1 if i else 0
    j = bisect.bisect_left(marks, end)
    return lo, marks[j] if j < len(marks) else len(text)


_LAST_MARKS: list[tuple[str, list[int]]] = [("", [])]  # the sentence read last: its cues ask of it in turn


def _marks(text: str) -> list[int]:
    """Where the clause marks of `text` stand (each one character), found once for all the cues of a sentence;
    kept by the text's identity, for the last text only (no answer outlives its sentence)."""
    last = _LAST_MARKS[0]
    if last[0] is text:
        return last[1]
    found = [m.start() for m in _MARK.finditer(text)]
    _LAST_MARKS[0] = (text, found)
    return found


def _sentence_end(text: str, at: int) -> int:
    m = _SENTENCE_END.search(text, at)
    return m.start() if m else len(text)


def negated_inside(text: str, trigger: Trigger, scope: _Scope) -> bool:
    """ "Italien zieht seine Soldaten vorerst nicht ab": a negator inside a split separable verb negates it."""
    words = text[trigger.start : trigger.end]
    return scope.negator.search(words) is not None and scope.split_cues.fullmatch(trigger.text) is not None


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
    refusals = list(scope.refusal.finditer(text, since, trigger.start))
    if refusals:  # "refused outright to send"; not "refused the request and ordered its troops out"
        between = (refusals[-1].end(), trigger.start)
        # "declined to say how many soldiers had moved in": the cue has a clause of its own, unless a report
        # is what is refused ("rejected a report that the junta had asked the contingent to leave")
        if scope.embedded.search(text, *between) is None or scope.claim.search(text, *between) is not None:
            return True
    if trigger.kind == "noun" and scope.refusal.search(text, trigger.end, hi) is not None:
        return True  # "hat eine Entsendung von Soldaten ausgeschlossen", "a deployment was ruled out"
    if scope.infinitive is None or lo == 0 or text[lo - 1] != ",":
        return False
    if not (scope.infinitive.search(text[lo:hi]) or scope.infinitive.search(trigger.text)):
        return False
    head_lo, _ = _clause(text, lo - 1, lo - 1)
    head = text[head_lo : lo - 1]
    if any(split.search(head) for split in scope.split_refusals):
        return True  # "lehnte es ab, Soldaten zu schicken"
    return scope.negator.search(head) is not None or scope.refusal.search(head) is not None


def weighed(text: str, trigger: Trigger, scope: _Scope) -> bool:
    """ "in talks with Benin about hosting the drones", "des discussions sur le déploiement de", "Gespräche über die
    Stationierung": talks about a move, the cue right after them (a determiner between), weigh it; it has not happened
    ("after months of talks about the timetable, the troops completed their withdrawal" has)."""
    lo, _ = _clause(text, trigger.start, trigger.end)
    return any(
        len(_WORD.findall(text, m.end(), trigger.start)) <= 1 for m in scope.talks.finditer(text, lo, trigger.start)
    )


def moves_nothing(text: str, trigger: Trigger, scope: _Scope) -> bool:
    """A clause of money or of goods with no troops in it ("Die EU unterstützt den Einsatz mit 20 Millionen Euro",
    "finance la mission à hauteur de", "the weapons promised by Ankara arrived") tells of no move of troops;
    troops going home on leave ("flew home on leave",
    "en permission", "auf Heimaturlaub") come back, which is no withdrawal."""
    if trigger.action not in _MOVES:
        return False  # "suspended its military cooperation and budget support" ends a cooperation all the same
    lo, hi = _clause(text, trigger.start, trigger.end)
    if trigger.action == "withdrawal" and scope.leave.search(text, lo, hi) is not None:
        return True
    if trigger.action != "withdrawal" and scope.trainee.search(text, lo, hi) is not None:
        return True  # "sent 50 soldiers to Russia for a training course": they learn there, they serve at home
    if scope.money.search(text, lo, hi) is None and scope.equipment.search(text, lo, hi) is None:
        return False
    return scope.troops.search(text, lo, hi) is None  # "Les équipements promis ... arrivent au compte-gouttes"


def states_no_movement(text: str, trigger: Trigger, language: str) -> bool:
    """Whether the cue's scope says it happened not, or moved no troops (see the module's docstring)."""
    scope = _scope(language)
    return (
        negated_inside(text, trigger, scope)
        or denied_after(text, trigger, scope)
        or unconfirmed(text, trigger, scope)
        or refused(text, trigger, scope)
        or weighed(text, trigger, scope)
        or moves_nothing(text, trigger, scope)
    )


def kept_presences(
    text: str, dropped: list[Trigger], language: str, checks: tuple[Callable[[str, Trigger, str], bool], ...]
) -> list[Trigger]:
    """ "Italy has not withdrawn its troops from Niger", "L'Italie n'a jamais suspendu sa mission", "Italien hat
    seine Soldaten nicht abgezogen": a withdrawal plainly negated says that the troops stay, a presence that
    goes on. Plainly: with the negator blanked out, none of `checks` (the cue's no-event checks) would drop the
    cue, so no refusal, threat, condition, denial or doubt is at work; and the clause names troops or a mission."""
    scope = _scope(language)
    out = []
    for trigger in dropped:
        if trigger.action != "withdrawal" or trigger.kind != "verb":
            continue
        lo, hi = _clause(text, trigger.start, trigger.end)
        since = max((m.end() for m in scope.coordinator.finditer(text, lo, trigger.start)), default=lo)
        starts = [m.start() for m in _WORD.finditer(text, since, trigger.start)][-3:]
        near = starts[0] if starts else trigger.start
        marks = [m for m in scope.verbal.finditer(text, near, trigger.end)]  # "has not withdrawn", not "no plans"
        if scope.partial.search(text, since, hi):
            continue  # "Nicht alle Soldaten kehren zurück": some go
        named = scope.troops.search(text, lo, hi) or scope.presence.search(text, lo, hi)
        if not marks or named is None:
            continue
        marks += list(scope.particles.finditer(text, since, trigger.end))
        plain = list(text)
        for m in marks:  # a word of no meaning in its place, so that the words around it still read as before
            n = m.end() - m.start()
            plain[m.start() : m.end()] = "x" * (n - 1) + (" " if m.group(0)[-1] in "'’" else "x")
        blanked = "".join(plain)
        if not any(check(blanked, trigger, language) for check in checks):
            out.append(replace(trigger, action="deployment", status="ongoing"))
    return out
