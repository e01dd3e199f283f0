"""The team's scorer (`../shared/eval/score.py`, beside the checkout), loaded once for the tests and the benchmarks
that score extraction against gold: it is the team's, so it is read where it lies, never copied here."""

from __future__ import annotations

import importlib.util
import json
import re
from functools import cache
from pathlib import Path
from types import ModuleType

from geo.corpus import load_corpus
from geo.events import extract_corpus

SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"


@cache
def team_scorer() -> ModuleType | None:
    """The scorer module, or None where the team's shared folder is not beside the checkout."""
    if not SCORER.is_file():
        return None
    spec = importlib.util.spec_from_file_location("team_score", SCORER)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_COUNTS = re.compile(r"tp=(\d+) fp=(\d+) .*?fn=(\d+)")


def counts(summary: str) -> tuple[int, int, int]:
    """tp, fp and fn read from the scorer's summary line (the scorer returns only that line and F1)."""
    m = _COUNTS.search(summary)
    return (int(m[1]), int(m[2]), int(m[3])) if m else (0, 0, 0)


def pooled(tp: int, fp: int, fn: int) -> str:
    """Precision, recall and F1 of summed counts, with the counts."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.2f} R={r:.2f} F1={f1:.2f} tp={tp} fp={fp} fn={fn}"


def score_events(scorer: ModuleType, corpus: Path, gold: Path) -> tuple[float, str]:
    """F1 and the scorer's summary line for the events extracted from `corpus` against the gold file `gold`."""
    events = extract_corpus(load_corpus([corpus]).articles)
    rows = [json.loads(json.dumps(e.to_dict())) for e in events]
    return scorer.score_events(json.loads(gold.read_text(encoding="utf-8")), rows, False)
