"""Article-derived text made safe and tabular for the add-articles and corrections pages.

Streamlit renders Markdown in messages, captions and labels; a title such as
`[click](javascript:...)` or `:red[...]` must reach the user as the characters it is made of.
`md_literal` backslash-escapes every ASCII punctuation mark (CommonMark allows it for all of them), so
no article text is ever read as Markdown or HTML. Tables (`st.dataframe`) show cell text as text.
"""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Sequence
from typing import Any

from .models import Article, Event, PlaceMention

__all__ = ["event_label", "event_row", "find_events", "md_literal", "place_row"]

_PUNCTUATION = frozenset(string.punctuation)


def md_literal(text: object, *, limit: int = 500) -> str:
    """The text as Markdown that displays exactly these characters (control characters become spaces)."""
    raw = "".join(" " if unicodedata.category(c)[0] == "C" and c not in "\n" else c for c in str(text))
    raw = raw[:limit] + ("…" if len(raw) > limit else "")
    return "".join("\\" + c if c in _PUNCTUATION else c for c in raw).replace("\n", "  \n")


def _place(mention: PlaceMention | None) -> str:
    if mention is None:
        return ""
    name = mention.place.name
    return name if mention.text == name else f"{mention.text} ({name})"


def event_label(event: Event) -> str:
    """One line that tells events apart in a select box."""
    who = event.force or event.actor_country or "?"
    where = event.location.place.name if event.location else "?"
    label = f"{event.action} · {who} · {where} · {event.date or 'no date'} · {event.event_id}"
    return " ".join(label.split())[:200]


def find_events(events: Sequence[Event], query: str, *, limit: int = 500) -> list[Event]:
    """The events whose label or evidence holds every word of the query (case-insensitive), in order."""
    words = [w.casefold() for w in str(query or "").split()][:20]
    out = []
    for event in events:
        if words:
            haystack = f"{event_label(event)} {event.evidence} {' '.join(event.article_ids)}".casefold()
            if not all(w in haystack for w in words):
                continue
        out.append(event)
        if len(out) >= limit:
            break
    return out


def event_row(event: Event, *, hidden: bool = False) -> dict[str, Any]:
    return {
        "event_id": event.event_id,
        "hidden": hidden,
        "action": event.action,
        "status": event.status,
        "force": event.force,
        "actor": event.actor_country,
        "place": _place(event.location),
        "destination": _place(event.destination),
        "troops": event.troops,
        "date": event.date,
        "evidence": event.evidence,
        "articles": ", ".join(event.article_ids),
    }


def place_row(mention: PlaceMention, article: Article | None = None, *, context: int = 60) -> dict[str, Any]:
    """A place mention with the words around it in the article, as its evidence."""
    around = ""
    if article is not None and 0 <= mention.start <= mention.end <= len(article.text):
        before = article.text[max(0, mention.start - context) : mention.start]
        after = article.text[mention.end : mention.end + context]
        around = " ".join(f"…{before}[{article.text[mention.start : mention.end]}]{after}…".split())
    return {
        "words": mention.text,
        "place": mention.place.name,
        "country": mention.place.country,
        "feature": mention.place.feature,
        "lat": round(mention.place.lat, 4),
        "lon": round(mention.place.lon, 4),
        "in the text": around,
    }
