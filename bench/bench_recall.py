"""The recall ceiling of the rules: for every gold event the rules miss, whether a rule built it and dropped it (i),
found its cue but built no matching event (ii), or found no cue at all (iii); and what recall would be if every
dropped candidate that matches a missed event were kept (an oracle over the candidates, the most a learned filter
over kept + dropped candidates could reach), with how many dropped candidates would be false events if kept.

`python -m bench.bench_recall [-v] [FOLDER...]` (default: every tests/data/events* folder with gold, the tuned ones
and the held-out ones apart; -v lists every missed gold event with its class). Candidates come from
`geo.dropped.find_with_dropped`; matching is the team's scorer's (`compatible`: same action, an agreeing force or
actor, same country of place), per article, as it scores."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from bench.team_scorer import SCORER, counts, pooled, team_scorer
from geo.actions import find_triggers
from geo.corpus import load_corpus
from geo.dropped import Dropped, find_with_dropped, of_draft
from geo.events import article_language
from geo.merge import Draft, drafts_to_events

ROOT = Path(__file__).resolve().parent.parent
# folders nobody tuned on, apart from the tuned ones: the honest figures of unseen text
UNSEEN = {
    "held-out 61-65 (unseen)": re.compile(r"events_heldout6[1-5]$"),
    "held-out 71-78, 83-88 (unseen, untuned)": re.compile(r"events_heldout(7[1-8]|8[3-8])$"),
}
_ELLIPSIS = re.compile(r"\.\.\.|…|\[\.\.\.\]")


@dataclass
class Tally:
    """What one group of folders adds up to."""

    gold: int = 0  # required gold events
    found: int = 0  # matched by the rules' events
    classes: Counter[str] = field(default_factory=Counter)  # class of each missed gold event
    reasons: Counter[str] = field(default_factory=Counter)  # (i): the rules that dropped a matching candidate
    unbuilt: Counter[str] = field(default_factory=Counter)  # (ii) no event built: why
    candidates: Counter[str] = field(default_factory=Counter)  # dropped candidates with an event, by rule
    recover: Counter[str] = field(default_factory=Counter)  # of those: match a missed gold event
    duplicate: Counter[str] = field(default_factory=Counter)  # match a gold event the rules found (or optional)
    false: Counter[str] = field(default_factory=Counter)  # match no gold event: a false event if kept
    keep_all: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp fp fn with every dropped event kept
    oracle: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp fp fn with the dropped events of missed gold
    unmerged: list[int] = field(default_factory=lambda: [0, 0, 0])  # the same, of the drops that are no merge
    lines: list[str] = field(default_factory=list)  # one per missed gold event: its class and what was seen
    rules: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp fp fn of the rules


def _row(d: Draft) -> dict:
    """A kept draft as an event row of the team's scorer (the dropped candidates have `Dropped.row`)."""
    return {
        "action": d.action,
        "force": d.force,
        "actor_country": d.actor_country,
        "location": {"country": d.location.place.country},
        "destination": {"country": d.destination.place.country} if d.destination else None,
        "article_ids": list(d.ids),
        "evidence": d.evidence,
    }


def _matched(scorer: ModuleType, gold_doc: dict, rows: list[dict]) -> set[str]:
    """The ids of the gold events (required or not) the rows match, greedily per article as the scorer does."""
    points = gold_doc.get("points", {})
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        for a in r.get("article_ids") or []:
            by_article[str(a)].append(r)
    out: set[str] = set()
    golds = sorted(gold_doc["events"], key=lambda g: not g["required"])
    for g in golds:
        unused = by_article.get(g["article"], [])
        hits = [p for p in unused if scorer.compatible(g, p, points)]
        hit = max(hits, key=lambda p: scorer.slot_fit(g, p, points), default=None)
        if hit is not None:
            unused.remove(hit)
            out.add(g["id"])
    return out


def _counts(scorer: ModuleType, gold_doc: dict, rows: list[dict]) -> list[int]:
    _, summary = scorer.score_events(gold_doc, rows, False)
    return list(counts(summary))


def _slot(scorer: ModuleType, g: dict, rows: list[dict], points: dict) -> str:
    """What the events built from the gold event's sentence got wrong: the owner, the place, or both in each."""
    for row in rows:
        if scorer.compatible(g, {**row, "location": {"country": g["location_country_any"][0]}}, points):
            return "place"
    for row in rows:
        owner = {"force": (g.get("force_any") or [None])[0], "actor_country": (g.get("actor_any") or [None])[0]}
        if scorer.compatible(g, {**row, **owner}, points):
            return "owner"
    return "owner and place"


def _candidate(d: Dropped) -> bool:
    """Whether a dropped cue is a whole event the scorer could match: built, or stopped once its owner and place
    were known ("at_home", a nation that only comments on the move)."""
    return d.draft is not None or (d.location_country is not None and (d.actor_country or d.force) is not None)


def _why(d: Dropped) -> str:
    """The rule that killed a cue, and why it built no event either ("is_negated>no_actor")."""
    return f"{d.reason}>{d.then}" if d.then else d.reason


def _same_sentence(sentence: str, evidence: str, norm: Callable[[str], str]) -> bool:
    """Whether the rules' sentence is (part of) the gold evidence, which may leave words out ("... doit s'achever")."""
    x, y = norm(sentence), norm(evidence)
    if not x or not y:
        return False
    if x in y or y in x:
        return True
    parts = [p.strip(' ,;:«»"') for p in _ELLIPSIS.split(y)]
    return any(len(p) >= 12 and p in x for p in parts)


def measure(scorer: ModuleType, folder: Path, tally: Tally) -> None:
    """Add one folder's gold events, misses and dropped candidates to `tally`."""
    gold_doc = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    points = gold_doc.get("points", {})
    articles = load_corpus([folder]).articles
    kept: list[Draft] = []
    dropped: list[Dropped] = []
    language: dict[str, str] = {}
    for article in articles:
        k, d = find_with_dropped(article)
        kept.extend(k)
        dropped.extend(d)
        language[article.id] = article_language(article)
    events = [json.loads(json.dumps(e.to_dict())) for e in drafts_to_events(kept, across_articles=True)]
    # an event the in-article drafts had that merging across articles lost: dropped by that merge
    told = {(a, e["action"], e.get("actor_country"), e.get("force")) for e in events for a in e["article_ids"]}
    for d in kept:
        if (d.article_id, d.action, d.actor_country, d.force) not in told:
            dropped.append(of_draft(d, "merged_across"))
    tally.rules = [x + y for x, y in zip(tally.rules, _counts(scorer, gold_doc, events), strict=True)]
    rows_all = events + [d.row() for d in dropped if _candidate(d)]  # each its own event, unmerged
    tally.keep_all = [x + y for x, y in zip(tally.keep_all, _counts(scorer, gold_doc, rows_all), strict=True)]
    found = _matched(scorer, gold_doc, events)
    required = [g for g in gold_doc["events"] if g["required"]]
    tally.gold += len(required)
    tally.found += sum(g["id"] in found for g in required)
    by_article: dict[str, list[Dropped]] = defaultdict(list)
    for d in dropped:
        by_article[d.article_id].append(d)
    kept_by_article: dict[str, list[Draft]] = defaultdict(list)
    for d in kept:
        kept_by_article[d.article_id].append(d)
    rescued: list[Dropped] = []
    kept_apart: list[Dropped] = []  # of those, the ones a rule other than merging dropped
    for g in required:
        if g["id"] in found:
            continue
        mine = by_article.get(g["article"], [])
        hits = [d for d in mine if _candidate(d) and scorer.compatible(g, d.row(), points)]
        line = f"{g['id']}: {g['action']} {g.get('actor_any')} {g.get('force_any')} :: {g['evidence'][:100]}"
        if hits:
            tally.classes["(i) candidate, dropped"] += 1
            tally.reasons.update({d.reason for d in hits})
            free = [d for d in hits if not any(d is r for r in rescued)]
            if free:  # one candidate per gold event, as the scorer matches
                rescued.append(max(free, key=lambda d: scorer.slot_fit(g, d.row(), points)))
            ruled = [d for d in hits if not d.reason.startswith("merged") and not any(d is r for r in kept_apart)]
            if ruled:
                kept_apart.append(max(ruled, key=lambda d: scorer.slot_fit(g, d.row(), points)))
            tally.lines.append(f"  (i) [{', '.join(sorted({d.reason for d in hits}))}] {line}")
            continue
        here = [d for d in mine if _same_sentence(d.evidence, g["evidence"], scorer.norm)]
        built = [d.row() for d in here if _candidate(d) and d.action == g["action"]]
        built += [
            _row(d)
            for d in kept_by_article.get(g["article"], [])
            if d.action == g["action"] and _same_sentence(d.evidence, g["evidence"], scorer.norm)
        ]
        unbuilt = [d for d in here if not _candidate(d) and d.action == g["action"]]
        cues = find_triggers(g["evidence"], language.get(g["article"], "en"))
        if built:
            cls = f"(ii) built, other {_slot(scorer, g, built, points)}"
            seen = "; ".join(f"{r['actor_country']}/{r['force']}@{r['location']['country']}" for r in built)
        elif unbuilt:
            cls = "(ii) cue, no event built"
            tally.unbuilt.update({_why(d) for d in unbuilt})
            seen = ", ".join(sorted({f"{d.cue}: {_why(d)}" for d in unbuilt}))
        elif any(t.action == g["action"] for t in cues):
            cls, seen = "(ii) cue, event folded or elsewhere", ", ".join(t.text for t in cues)
        elif cues or here:
            cls = "(ii) cue of another action"
            seen = ", ".join([f"{t.text}={t.action}" for t in cues] + [f"{d.action}:{d.reason}" for d in here])
        else:
            cls, seen = "(iii) no cue", ""
        tally.classes[cls] += 1
        tally.lines.append(f"  {cls} [{seen}] {line}")
    oracle = events + [d.row() for d in rescued]
    tally.oracle = [x + y for x, y in zip(tally.oracle, _counts(scorer, gold_doc, oracle), strict=True)]
    apart = events + [d.row() for d in kept_apart]
    tally.unmerged = [x + y for x, y in zip(tally.unmerged, _counts(scorer, gold_doc, apart), strict=True)]
    golds = gold_doc["events"]
    for d in dropped:
        if not _candidate(d):
            continue
        row = d.row()
        matches = [g for g in golds if g["article"] == d.article_id and scorer.compatible(g, row, points)]
        tally.candidates[d.reason] += 1
        if any(g["required"] and g["id"] not in found for g in matches):
            tally.recover[d.reason] += 1
        elif matches:
            tally.duplicate[d.reason] += 1
        else:
            tally.false[d.reason] += 1


def _prf(tp: int, fp: int, fn: int) -> str:
    return pooled(tp, fp, fn)


def report(name: str, tally: Tally, verbose: bool = False) -> None:
    """Print one group's table (and with `verbose` every missed gold event with its class)."""
    missed = tally.gold - tally.found
    gold = max(tally.gold, 1)  # a group with no required gold event: recall 0, not a ZeroDivisionError
    print(f"\n== {name}: {tally.gold} gold events, rules find {tally.found} (recall {tally.found / gold:.2f})")
    print(f"   rules as scored: {_prf(*tally.rules)}")
    print(f"   missed {missed}:")
    for cls, n in sorted(tally.classes.items()):
        print(f"     {cls:<40} {n:>4}  {n / max(missed, 1):.0%}")
    print("   (i) by the rule that dropped a matching candidate (a gold event may count under several):")
    for reason, n in tally.reasons.most_common():
        print(f"     {reason:<52} {n:>4}")
    print("   (ii) cue, no event built, why:")
    for reason, n in tally.unbuilt.most_common():
        print(f"     {reason:<52} {n:>4}")
    false = sum(tally.false.values())
    total = sum(tally.candidates.values())
    cues = sum(v for k, v in tally.classes.items() if k.startswith("(ii)"))
    print(f"   oracle (keep the dropped candidates that match a missed gold event): {_prf(*tally.oracle)}")
    print(f"     of them, only the drops that are no merge (a keep/drop filter): {_prf(*tally.unmerged)}")
    tp, _, fn = tally.oracle
    print(f"   perfect filter over kept + dropped (keeps exactly those that match): {_prf(tp, 0, fn)}")
    print(f"   with every cue of (ii) built right as well, recall at most {(tally.oracle[0] + cues) / gold:.2f}")
    print(f"   keep every dropped candidate (each its own event): {_prf(*tally.keep_all)}")
    print(
        f"   dropped candidates (owner and place known): {total}; match a missed gold event "
        f"{sum(tally.recover.values())}, a found or optional one {sum(tally.duplicate.values())}, "
        f"none (false if kept) {false}"
    )
    print(f"     {'rule':<52} {'cands':>5} {'miss':>5} {'dup':>5} {'false':>5}")
    for reason, n in tally.candidates.most_common():
        print(
            f"     {reason:<52} {n:>5} {tally.recover[reason]:>5} {tally.duplicate[reason]:>5} {tally.false[reason]:>5}"
        )
    if verbose:
        print("   every missed gold event: [its class] [what the rules saw of it]")
        print("\n".join(tally.lines))


def main(argv: Sequence[str] = ()) -> None:
    """The table of the given folders, or of the tuned and the held-out folders apart (`python -m bench` calls it
    with none)."""
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    scorer = team_scorer()
    if scorer is None:
        print(f"recall: the team's scorer is not at {SCORER}")
        return
    if args:
        groups = {"given folders": [Path(a) for a in args]}
    else:
        folders = [p for p in sorted((ROOT / "tests" / "data").glob("events*")) if (p / "expected.json").is_file()]
        unseen = {name: [p for p in folders if rule.search(p.name)] for name, rule in UNSEEN.items()}
        tuned = [p for p in folders if not any(p in group for group in unseen.values())]
        groups = {f"{len(tuned)} tuned folders": tuned, **unseen}
    for name, folders in groups.items():
        tally = Tally()
        for folder in folders:
            measure(scorer, folder, tally)
        report(name, tally, verbose)


if __name__ == "__main__":
    main(sys.argv[1:])
