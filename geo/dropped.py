"""The candidates the rules drop, each with the name of the rule that dropped it: what a learned filter over the
rules' candidates could still recover, and where the recall ceiling of the rules lies (bench/bench_recall.py).

Off unless a caller asks (`find_with_dropped`): the extraction then keeps one list here and notes each cue or
event a rule drops into it. While it is off, every note is one call that returns at once, so the default output
and its speed are those of the rules alone. Three kinds of drop are noted:

- a cue a check of its sentence kills ("is_negated", "states_no_movement:refused", ...): it is built anyway,
  with the sentence's names, places, counts and dates, and kept as the event the rule dropped (`draft`);
- an event built and then dropped ("background_presence", "one_move", "merged", "owner:_insurgents_strike"...);
- a cue for which no event could be built ("no_actor", "no_place", "no_troop_noun", "no_military_context"...):
  no `draft`, only what was known (the actor, the place) when it stopped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .actions import Trigger
    from .events import _Context
    from .forces import Force
    from .merge import Draft
    from .models import Article, PlaceMention
    from .sentences import Sentence

__all__ = ["Dropped", "find_with_dropped", "of_draft"]


@dataclass(frozen=True, slots=True)
class Dropped:
    """A candidate a rule dropped: the rule (`reason`), the cue, and the event it would have been (`draft`) or, when
    none was built, what was known of it. `then` is why a cue killed early could not be built either."""

    reason: str
    article_id: str
    position: int  # where the cue stands in the article
    action: str
    cue: str
    evidence: str
    draft: Draft | None = None
    actor_country: str | None = None
    force: str | None = None
    location_country: str | None = None
    destination_country: str | None = None
    then: str | None = None

    def row(self) -> dict:
        """The candidate as an event row of the team's scorer (action, force, actor, countries of its places)."""
        return {
            "action": self.action,
            "force": self.force,
            "actor_country": self.actor_country,
            "location": {"country": self.location_country},
            "destination": {"country": self.destination_country} if self.destination_country else None,
            "article_ids": [self.article_id],
            "evidence": self.evidence,
        }


@dataclass(slots=True)
class _Recording:
    """The state of one `collecting` block."""

    sink: list[Dropped]  # where the drops are noted
    # the cues of the current sentence its checks killed, built at its end
    pending: list[tuple[Trigger, str]] = field(default_factory=list)
    # id(trigger) -> why it built no event (the last build counts)
    lost: dict[int, tuple[Trigger, Dropped]] = field(default_factory=dict)
    capture: list[Dropped] | None = None  # while a killed cue is built: where its own losses go
    rule: str = ""  # the owner rule that dropped the last cue (owners._run)


# None: nobody asked, nothing is noted. A context variable, so that a thread extracting while another records
# notes nothing (a new thread starts with the default), and a nested `collecting` gives the outer one back.
_recording: ContextVar[_Recording | None] = ContextVar("dropped_recording", default=None)


def on() -> bool:
    """Whether drops are noted (the caller then builds what it would otherwise skip)."""
    return _recording.get() is not None


@contextmanager
def collecting() -> Iterator[list[Dropped]]:
    """Note every drop of the extraction run inside, into the list yielded."""
    rec = _Recording([])
    token = _recording.set(rec)
    try:
        yield rec.sink
    finally:
        _recording.reset(token)


def find_with_dropped(article: Article) -> tuple[list[Draft], list[Dropped]]:
    """The drafts `events.find_drafts` keeps for the article, and the candidates its rules dropped."""
    from .events import find_drafts

    with collecting() as dropped:
        kept = find_drafts(article)
    return kept, list(dropped)


def _key(d: Draft) -> tuple:
    return (
        d.article_id,
        d.action,
        d.actor_country,
        d.force,
        d.location.place.country,
        d.destination.place.country if d.destination else None,
    )


def of_draft(d: Draft, reason: str, cue: str = "", then: str | None = None) -> Dropped:
    return Dropped(
        reason,
        d.article_id,
        d.position,
        d.action,
        cue,
        d.evidence,
        d,
        d.actor_country,
        d.force,
        d.location.place.country,
        d.destination.place.country if d.destination else None,
        then,
    )


def draft(d: Draft | None, reason: str) -> None:
    """Note one built event a rule dropped."""
    rec = _recording.get()
    if rec is not None and d is not None:
        rec.sink.append(of_draft(d, reason))


def drafts(before: list[Draft], after: list[Draft], reason: str) -> list[Draft]:
    """`after`, noting the events of `before` a rule dropped: those no kept event tells with the same action, owner
    and countries from the same cue. A draft folded into an earlier twin counts: the scorer matches one event to
    one gold event, and an article may tell two withdrawals of the same troops from the same country."""
    rec = _recording.get()
    if rec is not None and after is not before:
        kept = {(_key(d), d.position) for d in after}
        seen: set[tuple] = set()
        for d in before:
            k = (_key(d), d.position)
            if k not in kept and k not in seen:
                seen.add(k)
                rec.sink.append(of_draft(d, reason))
    return after


def cues(triggers: Iterable[Trigger], reason: str, sentence: Sentence, article_id: str) -> None:
    """Note cues for which no event was even tried ("no_military_context")."""
    rec = _recording.get()
    if rec is None:
        return
    for t in triggers:
        rec.sink.append(Dropped(reason, article_id, sentence.start + t.start, t.action, t.text, sentence.text))


def killed(before: list[Trigger], after: list[Trigger], why: Callable[[Trigger], str]) -> None:
    """Note the cues of `before` a check of the sentence killed (not in `after`), to be built at the sentence's end."""
    rec = _recording.get()
    if rec is None or len(after) == len(before):
        return
    alive = {id(t) for t in after}
    rec.pending.extend((t, why(t)) for t in before if id(t) not in alive)


def kill(before: list[Trigger], after: list[Trigger], reason: str) -> list[Trigger]:
    """`after`, noting the cues of `before` that one check (`reason`) killed."""
    if _recording.get() is not None:
        killed(before, after, lambda _t: reason)
    return after


def no_event(text: str, trig: Trigger, language: str, checks: Sequence[Callable[[str, Trigger, str], bool]]) -> str:
    """The name of the first check that finds the cue no happening; of the scope's checks, the one of them."""
    for check in checks:
        if check(text, trig, language):
            if check.__name__ == "states_no_movement":
                from . import scope

                reading = scope._scope(language)
                for part in (
                    scope.negated_inside,
                    scope.denied_after,
                    scope.unconfirmed,
                    scope.refused,
                    scope.weighed,
                    scope.moves_nothing,
                ):
                    if part(text, trig, reading):
                        return f"states_no_movement:{part.__name__}"
            return check.__name__
    return "no_event"


def replaced(old: Draft, new: Draft | None, reason: str) -> Draft | None:
    """`new`, noting `old` as dropped when a rule left no event in its stead."""
    if new is None:
        draft(old, reason)
    return new


def pending() -> bool:
    """Whether killed cues of this sentence wait to be built (the sentence then goes on with no live cue)."""
    rec = _recording.get()
    return rec is not None and bool(rec.pending)


def note_rule(name: str) -> None:
    """The owner rule that drops a cue; returns None, the rules' verdict."""
    rec = _recording.get()
    if rec is not None:
        rec.rule = name


def lost(
    reason: str,
    trig: Trigger,
    sentence: Sentence,
    ctx: _Context,
    country: str | None = None,
    force: Force | None = None,
    location: PlaceMention | None = None,
    action: str | None = None,
) -> None:
    """Note why no event could be built for a cue ("no_place", "owner:_nobody"); returns None, `_draft`'s answer."""
    rec = _recording.get()
    if rec is None:
        return None
    if reason == "owner":
        reason = "no_actor" if rec.rule == "_nobody" else f"owner:{rec.rule}"
    entry = Dropped(
        reason,
        ctx.article.id,
        sentence.start + trig.start,
        action or trig.action,
        trig.text,
        sentence.text,
        None,
        country,
        force.name if force is not None and force.reported else None,
        location.place.country if location is not None else None,
    )
    if rec.capture is not None:
        rec.capture.append(entry)
    else:
        rec.lost[id(trig)] = (trig, entry)
    return None


def settle(
    sentence: Sentence,
    live: list[Trigger],
    built: dict[int, Draft | None],
    build: Callable[[Trigger], Draft | None],
    ctx: _Context,
) -> None:
    """At the end of a sentence's building: note the live cues that built no event, then build the killed ones
    (the article's memory of armies moving at home left as the rules had it)."""
    rec = _recording.get()
    if rec is None:
        return
    for t in live:
        if built.get(id(t)) is None:
            known = rec.lost.get(id(t))
            at = sentence.start + t.start
            entry = Dropped("no_draft", ctx.article.id, at, t.action, t.text, sentence.text)
            rec.sink.append(known[1] if known is not None and known[0] is t else entry)
    rec.lost.clear()
    movers = set(ctx.home_movers)
    for t, reason in rec.pending:
        losses: list[Dropped] = []
        rec.capture = losses
        try:
            d = build(t)
        finally:
            rec.capture = None
        if d is not None:
            rec.sink.append(of_draft(d, reason, t.text))
        else:
            why = losses[-1] if losses else None
            known = (why.actor_country, why.force, why.location_country) if why else (None, None, None)
            at, then = sentence.start + t.start, why.reason if why else "no_draft"
            rec.sink.append(
                Dropped(reason, ctx.article.id, at, t.action, t.text, sentence.text, None, *known, None, then)
            )
    rec.pending.clear()
    ctx.home_movers.clear()
    ctx.home_movers.update(movers)
