"""Timeline: events over time by force and action, and an estimate of troops present (clearly labelled)."""

from __future__ import annotations

import streamlit as st

from dashboard_shared import current_view, sidebar
from geo.filters import Filters
from geo.mapping import country_label
from geo.timeline import ESTIMATE_NOTE, events_over_time, troop_estimate

view = current_view()
sidebar(view)


@st.cache_data(show_spinner=False, max_entries=16)
def _frames(filters: Filters, revision: tuple[str, int], by: str):
    return events_over_time(view.events, by=by), troop_estimate(view.events)


st.title("Timeline")
by = st.radio("Colour by", ["force", "action"], horizontal=True, key="timeline_by")
counts, estimate = _frames(view.filters, view.revision, by)
st.subheader("Events per month")
if counts.empty:
    st.info("No dated event matches the filters.")
else:
    pivot = counts.pivot_table(index="month", columns=by, values="events", aggfunc="sum", fill_value=0)
    st.bar_chart(pivot, height=320)

st.subheader("Troops present (estimate)")
st.caption(ESTIMATE_NOTE)
if estimate.empty:
    st.info("No event with a troop number matches the filters.")
else:
    estimate = estimate.assign(series=estimate["force"] + " in " + estimate["country"].map(country_label))
    wide = estimate.pivot_table(index="month", columns="series", values="troops", aggfunc="sum", fill_value=0)
    st.line_chart(wide, height=360)
    with st.expander("The estimate as a table"):
        st.dataframe(estimate.drop(columns=["series"]), hide_index=True, width="stretch")
