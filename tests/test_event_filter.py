"""The learned draft filter's tooling (geo/event_filter.py, geo/learn.py): the features it reads in new wording
in each language, that no model is in use (it did not improve the held-out folders), that an enabled model
would drop by its threshold, and that the training labels follow the team scorer's match rule."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from bench.team_scorer import team_scorer
from geo import event_filter, learn
from geo.corpus import load_corpus
from geo.events import extract_article, extract_corpus, find_drafts
from geo.models import Article

from .conftest import ROOT

_DAY = dt.date(2024, 5, 2)
# a new deployment, then a background one a decade before publication, in each language (new wording)
ARTICLES = [
    Article(
        id="f_en",
        language="en",
        published=_DAY,
        text="Belgium sent 120 paratroopers to Niamey on Tuesday, the defence ministry said. "
        "Back in 2013, French troops had been deployed to Mali.",
    ),
    Article(
        id="f_fr",
        language="fr",
        published=_DAY,
        text="Le Portugal a déployé mardi 90 soldats à Bangui, a indiqué le ministère. "
        "En 2014, l'armée tchadienne avait envoyé des soldats au Cameroun.",
    ),
    Article(
        id="f_de",
        language="de",
        published=_DAY,
        text="Österreich hat am Dienstag 70 Soldaten nach Bamako verlegt, teilte das Ministerium mit. "
        "Im Jahr 2013 hatte Frankreich Truppen nach Mali entsandt.",
    ),
]
NEW = {"f_en": "BE", "f_fr": "PT", "f_de": "AT"}
OLD = {"f_en": "FR", "f_fr": "TD", "f_de": "FR"}


def _candidates(article: Article) -> dict[str, list[str]]:
    with event_filter.recording() as found:
        find_drafts(article)
    assert len(found) == 1
    _, drafts, feats = found[0]
    return {d.actor_country or "": f for d, f in zip(drafts, feats, strict=True)}


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.language)
def test_features_tell_a_new_event_from_a_background_one(article: Article) -> None:
    feats = _candidates(article)
    new, old = feats[NEW[article.id]], feats[OLD[article.id]]
    assert "years=0" in new and "years=4" in old  # the date's distance from publication
    assert "troops=none" not in new and "troops=none" in old
    assert "near=past" in old and "near=past" not in new  # "had been", "avait", "hatte" before the cue
    assert "pos=0" in new and "pos=0" not in old
    assert f"l={article.language}" in new and "a=deployment" in new
    assert not any(f.startswith(("cue=", "w-", "w+")) for f in new)  # no words of the sentence (off: measured)


def test_no_model_is_in_use_so_extraction_keeps_every_draft() -> None:
    assert event_filter._model() is None  # no enabled model ships: it did not improve folders 61-65
    for article in ARTICLES:
        with event_filter.recording():
            recorded = find_drafts(article)
        assert find_drafts(article) == recorded
        assert len(extract_article(article)) == 2


def test_an_enabled_model_drops_the_drafts_under_its_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    model = ({"years=4": -8.0, "near=past": -2.0}, 4.0, 0.5)
    assert event_filter.probability(["years=4", "near=past"], model) < 0.5 < event_filter.probability([], model)
    monkeypatch.setattr(event_filter, "_model", lambda: model)
    for article in ARTICLES:
        kept = extract_article(article)
        assert [e.actor_country for e in kept] == [NEW[article.id]]


def test_a_model_file_is_used_only_when_enabled(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "event_filter.json"
    monkeypatch.setattr(event_filter, "MODEL_PATH", path)
    data = {"schema": event_filter.SCHEMA, "enabled": False, "bias": 1.0, "threshold": 0.5, "weights": {"a": 1.0}}
    try:
        path.write_text(json.dumps(data), encoding="utf-8")
        event_filter._model.cache_clear()
        assert event_filter._model() is None
        path.write_text(json.dumps(data | {"enabled": True}), encoding="utf-8")
        event_filter._model.cache_clear()
        assert event_filter._model() == ({"a": 1.0}, 1.0, 0.5)
        path.write_text(json.dumps(data | {"enabled": True, "schema": -1}), encoding="utf-8")
        event_filter._model.cache_clear()
        assert event_filter._model() is None  # features of another schema
    finally:
        event_filter._model.cache_clear()


def test_training_is_deterministic_and_a_model_without_threshold_is_not_enabled() -> None:
    feats = [["x", "b"], ["x"], ["y", "b"], ["y"]] * 5
    labels = [1, 1, 0, 0] * 5
    one, two = learn.fit(feats, labels), learn.fit(feats, labels)
    assert np.array_equal(one.w, two.w) and one.b == two.b
    p = one.proba([["x"], ["y"]])
    assert p[0] > 0.7 > 0.3 > p[1]
    assert learn.Model(one.vocab, one.w, one.b, 0.0).to_json(enabled=True)["enabled"] is False
    assert learn.Model(one.vocab, one.w, one.b, 0.4).to_json(enabled=True)["enabled"] is True


def test_training_labels_follow_the_team_scorer() -> None:
    scorer = team_scorer()
    if scorer is None:
        pytest.skip("the team's shared/eval/score.py is not beside the checkout")
    folder = ROOT / "tests" / "data" / "events_heldout61"
    gold = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    rows = [json.loads(json.dumps(e.to_dict())) for e in extract_corpus(load_corpus([folder]).articles)]
    for g in gold["events"]:
        for r in rows:
            assert learn.compatible(g, r) == scorer.compatible(g, r, gold.get("points", {}))
    tp, fp, fn = learn.score(gold, rows)
    assert f"tp={tp} fp={fp} " in scorer.score_events(gold, rows, False)[1]
    assert f"fn={fn} " in scorer.score_events(gold, rows, False)[1]
