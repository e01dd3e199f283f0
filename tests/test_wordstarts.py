"""A gated pattern (a look-ahead of the first letters its matches begin with) finds exactly what the pattern
finds: the same spans and groups, on every sentence of the test articles and on word salads that mix
accents, capitals, digits and letters whose case folding has exceptions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.actions import _cues
from geo.actors import _matcher as actor_matcher
from geo.corpus import load_corpus
from geo.dates import _grammar as date_grammar
from geo.events import _syntax
from geo.forces import _matcher as force_matcher
from geo.numbers import _grammar as number_grammar
from geo.sentences import split_sentences
from geo.wordstarts import gated

DATA = Path(__file__).parent / "data"
LANGUAGES = ("en", "fr", "de")


def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    """The patterns the extraction searches with, gated or not: a test of the gate on real rules."""
    cues = _cues(language)
    syntax = _syntax(language)
    return {
        "dates": date_grammar(language).pattern,
        "military": cues.military,
        "report": cues.report,
        "negation": cues.negation,
        **{  # what tells a cue of no happening (is_negated, removes_no_troops, in_past_relative)
            name: getattr(cues, name)
            for name in [
                "denial",
                "claim",
                "threat",
                "irrealis",
                "conditional",
                "condition_after",
                "head_after",
                "head_before",
                "reason",
                "ending",
                "no_troops",
                "cancellation",
                "political",
                "relative",
                "past",
                "since",
            ]
        },
        "actors": actor_matcher(language).pattern,
        "forces": force_matcher()[0],
        "counts": number_grammar(language).pattern,
        "troop_noun": syntax.troop_noun,
        "place_in": syntax.place_in,
        "place_from": syntax.place_from,
        "place_to": syntax.place_to,
        "place_veto": syntax.place_veto,
        "not_actor_after": syntax.not_actor_after,
        "possessive": syntax.possessive,
    }


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_date_phrases_are_gated(language: str) -> None:
    pattern = date_grammar(language).pattern
    assert gated(pattern) is not pattern  # every date phrase begins with a word or digit the grammar names


def test_a_pattern_that_may_start_in_any_word_is_left_as_it_is() -> None:
    # German troop nouns end compounds ("Bundeswehrsoldaten"); so may other rules ("(?:[\\w]+-)?Mission")
    assert gated(_syntax("de").troop_noun) is _syntax("de").troop_noun


def test_same_matches_on_every_test_article() -> None:
    folders = [p for p in sorted(DATA.glob("events*")) if p.is_dir()] + [DATA / "places" / "articles"]
    articles = load_corpus(folders).articles
    assert len(articles) > 20
    found = 0
    for article in articles:
        language = (article.language or "en")[:2]
        for name, pattern in _patterns(language).items():
            for sentence in split_sentences(article.text):
                plain = _found(pattern, sentence.text)
                assert _found(gated(pattern), sentence.text) == plain, (name, sentence.text)
                found += len(plain)
    assert found > 500


_WORDS = [
    "in",
    "the",
    "town",
    "of",
    "Gao",
    "Mali",
    "French",
    "française",
    "Französische",
    "Bundeswehr",
    "Barkhane",
    "MINUSMA",
    "soldiers",
    "Soldaten",
    "militaires",
    "troops",
    "said",
    "a",
    "annoncé",
    "teilte",
    "mit",
    "not",
    "ne",
    "pas",
    "nicht",
    "since",
    "depuis",
    "seit",
    "March",
    "mars",
    "März",
    "Monday",
    "lundi",
    "Montag",
    "2022",
    "12",
    "1,500",
    "3.",
    "12/05/2023",
    "ÉTÉ",
    "été",
    "Ende",
    "end",
    "fin",
    "ſince",
    "Kelvin",
    "İn",
    "ıt",
    "l'",
    "d’",
    "-",
    ",",
    ".",
    "their",
    "leurs",
    "ihre",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=20), st.sampled_from(LANGUAGES))
def test_same_matches_on_word_salads(words: list[str], language: str) -> None:
    text = " ".join(words)
    for name, pattern in _patterns(language).items():
        assert _found(gated(pattern), text) == _found(pattern, text), name
