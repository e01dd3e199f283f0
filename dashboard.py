"""troopmap's entry point: page set-up and navigation; the pages do the drawing.

`streamlit run dashboard.py` first imports this file to find `app`, an `st.App` (Streamlit's ASGI entry
point), whose lifespan starts reading the data when the server starts (`dashboard_shared.warm_start`),
before the first visitor's browser has even loaded Streamlit's page. Then it runs the file as `__main__`
for every visit: the navigation below (a visit that comes before the warm-up is done waits for it).
"""

from __future__ import annotations

import streamlit as st

if __name__ == "__main__":
    from dashboard_shared import await_warm_up

    await_warm_up()
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
else:
    from dashboard_shared import warm_start

    app = st.App(__file__, lifespan=warm_start)
