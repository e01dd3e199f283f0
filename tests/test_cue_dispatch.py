"""The fast search for action cues (only the cues whose first letters fit, at word starts) finds exactly
what one search with the union of every cue finds, and status cues what each kind's own search finds:
on every test article and on random word salads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.actions import _cues, find_triggers, status_cues
from geo.corpus import load_corpus
from geo.sentences import split_sentences

DATA = Path(__file__).parent / "data"


def _plain(text: str, language: str) -> list[tuple[int, int, str]]:
    """The reference: the leftmost match of the union, then the longest cue starting there."""
    cues = _cues(language)
    out, pos = [], 0
    while (hit := cues.any_trigger.search(text, pos)) is not None:
        best = None
        for pattern, spec in cues.triggers:
            m = pattern.match(text, hit.start())
            if m is not None and (best is None or m.end() > best[0].end()):
                best = (m, spec)
        assert best is not None
        m, spec = best
        out.append((m.start(), m.end(), str(spec["action"])))
        pos = max(m.end(), hit.start() + 1)
    return out


def _fast(text: str, language: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.action) for t in find_triggers(text, language)]


def _plain_status(text: str, language: str) -> dict[str, list[tuple[int, int]]]:
    return {name: [m.span() for m in pattern.finditer(text)] for name, pattern in _cues(language).status.items()}


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_dispatch_is_used(language: str) -> None:
    assert _cues(language).starts is not None  # every cue's start could be read: the fast path runs
    assert _cues(language).status_heads is not None


def test_same_cues_on_every_test_article() -> None:
    folders = [p for p in sorted(DATA.glob("events*")) if p.is_dir()] + [DATA / "places" / "articles"]
    articles = load_corpus(folders).articles
    assert len(articles) > 20
    found = 0
    for article in articles:
        language = (article.language or "en")[:2]
        for sentence in split_sentences(article.text):
            assert _fast(sentence.text, language) == _plain(sentence.text, language), sentence.text
            assert status_cues(sentence.text, language) == _plain_status(sentence.text, language), sentence.text
            found += len(_plain(sentence.text, language))
    assert found > 50


_WORDS = [
    "troops",
    "deployed",
    "withdrew",
    "withdrawal",
    "Truppen",
    "abgezogen",
    "Abzug",
    "retrait",
    "retirer",
    "déployés",
    "soldats",
    "Soldaten",
    "the",
    "le",
    "die",
    "base",
    "camp",
    "closed",
    "fermé",
    "geschlossen",
    "sent",
    "envoyé",
    "entsandt",
    "Mali",
    "Gao",
    "ÜBERGABE",
    "Éléments",
    "Kelvin",
    "K",
    "ſent",
    "ende",
    "fin",
    "end",
    "of",
    "mission",
    "to",
    "from",
    "à",
    "de",
    "nach",
    "aus",
    ",",
    ".",
    "1,500",
    "l'",
    "d’",
    "will",
    "we'll",
    "’ll",
    "soll",
    "sollen",
    "doit",
    "has",
    "have",
    "been",
    "a",
    "ont",
    "sind",
    "expected",
    "to",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=25), st.sampled_from(["en", "fr", "de"]))
def test_same_cues_on_word_salads(words: list[str], language: str) -> None:
    text = " ".join(words)
    assert _fast(text, language) == _plain(text, language)
    assert status_cues(text, language) == _plain_status(text, language)
