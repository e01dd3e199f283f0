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
from .patterns import NEVER, alternation, spellings
from .wordstarts import gated

__all__ = [
    "PRECISIONS",
    "DateMention",
    "coordinator",
    "date_clause",
    "find_dates",
    "find_dates_both_ways",
    "format_date",
    "in_future_tense",
    "last_date",
    "names_year",
    "parse_with_dateparser",
    "starts_happening",
]

PRECISIONS = ("day", "month", "season", "year", "unknown")
_BOUNDARY_MONTH = {"end": 12, "start": 1, "mid": 6}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date phrase and what it resolves to; `kind` is "point", "since", "until" or "period"."""

    start: int
    end: int
    text: str
    date: str
    precision: str
    kind: str = "point"
    deadline: bool = False  # "by December 31", "bis zum 31. Dezember", "d'ici la fin du mois"


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
    season_guard: re.Pattern[str] | None
    earlier: set[str]
    deadline: re.Pattern[str]


@cache
def _grammar(language: str) -> _Grammar:
    d = rules.load("dates", language) or rules.load("dates", "en")
    month = _alt(d["months"])
    weekday = _alt(d["weekdays"])
    daypart = _alt(d["day_parts"])
    joiner = r"\s?" if d.get("day_part_joiner", " ") == "" else r"\s+"
    sfx = d.get("day_suffix", "")
    mod_b = _alt(d["modifiers_before"])
    mod_a = _alt(d["modifiers_after"]) or NEVER
    bound = _alt(d["boundaries"])
    since = _alt(d["since"])
    within = _alt(d["within"])
    ago = _alt(d["ago"])
    for_past = _alt(d["for_past"])
    units = _alt(d["units"])
    small = _alt(d["small_numbers"])
    unit_mod = _alt(d.get("unit_modifiers_before", []) + d.get("unit_modifiers_after", [])) or NEVER
    num = rf"(?:\d{{1,3}}|{small})"
    year = r"(?:19|20)\d{2}"
    wd_part = rf"(?:{weekday})(?:{joiner}(?:{daypart}))?"
    day_month = (
        rf"(?:(?P<ewd>{wd_part}),?\s+)?(?:the\s+)?"
        rf"(?:(?P<d1>\d{{1,2}}){sfx}\s+(?:of\s+)?(?P<m1>{month})\.?|(?P<m2>{month})\.?\s+(?P<d2>\d{{1,2}}){sfx}(?!\d))"
        rf"(?:,?\s+(?:(?P<y1>{year})|(?:de\s+)?(?P<dyrel>{_alt(d['relative_periods'])})))?"  # "on Jan. 2 last year"
    )
    links = rf"(?:(?:{_alt(d.get('boundary_links', []))})\s*)?" if d.get("boundary_links") else ""
    bounded = _alt(d.get("bounded_periods", {})) or NEVER
    bounded_words = _alt(d.get("bounded_words", {})) or NEVER
    relper = _alt(d["relative_periods"])
    previous = _alt(d.get("relative_to_previous", {})) or NEVER
    later = _alt(d.get("later", []) + d.get("earlier", [])) or NEVER
    # "two years ago" and "two days later" share their start: one alternative tries both
    if d.get("ago_position") == "after":
        ago_expr = rf"(?P<an>{num})\s+(?P<au>{units})\s+(?:{ago}|(?P<pdir>{later}))"
    else:
        ago_expr = rf"(?:{ago})\s+(?P<an>{num})\s+(?P<au>{units})|(?P<pn>{num})\s+(?P<pu>{units})\s+(?P<pdir>{later})"
    alternatives = [
        # "the next day", "weeks later", "deux jours plus tard", "einen Monat zuvor": from the date named last
        rf"(?P<prev>{previous})",
        rf"(?P<relday>(?:{_alt(d['relative_days'])}))(?:,?\s+(?P<rwd>{wd_part}))?",
        rf"(?P<rwd0>{wd_part})\s+(?P<relday2>{_alt(d['relative_days'])})",
        day_month,
        # "the end of 2020"; "mid-December", "fin mars", "à la fin du mois de septembre", "Ende März": a month's
        # part; "early next year", "Anfang des Jahres", "by the end of the month"
        rf"(?P<bound>{bound})\s*{links}(?:(?P<by>{year})|(?P<bmonth>{month})(?:,?\s+(?P<bmy>{year}))?"
        rf"|(?P<prel>{relper})|(?P<pcur>{bounded}))",
        rf"(?P<bword>{bounded_words})",
        rf"(?P<within>{within})\s+(?P<wn>{num})\s+(?:(?:{unit_mod})\s+)?(?P<wu>{units})(?:\s+(?:{unit_mod}))?",
        ago_expr,
        rf"(?P<forpast>{for_past})\s+(?P<fn>{num})\s+(?:(?:{unit_mod})\s+)?(?P<fu>{units})",
        rf"(?P<relper>{relper})",
        rf"(?:(?P<smod>{mod_b})\s+)?(?P<season>{_alt(d['seasons'])})(?:\s+(?P<smoda>{mod_a}))?(?:\s+(?P<sy>{year}))?",
        rf"(?:(?P<mmod>{mod_b})\s+)?(?P<month>{month})(?:\s+(?P<mmoda>{mod_a}))?"
        rf"(?:,?\s+(?:of\s+)?(?:(?P<my>{year})|(?P<myrel>{relper})))?",
        rf"(?:(?P<wmod>{mod_b})\s+)?(?P<wd>{weekday})(?:{joiner}(?P<dp>{daypart}))?(?:\s+(?P<wmoda>{mod_a}))?",
        r"(?P<numeric>\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})",
        rf"(?P<year>{year})",
    ]
    articles = _alt(d.get("articles", [])) or NEVER
    body = "|".join(f"(?:{a})" for a in alternatives)
    pattern = re.compile(
        rf"(?<![\w-])(?:(?P<since>{since})\s+(?:(?:{articles})(?<=['’])|(?:{articles})\s+)?)?(?:{body})(?![\w-])",
        re.IGNORECASE,
    )
    lower: dict[str, dict[str, Any]] = {
        key: {k.lower(): v for k, v in d.get(key, {}).items()}
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
            "bounded_periods",
            "bounded_words",
            "relative_to_previous",
        )
    }
    # every date phrase holds a digit or one of these words: a cheap first look before the full grammar
    words = [
        *d["months"],
        *d["weekdays"],
        *d["seasons"],
        *d["relative_days"],
        *(w for phrase in d["relative_periods"] for w in phrase.split()[-1:]),
        *(w for phrase in d.get("relative_to_previous", {}) for w in phrase.split()[-1:]),
        *d["units"],
    ]
    anchor = re.compile(rf"\d|(?:{_alt(words)})", re.IGNORECASE)
    needs = d.get("season_needs_before", [])
    # "a été évacué": a season word that is also a verb form is a season only after one of these
    season_guard = re.compile(rf"(?:{_alt(needs)})\s*$", re.IGNORECASE) if needs else None
    earlier = {w.lower() for w in d.get("earlier", [])}
    deadlines = d.get("deadlines", [])
    deadline = re.compile(rf"(?<![\w])(?:{_alt(deadlines)})\s*$" if deadlines else NEVER, re.IGNORECASE)
    return _Grammar(pattern, d, lower, anchor, season_guard, earlier, deadline)


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


def _resolve(
    m: re.Match[str], g: _Grammar, pub: dt.date | None, future: bool, previous: tuple[dt.date, str] | None = None
) -> tuple[dt.date, str] | None:
    lo = g.lower
    gd = m.groupdict()
    if gd["prev"] or gd["pdir"]:
        return _from_previous(gd, g, previous)

    def word(key: str, name: str) -> Any:
        return lo[key].get((gd[name] or "").lower())

    if gd["numeric"]:
        found = parse_with_dateparser(gd["numeric"], g.data["language"], pub)
        return (found, "day") if found else None
    if gd["year"]:
        return dt.date(int(gd["year"]), 1, 1), "year"
    if gd["by"]:
        y = int(gd["by"])
        month = _BOUNDARY_MONTH[word("boundaries", "bound") or "mid"]
        return dt.date(y, month, 1), "month"
    if gd["bmonth"]:  # "mid-December", "fin mars": the month, as precise as a month
        if g.data.get("months_capitalized") and not gd["bmonth"][0].isupper():
            return None
        month = lo["months"][gd["bmonth"].lower().rstrip(".")]
        if gd["bmy"]:
            return dt.date(int(gd["bmy"]), month, 1), "month"
        if pub is None:
            return None
        return dt.date(_month_year(pub, month, None, future), month, 1), "month"
    if pub is not None and (gd["prel"] or gd["pcur"] or gd["bword"]):
        if gd["bword"]:
            edge, unit = lo["bounded_words"][gd["bword"].lower()]
            n: int | None = 0
        else:
            edge = word("boundaries", "bound") or "mid"
            periods = lo["relative_periods"] if gd["prel"] else lo["bounded_periods"]
            unit, n = periods[(gd["prel"] or gd["pcur"]).lower()]
        if unit == "year":  # "early next year": January of next year; "Jahresende": December of this one
            month = _BOUNDARY_MONTH[edge]
            year = pub.year + int(n) if n is not None else _month_year(pub, month, None, future)
            return dt.date(year, month, 1), "month"
        if unit == "month":  # "the end of the month": this month, as precise as a month
            return _shift(pub, "month", int(n or 0))[0], "month"
        return None
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
            if gd["dyrel"] and lo["relative_periods"][gd["dyrel"].lower()][0] == "year":
                n = int(lo["relative_periods"][gd["dyrel"].lower()][1])  # "le 2 janvier de l'an dernier"
                last = calendar.monthrange(pub.year + n, month)[1]
                return dt.date(pub.year + n, month, min(int(d), last)), "day"
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
        offset = word("modifiers_before", "wmod") if gd["wd"] else None
        if offset is None and gd["wd"]:
            offset = word("modifiers_after", "wmoda")
        if offset:  # "last Thursday", "samedi dernier", "am kommenden Montag": never the day itself
            after = pub + dt.timedelta(days=1) if offset > 0 else pub - dt.timedelta(days=1)
            return _nearest_weekday(after, int(wd), offset > 0), "day"
        return _nearest_weekday(pub, int(wd), future), "day"
    return None


_PRECISION_RANK = {"year": 0, "season": 1, "month": 2, "day": 3}


def _from_previous(gd: dict[str, Any], g: _Grammar, previous: tuple[dt.date, str] | None) -> tuple[dt.date, str] | None:
    """ "The next day", "weeks later": counted from the date the article named last, never more precise
    than that date; with none named before, no date."""
    if previous is None:
        return None
    if gd["prev"]:
        unit, n, *coarse = g.lower["relative_to_previous"][gd["prev"].lower()]
    else:
        n = _count(gd.get("pn") or gd["an"], g.lower)
        if not n:
            return None
        unit, coarse = g.lower["units"][(gd.get("pu") or gd["au"]).lower()], []
        n = -n if gd["pdir"].lower() in g.earlier else n
    day, precision = _shift(previous[0], unit, int(n))
    for other in (*coarse, previous[1]):
        if _PRECISION_RANK.get(other, 0) < _PRECISION_RANK.get(precision, 0):
            precision = other
    return day, precision


def _count(text: str, lo: dict[str, dict[str, Any]]) -> int | None:
    if text.isdigit():
        return int(text)
    value = lo["small_numbers"].get(text.lower())
    return int(value) if value is not None else None


def _bare_verb_season(m: re.Match[str], g: _Grammar, text: str) -> bool:
    """ "a été évacué": "été" alone, with nothing before it that makes it a season, is a verb."""
    if g.season_guard is None or not m.group("season") or m.group("smod") or m.group("smoda") or m.group("sy"):
        return False
    return g.season_guard.search(text, max(0, m.start() - 12), m.start()) is None


@cache
def _future_forms(language: str) -> re.Pattern[str]:
    forms = (rules.load("dates", language) or rules.load("dates", "en")).get("future_verb_forms", [])
    return re.compile("|".join(f"(?:{f})" for f in forms) or NEVER, re.IGNORECASE)


def in_future_tense(words: str, language: str) -> bool:
    """Whether one of `words` (a cue and the two words before it) is a verb in the future: "quitteront",
    "will", "werden"; a weekday or month of the event is then read forward."""
    pattern = _future_forms(language)
    return any(pattern.fullmatch(w.strip(".,;:")) for w in words.split())


@cache
def coordinator(language: str) -> re.Pattern[str]:
    """A word that joins two verbs of one clause ("and", "et", "und")."""
    words = (rules.load("dates", language) or rules.load("dates", "en")).get("coordinators", [])
    return re.compile(rf"(?<![\w])(?:{_alt(words)})(?![\w])" if words else NEVER, re.IGNORECASE)


def deadline_words(language: str) -> str:
    """The alternation of words that make the date after them a deadline ("by", "d'ici", "bis zum")."""
    words = (rules.load("dates", language) or rules.load("dates", "en")).get("deadlines", [])
    return _alt(words) if words else NEVER


@cache
def date_clause(language: str) -> re.Pattern[str]:
    """What opens a clause that the date before it dates: ", when", ", lorsque", ", als"."""
    words = (rules.load("dates", language) or rules.load("dates", "en")).get("date_clauses", [])
    if not words:
        return re.compile(NEVER)
    return re.compile(rf"\s*,?\s*(?:{_alt(words)})(?![\w])", re.IGNORECASE)


def find_dates(
    text: str,
    language: str,
    published: dt.date | None,
    *,
    future: bool = False,
    previous: tuple[dt.date, str] | None = None,
) -> list[DateMention]:
    """Date phrases in `text` resolved against `published`; `future` reads "Monday" as the next one."""
    past, ahead = find_dates_both_ways(text, language, published, previous)
    return ahead if future else past


def find_dates_both_ways(
    text: str, language: str, published: dt.date | None, previous: tuple[dt.date, str] | None = None
) -> tuple[list[DateMention], list[DateMention]]:
    """The date phrases of `text` read backward and forward in time, in one pass; the two lists hold
    the same phrases in the same order (a phrase neither reading resolves is in neither). `previous`
    is the date the text named last before `text`, for "the next day" and "weeks later"."""
    past, ahead = _both_ways(text, language, published, previous)
    return list(past), list(ahead)


@lru_cache(maxsize=2048)
def _both_ways(
    text: str, language: str, published: dt.date | None, previous: tuple[dt.date, str] | None
) -> tuple[tuple[DateMention, ...], tuple[DateMention, ...]]:
    """One pass over a sentence, cached: an article's sentences are read for events and for the date
    that the next sentence counts from."""
    g = _grammar(language)
    past: list[DateMention] = []
    ahead: list[DateMention] = []
    if g.anchor.search(text) is None:
        return (), ()
    for m in gated(g.pattern).finditer(text):
        if _bare_verb_season(m, g, text):
            continue
        back = _resolve(m, g, published, False, previous)
        if back is None:
            continue
        forth = _resolve(m, g, published, True, previous) or back
        kind = "since" if m.group("since") or m.group("forpast") else "until" if m.group("within") else "point"
        deadline = g.deadline.search(text, max(0, m.start() - 24), m.start()) is not None
        if deadline and _near_deadline(forth, published):
            back = forth  # "must leave by December 22" said on December 7: this year's, even in a past clause
        end = m.end()
        if text[end - 1] == "." and len(text[:end].split()[-1]) > 5:  # "31 décembre.": the sentence's full stop
            end -= 1
        for (day, precision), out in ((back, past), (forth, ahead)):
            found = format_date(day, precision)
            out.append(DateMention(m.start(), end, text[m.start() : end], found, precision, kind, deadline))
        if kind == "point" and back[1] in ("day", "month"):
            previous = back
    return tuple(past), tuple(ahead)


_DEADLINE_AHEAD = dt.timedelta(days=120)


def _near_deadline(forth: tuple[dt.date, str], published: dt.date | None) -> bool:
    """Whether a deadline read forward falls within a few months after publication: the deadline still
    ahead, not the one a year before (a day or month named without its year)."""
    if published is None or forth[1] not in ("day", "month"):
        return False
    return published < forth[0] <= published + _DEADLINE_AHEAD


@cache
def _start_words() -> re.Pattern[str]:
    words = [w for lang in ("en", "fr", "de") for w in (rules.load("dates", lang) or {}).get("since_starts", [])]
    return re.compile(rf"(?:{_alt(words)})(?![\w])" if words else NEVER, re.IGNORECASE)


def starts_happening(mention: DateMention) -> bool:
    """Whether a "since" phrase also dates a happening from its start: "rapatriés dès l'été 2023", "withdrawn
    as early as 2022", "ab Januar abgezogen"; "since 2009" and "depuis 2013" date only a presence."""
    return mention.kind == "since" and _start_words().match(mention.text) is not None


@cache
def _year_names(language: str) -> tuple[re.Pattern[str], re.Pattern[str], bool]:
    d = rules.load("dates", language) or rules.load("dates", "en")
    before = d.get("year_names_before", [])
    not_after = d.get("year_names_not_after", [])
    words = re.compile(rf"(?<![\w])(?:{_alt(before)})\s*$" if before else NEVER, re.IGNORECASE)
    stop = re.compile(rf"\s+(?:{_alt(not_after)})(?![\w])" if not_after else NEVER, re.IGNORECASE)
    return words, stop, not not_after


_WORD_AFTER = re.compile(r"\s+[^\W\d_]")


@cache
def _participles(language: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = (rules.load("dates", language) or rules.load("dates", "en")).get("thing_participles", [])
    alt = _alt(words) if words else NEVER
    # "signed with Paris in 2019", "signé avec le Danemark en 2019": the participle a few words before, no comma
    before = re.compile(rf"(?<![\w])(?:{alt})(?:\s+[^\s,;:.]+){{0,6}}\s+$", re.IGNORECASE)
    after = re.compile(rf"\s+(?:{alt})(?![\w])", re.IGNORECASE)  # "das 2019 unterzeichnete Abkommen"
    return before, after


def _thing_participle(mention: DateMention, text: str, language: str) -> bool:
    before, after = _participles(language)
    if mention.kind != "point":
        return False
    return before.search(text, max(0, mention.start - 80), mention.start) is not None or bool(
        after.match(text, mention.end)
    )


def names_year(mention: DateMention, text: str, language: str) -> bool:
    """Whether a date names a thing rather than dating the event: a bare year that is part of a name ("denounced
    the 2018 agreement", "l'accord de 2018", "das Abkommen von 2018"; not "de 2013 à 2022", not "in 2018 troops"),
    or any date in the phrase of an agreement's participle ("the accord signed with Paris in 2019")."""
    if _thing_participle(mention, text, language):
        return True
    if not (mention.text.isdigit() and len(mention.text) == 4):
        return False
    words, stop, before_noun = _year_names(language)
    if words.search(text, max(0, mention.start - 8), mention.start) is None:
        return False
    if before_noun:  # "the 2018 agreement": with no stop words, a word must follow the year
        return _WORD_AFTER.match(text, mention.end) is not None
    return stop.match(text, mention.end) is None


def last_date(mentions: list[DateMention]) -> tuple[dt.date, str] | None:
    """The last day or month that `mentions` (read backward) name: what "the next day" counts from."""
    for d in reversed(mentions):
        if d.kind == "point" and d.precision in ("day", "month"):
            return dt.date.fromisoformat(d.date if d.precision == "day" else f"{d.date}-01"), d.precision
    return None
