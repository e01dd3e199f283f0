"""Clauses of one sentence: where a clause of its own starts and ends, so that each action cue reads its
actor, place, troops and date in its own clause.

Two kinds of structure matter to the events:

- coordinate clauses, each with its own subject and verb: "France withdrew its troops from Mali while
  Russia sent instructors to Bamako", "Le Tchad a retiré ses soldats du Niger, tandis que le Cameroun a
  déployé ...", "Deutschland zieht ab, Italien bleibt in Niamey". `units` cuts a sentence at an opener
  (";", a comma, "and", "while", "tandis que", "während", from rules/<lang>/syntax.json `clause_openers`)
  only where each side holds a cue and a subject of its own, so that "withdrew from Mali and Niger" or
  "withdrew and redeployed them to Chad" stay one clause;
- embedded clauses, which say something about a noun: a relative clause set off by commas ("the troops,
  who had arrived in Gao in 2020, ..."), found by the caller; `own_span` tells whether a mention lies in
  the same one as a cue.

`clause_start` and `clause_end` are the plain bounds by punctuation that several checks read a clause
with ("Rebels attacked a camp": the words before a verb up to the last comma, dash or bracket).

The module holds no word of any language: the words are data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from . import rules
from .patterns import NEVER, alternation, spellings

__all__ = [
    "BREAK_NOT_ORDINAL",
    "CLAUSE_END",
    "CLAUSE_MARKS",
    "adjacent",
    "clause_end",
    "clause_start",
    "in_span",
    "openers",
    "subject_may_follow",
    "units",
]

CLAUSE_MARKS = ",;:()–—"  # the marks that close a clause in every language we read
CLAUSE_END = re.compile(r"[,;:.]")  # a comma, colon, semicolon or full stop: the plain end of a clause
BREAK_NOT_ORDINAL = re.compile(r"[,;:]|(?<!\d)\.")  # not the point of "am 18. Mai"
_LETTERS = re.compile(r"\w+")  # a word as `adjacent` counts them ("UN-Mission" is two)
_SUBJECT_WORDS = 8  # how far after its opener a clause's subject may stand: "and, in the north, the Malian army"


def clause_start(text: str, at: int) -> int:
    """Where the clause that holds position `at` starts: after the last clause mark before it."""
    return max(text.rfind(c, 0, at) for c in CLAUSE_MARKS) + 1


def clause_end(text: str, at: int, marks: str = CLAUSE_MARKS) -> int:
    """Where the clause that holds position `at` ends: the first of `marks` from `at` on, else the text's end."""
    return next((i for i in range(at, len(text)) if text[i] in marks), len(text))


def adjacent(text: str, a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two spans stand side by side: at most two words (24 characters) between them."""
    gap = text[a_end:b_start] if a_end <= b_start else text[b_end:a_start]
    return len(gap) <= 24 and len(_LETTERS.findall(gap)) <= 2


@cache
def openers(language: str) -> re.Pattern[str]:
    """The marks and words that may open a clause of its own in a language (`clause_openers`): a match spans
    the mark with the words around it, so that the next clause starts where the match ends."""
    s = rules.load("syntax", language) or {}
    words = [f for w in s.get("clause_openers", []) for f in spellings(w, free_first=False)]
    word = rf"\s*,?\s*(?<![\w-])(?:{alternation(words) if words else NEVER})(?:(?<=['’])|(?![\w-]))\s*"
    # "; ", ", " alone, or a comma or nothing before one of the words: ", while", " tandis que", ", und"
    # a comma between digits is a thousands separator ("1,100 soldiers"), no clause mark
    return re.compile(rf"{word}|\s*(?:;|(?<!\d),|,(?!\d{{3}}))\s*", re.IGNORECASE)


@cache
def _verb_second(language: str) -> bool:
    """Whether the subject may follow its verb in a main clause ("und dann zog Ungarn ab")."""
    return bool((rules.load("syntax", language) or {}).get("frame_without_comma", False))


def subject_may_follow(language: str) -> bool:
    """Whether a main clause's subject may follow its verb in `language` ("Im März verlegte die Armee ...")."""
    return _verb_second(language)


@cache
def _relative_opening(language: str) -> re.Pattern[str]:
    """A relative word right after a comma: ", où la France dispose de", ", which", ", wo die EU": the clause says
    something about what stands before, it is none of its own."""
    s = rules.load("syntax", language) or {}
    words = [
        f
        for key in ("relative_pronouns", "oblique_relatives", "place_relatives")
        for w in s.get(key, [])
        for f in spellings(w, free_first=False)
    ]
    return re.compile(rf"(?:{alternation(words) if words else NEVER})(?![\w-])", re.IGNORECASE)


def units(
    text: str,
    language: str,
    cues: Sequence[tuple[int, int]],
    subjects: Sequence[tuple[int, int]],
    embedded: Sequence[tuple[int, int]] = (),
    names: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """The sentence cut into coordinate clauses, each (start, end). A cut is made at an opener when the part
    before it holds a cue and a subject, and the part after opens (within a few words) on a subject that stands
    right before its first cue ("..., while Hungary sent", "et la Hongrie a envoyé", "Deutschland hingegen
    holte") or right after it (verb-second: "und dann zog Ungarn ab"). Openers inside an embedded clause (a
    relative clause set off by commas) cut nothing, nor does one right after a name of `names` (every name, the
    subjects and those a preposition ties to a place) unless the next name is right before its verb: "from Niger,
    Mali and Burkina Faso" is a list. With no cut, the whole sentence is one clause."""
    if len(cues) < 2 or len(subjects) < 2:
        return [(0, len(text))]
    cuts: list[tuple[int, int]] = []  # (where the opener starts, where the next clause starts)
    lo = 0
    for m in openers(language).finditer(text):
        at, nxt = m.start(), m.end()
        if at < lo or any(a < at <= b for a, b in embedded):
            continue
        if not any(lo <= s < at for s, _ in cues) or not any(lo <= s < at for s, _ in subjects):
            continue
        first = min(((s, e) for s, e in cues if s >= nxt), default=None)
        if first is None:
            break
        if _relative_opening(language).match(text, nxt):
            continue
        reach = _words_after(text, nxt, _SUBJECT_WORDS)
        after = [(s, e) for s, e in subjects if nxt <= s < reach and _opens(text, nxt, s, language)]
        # "from Niger, Mali and Burkina Faso": after a name, the next name is one of its list unless its verb follows
        listed = any(e <= at and not text[e:at].strip(" ,") for _, e in [*subjects, *names])
        inverted = _verb_second(language)
        if listed and inverted:  # "zwischen Niger, Mali und Burkina Faso abgezogen": the verb closes the clause
            continue
        if listed:
            after = after[:1]
        if any(_heads(text, subj, first, inverted, tight=listed) for subj in after):
            cuts.append((at, nxt))
            lo = nxt
    if not cuts:
        return [(0, len(text))]
    bounds = [0] + [x for cut in cuts for x in cut] + [len(text)]
    return [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def _opens(text: str, start: int, subject: int, language: str) -> bool:
    """Whether only determiners, numbers or clause words stand between a clause's start and its subject: ", the
    junta has", ", et la Hongrie a", ", und dann Ungarn" open a clause; ", with some 1,400 peacekeepers based",
    ", declaring its ..., while a force will remain" do not."""
    allowed = _opening_words(language)
    return all(w.lower() in allowed or w[:1].isdigit() for w in _WORD.findall(text, start, subject))


@cache
def _opening_words(language: str) -> frozenset[str]:
    s = rules.load("syntax", language) or {}
    words = s.get("determiners", []) + s.get("clause_coordinators", []) + s.get("clause_openers", [])
    return frozenset(part.lower() for w in words for part in _WORD.findall(w))


_GAP_BEFORE = 3  # words between a subject and its verb: "la Hongrie a pour sa part envoyé", "Hungary has sent"
_GAP_AFTER = 1  # words between a verb and the subject after it: "und dann zog Ungarn ab"


def _heads(text: str, subject: tuple[int, int], cue: tuple[int, int], inverted: bool, *, tight: bool = False) -> bool:
    """Whether a subject stands right before its verb, with no comma between (only an auxiliary between when
    `tight`), or, in a verb-second language, right after the verb's first word."""
    if subject[1] <= cue[0]:
        gap = text[subject[1] : cue[0]]
        words = 1 if tight else _GAP_BEFORE
        return len(_WORD.findall(gap)) <= words and not any(c in gap for c in CLAUSE_MARKS)
    if inverted and cue[0] < subject[0]:
        first = _WORD.match(text, cue[0])
        gap = text[first.end() if first else cue[0] : subject[0]]
        return len(_WORD.findall(gap)) <= _GAP_AFTER and not any(c in gap for c in CLAUSE_MARKS)
    return False


def in_span(pos: int, span: tuple[int, int]) -> bool:
    return span[0] <= pos < span[1]


_WORD = re.compile(r"[\w'’-]+")


def _words_after(text: str, at: int, n: int) -> int:
    """Where the n-th word after `at` ends (the text's end when fewer follow)."""
    end = at
    for i, m in enumerate(_WORD.finditer(text, at)):
        end = m.end()
        if i + 1 >= n:
            return end
    return len(text)
