"""Whose troops: the nationality words, armies and capitals of actors.json, with new sentences in en/fr/de,
and the look-alike pairs (Niger/Nigeria, Sudan/South Sudan, Guinea/Guinea-Bissau) kept apart."""

from __future__ import annotations

import pytest

from geo import rules
from geo.actors import find_actors

CASES = [
    (
        "en",
        "Rwandan troops and Central African soldiers held the bridge.",
        [("Rwandan", "RW"), ("Central African", "CF")],
    ),
    (
        "en",
        "A Togolese battalion relieved Bangladeshi peacekeepers.",
        [("Togolese", "TG"), ("Bangladeshi", "BD"), ("peacekeepers", "UN")],
    ),
    ("en", "Nigerien and Nigerian units met at the border.", [("Nigerien", "NE"), ("Nigerian", "NG")]),
    ("en", "South Sudanese and Sudanese officers signed the text.", [("South Sudanese", "SS"), ("Sudanese", "SD")]),
    (
        "en",
        "The Nigerian Army and the Ghana Armed Forces trained together.",
        [("Nigerian Army", "NG"), ("Ghana Armed Forces", "GH")],
    ),
    ("en", "FARDC and FACA patrols crossed paths near the river.", [("FARDC", "CD"), ("FACA", "CF")]),
    (
        "en",
        "An Equatorial Guinean delegation met Bissau-Guinean officers.",
        [("Equatorial Guinean", "GQ"), ("Bissau-Guinean", "GW")],
    ),
    ("en", "Kigali announced that Nepalis would join the mission.", [("Kigali", "RW"), ("Nepalis", "NP")]),
    ("en", "They polish their boots before boarding.", []),
    ("en", "Storms felled telegraph poles, and the Poles sent engineers.", [("Poles", "PL")]),
    ("de", "Die Malteser versorgten die Verletzten.", []),
    ("en", "Gunboats patrolled the Niger Delta and the Indian Ocean.", []),
    ("fr", "Des soldats ghanéens et des militaires rwandais sont arrivés.", [("ghanéens", "GH"), ("rwandais", "RW")]),
    (
        "fr",
        "Les Forces armées nigériennes (FAN) et les FAMa ont patrouillé.",
        [("Forces armées nigériennes", "NE"), ("FAN", "NE"), ("FAMa", "ML")],
    ),
    (
        "fr",
        "L'Armée nationale tchadienne (ANT) a déployé des renforts.",
        [("Armée nationale tchadienne", "TD"), ("ANT", "TD")],
    ),
    (
        "fr",
        "Des unités nigérianes et nigériennes, des VDP aussi.",
        [("nigérianes", "NG"), ("nigériennes", "NE"), ("VDP", "BF")],
    ),
    (
        "fr",
        "Les troupes sud-soudanaises ont croisé des soldats soudanais.",
        [("sud-soudanaises", "SS"), ("soudanais", "SD")],
    ),
    (
        "en",
        "Kenya Air Force jets and Danab commandos hit the camp.",
        [("Kenya Air Force", "KE"), ("Danab commandos", "SO")],
    ),
    (
        "en",
        "The Burkina Faso Gendarmerie relieved the Mali Army.",
        [("Burkina Faso Gendarmerie", "BF"), ("Mali Army", "ML")],
    ),
    ("en", "Rwanda Security Forces escorted the convoy.", [("Rwanda Security Forces", "RW")]),
    (
        "fr",
        "L'aviation tchadienne et la gendarmerie nigérienne.",
        [("aviation tchadienne", "TD"), ("gendarmerie nigérienne", "NE")],
    ),
    ("fr", "Les FRCI ont relevé la brigade Danab.", [("FRCI", "CI"), ("brigade Danab", "SO")]),
    (
        "de",
        "Die malische Luftwaffe und die nigrische Nationalgarde.",
        [("malische Luftwaffe", "ML"), ("nigrische Nationalgarde", "NE")],
    ),
    ("de", "Flugzeuge der sudanesischen Luftwaffe.", [("sudanesischen Luftwaffe", "SD")]),
    (
        "fr",
        "Des militaires équato-guinéens et bissau-guinéens sont arrivés.",
        [("équato-guinéens", "GQ"), ("bissau-guinéens", "GW")],
    ),
    (
        "fr",
        "N'Djaména a rappelé ses soldats ; Le Caire et Pékin ont protesté.",
        [("N'Djaména", "TD"), ("Le Caire", "EG"), ("Pékin", "CN")],
    ),
    (
        "fr",
        "Une frégate turque et des casques bleus rwandais.",
        [("turque", "TR"), ("casques bleus", "UN"), ("rwandais", "RW")],
    ),
    ("de", "Ruandische Soldaten und kenianische Polizisten trafen ein.", [("Ruandische", "RW"), ("kenianische", "KE")]),
    ("de", "Nigrische und nigerianische Truppen übten gemeinsam.", [("Nigrische", "NE"), ("nigerianische", "NG")]),
    (
        "de",
        "Südsudanesische und sudanesische Offiziere verhandelten.",
        [("Südsudanesische", "SS"), ("sudanesische", "SD")],
    ),
    (
        "de",
        "Die tschadischen Streitkräfte und die Libysche Nationalarmee.",
        [("tschadischen Streitkräfte", "TD"), ("Libysche Nationalarmee", "LY")],
    ),
    (
        "de",
        "Kairo, Algier und Moskau schwiegen, die Ghanaer nicht.",
        [("Kairo", "EG"), ("Algier", "DZ"), ("Moskau", "RU"), ("Ghanaer", "GH")],
    ),
    ("de", "Guinea-bissauische und guineische Soldaten.", [("Guinea-bissauische", "GW"), ("guineische", "GN")]),
]


@pytest.mark.parametrize(("lang", "text", "want"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_actor_words(lang: str, text: str, want: list[tuple[str, str]]) -> None:
    got = [(a.text, a.country) for a in find_actors(text, lang) if a.country]
    assert got == want


@pytest.mark.parametrize("lang", rules.LANGUAGES)
def test_every_entry_is_found_as_itself(lang: str) -> None:
    """A longer name is never cut by a shorter one of another kind ("Bissau-Guinean" is no "Bissau")."""
    data = rules.load("actors", lang)
    endings = {"en": [""], "fr": ["", "s", "e", "es"], "de": ["", "e", "en", "er"]}.get(lang, [""])
    for kind in ("adjectives", "demonyms", "armies", "capitals", "countries"):
        for name, code in data.get(kind, {}).items():
            if name.endswith("-"):
                continue
            for end in endings if kind == "adjectives" else [""]:
                found = find_actors(f"x {name}{end} y", lang)
                if isinstance(code, list):  # an acronym several countries use: its countries, which context picks
                    assert found and (found[0].text, found[0].candidates) == (name + end, tuple(code)), (kind, name)
                    continue
                assert found and (found[0].text, found[0].country) == (name + end, code), (kind, name + end)


@pytest.mark.parametrize(
    ("lang", "before"),
    [
        ("en", "The force is headquartered in Chad's capital, "),
        ("fr", "Le quartier général est installé dans la capitale tchadienne, "),
        ("de", "Das Hauptquartier liegt in der tschadischen Hauptstadt "),
    ],
)
def test_a_capital_named_as_a_town_is_no_government(lang: str, before: str) -> None:
    """ "Chad's capital, N'Djamena": the town, not the government seated there (unlike "N'Djamena decided")."""
    from geo.events import _syntax

    assert _syntax(lang).town_before.search(before)
    assert not _syntax(lang).town_before.search("Last week ")


def test_every_french_nationality_names_its_army() -> None:
    """ "avec l'armée gabonaise", "aux côtés des forces armées béninoises": the army starts at "armée", so that
    the partner word before it ("avec l'") is seen, as for the English "alongside the Gabonese army"."""
    found = find_actors("Un camp partagé avec l'armée gabonaise et les forces armées béninoises.", "fr")
    assert [(a.text, a.country, a.kind) for a in found] == [
        ("armée gabonaise", "GA", "army"),
        ("forces armées béninoises", "BJ", "army"),
    ]


@pytest.mark.parametrize(
    ("lang", "text", "acronym", "countries"),
    [
        ("en", "SAF warplanes bombed the market.", "SAF", ("SD",)),
        ("fr", "Les FAS ont repris le pont.", "FAS", ("SD", "SN")),
        ("fr", "Les FAT ont renforcé le poste.", "FAT", ("TG",)),
        ("en", "FAB units took over the post.", "FAB", ("BJ",)),
    ],
)
def test_army_acronyms_that_mean_an_army_only_where_it_serves(
    lang: str, text: str, acronym: str, countries: tuple[str, ...]
) -> None:
    found = [a for a in find_actors(text, lang) if a.text == acronym]
    assert found and found[0].candidates == countries
