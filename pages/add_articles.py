"""Add articles: paste a text or upload files, see what is found in them, then save them to the store."""

from __future__ import annotations

import datetime as dt
import logging

import pandas as pd
import streamlit as st

from dashboard_shared import through_navigation
from geo import ingest
from geo.app_data import get_store
from geo.display import md_literal, place_row
from geo.errors import GeoError
from geo.models import Event

_log = logging.getLogger(__name__)
LIMIT_MB = ingest.MAX_UPLOAD_BYTES // (1024 * 1024)
DRAFTS = "add_articles_drafts"

through_navigation()
st.title("Add articles")
st.caption(
    f"Paste a text, or upload .txt, .md or .html files (at most {LIMIT_MB} MB each; a manifest.csv among them gives "
    "per-file dates and sources). You see the events and places found before anything is saved. "
    "Scripts and markup in HTML are removed; every text is shown as plain text."
)

try:
    with st.spinner("Opening the store (on first start it is built from the sample corpus)..."):
        store = get_store()
except GeoError as exc:
    st.error(f"The store cannot be opened: {md_literal(exc)}")
    st.stop()


def _events_table(events: tuple[Event, ...]) -> pd.DataFrame:
    from geo.display import event_row

    return pd.DataFrame([event_row(e) for e in events])


with st.form("add_article", clear_on_submit=False):
    how = st.radio("Article", ["Paste a text", "Upload files"], horizontal=True)
    text = st.text_area("Text of the article (used with “Paste a text”)", height=200, max_chars=2_000_000)
    files = st.file_uploader(
        f"Files (used with “Upload files”; .txt, .md, .html; at most {LIMIT_MB} MB each)",
        type=None,  # any name reaches geo.ingest, which answers a wrong one with a sentence, not an exception
        accept_multiple_files=True,
        max_upload_size=LIMIT_MB,
    )
    left, right = st.columns(2)
    title = left.text_input("Title", max_chars=ingest.MAX_META_CHARS)
    source = right.text_input("Source (newspaper, agency)", max_chars=ingest.MAX_META_CHARS)
    url = left.text_input("URL (http or https)", max_chars=2000)
    published = right.date_input(
        "Publication date (anchors “on Monday”, “last year”)",
        value=None,
        min_value=dt.date(1900, 1, 1),
        max_value=dt.date.today(),
    )
    language = left.selectbox("Language", ["detect", "en", "fr", "de"])
    submitted = st.form_submit_button("Preview", type="primary")

if submitted:
    meta, meta_warnings = ingest.clean_metadata(
        published=published,
        language=None if language == "detect" else language,
        source=source,
        title=title,
        url=url,
    )
    drafts: list[ingest.Draft] = []
    if how == "Paste a text":
        if not text.strip():
            st.error("The text is empty: paste an article, or choose “Upload files”.")
        else:
            drafts = [ingest.read_paste(text, meta)]
    elif not files:
        st.error("No file chosen: pick one or more .txt, .md or .html files, or choose “Paste a text”.")
    else:
        drafts = ingest.read_uploads([(f.name, f.getvalue()) for f in files], meta)
    with st.spinner("Finding events and places..."):
        try:
            drafts = [ingest.preview(d, store) for d in drafts]
        except GeoError as exc:
            st.error(md_literal(exc))
    st.session_state[DRAFTS] = (tuple(drafts), tuple(meta_warnings))

drafts, meta_warnings = st.session_state.get(DRAFTS, ((), ()))
for warning in meta_warnings:
    st.warning(md_literal(warning))

ready = [d for d in drafts if d.ok]
for n, draft in enumerate(drafts, start=1):
    st.divider()
    st.subheader(f"{n}. {md_literal(draft.name, limit=120)}")
    if not draft.ok or draft.article is None:
        st.error(f"Cannot be added: {md_literal(draft.problem)}")
        continue
    article = draft.article
    for warning in draft.warnings:
        st.warning(md_literal(warning))
    if draft.duplicate_of:
        st.info(f"Already in the store as {md_literal(draft.duplicate_of)}: saving it adds nothing.")
    st.dataframe(
        pd.DataFrame(
            [
                {
                    "id": article.id,
                    "title": article.title,
                    "published": article.published.isoformat() if article.published else None,
                    "language": article.language,
                    "source": article.source,
                    "url": article.url,
                    "characters": len(article.text),
                }
            ]
        ),
        hide_index=True,
    )
    with st.expander("Text"):
        st.text(article.text[:20_000] + ("…" if len(article.text) > 20_000 else ""))
    st.write(f"**{len(draft.events)} event(s)** found")
    if draft.events:
        st.dataframe(_events_table(draft.events), hide_index=True)
    st.write(f"**{len(draft.places)} place(s)** found")
    if draft.places:
        st.dataframe(pd.DataFrame([place_row(m, article) for m in draft.places]), hide_index=True)

if ready:
    st.divider()
    new = [d for d in ready if not d.duplicate_of]
    if st.button(f"Save {len(new)} new article(s)", type="primary", disabled=not new):
        with st.spinner("Saving and extracting the store again..."):
            try:
                results = ingest.save(store, ready)
            except GeoError as exc:
                st.error(f"Not saved: {md_literal(exc)}")
                results = None
            except Exception as exc:  # say what was kept: articles are committed before extraction runs
                _log.exception("saving articles failed")
                kept = [d.article.id for d in ready if d.article and store.find_duplicate(d.article)]
                st.error(
                    f"Saving stopped on an unexpected error ({md_literal(type(exc).__name__)}). "
                    f"{len(kept)} of {len(ready)} article(s) are in the store; their events are extracted "
                    "again on the next start."
                )
                results = None
        if results is not None:
            added = [r for r in results if r.added]
            for r in results:
                (st.success if r.added else st.info)(md_literal(r.message))
            if added:
                st.success(f"{len(added)} article(s) saved: their events are now on the map and in the tables.")
            st.session_state.pop(DRAFTS, None)
