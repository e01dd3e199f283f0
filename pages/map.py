"""The map of events (home page)."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo.app_data import load_default_events
from geo.mapping import build_map

st.title("troopmap")
events = load_default_events()
st.caption(f"{len(events)} event(s) from the sample corpus")
st_folium(build_map(events), height=600, use_container_width=True, returned_objects=[])
