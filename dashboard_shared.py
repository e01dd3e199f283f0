"""What every dashboard page shares: the data (built on first start), the filters read from the link, the sidebar.

Not a page itself (the navigation lists pages explicitly). The filter state lives in the URL's query
parameters; the sidebar's widgets write it back there, so a copied link reopens the same view.
"""

from __future__ import annotations

import datetime as dt
import inspect
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import streamlit as st

from geo import app_data
from geo.filters import (
    FACETS,
    Filters,
    apply,
    facet_counts,
    facet_values,
    parse_params,
    query_string,
    registry_forces,
)
from geo.models import Article, Event

__all__ = ["View", "await_warm_up", "current_view", "sidebar", "through_navigation", "warm_start"]

_log = logging.getLogger("troopmap")

_SYNCED = "_troopmap_synced_params"
_WIDGET = {facet: f"filter_{facet}" for facet in FACETS} | {"from": "filter_from", "to": "filter_to"}
_TITLES = {
    "force": "Force or mission",
    "actor": "Actor country",
    "country": "Host country",
    "action": "Action",
    "status": "Status",
}


@dataclass(frozen=True, slots=True)
class View:
    all_events: tuple[Event, ...]
    events: list[Event]
    articles: tuple[Article, ...]
    filters: Filters
    notices: tuple[str, ...]
    revision: tuple[str, int]  # (store path, store revision): the key of every per-data cache


_warm: dict[str, threading.Event] = {}  # "done": made when the server starts a warm-up, set when it ends
WARM_UP_WAIT_S = 5.0


def _warm_up(done: threading.Event) -> None:
    """The data and the map's code (geo), then what the first run of a page would still do slowly itself.

    streamlit_folium imports folium.plugins (0.3 s: forty templates compiled), but it must itself be
    imported by a page's run, where its component is registered. Streamlit's first element of a process
    walks the stack with `inspect` (streamlit.env_util.is_repl), which resolves the file of every loaded
    module once (2,000 of them with pandas and folium: 0.1-0.3 s); `inspect.getmodule` does it here.
    """
    try:
        app_data.warm_up()
        import folium.plugins  # noqa: F401

        inspect.getmodule(None, __file__)
    except Exception:  # the first visit does it again and says what went wrong
        _log.warning("troopmap: reading the data at server start failed", exc_info=True)
    finally:
        done.set()


@asynccontextmanager
async def warm_start(app: Any) -> AsyncIterator[None]:
    """dashboard.py's `st.App` lifespan: start reading the data in the background as the server starts.

    A fresh server's first visitor otherwise waits for it after loading Streamlit's page (1 s and more
    with 20,000 events); now both happen at once (`geo.app_data.warm_up`).
    """
    done = _warm.setdefault("done", threading.Event())
    threading.Thread(target=_warm_up, args=(done,), name="troopmap-warm-up", daemon=True).start()
    yield


def await_warm_up() -> None:
    """A visit that comes while the server's warm-up still runs lets it finish first (at most WARM_UP_WAIT_S).

    Both at once take longer than one after the other: each Python thread waits for the other at every
    system call (Streamlit's first element alone resolves the path of every loaded module). A longer
    warm-up is a build (a fresh host): the visit goes on and shows its spinner while it waits for it.
    """
    done = _warm.get("done")
    if done is not None:
        done.wait(WARM_UP_WAIT_S)


@st.cache_resource(show_spinner=False)
def _prepare() -> list[str]:
    """Builds what `make run` builds (gazetteer index, store) when a host only ran pip: once per process."""
    from geo.build import ensure_data

    return ensure_data()


def _label(facet: str, value: str) -> str:
    from geo.mapping import ACTION_STYLES, country_label  # here: pages without a map need not import folium

    if facet in ("actor", "country"):
        return f"{country_label(value)} ({value})"
    if facet == "action":
        return ACTION_STYLES[value].label if value in ACTION_STYLES else value
    return value


def _raw_params() -> dict[str, list[str]]:
    return {key: st.query_params.get_all(key) for key in st.query_params}


def _params_key(params: dict[str, str] | dict[str, list[str]]) -> str:
    return repr(sorted((k, v if isinstance(v, str) else ",".join(v)) for k, v in params.items()))


def through_navigation() -> None:
    """Make a page opened directly run inside dashboard.py's navigation: the first call of every page.

    A fresh server that is first opened at a page's address (`/events?force=Takuba`, a shared link) runs
    that file alone, in Streamlit's older pages/ folder mode, until dashboard.py has called st.navigation
    once: no page config, a different menu, "Page not found" for some addresses. Switch that mode off (a
    Streamlit internal, `PagesManager.uses_pages_directory`) and run again through dashboard.py. Every
    page of the navigation calls this (the filtered pages through `current_view`); a browser test opens
    each of them first on a fresh server.
    """
    try:
        from streamlit.runtime.pages_manager import PagesManager
    except ImportError:  # a Streamlit without it has no such mode
        return
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def current_view() -> View:
    """Events, articles and the filters of the link (with notices for what it held that we could not use)."""
    through_navigation()
    with st.spinner("Preparing the data (gazetteer index, event store) on first start..."):
        _prepare()
    try:
        all_events = app_data.load_events()
        articles = app_data.load_articles()
        revision = (str(app_data.store_path()), app_data.get_store().revision())
    except Exception as exc:  # the dashboard shows a sentence, never a traceback
        st.error(f"The event store could not be read ({type(exc).__name__}). Try `make data` or restart the app.")
        st.stop()
    raw = _raw_params()
    if not raw and st.session_state.get(_SYNCED):  # moving between pages drops the query: put it back
        for key, value in st.session_state[_SYNCED].items():
            st.query_params[key] = value
        raw = _raw_params()
    known = {e.force for e in all_events if e.force} | set(registry_forces())
    filters, notices = parse_params(raw, known_forces=known)
    return View(all_events, apply(all_events, filters), articles, filters, tuple(notices), revision)


def _write_url() -> None:
    """on_change of every filter widget: the widgets' state becomes the link."""
    chosen = {facet: tuple(st.session_state.get(_WIDGET[facet], ())) for facet in FACETS}
    filters = Filters(
        forces=chosen["force"],
        actors=chosen["actor"],
        countries=chosen["country"],
        actions=chosen["action"],
        statuses=chosen["status"],
        date_from=st.session_state.get(_WIDGET["from"]),
        date_to=st.session_state.get(_WIDGET["to"]),
    )
    params = filters.to_params()
    st.query_params.from_dict(params)
    st.session_state[_SYNCED] = params


def _reset() -> None:
    for key in _WIDGET.values():
        st.session_state.pop(key, None)
    st.query_params.clear()
    st.session_state[_SYNCED] = {}


@st.cache_resource(show_spinner=False, max_entries=4)
def _facet_values(revision: tuple[str, int]) -> dict:
    """Every facet's values, once per store revision (they do not depend on the filters)."""
    return facet_values(app_data.load_events())


@st.cache_resource(show_spinner=False, max_entries=32)
def _facets(filters: Filters, revision: tuple[str, int]) -> tuple[dict, dict]:
    """Every facet's values and counts, once per filter state and store revision (20,000 events: 0.15 s)."""
    return _facet_values(revision), facet_counts(app_data.load_events(), filters)


def sidebar(view: View) -> None:
    """Filters with counts, a reset, and the link to this view."""
    params = view.filters.to_params()
    if st.session_state.get("_troopmap_widgets_for") != _params_key(params):  # the link changed: widgets follow
        for facet, attr in FACETS.items():
            st.session_state[_WIDGET[facet]] = list(getattr(view.filters, attr))
        st.session_state[_WIDGET["from"]] = view.filters.date_from
        st.session_state[_WIDGET["to"]] = view.filters.date_to
        st.session_state["_troopmap_widgets_for"] = _params_key(params)
        st.session_state[_SYNCED] = params

    values, counts = _facets(view.filters, view.revision)
    with st.sidebar:
        st.markdown(f"**{len(view.events):,}** of {len(view.all_events):,} events")
        for notice in view.notices:
            st.warning(notice, icon="⚠️")
        for facet, attr in FACETS.items():
            options = list(dict.fromkeys([*values[facet], *getattr(view.filters, attr)]))
            st.multiselect(
                _TITLES[facet],
                options,
                key=_WIDGET[facet],
                format_func=lambda v, f=facet: f"{_label(f, v)} · {counts[f].get(v, 0)}",
                on_change=_write_url,
                placeholder="Any",
            )
        left, right = st.columns(2)
        bounds = {"min_value": dt.date(1900, 1, 1), "max_value": dt.date(2100, 12, 31), "format": "YYYY-MM-DD"}
        left.date_input("From", key=_WIDGET["from"], on_change=_write_url, **bounds)
        right.date_input("To", key=_WIDGET["to"], on_change=_write_url, **bounds)
        st.button("Reset filters", on_click=_reset, disabled=view.filters.is_empty(), width="stretch")
        with st.popover("Link to this view", icon=":material/link:", width="stretch"):
            st.caption("Copy it with the button on the right:")
            st.code(_share_link(view.filters), language=None, wrap_lines=True)


def _share_link(filters: Filters) -> str:
    base = ""
    try:
        url = st.context.url or ""
        base = url.split("?", 1)[0]
    except (AttributeError, RuntimeError):
        base = ""
    if base.count("/") == 2:  # "http://host:8501" on the home page: the shared link reads "http://host:8501/?force=…"
        base += "/"
    return (base or "/") + query_string(filters)
