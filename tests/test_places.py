"""Place recognition on real articles (en/fr/de test articles with their gold, and the team's seeds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from geopy.distance import great_circle

from bench.team_scorer import team_scorer
from geo.corpus import load_corpus
from geo.models import Article, PlaceMention
from geo.names import fold
from geo.places import find_mentions, find_places
from tests.conftest import ROOT, SHARED

PLACES = ROOT / "tests" / "data" / "places"
GOLD = json.loads((PLACES / "gold.json").read_text(encoding="utf-8"))["articles"]
ARTICLES = {a.id: a for a in load_corpus([PLACES / "articles"]).articles}


def _hits(gold: dict, m: PlaceMention) -> bool:
    if gold["kind"] == "country":
        return m.place.feature == "country" and m.place.country == gold["country"]
    return (
        m.place.feature != "country"
        and great_circle((gold["lat"], gold["lon"]), (m.place.lat, m.place.lon)).km <= gold["radius_km"]
    )


def _judge(mentions: list[PlaceMention], gold: dict) -> tuple[list[str], list[str]]:
    """(missed required places, false places) the way the team's scorer counts them: one per distinct place."""
    distinct: dict[object, PlaceMention] = {}
    for m in mentions:
        distinct.setdefault(m.place.geonames_id or (m.place.name, m.place.lat, m.place.lon), m)
    found = list(distinct.values())
    missed = []
    for place in gold["required"]:
        hit = next((m for m in found if _hits(place, m)), None)
        if hit is None:
            missed.append(place["name"])
        else:
            found.remove(hit)
    optional = {fold(n) for n in gold.get("optional", [])}
    false = [
        f"{m.text} -> {m.place.name} ({m.place.country})"
        for m in found
        if fold(m.place.name) not in optional and fold(m.text) not in optional
    ]
    return missed, false


@pytest.mark.parametrize("article_id", sorted(GOLD))
def test_every_place_of_the_test_article_and_nothing_else(article_id: str) -> None:
    missed, false = _judge(find_places(ARTICLES[article_id]), GOLD[article_id])
    assert (missed, false) == ([], [])


@pytest.mark.parametrize("article_id", sorted(GOLD))
def test_traps_are_not_places(article_id: str) -> None:
    mentions = find_places(ARTICLES[article_id])
    texts = {fold(m.text) for m in mentions}
    for trap in GOLD[article_id].get("traps", []):
        assert fold(trap) not in texts, trap


def test_offsets_point_at_the_words_in_text_order() -> None:
    for article in ARTICLES.values():
        mentions = find_places(article)
        assert mentions, article.id
        assert [m.start for m in mentions] == sorted(m.start for m in mentions)
        for m in mentions:
            assert article.text[m.start : m.end] == m.text
            assert m.article_id == article.id


def _one(text: str, language: str = "en") -> list[tuple[str, str | None, str]]:
    return [(m.text, m.place.country, m.place.feature) for m in find_mentions(text, language=language)]


def test_gao_is_the_malian_town_unless_a_parent_says_otherwise() -> None:
    assert _one("French troops left Gao this week.") == [("Gao", "ML", "city")]
    assert _one("The convoy reached Gao, Burkina Faso, at dawn.")[0] == ("Gao", "BF", "city")


def test_parent_hints_in_three_languages() -> None:
    assert ("Aguelhok", "ML", "city") in _one("Aguelhok, in northern Mali, was attacked.")
    assert ("Gao", "ML", "city") in _one("Les soldats sont à Gao, au Mali.", "fr")
    assert ("Gao", "BF", "city") in _one("Die Soldaten erreichten Gao (Burkina Faso).", "de")


def test_niger_the_country_and_the_river() -> None:
    assert _one("Troops moved to Niger.") == [("Niger", "NE", "country")]
    assert _one("They crossed the Niger River near Gao.")[0] == ("Niger River", None, "water")
    assert _one("Ils ont franchi le fleuve Niger.", "fr") == [("fleuve Niger", None, "water")]


def test_exonyms_resolve_to_the_same_places() -> None:
    london = find_mentions("Londres a décidé de retirer ses troupes.", language="fr")
    assert [(m.text, m.place.name, m.place.country) for m in london] == [("Londres", "London", "GB")]
    german = _one("Moskau, Brüssel und die Elfenbeinküste; der Tschad.", "de")
    assert german == [
        ("Moskau", "RU", "city"),
        ("Brüssel", "BE", "city"),
        ("Elfenbeinküste", "CI", "country"),
        ("Tschad", "TD", "country"),
    ]
    assert _one("Bruxelles et la Côte d’Ivoire, le Tchad.", "fr") == [
        ("Bruxelles", "BE", "city"),
        ("Côte d’Ivoire", "CI", "country"),
        ("Tchad", "TD", "country"),
    ]


def test_german_genitive_of_a_country_but_not_of_a_first_name() -> None:
    assert _one("Malis Regierung und Frankreichs Armee.", "de") == [
        ("Mali", "ML", "country"),
        ("Frankreich", "FR", "country"),
    ]
    assert _one("Boris Pistorius sprach in Berlin.", "de") == [("Berlin", "DE", "city")]


def test_people_organisations_and_acronyms_are_not_places() -> None:
    text = (
        "According to Oxford Analytica, Florence Parly and Jordan Bardella flew Brussels Airlines "
        "to watch Paris Saint-Germain. Mr. Happy said the EU and IS were not in Mali."
    )
    assert _one(text) == [("Mali", "ML", "country")]


def test_common_words_at_a_sentence_start_are_not_places() -> None:
    text = "Even if the troops leave Mali, Mission officials stay. Still, France disagrees. Tight conditions."
    assert [t for t, _, _ in _one(text)] == ["Mali", "France"]


def test_force_names_are_not_places() -> None:
    assert _one("Barkhane, Takuba, Minusma and Wagner left Mali.") == [("Mali", "ML", "country")]
    assert _one("Russia's Africa Corps replaced Wagner in Mali.") == [
        ("Russia", "RU", "country"),
        ("Mali", "ML", "country"),
    ]


def test_media_named_after_places_are_not_places() -> None:
    assert _one("Selon France 24 et Jeune Afrique, le Mali hésite.", "fr") == [("Mali", "ML", "country")]


def test_a_small_town_needs_the_article_to_support_it() -> None:
    assert _one("Powell said the plan was sound.") == []  # a town in Wyoming, but nothing here is about it
    assert ("Powell", "US", "city") in _one("Powell, in northern Wyoming, United States, is quiet.")


def test_curated_places_with_their_uncertainty() -> None:
    [bounti] = find_mentions("An airstrike on the village of Bounti killed 19 people.")
    assert (bounti.place.country, bounti.place.precision, bounti.place.uncertainty_km) == ("ML", 2, 30.0)
    assert bounti.place.geonames_id is None


def test_empty_and_placeless_text() -> None:
    assert find_mentions("") == []
    assert find_mentions("no capital letters at all, only words.") == []
    assert find_places(Article(id="x", text="Nothing here.")) == []


def _shared_scorer():
    scorer = team_scorer()
    if scorer is None:
        pytest.skip("the team's shared folder is not beside the checkout")
    return scorer


def test_seed_articles_score_at_least_095_with_the_team_scorer() -> None:
    scorer = _shared_scorer()
    seeds = load_corpus([SHARED / "corpus" / "seeds"]).articles
    preds = [m.to_dict() for a in seeds for m in find_places(a)]
    gold = json.loads(Path(SHARED / "eval" / "gold" / "seeds_places.json").read_text(encoding="utf-8"))
    f1, summary = scorer.score_places(gold, preds, verbose=False)
    assert f1 >= 0.95, summary


def test_towns_of_the_articles_language_need_no_country_but_common_words_do() -> None:
    text = "Die Soldaten kehrten nach Koblenz zurück. Die Lage im Norden bleibt angespannt."
    assert _one(text, "de") == [("Koblenz", "DE", "city")]
    assert [t for t, _, _ in _one("Le ministre était à Toulon, puis à Orange.", "fr")] == ["Toulon"]


def test_seats_of_government_and_german_compounds() -> None:
    text = "Le Quai d'Orsay et l'Élysée ont réagi, comme la Maison Blanche."
    assert _one(text, "fr") == []
    assert _one("Die Lage in Nordmali und im Norden Burkina Fasos.", "de") == [
        ("Nordmali", "ML", "country"),
        ("Burkina Faso", "BF", "country"),
    ]


def test_wire_datelines_in_capitals() -> None:
    assert _one("DAKAR, Dec 14 (Reuters) - Troops left.")[0] == ("DAKAR", "SN", "city")
    assert _one("The EU and NATO met.") == []


def test_no_break_spaces_of_french_typography() -> None:
    text = "Ils ont quitté le Burkina\u00a0Faso pour la Côte\u00a0d’Ivoire\u202f: «\u00a0Gao, au Mali\u00a0»."
    mentions = find_mentions(text, language="fr")
    assert [(m.text, m.place.country) for m in mentions] == [
        ("Burkina\u00a0Faso", "BF"),
        ("Côte\u00a0d’Ivoire", "CI"),
        ("Gao", "ML"),
        ("Mali", "ML"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_a_big_town_inside_a_persons_name_but_not_after_an_adjective() -> None:
    assert _one("Defense Secretary Lloyd Austin visited Niamey.") == [("Niamey", "NE", "city")]
    assert _one("Police in Greater London said so.") == [("London", "GB", "city")]
    assert _one("US envoy Victoria Nuland met officials in Niger.") == [
        ("US", "US", "country"),
        ("Niger", "NE", "country"),
    ]


def test_a_town_whose_name_is_a_common_word_in_a_country_the_article_names() -> None:
    assert ("Bol", "TD", "city") in _one("Le Tchad a envoyé des renforts à Bol.", "fr")
    assert [t for t, _, _ in _one("Bol is a town. It is near the lake.")] == []  # no Chad: a word


def test_curated_sahel_places_and_colloquial_names() -> None:
    found = _one("Les soldats ont quitté Ouaga pour Konna et Madama.", "fr")
    assert [(t, c) for t, c, _ in found] == [("Ouaga", "BF"), ("Konna", "ML"), ("Madama", "NE")]


def test_dotted_country_acronyms() -> None:
    assert _one("The U.S. military and U.K. forces left Mali.") == [
        ("U.S", "US", "country"),
        ("U.K", "GB", "country"),
        ("Mali", "ML", "country"),
    ]


def test_a_famous_town_beats_an_obscure_one_that_only_the_focus_favours() -> None:
    text = "The United States and the U.S. Congress were told in Geneva that the Rapid Support Forces advance."
    assert [(t, c) for t, c, _ in _one(text)] == [("United States", "US"), ("U.S", "US"), ("Geneva", "CH")]
    assert ("Gao", "BF", "city") in _one("Au Burkina Faso, à Gao, l'armée burkinabè patrouille.", "fr")


def test_the_two_congos() -> None:
    assert _one("Troops from DR Congo and the Republic of Congo.") == [
        ("DR Congo", "CD", "country"),
        ("Republic of Congo", "CG", "country"),
    ]
    assert [(t, c) for t, c, _ in _one("La RD Congo et le Congo-Brazzaville.", "fr")] == [
        ("RD Congo", "CD"),
        ("Congo-Brazzaville", "CG"),
    ]


def test_a_german_noun_after_a_place_is_no_surname() -> None:
    assert _one("Die Junta warf Paris Einmischung vor.", "de") == [("Paris", "FR", "city")]
    assert _one("Boris Pistorius reiste nach Niamey.", "de") == [("Niamey", "NE", "city")]


def test_politicians_named_like_places() -> None:
    assert _one("En 2013, François Hollande a lancé l'opération Serval au Mali.", "fr") == [("Mali", "ML", "country")]
    assert _one("Nancy Pelosi a critiqué Paris.", "fr") == [("Paris", "FR", "city")]


def test_first_level_regions_by_name_and_by_kind_in_three_languages() -> None:
    en = _one("Kenyan police officers were flown to Lower Shabelle and then on to South Kivu.")
    assert en == [("Lower Shabelle", "SO", "admin"), ("South Kivu", "CD", "admin")]
    fr = _one("Des renforts gagnent le Nord-Kivu, l'Ituri et la province du Cabo Delgado.", "fr")
    assert [c for _, c, _ in fr] == ["CD", "CD", "MZ"] and {f for _, _, f in fr} == {"admin"}
    de = _one("Die Armee zieht Einheiten aus Tigray ab und verstärkt die Region Tillabéri.", "de")
    assert de == [("Tigray", "ET", "admin"), ("Region Tillabéri", "NE", "admin")]


def test_a_town_keeps_its_bare_name_and_the_region_needs_its_kind() -> None:
    assert _one("A patrol returned to Kidal on Sunday.") == [("Kidal", "ML", "city")]
    assert _one("A patrol crossed the Kidal region on Sunday.") == [("Kidal region", "ML", "admin")]
    assert _one("Une patrouille a sillonné la région d'Agadez.", "fr") == [("région d'Agadez", "NE", "admin")]
    assert _one("Eine Patrouille durchquerte die Region Mopti.", "de") == [("Region Mopti", "ML", "admin")]
    assert _one("Gunmen attacked a market in Niger State.") == [("Niger State", "NG", "admin")]


def test_region_names_that_are_ordinary_words_need_their_kind() -> None:
    assert _one("The Centre is calm and the Plateau is quiet; troops went east to the Lakes.") == []
    assert ("Far North region", "CM", "admin") in _one("Cameroon moved a battalion to the Far North region.")
    assert ("Eastern Region", "GH", "admin") in _one("Ghana deployed soldiers in the Eastern Region.")
    assert _one("Somali troops crossed the border.") == []  # an adjective, not Ethiopia's Somali region
    assert _one("They were sent to the region. Littoral units stayed.") == []  # a sentence end joins no name


def test_congo_alone_by_language_and_context() -> None:
    assert _one("Uganda sent more troops into eastern Congo.")[-1] == ("Congo", "CD", "country")
    assert ("Congo", "CG", "country") in _one("Congo's president flew home to Brazzaville.")
    assert _one("Le Congo a signé un accord de défense.", "fr") == [("Congo", "CG", "country")]
    assert ("Congo", "CD", "country") in _one("Le Congo envoie des renforts vers Bunia et Goma.", "fr")
    assert _one("Der Kongo bittet um Hilfe; im Ostkongo wird gekämpft.", "de") == [
        ("Kongo", "CD", "country"),
        ("Ostkongo", "CD", "country"),
    ]
    assert _one("Die Republik Kongo schickt keine Soldaten.", "de") == [("Republik Kongo", "CG", "country")]


def test_regions_without_an_iso_code() -> None:
    found = _one("Troops from Puntland and Somaliland met; Jubaland stayed out. Fighting in Kordofan and Fezzan.")
    assert [c for _, c, _ in found] == ["SO", "SO", "SO", "SD", "LY"]


def test_a_region_name_several_countries_share_follows_the_country_named_before_it() -> None:
    found = _one("Benin sent troops north; in Togo, soldiers patrol the Savanes region. Ivorian units stay home.")
    assert ("Savanes region", "TG", "admin") in found
    found = _one("Burkina Faso reinforced its Centre region, and Cameroon its own Centre region.")
    assert [c for t, c, _ in found if t == "Centre region"] == ["BF", "CM"]


def _countries(text: str, language: str = "en") -> dict[str, str | None]:
    return {m.text: m.place.country for m in find_mentions(text, language=language)}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Gunmen struck the army camp at Boulkessi and the post at Mondoro in central Mali.",
            "en",
            {"Boulkessi": "ML", "Mondoro": "ML"},
        ),
        (
            "Le poste de Chinégodar, au Niger, a été attaqué par des jihadistes venus du Mali.",
            "fr",
            {"Chinégodar": "NE"},
        ),
        ("Bei Tongo Tongo in Niger geriet eine Patrouille in einen Hinterhalt.", "de", {"Tongo Tongo": "NE"}),
        ("Cameroonian soldiers crossed from Fotokol into Gamboru, Nigeria.", "en", {"Fotokol": "CM", "Gamboru": "NG"}),
        (
            "Les insurgés ont repris Malam Fatori et Damasak, dans l’État de Borno, au Nigeria.",
            "fr",
            {"Malam Fatori": "NG", "Damasak": "NG"},
        ),
        (
            "Die Rebellen nahmen Bunagana und Kitshanga im Osten Kongos ein.",
            "de",
            {"Bunagana": "CD", "Kitshanga": "CD"},
        ),
        (
            "Rebels took Sake and Minova, west of Goma, in the Democratic Republic of Congo.",
            "en",
            {"Sake": "CD", "Minova": "CD"},
        ),
        (
            "Des soldats rwandais patrouillent à Palma et à Mocímboa da Praia, au Mozambique.",
            "fr",
            {"Palma": "MZ", "Mocímboa da Praia": "MZ"},
        ),
        ("Insurgents raided Palma and Macomia in Cabo Delgado overnight.", "en", {"Palma": "MZ", "Macomia": "MZ"}),
        (
            "US drones took off from Camp Lemonnier in Djibouti and from Baledogle in Somalia.",
            "en",
            {"Camp Lemonnier": "DJ", "Baledogle": "SO"},
        ),
        (
            "Les Français ont quitté la base aérienne 101 de Niamey puis le camp Kosseï au Tchad.",
            "fr",
            {"base aérienne 101": "NE", "camp Kosseï": "TD"},
        ),
        ("Kämpfer griffen Camp Simba in Kenia an.", "de", {"Camp Simba": "KE"}),
        ("Paramilitaries stormed Zamzam camp outside El Fasher in Sudan.", "en", {"Zamzam camp": "SD"}),
        (
            "Les massacres de Solhan, Seytenga et Barsalogho ont endeuillé le Burkina Faso.",
            "fr",
            {"Solhan": "BF", "Seytenga": "BF", "Barsalogho": "BF"},
        ),
        ("Bei Tinzaouatène in Mali wurden Söldner getötet.", "de", {"Tinzaouatène": "ML"}),
        ("Drones were stationed at Al Watiya air base in Libya.", "en", {"Al Watiya air base": "LY"}),
        ("Jihadists retreated to the Tumbuns, islands of Lake Chad, in Nigeria.", "en", {"Tumbuns": "NG"}),
        ("Le M23 contrôle les mines de Rubaya, dans le Nord-Kivu.", "fr", {"Rubaya": "CD"}),
        ("In Kpinkankandi im Norden Togos wurde ein Posten angegriffen.", "de", {"Kpinkankandi": "TG"}),
        ("Algerian units reinforced Bordj Badji Mokhtar, facing Mali.", "en", {"Bordj Badji Mokhtar": "DZ"}),
        ("Les frappes ont visé l'Adrar des Ifoghas, au nord du Mali.", "fr", {"Adrar des Ifoghas": "ML"}),
        ("Soldaten wurden nach Walikale und Kalehe im Kongo verlegt.", "de", {"Walikale": "CD", "Kalehe": "CD"}),
        (
            "Burkinabe gendarmes regrouped at Kantchari and Madjoari after the raid on Tougouri.",
            "en",
            {"Kantchari": "BF", "Madjoari": "BF", "Tougouri": "BF"},
        ),
        ("L'académie militaire de Pô, au Burkina Faso, forme des officiers.", "fr", {"Pô": "BF"}),
        (
            "Nigerian jets flew from Kainji to strike camps near Zurmi and Kauran Namoda.",
            "en",
            {"Kainji": "NG", "Zurmi": "NG", "Kauran Namoda": "NG"},
        ),
        (
            "Les militaires camerounais tiennent Limani et Kerawa, face au Nigeria.",
            "fr",
            {"Limani": "CM", "Kerawa": "CM"},
        ),
        ("Die Blauhelme verließen Mambasa und Irumu in Ituri.", "de", {"Mambasa": "CD", "Irumu": "CD"}),
        ("The convoy drove from Qatrun to Kufra in southern Libya.", "en", {"Qatrun": "LY", "Kufra": "LY"}),
        ("Les troupes ghanéennes sont postées à Paga et Hamile, à la frontière.", "fr", {"Paga": "GH", "Hamile": "GH"}),
        ("Somalische Soldaten rückten von Afmadow nach Dolow vor.", "de", {"Afmadow": "SO", "Dolow": "SO"}),
        ("Eritrean troops held Humera and Zalambessa in Tigray.", "en", {"Humera": "ET", "Zalambessa": "ET"}),
        ("Les instructeurs russes sont logés à Béréngo, en Centrafrique.", "fr", {"Béréngo": "CF"}),
        ("Jets pounded hideouts in the Timbuktu Triangle of Yobe state.", "en", {"Timbuktu Triangle": "NG"}),
        ("Separatists ambushed soldiers between Ekona and Mbonge in Fako.", "en", {"Ekona": "CM", "Mbonge": "CM"}),
        ("Les troupes érythréennes sont entrées à Hawzen et Mai Kadra.", "fr", {"Hawzen": "ET", "Mai Kadra": "ET"}),
        ("Marokkanische Soldaten räumten den Grenzübergang Guerguerat.", "de", {"Guerguerat": "EH"}),
        ("RSF fighters shelled Al-Fasher and advanced on Um Ruwaba.", "en", {"Al-Fasher": "SD", "Um Ruwaba": "SD"}),
        ("Les paramilitaires ont pris Tamboul et Rufaa, dans la Gezira.", "fr", {"Tamboul": "SD", "Rufaa": "SD"}),
        ("Die M23 rückte auf Kamituga und Walungu in Süd-Kivu vor.", "de", {"Kamituga": "CD", "Walungu": "CD"}),
        (
            "Puntland forces cleared caves in the Cal Madow range near Qardho.",
            "en",
            {"Cal Madow": "SO", "Qardho": "SO"},
        ),
        ("Le camp de Kita, dans l'ouest du Mali, a reçu des renforts.", "fr", {"Kita": "ML"}),
        (
            "Die Armee verlegte Truppen nach Kanamma und Gulak im Nordosten Nigerias.",
            "de",
            {"Kanamma": "NG", "Gulak": "NG"},
        ),
        (
            "Les soldats tchadiens ont franchi le pont de Ngueli vers Kousséri.",
            "fr",
            {"Ngueli": "TD", "Kousséri": "CM"},
        ),
    ],
)
def test_conflict_towns_camps_and_bases_of_africa(text: str, language: str, expected: dict[str, str]) -> None:
    found = _countries(text, language)
    assert {name: found.get(name) for name in expected} == expected


def test_a_curated_town_gives_way_to_its_namesake_in_the_namesake_country() -> None:
    assert _countries("Die Urlauber landeten in Palma, Spanien.", "de")["Palma"] == "ES"
    assert _countries("Le roi passe l'été à Palma, en Espagne.", "fr")["Palma"] == "ES"
    assert _countries("Tourists flew to Palma on Saturday.")["Palma"] == "ES"  # no setting: the famous one
    assert _countries("Le poste de Palma, au Mozambique, est tombé.", "fr")["Palma"] == "MZ"


@pytest.mark.parametrize(
    ("text", "language", "country"),
    [
        ("Des soldats ont été déployés en République centrafricaine mardi.", "fr", "CF"),
        ("Les garde-côtes de Guinée équatoriale patrouillent.", "fr", "GQ"),
        ("Les Émirats arabes unis ont livré des drones.", "fr", "AE"),
    ],
)
def test_a_country_whose_full_name_ends_on_a_lower_case_word(text: str, language: str, country: str) -> None:
    assert [m.place.country for m in find_mentions(text, language=language)] == [country]
