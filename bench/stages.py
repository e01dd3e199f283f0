"""Where the extraction's time goes: CPU time per stage, each stage's own time (what the stages it calls took
is theirs), so that the stages add up to the whole. Timers wrap the functions where `geo.events` looks them
up; they cost a little, so the figures come from a run of their own, after the speed is measured."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from geo import events

# (name in geo.events, what the stage does); the order is the report's
STAGES = (
    ("_find_places", "places: names found and geocoded"),
    ("split_sentences", "sentences split"),
    ("_main_country", "the article's main country"),
    ("find_forces", "forces named"),
    ("find_triggers", "action cues found"),
    ("_actor_candidates", "actor candidates (nations, armies, leaders)"),
    ("_NO_EVENT", "cue checks (negation, past relative, auxiliary...)"),
    ("find_troop_counts", "troop counts"),
    ("status_cues", "status cues"),
    ("find_dates_both_ways", "dates"),
    ("_draft", "one event per cue (actor, place, status, date)"),
    ("_sentence_drafts", "the rest of a sentence's reading (costs, owners of counts and dates)"),
    ("merge_in_article", "merging within an article"),
    ("drafts_to_events", "merging across articles"),
)


class _Clock:
    """Own CPU time per stage: a stage's time less the time of the stages it called."""

    def __init__(self) -> None:
        self.own: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()
        self._inner: list[float] = []  # per open stage: the time its inner stages took

    def wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self._inner.append(0.0)
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent = time.process_time() - t0
                inner = self._inner.pop()
                self.own[name] += spent - inner
                self.calls[name] += 1
                if self._inner:
                    self._inner[-1] += spent

        return timed


@contextmanager
def timed_stages() -> Iterator[_Clock]:
    """Timers on the stages of `geo.events` while the block runs; the functions are put back after."""
    clock = _Clock()
    saved = {name: getattr(events, name) for name, _ in STAGES}
    try:
        for name, fn in saved.items():
            if name == "_NO_EVENT":
                setattr(events, name, tuple(clock.wrap(name, f) for f in fn))
            else:
                setattr(events, name, clock.wrap(name, fn))
        yield clock
    finally:
        for name, fn in saved.items():
            setattr(events, name, fn)


def report(clock: _Clock, articles: int, total: float) -> list[str]:
    """One line per stage: milliseconds of CPU per article and share of the whole."""
    lines = []
    for name, label in STAGES:
        own = clock.own[name]
        lines.append(f"  {own / articles * 1000:6.2f} ms/article {own / total:5.1%}  {label}")
    rest = total - sum(clock.own.values())
    lines.append(f"  {rest / articles * 1000:6.2f} ms/article {rest / total:5.1%}  the rest (the sentence loop)")
    return lines
