"""Dates in article text, resolved against the publication date, with their precision.

Cheap patterns built from `rules/<lang>/dates.json` find the candidate phrases ("on Monday",
"this summer", "since the end of 2020", "hier lundi", "am Dienstagabend", "within six months")
and resolve the common forms themselves; numeric dates and anything the data cannot resolve go to
dateparser, one short phrase at a time, cached.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from . import rules
from .patterns import alternation, spellings
from .wordstarts import gated

__all__ = ["PRECISIONS", "DateMention", "find_dates", "find_dates_both_ways", "format_date", "parse_with_dateparser"]

PRECISIONS = ("day", "month", "season", "year", "unknown")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase and what it resolves to; `kind` is "point", "since", "until" or "period"."""

    start: int
    end: int
    text: str
    date: str
    precision: str
    kind: str = "point"


def format_date(day: dt.date, precision: str) -> str:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` as SCHEMA.md asks, by precision."""
    if precision == "day":
        return day.isoformat()
    if precision in ("month", "season"):
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def _alt(words: Any, *, escape: bool = True) -> str:
    return alternation([f for w in words for f in spellings(w, free_first=False)], escape=escape)


@dataclass(frozen=True, slots=True)
class _Grammar:
    pattern: re.Pattern[str]
    data: dict[str, Any]
    lower: dict[str, dict[str, Any]]
    anchor: re.Pattern[str]


@cache
def _grammar(language: str) -> _Grammar:
    d = rules.load("dates", language) or rules.load("dates", "en")
    month = _alt(d["months"])
    weekday = _alt(d["weekdays"])
    daypart = _alt(d["day_parts"])
    joiner = r"\s?" if d.get("day_part_joiner", " ") == "" else r"\s+"
    sfx = d.get("day_suffix", "")
    mod_b = _alt(d["modifiers_before"])
    mod_a = _alt(d["modifiers_after"]) or "(?!x)x"
    bound = _alt(d["boundaries"])
    since = _alt(d["since"])
    within = _alt(d["within"])
    ago = _alt(d["ago"])
    for_past = _alt(d["for_past"])
    units = _alt(d["units"])
    small = _alt(d["small_numbers"])
    unit_mod = _alt(d.get("unit_modifiers_before", []) + d.get("unit_modifiers_after", [])) or "(?!x)x"
    num = rf"(?:\d{{1,3}}|{small})"
    year = r"(?:19|20)\d{2}"
    wd_part = rf"(?:{weekday})(?:{joiner}(?:{daypart}))?"
    day_month = (
        rf"(?:(?P<ewd>{wd_part}),?\s+)?(?:the\s+)?"
        rf"(?:(?P<d1>\d{{1,2}}){sfx}\s+(?:of\s+)?(?P<m1>{month})\.?|(?P<m2>{month})\.?\s+(?P<d2>\d{{1,2}}){sfx}(?!\d))"
        rf"(?:,?\s+(?P<y1>{year}))?"
    )
    ago_expr = (
        rf"(?P<an>{num})\s+(?P<au>{units})\s+(?:{ago})"
        if d.get("ago_position") == "after"
        else rf"(?:{ago})\s+(?P<an>{num})\s+(?P<au>{units})"
    )
    alternatives = [
        rf"(?P<relday>(?:{_alt(d['relative_days'])}))(?:,?\s+(?P<rwd>{wd_part}))?",
        rf"(?P<rwd0>{wd_part})\s+(?P<relday2>{_alt(d['relative_days'])})",
        day_month,
        rf"(?P<bound>{bound})\s*(?:of\s+|de\s+|l['’]année\s+|des\s+Jahres\s+)?(?P<by>{year})",
        rf"(?P<within>{within})\s+(?P<wn>{num})\s+(?:(?:{unit_mod})\s+)?(?P<wu>{units})(?:\s+(?:{unit_mod}))?",
        ago_expr,
        rf"(?P<forpast>{for_past})\s+(?P<fn>{num})\s+(?:(?:{unit_mod})\s+)?(?P<fu>{units})",
        rf"(?P<relper>{_alt(d['relative_periods'])})",
        rf"(?:(?P<smod>{mod_b})\s+)?(?P<season>{_alt(d['seasons'])})(?:\s+(?P<smoda>{mod_a}))?(?:\s+(?P<sy>{year}))?",
        rf"(?:(?P<mmod>{mod_b})\s+)?(?P<month>{month})(?:\s+(?P<mmoda>{mod_a}))?"
        rf"(?:,?\s+(?:of\s+)?(?:(?P<my>{year})|(?P<myrel>{_alt(d['relative_periods'])})))?",
        rf"(?P<wd>{weekday})(?:{joiner}(?P<dp>{daypart}))?",
        r"(?P<numeric>\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})",
        rf"(?P<year>{year})",
    ]
    body = "|".join(f"(?:{a})" for a in alternatives)
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<since>{since})\s+(?:(?:the|la|le|l['’])\s+)?)?(?:{body})(?![\w-])",
        re.IGNORECASE,
    )
    lower = {
        key: {k.lower(): v for k, v in d[key].items()}
        for key in (
            "months",
            "weekdays",
            "seasons",
            "relative_days",
            "relative_periods",
            "modifiers_before",
            "modifiers_after",
            "boundaries",
            "units",
            "small_numbers",
        )
    }
    # every date phrase holds a digit or one of these words: a cheap first look before the full grammar
    words = [
        *d["months"],
        *d["weekdays"],
        *d["seasons"],
        *d["relative_days"],
        *(w for phrase in d["relative_periods"] for w in phrase.split()[-1:]),
        *d["units"],
    ]
    anchor = re.compile(rf"\d|(?:{_alt(words)})", re.IGNORECASE)
    return _Grammar(pattern, d, lower, anchor)


def _shift(day: dt.date, unit: str, n: int) -> tuple[dt.date, str]:
    if unit == "day":
        return day + dt.timedelta(days=n), "day"
    if unit == "week":
        return day + dt.timedelta(weeks=n), "day"
    if unit == "decade":
        unit, n = "year", 10 * n
    if unit == "year":
        return day.replace(year=day.year + n, day=min(day.day, 28)), "year"
    months = day.year * 12 + day.month - 1 + n
    return dt.date(months // 12, months % 12 + 1, 1), "month"


def _nearest_weekday(pub: dt.date, weekday: int, future: bool) -> dt.date:
    if future:
        return pub + dt.timedelta(days=(weekday - pub.weekday()) % 7)
    return pub - dt.timedelta(days=(pub.weekday() - weekday) % 7)


def _month_year(pub: dt.date, month: int, offset: int | None, future: bool) -> int:
    """The year of a month or season named without one: "last June" is the latest June before now."""
    if offset == 0:
        return pub.year
    if offset is not None and offset < 0:
        return pub.year if month < pub.month else pub.year - 1
    if offset is not None and offset > 0:
        return pub.year if month > pub.month else pub.year + 1
    if future:
        return pub.year if month >= pub.month else pub.year + 1
    return pub.year if month <= pub.month else pub.year - 1


@lru_cache(maxsize=4096)
def parse_with_dateparser(text: str, language: str, published: dt.date | None) -> dt.date | None:
    """One short phrase through dateparser, relative to the publication date; cached."""
    import dateparser

    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if published:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    if language == "en":
        settings["DATE_ORDER"] = "DMY" if "." in text or re.match(r"\d{1,2}/\d{1,2}/\d{4}", text) is None else "MDY"
    else:
        settings["DATE_ORDER"] = "DMY"
    found = dateparser.parse(text, languages=[language], settings=settings)
    return found.date() if found else None


def _resolve(m: re.Match[str], g: _Grammar, pub: dt.date | None, future: bool) -> tuple[dt.date, str] | None:
    lo = g.lower
    gd = m.groupdict()

    def word(key: str, name: str) -> Any:
        return lo[key].get((gd[name] or "").lower())

    if gd["numeric"]:
        found = parse_with_dateparser(gd["numeric"], g.data["language"], pub)
        return (found, "day") if found else None
    if gd["year"]:
        return dt.date(int(gd["year"]), 1, 1), "year"
    if gd["by"]:
        y = int(gd["by"])
        month = {"end": 12, "start": 1, "mid": 6}[word("boundaries", "bound") or "mid"]
        return dt.date(y, month, 1), "month"
    if gd["month"] or gd["m1"] or gd["m2"]:
        name = gd["month"] or gd["m1"] or gd["m2"]
        if g.data.get("months_capitalized") and not name[0].isupper():
            return None  # "may" the verb, not May the month
        month = lo["months"][name.lower().rstrip(".")]
        d = gd["d1"] or gd["d2"]
        y = gd["y1"] or gd["my"]
        if d:
            if not 1 <= int(d) <= calendar.monthrange(2000, month)[1]:
                return None
            if y:
                return dt.date(int(y), month, int(d)), "day"
            if pub is None:
                return None
            year = pub.year
            cand = dt.date(year, month, min(int(d), calendar.monthrange(year, month)[1]))
            if not future and cand > pub + dt.timedelta(days=7):
                cand = cand.replace(year=year - 1)
            elif future and cand < pub - dt.timedelta(days=7):
                cand = cand.replace(year=year + 1)
            return cand, "day"
        if y:
            return dt.date(int(y), month, 1), "month"
        if pub is None:
            return None
        if gd["myrel"]:
            unit, n = lo["relative_periods"][gd["myrel"].lower()]
            if unit == "year":
                return dt.date(pub.year + int(n), month, 1), "month"
        offset = word("modifiers_before", "mmod")
        if offset is None:
            offset = word("modifiers_after", "mmoda")
        return dt.date(_month_year(pub, month, offset, future), month, 1), "month"
    if pub is None:
        return None
    if gd["relday"] or gd["relday2"]:
        n = word("relative_days", "relday") if gd["relday"] else word("relative_days", "relday2")
        return pub + dt.timedelta(days=int(n)), "day"
    if gd["within"]:
        n = _count(gd["wn"], lo)
        return _shift(pub, lo["units"][gd["wu"].lower()], n) if n else None
    if gd["an"]:
        n = _count(gd["an"], lo)
        return _shift(pub, lo["units"][gd["au"].lower()], -n) if n else None
    if gd["forpast"]:
        n = _count(gd["fn"], lo)
        unit = lo["units"][gd["fu"].lower()]
        if not n or unit in ("day", "week"):
            return None
        return _shift(pub, unit, -n)
    if gd["relper"]:
        unit, n = lo["relative_periods"][gd["relper"].lower()]
        day, precision = _shift(pub, unit, int(n))
        return (day, "month") if unit == "week" else (day, precision)
    if gd["season"]:
        month = lo["seasons"][gd["season"].lower()]
        if gd["sy"]:
            return dt.date(int(gd["sy"]), month, 1), "season"
        offset = word("modifiers_before", "smod")
        if offset is None:
            offset = word("modifiers_after", "smoda")
        return dt.date(_month_year(pub, month, offset, future), month, 1), "season"
    if gd["wd"] or gd["ewd"]:
        name = (gd["wd"] or gd["ewd"]).lower()
        wd = next(v for k, v in lo["weekdays"].items() if name.startswith(k))
        return _nearest_weekday(pub, int(wd), future), "day"
    return None


def _count(text: str, lo: dict[str, dict[str, Any]]) -> int | None:
    if text.isdigit():
        return int(text)
    value = lo["small_numbers"].get(text.lower())
    return int(value) if value is not None else None


def find_dates(text: str, language: str, published: dt.date | None, *, future: bool = False) -> list[DateMention]:
    """Date phrases in `text` resolved against `published`; `future` reads "Monday" as the next one."""
    past, ahead = find_dates_both_ways(text, language, published)
    return ahead if future else past


def find_dates_both_ways(
    text: str, language: str, published: dt.date | None
) -> tuple[list[DateMention], list[DateMention]]:
    """The date phrases of `text` read backward and forward in time, in one pass; the two lists hold
    the same phrases in the same order (a phrase neither reading resolves is in neither)."""
    g = _grammar(language)
    past: list[DateMention] = []
    ahead: list[DateMention] = []
    if g.anchor.search(text) is None:
        return past, ahead
    for m in gated(g.pattern).finditer(text):
        back = _resolve(m, g, published, False)
        if back is None:
            continue
        forth = _resolve(m, g, published, True) or back
        kind = "since" if m.group("since") or m.group("forpast") else "until" if m.group("within") else "point"
        for (day, precision), out in ((back, past), (forth, ahead)):
            out.append(DateMention(m.start(), m.end(), m.group(0), format_date(day, precision), precision, kind))
    return past, ahead
