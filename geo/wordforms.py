"""Word forms of a cue from its dictionary form: a German separable verb ("abziehen") is read whole, split
across its clause ("zog ... ab", "zieht sich ... zurück", "stockte ... auf") or joined ("abzuziehen",
"abgezogen", "abzieht"), from one row of `rules/<lang>/actions.json` ("separable_verbs": particle plus the
verbs' principal parts), rather than from a fixed phrase per form with a fixed gap.
"""

from __future__ import annotations

import re

__all__ = ["separable_pattern", "separable_triggers"]

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
    words = "|".join(closers) or "(?!x)x"
    return rf"{particle}(?=\s*(?:[,;:.!?()«»“”\"–—]|$)|\s+(?:{words})\b)"


def separable_pattern(
    particle: str, verbs: list[str], closers: list[str], reflexive: bool = True
) -> tuple[str, str, str]:
    """(split present forms, split past forms, joined forms) of separable verbs with one particle, as regular
    expressions. A split verb matches from its finite form to its particle when the particle closes the
    clause; `reflexive` False keeps "sich" out of the gap ("setzt sich für ... ein" is another verb)."""
    present, past, joined = [], [], []
    for verb in verbs:
        parts = verb.split()
        now, then = _finite(parts)
        present.append(now)
        past.append(then)
        joined.append(rf"{particle}(?:zu)?{parts[0]}|{particle}{parts[2]}\w{{0,3}}|{particle}(?:{now}|{then})")
    word = _GAP_WORD if reflexive else rf"(?!sich\b){_GAP_WORD}"
    gap = rf"\s+(?:{word}\s+){{0,{_GAP}}}?"
    close = _closing(particle, closers)
    return rf"(?:{'|'.join(present)}){gap}{close}", rf"(?:{'|'.join(past)}){gap}{close}", "|".join(joined)


def separable_triggers(data: dict) -> list[dict]:
    """Trigger rows (as in the data file's "triggers") for each row of its "separable_verbs": the split
    present, the split past (a completed move unless the row says otherwise) and the joined forms."""
    closers = [str(w) for w in data.get("clause_openers", [])]
    out: list[dict] = []
    for row in data.get("separable_verbs", []):
        spec = {k: v for k, v in row.items() if k not in ("particle", "verbs", "reflexive", "past_status")}
        present, past, joined = separable_pattern(row["particle"], row["verbs"], closers, row.get("reflexive", True))
        out.append({**spec, "pattern": present})
        out.append({**spec, "pattern": past, "status": row.get("past_status", "completed")})
        out.append({**spec, "pattern": joined})
    return out
