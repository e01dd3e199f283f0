"""Shortcuts of the extraction find exactly what the plain searches find: the troop nouns before a cue taken
from the sentence's troop nouns found once, on every sentence of the test articles at every cue start and
every word start."""

from __future__ import annotations

import re
from pathlib import Path

from geo.actions import find_triggers
from geo.corpus import load_corpus
from geo.events import _syntax, _troop_nouns_before
from geo.sentences import split_sentences

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
