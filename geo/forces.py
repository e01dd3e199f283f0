"""The registry of forces and missions (`rules/forces.json`) and finding them in text.

A force knows its kind, its lead and contributing countries and its years, so that an event can
check that the country it names may belong to the force it names ("British" and "Minusma" may go
together, "British" and "Wagner" may not).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .patterns import alternation, spellings

__all__ = ["Force", "ForceMention", "find_forces", "force_by_name", "load_forces"]


@dataclass(frozen=True, slots=True)
class Force:
    """One force or mission of the registry."""

    name: str
    kind: str
    lead: str | None
    contributors: tuple[str, ...]
    years: tuple[int, int] | None
    aliases: tuple[str, ...]
    actor: str | None = None
    theatre: tuple[str, ...] = ()  # the countries it serves in, when few: where its troops are when no place is said

    def accepts(self, country: str | None) -> bool:
        """Whether troops of `country` may serve in this force."""
        if country is None:
            return True
        return country == self.lead or country in self.contributors or "*" in self.contributors

    @property
    def default_actor(self) -> str | None:
        """The country an event of this force stands for when the text names none."""
        return self.actor


@dataclass(frozen=True, slots=True)
class ForceMention:
    """A force named in text, with the offsets of the words that name it."""

    start: int
    end: int
    text: str
    force: Force


@cache
def load_forces() -> tuple[Force, ...]:
    """Every force of `rules/forces.json`, in file order."""
    raw = json.loads(resources.files("geo.rules").joinpath("forces.json").read_text(encoding="utf-8"))
    out = []
    for entry in raw["forces"]:
        aliases: list[str] = []
        for names in entry["aliases"].values():
            aliases.extend(names)
        years = entry.get("years")
        out.append(
            Force(
                name=entry["name"],
                kind=entry["kind"],
                lead=entry.get("lead"),
                contributors=tuple(entry.get("contributors", ())),
                years=(int(years[0]), int(years[1])) if years else None,
                aliases=tuple(dict.fromkeys([entry["name"], *aliases])),
                actor=entry.get("actor", entry.get("lead")),
                theatre=tuple(entry.get("theatre", ())),
            )
        )
    return tuple(out)


@cache
def force_by_name(name: str) -> Force | None:
    """The registry entry whose canonical name is `name`."""
    return next((f for f in load_forces() if f.name == name), None)


def _key(alias: str) -> str:
    return alias.casefold().replace("’", "'")


@cache
def _matcher() -> tuple[re.Pattern[str], dict[str, Force]]:
    by_alias: dict[str, Force] = {}
    written: set[str] = set()
    for force in load_forces():
        for alias in force.aliases:
            by_alias.setdefault(_key(alias), force)
            written.add(alias)
    # a name of several words may start a sentence ("Opération Barkhane"): its first letter is free;
    # a single word is matched as written, so that "sabre", "serval" or "wagner" stay common words
    forms = [f for a in written for f in spellings(a, free_first=" " in a)]
    return re.compile(rf"(?<![\w-])(?:{alternation(forms)})(?![\w])"), by_alias


def find_forces(text: str) -> list[ForceMention]:
    """Forces named in `text` in any of our languages (a French article may quote an English name)."""
    pattern, by_alias = _matcher()
    out = []
    for m in pattern.finditer(text):
        force = by_alias.get(_key(m.group(0)))
        if force is not None:
            out.append(ForceMention(m.start(), m.end(), m.group(0), force))
    return out
