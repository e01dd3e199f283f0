"""Every language rules file loads and holds what the code expects (after dateparser's data-integrity
test): the right keys and types, regular expressions that compile, months and weekdays in range,
country codes that exist, forces whose aliases and countries are sound."""

from __future__ import annotations

import datetime as dt
import json
import re
from importlib import resources

import pycountry
import pytest

from geo import rules
from geo.dates import parse_with_dateparser

KINDS = {
    "actions": {"language": str, "triggers": list, "status_cues": dict, "negations": list, "military_context": list},
    "numbers": {
        "language": str,
        "group_separators": list,
        "approximators": list,
        "number_words": dict,
        "part_of": list,
        "partitive_pronouns": list,
        "vague": list,
        "troop_nouns": list,
        "not_troops": list,
        "count_heads": list,
    },
    "dates": {
        "language": str,
        "months": dict,
        "weekdays": dict,
        "day_parts": list,
        "seasons": dict,
        "relative_days": dict,
        "relative_periods": dict,
        "modifiers_before": dict,
        "modifiers_after": dict,
        "boundaries": dict,
        "since": list,
        "within": list,
        "ago": list,
        "units": dict,
        "small_numbers": dict,
    },
    "actors": {
        "language": str,
        "adjectives": dict,
        "armies": dict,
        "countries": dict,
        "capitals": dict,
        "possessives": list,
    },
    "syntax": {
        "language": str,
        "place_in": list,
        "place_from": list,
        "place_to": list,
        "place_filler": list,
        "anaphora_there": list,
        "anaphora_country": list,
        "clause_breaks": list,
        "list_joiners": list,
        "determiners": list,
        "abbreviations": list,
    },
}
ACTIONS = {"deployment", "withdrawal", "redeployment", "strike", "cooperation_ended"}
STATUSES = {"announced", "planned", "ongoing", "completed"}
BLOCS = {"EU", "UN"}
ALL = [(kind, lang) for kind in KINDS for lang in rules.LANGUAGES]


def _code_ok(code: str | None) -> bool:
    return code is None or code in BLOCS or pycountry.countries.get(alpha_2=code) is not None


@pytest.mark.parametrize(("kind", "lang"), ALL)
def test_rules_file_has_its_keys_and_types(kind: str, lang: str) -> None:
    data = rules.load(kind, lang)
    assert data, f"rules/{lang}/{kind}.json is missing or empty"
    assert data["language"] == lang
    for key, typ in KINDS[kind].items():
        assert isinstance(data.get(key), typ), f"{lang}/{kind}.json: {key} should be a {typ.__name__}"


@pytest.mark.parametrize("lang", rules.LANGUAGES)
def test_action_cues_compile_and_name_known_actions(lang: str) -> None:
    data = rules.load("actions", lang)
    for trig in data["triggers"]:
        re.compile(trig["pattern"])
        assert trig["action"] in ACTIONS
        assert trig.get("kind", "verb") in ("noun", "verb")
        assert trig.get("status") in (None, *STATUSES)
        assert not re.compile(trig["pattern"], re.IGNORECASE).match(""), "a cue must not match nothing"
    assert set(data["status_cues"]) == STATUSES
    for words in data["status_cues"].values():
        for w in words:
            re.compile(w)
    for w in data["negations"] + data.get("denials", []) + data["military_context"]:
        re.compile(w)


@pytest.mark.parametrize("lang", rules.LANGUAGES)
def test_date_words_are_in_range_and_agree_with_dateparser(lang: str) -> None:
    data = rules.load("dates", lang)
    assert set(data["months"].values()) == set(range(1, 13))
    assert set(data["weekdays"].values()) == set(range(7))
    assert all(1 <= m <= 12 for m in data["seasons"].values())
    for unit, n in data["relative_periods"].values():
        assert unit in ("year", "month", "week", "day") and isinstance(n, int)
    assert set(data["boundaries"].values()) <= {"start", "mid", "end"}
    assert set(data["units"].values()) <= {"year", "month", "week", "day", "decade"}
    anchor = dt.date(2022, 12, 31)
    for name, month in data["months"].items():
        if len(name) < 4:
            continue  # dateparser reads abbreviations with a full stop only
        day = "14." if lang == "de" else "14"
        parsed = parse_with_dateparser(f"{day} {name} 2022", lang, anchor)
        assert parsed is not None and parsed.month == month, f"{lang}: {name} should be month {month}"


@pytest.mark.parametrize("lang", rules.LANGUAGES)
def test_numbers_data_is_sound(lang: str) -> None:
    data = rules.load("numbers", lang)
    words = data["number_words"]
    for kind, low, high in (("units", 1, 19), ("tens", 20, 90), ("hundreds", 100, 100), ("scales", 1000, 10**9)):
        assert words[kind], f"{lang}: no {kind}"
        assert all(isinstance(v, int) and low <= v <= high for v in words[kind].values()), f"{lang}: {kind}"
    assert all(isinstance(v, int) and v > 1 for v in words["collectives"].values())
    assert all(v == 1 for v in words["articles"].values())
    assert isinstance(words["joiners"], list) and isinstance(words["concatenated"], bool)
    assert set(range(2, 10)) <= set(words["units"].values()), f"{lang}: every unit is a word"
    assert data["decimal_separator"] not in data["group_separators"]
    for w in data["approximators"]:
        re.compile(w)


@pytest.mark.parametrize("lang", rules.LANGUAGES)
def test_actor_codes_exist(lang: str) -> None:
    data = rules.load("actors", lang)
    for key in ("adjectives", "demonyms", "armies", "countries", "capitals"):
        for name, code in data.get(key, {}).items():
            codes = code if key == "armies" and isinstance(code, list) else [code]  # "FDS": several countries' army
            assert codes and all(_code_ok(c) for c in codes), f"{lang}/actors.json {key}: {name} -> {code}"


def test_forces_registry_is_sound() -> None:
    raw = json.loads(resources.files("geo.rules").joinpath("forces.json").read_text(encoding="utf-8"))
    names = [f["name"] for f in raw["forces"]]
    assert len(names) == len(set(names))
    seen: dict[str, str] = {}
    for force in raw["forces"]:
        assert force["kind"] in raw["kinds"]
        assert _code_ok(force.get("lead")) and _code_ok(force.get("actor"))
        assert all(c == "*" or _code_ok(c) for c in force["contributors"])
        assert all(_code_ok(c) and len(c) == 2 and c not in ("EU", "UN") for c in force.get("theatre", []))
        first, last = force["years"]
        assert 1900 < first <= last <= 2100
        assert set(force["aliases"]) <= {"any", *rules.LANGUAGES}
        for aliases in force["aliases"].values():
            for alias in aliases:
                key = alias.casefold().replace("’", "'")
                assert seen.setdefault(key, force["name"]) == force["name"], f"{alias} names two forces"


@pytest.mark.parametrize("lang", rules.LANGUAGES)
def test_date_words_for_parts_deadlines_and_the_date_named_before_are_sound(lang: str) -> None:
    data = rules.load("dates", lang)
    units = {"year", "month", "week", "day"}
    for unit, n, *coarse in data["relative_to_previous"].values():
        assert unit in units and isinstance(n, int) and set(coarse) <= {"day", "month", "year"}
    for unit, n in data["bounded_periods"].values():
        assert unit in ("year", "month") and (n is None or isinstance(n, int))
    for edge, unit in data["bounded_words"].values():
        assert edge in ("start", "mid", "end") and unit in ("year", "month")
    for key in ("later", "earlier", "deadlines", "date_clauses", "coordinators", "boundary_links", "articles"):
        assert isinstance(data[key], list), f"{lang}/dates.json: {key}"
    for form in data["future_verb_forms"]:
        re.compile(form)


@pytest.mark.parametrize("lang", rules.LANGUAGES)
def test_number_words_for_parts_and_peaks_are_lists(lang: str) -> None:
    data = rules.load("numbers", lang)
    for key in ("part_of", "partitive_pronouns", "peak_words", "fighter_nouns"):
        assert isinstance(data[key], list), f"{lang}/numbers.json: {key}"
