"""Troop counts: a number counts troops only when a troop noun (or a head such as "a contingent of")
stands beside it, so "19 people killed" and "20 million inhabitants" never become troops.

Each language's digit grouping (`5,000`, `2 400`, `4.300`), approximators (`almost`, `quelque`,
`rund`), number words and vague amounts (`several hundred`: words kept, no number) come from
`rules/<lang>/numbers.json`. Numbers written out are read by one small grammar for every language
(units and tens add, a hundred or a collective multiplies, a scale closes a group) over each
language's words, so "two thousand five hundred", "quatre-vingt-dix", "un millier" and
"zweitausendfünfhundert" are numbers, not phrases in a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from . import rules
from .patterns import NEVER, alternation

__all__ = ["TroopCount", "find_troop_counts", "parse_number"]

_MAX_TROOPS = 500_000
COUNT_START = r"(?=\d|\b(?=\w))"  # where a count may start (tests: as at any word boundary)
_PEAK_SPAN = 60  # characters either side of a count where "at its peak" makes it a past maximum
_ADDS = ("units", "tens", "articles")
_MULTIPLIES = ("hundreds", "collectives")


@dataclass(frozen=True, slots=True)
class TroopCount:
    """A number of troops as written: `value` is None for vague amounts such as "several hundred"."""

    start: int
    end: int
    text: str
    value: int | None
    peak: bool = False  # "at its peak counted 800 soldiers": a past maximum, not troops there now


def _alternation(words: list[str] | dict[str, object], *, escape: bool = True) -> str:
    return alternation(list(words), escape=escape)


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    before: re.Pattern[str]
    part_of: re.Pattern[str]
    peak: re.Pattern[str]
    month_before: re.Pattern[str]
    month_after: re.Pattern[str]
    fighters: set[str]
    casualty: re.Pattern[str]
    token: re.Pattern[str]
    glue: re.Pattern[str]
    digits: re.Pattern[str]
    group_seps: str
    vocab: dict[str, tuple[str, int]]


def _word_number(w: dict, pronouns: str) -> tuple[str, dict[str, tuple[str, int]]]:
    """The regex of a number written out in words, and what each word is worth."""
    vocab = {word.lower(): (kind, int(v)) for kind in (*_ADDS, *_MULTIPLIES, "scales") for word, v in w[kind].items()}
    big = _alternation([k for kind in (*_MULTIPLIES, "scales") for k in w[kind]])
    plain = _alternation([k for kind in ("units", "tens", *_MULTIPLIES, "scales") for k in w[kind]])
    article = rf"(?:{_alternation(w['articles'])})(?=[\s-]+(?:{big})(?!\w))" if w["articles"] else ""
    token = f"(?:{article}|{plain})" if article else f"(?:{plain})"
    joiner = _alternation(w["joiners"]) if w["joiners"] else NEVER
    links = _alternation(w["collective_links"])
    # "un millier de soldats", but not the "d'" of "une quinzaine d'entre eux"
    link = rf"(?:(?!\s+(?:{pronouns}))\s+(?:{links})(?=[\s\w]))?" if w["collective_links"] else ""
    if w.get("concatenated"):  # "zweitausendfünfhundert", "einundzwanzig": one word of several numbers
        token = rf"{token}(?:(?:{joiner})?{token})*"
    words = rf"(?<![\w-]){token}(?:(?:[\s-]+(?:{joiner}\s+)?){token})*(?!\w){link}"
    return words, vocab


@cache
def _grammar(language: str) -> _Grammar:
    data = rules.load("numbers", language) or rules.load("numbers", "en")
    seps = "".join(data["group_separators"])
    sep_class = "[" + re.escape(seps) + "]"
    digits = rf"(?<![\d.,])\d{{1,3}}(?:{sep_class}\d{{3}})+(?![\d]|[.,]\d)|(?<![\d.,])\d+(?![\d]|[.,]\d)"
    w = data["number_words"]
    pronouns = _alternation(data["partitive_pronouns"])
    words, vocab = _word_number(w, pronouns)
    scales = _alternation([*w["hundreds"], *w["scales"]])
    number = rf"(?P<num>(?:{digits})(?:\s+(?:{scales})(?!\w))?|{words})"
    vague = rf"(?P<vague>\b(?:{_alternation(data['vague'])})\b)"
    approx = rf"(?:(?P<approx>\b(?:{_alternation(data['approximators'], escape=False)}))\s+)?"
    nouns = _alternation(data["troop_nouns"] + data.get("fighter_nouns", []))
    compound = r"[\w-]*" if w.get("concatenated") else ""
    between = int(data.get("between_words", 3))
    stop = _alternation(data["not_troops"] + data.get("function_words", []) + list(vocab))
    joiners = _alternation(w["joiners"]) if w["joiners"] else NEVER
    # words between a number and its noun, "and" only after one of them: "100 French and Estonian commandos"
    filler = rf"(?:(?!(?:{stop})\b)[^\W\d][\w'’.-]*\s+(?:(?:{joiners})\s+)?){{0,{between}}}"
    # "175 \"instructors\"", "300 « instructeurs »", "150 „Ausbilder“": troops named in quotes, with reserve
    noun = rf"(?:(?:-|\s+|(?<=['’])){filler}(?:[\"“«„]\s?)?(?P<noun>{compound}(?:{nouns}))\b)"
    pronoun = rf"(?:\s+(?P<pronoun>(?:{pronouns}))(?!\w))"
    head = rf"(?P<head>\b(?:{_alternation(data['count_heads'])})(?:\s+|(?<=['’])))"
    # every count starts at a digit or at the start of a word: the look-ahead lets the engine pass over the
    # letters inside words and the ends of words at once instead of trying each alternative there (same matches)
    pattern = re.compile(rf"{COUNT_START}(?:{vague}|{number})(?:{noun}|{pronoun})?", re.IGNORECASE)
    # what may stand before a number, read backwards from it: "a contingent of", "almost", "rund"
    before = re.compile(rf"(?:{head})?{approx}$", re.IGNORECASE)
    # "600 of the 1,200 troops", "600 des 1 200 militaires": a part of a count that follows
    part_of = re.compile(rf"\s+(?:{_alternation(data['part_of'])})\s+", re.IGNORECASE)
    end = "" if w.get("concatenated") else r"(?![^\W\d])"  # "an" is no part of "and"
    token = re.compile(rf"(?:{_alternation(list(vocab))}){end}", re.IGNORECASE)
    glue = re.compile(rf"[\s'’-]+|(?:{_alternation(w['joiners'] + w['collective_links'])}){end}", re.IGNORECASE)
    peak = re.compile(
        rf"(?<!\w)(?:{_alternation(data.get('peak_words', []))})(?!\w)" if data.get("peak_words") else NEVER,
        re.IGNORECASE,
    )
    # "December 31 all French troops", "am 31. Dezember": a day of a month, not a count
    dates = rules.load("dates", language) or rules.load("dates", "en")
    months = _alternation(dates.get("months", {}))
    month_day = "month day" in dates.get("day_month_order", [])
    month_before = re.compile(rf"(?<![\w])(?:{months})\.?\s*$" if month_day else NEVER, re.IGNORECASE)
    month_after = re.compile(rf"\.?\s*(?:{months})(?![\w])", re.IGNORECASE)
    fighters = {f.lower() for f in data.get("fighter_nouns", [])}
    hurt = _alternation(data.get("casualty_words", [])) or NEVER
    casualty = re.compile(rf"(?:\s+[\w'’-]+){{0,6}}?\s+(?:{hurt})(?![\w])", re.IGNORECASE)
    return _Grammar(
        pattern,
        before,
        part_of,
        peak,
        month_before,
        month_after,
        fighters,
        casualty,
        token,
        glue,
        re.compile(digits),
        seps,
        vocab,
    )


def _combine(values: list[tuple[str, int]]) -> int:
    """Units and tens add, a hundred or a collective multiplies what stands before it, a scale closes
    a group: "deux mille cinq cents" = 2 x 1000 + 5 x 100."""
    total = current = 0
    for kind, v in values:
        if kind in _MULTIPLIES:
            current = (current or 1) * v
        elif kind == "scales":
            total += (current or 1) * v
            current = 0
        else:
            current += v
    return total + current


def parse_number(text: str, language: str = "en") -> int | None:
    """The integer a number written in `language` stands for: `5,000`, `2 400`, `4.300`, `deux cents`,
    `two thousand five hundred`, `zweitausendfünfhundert`, `5 thousand`."""
    g = _grammar(language)
    text = text.strip()
    head = g.digits.match(text)
    values: list[tuple[str, int]] = []
    rest = text
    if head:
        digits = "".join(c for c in head.group(0) if c not in g.group_seps)
        values.append(("units", int(digits)))
        rest = text[head.end() :]
    pos = 0
    while pos < len(rest):
        tok = g.token.match(rest, pos)
        if tok is not None and tok.end() > pos:
            values.append(g.vocab[tok.group(0).lower()])
            pos = tok.end()
            continue
        glued = g.glue.match(rest, pos)
        if glued is None or glued.end() == pos:
            return None  # a word that is no part of a number
        pos = glued.end()
    if not values or (head and any(kind in _ADDS for kind, _ in values[1:])):
        return None
    return _combine(values)


def _is_day(text: str, start: int, end: int, g: _Grammar) -> bool:
    """ "December 31", "31 décembre", "31. Dezember": the number is a day of that month."""
    return bool(g.month_before.search(text, max(0, start - 16), start) or g.month_after.match(text, end))


def _looks_like_year(num: str) -> bool:
    return len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100


def find_troop_counts(text: str, language: str = "en") -> list[TroopCount]:
    """Every number in `text` that counts troops, with the words it came from and their offsets."""
    g = _grammar(language)
    out: list[TroopCount] = []
    bare: list[TroopCount] = []  # numbers with no noun: a part of the count that follows, perhaps
    for m in g.pattern.finditer(text):
        window = max(0, m.start() - 48)
        pre = g.before.search(text, window, m.start())
        head = pre is not None and pre.group("head")
        start = pre.start("approx") if pre is not None and pre.group("approx") else m.start()
        if m.group("vague"):
            if m.group("noun") or m.group("pronoun") or head:
                out.append(TroopCount(start, m.end(), text[start : m.end()], None))
            continue
        num = m.group("num")
        if num.isdigit() and 1 <= int(num) <= 31 and _is_day(text, m.start("num"), m.end("num"), g):
            continue
        value = parse_number(num, language)
        if value is None or not 0 < value <= _MAX_TROOPS:
            continue
        if not m.group("noun") and not m.group("pronoun") and not head:
            if num[:1].isdigit() and not _looks_like_year(num):
                bare.append(TroopCount(start, m.end("num"), text[start : m.end("num")], value))
            continue
        if not num[:1].isdigit() and (value < 2 or not (m.group("noun") or m.group("pronoun"))):
            continue  # "one soldier" is an article; "with three Chinook helicopters" counts no troops
        noun = (m.group("noun") or "").lower()
        if any(noun.endswith(f) for f in g.fighters) and g.casualty.match(text, m.end()):
            continue  # "40 Kämpfer wurden getötet": militants killed, not troops
        if _looks_like_year(num) and not re.match(r"[\s-]*\S+\s*$", text[m.end("num") : m.end()]):
            continue  # "in 2020 French troops": a year before the noun phrase, not a count
        out.append(TroopCount(start, m.end(), text[start : m.end()], value))
    for part in bare:
        link = g.part_of.match(text, part.end)
        whole = link and next((c for c in out if c.start == link.end()), None)
        if whole and whole.value is not None and part.value is not None and part.value < whole.value:
            out.append(part)  # "the withdrawal of 600 of its 1,200 troops": the 600 move
    out = [_with_peak(c, text, g) for c in out]
    return sorted(out, key=lambda c: c.start)


def _with_peak(count: TroopCount, text: str, g: _Grammar) -> TroopCount:
    """Marks a count with a peak phrase within a few words of it, in the same sentence."""
    lo, hi = max(0, count.start - _PEAK_SPAN), min(len(text), count.end + _PEAK_SPAN)
    stops = [i for i in (text.rfind(". ", lo, count.start), text.rfind("\n", lo, count.start)) if i >= 0]
    lo = max([lo, *[i + 1 for i in stops]])
    cut = [i for i in (text.find(". ", count.end, hi), text.find("\n", count.end, hi)) if i >= 0]
    hi = min([hi, *cut])
    if g.peak.search(text, lo, hi) is None:
        return count
    return replace(count, peak=True)
