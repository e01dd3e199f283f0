"""Events: the filtered events as a sortable table with their sources; CSV and GeoJSON downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard_shared import current_view, sidebar
from geo.export import event_rows, events_csv, events_geojson
from geo.filters import Filters

view = current_view()
sidebar(view)


@st.cache_data(show_spinner=False, max_entries=16)
def _exports(filters: Filters, revision: tuple[str, int]) -> tuple[pd.DataFrame, str, str]:
    rows = event_rows(view.events, view.articles)
    return pd.DataFrame(rows), events_csv(view.events, view.articles), events_geojson(view.events, view.articles)


st.title("Events")
table, csv_text, geojson_text = _exports(view.filters, view.revision)
st.caption(f"{len(table):,} event(s). Click a column header to sort; every event lists the articles behind it.")
left, right = st.columns(2)
left.download_button("Download CSV", csv_text, file_name="troopmap-events.csv", mime="text/csv")
right.download_button(
    "Download GeoJSON", geojson_text, file_name="troopmap-events.geojson", mime="application/geo+json"
)
if table.empty:
    st.info("No event matches the filters.")
else:
    shown = ["date", "action", "status", "force", "actor_country", "place", "destination", "troops", "sources"]
    st.dataframe(
        table[[*shown, "evidence", "urls", "event_id"]],
        hide_index=True,
        width="stretch",
        height=min(560, 40 + 35 * len(table)),
        column_config={"troops": st.column_config.NumberColumn(format="%d")},
    )
