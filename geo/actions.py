"""Action cues (verbs and nouns that state a deployment, withdrawal, redeployment, strike or ended
cooperation) and the status that tense and modality give them, from `rules/<lang>/actions.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import rules

__all__ = ["Trigger", "find_triggers", "has_military_context", "is_negated", "is_report", "report_spans", "status_cues"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """Words that state an action, with what the data file says about them."""

    start: int
    end: int
    text: str
    action: str
    kind: str  # "noun" or "verb"
    status: str | None = None
    needs_troops: bool = False
    needs_destination: bool = False
    host: bool = False
    needs_count: bool = False
    needs_place: bool = False
    recipient_after: bool = False


@dataclass(frozen=True, slots=True)
class _Cues:
    triggers: tuple[tuple[re.Pattern[str], dict[str, object]], ...]
    status: dict[str, re.Pattern[str]]
    any_trigger: re.Pattern[str]
    negation: re.Pattern[str]
    negation_window: int
    negation_after: int
    denial: re.Pattern[str]
    cancellation: re.Pattern[str]
    military: re.Pattern[str]
    report: re.Pattern[str]


def _words(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def _cues(language: str) -> _Cues:
    data = rules.load("actions", language) or rules.load("actions", "en")
    end = r"(?:(?<=['’])|(?![\w]))"  # a cue may end on an apostrophe: "dispose d'"
    triggers = tuple((re.compile(rf"(?<![\w-])(?:{t['pattern']}){end}", re.IGNORECASE), t) for t in data["triggers"])
    status = {
        name: re.compile(rf"(?<![\w-])(?:{_words(words)})(?![\w])", re.IGNORECASE)
        for name, words in data["status_cues"].items()
    }
    negation = re.compile(rf"(?<![\w-])(?:{_words(data['negations'])})(?:(?<=['’])|(?![\w]))", re.IGNORECASE)
    # plural and inflected forms: "contingents", "militaires", "Soldaten"
    tail = r"\w*" if data.get("military_compounds") else r"\w{0,3}"  # "Militärberater", "Bundeswehrsoldaten"
    numbers = rules.load("numbers", language) or {}
    nouns = [re.escape(w) for w in numbers.get("troop_nouns", []) + numbers.get("asset_nouns", []) if len(w) > 4]
    military = re.compile(rf"(?<![\w-])(?:{_words(data['military_context'] + nouns)}){tail}(?![\w])", re.IGNORECASE)
    denial = re.compile(rf"(?<![\w-])(?:{_words(data.get('denials', []) or ['(?!x)x'])})(?![\w])", re.IGNORECASE)
    any_trigger = re.compile("|".join(f"(?:{p.pattern})" for p, _ in triggers), re.IGNORECASE)
    return _Cues(
        triggers=triggers,
        status=status,
        any_trigger=any_trigger,
        negation=negation,
        negation_window=int(data.get("negation_window", 3)),
        negation_after=int(data.get("negation_after_window", 0)),
        denial=denial,
        cancellation=re.compile(
            rf"(?<![\w-])(?:{_words(data.get('cancellations', []) or ['(?!x)x'])})(?![\w])", re.IGNORECASE
        ),
        military=military,
        report=re.compile(
            rf"(?<![\w-])(?:{_words(data.get('reporting_verbs', []) or ['(?!x)x'])})(?![\w])", re.IGNORECASE
        ),
    )


def find_triggers(text: str, language: str) -> list[Trigger]:
    """Action cues in `text`, longest first: a cue inside a longer one ("deployment" in "end of its
    deployment") gives way to it."""
    cues = _cues(language)
    kept: list[Trigger] = []
    pos = 0
    while (hit := cues.any_trigger.search(text, pos)) is not None:
        # the leftmost cue; of the cues that start there, the longest ("end of its deployment")
        best = None
        for pattern, spec in cues.triggers:
            m = pattern.match(text, hit.start())
            if m is not None and (best is None or m.end() > best[0].end()):
                best = (m, spec)
        if best is None:  # cannot happen: the union matched here
            pos = hit.end()
            continue
        m, spec = best
        kept.append(
            Trigger(
                m.start(),
                m.end(),
                m.group(0),
                str(spec["action"]),
                str(spec.get("kind", "verb")),
                spec.get("status"),  # type: ignore[arg-type]
                bool(spec.get("needs_troops")),
                bool(spec.get("needs_destination")),
                bool(spec.get("host")),
                bool(spec.get("needs_count")),
                bool(spec.get("needs_place")),
                bool(spec.get("recipient_after")),
            )
        )
        pos = max(m.end(), hit.start() + 1)
    return kept


def report_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Where the sentence says who reported it: "the ministry said", "a annoncé", "teilte ... mit"."""
    return [m.span() for m in _cues(language).report.finditer(text)]


def is_report(text: str, language: str) -> bool:
    """Whether the sentence reports what another said ("Das teilte das Ministerium am Donnerstag mit")."""
    return _cues(language).report.search(text) is not None


def has_military_context(text: str, language: str) -> bool:
    """Whether the sentence speaks of troops at all ("withdrawal from the Paris agreement" does not)."""
    return _cues(language).military.search(text) is not None


def is_negated(text: str, trigger: Trigger, language: str) -> bool:
    """A negation among the few words before the cue: "cannot deploy", "ne peut pas déployer"."""
    cues = _cues(language)
    before = text[: trigger.start]
    starts = [m.start() for m in re.finditer(r"[\w'’]+", before)]
    cut = starts[-cues.negation_window] if len(starts) >= cues.negation_window else 0
    window = before[cut:].split(",")[-1]  # the negation must stand in the cue's own clause
    if cues.negation.search(window) is not None or cues.denial.search(before) is not None:
        return True  # "cannot deploy", "do not expect any country to deploy"; "denied reports that ..."
    if cues.cancellation.search(text, trigger.end) is not None:
        return True  # "had planned to send a contingent but dropped the idea"
    if cues.negation_after:  # German puts "nicht" after the verb: "beteiligt sich ... nicht mehr"
        after = re.findall(r"[\w'’]+|[,;:.]", text[trigger.end :])[: cues.negation_after + 2]
        clause = []
        for word in after:
            if word in ",;:.":
                break
            clause.append(word)
        return any(cues.negation.fullmatch(w) for w in clause[: cues.negation_after + 2])
    return False


def status_cues(text: str, language: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of status cue occurs in `text`: planned, announced, completed, ongoing."""
    return {name: [m.span() for m in pattern.finditer(text)] for name, pattern in _cues(language).status.items()}
