"""Sources: each article with its places, forces, numbers and dates highlighted, and its events listed."""

from __future__ import annotations

import streamlit as st

from dashboard_shared import current_view, sidebar
from geo.display import md_literal
from geo.highlight import KINDS, highlight_markdown, spans_for
from geo.mapping import safe_url
from geo.pipeline import find_places

view = current_view()
sidebar(view)

st.title("Sources")
cited = {a for e in view.events for a in e.article_ids}
articles = [a for a in view.articles if a.id in cited] if not view.filters.is_empty() else list(view.articles)
st.caption(
    f"{len(articles):,} article(s). Highlighted: "
    + ", ".join(f":{colour}-background[{kind}]" for kind, colour in KINDS.items())
)
if not articles:
    st.info("No article matches the filters.")
    st.stop()

labels = {a.id: f"{a.published or '????-??-??'} · {a.source or '?'} · {a.title or a.id}" for a in articles}
chosen = st.selectbox("Article", list(labels), format_func=lambda i: labels[i], key="sources_article")
article = next(a for a in articles if a.id == chosen)
events = [e for e in view.all_events if article.id in e.article_ids]

meta = [article.source or "", str(article.published or ""), article.language or ""]
st.markdown(f"#### {md_literal(article.title or article.id)}")
st.caption(md_literal(" · ".join(m for m in meta if m)))
url = safe_url(article.url)
if url:
    st.link_button("Open the original", url)
spans = spans_for(article, find_places([article]), events)
with st.container(border=True, height=420):
    st.markdown(highlight_markdown(article.text, spans))
st.subheader(f"Events from this article ({len(events)})")
if events:
    st.dataframe(
        [
            {
                "action": e.action,
                "force": e.force,
                "place": e.location.place.name if e.location else None,
                "troops": e.troops,
                "date": e.date,
                "status": e.status,
                "evidence": e.evidence,
            }
            for e in events
        ],
        hide_index=True,
        width="stretch",
    )
else:
    st.caption("No event was found in this article.")
