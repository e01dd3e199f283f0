"""Shortcuts of the extraction find exactly what the plain searches find, on every sentence of the test
articles: the troop nouns before a cue taken from the sentence's troop nouns found once (at every cue start
and every word start), counts tried only at word starts, the marks of the cost table read word first, the
cues that fit a word's first letters looked up by its first letter."""

from __future__ import annotations

import random
import re
import string
from pathlib import Path

from geo import rules
from geo.actions import _cues, find_triggers
from geo.corpus import load_corpus
from geo.events import _breaks, _syntax
from geo.numbers import COUNT_START
from geo.numbers import _grammar as number_grammar
from geo.owners import _troop_nouns_before
from geo.sentences import split_sentences
from geo.wordstarts import HEAD, _fitting_all, fitting

DATA = Path(__file__).parent / "data"


def _sentences() -> list[tuple[str, str]]:
    folders = [p for p in sorted(DATA.glob("events*")) if p.is_dir()] + [DATA / "places" / "articles"]
    out = []
    for article in load_corpus(folders).articles:
        language = (article.language or "en")[:2]
        out.extend((s.text, language) for s in split_sentences(article.text))
    return out


def test_troop_nouns_before_a_cue_as_in_the_cut_text() -> None:
    checked = 0
    for text, language in _sentences():
        syn = _syntax(language)
        ends = {t.start for t in find_triggers(text, language)} | {m.start() for m in re.finditer(r"\w+", text)}
        for end in sorted(ends | {0, len(text)}):
            plain = [m.span() for m in syn.troop_noun.finditer(text, 0, end)]
            assert [m.span() for m in _troop_nouns_before(syn, text, end)] == plain, (text, end)
            checked += 1
    assert checked > 1000


def test_counts_start_as_at_any_word_boundary() -> None:
    for language in ("en", "fr", "de"):
        fast = number_grammar(language).pattern
        assert fast.pattern.startswith(COUNT_START)
        plain = re.compile(r"(?=\d|\b)" + fast.pattern[len(COUNT_START) :], fast.flags)
        for text, lang in _sentences():
            if lang == language:
                found = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
                assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)], text


def _word(m: re.Match[str]) -> str | None:
    return "w" if m.lastgroup == "x" else m.lastgroup


def test_marks_as_breaks_then_comma_then_word() -> None:
    for language in ("en", "fr", "de"):
        spec = rules.load("syntax", language)
        breaks = spec["clause_breaks"]
        plain = re.compile(  # no break after "mehr"; "3,000" one word
            "(?P<b>" + _breaks(spec) + r")|(?P<w>\d{1,3}(?:,\d{3})+(?!\d))|(?P<c>,)|(?P<x>\w+(?:['’-]\w+)*)"
        )
        fast = _syntax(language).marks
        for text, _ in _sentences():
            found = [(m.span(), m.lastgroup) for m in fast.finditer(text)]
            assert found == [(m.span(), _word(m)) for m in plain.finditer(text)], text
            mixed = text + " ".join(breaks) + ", ".join(b.strip() + "x" for b in breaks)
            found = [(m.span(), m.lastgroup) for m in fast.finditer(mixed)]
            assert found == [(m.span(), _word(m)) for m in plain.finditer(mixed)], mixed


def test_cues_fitting_a_word_start_as_when_every_cue_is_tried() -> None:
    letters = string.ascii_letters + "éÉüÜßſİıçÇ’'0123456789-_ÀàøØ\u212a"  # K: the Kelvin sign folds to k
    rng = random.Random(4)
    heads = {"".join(rng.choice(letters) for _ in range(rng.randint(1, HEAD))) for _ in range(5000)}
    heads |= {m.group(0)[:HEAD] for text, _ in _sentences() for m in re.finditer(r"\w+", text)}
    for language in ("en", "fr", "de"):
        cues = _cues(language)
        for table in (cues.heads, cues.status_heads[0] if cues.status_heads else ()):
            for head in heads:
                assert fitting(table, head) == _fitting_all(table, head), (language, head)
