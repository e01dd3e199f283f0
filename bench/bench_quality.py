"""Extraction quality on every test folder with gold events, scored by the team's scorer (../shared/eval/score.py):
F1 per folder and pooled (tp, fp and fn summed), so that a change is measured on all of them at once.

`python -m bench bench_quality` prints them; `python -m bench.bench_quality FOLDER...` scores other folders (a new
blind batch written with tests/data/ANNOTATOR_BRIEF.md, say) the same way. Nothing is asserted: the floors are in
tests/test_events.py."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.team_scorer import SCORER, counts, pooled, score_events, team_scorer

ROOT = Path(__file__).resolve().parent.parent


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
        tp, fp, fn = (a + b for a, b in zip((tp, fp, fn), counts(summary), strict=True))
    print(f"pooled over {scored} folders: {pooled(tp, fp, fn)}")


def main() -> None:
    folders = [p for p in sorted((ROOT / "tests" / "data").glob("events*")) if (p / "expected.json").is_file()]
    score_folders(folders)


if __name__ == "__main__":
    if sys.argv[1:]:
        score_folders([Path(a) for a in sys.argv[1:]])
    else:
        main()
