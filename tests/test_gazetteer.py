"""The gazetteer as built from its real sources: names, countries, shapes, towns, curated places."""

from __future__ import annotations

import csv
import pickle

import pycountry
import pytest

from geo import gazetteer as gz
from geo.gazetteer import EXTRA_CSV, Gazetteer, ensure_index, get_gazetteer, read_extra
from geo.models import FEATURES
from geo.names import fold, fold_text
from geo.rules import LANGUAGES, load


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _best(gaz: Gazetteer, name: str) -> tuple[str, str | None, str]:
    place = gaz.candidates(name)[0]
    return place.name, place.country, place.feature


def test_collisions_resolve_as_a_person_would(gaz: Gazetteer) -> None:
    assert _best(gaz, "Gao") == ("Gao", "ML", "city")  # not Guantánamo, not the town in Burkina Faso
    assert _best(gaz, "Mali") == ("Mali", "ML", "country")  # not the town in Guinea
    assert _best(gaz, "Niger") == ("Niger", "NE", "country")
    assert _best(gaz, "Londres") == ("London", "GB", "city")
    assert {p.country for p in gaz.candidates("Gao")} >= {"ML", "BF"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Tombouctou", ("Timbuktu", "ML", "city")),
        ("Bruxelles", ("Brussels", "BE", "city")),
        ("Moskau", ("Moscow", "RU", "city")),
        ("Moscou", ("Moscow", "RU", "city")),
        ("Elfenbeinküste", ("Côte d’Ivoire", "CI", "country")),
        ("Côte d'Ivoire", ("Côte d’Ivoire", "CI", "country")),
        ("COTE D IVOIRE", ("Côte d’Ivoire", "CI", "country")),
        ("Tchad", ("Chad", "TD", "country")),
        ("Tschad", ("Chad", "TD", "country")),
        ("Royaume-Uni", ("United Kingdom", "GB", "country")),
        ("Vereinigtes Königreich", ("United Kingdom", "GB", "country")),
        ("UK", ("United Kingdom", "GB", "country")),
        ("Afrique", ("Africa", None, "continent")),
        ("N’Djamena", ("N'Djamena", "TD", "city")),
    ],
)
def test_names_in_three_languages(gaz: Gazetteer, name: str, expected: tuple) -> None:
    assert _best(gaz, name) == expected


def test_codes_are_not_names(gaz: Gazetteer) -> None:
    assert gaz.candidates("IS") == [] or all(p.feature != "country" for p in gaz.candidates("IS"))
    assert all(p.name != "Manaus" for p in gaz.candidates("Mao"))  # MAO is Manaus' airport code


def test_country_is_a_representative_point_inside_its_shape(gaz: Gazetteer) -> None:
    for iso in ("ML", "NE", "BF", "TD", "FR", "DE", "GB"):
        country = gaz.country(iso)
        assert country is not None
        assert (country.feature, country.precision, country.country) == ("country", 3, iso)
        assert country.geonames_id
        shape = gaz.country_shape(iso)
        assert shape is not None and shape["type"] in ("Polygon", "MultiPolygon")
        assert _inside(country.lon, country.lat, shape), iso
    assert gaz.country("XX") is None
    assert gaz.country_shape("XX") is None


def _inside(x: float, y: float, geometry: dict) -> bool:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    for rings in polygons:
        ring = rings[0]
        hit = False
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                hit = not hit
        if hit:
            return True
    return False


def test_every_iso_country_has_an_entry_and_names_in_each_language(gaz: Gazetteer) -> None:
    missing = [c.alpha_2 for c in pycountry.countries if gaz.country(c.alpha_2) is None]
    assert len(missing) < 5, missing
    assert gaz.country_name("TD", "de") == "Tschad"
    assert gaz.country_name("CI", "en") == "Côte d’Ivoire"
    assert gaz.country_name("GB", "fr") == "Royaume-Uni"
    assert gaz.country_name("ML") == "Mali"
    assert gaz.country_name("ML", "xx") == "Mali"
    assert gaz.country_name("XX") == "XX"


def test_towns_of_a_region_for_the_basemap(gaz: Gazetteer) -> None:
    sahel = gaz.towns(min_population=50_000, countries=["ML", "NE"])
    names = [t.name for t in sahel]
    assert {"Bamako", "Niamey", "Gao"} <= set(names)
    assert names[0] == "Bamako"  # the largest first
    assert all(t.population >= 50_000 or t.name in ("Bamako", "Niamey") for t in sahel)
    boxed = gaz.towns(min_population=100_000, bbox=(10.0, -12.0, 25.0, 5.0))
    assert all(10 <= t.lat <= 25 and -12 <= t.lon <= 5 for t in boxed)
    assert "Bamako" in {t.name for t in boxed}
    assert "Paris" not in {t.name for t in boxed}


def test_every_curated_place_is_found_by_each_of_its_names(gaz: Gazetteer) -> None:
    for row in read_extra():
        for name in row.names:
            found = [p for p in gaz.candidates(name) if p.country == row.country and p.feature in (row.feature, "city")]
            assert found, name


def test_curated_places_file_is_valid() -> None:
    with EXTRA_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for rec in rows:
        assert rec["feature"] in FEATURES, rec["name"]
        assert -90 <= float(rec["lat"]) <= 90 and -180 <= float(rec["lon"]) <= 180, rec["name"]
        assert float(rec["uncertainty_km"]) > 0, rec["name"]
        assert rec["source"].strip(), rec["name"]
        assert not rec["country"] or pycountry.countries.get(alpha_2=rec["country"]), rec["name"]


def test_uncertain_curated_place_has_precision_2(gaz: Gazetteer) -> None:
    [bounti] = gaz.candidates("Bounti")
    assert (bounti.precision, bounti.uncertainty_km, bounti.geonames_id) == (2, 30.0, None)
    sahel = gaz.candidates("Sahel")[0]
    assert (sahel.feature, sahel.precision, sahel.country) == ("region", 3, None)


def test_place_rules_are_valid_data() -> None:
    for lang in LANGUAGES:
        data = load("places", lang)
        assert data["language"] == lang
        for table in ("acronyms", "country_aliases"):
            for alias, iso in data[table].items():
                assert pycountry.countries.get(alpha_2=iso), (lang, alias)
        for kind in ("titles", "name_followers", "not_places", "parent_words", "articles"):
            assert all(isinstance(w, str) and w.strip() for w in data[kind]), (lang, kind)


def test_folding_keeps_offsets_and_ignores_case_accents_apostrophes() -> None:
    text = "Côte d’Ivoire, N'DJAMENA et Ménaka — Straße"
    assert len(fold_text(text)) == len(text)
    assert fold("Côte d’Ivoire") == fold("cote d'ivoire") == "cote d ivoire"
    assert fold("N'DJAMENA") == fold("N’Djamena")
    assert fold("  Royaume-Uni ") == "royaume uni"


def test_index_is_rebuilt_only_when_stale(tmp_path, monkeypatch) -> None:
    path = tmp_path / "gazetteer.pkl"
    assert ensure_index(path) is True
    assert ensure_index(path) is False
    built = Gazetteer.load(path)
    assert built.candidates("Gao")[0].country == "ML"
    gz._stamp_path(path).write_text("stale", encoding="utf-8")  # a source changed since
    rebuilt = []
    monkeypatch.setattr(gz, "build_index", rebuilt.append)
    assert ensure_index(path) is True
    assert rebuilt == [path]


def test_an_index_of_another_format_is_refused(tmp_path) -> None:
    path = tmp_path / "old.pkl"
    path.write_bytes(pickle.dumps({"format": -1}))
    with pytest.raises(ValueError, match=r"python -m geo\.build"):
        Gazetteer.load(path)


def test_first_level_regions_of_africa_at_their_seats(gaz: Gazetteer) -> None:
    north_kivu = gaz.candidates("Nord-Kivu")[0]
    goma = gaz.candidates("Goma")[0]
    assert (north_kivu.country, north_kivu.feature, north_kivu.precision) == ("CD", "admin", 2)
    assert (north_kivu.lat, north_kivu.lon) == (goma.lat, goma.lon)  # placed at its seat
    assert north_kivu.uncertainty_km and north_kivu.uncertainty_km >= 50
    names = ("North Kivu", "Sud-Kivu", "Süd-Kivu", "Ituri", "Tigray", "région du Tigré", "Cabo Delgado")
    names += ("Lower Shabelle", "Basse-Shabelle", "Unterer Shabelle", "Hodh El Chargui", "Hodh Ech Chargui")
    for name in (*names, "région de Tillabéri"):
        assert gaz.candidates(name)[0].feature == "admin", name
    # every first-level subdivision of an African country is known by its kind at least
    for sub in pycountry.subdivisions.get(country_code="TD"):
        assert any(p.country == "TD" for p in gaz.candidates(f"{sub.name} region")), sub.name


def test_a_region_does_not_take_the_bare_name_of_a_town_a_country_or_a_word(gaz: Gazetteer) -> None:
    assert _best(gaz, "Gao") == ("Gao", "ML", "city")
    assert _best(gaz, "Diffa")[2] == "city"
    assert _best(gaz, "Niger") == ("Niger", "NE", "country")
    assert _best(gaz, "Niger State") == ("Niger", "NG", "admin")
    assert _best(gaz, "Gao region") == ("Gao", "ML", "admin")
    assert _best(gaz, "Region Gao") == ("Gao", "ML", "admin")
    for word in ("Centre", "Est", "Nord", "Plateau", "Littoral", "Lakes", "Eastern", "Northern", "Somali"):
        assert all(p.feature != "admin" for p in gaz.candidates(word)), word


def test_every_region_row_credits_its_source() -> None:
    with gz.REGIONS_CSV.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["source"].strip() and pycountry.subdivisions.get(code=r["code"]) for r in rows)


def test_a_curated_place_merges_with_its_geonames_twin_by_any_name(gaz: Gazetteer) -> None:
    """Malam Fatori (curated) is GeoNames' Malamfatori: one place, not two at the same spot."""
    assert len([p for p in gaz.candidates("Malam Fatori") if p.country == "NG"]) == 1
