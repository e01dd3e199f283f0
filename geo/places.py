"""Place mentions in text: which words name a place, and which place a person would say they mean.

Matching is a dictionary look-up of the capitalised word sequences of the folded text (at most a few
look-ups per capitalised word, so it reads megabytes a second). Deciding is the hard part, done in
three passes: words are dropped that only look like places (a title before them, a surname or a
company's word after them, a common word at the start of a sentence, a force's name); the countries the
article names become its focus; then each name picks its likeliest place from its prior (countries
before towns, big towns before small), the focus countries, the parent named beside it ("Aguelhok, in
northern Mali", "à Gao, au Mali") and whether it is the place's main name. A small town is kept only
when something in the article supports it.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from . import rules
from .actors import find_actors
from .gazetteer import ALT_PENALTY, Gazetteer, get_gazetteer
from .models import Article, PlaceMention
from .names import fold, fold_text, tokens

__all__ = ["find_mentions", "find_places"]

_MAX_WORDS = 6  # longer names ("United Kingdom of Great Britain and Northern Ireland") are not written in prose
_MAJOR_POPULATION = 150_000  # a town this big (or a capital) needs no support from the article
_MAJOR_EXONYM = 1_000_000  # ... when named by one of its alternate names, this big
_MAJOR_ELSEWHERE = 1_000_000  # ... this big, when the article names two or more countries, none of them its own
_KNOWN_WORD = 2.5  # zipf: a town's name this frequent in the language is known to readers anywhere
_BIG_CAPITAL = 500_000  # a capital this big opens a sentence as itself even if a common word (Paris, not Male)
_COMMON = 4.0  # zipf: a word this frequent is a word first (Mission, Union, Even), a place second
_VERY_COMMON = 5.5  # ... and this frequent, even a big town needs support to be meant (Essen, Halle)
_FUNCTION_WORD = 5.0  # zipf: "In", "Near", "Between" open a sentence before a place without being part of its name
_ADJECTIVE = 4.5  # zipf: a word this common before a big town describes it ("Greater London") rather than names
_SURNAME_ZIPF = 3.5  # a capitalised word rarer than this beside a place makes it part of a name
_SURNAME_ZIPF_NOUNS = 3.0  # ... in German, where nouns have capitals: Einmischung 3.4, Pistorius 2.9
_FAMOUS_RATIO = 5  # a famous town this many times bigger beats a small one that only the focus favours
_HOME_TOWN = 10_000  # a town this big in a country of the article's language needs no more support
_VILLAGE = 5_000  # smaller than this, a place abroad needs more than one mention of its country
_BROAD = frozenset({"country", "continent", "region", "water"})
_SENTENCE_END = frozenset('.!?:;\n«»"“”')
_JOINERS = frozenset({" ", "-", "'", "’", ". ", "."})  # "St. Louis", "U.S."
# Typography that means a plain space or hyphen here: no-break spaces (French « Mali », 1 000), tabs, hyphens.
_PLAIN_CHARS = "\u00a0\u202f\u2007\t\u2010\u2011"
_PLAIN = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\t": " ", "\u2010": "-", "\u2011": "-"})


@dataclass(frozen=True, slots=True)
class _Rules:
    """The place knowledge of every language, merged: an English article still quotes "M. Heappey"."""

    acronyms: frozenset[str]
    titles: frozenset[str]
    followers: frozenset[str]
    not_places: frozenset[str]
    not_place_starts: frozenset[str]
    parent_words: frozenset[str]
    focus: frozenset[str]
    articles: frozenset[str]
    noun_capitals: frozenset[str]
    home: dict[str, frozenset[str]]
    genitive: dict[str, tuple[str, ...]]
    compounds: dict[str, tuple[str, ...]]
    by_context: dict[str, dict[str, tuple[str, ...]]]  # language -> folded name -> countries, the default first


@cache
def _rules() -> _Rules:
    data = rules.load_all("places")

    def union(kind: str) -> frozenset[str]:
        return frozenset(fold(w) for d in data.values() for w in d.get(kind, ()))

    return _Rules(
        acronyms=union("acronyms"),
        titles=union("titles"),
        followers=union("name_followers"),
        not_places=union("not_places"),
        not_place_starts=frozenset(p.split(" ")[0] for p in union("not_places")),
        parent_words=union("parent_words"),
        focus=frozenset(c for d in data.values() for c in d.get("focus_countries", ())),
        articles=union("articles"),
        home={lang: frozenset(d.get("home_countries", ())) for lang, d in data.items()},
        noun_capitals=frozenset(lang for lang, d in data.items() if d.get("capitalises_nouns")),
        genitive={lang: tuple(d.get("genitive_suffixes", ())) for lang, d in data.items()},
        compounds={
            lang: tuple(fold(p) for p in d["compound_prefixes"])
            for lang, d in data.items()
            if d.get("compound_prefixes")
        },
        by_context={
            lang: {fold(name): tuple(isos) for name, isos in d.get("country_by_context", {}).items()}
            for lang, d in data.items()
        },
    )


@dataclass(slots=True)
class _Span:
    start: int
    end: int
    key: str
    first: int  # index of its first and last word in the token list
    last: int
    rows: tuple[int, ...]
    sentence_start: bool
    acronym: bool


def find_places(article: Article) -> list[PlaceMention]:
    """Place mentions of one article, with character offsets into `article.text`, in text order."""
    return find_mentions(article.text, article_id=article.id, language=article.language)


def find_mentions(text: str, *, article_id: str = "", language: str | None = None) -> list[PlaceMention]:
    """Place mentions of any text; `language` (en, fr, de) enables that language's word forms."""
    gaz = get_gazetteer()
    rl = _rules()
    original = text
    if any(c in text for c in _PLAIN_CHARS):
        text = text.translate(_PLAIN)  # same length: offsets hold for both
    toks = tokens(fold_text(text))
    spans = [s for s in _match(text, toks, gaz, rl, language) if _plausible(s, text, toks, gaz, rl, language)]
    focus = _focus(spans, gaz)
    hints = _parent_hints(spans, text, toks, gaz, rl)
    home = rl.home.get(language or "", frozenset())
    rows = _decide(spans, hints, focus, home, gaz, rl)
    towns = Counter(
        country
        for row in rows
        if row is not None and gaz.feature(row) in ("city", "village")
        for country in (gaz.country_of(row),)
        if country
    )
    added = set(towns) - set(focus)
    if added:  # the towns the article surely names are in its countries too (Hannover, then Wunstorf)
        rows = _decide(spans, hints, focus + towns, home, gaz, rl, before=rows, added=added)
    rows = _by_context(spans, rows, rl.by_context.get(language or "", {}), gaz)
    rows = _nearest_region(spans, rows, gaz)
    rows = _sentence_countries(spans, rows, text, gaz, hints, _adjective_countries(original, language))
    return [
        PlaceMention(article_id, span.start, span.end, original[span.start : span.end], gaz.place(row))
        for span, row in zip(spans, rows, strict=True)
        if row is not None
    ]


def _decide(
    spans: list[_Span],
    hints: dict[int, str],
    focus: Counter[str],
    home: frozenset[str],
    gaz: Gazetteer,
    rl: _Rules,
    *,
    before: list[int | None] | None = None,
    added: set[str] | None = None,
) -> list[int | None]:
    """The row of each span (None: not a place here); a name repeated in the same setting is decided once.
    Given the decisions `before` a few countries were `added` to the focus, only names with a place in
    one of those countries are decided again."""
    decided: dict[tuple, int | None] = {}
    out = []
    for i, span in enumerate(spans):
        if before is not None and added and not any(gaz.country_of(r if r >= 0 else ~r) in added for r in span.rows):
            out.append(before[i])
            continue
        setting = (span.key, span.rows, span.sentence_start, span.acronym, hints.get(i))
        if setting not in decided:
            decided[setting] = _resolve(span, gaz, rl, focus, home, hints.get(i))
        out.append(decided[setting])
    return out


def _by_context(
    spans: list[_Span], rows: list[int | None], table: dict[str, tuple[str, ...]], gaz: Gazetteer
) -> list[int | None]:
    """A country name that means one of several countries by language and article: English "Congo" is the DR Congo
    in today's news, French "Congo" is Brazzaville; either is the other when the article's other places (Goma,
    Kivu, RDC; Brazzaville) are in the other and none in the default."""
    if not table or not any(span.key in table for span in spans):
        return rows
    out = list(rows)
    for i, span in enumerate(spans):
        choices = table.get(span.key)
        named = rows[i]
        if not choices or named is None or gaz.feature(named) != "country":
            continue
        pairs = zip(spans, rows, strict=True)
        elsewhere = {gaz.country_of(row) for other, row in pairs if row is not None and other.key != span.key}
        chosen = next((c for c in choices[1:] if c in elsewhere and choices[0] not in elsewhere), choices[0])
        out[i] = gaz.country_row(chosen) if gaz.country_row(chosen) is not None else rows[i]
    return out


def _nearest_region(spans: list[_Span], rows: list[int | None], gaz: Gazetteer) -> list[int | None]:
    """A region name several countries share ("the Savanes region": Togo's and Côte d'Ivoire's, "Centre region")
    is the one of the country the text last placed something in before it, not of the article's main country."""
    out = list(rows)
    last: str | None = None
    for i, span in enumerate(spans):
        row = rows[i]
        if row is not None and gaz.feature(row) == "admin" and gaz.is_curated(row) and len(span.rows) > 1:
            options: dict[str | None, int] = {}
            for entry in span.rows:
                other = entry if entry >= 0 else ~entry
                if gaz.feature(other) == "admin":
                    options.setdefault(gaz.country_of(other), other)
            if last in options and last != gaz.country_of(row):
                out[i] = options[last]
        kept = out[i]
        if kept is not None and gaz.country_of(kept):
            last = gaz.country_of(kept)
    return out


# --------------------------------------------------------------------------- matching


def _joined(text: str, toks: list[tuple[int, int, str]], i: int) -> bool:
    """True when word i and word i+1 belong to one name: only a space, hyphen, apostrophe or "St. " between
    (a full stop joins only after a capital: "St. Louis", "U.S.", but "the region. Littoral" is two sentences)."""
    gap = text[toks[i][1] : toks[i + 1][0]]
    return gap in _JOINERS and (not gap.startswith(".") or text[toks[i][0]].isupper())


def _sentence_start(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t\"'“‘«(":
        j -= 1
    return j < 0 or text[j] in _SENTENCE_END


@lru_cache(maxsize=8192)  # a word, not a text: German nouns recur in every article ("Bundeswehr", "Soldaten")
def _country_in_word(word: str, language: str | None, gaz: Gazetteer) -> tuple[str, int] | None:
    """(country key, letters to drop at the end) for a German genitive or compound: Malis, Nordmali, Westmalis."""
    rl = _rules()
    if not language:
        return None
    forms = [(word, 0)]
    forms += [(word[: -len(s)], len(s)) for s in rl.genitive.get(language, ()) if word.endswith(s)]
    for prefix in rl.compounds.get(language, ()):
        forms += [(form[len(prefix) :], cut) for form, cut in forms if form.startswith(prefix)]
    for form, cut in forms[1:]:
        if len(form) > 2 and _names_country(form, gaz):
            return form, cut
    return None


def _walk(
    text: str, toks: list[tuple[int, int, str]], i: int, prefixes: frozenset[str] | None
) -> Iterator[tuple[int, str]]:
    """(last word, folded key) of each word sequence from word i that could be one name: "burkina",
    "burkina faso"; it stops at punctuation, after _MAX_WORDS words, or where no longer name goes on."""
    key, j, n = toks[i][2], i, len(toks)
    while True:
        yield j, key
        if (prefixes is not None and key not in prefixes) or j + 1 >= n or j - i + 1 >= _MAX_WORDS:
            return
        if not _joined(text, toks, j):
            return
        j += 1
        key = f"{key} {toks[j][2]}"


def _blocked_last(text: str, toks: list[tuple[int, int, str]], i: int, rl: _Rules) -> int:
    """Index of the last word of the longest not-a-place phrase starting at word i, or -1."""
    return max((j for j, key in _walk(text, toks, i, None) if key in rl.not_places), default=-1)


def _dateline(text: str, start: int, stop: int) -> bool:
    """A wire dateline names a place in capitals: "DAKAR, Dec 14 (Reuters) -", "N'DJAMENA, Chad (AP) —"."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[stop : stop + 2].startswith((",", " (", " -", " —", " –"))


def _is_country(entry: int, gaz: Gazetteer) -> bool:
    return gaz.feature(entry if entry >= 0 else ~entry) == "country"


def _names_country(key: str, gaz: Gazetteer) -> bool:
    """True when `key` names a country (countries come first among a name's places)."""
    rows = gaz.rows(key)
    return bool(rows) and _is_country(rows[0], gaz)


def _may_end(text: str, toks: list[tuple[int, int, str]], j: int, key: str, gaz: Gazetteer) -> bool:
    """A name of several words ends on a capital ("Burkina Faso", "Gao’an"), not on a lower-case word
    after a space ("Gao an die Vereinten Nationen"), unless it is a curated name ("tri-border area") or a
    country's full name."""
    start = toks[j][0]
    if text[start].isupper() or text[toks[j - 1][1] : start] in ("-", "'", "’", "‑"):
        return True
    if _names_country(key, gaz):
        return True  # a country's name in full ("République centrafricaine", "Guinée équatoriale")
    return any(gaz.is_curated(r if r >= 0 else ~r) for r in gaz.rows(key))


def _longest_end(text: str, toks: list[tuple[int, int, str]], i: int, gaz: Gazetteer) -> int:
    """End offset of the longest name starting at word i, or -1."""
    ends = [
        toks[j][1]
        for j, key in _walk(text, toks, i, gaz.prefixes)
        if key in gaz.index and (j == i or _may_end(text, toks, j, key, gaz))
    ]
    return ends[-1] if ends else -1


def _longest_at(
    text: str, toks: list[tuple[int, int, str]], i: int, gaz: Gazetteer, suffixes: tuple[str, ...]
) -> tuple[int, str, int] | None:
    """(last word, key, end offset) of the longest known name from word i on, or None."""
    best = None
    index = gaz.index
    for j, key in _walk(text, toks, i, gaz.prefixes):
        if key in index and (j == i or _may_end(text, toks, j, key, gaz)):
            best = (j, key, toks[j][1])
        elif j > i and suffixes:  # "im Norden Burkina Fasos"
            for suffix in suffixes:
                stem = key[: -len(suffix)]
                if key.endswith(suffix) and _names_country(stem, gaz):
                    best = (j, stem, toks[j][1] - len(suffix))
    return best


def _match(
    text: str, toks: list[tuple[int, int, str]], gaz: Gazetteer, rl: _Rules, language: str | None
) -> list[_Span]:
    """The longest known name at each capitalised word, left to right, never overlapping."""
    spans: list[_Span] = []
    index, prefixes, lower_first = gaz.index, gaz.prefixes, gaz.lower_first
    suffixes = rl.genitive.get(language or "", ())
    covered = -1
    for i in [k for k, (s, _, w) in enumerate(toks) if text[s].isupper() or w in lower_first]:
        if i <= covered:
            continue
        start, end, word = toks[i]
        head = text[start]
        best: tuple[int, str, int] | None = None  # (last word, key, end offset)
        if word not in prefixes:  # no longer name starts with this word: only the word itself (most words)
            best = (i, word, end) if word in index else None
        else:
            best = _longest_at(text, toks, i, gaz, suffixes)
        if word in rl.not_place_starts:
            blocked = _blocked_last(text, toks, i, rl)
            if blocked >= (best[0] if best else i):
                covered = blocked  # "Quai d'Orsay", "White House": a government, not a place
                continue
        if (suffixes or language in rl.compounds) and (
            best is None or (best[0] == i and not _names_country(word, gaz))
        ):
            inside = _country_in_word(word, language, gaz)
            if inside is not None:
                best = (i, inside[0], end - inside[1])
        if best is None:
            continue
        last, key, stop = best
        later = [_longest_end(text, toks, k, gaz) for k in range(i + 1, last + 1)]
        if any(e > stop for e in later) or (word in rl.articles and later and later[-1] == stop):
            continue  # "La Côte d'Ivoire", "le fleuve Niger": the name that starts later reaches as far
        rows = gaz.rows(key)
        if not head.isupper():  # a lower-case start ("lac Tchad", "le Sahel") is for curated names only
            rows = tuple(r for r in rows if gaz.is_curated(r if r >= 0 else ~r))
            if not rows:
                continue
        surface = text[start:stop]
        spans.append(
            _Span(
                start=start,
                end=stop,
                key=key,
                first=i,
                last=last,
                rows=rows,
                sentence_start=_sentence_start(text, start),
                acronym=not surface[1:].islower()  # the usual "Gao" is decided at once
                and any(a.isupper() and b.isupper() for a, b in pairwise(surface))  # EU, FAMa; not N'Djamena
                and not _dateline(text, start, stop),
            )
        )
        covered = last
    return spans


# --------------------------------------------------------------------------- lexical filters


def _plausible(
    span: _Span, text: str, toks: list[tuple[int, int, str]], gaz: Gazetteer, rl: _Rules, language: str | None
) -> bool:
    """False for words that only look like a place: EU, Mr. Happy, Florence Parly, Oxford Analytica, Wagner."""
    if span.key in rl.not_places:
        return False
    if span.acronym and span.key not in rl.acronyms:
        return False
    # Where every noun has a capital, rarer nouns follow a place too ("warf Paris Einmischung vor").
    rare = _SURNAME_ZIPF_NOUNS if language in rl.noun_capitals else _SURNAME_ZIPF
    if span.first > 0:
        prev_start, prev_end, prev = toks[span.first - 1]
        gap = text[prev_end : span.start]
        if prev in rl.titles and gap in (" ", ". "):
            return False
        if gap in (" ", "-") and _looks_like_name(text, prev_start, prev, gaz, rare) and not _broad_only(span, gaz):
            return False  # Nathaniel Powell, Assimi Goïta
        if (
            gap == " "
            and language not in rl.noun_capitals
            and text[prev_start].isupper()
            and (not _sentence_start(text, prev_start) or gaz.zipf.get(prev, 0.0) < _FUNCTION_WORD)
            and not _broad_only(span, gaz)
            and (not _major_only(span, gaz) or gaz.zipf.get(prev, 0.0) < _ADJECTIVE)
        ):
            return False  # Camp Castor, Lloyd Austin: part of a longer proper name (not "Near Gao", "Greater London")
    if span.last + 1 < len(toks):
        next_start, _, nxt = toks[span.last + 1]
        gap = text[span.end : next_start]
        if gap in (" ", "-") and text[next_start].isupper():
            two = f"{nxt} {toks[span.last + 2][2]}" if span.last + 2 < len(toks) else nxt
            if nxt in rl.followers or two in rl.followers:
                return False  # Brussels Airlines, Paris Saint-Germain
            if _looks_like_name(text, next_start, nxt, gaz, rare):
                return False  # Florence Parly, Jordan Bardella, Oxford Analytica
    return True


def _looks_like_name(text: str, start: int, word: str, gaz: Gazetteer, rare: float) -> bool:
    """A capitalised word rarer than `rare`, not at a sentence start: a person's or a company's name."""
    return (
        text[start].isupper()
        and not _sentence_start(text, start)
        and gaz.zipf.get(word, 0.0) < rare
        and not word.isdigit()
    )


def _major_only(span: _Span, gaz: Gazetteer) -> bool:
    first = span.rows[0]
    row = first if first >= 0 else ~first
    return gaz.population(row) >= _MAJOR_POPULATION or gaz.is_capital(row) or gaz.is_curated(row)


def _broad_only(span: _Span, gaz: Gazetteer) -> bool:
    first = span.rows[0]
    return gaz.feature(first if first >= 0 else ~first) in _BROAD


# --------------------------------------------------------------------------- context


def _focus(spans: list[_Span], gaz: Gazetteer) -> Counter[str]:
    """The countries the article names, with their counts (two a mention, one for a province of only one country)."""
    focus: Counter[str] = Counter()
    for span in spans:
        first = span.rows[0]
        row = first if first >= 0 else ~first
        if gaz.feature(row) == "country":
            focus[gaz.country_of(row) or ""] += 2
        elif gaz.feature(row) == "admin" and len({gaz.country_of(r if r >= 0 else ~r) for r in span.rows}) == 1:
            focus[gaz.country_of(row) or ""] += 1  # "Palma and Macomia in Cabo Delgado": a province names its country
    focus.pop("", None)
    return focus


def _parent_hints(
    spans: list[_Span], text: str, toks: list[tuple[int, int, str]], gaz: Gazetteer, rl: _Rules
) -> dict[int, str]:
    """Span index -> the country named right after it: "Gao, Mali", "Aguelhok, in northern Mali", "à Gao, au Mali"."""
    hints: dict[int, str] = {}
    for i in range(len(spans) - 1):
        here, there = spans[i], spans[i + 1]
        parent = _country_row(there, gaz)
        if parent is None:
            continue
        gap = text[here.end : there.start]
        if len(gap) > 40 or "\n" in gap or not gap.strip(" ") or gap.strip(" ")[0] not in ",(":
            continue
        words = [w for _, _, w in toks[here.last + 1 : there.first]]
        if all(w in rl.parent_words for w in words):
            hints[i] = gaz.country_of(parent) or ""
    return hints


_SENTENCE_BREAK = re.compile(r"[.!?](?=\s+[A-ZÀ-ÖØ-Þ«\"“])|\n")


def _adjective_countries(text: str, language: str | None) -> list[tuple[int, str]]:
    """(position, country) of the nationality adjectives of a text ("malienne", "nigerianische"): a sentence that
    names a nation by its adjective only ("un drone de l'armée de l'air malienne a frappé ... près de Léré")
    says which country's town of a shared name it means."""
    if language is None:
        return []
    kinds = ("adjective", "army", "demonym")  # "malienne", "the Malian army", "die nigerianische Luftwaffe"
    return [(a.start, a.country) for a in find_actors(text, language) if a.kind in kinds and a.country]


def _sentence_countries(
    spans: list[_Span],
    rows: list[int | None],
    text: str,
    gaz: Gazetteer,
    hints: dict[int, str],
    adjectives: Sequence[tuple[int, str]] = (),
) -> list[int | None]:
    """A name taken for a town that several countries have, one of them named in the same sentence ("in Mali,
    where the last soldiers left the northern town of Gao" in an article about Burkina Faso, which has a Gao
    too): the town of the country the sentence names, when it names exactly one that has such a town (and
    no capital or metropolis of the name is elsewhere: "the US told Paris")."""
    out = list(rows)
    breaks = [m.start() for m in _SENTENCE_BREAK.finditer(text)]
    sentence = [bisect.bisect_left(breaks, span.start) for span in spans]
    named: dict[int, set[str]] = {}
    for i, row in enumerate(rows):
        if row is not None and gaz.feature(row) == "country":
            named.setdefault(sentence[i], set()).add(gaz.country_of(row) or "")
    by_adjective: dict[int, set[str]] = {}
    for at, code in adjectives:
        by_adjective.setdefault(bisect.bisect_left(breaks, at), set()).add(code)
    for i, span in enumerate(spans):
        if i in hints or len(span.rows) < 2 or rows[i] is None:
            continue
        countries = {gaz.country_of(r if r >= 0 else ~r) for r in span.rows}
        if len(countries) < 2 or any(gaz.feature(r if r >= 0 else ~r) in _BROAD for r in span.rows):
            continue
        here = named.get(sentence[i], set()) & countries
        if not here:  # no country named by its name: one named by its adjective
            here = by_adjective.get(sentence[i], set()) & countries
        if len(here) != 1:
            continue
        code = next(iter(here))
        others = [r if r >= 0 else ~r for r in span.rows]
        if any(gaz.country_of(r) != code and (gaz.is_capital(r) or gaz.population(r) >= _MAJOR_EXONYM) for r in others):
            continue  # "the US told Paris": a capital or a metropolis is meant over a namesake of the country named
        row = rows[i]
        if row is not None and gaz.country_of(row) != code:
            out[i] = max((r for r in others if gaz.country_of(r) == code), key=gaz.prior)
    return out


def _country_row(span: _Span, gaz: Gazetteer) -> int | None:
    for r in span.rows:
        row = r if r >= 0 else ~r
        if gaz.feature(row) == "country":
            return row
    return None


# --------------------------------------------------------------------------- deciding


def _resolve(
    span: _Span, gaz: Gazetteer, rl: _Rules, focus: Counter[str], home: frozenset[str], parent: str | None
) -> int | None:
    """The row a person would take the name for, or None when the article does not support any.

    `home`: the countries of the article's language (Koblenz needs no "Deutschland" in a German article)."""
    common = min(gaz.zipf.get(word, 0.0) for word in span.key.split(" "))  # "Les Attaques" is two words
    scored = sorted(((_score(r if r >= 0 else ~r, r < 0, gaz, rl, focus, parent), r) for r in span.rows), reverse=True)
    if not scored:
        return None
    best_row, alternate = _famous_over_obscure(scored, gaz, parent)
    feature = gaz.feature(best_row)
    if feature in _BROAD or gaz.is_curated(best_row):
        return best_row
    country = gaz.country_of(best_row)
    if span.acronym:
        return None
    if gaz.is_capital(best_row) and (
        not span.sentence_start or common < _COMMON or gaz.population(best_row) >= _BIG_CAPITAL
    ):
        return best_row  # "Washington has 800 soldiers", "Paris maintient", not "Male soldiers"
    if span.sentence_start and common >= _COMMON:
        return None  # "Even if...", "Still, France disputed..."
    if parent is not None and parent == country:
        return best_row
    pop = gaz.population(best_row)
    supported = country in focus or country in rl.focus
    major = _MAJOR_EXONYM if alternate else _MAJOR_POPULATION  # Moskau is Moscow; Boni is not Bonn
    # "the islands around Boma" in an article about Chad, Nigeria and Niger is not Boma in DR Congo: a town of a
    # country the article never names, when it names several, must be famous enough to be meant anywhere
    # (a town written about often enough to be a word of the language, Geneva, Toulon, is famous enough)
    settled = len(focus) >= 2 and not supported and common < _KNOWN_WORD
    if pop >= (max(major, _MAJOR_ELSEWHERE) if settled else major) and (common < _VERY_COMMON or supported):
        return best_row
    if country in home and pop >= _HOME_TOWN and not alternate and common < _COMMON + math.log10(pop / _HOME_TOWN) / 2:
        return best_row  # a home town is a frequent word of its language (Koblenz); the bigger, the more so
    if common >= _COMMON and not (country in focus and common < _ADJECTIVE and pop >= _VILLAGE and not alternate):
        return None  # a common word is a town only in a country the article names ("à Bol, au Tchad")
    if country in rl.focus:
        return best_row
    if country in focus and (pop >= _VILLAGE or focus[country] >= 4):  # type: ignore[index]  # in focus: a str
        return best_row  # a village abroad needs its country named twice: "Camp Castor" is no English village
    return None


def _famous_over_obscure(scored: list[tuple[float, int]], gaz: Gazetteer, parent: str | None) -> tuple[int, bool]:
    """(row, named by an alternate name) of the best-scored place, unless a town of the article's countries won
    only by the focus bonus over a famous one five times its size: "a spokesman in Geneva" is in
    Switzerland even when the article names the United States. A parent named beside it, or our own
    curation, decides."""
    _, first = scored[0]
    row = first if first >= 0 else ~first
    if parent is not None or gaz.feature(row) in _BROAD or gaz.is_curated(row) or _famous(first, gaz):
        return row, first < 0
    floor = _FAMOUS_RATIO * (gaz.population(row) + 1)
    for _, entry in scored[1:]:
        other = entry if entry >= 0 else ~entry
        if _famous(entry, gaz) and gaz.population(other) >= floor:
            return other, entry < 0
    return row, first < 0


def _famous(entry: int, gaz: Gazetteer) -> bool:
    """A capital, or a town big enough (by its main name) to be meant anywhere."""
    row = entry if entry >= 0 else ~entry
    if gaz.feature(row) not in ("city", "village"):
        return False
    return gaz.is_capital(row) or gaz.population(row) >= (_MAJOR_EXONYM if entry < 0 else _MAJOR_POPULATION)


def _score(row: int, alternate: bool, gaz: Gazetteer, rl: _Rules, focus: Counter[str], parent: str | None) -> float:
    feature = gaz.feature(row)
    score = gaz.prior(row) - (ALT_PENALTY if alternate else 0.0)
    country = gaz.country_of(row)
    if feature not in _BROAD and country:
        if parent is not None:
            score += 12.0 if country == parent else -6.0
        if country in focus:
            score += 3.0 + min(focus[country], 6) * 0.25
        elif country in rl.focus:
            score += 1.0
    return score
