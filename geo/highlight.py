"""An article's text with its places, forces, troop numbers and dates marked, as safe Markdown.

Spans come from the place mentions (exact offsets), from the extraction's own recognisers run over the
article (force aliases in any case, troop counts, dates: the article's words, not a merged event's words
that another article may have given), and from the words the article's events were read from. Every
character of the article goes through `md_literal`, so nothing in it can become a link, an image or HTML.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .dates import find_dates
from .display import md_literal
from .forces import find_forces
from .models import Article, Event, PlaceMention
from .numbers import find_troop_counts

__all__ = ["KINDS", "Span", "highlight_markdown", "spans_for"]

# kind -> Streamlit Markdown colour
KINDS = {"place": "blue", "force": "violet", "troops": "orange", "date": "green"}


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    kind: str


def _find_all(text: str, needle: str) -> Iterable[int]:
    if not needle or len(needle) < 2:
        return
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + len(needle))


def spans_for(article: Article, mentions: Iterable[PlaceMention], events: Iterable[Event]) -> list[Span]:
    """Non-overlapping spans, earliest first; place offsets win over words found by search."""
    text = article.text
    spans = [Span(m.start, m.end, "place") for m in mentions if m.article_id == article.id and 0 <= m.start < m.end]
    language = article.language or "en"
    spans += [Span(f.start, f.end, "force") for f in find_forces(text)]
    spans += [Span(c.start, c.end, "troops") for c in find_troop_counts(text, language)]
    spans += [Span(d.start, d.end, "date") for d in find_dates(text, language, article.published)]
    for event in events:
        if article.id not in event.article_ids:
            continue
        for kind, words in (("force", event.force), ("troops", event.troops_text), ("date", event.date_text)):
            for start in _find_all(text, words or ""):
                spans.append(Span(start, start + len(words or ""), kind))
    spans.sort(key=lambda s: (s.start, s.kind != "place", -(s.end - s.start)))
    out: list[Span] = []
    for span in spans:
        if span.end <= len(text) and (not out or span.start >= out[-1].end):
            out.append(span)
    return out


def highlight_markdown(text: str, spans: Sequence[Span]) -> str:
    """The text as Markdown with each span on a coloured background; everything else literal."""
    parts: list[str] = []
    pos = 0
    limit = len(text) + 1
    for span in spans:
        if span.start < pos:
            continue
        parts.append(md_literal(text[pos : span.start], limit=limit))
        inner = md_literal(text[span.start : span.end], limit=limit).replace("\n", " ")
        parts.append(f":{KINDS.get(span.kind, 'gray')}-background[{inner}]")
        pos = span.end
    parts.append(md_literal(text[pos:], limit=limit))
    return "".join(parts)
