"""troopmap's entry point: page set-up and navigation; the pages do the drawing."""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="troopmap", page_icon=":world_map:", layout="wide")

navigation = st.navigation(
    [
        st.Page("pages/map.py", title="Map", default=True),
        st.Page("pages/timeline.py", title="Timeline", url_path="timeline"),
        st.Page("pages/events.py", title="Events", url_path="events"),
        st.Page("pages/sources.py", title="Sources", url_path="sources"),
        st.Page("pages/add_articles.py", title="Add articles", url_path="add_articles"),
        st.Page("pages/corrections.py", title="Corrections", url_path="corrections"),
    ]
)
navigation.run()
