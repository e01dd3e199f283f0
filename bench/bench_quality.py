"""Extraction quality on every test folder with gold events, scored by the team's scorer (../shared/eval/score.py):
F1 per folder and pooled (tp, fp and fn summed), so that a change is measured on all of them at once.

`python -m bench bench_quality` prints them; `python -m bench.bench_quality FOLDER...` scores other folders (a new
blind batch written with tests/data/ANNOTATOR_BRIEF.md, say) the same way. Nothing is asserted: the floors are in
tests/test_events.py."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bench.team_scorer import SCORER, score_events, team_scorer

ROOT = Path(__file__).resolve().parent.parent
_COUNTS = re.compile(r"tp=(\d+) fp=(\d+) .*?fn=(\d+)")


def score_folders(folders: list[Path]) -> None:
    """Print each folder's summary line and the pooled precision, recall and F1."""
    scorer = team_scorer()
    if scorer is None:
        print(f"quality: the team's scorer is not at {SCORER}")
        return
    tp = fp = fn = scored = 0
    for folder in folders:
        gold = folder / "expected.json"
        if not gold.is_file():
            continue
        _, summary = score_events(scorer, folder, gold)
        print(f"  {folder.name:<18} {summary.removeprefix('events: ')}")
        scored += 1
        m = _COUNTS.search(summary)
        if m:
            tp, fp, fn = tp + int(m[1]), fp + int(m[2]), fn + int(m[3])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"pooled over {scored} folders: P={p:.2f} R={r:.2f} F1={f1:.2f} tp={tp} fp={fp} fn={fn}")


def main() -> None:
    folders = [p for p in sorted((ROOT / "tests" / "data").glob("events*")) if (p / "expected.json").is_file()]
    score_folders(folders)


if __name__ == "__main__":
    if sys.argv[1:]:
        score_folders([Path(a) for a in sys.argv[1:]])
    else:
        main()
