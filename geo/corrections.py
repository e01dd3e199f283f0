"""Analysts' corrections: edit an event's fields, hide it, add a missing one, undo; an audit trail.

A correction is a row (what, when, the value before, the value after) applied on top of the events
whenever they are read, never a change to the extracted events themselves. So re-extracting an
article cannot lose a correction: it is re-applied to the event with the same `event_id`, or, when
the extractor now names the event differently, to the event of the same article with the same
evidence sentence (its *anchor*, recorded with the correction). Undo marks a correction undone; the
row stays, so the trail shows both the change and its undoing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .errors import GeoError
from .models import ACTIONS, STATUSES, Event, Place, PlaceMention
from .serialize import event_from_dict, event_to_dict, place_from_dict, place_to_dict

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "EDITABLE_FIELDS",
    "Correction",
    "CorrectionError",
    "add_event",
    "apply_corrections",
    "edit_event",
    "hide_event",
    "history",
    "normalise_value",
    "place_candidates",
    "show_event",
    "undo",
]

EDITABLE_FIELDS = ("force", "actor_country", "action", "status", "troops", "date", "location", "destination")
MAX_FIELD_CHARS = 200
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_MULTINATIONAL = ("EU", "UN", "AU", "NATO")


class CorrectionError(GeoError):
    """A correction that cannot be made: a wrong value or an unknown event; the message says which."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One change in the audit trail. `kind` is `edit`, `hide` (new_value True/False) or `add`."""

    id: int
    event_id: str
    kind: str
    field: str | None
    old_value: Any
    new_value: Any
    anchor: dict[str, Any] | None
    created_at: str
    undone_at: str | None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


# ---------------------------------------------------------------------- values


def _date_precision(value: str) -> str:
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "unknown")


def normalise_value(field: str, value: Any) -> Any:
    """The value a field may take, cleaned; raises CorrectionError with a reason for anything else."""
    if field not in EDITABLE_FIELDS:
        raise CorrectionError(f"{field!r} cannot be corrected (one of: {', '.join(EDITABLE_FIELDS)})")
    if isinstance(value, str):
        value = " ".join(value.split())
        if value == "":
            value = None
    if field in ("force", "actor_country") and value is not None:
        value = str(value)
        if len(value) > MAX_FIELD_CHARS:
            raise CorrectionError(f"{field}: at most {MAX_FIELD_CHARS} characters")
        if field == "actor_country":
            value = value.upper()
            if not (re.fullmatch(r"[A-Z]{2}", value) or value in _MULTINATIONAL):
                raise CorrectionError(
                    f"actor_country: {value!r} is not a two-letter ISO country code (FR, GB, RU...) "
                    f"nor one of {', '.join(_MULTINATIONAL)}"
                )
        return value
    if field == "action":
        if value not in ACTIONS:
            raise CorrectionError(f"action: {value!r} is not one of {', '.join(ACTIONS)}")
        return value
    if field == "status":
        if value not in STATUSES:
            raise CorrectionError(f"status: {value!r} is not one of {', '.join(STATUSES)}")
        return value
    if field == "troops":
        if value is None:
            return None
        try:
            number = int(str(value).replace(",", "").replace(" ", "").replace("_", ""))
        except ValueError as exc:
            raise CorrectionError(f"troops: {value!r} is not a whole number") from exc
        if not 0 <= number <= 10_000_000:
            raise CorrectionError("troops: a number between 0 and 10,000,000")
        return number
    if field == "date":
        if value is None:
            return None
        value = str(value)
        if not _DATE.match(value):
            raise CorrectionError(f"date: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        try:
            dt.date.fromisoformat((value + "-01-01")[:10] if len(value) < 10 else value)
        except ValueError as exc:
            raise CorrectionError(f"date: {value!r} is not a real date") from exc
        return value
    # location, destination: a gazetteer entry (Place dict) or None
    if value is None:
        if field == "location":
            raise CorrectionError("location: an event needs a place; choose one, or hide the event")
        return None
    if hasattr(value, "lat") and hasattr(value, "lon"):
        value = place_to_dict(value)
    if not isinstance(value, dict):
        raise CorrectionError(f"{field}: choose a place from the gazetteer")
    try:
        return place_to_dict(place_from_dict(value))
    except ValueError as exc:
        raise CorrectionError(f"{field}: {exc}") from exc


def _field_value(event: Event, field: str) -> Any:
    if field in ("location", "destination"):
        mention = getattr(event, field)
        return place_to_dict(mention.place) if mention else None
    return getattr(event, field)


def _with_field(event: Event, field: str, value: Any) -> Event:
    if field in ("location", "destination"):
        if value is None:
            return dataclasses.replace(event, **{field: None})
        place = place_from_dict(value)
        old: PlaceMention | None = getattr(event, field)
        article_id = event.article_ids[0] if event.article_ids else ""
        mention = (
            dataclasses.replace(old, place=place)
            if old is not None
            else PlaceMention(article_id=article_id, start=0, end=0, text=place.name, place=place)
        )
        return dataclasses.replace(event, **{field: mention})
    if field == "date":
        return dataclasses.replace(
            event, date=value, date_precision=_date_precision(value) if value else "unknown", date_text=None
        )
    if field == "troops":
        return dataclasses.replace(event, troops=value, troops_text=None)
    return dataclasses.replace(event, **{field: value})


def _anchor(event: Event) -> dict[str, Any]:
    return {
        "article_id": event.article_ids[0] if event.article_ids else None,
        "evidence": event.evidence,
        "action": event.action,
    }


def _find(events: dict[str, Event], correction: Correction) -> str | None:
    """The id of the event a correction belongs to: by event_id, else by its anchor."""
    if correction.event_id in events:
        return correction.event_id
    anchor = correction.anchor or {}
    article_id, evidence = anchor.get("article_id"), anchor.get("evidence")
    if not article_id or not evidence:
        return None
    same = [e for e in events.values() if article_id in e.article_ids and e.evidence == evidence]
    same.sort(key=lambda e: e.action != anchor.get("action"))
    return same[0].event_id if same else None


# ---------------------------------------------------------------------- applying


def apply_corrections(events: Sequence[Event], corrections: Sequence[Correction]) -> tuple[list[Event], set[str]]:
    """The events with live corrections applied in order, and the ids of the hidden ones.

    Pure: the store calls it on every read. A correction whose event no longer exists (and whose
    anchor matches nothing) is kept in the trail and simply has nothing to apply to.
    """
    by_id: dict[str, Event] = {e.event_id: e for e in events}
    hidden: set[str] = set()
    for c in corrections:
        if c.undone_at is not None:
            continue
        if c.kind == "add":
            try:
                by_id[c.event_id] = event_from_dict(c.new_value)
            except (ValueError, TypeError):
                continue
            continue
        target = _find(by_id, c)
        if target is None:
            continue
        if c.kind == "hide":
            if c.new_value:
                hidden.add(target)
            else:
                hidden.discard(target)
        elif c.kind == "edit" and c.field in EDITABLE_FIELDS:
            try:
                by_id[target] = _with_field(by_id[target], c.field, c.new_value)
            except (ValueError, TypeError):
                continue
    return list(by_id.values()), hidden


# ---------------------------------------------------------------------- changing, through a store


def _current(store: Store, event_id: str) -> tuple[Event, Event | None]:
    """(the event as now corrected, the event as extracted if it was) or CorrectionError."""
    current, raw, _hidden = store.event(event_id)
    if current is None:
        raise CorrectionError(f"no event {event_id!r} in the store")
    return current, raw


def edit_event(store: Store, event_id: str, field: str, value: Any) -> Correction | None:
    """Set one field; records the previous value. None when the value is already the current one."""
    new = normalise_value(field, value)
    current, raw = _current(store, event_id)
    old = _field_value(current, field)
    if old == new:
        return None
    return store.add_correction(
        event_id=event_id, kind="edit", field=field, old_value=old, new_value=new, anchor=_anchor(raw or current)
    )


def hide_event(store: Store, event_id: str) -> Correction:
    """Hide a wrong event from the map and tables (it stays in the store and can be shown again)."""
    current, raw = _current(store, event_id)
    return store.add_correction(
        event_id=event_id, kind="hide", field="hidden", old_value=False, new_value=True, anchor=_anchor(raw or current)
    )


def show_event(store: Store, event_id: str) -> Correction:
    current, raw = _current(store, event_id)
    return store.add_correction(
        event_id=event_id, kind="hide", field="hidden", old_value=True, new_value=False, anchor=_anchor(raw or current)
    )


def add_event(
    store: Store,
    *,
    article_id: str,
    action: str,
    location: Any,
    status: str = "unknown",
    force: str | None = None,
    actor_country: str | None = None,
    troops: Any = None,
    date: str | None = None,
    evidence: str = "",
    destination: Any = None,
) -> Correction:
    """Add an event the extractor missed; its id starts with `manual-` and never collides."""
    if store.article(article_id) is None:
        raise CorrectionError(f"no article {article_id!r} in the store")
    fields = {
        "action": normalise_value("action", action),
        "status": normalise_value("status", status),
        "force": normalise_value("force", force),
        "actor_country": normalise_value("actor_country", actor_country),
        "troops": normalise_value("troops", troops),
        "date": normalise_value("date", date),
        "location": normalise_value("location", location),
        "destination": normalise_value("destination", destination),
    }
    evidence = " ".join(str(evidence or "").split())[:2000]
    created = dt.datetime.now(dt.UTC).isoformat()
    seed = json.dumps([article_id, fields, evidence, created], sort_keys=True, default=str)
    event_id = "manual-" + hashlib.sha256(seed.encode()).hexdigest()[:16]
    base = Event(
        event_id=event_id,
        article_ids=(article_id,),
        action=fields["action"],
        status=fields["status"],
        force=fields["force"],
        actor_country=fields["actor_country"],
        location=None,
        evidence=evidence,
        confidence=1.0,
    )
    event = base
    for name in ("location", "destination", "troops", "date"):
        if fields[name] is not None:
            event = _with_field(event, name, fields[name])
    return store.add_correction(
        event_id=event_id, kind="add", field=None, old_value=None, new_value=event_to_dict(event), anchor=None
    )


def place_candidates(name: str, *, limit: int = 25) -> list[Place]:
    """Gazetteer entries a place name may mean, likeliest first: what a user chooses a location from."""
    name = " ".join((name or "").split())[:MAX_FIELD_CHARS]
    if not name:
        return []
    from .gazetteer import get_gazetteer

    return get_gazetteer().candidates(name)[:limit]


def undo(store: Store, correction_id: int | None = None, *, event_id: str | None = None) -> Correction | None:
    """Undo one correction (the latest of the event, or of all when no id is given); None if none left."""
    if correction_id is None and event_id is not None:
        live = [c for c in history(store, event_id) if c.undone_at is None]
        if not live:
            return None
        correction_id = live[-1].id
    return store.undo(correction_id)


def history(store: Store, event_id: str | None = None) -> list[Correction]:
    """The audit trail, oldest first, undone corrections included.

    For one event: its own corrections, and those made under an id the extractor no longer gives
    whose anchor (same article, same evidence) now points at this event.
    """
    trail = store.corrections(event_id)
    if event_id is None:
        return trail
    _current, raw, _hidden = store.event(event_id)
    if raw is None:
        return trail
    stored = store.stored_event_ids()
    for c in store.corrections():
        if c.event_id == event_id or c.event_id in stored or c.kind == "add" or not c.anchor:
            continue
        if c.anchor.get("article_id") in raw.article_ids and c.anchor.get("evidence") == raw.evidence:
            trail.append(c)
    return sorted(trail, key=lambda c: c.id)
