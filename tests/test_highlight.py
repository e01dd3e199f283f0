"""The Sources page's highlights: the article's own words for places, forces, troops and dates, safely."""

from __future__ import annotations

import datetime as dt
import itertools

from geo.highlight import highlight_markdown, spans_for
from geo.models import Article
from geo.places import find_places


def _marked(article: Article) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for span in spans_for(article, find_places(article), []):
        out.setdefault(span.kind, []).append(article.text[span.start : span.end])
    return out


def test_each_kind_is_found_in_the_articles_own_words_in_any_case() -> None:
    article = Article(
        id="fr1",
        text="Près de 300 soldats britanniques sont présents à Gao depuis la fin 2020 au sein de la Minusma.",
        published=dt.date(2022, 11, 15),
        language="fr",
    )
    marked = _marked(article)
    assert marked["place"] == ["Gao"]
    assert marked["force"] == ["Minusma"]
    assert any("300" in words for words in marked["troops"])
    assert any("2020" in words for words in marked["date"])


def test_spans_never_overlap_and_markdown_stays_literal() -> None:
    text = "Die Bundeswehr zieht rund 250 Soldaten aus Gao ab. [click](javascript:alert(1)) <b>x</b>"
    article = Article(id="de1", text=text, published=dt.date(2023, 5, 17), language="de")
    spans = spans_for(article, find_places(article), [])
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    markdown = highlight_markdown(text, spans)
    assert "](javascript" not in markdown
    assert "<b>" not in markdown
