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

__all__ = [
    "Force",
    "ForceMention",
    "find_forces",
    "force_by_name",
    "load_forces",
    "named_operation",
    "sibling_in",
    "successor_in",
]


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
    listed: bool = True  # False for a named operation the registry does not know ("Operation Mirador")
    family: str = ""  # missions that succeed or parallel one another ("AU Somalia": AMISOM, ATMIS, AUSSOM)

    def accepts(self, country: str | None) -> bool:
        """Whether troops of `country` may serve in this force."""
        if country is None:
            return True
        return country == self.lead or country in self.contributors or "*" in self.contributors

    @property
    def reported(self) -> bool:
        """Whether an event names this force: a country's garrison abroad ("Éléments français au Sénégal") says
        whose troops they are, not a force or mission of their own."""
        return self.kind not in _raw().get("unreported_kinds", ())

    @property
    def mandated(self) -> bool:
        """Whether the force serves under a mandate ("its mandate ended" may point back to it): missions and
        operations, not a mercenary company or an armed group."""
        return self.kind in _raw().get("mandated_kinds", ())

    @property
    def mission(self) -> bool:
        """Whether this force is a mission or operation whose end withdraws troops ("Takuba was dissolved"), not
        an army or armed group that may be dissolved at home."""
        return self.kind in _raw().get("mission_kinds", ())

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
    raw = _raw()
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
                family=entry.get("family", ""),
            )
        )
    return tuple(out)


@cache
def _raw() -> dict:
    """The registry file as written, read once: its forces and its lists of kinds and words."""
    return json.loads(resources.files("geo.rules").joinpath("forces.json").read_text(encoding="utf-8"))


@cache
def force_by_name(name: str) -> Force | None:
    """The registry entry whose canonical name is `name`, or the named operation of that name."""
    found = next((f for f in load_forces() if f.name == name), None)
    if found is None and name.startswith(_OPERATION):
        return named_operation(name[len(_OPERATION) :])
    return found


_OPERATION = "Operation "


@cache
def sibling_in(force: Force, country: str | None) -> Force | None:
    """The mission of `force`'s family ("EUTM Mali", "EUTM RCA": same kind, lead and first word) that serves
    in `country`, when `force` does not: a generic name ("the EU training mission", "ECOWAS troops") read where
    another serves."""
    if country is None or (not force.theatre and not force.family) or country in force.theatre:
        return None  # (a family's force that serves anywhere, "ECOWAS troops", has its members where they serve)
    family = _family(force)
    return next(
        (
            f
            for f in load_forces()
            if f is not force
            and f.kind == force.kind
            and f.lead == force.lead
            and _family(f) == family
            and country in f.theatre
        ),
        None,
    )


def _family(force: Force) -> str:
    """The family a mission belongs to: the registry's "family" ("SADC": SAMIM in Mozambique, SAMIDRC in Congo),
    else the first word of its name ("EUTM Mali", "EUTM RCA")."""
    return force.family or force.name.split()[0]


@cache
def successor_in(force: Force, year: int) -> Force | None:
    """The mission of `force`'s registered family serving in the same countries in `year`, when `force` did not
    serve then: a generic name ("the African Union mission in Somalia") read in 2023 is ATMIS, not AMISOM."""
    if not force.family or force.years is None or force.years[0] <= year <= force.years[1]:
        return None
    return next(
        (
            f
            for f in load_forces()
            if f is not force
            and f.family == force.family
            and set(f.theatre) & set(force.theatre)
            and f.years is not None
            and f.years[0] <= year <= f.years[1]
        ),
        None,
    )


@cache
def named_operation(name: str) -> Force:
    """A named operation the registry does not know: a force of its own, named "Operation <name>", that any
    nation may run (the sentence or the article says whose it is)."""
    full = _OPERATION + name
    return Force(full, "national_operation", None, ("*",), None, (full,), None, (), listed=False)


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


@cache
def _qualifiers() -> tuple[re.Pattern[str], dict[str, str]]:
    words: dict[str, str] = _raw().get("qualifiers", {})
    forms = [f for w in words for f in spellings(w, free_first=False)]
    return re.compile(rf"[ \t\u00a0-]+({alternation(forms)})(?![\w])"), {_key(w): c for w, c in words.items()}


def _other_mission(text: str, end: int, force: Force) -> bool:
    """ "EUTM RCA", "EUCAP Somalia" read with the alias "EUTM" or "EUCAP": a country written right after the
    name that the force does not serve in names another mission of the same family."""
    if not force.theatre:
        return False
    pattern, codes = _qualifiers()
    m = pattern.match(text, end)
    return m is not None and codes.get(_key(m.group(1))) not in force.theatre


@cache
def _operation_matcher() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], frozenset[str]]:
    ops = _raw()["operations"]
    word = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"  # a capitalised word
    join = alternation(ops["joiners"])
    name = rf"(?:{word})(?:[ \u00a0](?:(?:{join})[ \u00a0]?)?(?:{word})){{0,3}}"
    quote = "[«“„\"‚‘']"
    unquote = "[»”“\"‘’']"
    heads = alternation(ops["heads"])
    quoted = alternation(ops["quoted_heads"])
    naming = alternation(ops["naming_words"])
    nouns = alternation(ops["naming_nouns"])
    plain = re.compile(
        rf"(?<![\w-])(?:(?:{heads})[ \u00a0]+(?:{quote}[ \u00a0]?)?(?P<a>{name})"
        rf"|(?:{quoted})[ \u00a0]+{quote}[ \u00a0]?(?P<b>{name})[ \u00a0]?{unquote})(?![\w])"
    )
    named = re.compile(
        rf"(?<![\w-])(?P<noun>{nouns})(?![\w])[^.;:!?]{{0,60}}?(?<![\w-])(?:{naming})[ \u00a0,]+(?:{quote}[ \u00a0]?)?"
        rf"(?:(?:{heads})[ \u00a0]+)?(?P<c>{name})(?![\w])"
    )
    civil = re.compile(rf"(?<![\w])(?:{alternation(ops['civil'])})", re.IGNORECASE)
    return plain, named, civil, frozenset(ops["not_names"])


def _operations(text: str) -> list[ForceMention]:
    """Named operations the registry does not know: "Operation Mirador", "l'opération « Koudalgou »", "une
    offensive baptisée Lake Sanity"; not an evacuation or rescue operation ("evacuation operation X")."""
    plain, named, civil, not_names = _operation_matcher()
    out = []
    for m in plain.finditer(text):
        group = "a" if m.group("a") else "b"
        before = text[max(0, m.start() - 16) : m.start()]
        if civil.search(before.split()[-1] if before.split() else ""):
            continue  # "an evacuation Operation Sagittaire", "die Evakuierungs-Operation"
        out.append((m.start(group), m.start(), m.group(group)))  # the mention: from its head
    for m in named.finditer(text):
        if civil.search(text[max(0, m.start() - 16) : m.start("c")]):
            continue  # "l'opération d'évacuation baptisée Sagittaire"
        out.append((m.start("c"), m.start("c"), m.group("c")))
    mentions: list[ForceMention] = []
    for start, head, name in sorted(out):
        name = _trim(name, not_names)
        if not name or any(head < m.end and m.start < start + len(name) for m in mentions):
            continue
        mentions.append(ForceMention(head, start + len(name), text[head : start + len(name)], named_operation(name)))
    return mentions


def _trim(name: str, not_names: frozenset[str]) -> str:
    """The name without a trailing joiner or a function word (dates, articles) it ran into."""
    words = name.split()
    if not words or words[0] in not_names:
        return ""
    keep = []
    for w in words:
        if w in not_names:
            break
        keep.append(w)
    while keep and not keep[-1][:1].isupper() and not keep[-1][:1].isdigit():
        keep.pop()
    return " ".join(keep)


def find_forces(text: str) -> list[ForceMention]:
    """Forces named in `text` in any of our languages (a French article may quote an English name); a named
    operation the registry does not know only where no registered force is named (it never overrides one)."""
    pattern, by_alias = _matcher()
    out = []
    for m in pattern.finditer(text):
        force = by_alias.get(_key(m.group(0)))
        if force is not None and not _other_mission(text, m.end(), force):
            out.append(ForceMention(m.start(), m.end(), m.group(0), force))
    if out:
        return [m for i, m in enumerate(out) if not _named_next(text, m, out[i + 1 : i + 2])]
    return _operations(text)


def _named_next(text: str, mention: ForceMention, following: list[ForceMention]) -> bool:
    """ "der SADC-Mission SAMIDRC": a family's generic name followed at once by the name of one of its
    missions is that mission, not the one the generic name stands for alone."""
    if not following:
        return False
    nxt = following[0]
    return (
        nxt.force is not mention.force
        and _family(nxt.force) == _family(mention.force)
        and not text[mention.end : nxt.start].strip(' \u00a0,(«“"')
    )
