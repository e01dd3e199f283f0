"""Word forms of a cue from its dictionary form: a German separable verb ("abziehen") is read whole, split
across its clause ("zog ... ab", "zieht sich ... zurück", "stockte ... auf") or joined ("abzuziehen",
"abgezogen", "abzieht"), from one row of `rules/<lang>/actions.json` ("separable_verbs": particle plus the
verbs' principal parts), rather than from a fixed phrase per form with a fixed gap.
"""

from __future__ import annotations

import re

from .patterns import NEVER

__all__ = ["conjugated_triggers", "er_forms", "separable_pattern", "separable_triggers"]

# a word inside the split verb's clause: anything but a clause mark; "1.000" and "20,5" are one word
_GAP_WORD = r"(?:\d+(?:[.,]\d+)+|[^\s,;:.!?()\[\]–—]+)"
_GAP = 24  # words between the finite verb and its particle: the whole middle field of a main clause


def _finite(parts: list[str]) -> tuple[str, str]:
    """(present forms, past forms) of a verb given as "infinitive past participle [3rd-singular]"."""
    infinitive, past = parts[0], parts[1]
    stem = infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]  # "zieh", "marschier"
    present = [rf"{stem}(?:e|st|t|en|et|end)?"] + [re.escape(p) for p in parts[3:]]  # "trifft", "hält"
    return "|".join(present), rf"{past}(?:en|n|st|t|et)?"  # "zog", "zogen"; "stockte", "stockten"


def _closing(particle: str, closers: list[str]) -> str:
    """The particle where it closes its clause: before a mark, the end, or a word that opens a new clause."""
    words = "|".join(closers) or NEVER
    return rf"{particle}(?=\s*(?:[,;:.!?()«»“”\"–—]|$)|\s+(?:{words})\b)"


def separable_pattern(
    particle: str, verbs: list[str], closers: list[str], reflexive: bool = True
) -> tuple[str, str, str, str]:
    """(split present forms, split past forms, joined forms, past participles) of separable verbs with one
    particle, as regular expressions. A split verb matches from its finite form to its particle when the
    particle closes the clause; `reflexive` False keeps "sich" out of the gap ("setzt sich für ... ein" is
    another verb)."""
    present, past, joined, done = [], [], [], []
    for verb in verbs:
        parts = verb.split()
        now, then = _finite(parts)
        present.append(now)
        past.append(then)
        joined.append(rf"{particle}(?:zu)?{parts[0]}|{particle}(?:{now}|{then})")
        done.append(rf"{particle}{parts[2]}\w{{0,3}}")
    word = _GAP_WORD if reflexive else rf"(?!sich\b){_GAP_WORD}"
    gap = rf"\s+(?:{word}\s+){{0,{_GAP}}}?"
    close = _closing(particle, closers)
    split = rf"(?:{'|'.join(present)}){gap}{close}", rf"(?:{'|'.join(past)}){gap}{close}"
    return *split, "|".join(joined), "|".join(done)


def separable_triggers(data: dict) -> list[dict]:
    """Trigger rows (as in the data file's "triggers") for each row of its "separable_verbs": the split
    present, the split past and the past participle (a completed move unless the row says otherwise) and the
    other joined forms."""
    closers = [str(w) for w in data.get("separable_closers", [])]
    out: list[dict] = []
    for row in data.get("separable_verbs", []):
        spec = {k: v for k, v in row.items() if k not in ("particle", "verbs", "reflexive", "past_status")}
        present, past, joined, done = separable_pattern(
            row["particle"], row["verbs"], closers, row.get("reflexive", True)
        )
        out.append({**spec, "pattern": present})
        out.append({**spec, "pattern": past, "status": row.get("past_status", "completed")})
        out.append({**spec, "pattern": joined})
        # "hat ... zurückgeholt", "wurden abgezogen": done, unless a modal or a future near it says it is planned
        out.append({**spec, "pattern": done, "status": row.get("past_status", "completed")})
    return out


def _alternation(stem: str, endings: list[str]) -> str:
    return rf"{stem}(?:{'|'.join(sorted(endings, key=len, reverse=True))})"


def er_forms(verb: str, endings: dict[str, list[str]]) -> tuple[str, str]:
    """(forms other than the simple past, simple past forms) of a French -er verb as regular expressions, from
    the endings of the data file ("er_endings"): "déployer" -> "déploie", "déployaient", "déployés",
    "déploieront" ...; "transférer" -> "transfère"; an irregular future stem after a colon: "envoyer:enverr"
    -> "enverra", "enverront"."""
    infinitive, _, future = verb.partition(":")
    stem = infinitive[:-2]
    forms = [_alternation(stem, endings["all"])]
    if stem.endswith("y"):  # "déploie", "déploient", "déploiera"
        forms.append(_alternation(stem[:-1] + "i", endings["mute"]))
    if (m := re.search(r"é([^aeiouyéèê]+)$", stem)) is not None:  # "transfère", "transfèrent"
        forms.append(_alternation(stem[: m.start()] + "è" + m.group(1), endings["grave"]))
    if stem[-1:] in "cg":  # "renforçaient", "engageant": the stem keeps its sound before a and o
        soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e"
        forms.append(_alternation(soft, [e for e in endings["all"] + endings["simple_past"] if e[:1] in "ao"]))
    if future:
        forms.append(_alternation(future, endings["future"]))
    return "|".join(forms), _alternation(stem, endings["simple_past"])


def conjugated_triggers(data: dict) -> list[dict]:
    """Trigger rows for each row of the data file's "conjugated_verbs" (verbs by their infinitive, with the
    action and the flags of the fixed cues for the same verbs): every inflected form, so that a tense or an
    agreement the fixed patterns did not list ("redéployaient", "déployèrent", "enverront") is the same cue;
    the simple past is a completed move."""
    out: list[dict] = []
    for row in data.get("conjugated_verbs", []):
        spec = {k: v for k, v in row.items() if k != "verbs"}
        forms = [er_forms(v, data["er_endings"]) for v in row["verbs"]]
        out.append({**spec, "pattern": "|".join(f for f, _ in forms)})
        out.append({**spec, "pattern": "|".join(p for _, p in forms), "status": "completed"})
    return out
