"""Corrections: fix an event's fields, hide a wrong one, add a missing one, undo; with the audit trail."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard_shared import through_navigation
from geo import app_data
from geo import corrections as C
from geo.app_data import get_store
from geo.display import event_label, event_row, find_events, md_literal
from geo.errors import GeoError
from geo.models import ACTIONS, STATUSES, Event, Place

FLASH = "corrections_flash"
MAX_CHOICES = 500

through_navigation()
st.title("Corrections")
st.caption(
    "Fix what the machine got wrong. Every change is kept with its time and the value before it, survives "
    "re-extraction of the article, and can be undone."
)

try:
    with st.spinner("Opening the store (on first start it is built from the sample corpus)..."):
        store = get_store()
    events = app_data.load_all_events()
    hidden = app_data.hidden_event_ids()
except GeoError as exc:
    st.error(f"The store cannot be read: {md_literal(exc)}")
    st.stop()

for kind, message in st.session_state.pop(FLASH, []):
    (st.success if kind == "ok" else st.error)(md_literal(message))


def done(messages: list[tuple[str, str]]) -> None:
    """Show the outcome after the page reruns on the changed store."""
    st.session_state[FLASH] = messages
    st.rerun()


def act(change: Callable[[], tuple[str, str]]) -> None:
    """Make one change; its outcome shows after the rerun, a refusal (or a store that cannot be written) now."""
    try:
        outcome = change()
    except GeoError as exc:
        st.error(md_literal(exc))
        return
    done([outcome])


def _after(_correction: C.Correction, message: str) -> tuple[str, str]:
    return ("ok", message)


def _undone(correction: C.Correction | None, nothing: str) -> tuple[str, str]:
    return ("ok", f"Undone: change #{correction.id}") if correction else ("error", nothing)


def trail_table(items: list[C.Correction]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "#": c.id,
                "when (UTC)": c.created_at[:19].replace("T", " "),
                "event": c.event_id,
                "change": c.kind,
                "field": c.field,
                "before": _short(c.old_value),
                "after": _short(c.new_value),
                "undone at": (c.undone_at or "")[:19].replace("T", " "),
            }
            for c in reversed(items)
        ]
    )


def _short(value: object) -> str:
    if isinstance(value, dict):
        if "lat" in value:
            return f"{value.get('name')} ({value.get('country') or '-'}, {value.get('lat')}, {value.get('lon')})"
        return str(value.get("action", "event"))
    return "" if value is None else str(value)


def place_label(place: Place) -> str:
    return f"{place.name}, {place.country or '-'} ({place.feature}, {place.lat:.3f}, {place.lon:.3f})"


def choose_place(key: str, default: str) -> Place | None:
    """A gazetteer search box and the candidates it finds."""
    name = st.text_input("Place name to look up in the gazetteer", value=default, key=f"{key}-name", max_chars=200)
    candidates = C.place_candidates(name) if name.strip() else []
    if name.strip() and not candidates:
        st.warning("No place of that name in the gazetteer; try another spelling or the English name.")
    if not candidates:
        return None
    index = st.selectbox(
        "Candidates (likeliest first)",
        range(len(candidates)),
        format_func=lambda i: place_label(candidates[i]),
        key=f"{key}-cand-{name}",
    )
    return candidates[index] if index is not None else None


by_id: dict[str, Event] = {e.event_id: e for e in events}
ids = list(by_id)

# ---------------------------------------------------------------------- one event
st.header("Correct an event")
if not ids:
    st.info("No events in the store yet: add articles, or add a missing event below.")
else:
    wanted = st.query_params.get("event")
    if wanted is not None and wanted not in by_id:
        st.warning("The link names no event that exists; showing the first one.")
    query = st.text_input("Find events (words of the force, place, action, date, evidence or id)", max_chars=200)
    shown = [e.event_id for e in find_events(events, query, limit=MAX_CHOICES)]
    if wanted in by_id and wanted not in shown and not query.strip():
        shown.insert(0, wanted)
    if not shown:
        st.warning("No event matches these words; showing them all.")
        shown = ids[:MAX_CHOICES]
    if len(ids) > len(shown):
        st.caption(f"{len(shown):,} of {len(ids):,} events listed; type words above to find others.")
    choice = st.selectbox(
        "Event",
        shown,
        index=shown.index(wanted) if wanted in shown else 0,
        format_func=lambda i: event_label(by_id[i]) + ("  [hidden]" if i in hidden else ""),
    )
    if choice is not None:
        st.query_params["event"] = choice
        event = by_id[choice]
        st.dataframe(pd.DataFrame([event_row(event, hidden=choice in hidden)]), hide_index=True)
        st.text(f"Evidence: {event.evidence or '(none)'}")

        with st.form(f"edit-{choice}"):
            left, right = st.columns(2)
            values = {
                "force": left.text_input("Force or mission", value=event.force or "", max_chars=200),
                "actor_country": right.text_input(
                    "Actor country (ISO code such as FR, GB, RU; or EU, UN)",
                    value=event.actor_country or "",
                    max_chars=10,
                ),
                "action": left.selectbox(
                    "Action", ACTIONS, index=ACTIONS.index(event.action) if event.action in ACTIONS else 0
                ),
                "status": right.selectbox(
                    "Status", STATUSES, index=STATUSES.index(event.status) if event.status in STATUSES else 0
                ),
                "troops": left.text_input(
                    "Troops", value="" if event.troops is None else str(event.troops), max_chars=20
                ),
                "date": right.text_input("Date (YYYY, YYYY-MM or YYYY-MM-DD)", value=event.date or "", max_chars=10),
            }
            save = st.form_submit_button("Save changes", type="primary")
        if save:
            errors = []
            for field, value in values.items():
                try:
                    C.normalise_value(field, value)
                except C.CorrectionError as exc:
                    errors.append(str(exc))
            if errors:
                for error in errors:
                    st.error(md_literal(error))
            else:

                def edit() -> tuple[str, str]:
                    changed = [c for f, v in values.items() if (c := C.edit_event(store, choice, f, v)) is not None]
                    return ("ok", f"{len(changed)} field(s) changed" if changed else "Nothing changed")

                act(edit)

        st.subheader("Place")
        which = "location"
        if event.action == "redeployment":
            which = st.radio(
                "Which place",
                ["location", "destination"],
                format_func=lambda f: {"location": "where they come from", "destination": "where they go"}[f],
                horizontal=True,
                key=f"which-{choice}",
            )
        row = event_row(event)
        st.text(f"Now: {row['place' if which == 'location' else 'destination'] or '(none)'}")
        mention = event.location if which == "location" else event.destination
        place = choose_place(f"{which}-{choice}", mention.text if mention else "")
        if place is not None and st.button("Use this place", key=f"use-{which}-{choice}"):
            act(
                lambda: (
                    ("ok", "Place changed")
                    if C.edit_event(store, choice, which, place)
                    else ("ok", "That is already the event's place")
                )
            )

        st.subheader("Hide or undo")
        left, right = st.columns(2)
        if choice in hidden:
            if left.button("Show this event again", key=f"show-{choice}"):
                act(lambda: _after(C.show_event(store, choice), "The event is shown again"))
        elif left.button("Hide this event (it is wrong)", key=f"hide-{choice}"):
            act(lambda: _after(C.hide_event(store, choice), "The event is hidden from the map and the tables"))
        if right.button("Undo the last change of this event", key=f"undo-{choice}"):
            act(lambda: _undone(C.undo(store, event_id=choice), "Nothing to undo for this event"))

        trail = C.history(store, choice)
        st.subheader("History of this event")
        if trail:
            st.dataframe(trail_table(trail), hide_index=True)
        else:
            st.caption("No change yet.")

# ---------------------------------------------------------------------- a missing event
st.header("Add a missing event")
articles = app_data.load_articles()
if not articles:
    st.info("No articles in the store yet: add one first.")
else:
    titles = {a.id: f"{a.id} · {(a.title or a.text[:60])}" for a in articles}
    article_id = st.selectbox("Article that reports it", list(titles), format_func=lambda i: titles[i][:160])
    new_place = choose_place("new", "")
    with st.form("add-event"):
        left, right = st.columns(2)
        fields = {
            "action": left.selectbox("Action", ACTIONS, key="new-action"),
            "status": right.selectbox("Status", STATUSES, index=STATUSES.index("unknown"), key="new-status"),
            "force": left.text_input("Force or mission", max_chars=200, key="new-force"),
            "actor_country": right.text_input("Actor country (ISO code, EU, UN)", max_chars=10, key="new-actor"),
            "troops": left.text_input("Troops", max_chars=20, key="new-troops"),
            "date": right.text_input("Date (YYYY, YYYY-MM or YYYY-MM-DD)", max_chars=10, key="new-date"),
        }
        evidence = st.text_area("Evidence: the sentence of the article that states it", max_chars=2000)
        add = st.form_submit_button("Add the event", type="primary")
    if add:
        if new_place is None:
            st.error("Choose the event's place first: type its name above and pick a candidate.")
        else:
            try:
                c = C.add_event(store, article_id=article_id, location=new_place, evidence=evidence, **fields)
            except GeoError as exc:
                st.error(md_literal(exc))
            else:
                st.query_params["event"] = c.event_id
                done([("ok", f"Event {c.event_id} added")])

# ---------------------------------------------------------------------- everything
st.header("Audit trail")
everything = C.history(store)
if everything:
    st.dataframe(trail_table(everything), hide_index=True)
    if st.button("Undo the latest change (any event)"):
        act(lambda: _undone(C.undo(store), "Nothing to undo"))
else:
    st.caption("No correction yet.")
