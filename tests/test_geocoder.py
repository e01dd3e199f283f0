"""The geopy geocoder over the gazetteer, and its online fallback (a fake: tests never touch the network)."""

from __future__ import annotations

import json

import pytest
from geopy.exc import GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geo import geocoder as geocoder_module
from geo.geocoder import OfflineGeocoder, get_geocoder, online_from_config

RAW_KEYS = {"geonames_id", "feature", "country", "population", "precision"}


@pytest.fixture(scope="module")
def geocoder() -> OfflineGeocoder:
    return OfflineGeocoder()


def test_it_is_a_geopy_geocoder_returning_locations(geocoder: OfflineGeocoder) -> None:
    assert isinstance(geocoder, Geocoder)
    gao = geocoder.geocode("Gao")
    assert isinstance(gao, Location)
    assert gao.address == "Gao, Mali"
    assert (round(gao.latitude, 1), round(gao.longitude, 1)) == (16.3, -0.0)
    assert set(gao.raw) >= RAW_KEYS
    assert (gao.raw["country"], gao.raw["feature"], gao.raw["precision"]) == ("ML", "city", 1)
    assert gao.raw["geonames_id"] == 2457163
    assert gao.raw["population"] > 100_000


def test_a_parent_in_the_query_narrows_the_place(geocoder: OfflineGeocoder) -> None:
    assert geocoder.geocode("Gao, Burkina Faso").raw["country"] == "BF"
    assert geocoder.geocode("Gao, Mali").raw["country"] == "ML"


def test_country_codes_keep_only_those_countries(geocoder: OfflineGeocoder) -> None:
    assert geocoder.geocode("Gao", country_codes="bf").raw["country"] == "BF"
    assert geocoder.geocode("Gao", country_codes=["BF", "NE"]).raw["country"] == "BF"
    assert geocoder.geocode("Gao", country_codes="FR") is None


def test_all_candidates_likeliest_first(geocoder: OfflineGeocoder) -> None:
    found = geocoder.geocode("Paris", exactly_one=False)
    assert isinstance(found, list) and len(found) > 5
    assert found[0].raw["country"] == "FR"
    assert all(isinstance(loc, Location) for loc in found)


def test_exonyms_and_language_of_the_address(geocoder: OfflineGeocoder) -> None:
    london = geocoder.geocode("Londres", language="fr")
    assert (london.raw["name"], london.address) == ("London", "London, Royaume-Uni")
    chad = geocoder.geocode("Tschad", language="de")
    assert (chad.address, chad.raw["feature"], chad.raw["precision"]) == ("Tschad", "country", 3)
    assert geocoder.geocode("Moskau").raw["country"] == "RU"


def test_curated_place_carries_its_uncertainty(geocoder: OfflineGeocoder) -> None:
    bounti = geocoder.geocode("Bounti")
    assert (bounti.raw["precision"], bounti.raw["uncertainty_km"], bounti.raw["geonames_id"]) == (2, 30.0, None)


def test_unknown_and_empty_queries_find_nothing(geocoder: OfflineGeocoder) -> None:
    assert geocoder.geocode("Qwzxplk") is None
    assert geocoder.geocode("") is None
    assert geocoder.geocode(" , ") is None
    assert geocoder.geocode("Qwzxplk", exactly_one=False) is None


def test_repeated_queries_give_the_same_answer(geocoder: OfflineGeocoder) -> None:
    first = geocoder.geocode("Kidal")
    assert geocoder.geocode("Kidal") is first
    assert geocoder.geocode("Kidal", country_codes="ID").raw["country"] == "ID"


# ---------------------------------------------------------------- the online fallback, faked


class FakeOnline:
    """Stands in for Nominatim behind RateLimiter: records queries, answers or fails as told."""

    def __init__(self, answer: Location | None = None, error: Exception | None = None) -> None:
        self.answer = answer
        self.error = error
        self.queries: list[str] = []

    def __call__(self, query: str) -> Location | None:
        self.queries.append(query)
        if self.error is not None:
            raise self.error
        return self.answer


TASSIA = Location(
    "Tassia, Tillabéri, Niger", (14.1, 1.2), {"place_id": 1, "address": {"country_code": "ne", "village": "Tassia"}}
)


def test_online_is_off_by_default(monkeypatch) -> None:
    assert online_from_config({}) is None
    assert online_from_config({"TROOPMAP_ONLINE_GEOCODER": "off"}) is None
    monkeypatch.delenv("TROOPMAP_ONLINE_GEOCODER", raising=False)
    monkeypatch.setattr(geocoder_module, "_DEFAULT", None)
    assert get_geocoder()._online is None


def test_online_switched_on_builds_a_rate_limited_nominatim_without_calling_it() -> None:
    lookup = online_from_config({"TROOPMAP_ONLINE_GEOCODER": "nominatim", "TROOPMAP_GEOCODER_USER_AGENT": "test"})
    assert callable(lookup)


def test_online_answers_a_name_the_gazetteer_lacks_and_is_cached_on_disk(tmp_path) -> None:
    cache = tmp_path / "cache.json"
    fake = FakeOnline(answer=TASSIA)
    geocoder = OfflineGeocoder(online=fake, cache_path=cache)
    found = geocoder.geocode("Tassia")
    assert (found.address, found.raw["country"], found.raw["source"], found.raw["precision"]) == (
        "Tassia, Tillabéri, Niger",
        "NE",
        "online",
        2,
    )
    assert fake.queries == ["Tassia"]
    assert "Tassia|" in json.loads(cache.read_text(encoding="utf-8"))
    again = OfflineGeocoder(online=fake, cache_path=cache).geocode("Tassia")  # a new process: from the disk cache
    assert (again.latitude, again.longitude) == (14.1, 1.2)
    assert fake.queries == ["Tassia"]


def test_online_is_not_asked_when_the_gazetteer_knows(tmp_path) -> None:
    fake = FakeOnline(answer=TASSIA)
    geocoder = OfflineGeocoder(online=fake, cache_path=tmp_path / "cache.json")
    assert geocoder.geocode("Gao").raw["source"] == "gazetteer"
    assert fake.queries == []


@pytest.mark.parametrize(
    "error", [GeocoderUnavailable("no network"), GeocoderTimedOut("slow"), GeocoderServiceError("500"), OSError("down")]
)
def test_when_the_network_fails_the_offline_answer_stands(tmp_path, error: Exception) -> None:
    cache = tmp_path / "cache.json"
    geocoder = OfflineGeocoder(online=FakeOnline(error=error), cache_path=cache)
    assert geocoder.geocode("Tassia") is None
    assert geocoder.geocode("Gao").raw["country"] == "ML"
    assert not cache.exists()  # a failure is not remembered as an answer


def test_after_a_network_failure_the_next_call_asks_again(tmp_path) -> None:
    fake = FakeOnline(error=GeocoderUnavailable("no network"))
    geocoder = OfflineGeocoder(online=fake, cache_path=tmp_path / "cache.json")
    assert geocoder.geocode("Tassia") is None
    fake.error, fake.answer = None, TASSIA
    assert geocoder.geocode("Tassia").raw["country"] == "NE"
    assert fake.queries == ["Tassia", "Tassia"]


def test_a_name_the_online_geocoder_does_not_know_is_not_asked_twice(tmp_path) -> None:
    fake = FakeOnline(answer=None)
    geocoder = OfflineGeocoder(online=fake, cache_path=tmp_path / "cache.json")
    assert geocoder.geocode("Qwzxplk") is None
    assert geocoder.geocode("Qwzxplk") is None
    assert fake.queries == ["Qwzxplk"]


def test_an_unreadable_cache_is_ignored(tmp_path) -> None:
    cache = tmp_path / "cache.json"
    cache.write_text("{not json", encoding="utf-8")
    geocoder = OfflineGeocoder(online=FakeOnline(answer=TASSIA), cache_path=cache)
    assert geocoder.geocode("Tassia").raw["country"] == "NE"
    assert json.loads(cache.read_text(encoding="utf-8"))  # rewritten whole


def test_checked_points_equal_geopy_points_for_every_gazetteer_row(geocoder: OfflineGeocoder) -> None:
    gaz = geocoder_module.get_gazetteer()
    for row in range(len(gaz)):
        place = gaz.place(row)
        assert geocoder_module.checked_point(place.lat, place.lon) == Point(place.lat, place.lon), place
