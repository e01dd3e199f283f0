"""The words `wordstarts.required` reads from a pattern are in every text the pattern matches in: a sentence
that lacks them may skip the search (actions._triggers does for the cues tried at every word start), so a
wrong requirement would lose events. Checked on every sentence of the test articles, on word salads with
letters whose case folding has exceptions, and on hand-made patterns."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.actions import _cues, _gated_cues
from geo.corpus import load_corpus
from geo.sentences import split_sentences
from geo.wordstarts import Spared, lowered, may_match, required

from .test_wordstarts import _WORDS, LANGUAGES, _patterns

DATA = Path(__file__).parent / "data"


@cache
def _all_patterns(language: str) -> dict[str, tuple[re.Pattern[str], tuple[tuple[str, ...], ...]]]:
    """Each pattern with its requirement, read once (parsing the big ones takes a while)."""
    cues = {f"cue {k}": p for k, (p, _) in enumerate(_cues(language).triggers)}
    return {name: (p, required(p)) for name, p in {**_patterns(language), **cues}.items()}


def _sound(pattern: re.Pattern[str], text: str, needs: tuple[tuple[str, ...], ...] | None = None) -> bool:
    needs = required(pattern) if needs is None else needs
    return pattern.search(text) is None or may_match(needs, lowered(text))


def test_every_match_holds_the_required_words_on_the_test_articles() -> None:
    folders = [p for p in sorted(DATA.glob("events*")) if p.is_dir()]
    articles = load_corpus(folders).articles
    spared = 0
    for article in articles:
        language = (article.language or "en")[:2]
        patterns = _all_patterns(language)
        for sentence in split_sentences(article.text):
            for name, (pattern, needs) in patterns.items():
                assert _sound(pattern, sentence.text, needs), (name, sentence.text)
                spared += not may_match(needs, lowered(sentence.text))
    assert spared > 1000  # the requirement does spare searches


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*_WORDS, "Einsatz", "beendet", "EINSÄTZE", "Mandat", "ſtützpunkt"]), max_size=20))
def test_every_match_holds_the_required_words_on_word_salads(words: list[str]) -> None:
    text = " ".join(words)
    for language in LANGUAGES:
        for name, (pattern, needs) in _all_patterns(language).items():
            assert _sound(pattern, text, needs), (name, text)


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"(?i)\w*(?:einsatz|mission)\w* (?:beend\w*|lief)", "Der EINSATZ wurde BEENDET"),
        (r"(?i)stützpunkt", "der Stüẞtzpunkt"),  # no requirement may be read wrongly from unusual letters
        (r"(?i)since", "ſince"),  # "ſ" matches "s" ignoring case: the text cannot be told, so it is searched
        (r"(?i)kelvin", "\u212aelvin"),  # the Kelvin sign lower-cases to "k" both ways
        (r"(?i)İstanbul", "istanbul"),  # "İ" lower-cases to two letters: no requirement from it
        (r"(?i)ΟΔΟΣ", "οδος"),  # a final sigma
        (r"(?:ab|cd)(?:ef)?gh", "cdgh"),
    ],
)
def test_hand_made_cases(pattern: str, text: str) -> None:
    assert _sound(re.compile(pattern), text)


def test_what_is_required() -> None:
    assert required(re.compile(r"(?i)\w*(?:einsatz|mission)s?\w* (?:beend\w*|lief)")) == (
        ("einsatz", "mission"),
        ("beend", "lief"),
    )
    assert required(re.compile(r"(?:a|bc)x?")) == ()  # a letter is no requirement worth a test
    assert required(re.compile(r"(?:foo)*bar")) == (("bar",),)


def test_spared_patterns_answer_as_the_patterns_on_the_test_articles() -> None:
    folders = [p for p in sorted(DATA.glob("events*")) if p.is_dir()]
    articles = load_corpus(folders).articles[::3]
    for article in articles:
        language = (article.language or "en")[:2]
        fast = vars(_gated_cues(language))
        for sentence in split_sentences(article.text):
            text = sentence.text
            for name, pattern in fast.items():
                plain = pattern.regex if isinstance(pattern, Spared) else pattern
                assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)], name
                for at in (0, len(text) // 2):
                    for how in ("search", "match"):
                        got, want = getattr(pattern, how)(text, at), getattr(plain, how)(text, at)
                        assert (got and got.span()) == (want and want.span()), (name, how, text)
                head = text[:12]
                assert bool(pattern.fullmatch(head)) == bool(plain.fullmatch(head)), name
