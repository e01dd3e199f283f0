"""What is no event, and whose troops they are: negated troops, denied claims, threats and conditions,
in wording that no tuned article uses (each case a construction, in English, French and German)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events import extract_article
from geo.models import Article


def _events(text: str, lang: str = "en") -> list[tuple[str, str | None, str | None]]:
    article = Article(id="t", text=text, published=dt.date(2023, 5, 10), language=lang)
    return [(e.action, e.actor_country, e.location.place.country) for e in extract_article(article)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Belgium insists that it has no paratroopers stationed in Niger.", "en"),
        ("Le Portugal affirme qu'il n'a aucun soldat déployé au Niger.", "fr"),
        ("Die Niederlande erklärten, sie hätten keine Fallschirmjäger im Niger stationiert.", "de"),
    ],
)
def test_negated_troops_are_no_presence(text: str, lang: str) -> None:
    assert _events(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Reports that Hungary would dispatch 200 soldiers to Chad were firmly denied by its ministry.", "en"),
        ("Les informations selon lesquelles la Hongrie enverrait 200 soldats au Tchad ont été démenties.", "fr"),
        ("Meldungen, wonach Ungarn 200 Soldaten in den Tschad schicken wolle, wies das Ministerium zurück.", "de"),
    ],
)
def test_a_claim_denied_after_it_is_no_event(text: str, lang: str) -> None:
    assert _events(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Niger threatened on Friday to pull its 900 soldiers out of the joint force in Chad.", "en"),
        ("Le Niger a menacé vendredi de retirer ses 900 soldats de la force conjointe au Tchad.", "fr"),
        ("Niger drohte am Freitag, seine 900 Soldaten aus der gemeinsamen Truppe im Tschad abzuziehen.", "de"),
        ("If Spain sent 300 soldiers to Niger, the junta would protest.", "en"),
        ("Such a deployment of Spanish troops in Niger would anger the junta.", "en"),
        ("Un tel déploiement de soldats espagnols au Niger fâcherait la junte.", "fr"),
    ],
)
def test_threats_conditions_and_hypotheticals_are_no_events(text: str, lang: str) -> None:
    assert _events(text, lang) == []


def test_a_real_deployment_beside_them_stays() -> None:
    assert _events("Spain has 300 soldiers stationed in Niger.") == [("deployment", "ES", "NE")]
    assert _events("Die Niederlande haben 300 Soldaten im Niger stationiert.", "de") == [("deployment", "NL", "NE")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The 250 Belgian paratroopers who had been stationed there boarded a convoy bound for Niamey.", "en"),
        ("Les 250 parachutistes belges qui y étaient cantonnés ont embarqué dans un convoi vers Niamey.", "fr"),
        ("Die 250 belgischen Fallschirmjäger, die dort stationiert waren, bestiegen einen Konvoi nach Niamey.", "de"),
    ],
)
def test_a_past_presence_in_a_relative_clause_is_no_deployment(text: str, lang: str) -> None:
    assert [e for e in _events(text, lang) if e[0] == "deployment"] == []


def test_a_past_presence_dated_from_its_start_stays() -> None:
    text = "The 250 Belgian paratroopers, who had been stationed in Tillia since 2019, boarded a convoy."
    assert ("deployment", "BE", "NE") in _events(text)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chad sent 500 troops to Mali in 2013. Soldiers in Bamako ousted the president in August.", "en"),
        ("Des militaires nigériens ont expulsé l'ambassadeur de France au Niger.", "fr"),
    ],
)
def test_a_coup_or_an_expelled_envoy_is_no_withdrawal(text: str, lang: str) -> None:
    assert [e for e in _events(text, lang) if e[0] == "withdrawal"] == []


def test_expelled_troops_are_still_a_withdrawal() -> None:
    assert ("withdrawal", "FR", "NE") in _events("The junta in Niamey expelled the 1,500 French soldiers.")


@pytest.mark.parametrize(
    ("text", "lang", "country"),
    [
        ("In Lisbon, the government said it would bring home its 80 paratroopers from Mali.", "en", "PT"),
        ("À Varsovie, le gouvernement a annoncé le retrait de ses 80 parachutistes du Mali.", "fr", "PL"),
        ("Die Regierung in Kopenhagen kündigte an, ihre 80 Fallschirmjäger aus Mali abzuziehen.", "de", "DK"),
    ],
)
def test_a_capital_standing_for_its_government_is_the_actor_not_the_place(text: str, lang: str, country: str) -> None:
    assert ("withdrawal", country, "ML") in _events(text, lang)


def test_a_coalition_contingent_belongs_to_the_country_that_sends_it() -> None:
    text = (
        "The government in Lisbon decided on Friday to bring home the 80 paratroopers serving "
        "with the European Takuba task force in Mali."
    )
    assert [e[1] for e in _events(text) if e[0] == "withdrawal"] == ["PT"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The convoy reached Tillia, a town in the region that borders Mali, on Monday. "
            "About 200 Belgian soldiers are now stationed there.",
            "en",
        ),
        (
            "Le convoi a atteint Tillia, dans la région frontalière du Mali, lundi. "
            "Quelque 200 soldats belges y sont désormais stationnés.",
            "fr",
        ),
    ],
)
def test_there_never_points_back_to_a_border_landmark(text: str, lang: str) -> None:
    assert _events(text, lang) == [("deployment", "BE", "NE")]


def test_a_move_between_two_towns_of_one_country_is_no_withdrawal() -> None:
    text = (
        "Belgian troops arrived in Niger on Friday. A column of their armoured vehicles left Niamey before dawn "
        "and was heading towards Tillia, an officer said."
    )
    actions = [e[0] for e in _events(text)]
    assert "withdrawal" not in actions and "redeployment" in actions


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Spain sent 200 soldiers to the MNJTF in Chad in 2016. The joint force, which at its height had "
            "10,000 troops, is to wind down its operations in Chad next month.",
            "en",
        ),
        (
            "L'Espagne a envoyé 200 soldats à la MNJTF au Tchad en 2016. La force conjointe, qui comptait "
            "10 000 hommes à son apogée, doit cesser ses opérations au Tchad le mois prochain.",
            "fr",
        ),
    ],
)
def test_a_sentence_opening_on_the_force_is_about_the_force_not_the_last_country(text: str, lang: str) -> None:
    events = _events(text, lang)
    assert ("withdrawal", "ES", "TD") not in events
    assert [e for e in events if e[0] == "withdrawal"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Spain keeps 200 soldiers in Gao, in northern Mali. Chad has agreed to host Spanish troops "
            "at the air base of N'Djamena.",
            "en",
        ),
        (
            "L'Espagne maintient 200 soldats à Gao, dans le nord du Mali. Le Tchad a accepté d'accueillir "
            "des soldats espagnols sur la base aérienne de N'Djamena.",
            "fr",
        ),
    ],
)
def test_a_host_welcoming_new_troops_is_a_deployment_there_not_a_move(text: str, lang: str) -> None:
    events = _events(text, lang)
    assert ("deployment", "ES", "TD") in events and not [e for e in events if e[0] == "redeployment"]


def test_a_host_taking_in_troops_that_leave_the_country_is_a_move() -> None:
    text = (
        "Spain keeps 200 soldiers in Gao, in northern Mali. After the Spanish withdrawal from Mali, "
        "Chad agreed to host the Spanish troops."
    )
    assert any(e[0] == "redeployment" for e in _events(text))


def _places(text: str, lang: str) -> list[tuple[str, str | None]]:
    article = Article(id="t", text=text, published=dt.date(2023, 5, 10), language=lang)
    return [(e.action, e.location.place.name) for e in extract_article(article)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La junte à Niamey a exigé le retrait des 1 500 soldats français.", "fr"),
        ("Die Militärregierung in Niamey forderte den Abzug der 1500 französischen Soldaten.", "de"),
    ],
)
def test_a_demand_is_not_located_in_the_capital_that_makes_it(text: str, lang: str) -> None:
    assert _places(text, lang) == [("withdrawal", "Niger")]


def test_an_arrival_told_in_a_relative_clause_stays_an_event() -> None:
    text = "The 90 Danish commandos, who had arrived in Ménaka only days before, were told to leave Mali."
    assert ("deployment", "DK", "ML") in _events(text)


@pytest.mark.parametrize(
    ("text", "lang", "host"),
    [
        (
            "Spain keeps 200 soldiers in Gao, in northern Mali. Chad has agreed to the deployment of "
            "European trainers in Abéché.",
            "en",
            "TD",
        ),
        (
            "L'Espagne maintient 200 soldats à Gao, dans le nord du Mali. Le Tchad a condamné l'arrivée de "
            "300 casques bleus à Abéché.",
            "fr",
            "TD",
        ),
        (
            "Spanien hat 200 Soldaten in Gao im Norden Malis. Tschad hatte der Entsendung europäischer "
            "Ausbilder ausdrücklich zugestimmt.",
            "de",
            "TD",
        ),
    ],
)
def test_a_host_consenting_to_or_condemning_eu_or_un_troops_is_not_their_owner(text: str, lang: str, host: str) -> None:
    assert not [e for e in _events(text, lang) if e[1] == host]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Belgian soldiers handed over their camp in Tillia to the Nigerien army on Friday, "
            "bringing the curtain down on the Belgian presence in the area.",
            "en",
        ),
        (
            "Les soldats belges ont remis leur camp de Tillia à l'armée nigérienne vendredi, "
            "mettant fin à la présence belge dans la région.",
            "fr",
        ),
    ],
)
def test_a_presence_named_as_it_ends_is_no_deployment(text: str, lang: str) -> None:
    assert [e for e in _events(text, lang) if e[0] == "deployment"] == []


def test_a_vote_still_to_come_is_no_event() -> None:
    assert _events("Parliament is yet to approve the deployment of 300 Belgian soldiers to Niger.") == []


def test_a_german_subject_that_opens_the_sentence_owns_the_verb_at_its_end() -> None:
    text = (
        "Die Blauhelme der UN-Mission Minusma, darunter viele Soldaten aus Bangladesch und Ägypten, "
        "hatten ihr großes Lager bei Tessalit im Norden Malis am 12. März vollständig geräumt."
    )
    assert _events(text, "de") == [("withdrawal", "UN", "ML")]


def test_a_coalition_named_alone_serves_the_country_the_article_follows() -> None:
    text = (
        "Portugal zieht seine 80 Fallschirmjäger bis Juni aus Mali ab. "
        "Der Einsatz bei Takuba war dagegen erst im vergangenen Jahr in Ménaka angelaufen."
    )
    assert ("deployment", "PT", "ML") in _events(text, "de")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Chinese-made drones bombed several rebel positions near Kidal on Sunday.", "en"),
        ("Drohnen chinesischer Bauart bombardierten am Sonntag mehrere Stellungen der Rebellen bei Kidal.", "de"),
        ("Des drones de fabrication chinoise ont bombardé dimanche plusieurs positions rebelles près de Kidal.", "fr"),
    ],
)
def test_where_the_arms_were_made_is_not_whose_strike_it_is(text: str, lang: str) -> None:
    assert not [e for e in _events(text, lang) if e[1] == "CN"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Norway will pull its 70 soldiers out of Mali next year, citing the presence of Russian mercenaries.", "en"),
        (
            "La Norvège retirera ses 70 soldats du Mali l'an prochain, invoquant la présence de mercenaires russes.",
            "fr",
        ),
    ],
)
def test_a_presence_given_as_a_reason_is_no_event_of_its_own(text: str, lang: str) -> None:
    assert [e for e in _events(text, lang) if e[0] == "deployment"] == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Spain would send 300 soldiers to Niger if the junta asked for them.", "en"),
        ("L'Espagne pourrait déployer 300 soldats au Niger si la junte le demandait.", "fr"),
        ("Spanien würde 300 Soldaten in den Niger schicken, falls die Junta darum bittet.", "de"),
    ],
)
def test_a_deployment_on_a_condition_is_no_event(text: str, lang: str) -> None:
    assert _events(text, lang) == []


def test_a_plan_without_a_condition_stays() -> None:
    assert _events("Spain would send 300 soldiers to Niger, the minister said.") == [("deployment", "ES", "NE")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Belgian helicopters flew medical evacuation flights out of Gao until March.", "en"),
        ("Des hélicoptères belges ont assuré des vols d'évacuation depuis Gao jusqu'en mars.", "fr"),
    ],
)
def test_an_action_noun_that_qualifies_another_noun_is_no_event(text: str, lang: str) -> None:
    # the evacuation qualifies the flights: no departure; helicopters flying missions out of Gao are stationed
    # there, a presence the annotators count (events_heldout53 u02-7), so only the withdrawal is wrong here
    assert [e for e in _events(text, lang) if e[0] != "deployment"] == []
