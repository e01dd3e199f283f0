"""A geopy geocoder over the offline gazetteer, with an online one behind it that is off by default.

`OfflineGeocoder` answers like any geopy geocoder (`Location(address, (lat, lon), raw)`), so code that
geocodes does not care which one it has. For a name the gazetteer lacks it can ask an online geocoder
(geopy's Nominatim behind `RateLimiter`, answers kept in a disk cache); that is switched on only by
configuration (`TROOPMAP_ONLINE_GEOCODER=nominatim`), and when the network fails the offline answer
stands: the call returns at once with what the gazetteer knows, never hangs, never raises.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from geopy.exc import GeopyError
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from .gazetteer import ALT_PENALTY, Gazetteer, get_gazetteer
from .models import Place
from .names import fold
from .serialize import place_to_dict

__all__ = [
    "CACHE_PATH",
    "OfflineGeocoder",
    "OnlineLookup",
    "checked_point",
    "get_geocoder",
    "online_from_config",
    "place_raw",
]

log = logging.getLogger(__name__)

OnlineLookup = Callable[[str], Location | None]
CACHE_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer.online-cache.json"  # git-ignored
_MEMO_LIMIT = 100_000
_UNASKED: Any = object()  # the memo's "never asked", since None is a remembered answer


class _OnlineFailed(Exception):
    """The online geocoder could not be reached: answer offline, and do not remember the miss."""


def place_raw(place: Place) -> dict[str, Any]:
    """What a `Location.raw` of ours carries: every field of the gazetteer entry, and where it came from."""
    raw = place_to_dict(place)
    raw["source"] = "gazetteer"
    return raw


def checked_point(lat: float, lon: float) -> Point:
    """A geopy Point for coordinates the index build already checked (geo.gazetteer keeps only valid WGS84).

    geopy's constructor re-validates and re-wraps every coordinate, a third of a cold lookup's time; the
    result is the same Point (a test compares them over the gazetteer's rows).
    """
    point = object.__new__(Point)
    point.latitude, point.longitude, point.altitude = float(lat), float(lon), 0.0
    return point


class OfflineGeocoder(Geocoder):
    """Geocode with the gazetteer: "Gao", "Gao, Mali", "Londres", "Tschad"; no network unless `online` is given.

    `country_codes` (ISO alpha-2, one or several) keeps only places in those countries; `language`
    names the countries of the answers' addresses in that language.
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        online: OnlineLookup | None = None,
        cache_path: Path | None = None,
    ) -> None:
        super().__init__(user_agent="troopmap")
        self._gaz = gazetteer or get_gazetteer()
        self._online = online
        self._cache_path = cache_path
        self._disk: dict[str, Any] | None = None
        self._memo: dict[tuple[Any, ...], Location | list[Location] | None] = {}
        self._lock = threading.Lock()

    # ---- geopy's interface
    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country_codes: str | Iterable[str] | None = None,
        language: str | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        codes = _codes(country_codes) if country_codes else ()
        memo_key = (query, exactly_one, codes, language)
        found = self._memo.get(memo_key, _UNASKED)
        if found is not _UNASKED:
            return found
        try:
            result = self._geocode(query, exactly_one=exactly_one, codes=codes, language=language)
        except _OnlineFailed:
            return None  # not remembered: the network may be back next time
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[memo_key] = result
        return result

    # ---- the work
    def places(self, query: str, *, country_codes: str | Iterable[str] | None = None) -> list[Place]:
        """The gazetteer's places for a query, likeliest first: "Gao, Mali" narrows "Gao" to Mali."""
        return [self._gaz.place(row) for row in self._rows(query, _codes(country_codes))]

    def _rows(self, query: str, codes: tuple[str, ...]) -> list[int]:
        parts = [p for p in map(fold, str(query).split(",")) if p]
        if not parts:
            return []
        hinted = set(codes)
        for part in parts[1:]:  # "Gao, Mali": later parts that name a country narrow the first
            for r in self._gaz.rows(part):
                row = r if r >= 0 else ~r
                if self._gaz.feature(row) == "country":
                    hinted.add(self._gaz.country_of(row) or "")
                    break
        entries = self._gaz.rows(parts[0])
        if not hinted:  # the index keeps each name's places in prior order already
            return [r if r >= 0 else ~r for r in entries]
        scored = []
        for r in entries:
            row = r if r >= 0 else ~r
            country = self._gaz.country_of(row)
            if codes and country not in codes:
                continue
            score = self._gaz.prior(row) - (ALT_PENALTY if r < 0 else 0.0)
            if country in hinted and self._gaz.feature(row) != "country":
                score += 12.0
            scored.append((score, row))
        scored.sort(key=lambda sr: -sr[0])
        return [row for _, row in scored]

    def _geocode(
        self, query: str, *, exactly_one: bool, codes: tuple[str, ...], language: str | None
    ) -> Location | list[Location] | None:
        if not codes and "," not in query:  # the usual query, one name: its places are in prior order already
            entries = self._gaz.rows(fold(query))
            rows = [r if r >= 0 else ~r for r in (entries[:1] if exactly_one else entries)]
        else:
            rows = self._rows(query, codes)
        if rows:
            if exactly_one:
                return self._location(self._gaz.place(rows[0]), language)
            return [self._location(self._gaz.place(row), language) for row in rows]
        online = self._ask_online(query, codes)
        if online is None:
            return None
        return online if exactly_one else [online]

    def _location(self, place: Place, language: str | None) -> Location:
        lang = language or "en"
        if place.feature == "country" and place.country:
            address = self._gaz.country_name(place.country, lang)
        elif place.country:
            address = f"{place.name}, {self._gaz.country_name(place.country, lang)}"
        else:
            address = place.name
        return Location(address, checked_point(place.lat, place.lon), place_raw(place))

    # ---- online, off by default
    def _ask_online(self, query: str, codes: tuple[str, ...]) -> Location | None:
        if self._online is None:
            return None
        key = f"{query}|{','.join(codes)}"
        cache = self._load_disk()
        if key in cache:
            hit = cache[key]
            return Location(hit["address"], (hit["lat"], hit["lon"]), hit["raw"])
        try:
            answer = self._online(query)
        except (GeopyError, OSError, ValueError) as exc:  # the network failed: the offline answer stands
            log.warning("online geocoder failed for %r: %s", query, exc)
            raise _OnlineFailed from exc
        if answer is None:
            return None
        raw = {
            "name": answer.address.split(",")[0],
            "geonames_id": None,
            "feature": "other",
            "country": _country_code(answer.raw),
            "population": 0,
            "precision": 2,
            "uncertainty_km": None,
            "source": "online",
        }
        cache[key] = {"address": answer.address, "lat": answer.latitude, "lon": answer.longitude, "raw": raw}
        self._save_disk(cache)
        return Location(answer.address, (answer.latitude, answer.longitude), raw)

    def _load_disk(self) -> dict[str, Any]:
        if self._disk is None:
            self._disk = {}
            if self._cache_path and self._cache_path.exists():
                try:
                    self._disk = json.loads(self._cache_path.read_text(encoding="utf-8"))
                except (OSError, ValueError) as exc:
                    log.warning("ignoring unreadable geocode cache %s: %s", self._cache_path, exc)
        return self._disk

    def _save_disk(self, cache: dict[str, Any]) -> None:
        if not self._cache_path:
            return
        with self._lock:
            try:
                self._cache_path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self._cache_path.with_name(self._cache_path.name + ".part")
                tmp.write_text(json.dumps(cache, ensure_ascii=False), encoding="utf-8")
                tmp.replace(self._cache_path)
            except OSError as exc:
                log.warning("could not write the geocode cache %s: %s", self._cache_path, exc)


def _codes(country_codes: str | Iterable[str] | None) -> tuple[str, ...]:
    if not country_codes:
        return ()
    if isinstance(country_codes, str):
        country_codes = [country_codes]
    return tuple(sorted({c.upper() for c in country_codes}))


def _country_code(raw: Any) -> str | None:
    address = raw.get("address") if isinstance(raw, dict) else None
    code = address.get("country_code") if isinstance(address, dict) else None
    return code.upper() if isinstance(code, str) and len(code) == 2 else None


def online_from_config(env: dict[str, str] | None = None) -> OnlineLookup | None:
    """Nominatim behind geopy's RateLimiter when `TROOPMAP_ONLINE_GEOCODER=nominatim`, else None.

    `TROOPMAP_GEOCODER_USER_AGENT` names us to the service (its policy asks for one); the timeout is
    short and nothing is retried, so a dead network costs one short wait per new name at most.
    """
    env = os.environ if env is None else env
    if env.get("TROOPMAP_ONLINE_GEOCODER", "").strip().lower() != "nominatim":
        return None
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    nominatim = Nominatim(user_agent=env.get("TROOPMAP_GEOCODER_USER_AGENT", "troopmap"), timeout=5)
    limited = RateLimiter(
        nominatim.geocode,
        min_delay_seconds=1.0,
        max_retries=0,
        swallow_exceptions=False,  # a failure reaches OfflineGeocoder, which answers offline and forgets it
    )
    return lambda query: limited(query, exactly_one=True, addressdetails=True)


_DEFAULT: OfflineGeocoder | None = None


def get_geocoder() -> OfflineGeocoder:
    """The process's geocoder: offline, plus the online one when configuration switches it on."""
    global _DEFAULT
    if _DEFAULT is None:
        online = online_from_config()
        _DEFAULT = OfflineGeocoder(online=online, cache_path=CACHE_PATH if online else None)
    return _DEFAULT
