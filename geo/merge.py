"""One event per happening: within an article an announcement and its completion become one event
with the latest status; across articles and languages, events that agree on action, force or
country, place, time and troops become one event that lists every article and every evidence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from functools import cache

from .forces import find_forces, force_by_name
from .models import Event, PlaceMention

__all__ = [
    "STATUS_RANK",
    "Draft",
    "drafts_to_events",
    "merge_across_articles",
    "merge_in_article",
    "same_happening",
    "to_event",
]

# A later stage of the same happening wins: a plan, its announcement, the troops there, their departure.
STATUS_RANK = {"unknown": 0, "planned": 1, "announced": 2, "ongoing": 3, "completed": 4}
_PRECISION_RANK = {"unknown": 0, "year": 1, "season": 2, "month": 3, "day": 4}
_DAYS_APART = 3


@dataclass(frozen=True, slots=True)
class Draft:
    """An event before merging, with what merging needs: where its cue stood, whether its date was
    written or defaults to the publication date."""

    article_id: str
    published: dt.date | None
    action: str
    status: str
    force: str | None
    actor_country: str | None
    location: PlaceMention
    destination: PlaceMention | None
    troops: int | None
    troops_text: str | None
    date: str | None
    date_precision: str
    date_text: str | None
    date_kind: str | None
    evidence: str
    position: int
    confidence: float
    evidences: tuple[str, ...] = ()
    additive: bool = False  # "will also end", "auch ... auslaufen": told as another happening than the last
    article_ids: tuple[str, ...] = field(default=())
    troops_peak: bool = False  # the count is a past maximum ("at its peak"), never lent to a withdrawal
    troops_whole: bool = False  # the count is a whole a share of which moves ("la moitié de ses 1 200 soldats")
    cue: int = -1  # where the cue stands in its sentence (the evidence)
    date_at: int = -1  # where the written date stands in its sentence

    @property
    def ids(self) -> tuple[str, ...]:
        return self.article_ids or (self.article_id,)

    @property
    def all_evidence(self) -> tuple[str, ...]:
        return self.evidences or (self.evidence,)


def _specific(m: PlaceMention | None) -> bool:
    return m is not None and m.place.feature != "country"


def _same_place(a: PlaceMention | None, b: PlaceMention | None) -> bool:
    if a is None or b is None:
        return a is b
    if a.place.country != b.place.country:
        return False
    if _specific(a) and _specific(b):
        return a.place.name == b.place.name
    return True


def _same_who(a: Draft, b: Draft) -> bool:
    if a.force and b.force and a.force != b.force:
        return False
    if a.actor_country and b.actor_country and a.actor_country != b.actor_country:
        return False
    return bool((a.force and a.force == b.force) or (a.actor_country and a.actor_country == b.actor_country))


def _names_other_force(a: Draft, b: Draft) -> bool:
    """ "300 British troops arrived in Gao to join MINUSMA" and "Britain already supports Barkhane with
    helicopters in Gao": a draft with no force whose sentence names another force than the other's is not
    the same troops."""
    if a.action != "deployment" or not a.force or b.force:
        return False  # a departure is told in many words; a presence by whom it serves
    named = {f.force.name for f in find_forces(b.evidence)}
    return bool(named) and a.force not in named


def _bilateral_beside_mission(a: Draft, b: Draft) -> bool:
    """ "Rwanda has sent troops under a bilateral defence agreement" and "Rwanda provides 1,300 soldiers to
    MINUSCA": troops a sentence places under a bilateral accord are not the country's contingent in a
    multinational mission (UN, EU, AU, a coalition)."""
    for mission, other in ((a, b), (b, a)):
        if mission.force and not other.force and _bilateral().search(" ".join(other.all_evidence)):
            force = force_by_name(mission.force)
            if force is not None and force.kind in _MULTINATIONAL:
                return True
    return False


_MULTINATIONAL = ("un_mission", "eu_mission", "coalition")


@cache
def _any_language(*keys: str, word_end: bool = True) -> re.Pattern[str]:
    """One case-blind pattern of the words every language's syntax.json lists under `keys`: a draft being merged
    no longer knows its article's language."""
    from . import rules

    words = {w for lang in rules.LANGUAGES for key in keys for w in (rules.load("syntax", lang) or {}).get(key, [])}
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    end = r"(?![\w])" if word_end else ""
    return re.compile(rf"(?<![\w])(?:{alternatives}){end}", re.IGNORECASE)


def _bilateral() -> re.Pattern[str]:
    return _any_language("bilateral")


def same_happening(a: Draft, b: Draft, *, across: bool = False) -> bool:
    """Whether two drafts state the same happening (across articles, time and troops must agree too)."""
    if a.action != b.action or not _same_who(a, b):
        return False
    if _bilateral_beside_mission(a, b):
        return False
    if not _same_place(a.location, b.location) or not _same_place(a.destination, b.destination):
        return False
    if a.troops is not None and b.troops is not None and a.troops != b.troops:
        return False  # "5,100 at the peak" and "4,000 for Serval" are two presences
    if not across or set(a.ids) & set(b.ids):  # one article: its own words tell happenings apart
        if (a.additive or b.additive) and a.evidence != b.evidence and not _restates(a, b):
            return False  # "Its participation in EUTM will also end": not the withdrawal told before
        remention = _remention(a, b)
        if not remention and (_two_moments(a, b) or _years_apart(a, b) or _history_beside_news(a, b)):
            return False
        if _own_clause_date(a, b) or _own_clause_date(b, a) or _dated_apart_in_sentence(a, b):
            return False
        if remention and not across:
            return not (_rest_still_to_go(a, b) or _names_other_force(a, b) or _names_other_force(b, a))
    if not across:
        return not (  # (_two_moments was asked above)
            _rest_still_to_go(a, b)
            or _step_of_plan(a, b)
            or _months_apart(a, b)
            or _names_other_force(a, b)
            or _names_other_force(b, a)
        )
    return _same_time(a, b)


def _remention(a: Draft, b: Draft) -> bool:
    """ "Russian instructors arrived in Niamey on Wednesday" and later "The arrival of these Russians comes
    less than a month after ...": a sentence of the same article opening on the happening's noun after an
    article, demonstrative or possessive re-mentions the happening; the dates near it are not its own."""
    later = b if (b.position, b.cue) > (a.position, a.cue) else a
    if later.evidences or later.cue < 0 or later.evidence == (a if later is b else b).evidence:
        return False
    match = _remention_opening().match(later.evidence)
    return match is not None and match.end() > later.cue


@cache
def _remention_opening() -> re.Pattern[str]:
    from . import rules

    determiners: list[str] = []
    nouns: list[str] = []
    for lang in rules.LANGUAGES:
        s = rules.load("syntax", lang) or {}
        determiners += s.get("remention_determiners", [])
        nouns += s.get("remention_nouns", [])

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    return re.compile(rf"\s*(?:(?:{alt(determiners)})(?:\s+|(?<=['’])))+(?:{alt(nouns)})(?![\w-])", re.IGNORECASE)


def _years_apart(a: Draft, b: Draft) -> bool:
    """ "stationed there since December 2020" and "sent another battalion in December [2023]", "arrived in
    2013" and "left in 2022": written dates in different years are two happenings, unless one is the plan
    and the other what came of it, or one reaches to the other ("until 2024")."""
    if a.date_text is None or b.date_text is None or a.date is None or b.date is None:
        return False
    if a.evidence == b.evidence or a.date_text == b.date_text:
        return False  # one sentence may date the mission it names: "since 2020, in MINUSMA, launched in 2013"
    if not {a.date_kind, b.date_kind} <= {"point", "since"}:
        return False
    if (a.status in _PLANS) != (b.status in _PLANS):
        return False
    if _within_deadline(a, b) or _within_deadline(b, a):
        return False
    return a.date[:4] != b.date[:4]


_HISTORY_YEARS = 3  # a date this many years before the article is history, not the article's news


def _history_beside_news(a: Draft, b: Draft) -> bool:
    """ "France withdrew its last soldiers from Chad" (undated: the news) and "Barkhane, which ended in 2022", "about
    600 Russian personnel" and "Wagner first arrived in 2019": a happening written years before the article's date
    is another happening than the undated one the article reports as its news, done or counted now (not a peak)."""
    for dated, news in ((a, b), (b, a)):
        if dated.date is None or dated.date_text is None or news.date_text is not None or news.published is None:
            continue
        if dated.date_kind != "point" or dated.status in _PLANS or dated.evidence == news.evidence:
            continue  # a plan's year is its term; one sentence tells one happening with its history
        if news.status != "completed" and (news.troops is None or news.troops_peak):
            continue  # "the presence", "the mission" undated: the same presence its history dates
        if news.published.year - int(dated.date[:4]) >= _HISTORY_YEARS:
            return True
    return False


def _within_deadline(plan: Draft, other: Draft) -> bool:
    """ "announced in February that it would leave" and "the withdrawal is to be completed by the end of
    the year": a plan dated by its deadline ("by", "d'ici", "bis zum") and a plan decided on a day already
    past when the article was written, before that deadline, are one plan, its decision and its term ("are
    to be flown out in the coming days" is another, nearer plan)."""
    if plan.status not in _PLANS or other.status not in _PLANS or not _deadline_dated(plan):
        return False
    if plan.date is None or other.date is None or other.published is None:
        return False
    decided = _span(other.date)[1]
    return decided <= other.published and decided <= _span(plan.date)[1]


def _deadline_dated(d: Draft) -> bool:
    """Whether the draft's written date is a deadline: a deadline word right before it."""
    if d.date_text is None or d.date_at < 0:
        return False
    return _deadline_words().search(d.evidence, max(0, d.date_at - 24), d.date_at) is not None


@cache
def _deadline_words() -> re.Pattern[str]:
    from . import rules
    from .dates import deadline_words

    alternatives = "|".join(f"(?:{deadline_words(lang)})" for lang in rules.LANGUAGES)
    return re.compile(rf"(?<![\w])(?:{alternatives})\s*$", re.IGNORECASE)


def _own_clause_date(a: Draft, b: Draft) -> bool:
    """ "have been training Ivorian commandos at a camp in Jacqueville, and last month about 200 troops
    joined Flintlock": in one sentence, a second verb joined by "and" with its own date written after the
    "and" tells another happening than the first, which took no date."""
    if a.evidence != b.evidence or a.cue < 0 or b.cue <= a.cue or a.date_text is not None or b.date_text is None:
        return False
    if b.date_kind != "point" or a.status in _PLANS or b.status in _PLANS:
        return False
    return any(a.cue < m.start() < b.date_at for m in _coordinators().finditer(a.evidence, a.cue, b.cue))


def _dated_apart_in_sentence(a: Draft, b: Draft) -> bool:
    """ "left their base in Faya-Largeau on Dec. 26, and the garrison in Abeche was handed over on Jan. 11": one
    sentence that writes two days apart, each its own draft's, tells two happenings (a plan's day is its term)."""
    if a.evidence != b.evidence or a.date_text is None or b.date_text is None or a.date_at == b.date_at:
        return False
    if a.status in _PLANS or b.status in _PLANS or a.date_kind != "point" or b.date_kind != "point":
        return False
    if a.date is None or b.date is None or len(a.date) < 10 or len(b.date) < 10 or _same_time(a, b):
        return False
    text = a.evidence
    if any(";" in text[min(d.cue, d.date_at) : max(d.cue, d.date_at)] for d in (a, b)):
        return False  # a date across a semicolon from its cue is another clause's
    first, later = (a, b) if a.cue < b.cue else (b, a)
    return ";" in text[first.cue : later.cue] or _clause_joiners().search(text, first.cue, later.cue) is not None


def _clause_joiners() -> re.Pattern[str]:
    return _any_language("clause_coordinators")


@cache
def _coordinators() -> re.Pattern[str]:
    from . import rules
    from .dates import coordinator

    alternatives = "|".join(coordinator(lang).pattern for lang in rules.LANGUAGES)
    return re.compile(alternatives, re.IGNORECASE)


def _restates(a: Draft, b: Draft) -> bool:
    """ "Auch die Transporthubschrauber NH90 haben Mali inzwischen verlassen" after "Die Bundeswehr hat ihre
    Kampfhubschrauber aus Mali abgezogen": more troops of the same force leaving, not another engagement
    ending (a participation, a mission, a mandate named by the sentence that says "also")."""
    if a.force != b.force:
        return False
    told_also = [d for d in (a, b) if d.additive]
    return not any(_engagement().search(d.evidence) for d in told_also)


def _engagement() -> re.Pattern[str]:
    return _any_language("participation_nouns", "mandate_nouns", "engagement_nouns", word_end=False)


def _step_of_plan(a: Draft, b: Draft) -> bool:
    """ "Macron announced on February 17 the withdrawal from Mali" and "the soldiers handed over the base of Gossi
    on Tuesday": a departure done from one town or base, told as no end of the whole ("the last", "all"), is one
    step of the country's withdrawal planned or announced, not that withdrawal."""
    if a.action != "withdrawal" or a.evidence == b.evidence:
        return False
    for done, plan in ((a, b), (b, a)):
        if done.status == "completed" and _specific(done.location) and plan.status in _PLANS:
            return not _specific(plan.location) and _finality().search(done.evidence) is None
    return False


def _finality() -> re.Pattern[str]:
    return _any_language("finality_words")


def _rest_still_to_go(a: Draft, b: Draft) -> bool:
    """ "left its camp in Kidal on October 31" and "is to leave the country by December 31": a departure
    from one town done before the date set for leaving the whole country is a step, not that departure."""
    if a.action not in ("withdrawal", "redeployment"):
        return False
    for done, plan in ((a, b), (b, a)):
        if (
            done.status == "completed"
            and plan.status in ("planned", "announced")
            and _specific(done.location)
            and not _specific(plan.location)
            and plan.date_text is not None
            and _later(plan, done)
        ):
            return True
    return False


_PLANS = ("planned", "announced")
_MONTHS_APART = 31


def _months_apart(a: Draft, b: Draft) -> bool:
    """ "arrived in Gao in January 2013" and "were in Gao again in March 2014": two written dates more than
    a month apart are two happenings, unless one is the plan and the other what came of it."""
    if a.date_text is None or b.date_text is None or a.date is None or b.date is None:
        return False
    if _within_deadline(a, b) or _within_deadline(b, a):
        return False
    if a.evidence == b.evidence or "point" not in (a.date_kind, b.date_kind) or a.date_kind != b.date_kind:
        return False  # one sentence tells one moment; "since 2020" and "until May" reach other dates
    if (a.status in _PLANS) != (b.status in _PLANS):
        return False  # an announcement in February and the departure in August: one withdrawal
    if _untold_before_done(a, b) or _untold_before_done(b, a):
        return False
    (a0, a1), (b0, b1) = _span(a.date), _span(b.date)
    return (b0 - a1).days > _MONTHS_APART or (a0 - b1).days > _MONTHS_APART


def _untold_before_done(untold: Draft, done: Draft) -> bool:
    """ "The junta demanded the departure of the French troops in August" and "the last French soldiers left
    the country on Friday": a departure from a whole country that someone demanded earlier (no status of
    its own) and that departure done later are one withdrawal, the demand and what came of it."""
    if untold.action != "withdrawal" or untold.status != "unknown" or not _demands().search(untold.evidence):
        return False
    if done.status != "completed" or _specific(untold.location) or untold.date is None or done.date is None:
        return False
    return _span(untold.date)[1] <= _span(done.date)[1]


@cache
def _demands() -> re.Pattern[str]:
    """ "demanded", "a exigé", "forderte": the verbs by which someone asks troops to leave, in any language."""
    from . import rules

    words = [w for lang in rules.LANGUAGES for w in (rules.load("actions", lang) or {}).get("demands", [])]
    return re.compile(rf"(?<![\w])(?:{'|'.join(words)})(?![\w])", re.IGNORECASE)


def _span(iso: str) -> tuple[dt.date, dt.date]:
    """First and last day of a written year, month or day."""
    first = _first_day(iso)
    if len(iso) == 4:
        return first, dt.date(first.year, 12, 31)
    if len(iso) == 7:
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    return first, first


def _later(a: Draft, b: Draft) -> bool:
    """Whether a's date begins more than a few days after b's (a month begins on its first day)."""
    da, db = _effective_date(a), _effective_date(b)
    if da is None or db is None:
        return False
    return (_first_day(da) - _first_day(db)).days > _DAYS_APART


def _first_day(iso: str) -> dt.date:
    return dt.date.fromisoformat((iso + "-01-01")[:10])


def _two_moments(a: Draft, b: Draft) -> bool:
    """Two departures, arrivals, strikes or ended agreements of one article that both happened, on days apart
    ("handed over its last base on Monday" and "had already left Air Base 101 on July 7", "took Gao's airport
    on Saturday" and "entered Timbuktu on Monday"), are two happenings."""
    done = a.status == b.status == "completed"
    ended = a.action == "cooperation_ended" and a.status not in _PLANS and b.status not in _PLANS  # "en mars"
    return (
        a.action in ("withdrawal", "redeployment", "strike", "cooperation_ended", "deployment")
        and (done or ended)
        and a.evidence != b.evidence  # one sentence tells one moment
        and (a.date_text is not None or b.date_text is not None)
        and (not _same_time(a, b) or _strikes_days_apart(a, b))
    )


def _strikes_days_apart(a: Draft, b: Draft) -> bool:
    """ "launched on Thursday with air strikes" and "bombed a French position on Saturday afternoon": two strikes
    each dated to its own day are two raids, however near the days (a move is told over days, a raid is not)."""
    if a.action != "strike" or a.date_text is None or b.date_text is None or a.date is None or b.date is None:
        return False
    if len(a.date) != 10 or len(b.date) != 10 or a.date == b.date:
        return False
    return not (_report_day(a) or _report_day(b))  # "a annoncé mercredi l'état-major": none of the raids' days


_REPORT_REACH = 16  # how far a day may stand after a reporting verb ("said on Wednesday") and still be its day


def _report_day(d: Draft) -> bool:
    """Whether the draft's written day is its sentence's report's ("the army said on Wednesday")."""
    from . import rules
    from .actions import report_spans

    for lang in rules.LANGUAGES:
        for start, end in report_spans(d.evidence, lang):
            if start - _REPORT_REACH <= d.date_at <= end + _REPORT_REACH:
                return True
    return False


def _same_time(a: Draft, b: Draft) -> bool:
    da, db = _effective_date(a), _effective_date(b)
    if da is None or db is None:
        return da is db
    if len(da) == 10 and len(db) == 10:
        return abs((dt.date.fromisoformat(da) - dt.date.fromisoformat(db)).days) <= _DAYS_APART
    n = min(len(da), len(db))
    return da[:n] == db[:n]


def _effective_date(d: Draft) -> str | None:
    if d.date:
        return d.date
    return d.published.isoformat() if d.published else None


def _better(a: Draft, b: Draft) -> Draft:
    """The draft whose status, date and place best describe the merged happening."""

    def key(d: Draft) -> tuple:
        return (
            STATUS_RANK.get(d.status, 0),
            d.date_text is not None,
            _PRECISION_RANK.get(d.date_precision, 0),
            d.troops is not None,
            -d.position,
        )

    return a if key(a) >= key(b) else b


def _combine(a: Draft, b: Draft) -> Draft:
    best = _better(a, b)
    other = b if best is a else a
    first = a if (a.ids, a.position) <= (b.ids, b.position) else b
    location = best.location
    for cand in (a.location, b.location):
        if _specific(cand) and not _specific(location):
            location = cand
    dated = best if best.date_text else (other if other.date_text else best)
    if dated is not best and best.action in ("withdrawal", "redeployment") and STATUS_RANK[best.status] >= 3:
        dated = best  # a completion keeps its own (publication) date rather than its announcement's
    troops = best if best.troops is not None else other
    evidences = tuple(dict.fromkeys(first.all_evidence + (b if first is a else a).all_evidence))
    return replace(
        best,
        article_id=first.article_id,
        force=best.force or other.force,
        actor_country=best.actor_country or other.actor_country,
        location=location,
        destination=best.destination or other.destination,
        troops=troops.troops,
        troops_text=troops.troops_text,
        troops_peak=troops.troops_peak,
        date=dated.date,
        date_precision=dated.date_precision,
        date_text=dated.date_text,
        date_kind=dated.date_kind,
        evidence=first.evidence,
        position=min(a.position, b.position) if a.article_id == b.article_id else first.position,
        confidence=min(0.99, max(a.confidence, b.confidence) + 0.05),
        evidences=evidences,
        article_ids=tuple(sorted(set(a.ids) | set(b.ids))),
    )


def _bucket(d: Draft) -> tuple[str, str | None, str | None]:
    """Only drafts of one action, one country of place and one country of destination can merge."""
    return d.action, d.location.place.country, d.destination.place.country if d.destination else None


def _fit(a: Draft, b: Draft) -> tuple[bool, bool]:
    """How closely two drafts of one happening agree: the same force (or both none), the same actor."""
    return a.force == b.force, a.actor_country == b.actor_country


_Key = tuple[str, str | None, str | None, str | None]


def _time_block(d: Draft) -> str | None:
    """The year of a draft's effective date: across articles only drafts of one year can agree in time."""
    when = _effective_date(d)
    return when[:4] if when else None


def _time_blocks(d: Draft) -> tuple[str | None, ...]:
    """The years a draft may meet another in: its own, and the next or last one for a day a few days from
    New Year ("December 30" and "January 1" are within the days that _same_time allows)."""
    when = _effective_date(d)
    if when is None:
        return (None,)
    year = int(when[:4])
    if len(when) == 10:
        day = dt.date.fromisoformat(when)
        if (dt.date(year, 12, 31) - day).days < _DAYS_APART:
            return (str(year), str(year + 1))
        if (day - dt.date(year, 1, 1)).days < _DAYS_APART:
            return (str(year), str(year - 1))
    return (str(year),)


class _Index:
    """Where each merged draft is kept: by bucket (action, countries), by year when merging across articles
    (same_happening asks the same time there), and by actor; a merged draft is moved when it grows."""

    def __init__(self, *, across: bool) -> None:
        self.across = across
        self.slots: dict[_Key, dict[str | None, list[int]]] = {}
        self.where: dict[int, tuple[_Key, str | None]] = {}

    def _key(self, d: Draft, block: str | None) -> _Key:
        return (*_bucket(d), block if self.across else None)

    def add(self, i: int, d: Draft) -> None:
        key = self._key(d, _time_block(d))
        self.slots.setdefault(key, {}).setdefault(d.actor_country, []).append(i)
        self.where[i] = (key, d.actor_country)

    def remove(self, i: int) -> None:
        key, actor = self.where.pop(i)
        self.slots[key][actor].remove(i)

    def candidates(self, d: Draft) -> list[int]:
        """Kept drafts that may be d's happening: its actor's and those that name none (all, when d names
        none), in the order they were kept."""
        found: list[int] = []
        for block in _time_blocks(d) if self.across else (None,):
            by_actor = self.slots.get(self._key(d, block), {})
            if d.actor_country is None:
                found += (i for ids in by_actor.values() for i in ids)
            else:
                found += by_actor.get(d.actor_country, []) + by_actor.get(None, [])
        return sorted(set(found))


def _merge(drafts: list[Draft], *, across: bool) -> list[Draft]:
    """Each draft joins the earlier one of the same happening that agrees with it best (the first of
    equals): "since 2013" with the undated troops of no force, "last year" with those of its force. Within
    a bucket, drafts are kept by actor: a draft of one country is only compared with that country's and
    with those that name none. One pass: a merged draft that grew is asked again at once whether it now
    agrees with another kept one (which a second pass over everything would find)."""
    index = _Index(across=across)
    merged: list[Draft | None] = []
    for draft in drafts:
        fits = [i for i in index.candidates(draft) if same_happening(_at(merged, i), draft, across=across)]
        if not fits:
            index.add(len(merged), draft)
            merged.append(draft)
            continue
        i = max(fits, key=lambda i: (_fit(_at(merged, i), draft), -i))
        before = _at(merged, i)
        index.remove(i)
        merged[i] = _combine(before, draft)
        index.add(i, _at(merged, i))
        if _told(merged[i]) != _told(before):  # the same words: what it agreed with before, it still does
            _cascade(i, merged, index, across=across)
    return [d for d in merged if d is not None]


def _told(d: Draft | None) -> tuple:
    """What same_happening reads of a kept draft besides the articles it comes from."""
    if d is None:
        return ()
    return (
        d.status,
        d.force,
        d.actor_country,
        d.location.place.name,
        d.destination.place.name if d.destination else None,
        d.troops,
        d.date,
        d.date_text,
        d.date_kind,
        d.evidence,
        d.cue,
        d.date_at,
        d.additive,
        d.published,
    )


def _at(merged: list[Draft | None], i: int) -> Draft:
    """A kept draft (the index holds only those not folded into another)."""
    d = merged[i]
    assert d is not None
    return d


def _cascade(i: int, merged: list[Draft | None], index: _Index, *, across: bool) -> None:
    """A draft that grew may now be the happening of another kept draft: the later joins the earlier,
    and the one that grew is asked again, until none agrees."""
    while True:
        grown = _at(merged, i)
        fits = [
            j
            for j in index.candidates(grown)
            if j != i and same_happening(_at(merged, min(i, j)), _at(merged, max(i, j)), across=across)
        ]
        if not fits:
            return
        j = max(fits, key=lambda j: (_fit(_at(merged, min(i, j)), _at(merged, max(i, j))), -j))
        first, later = min(i, j), max(i, j)
        index.remove(first)
        index.remove(later)
        merged[first] = _combine(_at(merged, first), _at(merged, later))
        merged[later] = None
        index.add(first, _at(merged, first))
        i = first


def merge_in_article(drafts: list[Draft]) -> list[Draft]:
    """One draft per happening of one article; a withdrawal that gives no number takes the number of
    the same troops' presence in the same place ("the withdrawal of its soldiers" after "300 soldiers")."""
    merged = _merge(sorted(drafts, key=lambda d: d.position), across=False)
    out = []
    for d in merged:
        if d.action == "withdrawal" and d.troops is None:
            source = next(
                (
                    p
                    for p in merged
                    if p.action == "deployment"
                    and p.troops is not None
                    and not p.troops_peak
                    and not p.troops_whole
                    and p.actor_country == d.actor_country
                    and d.actor_country is not None
                    and (p.force == d.force or p.force is None or d.force is None)
                    and p.location.place.country == d.location.place.country
                ),
                None,
            )
            if source is not None:
                d = replace(d, troops=source.troops, troops_text=source.troops_text)
        out.append(d)
    return out


def merge_across_articles(drafts: list[Draft]) -> list[Draft]:
    """Drafts of several articles merged where they report the same happening."""
    return _merge(sorted(drafts, key=lambda d: (d.ids, d.position)), across=True)


def _event_id(d: Draft) -> str:
    key = json.dumps(
        [
            d.action,
            d.force,
            d.actor_country,
            d.location.place.name,
            d.location.place.country,
            d.destination.place.name if d.destination else None,
            d.date,
            sorted(d.ids),
        ],
        ensure_ascii=False,
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def to_event(d: Draft) -> Event:
    """The SCHEMA.md event of a draft; with no written date the publication date stands."""
    date, precision = d.date, d.date_precision
    if date is None and d.published is not None:
        date, precision = d.published.isoformat(), "day"
    d = replace(d, date=date, date_precision=precision)
    return Event(
        event_id=_event_id(d),
        article_ids=tuple(sorted(d.ids)),
        action=d.action,
        status=d.status,
        force=d.force,
        actor_country=d.actor_country,
        location=d.location,
        destination=d.destination,
        troops=d.troops,
        troops_text=d.troops_text,
        date=date,
        date_precision=precision if date else "unknown",
        date_text=d.date_text,
        evidence=d.evidence,
        confidence=round(d.confidence, 3),
        evidences=d.all_evidence,
    )


def drafts_to_events(drafts: list[Draft], *, across_articles: bool) -> list[Event]:
    """Events in article and text order, merged across articles when asked."""
    if across_articles:
        drafts = merge_across_articles(drafts)
    drafts = sorted(drafts, key=lambda d: (d.ids[0], d.position))
    return [to_event(d) for d in drafts]
