"""Cues whose words name or describe rather than tell a move of the troops they seem to move:

- a cue word inside a proper name ("the African Union Support and Stabilization Mission", "la Mission
  d'Appui ..."): a title, no verb;
- an expulsion whose object is an armed group ("drove the militants out of", "a chassé les shebab de",
  "vertrieb die Dschihadisten aus"): the group leaves, no troops of a state withdraw;
- a noun cue owned by a possessive relative ("MONUSCO, whose own drawdown ...", "la Minusma, dont le
  retrait ...", "die Mission, deren Abzug ..."): the move is the antecedent's, not that of a country named
  elsewhere in the sentence.

Knowledge lives in the rules files (syntax.json "insurgents", "possessive_relatives", "capital_marks_name",
"name_joiners", "hosted_gatherings", "adjuncts_follow_verb"); the code says only where it applies.
"""

from __future__ import annotations

import re
from functools import cache

from . import rules
from .actions import Trigger
from .patterns import NEVER, alternation, longest_first, spellings
from .scope import _MARK, _WORD

__all__ = [
    "armed_groups",
    "comments_on",
    "expels_armed_group",
    "hosts_no_troops",
    "in_proper_name",
    "leaves_force",
    "possessive_antecedent",
    "threatened_after",
]

_OBJECT_REACH = 50  # characters after an expulsion verb where its object stands
_OBJECT_WORDS = 4  # and words: "vertrieben im März die Islamisten"
_TITLE_SHARE = 0.8  # a sentence with more capitalised words than this is a headline in title case


@cache
def armed_groups(language: str) -> re.Pattern[str]:
    """An armed group, no state's troops ("jihadists", "Boko Haram", "Rebellen"; syntax.json `insurgents`): the
    one pattern of the expulsion check here and of the events' syntax (an armed group's own attack)."""
    words = (rules.load("syntax", language) or {}).get("insurgents", [])
    alts = alternation([f for w in words for f in spellings(w, free_first=False)]) or NEVER
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w])", re.IGNORECASE)


@cache
def _determiners(language: str) -> frozenset[str]:
    """The articles of a language ("les", "des", "die"): an object's first word, even when a place preposition
    shares it ("des" of "chassé des jihadistes" and of "retiré des villes")."""
    return frozenset(w.lower() for w in (rules.load("syntax", language) or {}).get("determiners", []))


@cache
def _name_goes_on(language: str) -> re.Pattern[str] | None:
    """A name goes on after the cue: a capitalised word, or a joiner then one ("and Stabilization", "de la Paix");
    None in a language whose capitals mark no name (German capitalises every noun)."""
    s = rules.load("syntax", language) or {}
    if not s.get("capital_marks_name", False):
        return None
    joiners = alternation([f for w in s.get("name_joiners", []) for f in spellings(w, free_first=False)]) or NEVER
    return re.compile(rf"\s+(?:(?:{joiners})\s*)*[A-ZÀ-ÖØ-Þ]")


@cache
def _object_before_verb(language: str) -> bool:
    """Whether a clause's objects may stand before its verb ("Flüchtlinge aufnehmen"): syntax.json
    `adjuncts_follow_verb` false, the verb-final languages."""
    return not (rules.load("syntax", language) or {}).get("adjuncts_follow_verb", True)


@cache
def _possessive(language: str) -> re.Pattern[str]:
    """ ", whose (own)", ", dont le/la/les", ", deren/dessen": a relative clause that owns its noun."""
    words = (rules.load("syntax", language) or {}).get("possessive_relatives", [])
    alts = longest_first(words) or NEVER
    return re.compile(rf",\s*(?:{alts})(?:\s+|(?<=['’]))", re.IGNORECASE)


@cache
def _gatherings(language: str) -> re.Pattern[str]:
    words = (rules.load("syntax", language) or {}).get("hosted_gatherings", [])
    alts = longest_first(words) or NEVER
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w])", re.IGNORECASE)


@cache
def _place_words(language: str) -> frozenset[str]:
    """The words of the prepositions that open where from ("out of", "hors de", "aus"): an object stands before."""
    syntax = rules.load("syntax", language) or {}
    phrases = syntax.get("place_from", []) + syntax.get("origin_prepositions", [])
    return frozenset(w.lower() for p in phrases for w in p.split())


def in_proper_name(text: str, trigger: Trigger, language: str) -> bool:
    """Whether the cue is capitalised inside a name: after a capitalised word that does not open the sentence and
    before another, maybe after a joiner ("the African Union Support and Stabilization Mission"), in a sentence
    not written in title case (a headline "France Withdraws Troops From Mali" keeps its verb)."""
    goes_on = _name_goes_on(language)
    if goes_on is None or not all(w[:1].isupper() for w in _WORD.findall(trigger.text)):
        return False  # "Nigerian Air Force jets bombed": a name inside the cue, not the cue inside a name
    if goes_on.match(text, trigger.end) is None:
        return False  # a name goes on after the cue: "Support and Stabilization Mission", "Support Office"
    before = _WORD.findall(text, max(0, trigger.start - 40), trigger.start)
    if not before or not before[-1][:1].isupper() or _MARK.search(text, trigger.start - 3, trigger.start):
        return False
    first = _WORD.search(text)
    if first is not None and text.rfind(before[-1], 0, trigger.start) == first.start():
        return False  # "Troops Withdraw": the word before opens the sentence
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return not words or sum(w[:1].isupper() for w in words) / len(words) <= _TITLE_SHARE


def expels_armed_group(text: str, trigger: Trigger, language: str) -> bool:
    """A withdrawal verb whose object, in the few words after it and before any place preposition, is an armed
    group: "forced the insurgents out of", "a chassé les shebab de Mogadiscio", "a chassé l'EIGS de Ménaka",
    "vertrieben im März die Islamisten aus Gamboru" tell of the group's flight, not of troops that leave."""
    if trigger.action != "withdrawal" or trigger.kind != "verb":
        return False
    groups = armed_groups(language)
    if groups.search(trigger.text):  # the object inside the cue: "forced the jihadists out"
        return True
    stops, articles = _place_words(language), _determiners(language)
    for m in list(_WORD.finditer(text, trigger.end, min(len(text), trigger.end + _OBJECT_REACH)))[:_OBJECT_WORDS]:
        if _MARK.search(text, trigger.end, m.start()):
            return False
        word = m.group(0)
        elided = max(word.rfind("'"), word.rfind("’")) + 1  # "l'EIGS": the name after an elided article
        if groups.match(text, m.start()) or (elided and groups.match(text, m.start() + elided)):
            return True
        if word.lower() in stops and word.lower() not in articles:
            return False  # "pulled its battalions out of the plain as the rebels advanced": past the object
    return False


def hosts_no_troops(text: str, trigger: Trigger, language: str) -> bool:
    """A host cue whose clause names a gathering or civilians as what is hosted, near it: "offered to host
    talks", "accueille un sommet", "Flüchtlinge aufnehmen" (the German object comes before the verb)."""
    if not trigger.host:
        return False
    gatherings = _gatherings(language)
    lo = max(_last_mark(text, trigger.start), trigger.start - _OBJECT_REACH)
    mark = _MARK.search(text, trigger.end)
    hi = min(mark.start() if mark else len(text), trigger.end + _OBJECT_REACH)
    return gatherings.search(text, trigger.end, hi) is not None or (
        _object_before_verb(language) and gatherings.search(text, lo, trigger.start) is not None
    )


def _last_mark(text: str, at: int) -> int:
    return max((m.end() for m in _MARK.finditer(text, 0, at)), default=0)


def possessive_antecedent(text: str, trigger: Trigger, language: str) -> int | None:
    """Where the name a possessive relative points back to ends ("MONUSCO, whose own drawdown": the end of
    "MONUSCO"), for a cue in the relative's clause; None otherwise."""
    found = [m for m in _possessive(language).finditer(text, max(0, trigger.start - 120), trigger.start)]
    if not found or _MARK.search(text, found[-1].end(), trigger.start):
        return None  # the cue in the relative's own clause: "whose withdrawal was completed", "dont le retrait s'est"
    return found[-1].start()


_LEFT_FORCE_WORDS = 4  # words between "from" and the force's name: "from the UN peacekeeping mission"


def leaves_force(text: str, trigger: Trigger, force_start: int, language: str) -> bool:
    """Whether a withdrawal cue is followed by "from" and, a few words on, the force's name: "the withdrawal from
    MINUSMA", "le retrait de la Minusma", "der Abzug aus der Minusma" tell of a contributor leaving the force,
    whose own country or organisation (UN, EU) is then not who leaves."""
    if trigger.action != "withdrawal" or force_start < trigger.end:
        return False
    words = _WORD.findall(text, trigger.end, force_start)
    if _MARK.search(text, trigger.end, force_start) or not words or len(words) > _LEFT_FORCE_WORDS + 1:
        return False
    first = words[0].lower()
    if trigger.kind == "noun" and first in _genitives(language):
        return False  # "le retrait de la Minusma", "der Abzug der Minusma": the force's own withdrawal
    return first in _place_words(language)


@cache
def _genitives(language: str) -> frozenset[str]:
    return frozenset(w.lower() for w in (rules.load("syntax", language) or {}).get("genitive_prepositions", []))


@cache
def _comments(language: str) -> re.Pattern[str]:
    words = (rules.load("actors", language) or {}).get("comment_verbs", [])
    return re.compile(rf"(?<![\w-])(?:{'|'.join(words) or NEVER})(?![\w])", re.IGNORECASE)


def comments_on(text: str, name_end: int, trigger: Trigger, language: str, verb_last: bool) -> bool:
    """Whether a verb of comment stands between a name and the cue after it, in one clause ("Die USA verurteilten
    die Stationierung", "Canada criticised the deployment"); where the verb closes the clause, after the cue too
    ("hatte die Entsendung ... verurteilt")."""
    if name_end > trigger.start:
        return False
    end = trigger.start
    if verb_last:
        mark = _MARK.search(text, trigger.end)
        end = mark.start() if mark else len(text)
    return _comments(language).search(text, name_end, end) is not None


@cache
def _threats_after(language: str) -> re.Pattern[str] | None:
    data = rules.load("actions", language) or {}
    words = data.get("threats_after", []) + data.get("irrealis_after", [])
    return re.compile(rf"(?<![\w-])(?:{'|'.join(words)})(?![\w])", re.IGNORECASE) if words else None


def threatened_after(text: str, trigger: Trigger, language: str) -> bool:
    """A noun cue a threat verb or an incompatibility closes the clause of, where the verb comes last ("hatte mit
    einem Rückzug gedroht", "mit der Präsenz französischer Soldaten unvereinbar"; "droht mit dem Abzug" is read
    before the cue by the negation's threats): a threat or a condition, no move."""
    threats = _threats_after(language)
    if threats is None or trigger.kind != "noun":
        return False
    mark = _MARK.search(text, trigger.end)
    return threats.search(text, trigger.end, mark.start() if mark else len(text)) is not None
