"""The map of events (home page): filtered events over an offline basemap; the view survives filter changes."""

from __future__ import annotations

import streamlit as st

from dashboard_shared import current_view, sidebar, through_navigation

# What the browser can draw at once comes first: on a fresh server the title shows while folium is imported
# and the events are read, and the map is sent before the sidebar, so the browser loads the map's component
# while the server counts the facets.
through_navigation()
st.title("Deployments and withdrawals")
caption = st.empty()

import folium  # noqa: E402  (after the title: about 0.4 s on a fresh server)
from streamlit_folium import st_folium  # noqa: E402

from geo import app_data, assets  # noqa: E402
from geo.filters import Filters  # noqa: E402
from geo.mapping import LayerSpec, base_map, layer_specs, prefetch_events  # noqa: E402
from geo.pipeline import find_places  # noqa: E402

view = current_view()


@st.cache_resource(show_spinner=False, max_entries=4)
def _places(revision: tuple[str, int]) -> tuple:
    """Every place the stored articles mention (the "Places mentioned" layer), once per store revision."""
    return tuple(find_places(view.articles))


@st.cache_resource(show_spinner=False, max_entries=4)
def _data_url(revision: tuple[str, int]) -> str | None:
    """Every event's map data as a static JSON file the map fetches once (None: sent inline instead)."""
    if not st.get_option("server.enableStaticServing"):
        return None
    return app_data.event_table_url()[0]  # written by the build step, or now if missing


@st.cache_resource(show_spinner=False, max_entries=16)
def _layers(filters: Filters, revision: tuple[str, int], with_places: bool) -> tuple[LayerSpec, ...]:
    """The filtered layers as data, once per filter state and store revision."""
    places = _places(revision) if with_places else ()
    return layer_specs(
        view.events,
        articles=view.articles,
        places=places,
        show_places=True,
        places_layer=with_places,
        data_url=_data_url(revision),
        frame=view.all_events,
    )


n_located = sum(1 for e in view.events if e.location is not None)
caption.caption(
    f"{len(view.events):,} event(s) match the filters, {n_located:,} with a place on the map. "
    "Click a marker for its evidence and sources; the layer control switches places, paths and online tiles."
)
if not view.all_events:
    st.info("No events yet: add articles on the **Add articles** page, or run `make data` with the sample corpus.")
if not assets.vendor_ready():
    st.warning(
        "The map's libraries are not installed on this host (`make assets` copies them from the npm registry): "
        "the map loads them from public CDNs instead and stays blank without internet."
    )

fmap = prefetch_events(base_map(view.all_events), _data_url(view.revision))
with_places = st.toggle("Show every place the articles mention", key="map_places")
layers = [spec.to_layer() for spec in _layers(view.filters, view.revision, with_places)]
st_folium(
    fmap,
    key="troopmap-map",
    height=640,
    use_container_width=True,
    returned_objects=[],
    feature_group_to_add=layers,
    layer_control=folium.LayerControl(collapsed=False),
)
sidebar(view)  # last: it is drawn in the sidebar wherever it comes in the script
