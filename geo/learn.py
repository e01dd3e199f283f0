"""Training and honest measurement of the learned event filter (geo/event_filter.py).

    python -m geo.learn eval [L2]              # (a) leave-one-group-out CV on the 37 tuned folders,
                                               # (b) trained on them, tested on 61-65 (never tuned on)
                                               # (c) trained on those 42, tested on 71 and after
    python -m geo.learn train [L2] [--enable]  # fit on the 42 gold folders, write geo/event_filter.json

Candidates are the drafts the rules build for an article before in-article merging; each is labelled by
whether the event it yields matches a gold event of its article (required or optional) under the team
scorer's rules (same action, a force or actor that agrees and none that contradicts, the location's country
among the gold's). The figures are the team scorer's counts over the whole pipeline (filter, merge in the
article, merge across the folder), recomputed here so that nothing of ../shared is imported.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .corpus import load_corpus
from .event_filter import MODEL_PATH, SCHEMA, recording
from .events import find_drafts
from .merge import Draft, drafts_to_events, merge_in_article, to_event

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
HELDOUT = tuple(f"events_heldout{n}" for n in range(61, 66))  # never tuned on: the honest check
FRESH_FROM = 71  # events_heldout71 and after: batches imported this round, untuned when the filter was measured
L2 = 3.0  # chosen on the tuned folders' cross-validation (out-of-fold AUC 0.630 at 1 and 3, 0.613 at 10)
MIN_COUNT = 2  # a feature seen fewer times in training gets no weight
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))  # about 92% of the drafts match: scores run high
GROUPS = 7  # the tuned folders in numeric order, cut into this many groups for cross-validation


# ------------------------------------------------------------------ the team scorer's matching


def _norm(text: str | None) -> str:
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().replace("\u2019", "'").split())


def _country(loc: object) -> str | None:
    if isinstance(loc, dict):
        return (loc.get("country") or None) and str(loc.get("country")).upper()
    return None


def compatible(gold: dict, pred: dict) -> bool:
    """The scorer's match: same action, an agreeing force or country and none contradicting, same country."""
    if (pred.get("action") or "").lower() != gold["action"]:
        return False
    known = {_norm(f) for f in gold.get("force_any", [None]) if f}
    actors = gold.get("actor_any", [None])
    pf = pred.get("force") or None
    pa = (pred.get("actor_country") or None) and str(pred["actor_country"]).upper()
    if pf is not None and _norm(pf) not in known:
        return False
    if pa is not None and pa not in actors:
        return False
    if not ((pf is not None and _norm(pf) in known) or (pa is not None and pa in actors)):
        return False
    if _country(pred.get("location")) not in gold.get("location_country_any", [None]):
        return False
    if gold["action"] == "redeployment":
        return _country(pred.get("destination")) in gold.get("destination_country_any", [None])
    return True


def _date_ok(gold: dict, pred: dict) -> bool:
    d = str(pred.get("date") or "")
    return any(d and (d.startswith(g) or (g.startswith(d) and len(d) >= 7)) for g in gold.get("date_any", []))


def score(gold_doc: dict, preds: list[dict]) -> tuple[int, int, int]:
    """(tp, fp, fn) as the team scorer counts them (its slot preference reduced to date and troops, which
    choose between compatible predictions and do not change the counts but in rare ties)."""
    golds: dict[str, list[dict]] = defaultdict(list)
    for g in gold_doc["events"]:
        golds[g["article"]].append(g)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for p in preds:
        for a in p.get("article_ids") or []:
            by_article[str(a)].append(p)
    tp = fp = fn = 0
    for article in set(golds) | set(by_article):
        unused = list(by_article.get(article, []))
        for g in sorted(golds.get(article, []), key=lambda g: not g["required"]):
            found = [p for p in unused if compatible(g, p)]
            if not found:
                fn += g["required"]
                continue
            hit = max(found, key=lambda p: (_date_ok(g, p), p.get("troops") in g.get("troops_any", [])))
            unused.remove(hit)
            tp += g["required"]
        fp += len(unused)
    return tp, fp, fn


# ------------------------------------------------------------------ candidates


@dataclass
class Folder:
    name: str
    gold: dict
    articles: list[tuple[list[Draft], list[list[str]], list[int]]]  # drafts, features, labels per article


def collect(path: Path) -> Folder:
    """The rules' drafts of every article of a folder, their features and labels."""
    gold = json.loads((path / "expected.json").read_text(encoding="utf-8"))
    by_article: dict[str, list[dict]] = defaultdict(list)
    for g in gold["events"]:
        by_article[g["article"]].append(g)
    articles = []
    for article in load_corpus([path]).articles:
        with recording() as found:
            find_drafts(article)
        for _, drafts, feats in found:
            rows = [to_event(d).to_dict() for d in drafts]
            labels = [int(any(compatible(g, r) for g in by_article.get(article.id, []))) for r in rows]
            articles.append((drafts, feats, labels))
    return Folder(path.name, gold, articles)


_BASE: dict[str, tuple[int, int, int]] = {}


def folder_score(folder: Folder, keep: Sequence[Sequence[bool]] | None = None) -> tuple[int, int, int]:
    """The pipeline's counts on a folder when only the drafts marked kept go on to merging."""
    if keep is None or all(all(k) for k in keep):
        if folder.name not in _BASE:
            _BASE[folder.name] = _folder_score(folder, None)
        return _BASE[folder.name]
    return _folder_score(folder, keep)


def _folder_score(folder: Folder, keep: Sequence[Sequence[bool]] | None) -> tuple[int, int, int]:
    drafts: list[Draft] = []
    for i, (ds, _, _) in enumerate(folder.articles):
        kept = ds if keep is None else [d for d, k in zip(ds, keep[i], strict=True) if k]
        drafts.extend(merge_in_article(kept))
    rows = [json.loads(json.dumps(e.to_dict())) for e in drafts_to_events(drafts, across_articles=True)]
    return score(folder.gold, rows)


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# ------------------------------------------------------------------ the model


@dataclass
class Model:
    vocab: dict[str, int]
    w: np.ndarray
    b: float
    threshold: float = 0.5

    def proba(self, feats: list[list[str]]) -> np.ndarray:
        x = _matrix(feats, self.vocab)
        return 1.0 / (1.0 + np.exp(-np.clip(x @ self.w + self.b, -30, 30)))

    def to_json(self, enabled: bool) -> dict:
        names = sorted(self.vocab)
        weights = {n: round(float(self.w[self.vocab[n]]), 5) for n in names if abs(self.w[self.vocab[n]]) >= 1e-4}
        return {
            "schema": SCHEMA,
            "enabled": enabled and self.threshold > 0,
            "bias": round(self.b, 5),
            "threshold": self.threshold,
            "weights": weights,
        }


def _matrix(feats: list[list[str]], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(feats), len(vocab)))
    for i, f in enumerate(feats):
        for name in f:
            j = vocab.get(name)
            if j is not None:
                x[i, j] = 1.0
    return x


def fit(feats: list[list[str]], labels: list[int], l2: float = L2) -> Model:
    """L2-regularised logistic regression by Newton's method (deterministic; the bias is not regularised)."""
    counts: dict[str, int] = defaultdict(int)
    for f in feats:
        for name in set(f):
            counts[name] += 1
    vocab = {n: i for i, n in enumerate(sorted(n for n, c in counts.items() if c >= MIN_COUNT))}
    x = np.hstack([_matrix(feats, vocab), np.ones((len(feats), 1))])
    y = np.asarray(labels, dtype=float)
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[-1] = 1e-6
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return Model(vocab, w[:-1], float(w[-1]))


def _flat(folders: Sequence[Folder]) -> tuple[list[list[str]], list[int]]:
    feats: list[list[str]] = []
    labels: list[int] = []
    for folder in folders:
        for _, fs, ls in folder.articles:
            feats.extend(fs)
            labels.extend(ls)
    return feats, labels


def _keep(folder: Folder, model: Model, threshold: float) -> list[list[bool]]:
    return [list(model.proba(fs) >= threshold) if fs else [] for _, fs, _ in folder.articles]


def _groups(folders: Sequence[Folder], n: int = GROUPS) -> list[list[Folder]]:
    def number(f: Folder) -> int:
        m = re.search(r"(\d+)$", f.name)
        return int(m.group(1)) if m else (0 if f.name == "events" else 1)

    ordered = sorted(folders, key=number)
    return [ordered[i * len(ordered) // n : (i + 1) * len(ordered) // n] for i in range(n)]


def _pooled(folders: Sequence[Folder], keeps: Sequence[list[list[bool]] | None]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for folder, keep in zip(folders, keeps, strict=True):
        a, b, c = folder_score(folder, keep)
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def choose_threshold(folders: Sequence[Folder], l2: float = L2) -> float:
    """The threshold that maximises the pipeline's pooled F1 over out-of-fold predictions on `folders`."""
    groups = _groups(folders)
    probs: dict[str, list[np.ndarray]] = {}
    for g in groups:
        rest = [f for h in groups if h is not g for f in h]
        model = fit(*_flat(rest), l2=l2)
        for folder in g:
            probs[folder.name] = [model.proba(fs) if fs else np.zeros(0) for _, fs, _ in folder.articles]
    best = (f1(*_pooled(folders, [None] * len(folders))), 0.0)
    for t in THRESHOLDS:
        keeps = [[list(p >= t) for p in probs[f.name]] for f in folders]
        score_t = f1(*_pooled(folders, keeps))
        if score_t > best[0] + 1e-9:
            best = (score_t, t)
    return best[1]


def train(folders: Sequence[Folder], l2: float = L2) -> Model:
    """The model fitted on `folders`, its threshold chosen by cross-validation on the same folders."""
    model = fit(*_flat(folders), l2=l2)
    model.threshold = choose_threshold(folders, l2)
    return model


def _fresh(name: str) -> bool:
    m = re.search(r"(\d+)$", name)
    return m is not None and int(m.group(1)) >= FRESH_FROM


def all_folders() -> list[Folder]:
    return [collect(p) for p in sorted(DATA.glob("events*")) if (p / "expected.json").is_file()]


def _line(label: str, counts: tuple[int, int, int]) -> str:
    tp, fp, fn = counts
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"  {label:<16} P={p:.2f} R={r:.2f} F1={f1(tp, fp, fn):.3f} tp={tp} fp={fp} fn={fn}"


def auc(scores: np.ndarray, labels: Sequence[int]) -> float:
    """The chance that a matching draft scores above a false one (ties count half)."""
    y = np.asarray(labels)
    pos, neg = scores[y == 1], scores[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    return float((pos[:, None] > neg[None, :]).mean() + 0.5 * (pos[:, None] == neg[None, :]).mean())


def _scores(folders: Sequence[Folder], model: Model) -> np.ndarray:
    return np.concatenate([model.proba(fs) for f in folders for _, fs, _ in f.articles if fs] or [np.zeros(0)])


def evaluate(folders: Sequence[Folder], l2: float = L2) -> None:
    """(a) leave-one-group-out on the tuned folders, (b) trained on them, tested on 61-65."""
    tuned = [f for f in folders if f.name not in HELDOUT and not _fresh(f.name)]
    held = [f for f in folders if f.name in HELDOUT]
    fresh = [f for f in folders if _fresh(f.name)]
    labels, held_labels = _flat(tuned)[1], _flat(held)[1]
    print(
        f"candidates (drafts before merging): tuned {len(labels)}, {len(labels) - sum(labels)} match no gold;", end=""
    )
    print(f" 61-65 {len(held_labels)}, {len(held_labels) - sum(held_labels)} match no gold")
    groups = _groups(tuned)
    keeps: dict[str, list[list[bool]]] = {}
    oof: list[np.ndarray] = []
    oof_labels: list[int] = []
    for g in groups:
        rest = [f for h in groups if h is not g for f in h]
        model = train(rest, l2)
        print(f"  fold {', '.join(f.name.removeprefix('events_') for f in g)}: threshold {model.threshold}")
        for folder in g:
            keeps[folder.name] = _keep(folder, model, model.threshold)
            oof.append(_scores([folder], model))
            oof_labels.extend(_flat([folder])[1])
    print(f"(a) leave-one-group-out over {len(groups)} groups of the {len(tuned)} tuned folders (l2={l2}):")
    print(f"  out-of-fold AUC of the drafts: {auc(np.concatenate(oof), oof_labels):.3f}")
    print(_line("rules alone", _pooled(tuned, [None] * len(tuned))))
    print(_line("rules + filter", _pooled(tuned, [keeps[f.name] for f in tuned])))
    model = train(tuned, l2)
    print(f"(b) trained on the tuned folders (threshold {model.threshold}), tested on 61-65:")
    print(f"  AUC of the drafts: {auc(_scores(held, model), held_labels):.3f}")
    print(_line("rules alone", _pooled(held, [None] * len(held))))
    print(_line("rules + filter", _pooled(held, [_keep(f, model, model.threshold) for f in held])))
    print("  (for insight only, not a choice: what other thresholds would have given on 61-65)")
    for t in (0.5, 0.6, 0.7, 0.8, 0.9):
        print(_line(f"  at {t}", _pooled(held, [_keep(f, model, t) for f in held])))
    if fresh:
        model = train(tuned + held, l2)
        print(
            f"(c) trained on the {len(tuned) + len(held)} folders (threshold {model.threshold}), tested on the", end=""
        )
        print(f" {len(fresh)} folders from {FRESH_FROM} on (untuned when measured):")
        print(f"  AUC of the drafts: {auc(_scores(fresh, model), _flat(fresh)[1]):.3f}")
        print(_line("rules alone", _pooled(fresh, [None] * len(fresh))))
        print(_line("rules + filter", _pooled(fresh, [_keep(f, model, model.threshold) for f in fresh])))
        for t in (0.5, 0.6, 0.7, 0.8):
            print(_line(f"  at {t}", _pooled(fresh, [_keep(f, model, t) for f in fresh])))


def main(argv: Sequence[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    command = args[0] if args else "eval"
    l2 = float(args[1]) if len(args) > 1 else L2
    folders = all_folders()
    if command == "eval":
        evaluate(folders, l2)
        return 0
    if command == "train":
        model = train([f for f in folders if not _fresh(f.name)], l2)
        data = model.to_json(enabled="--enable" in argv)
        MODEL_PATH.write_text(json.dumps(data, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        state = "enabled" if data["enabled"] else "not enabled (--enable, and a threshold above 0, enable it)"
        print(f"wrote {MODEL_PATH.name}: {len(model.vocab)} features, threshold {model.threshold}, {state}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
