"""How far two careful readers agree, beside how far the extraction agrees with one of them: the ceiling that the
issue's target (F1 0.80 on unseen articles) should be read against.

tests/data/agreement/<folder>.json is a second, independent annotation of tests/data/<folder>/ (same articles,
written from the same annotator brief by someone who never saw the first gold nor the code). Each reading's required
events are turned into predictions (the first accepted force, actor and countries, troops and date) and scored by
the team's scorer against the other reading; the extraction is scored against the first reading, as the tests do.

`python -m bench bench_agreement` prints per folder and pooled (tp, fp and fn summed). Nothing is asserted."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

from bench.team_scorer import SCORER, counts, pooled, score_events, team_scorer

ROOT = Path(__file__).resolve().parent.parent
SECOND_READINGS = ROOT / "tests" / "data" / "agreement"


def _first(values: list | None) -> object:
    """The first accepted value that is not null (a reader who predicts gives one value)."""
    return next((v for v in values or [] if v is not None), None)


def as_predictions(gold: dict) -> list[dict]:
    """A reading's required events as the event rows an extractor would print."""
    rows = []
    for g in gold["events"]:
        if not g.get("required"):
            continue
        location, destination = _first(g.get("location_country_any")), _first(g.get("destination_country_any"))
        rows.append(
            {
                "article_ids": [g["article"]],
                "action": g["action"],
                "force": _first(g.get("force_any")),
                "actor_country": _first(g.get("actor_any")),
                "location": {"country": location} if location else None,
                "destination": {"country": destination} if destination else None,
                "troops": _first(g.get("troops_any")),
                "date": _first(g.get("date_any")),
                "evidence": g.get("evidence"),
            }
        )
    return rows


def compare(scorer: ModuleType, pairs: list[tuple[Path, Path]]) -> None:
    """Print, for each (first gold, second reading), the three scores, then the pooled figures."""
    totals = {"second reader vs first": [0, 0, 0], "first reader vs second": [0, 0, 0], "troopmap vs first": [0, 0, 0]}
    for first_path, second_path in pairs:
        first = json.loads(first_path.read_text(encoding="utf-8"))
        second = json.loads(second_path.read_text(encoding="utf-8"))
        lines = {
            "second reader vs first": scorer.score_events(first, as_predictions(second), False)[1],
            "first reader vs second": scorer.score_events(second, as_predictions(first), False)[1],
            "troopmap vs first": score_events(scorer, first_path.parent, first_path)[1],
        }
        for name, summary in lines.items():
            totals[name] = [a + b for a, b in zip(totals[name], counts(summary), strict=True)]
            print(f"  {first_path.parent.name:<18} {name:<24} {summary.removeprefix('events: ')}")
    for name, total in totals.items():
        print(f"  pooled {name:<34} {pooled(*total)}")


def main() -> None:
    scorer = team_scorer()
    if scorer is None:
        print(f"agreement: the team's scorer is not at {SCORER}")
        return
    pairs = []
    for second in sorted(SECOND_READINGS.glob("*.json")):
        first = ROOT / "tests" / "data" / second.stem / "expected.json"
        if first.is_file():
            pairs.append((first, second))
    if not pairs:
        print(f"agreement: no second readings in {SECOND_READINGS}")
        return
    compare(scorer, pairs)


if __name__ == "__main__":
    main()
