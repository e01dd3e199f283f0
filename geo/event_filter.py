"""A learned filter on the rules' drafts: whether a cue occurrence the rules built into a draft is an event
the gold annotations would accept, read from features that carry across wordings (action, language, how much
of the draft the sentence itself names, tense and modality words near the cue, the date's distance from
publication, where the sentence stands, how many drafts and places the sentence holds), not from its words.

The model is an L2 logistic regression trained by `python -m geo.learn train` into `event_filter.json`
beside this module, read once. Drafts scored under the model's threshold would be dropped before the
article's drafts are merged, so that a dropped draft does not drag a merged event down.

Not in use: measured by `python -m geo.learn eval`, the filter did not improve F1 on folders 61-65 (never
tuned on) and cross-validation on the tuned folders chose to keep every draft, so no model is shipped and
`screen` keeps every draft. It stays for the measurement: `recording` gives the training command the
candidates, with the same features extraction would compute.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from . import rules
from .actors import ActorMention, find_actors
from .forces import find_forces, force_by_name
from .merge import Draft
from .models import Article, PlaceMention
from .patterns import longest_first

__all__ = ["MODEL_PATH", "SCHEMA", "draft_features", "recording", "screen"]

MODEL_PATH = Path(__file__).with_name("event_filter.json")
SCHEMA = 1  # raised whenever the features change: a model of another schema is not used
_QUOTES = re.compile(r"[«»“”„\"]")
# No word features: measured by `python -m geo.learn eval` on the tuned folders' cross-validation (AUC of the
# drafts' out-of-fold scores, 0.63 without them), the cue word and its first five letters, the sentence's first word
# and the word before the place lowered it to 0.59-0.62 (they name the tuned articles' wording); two words either
# side of the cue raised it to 0.64 but not on folders 61-65 (0.60): both were left out.
_NEAR = 60  # characters before the cue in which a modality word counts as near
_recorders: list[list[tuple[Article, list[Draft], list[list[str]]]]] = []


@contextmanager
def recording() -> Iterator[list[tuple[Article, list[Draft], list[list[str]]]]]:
    """Within the block, `screen` keeps every draft and records (article, drafts, features): the candidates
    the training command labels. For the training command and tests: a recording is seen by every thread."""
    found: list[tuple[Article, list[Draft], list[list[str]]]] = []
    _recorders.append(found)
    try:
        yield found
    finally:
        _recorders.remove(found)


@cache
def _model() -> tuple[dict[str, float], float, float] | None:
    """(weights, bias, threshold) of the shipped model, or None without a usable file or one the training
    command did not enable (it enables a model only when asked to, after the held-out check)."""
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if data.get("schema") != SCHEMA or not data.get("enabled"):
        return None
    return dict(data["weights"]), float(data["bias"]), float(data["threshold"])


def probability(features: Sequence[str], model: tuple[dict[str, float], float, float]) -> float:
    """The model's probability that a draft with these features is an event."""
    weights, bias, _ = model
    z = bias + sum(weights.get(f, 0.0) for f in features)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def screen(
    drafts: list[Draft], article: Article, language: str, places: list[PlaceMention], main: str | None
) -> list[Draft]:
    """The drafts the model keeps (all of them while recording, or with no model)."""
    if not drafts:
        return drafts
    if _recorders:
        feats = draft_features(drafts, article, language, places, main)
        for found in _recorders:
            found.append((article, list(drafts), feats))
        return drafts
    model = _model()
    if model is None:
        return drafts
    feats = draft_features(drafts, article, language, places, main)
    return [d for d, f in zip(drafts, feats, strict=True) if probability(f, model) >= model[2]]


@cache
def _words(language: str) -> dict[str, re.Pattern[str]]:
    """The modality word lists of the language's rules, one pattern each."""
    actions = rules.load("actions", language) or {}
    syntax = rules.load("syntax", language) or {}
    lists = {
        key: actions.get(key, [])
        for key in (
            "negations",
            "conditionals",
            "irrealis",
            "claims",
            "questions",
            "threats",
            "denials",
            "reporting_verbs",
            "contrasts",
        )
    }
    for status, words in (actions.get("status_cues") or {}).items():
        lists[f"status_{status}"] = words
    lists["relative"] = syntax.get("relative_pronouns", [])
    lists["past"] = syntax.get("past_markers", [])
    lists["since"] = syntax.get("since_words", [])
    # the rules' entries are regex fragments ("den(?:y|ies|ied|ying)", "claims? that"), not plain words: they are
    # joined as they are, longest first (`alternation`/`spellings` would escape them)
    return {
        key: re.compile(rf"(?<![\w-])(?:{longest_first(words)})(?![\w])", re.IGNORECASE)
        for key, words in lists.items()
        if words
    }


@dataclass(frozen=True, slots=True)
class _Read:
    """What one sentence names, read once for all its drafts: forces, nations, and where each word list's
    matches end."""

    forces: set[str]
    actors: list[ActorMention]
    words: dict[str, list[int]]


def _bucket(value: float, edges: Sequence[float]) -> int:
    return sum(value >= e for e in edges)


def draft_features(
    drafts: Sequence[Draft], article: Article, language: str, places: list[PlaceMention], main: str | None
) -> list[list[str]]:
    """The features of each draft of one article (names; a feature is present or not)."""
    text = article.text
    size = max(1, len(text))
    per_sentence: dict[int, int] = {}
    per_cue: dict[int, int] = {}  # one cue, several drafts: the co-actors of a sentence's list of countries
    for d in drafts:
        start = d.position - d.cue
        per_sentence[start] = per_sentence.get(start, 0) + 1
        per_cue[d.position] = per_cue.get(d.position, 0) + 1
    # what the rest of the article says: a happening told more than once, the article's own actors and places
    support: dict[tuple, int] = {}
    actors_told: dict[str | None, int] = {}
    countries_told: dict[str | None, int] = {}
    for d in drafts:
        key = (d.action, d.force or d.actor_country, d.location.place.country)
        support[key] = support.get(key, 0) + 1
        actors_told[d.actor_country] = actors_told.get(d.actor_country, 0) + 1
        countries_told[d.location.place.country] = countries_told.get(d.location.place.country, 0) + 1
    top_actor = max(actors_told.values())
    top_country = max(countries_told.values())
    words = _words(language)
    read: dict[int, _Read] = {}
    title = (article.title or "").casefold()
    out = []
    for d in drafts:
        s = d.evidence
        start = d.position - d.cue
        end = start + len(s)
        cue = d.cue if 0 <= d.cue < len(s) else 0
        a, lang = d.action, language
        f = [f"a={a}", f"l={lang}", f"al={a}|{lang}"]
        f.append(f"s={d.status}")
        f.append(f"as={a}|{d.status}")
        # who: named in the sentence, or carried from before
        if start not in read:  # once per sentence: several drafts share one
            read[start] = _Read(
                {fm.force.name for fm in find_forces(s)},
                [x for x in find_actors(s, language) if x.country],
                {key: [m.end() for m in pattern.finditer(s)] for key, pattern in words.items()},
            )
        forces, actors, found = read[start].forces, read[start].actors, read[start].words
        force = force_by_name(d.force) if d.force else None
        if d.force:
            f.append("force=here" if d.force in forces else "force=carried")
            f.append(f"fkind={force.kind if force else '?'}")
        else:
            f.append("force=none")
        if d.actor_country:
            here = [x for x in actors if x.country == d.actor_country]
            f.append(f"actor=here|{here[0].kind}" if here else "actor=carried")
        else:
            f.append("actor=none")
        f.append(f"who={bool(d.force)}|{bool(d.actor_country)}")
        others = {x.country for x in actors if x.country and x.country != d.actor_country}
        f.append(f"other_actors={min(2, len(others))}")
        # where
        loc = d.location
        inside = start <= loc.start < end
        f.append(f"loc={loc.place.feature}|{'in' if inside else 'out'}")
        f.append(f"aloc={a}|{'in' if inside else 'out'}")
        if loc.place.country == d.actor_country:
            f.append("loc=home")
        if main and loc.place.country == main:
            f.append("loc=main")
        if title and loc.text.casefold() in title:
            f.append("loc=title")
        if d.destination is not None:
            f.append("dest")
        sentence_places = [p for p in places if start <= p.start < end]
        if inside:
            gap = len(s[min(cue, loc.start - start) : max(cue, loc.start - start)].split())
            f.append(f"loc_gap={_bucket(gap, (2, 5, 10, 20))}")
        elif any(p.place.country == loc.place.country for p in sentence_places):
            f.append("loc_country_named")
        if d.actor_country and any(p.place.country == d.actor_country for p in sentence_places):
            f.append("actor_place_named")
        f.append(f"places={min(4, len(sentence_places))}")
        f.append(f"countries={min(3, len({p.place.country for p in sentence_places}))}")
        # how many, when
        f.append(f"troops={_bucket(d.troops, (10, 100, 1000, 10000)) if d.troops else 'none'}")
        if d.date and d.published is not None and d.date[:4].isdigit():
            gap = d.published.year - int(d.date[:4])
            f.append(f"date={d.date_kind}|{d.date_precision}")
            f.append(f"years={'future' if gap < 0 else min(gap, 4)}")
            f.append(f"ayears={a}|{'future' if gap < 0 else min(gap, 2)}")
        else:
            f.append("date=none")
        # where the sentence stands, and what else it holds
        f.append(f"pos={_bucket(start / size, (0.05, 0.2, 0.4, 0.7))}")
        f.append(f"drafts={min(3, per_sentence[start])}")
        f.append(f"same_cue={min(3, per_cue[d.position])}")
        f.append(f"support={min(3, support[(a, d.force or d.actor_country, loc.place.country)] - 1)}")
        f.append(f"actor_told={min(3, actors_told[d.actor_country] - 1)}")
        if d.actor_country is not None and actors_told[d.actor_country] == top_actor:
            f.append("top_actor")
        if countries_told[loc.place.country] == top_country:
            f.append("top_country")
        f.append(f"len={_bucket(len(s.split()), (12, 25, 40))}")
        quotes = _QUOTES.findall(s)
        if quotes:
            f.append("quotes")
            if len(_QUOTES.findall(s, 0, cue)) % 2:
                f.append("in_quote")
        for key, ends in found.items():
            if any(cue - _NEAR < e <= cue for e in ends):
                f.append(f"near={key}")
            elif ends:
                f.append(f"sent={key}")
        f.append(f"conf={_bucket(d.confidence, (0.55, 0.65, 0.75, 0.85))}")
        if d.additive:
            f.append("additive")
        out.append(f)
    return out
