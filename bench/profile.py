"""Where the extraction's CPU time goes, by sampling: `python -m bench.profile [ARTICLES] [LINES]`.

A timer of the process's CPU time (ITIMER_PROF) interrupts the extraction of the bench's articles every few
milliseconds and notes the function and line that run. Unlike cProfile it adds no cost per call (cProfile makes
the many small calls of the rules look three to five times dearer than they are) and, unlike a wall clock, it
does not count the time the process waits for a core on a loaded machine. A regex search counts for the line
that calls it. Unix only."""

from __future__ import annotations

import signal
import sys
import time
from collections import Counter
from types import FrameType

from geo.events import extract_corpus

from .bench_extract import _corpus

INTERVAL = 0.001  # seconds of CPU between samples (the kernel may round it up to its tick)


class _Samples:
    def __init__(self) -> None:
        self.total = 0
        self.own: Counter[str] = Counter()  # the function that runs
        self.lines: Counter[str] = Counter()  # the line that runs
        self.within: Counter[str] = Counter()  # every function on the stack, once per sample

    def take(self, _signum: int, frame: FrameType | None) -> None:
        if frame is None:
            return
        self.total += 1
        self.own[_name(frame)] += 1
        self.lines[f"{_name(frame)}:{frame.f_lineno}"] += 1
        seen = set()
        while frame is not None:
            name = _name(frame)
            if name not in seen:
                seen.add(name)
                self.within[name] += 1
            frame = frame.f_back


def _name(frame: FrameType) -> str:
    code = frame.f_code
    return f"{code.co_filename.rsplit('/', 1)[-1]}:{code.co_name}"


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    shown = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    articles = _corpus()[:count]
    extract_corpus(articles[:3])  # the gazetteer and the rules loaded, as in a running dashboard
    samples = _Samples()
    signal.signal(signal.SIGPROF, samples.take)
    signal.setitimer(signal.ITIMER_PROF, INTERVAL, INTERVAL)
    t0 = time.process_time()
    try:
        extract_corpus(articles)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
    spent = time.process_time() - t0
    rate = len(articles) / spent
    print(f"{len(articles)} articles in {spent:.2f} s CPU ({rate:.1f} articles/s), {samples.total} samples")
    for title, counts in (
        ("own time by function", samples.own),
        ("time within each function (its calls included)", samples.within),
        ("own time by line", samples.lines),
    ):
        print(f"== {title}")
        for name, n in counts.most_common(shown):
            print(f"  {n / max(1, samples.total):6.1%}  {name}")


if __name__ == "__main__":
    main()
