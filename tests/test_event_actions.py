"""Action wordings that fresh articles showed the extractor missing or misreading, each in wordings of our
own in English, French and German (tests/data/event_actions.json): a presence told as the state of a base
or of assets, a withdrawal told as a base handed over or troops gone, an ended agreement, a strike or a
takeover told with a verb of attack or seizure."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from geo.events import extract_article, extract_corpus
from geo.models import Article

from .conftest import ROOT
from .test_event_constructions import _describe, _matches

CASES = json.loads((ROOT / "tests" / "data" / "event_actions.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_action_wording(case: dict) -> None:
    article = Article(
        id="t",
        text=case["text"],
        published=dt.date.fromisoformat(case.get("published", "2023-05-10")),
        language=case["lang"],
    )
    events = extract_corpus([article]) if case.get("corpus") else extract_article(article)
    for want in case["expect"]:
        assert any(_matches(e, want) for e in events), (want, _describe(events))
    for unwanted in case.get("not", []):
        assert not any(_matches(e, unwanted) for e in events), (unwanted, _describe(events))
