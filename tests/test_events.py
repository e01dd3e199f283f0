"""Event extraction end to end on real articles, scored with the team's scorer (shared/eval/score.py),
and the behaviours the issue names: troops that count troops, status from tense, the UK withdrawal
reported in English and French as one event, stable ids."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bench.team_scorer import score_events, team_scorer
from geo.corpus import load_corpus
from geo.events import extract_article, extract_corpus
from geo.models import Article

from .conftest import ROOT, SHARED

DATA = ROOT / "tests" / "data"
SEEDS = SHARED / "corpus" / "seeds"


def _score(corpus: Path, gold: Path) -> tuple[float, str]:
    scorer = team_scorer()
    if scorer is None:
        pytest.skip("the team's shared/eval/score.py is not beside the checkout")
    return score_events(scorer, corpus, gold)


def _slots(summary: str) -> dict[str, tuple[int, int]]:
    out = {}
    for part in summary.split():
        if "=" in part and "/" in part:
            key, value = part.split("=")
            right, total = value.split("/")
            out[key] = (int(right), int(total))
    return out


def test_seed_articles_reach_the_issue_figures() -> None:
    if not SEEDS.is_dir():
        pytest.skip("no shared seeds")
    f1, summary = _score(SEEDS, SHARED / "eval" / "gold" / "seeds.json")
    assert f1 >= 0.9, summary
    slots = _slots(summary)
    for key in ("troops", "date"):
        right, total = slots[key]
        assert right >= 0.9 * total, summary


@pytest.mark.parametrize(
    "folder",
    [
        "events",
        "events_heldout",
        "events_heldout2",
        "events_heldout3",
        "events_heldout4",
        "events_heldout5",
        "events_heldout6",
        "events_heldout7",
        "events_heldout8",
        "events_heldout21",
        "events_heldout23",
        "events_heldout24",
        "events_heldout10",
    ],
)
def test_own_articles_in_three_languages_score_well(folder: str) -> None:
    f1, summary = _score(DATA / folder, DATA / folder / "expected.json")
    assert f1 >= 0.8, summary  # the issue's figure for articles not seen


def test_hardest_held_out_batch_does_not_fall_back() -> None:
    """Batch 22 (first run 0.60, 0.79 before the noun-phrase and mandate fixes, 0.86 now): a floor near its
    present level keeps it there."""
    f1, summary = _score(DATA / "events_heldout22", DATA / "events_heldout22" / "expected.json")
    assert f1 >= 0.8, summary


def test_blind_batch_nine_does_not_fall_back() -> None:
    """Batch 9 was never tuned on (first run 0.83, 0.74 now): a floor keeps later changes from sinking it."""
    f1, summary = _score(DATA / "events_heldout9", DATA / "events_heldout9" / "expected.json")
    assert f1 >= 0.7, summary


@pytest.mark.parametrize(
    ("folder", "floor"),
    [
        ("events_heldout31", 0.7),  # first run 0.50, 0.78 now (0.65 before acc2's precision work)
        ("events_heldout33", 0.85),  # first run 0.62, 0.94 now (0.81 before acc2's precision work)
        ("events_heldout34", 0.7),  # first run 0.76, 0.77 now (acc3 tuned on it)
        # Blind until stop 8 ended: written by annotators who never saw the code, never tuned on, measured only.
        ("events_heldout32", 0.6),  # first run 0.63, 0.67 at the end of stop 8
        ("events_heldout35", 0.65),  # first run 0.72, 0.74 at the end of stop 8
        ("events_heldout36", 0.55),  # first run 0.65, 0.62 at the end of stop 8
        # Written by annotators who never saw the code in the stop-10 session (ANNOTATOR_BRIEF.md), tuned on after
        # their first run on main b91d8ed (first runs in the comments): 45-48 in round 1, all seven in round 2.
        ("events_heldout45", 0.66),  # first run 0.54, 0.60 after round 1, 0.65 (stop 10), s11 0.71, s12 0.71
        ("events_heldout46", 0.88),  # first run 0.60, 0.78 after round 1, 0.81 (stop 10), s11 0.89, s12 0.93
        ("events_heldout47", 0.83),  # first run 0.51, 0.62 after round 1, 0.69 (stop 10), s11 0.80, s12 0.88
        ("events_heldout48", 0.7),  # first run 0.43, 0.63 after round 1, 0.67 (stop 10), s11 0.73, s12 0.75
        ("events_heldout51", 0.78),  # first run 0.51, 0.51 r1 (dates, counts), 0.67 (stop 10), s11 0.77, s12 0.83
        ("events_heldout52", 0.7),  # first run 0.48, 0.54 r1 (not tuned on), 0.65 (stop 10), s11 0.68, s12 0.75
        ("events_heldout53", 0.85),  # first run 0.63, 0.62 r1 (not tuned on), 0.85 (stop 10), s11 0.89, s12 0.90
        # Blind through all of stop 10 (never shown to a tuner; measured only): first run, after round 1, at the end.
        ("events_heldout49", 0.64),  # 0.47, 0.51, 0.52, stop 11: 0.67, stop 12: 0.69
        ("events_heldout50", 0.62),  # 0.64, 0.63, 0.62, stop 11: 0.59, stop 12: 0.67
        ("events_heldout54", 0.74),  # 0.65, 0.67, 0.67, stop 11: 0.73, stop 12: 0.79
        ("events_heldout55", 0.75),  # 0.64, 0.70, 0.68, stop 11: 0.77, stop 12: 0.80
        # Blind through all of stop 11 (annotators never saw the code; measured only, never tuned on): first run on
        # main 71c6366, then at the end on 8e90b48. Themes chosen by the lead, who also briefed the registry,
        # regions and towns helpers: part of the gain is knowledge of the themes' forces and places.
        ("events_heldout56", 0.66),  # 0.47, 0.62, stop 12: 0.71
        ("events_heldout57", 0.64),  # 0.49, 0.64, stop 12: 0.69
        ("events_heldout58", 0.78),  # 0.62, 0.63, stop 12: 0.83
        ("events_heldout59", 0.7),  # 0.43, 0.54, stop 12: 0.75
        ("events_heldout60", 0.72),  # 0.57, 0.56, stop 12: 0.77
        # Blind through all of stop 12: each annotator chose its own theme within a constraint on years or actions
        # and told the lead only languages and counts, so no helper was briefed with the themes. First run on main
        # a7abfbc, then at the end of stop 12 (after eight branches tuned on 45-60): the honest unseen figure.
        ("events_heldout61", 0.62),  # 0.65, 0.67
        ("events_heldout62", 0.64),  # 0.67, 0.69
        ("events_heldout63", 0.64),  # 0.69, 0.69
        ("events_heldout64", 0.62),  # 0.62, 0.67
        ("events_heldout65", 0.57),  # 0.65, 0.62
        # Stop 13: written by annotators who chose their own themes (the lead set constraints on years, regions or
        # style) and who never saw the code; imported before any change of stop 13 so that a learned component may
        # train on the rules' honest output on them. First run on main 9a864c5.
        ("events_heldout71", 0.54),  # 0.59
        ("events_heldout72", 0.66),  # 0.71
        ("events_heldout73", 0.57),  # 0.62
        ("events_heldout74", 0.58),  # 0.63
        ("events_heldout75", 0.44),  # 0.49
        ("events_heldout76", 0.68),  # 0.73
        ("events_heldout77", 0.62),  # 0.67
        ("events_heldout78", 0.53),  # 0.58
        ("events_heldout83", 0.49),  # 0.54
        ("events_heldout84", 0.67),  # 0.72
        ("events_heldout85", 0.45),  # 0.50
        ("events_heldout86", 0.63),  # 0.68
        ("events_heldout87", 0.46),  # 0.51
        ("events_heldout88", 0.58),  # 0.63
        # Stop 13, blind all session (annotators chose their own themes; nobody who changed code saw them): first
        # run on 9a864c5, then at the end of stop 13 (after seven branches).
        ("events_heldout66", 0.53),  # 0.58, 0.58
        ("events_heldout67", 0.73),  # 0.79, 0.78
        ("events_heldout68", 0.68),  # 0.73, 0.73
        ("events_heldout69", 0.59),  # 0.64, 0.69
        ("events_heldout70", 0.72),  # 0.77, 0.77
        ("events_heldout79", 0.56),  # 0.61, 0.61
        ("events_heldout80", 0.73),  # 0.78, 0.78
        ("events_heldout81", 0.69),  # 0.74, 0.74
        ("events_heldout82", 0.57),  # 0.62, 0.62
        # Written at the end of stop 13 by annotators who never saw the code; first run on the final main of stop 13.
        ("events_heldout89", 0.65),  # 0.70
        ("events_heldout90", 0.6),  # 0.65
        ("events_heldout91", 0.77),  # 0.82
        ("events_heldout92", 0.64),  # 0.69
        ("events_heldout93", 0.67),  # 0.72
        ("events_heldout94", 0.69),  # 0.74
        ("events_heldout95", 0.54),  # 0.59
        ("events_heldout96", 0.54),  # 0.59
        # Stop 14, blind all session (b97-b104; nobody who changed code saw them), then t105-t116 (written mid-session,
        # scored before and after, never tuned on): first run on 68f18b0, then on the final main of stop 14.
        ("events_heldout97", 0.6),  # 0.63, 0.65
        ("events_heldout98", 0.55),  # 0.59, 0.60
        ("events_heldout99", 0.63),  # 0.70, 0.68
        ("events_heldout100", 0.52),  # 0.58, 0.57
        ("events_heldout101", 0.66),  # 0.69, 0.71
        ("events_heldout102", 0.63),  # 0.68, 0.68
        ("events_heldout103", 0.58),  # 0.63, 0.63
        ("events_heldout104", 0.64),  # 0.69, 0.69
        ("events_heldout105", 0.66),  # 0.71, 0.71
        ("events_heldout106", 0.53),  # 0.58, 0.58
        ("events_heldout107", 0.68),  # 0.72, 0.73
        ("events_heldout108", 0.55),  # 0.60, 0.60
        ("events_heldout109", 0.65),  # 0.71, 0.70
        ("events_heldout110", 0.63),  # 0.69, 0.68
        ("events_heldout111", 0.67),  # 0.69, 0.72
        ("events_heldout112", 0.72),  # 0.75, 0.77
        ("events_heldout113", 0.7),  # 0.75, 0.75
        ("events_heldout114", 0.49),  # 0.49, 0.54
        ("events_heldout115", 0.65),  # 0.70, 0.70
        ("events_heldout116", 0.57),  # 0.62, 0.62
    ],
)
def test_fresh_dev_batches_keep_their_gains(folder: str, floor: float) -> None:
    """Two dev batches an annotator wrote without seeing the code, measured once before any change they
    inspired (first runs in the comments): floors near their present level keep later changes honest."""
    f1, summary = _score(DATA / folder, DATA / folder / "expected.json")
    assert f1 >= floor, summary


def test_uk_withdrawal_in_english_and_french_is_one_event() -> None:
    if not SEEDS.is_dir():
        pytest.skip("no shared seeds")
    articles = [a for a in load_corpus([SEEDS]).articles if a.id.startswith(("000", "001"))]
    events = extract_corpus(articles)
    uk = [e for e in events if e.action == "withdrawal" and e.actor_country == "GB"]
    assert len(uk) == 1
    (event,) = uk
    assert set(event.article_ids) == {a.id for a in articles}
    assert event.date == "2022-11-14"
    assert event.troops == 300
    assert any("Royaume-Uni" in e for e in event.evidences) and any("United Kingdom" in e for e in event.evidences)


def test_event_ids_are_stable_and_do_not_depend_on_order() -> None:
    articles = load_corpus([DATA / "events"]).articles
    first = {e.event_id: e.to_dict() for e in extract_corpus(articles)}
    again = {e.event_id: e.to_dict() for e in extract_corpus(list(reversed(articles)))}
    assert first.keys() == again.keys()


def _article(text: str, lang: str = "en", published: dt.date = dt.date(2023, 5, 10)) -> Article:
    return Article(id="t", text=text, published=published, language=lang)


def test_people_killed_and_inhabitants_are_not_troops() -> None:
    events = extract_article(
        _article(
            "An airstrike by French forces near Gao on Monday killed 19 people in Mali, "
            "a country of 20 million inhabitants."
        )
    )
    assert [(e.action, e.actor_country, e.troops) for e in events] == [("strike", "FR", None)]
    assert events[0].location.place.name == "Gao"
    assert events[0].date == "2023-05-08"


@pytest.mark.parametrize(
    ("text", "lang", "status"),
    [
        ("The Bundeswehr will withdraw its 1,100 soldiers from Mali.", "en", "planned"),
        ("Germany announced that its 1,100 soldiers would leave Mali.", "en", "announced"),
        ("The last German soldiers have left Mali.", "en", "completed"),
        ("About 1,100 German soldiers are stationed in Mali.", "en", "ongoing"),
        ("Les soldats allemands doivent quitter le Mali.", "fr", "planned"),
        ("Les derniers soldats allemands ont quitté le Mali.", "fr", "completed"),
        ("Rund 1.100 Bundeswehrsoldaten sind in Mali stationiert.", "de", "ongoing"),
        ("Die Bundeswehr soll Mali bis Mai verlassen.", "de", "planned"),
    ],
)
def test_status_from_tense_and_modality(text: str, lang: str, status: str) -> None:
    events = extract_article(_article(text, lang))
    assert events, text
    assert events[0].status == status
    assert events[0].actor_country == "DE"


def test_the_most_specific_place_tied_to_the_troops_wins() -> None:
    (event,) = extract_article(_article("Some 250 Chadian soldiers are stationed in Kidal, in northern Mali."))
    assert (event.actor_country, event.troops, event.location.place.name) == ("TD", 250, "Kidal")


def test_there_points_back_to_the_last_place() -> None:
    text = "Germany plans to move troops from Mali to Niger. About 200 German soldiers are already stationed there."
    events = extract_article(_article(text))
    there = [e for e in events if e.action == "deployment" and e.troops == 200]
    assert there and there[0].location.place.country == "NE"
    moves = [e for e in events if e.action == "redeployment"]
    assert moves and (moves[0].location.place.country, moves[0].destination.place.country) == ("ML", "NE")


def test_negated_and_denied_deployments_are_no_events() -> None:
    text = (
        "The British government cannot deploy the army to Mali. "
        "Officials in Bamako denied reports that Russian mercenaries were present in Mali."
    )
    assert extract_article(_article(text)) == []


def test_text_without_troops_gives_no_event() -> None:
    assert extract_article(_article("France announced its withdrawal from the Paris climate agreement talks.")) == []
    assert extract_article(_article("")) == []


def test_each_event_keeps_its_evidence_sentence_verbatim() -> None:
    article = _article("Les derniers militaires français ont quitté Gao cet été. La junte s'en félicite.", "fr")
    (event,) = extract_article(article)
    assert event.evidence in article.text
    assert (event.date, event.date_precision, event.date_text) == ("2023-07", "season", "cet été")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "British peacekeepers pulled out of their camp in Gao on 2 March. "
            "The whole British contingent is due to leave Mali by 30 June.",
            "en",
        ),
        (
            "Les soldats belges ont quitté leur camp de Tombouctou le 4 février. "
            "Le contingent doit avoir quitté le Mali d'ici le 31 mai.",
            "fr",
        ),
        (
            "Die belgischen Soldaten haben ihr Lager in Gao am 4. Februar geräumt. "
            "Bis zum 31. Mai soll das Kontingent Mali vollständig verlassen.",
            "de",
        ),
    ],
)
def test_leaving_one_town_before_the_date_set_for_the_country_is_a_separate_withdrawal(text: str, lang: str) -> None:
    events = extract_article(_article(text, lang, published=dt.date(2023, 3, 6)))
    got = [(e.status, e.location.place.feature, e.date[:7]) for e in events]
    assert [s for s, _, _ in got] == ["completed", "planned"]
    assert got[0][1] != "country" and got[1][1] == "country"
    assert got[1][2] in ("2023-05", "2023-06")


@pytest.mark.parametrize(
    ("title", "text", "lang"),
    [
        (
            "Belgian trainers quit Niger",
            "Belgian trainers have left the camp at Tillabéri. Belgium had kept soldiers in Mali until 2022, "
            "in Gao and in Timbuktu. About 40 Belgian soldiers remain in the country for now.",
            "en",
        ),
        (
            "Les formateurs belges quittent le Niger",
            "Les formateurs belges ont quitté le camp de Tillabéri. La Belgique avait des soldats au Mali jusqu'en "
            "2022, à Gao et à Tombouctou. Environ 40 soldats belges restent pour l'instant dans le pays.",
            "fr",
        ),
        (
            "Belgische Ausbilder verlassen Niger",
            "Die belgischen Ausbilder haben das Lager in Tillabéri verlassen. Belgien hatte bis 2022 Soldaten in "
            "Mali, in Gao und in Timbuktu. Etwa 40 belgische Soldaten bleiben vorerst im Land.",
            "de",
        ),
    ],
)
def test_the_headline_and_the_lead_choose_the_country_the_article_is_about(title: str, text: str, lang: str) -> None:
    def remaining(t: str | None) -> str:
        article = Article(id="t", text=text, title=t, published=dt.date(2023, 3, 6), language=lang)
        (event,) = [e for e in extract_article(article) if e.troops == 40 and e.action == "deployment"]
        return event.location.place.country

    assert remaining(title) == "NE"
    assert remaining(None) == "ML"  # without the headline, Mali is named more often


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Italian soldiers left the camp at Agadez, near the border with Libya, "
            "which had housed 200 of them, on Monday.",
            "en",
        ),
        (
            "Les soldats italiens ont quitté lundi le camp d'Agadez, près de la frontière avec la Libye, "
            "qui avait abrité 200 d'entre eux.",
            "fr",
        ),
        (
            "Die italienischen Soldaten haben am Montag das Lager in Agadez nahe der Grenze zu Libyen, "
            "das 200 von ihnen beherbergt hatte, verlassen.",
            "de",
        ),
    ],
)
def test_a_country_named_as_a_landmark_before_a_relative_clause_is_no_actor(text: str, lang: str) -> None:
    events = extract_article(_article(text, lang, published=dt.date(2023, 3, 8)))
    assert ("withdrawal", "IT") in [(e.action, e.actor_country) for e in events]
    assert "LY" not in {e.actor_country for e in events}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Spanish troops left Chad last week. In Mauritania, where some 120 Spanish instructors are based, "
            "the government said on Monday that every foreign military presence would end next year.",
            "en",
        ),
        pytest.param(
            "Les soldats espagnols ont quitté le Tchad la semaine dernière. En Mauritanie, où quelque 120 instructeurs "
            "espagnols sont basés, le gouvernement a annoncé lundi que toute présence militaire étrangère prendrait "
            "fin l'an prochain.",
            "fr",
            marks=pytest.mark.xfail(
                strict=True,
                reason="known gap since merging acc's 'presence ... prendre fin' rule with acc3's fronted place: the "
                "French sentence now yields no event (the English and German ones do)",
            ),
        ),
        (
            "Die spanischen Soldaten haben den Tschad vergangene Woche verlassen. In Mauretanien, wo rund 120 "
            "spanische Ausbilder stationiert sind, kündigte die Regierung am Montag an, dass jede ausländische "
            "Militärpräsenz im nächsten Jahr enden werde.",
            "de",
        ),
    ],
)
def test_a_place_that_opens_the_sentence_frames_a_cue_far_from_it(text: str, lang: str) -> None:
    events = extract_article(_article(text, lang))
    # the second sentence's event (the presence there, or its announced end) is in Mauritania, not Chad
    assert {e.location.place.country for e in events if "120" in e.evidence} == {"MR"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Dutch helicopters were deployed to Gao in March 2014. "
            "The Netherlands deployed 250 more soldiers to Gao in November 2015.",
            "en",
        ),
        (
            "Des hélicoptères néerlandais ont été déployés à Gao en mars 2014. "
            "Les Pays-Bas ont déployé 250 soldats supplémentaires à Gao en novembre 2015.",
            "fr",
        ),
    ],
)
def test_two_deployments_of_one_country_dated_months_apart_stay_two(text: str, lang: str) -> None:
    events = extract_article(_article(text, lang, published=dt.date(2016, 1, 4)))
    assert sorted(e.date for e in events if e.action == "deployment") == ["2014-03", "2015-11"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "About 1,000 Dutch soldiers are deployed in Gao. "
            "A further 300 Dutch troops are stationed at Camp Firestone.",
            "en",
        ),
        (
            "Environ 1 000 soldats néerlandais sont déployés à Gao. "
            "300 autres soldats néerlandais sont stationnés au Camp Firestone.",
            "fr",
        ),
        (
            "Rund 1000 niederländische Soldaten sind in Gao stationiert. "
            "Weitere 300 niederländische Soldaten sind im Camp Firestone stationiert.",
            "de",
        ),
    ],
)
def test_a_place_unknown_to_the_gazetteer_takes_the_last_town_of_the_same_troops(text: str, lang: str) -> None:
    events = extract_article(_article(text, lang))
    assert {e.troops: e.location.place.name for e in events} == {1000: "Gao", 300: "Gao"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Some 250 Estonian soldiers are deployed in Gao with MINUSMA. "
            "Estonian soldiers in Gao also support Operation Barkhane.",
            "en",
        ),
        (
            "Quelque 250 soldats estoniens sont déployés à Gao au sein de la Minusma. "
            "Des soldats estoniens présents à Gao appuient aussi l'opération Barkhane.",
            "fr",
        ),
    ],
)
def test_a_presence_told_with_another_force_does_not_fold_into_the_first(text: str, lang: str) -> None:
    events = [e for e in extract_article(_article(text, lang)) if e.action == "deployment"]
    assert len(events) == 2
