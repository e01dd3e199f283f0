"""The force registry: aliases in every language, who may serve in which force, default actors."""

from __future__ import annotations

import pytest

from geo.forces import find_forces, force_by_name, load_forces


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("soldiers of the “Barkhane” force", "Barkhane"),
        ("l'opération Barkhane a pris fin", "Barkhane"),
        ("Opération Serval, lancée en 2013", "Serval"),
        ("the Takuba taskforce", "Takuba"),
        ("Task Force Takuba", "Takuba"),
        ("the UN mission Minusma", "MINUSMA"),
        ("quittera (la Mission de la paix de l’ONU)", "MINUSMA"),
        ("the UN stabilization mission", "MINUSMA"),
        ("EUTM Mali trains soldiers", "EUTM Mali"),
        ("EUCAP Sahel Mali advises police", "EUCAP Sahel Mali"),
        ("the Russian paramilitary group Wagner", "Wagner Group"),
        ("le groupe Wagner", "Wagner Group"),
        ("die Gruppe Wagner", "Wagner Group"),
        ("la Force conjointe du G5 Sahel", "G5 Sahel Joint Force"),
        ("die Eingreiftruppe der G5-Sahel", "G5 Sahel Joint Force"),
        ("the special forces of Sabre", "Sabre"),
        ("Russlands Africa Corps", "Africa Corps"),
        ("la mission EUTM RCA", "EUTM RCA"),
        ("les combattants des FSR", "Rapid Support Forces"),
        ("die RSF-Miliz", "Rapid Support Forces"),
        ("les Casques bleus de la Minuad", "UNAMID"),
        ("le mandat de la Minuats", "UNITAMS"),
        ("la Force multinationale mixte", "MNJTF"),
        ("der Multinationalen Eingreiftruppe", "MNJTF"),
        ("le Corps africain russe", "Africa Corps"),
        ("the Flintlock exercise", "Flintlock"),
        ("la mission italienne au Niger", "MISIN"),
        ("l'opération Volcan de la colère", "Operation Volcano of Rage"),
        ("die Operation Vulkan des Zorns", "Operation Volcano of Rage"),
        ("the Operation Karama offensive", "Operation Dignity"),
        ("l'opération Kèlètigui au centre du pays", "Operation Kèlètigui"),
        ("die Operation Keletigui", "Operation Kèlètigui"),
        ("le dispositif Frontière étanche", "Operation Frontière Étanche"),
        ("Opération Émergence 4 dans l'Extrême-Nord", "Operation Emergence 4"),
        ("troops of Sokola 1 near Beni", "Operation Sokola"),
        ("l'exercice Cutlass Express", "Cutlass Express"),
        ("les opérations Koudanlgou", "Operation Koudalgou"),
        ("the ECOWAS intervention, Operation Restore Democracy", "ECOMIG"),
        ("Turkish contractors of SADAT", "SADAT"),
        ("le Corps expéditionnaire russe au Niger", "Africa Corps"),
        ("guards of Sewa Security Services", "Wagner Group"),
        ("les forces françaises au Sahel", "Forces françaises au Sahel"),
        ("die SADC-Mission SAMIDRC in Goma", "SAMIDRC"),
        ("the African Union mission, ATMIS, in Baidoa", "ATMIS"),
        ("the British LRRG patrols", "Long Range Reconnaissance Group"),
        ("Britain's Operation Newcombe", "Operation Newcombe"),
    ],
)
def test_aliases_in_every_language_find_the_canonical_force(text: str, name: str) -> None:
    assert [m.force.name for m in find_forces(text)] == [name]


def test_common_words_are_not_forces() -> None:
    assert find_forces("il a tiré son sabre; un serval court; richard wagner") == []


def test_the_longest_alias_wins() -> None:
    (m,) = find_forces("EUCAP Sahel Mali")
    assert (m.text, m.force.name) == ("EUCAP Sahel Mali", "EUCAP Sahel Mali")


def test_who_may_serve_in_a_force() -> None:
    assert force_by_name("MINUSMA").accepts("GB")  # a UN mission takes any country
    assert force_by_name("Barkhane").accepts("EE")
    assert not force_by_name("Wagner Group").accepts("GB")
    assert force_by_name("Wagner Group").accepts(None)


def test_default_actor_of_a_force_stands_for_it_as_a_whole() -> None:
    assert force_by_name("Barkhane").default_actor == "FR"
    assert force_by_name("Takuba").default_actor == "EU"
    assert force_by_name("MINUSMA").default_actor == "UN"
    assert force_by_name("Wagner Group").default_actor == "RU"


def test_every_force_is_found_by_each_of_its_aliases() -> None:
    for force in load_forces():
        for alias in force.aliases:
            found = find_forces(f"x {alias} x")
            assert found and found[0].force.name == force.name, (force.name, alias)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("EUTM Somalia trains the army", ["EUTM Somalia"]),  # another mission of the EUTM family, not EUTM Mali
        ("EUCAP Somalia advises the coast guard", ["EUCAP Somalia"]),
        ("EUCAP Mozambique advises the police", []),  # a family member the registry does not know: not EUCAP Mali
        ("EUTM Ukraine trains soldiers", []),
        ("EUTM Mali trains soldiers", ["EUTM Mali"]),
        ("the EUTM trains soldiers", ["EUTM Mali"]),
    ],
)
def test_a_country_after_a_missions_name_says_which_mission(text: str, names: list[str]) -> None:
    assert [m.force.name for m in find_forces(text)] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("deployed under Operation Desert Lantern since 2021", ["Operation Desert Lantern"]),
        ("dans le cadre de l'opération « Sable Rouge »", ["Operation Sable Rouge"]),
        ("im Rahmen der Operation Wüstenfuchs", ["Operation Wüstenfuchs"]),
        ("une offensive baptisée Colère du Lac", ["Operation Colère du Lac"]),
        ("an offensive code-named Iron Gate", ["Operation Iron Gate"]),
        ("im Rahmen der Operation Sandsturm 500 Soldaten", ["Operation Sandsturm"]),  # a noun after is no name
        ("l'opération d'évacuation Sagittaire", []),
        ("an evacuation operation dubbed Swallow", []),
        ("die Evakuierungsoperation Schwalbe", []),
        ("the operation ended in March", []),
        ("Operation Barkhane and Operation Desert Lantern", ["Barkhane"]),  # never over a registered force
    ],
)
def test_named_operations_unknown_to_the_registry(text: str, names: list[str]) -> None:
    assert [m.force.name for m in find_forces(text)] == names


def test_a_named_operation_is_a_force_any_nation_may_run() -> None:
    op = force_by_name("Operation Desert Lantern")
    assert op is not None and not op.listed and op.accepts("BJ") and op.default_actor is None


def test_a_garrison_abroad_is_not_reported_as_a_force() -> None:
    assert not force_by_name("Éléments français au Gabon").reported
    assert force_by_name("Barkhane").reported


@pytest.mark.parametrize(
    ("name", "lead", "theatre"),
    [
        ("Operation Laabingol", "BF", ("BF",)),
        ("Operation Garkuwar Kasa", "NE", ("NE",)),
        ("Operation Koundjoaré", "TG", ("TG",)),
        ("Operation Calm Life", "GH", ("GH",)),
        ("Operation Mlinzi wa Amani", "UG", ("SS",)),
        ("Operation Vikela", "ZA", ("MZ",)),
        ("Operation Trenton", "GB", ("SS",)),
    ],
)
def test_national_operations_have_their_nation_and_theatre(name: str, lead: str, theatre: tuple[str, ...]) -> None:
    force = force_by_name(name)
    assert force is not None and force.listed
    assert (force.lead, force.theatre, force.default_actor) == (lead, theatre, lead)


def test_a_joint_operation_takes_both_nations() -> None:
    force = force_by_name("Operation Taanli")
    assert force is not None and force.accepts("BF") and force.accepts("NE") and not force.accepts("FR")
