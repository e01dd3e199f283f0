"""Action cues (verbs and nouns that state a deployment, withdrawal, redeployment, strike or ended
cooperation) and the status that tense and modality give them, from `rules/<lang>/actions.json`.
"""

from __future__ import annotations

import re
import re._constants as _C
import re._parser as _parser
from dataclasses import dataclass
from functools import cache

from . import rules

__all__ = ["Trigger", "find_triggers", "has_military_context", "is_negated", "is_report", "report_spans", "status_cues"]


@dataclass(frozen=True, slots=True)
class Trigger:
    """Words that state an action, with what the data file says about them."""

    start: int
    end: int
    text: str
    action: str
    kind: str  # "noun" or "verb"
    status: str | None = None
    needs_troops: bool = False
    needs_destination: bool = False
    host: bool = False
    needs_count: bool = False
    needs_place: bool = False
    recipient_after: bool = False


@dataclass(frozen=True, slots=True)
class _Cues:
    triggers: tuple[tuple[re.Pattern[str], dict[str, object]], ...]
    status: dict[str, re.Pattern[str]]
    any_trigger: re.Pattern[str]
    negation: re.Pattern[str]
    negation_window: int
    negation_after: int
    denial: re.Pattern[str]
    cancellation: re.Pattern[str]
    military: re.Pattern[str]
    report: re.Pattern[str]
    starts: re.Pattern[str] | None  # where a cue may start, when every cue starts with a known character
    by_char: dict[str, tuple[int, ...]]  # ASCII character -> the cues (by index) that may start with it
    heads: tuple[frozenset[tuple[str, bool]], ...]  # per cue: how it may begin (see _heads)
    by_head: dict[str, tuple[int, ...]]  # a word's first letters -> the cues that may start there (filled as met)
    status_heads: tuple[tuple[frozenset[tuple[str, bool]], ...], re.Pattern[str]] | None  # see _word_start_heads
    status_by_head: dict[str, tuple[int, ...]]


def _words(words: list[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


@cache
def _cues(language: str) -> _Cues:
    data = rules.load("actions", language) or rules.load("actions", "en")
    end = r"(?:(?<=['’])|(?![\w]))"  # a cue may end on an apostrophe: "dispose d'"
    triggers = tuple((re.compile(rf"(?<![\w-])(?:{t['pattern']}){end}", re.IGNORECASE), t) for t in data["triggers"])
    status = {
        name: re.compile(rf"(?<![\w-])(?:{_words(words)})(?![\w])", re.IGNORECASE)
        for name, words in data["status_cues"].items()
    }
    negation = re.compile(rf"(?<![\w-])(?:{_words(data['negations'])})(?:(?<=['’])|(?![\w]))", re.IGNORECASE)
    # plural and inflected forms: "contingents", "militaires", "Soldaten"
    tail = r"\w*" if data.get("military_compounds") else r"\w{0,3}"  # "Militärberater", "Bundeswehrsoldaten"
    numbers = rules.load("numbers", language) or {}
    nouns = [re.escape(w) for w in numbers.get("troop_nouns", []) + numbers.get("asset_nouns", []) if len(w) > 4]
    military = re.compile(rf"(?<![\w-])(?:{_words(data['military_context'] + nouns)}){tail}(?![\w])", re.IGNORECASE)
    denial = re.compile(rf"(?<![\w-])(?:{_words(data.get('denials', []) or ['(?!x)x'])})(?![\w])", re.IGNORECASE)
    any_trigger = re.compile("|".join(f"(?:{p.pattern})" for p, _ in triggers), re.IGNORECASE)
    starts, by_char = _dispatch([p for p, _ in triggers])
    return _Cues(
        triggers=triggers,
        status=status,
        any_trigger=any_trigger,
        negation=negation,
        negation_window=int(data.get("negation_window", 3)),
        negation_after=int(data.get("negation_after_window", 0)),
        denial=denial,
        cancellation=re.compile(
            rf"(?<![\w-])(?:{_words(data.get('cancellations', []) or ['(?!x)x'])})(?![\w])", re.IGNORECASE
        ),
        military=military,
        report=re.compile(
            rf"(?<![\w-])(?:{_words(data.get('reporting_verbs', []) or ['(?!x)x'])})(?![\w])", re.IGNORECASE
        ),
        starts=starts,
        by_char=by_char,
        heads=tuple(frozenset(_heads(_parser.parse(p.pattern, p.flags), _HEAD)) for p, _ in triggers),
        by_head={},
        status_heads=_word_start_heads(list(status.values())),
        status_by_head={},
    )


_ASCII = "abcdefghijklmnopqrstuvwxyz"
_WORD = "\\w"  # in a set of first characters: any word character


def _first(items: object) -> tuple[set[str], bool] | None:
    """The characters a parsed regex sequence may start with (`_WORD` for any word character), and
    whether it may match the empty string; None when that cannot be told."""
    out: set[str] = set()
    for op, av in items:  # type: ignore[attr-defined]
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width
        if op is _C.LITERAL:
            return out | {chr(av)}, False
        if op is _C.IN:
            for o, a in av:
                if o is _C.LITERAL:
                    out.add(chr(a))
                elif o is _C.RANGE and a[1] - a[0] < 64:
                    out.update(chr(c) for c in range(a[0], a[1] + 1))
                elif o is _C.CATEGORY and a is _C.CATEGORY_WORD:
                    out.add(_WORD)
                else:
                    return None
            return out, False
        if op is _C.SUBPATTERN:
            sub = _first(av[-1])
        elif op is _C.BRANCH:
            alts = [_first(alt) for alt in av[1]]
            if any(a is None for a in alts):
                return None
            sub = set().union(*(a[0] for a in alts)), any(a[1] for a in alts)  # type: ignore[index]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
            inner = _first(av[2])
            sub = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if sub is None:
            return None
        out |= sub[0]
        if not sub[1]:
            return out, False
    return out, True


_HEAD = 3  # how many first characters of a word choose the cues tried there
_Heads = set[tuple[str, bool]]


def _heads(items: object, n: int) -> _Heads:
    """How a parsed regex sequence may begin: (lower-case ASCII start of at most n characters, open), where
    open means anything may follow (a character class, a non-ASCII letter: not told apart here)."""
    out: _Heads = {("", False)}
    for item in items:  # type: ignore[attr-defined]
        grown: _Heads = set()
        for start, is_open in out:
            if is_open or len(start) >= n:
                grown.add((start[:n], True))
                continue
            grown.update((start + more, more_open) for more, more_open in _item_heads(item, n - len(start)))
        out = grown
        if all(is_open for _, is_open in out):
            break
    return out


def _item_heads(item: tuple[object, object], n: int) -> _Heads:
    op, av = item
    if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
        return {("", False)}  # zero width: whatever it asks, the words that follow begin the match
    if op is _C.LITERAL or op is _C.IN:
        chars = [chr(av)] if op is _C.LITERAL else []  # type: ignore[arg-type]
        for o, a in av if op is _C.IN else ():  # type: ignore[union-attr]
            if o is _C.LITERAL:
                chars.append(chr(a))
            elif o is _C.RANGE and a[1] - a[0] < 64:
                chars.extend(chr(c) for c in range(a[0], a[1] + 1))
            else:
                return {("", True)}
        if not all(c.isascii() for c in chars):
            return {("", True)}  # case folding of non-ASCII letters has exceptions: any character
        return {(c.lower(), False) for c in chars}
    if op is _C.SUBPATTERN:
        return _heads(av[-1], n)  # type: ignore[index]
    if op is _C.BRANCH:
        return set().union(*(_heads(alt, n) for alt in av[1]))  # type: ignore[index]
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT):
        low, high, sub = av  # type: ignore[misc]
        out: _Heads = {("", False)} if low == 0 else set()
        reps: _Heads = {("", False)}
        limit = min(high, n)
        for k in range(1, limit + 1):
            reps = _grow(reps, sub, n)
            if k >= low:
                out |= reps
        if low > limit or high > limit:
            out |= {(s, True) for s, _ in reps}  # more repetitions follow: anything may
        return out
    return {("", True)}


def _grow(starts: _Heads, sub: object, n: int) -> _Heads:
    out: _Heads = set()
    for start, is_open in starts:
        if is_open or len(start) >= n:
            out.add((start[:n], True))
        else:
            out.update((start + s, o) for s, o in _heads(sub, n - len(start)))
    return out


def _cues_at(cues: _Cues, head: str) -> tuple[int, ...]:
    """The cues that may start at a word beginning with `head` (a non-ASCII character matches anything)."""
    found = cues.by_head.get(head)
    if found is None:
        found = _fitting(cues.heads, head)
        cues.by_head[head] = found
    return found


def _fitting(heads: tuple[frozenset[tuple[str, bool]], ...], head: str) -> tuple[int, ...]:
    return tuple(i for i, starts in enumerate(heads) if any(_fits(head, s, o) for s, o in starts))


def _word_start_heads(
    patterns: list[re.Pattern[str]],
) -> tuple[tuple[frozenset[tuple[str, bool]], ...], re.Pattern[str]] | None:
    r"""`heads` of patterns that only match from a word start on (they open with `(?<![\w-])`, never match
    empty), and where such a start is: a word character or one of the few others they begin with ("'ll");
    None when a pattern may start elsewhere."""
    out = []
    extra: set[str] = set()
    for p in patterns:
        parsed = _parser.parse(p.pattern, p.flags)
        first = _first(parsed)
        if not p.pattern.startswith(r"(?<![\w-])") or first is None or first[1]:
            return None
        extra.update(c for c in first[0] if c != _WORD and not re.fullmatch(r"\w", c))
        out.append(frozenset(_heads(parsed, _HEAD)))
    chars = "".join(re.escape(c) for c in sorted(extra))
    return tuple(out), re.compile(rf"(?<![\w-])[\w{chars}]")


def _fits(head: str, start: str, is_open: bool) -> bool:
    for i, c in enumerate(start):
        if i >= len(head):
            return True  # the text ends (or we did not look further): try the cue
        t = head[i]
        if t.isascii() and t.lower() != c:
            return False
    return True  # the cue's start agrees with the word's (it may be shorter: a cue of few letters)


def _dispatch(patterns: list[re.Pattern[str]]) -> tuple[re.Pattern[str] | None, dict[str, tuple[int, ...]]]:
    """Which cues may start with which letter, so that a sentence tries at each word start only the
    few cues that can begin there instead of all of them at every character."""
    firsts = []
    for p in patterns:
        f = _first(_parser.parse(p.pattern, p.flags))
        if f is None or f[1] or not p.flags & re.IGNORECASE:
            return None, {}  # a cue that could start anywhere: search the plain way
        firsts.append(f[0])
    extra = {c for f in firsts for c in f if c != _WORD and not re.fullmatch(r"\w", c)}
    # a letter of the text tries the cues starting with that letter in either case; a cue starting with
    # any word character, or a non-ASCII letter (case folding has exceptions there), is tried everywhere
    everywhere = {
        i for i, f in enumerate(firsts) if _WORD in f or any(c.lower() not in _ASCII for c in f if c.isalpha())
    }
    by_char = {
        a: tuple(i for i, f in enumerate(firsts) if i in everywhere or any(c.lower() == a.lower() for c in f))
        for a in _ASCII + _ASCII.upper()
    }
    by_char.update({d: tuple(i for i, f in enumerate(firsts) if d in f or _WORD in f) for d in "0123456789_"})
    # the word starts worth a look: an ASCII character some cue starts with, or any non-ASCII letter
    chars = "".join(re.escape(c) for c in sorted({c for c, cues in by_char.items() if cues} | extra))
    return re.compile(rf"(?<![\w-])(?:[{chars}]|[^\W\x00-\x7f])"), by_char


def find_triggers(text: str, language: str) -> list[Trigger]:
    """Action cues in `text`, longest first: a cue inside a longer one ("deployment" in "end of its
    deployment") gives way to it."""
    cues = _cues(language)
    kept: list[Trigger] = []
    pos = 0
    every = range(len(cues.triggers))
    by_char = cues.by_char
    while (hit := (cues.starts or cues.any_trigger).search(text, pos)) is not None:
        # the leftmost cue; of the cues that start there, the longest ("end of its deployment")
        best = None
        at = hit.start()
        tried = _cues_at(cues, text[at : at + _HEAD]) if by_char else every
        for k in tried:
            pattern, spec = cues.triggers[k]
            m = pattern.match(text, hit.start())
            if m is not None and (best is None or m.end() > best[0].end()):
                best = (m, spec)
        if best is None:  # no cue starts at this word (or, searching the plain way, cannot happen)
            pos = hit.start() + 1
            continue
        m, spec = best
        kept.append(
            Trigger(
                m.start(),
                m.end(),
                m.group(0),
                str(spec["action"]),
                str(spec.get("kind", "verb")),
                spec.get("status"),  # type: ignore[arg-type]
                bool(spec.get("needs_troops")),
                bool(spec.get("needs_destination")),
                bool(spec.get("host")),
                bool(spec.get("needs_count")),
                bool(spec.get("needs_place")),
                bool(spec.get("recipient_after")),
            )
        )
        pos = max(m.end(), hit.start() + 1)
    return kept


def report_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Where the sentence says who reported it: "the ministry said", "a annoncé", "teilte ... mit"."""
    return [m.span() for m in _cues(language).report.finditer(text)]


def is_report(text: str, language: str) -> bool:
    """Whether the sentence reports what another said ("Das teilte das Ministerium am Donnerstag mit")."""
    return _cues(language).report.search(text) is not None


def has_military_context(text: str, language: str) -> bool:
    """Whether the sentence speaks of troops at all ("withdrawal from the Paris agreement" does not)."""
    return _cues(language).military.search(text) is not None


def is_negated(text: str, trigger: Trigger, language: str) -> bool:
    """A negation among the few words before the cue: "cannot deploy", "ne peut pas déployer"."""
    cues = _cues(language)
    before = text[: trigger.start]
    starts = [m.start() for m in re.finditer(r"[\w'’]+", before)]
    cut = starts[-cues.negation_window] if len(starts) >= cues.negation_window else 0
    window = before[cut:].split(",")[-1]  # the negation must stand in the cue's own clause
    if cues.negation.search(window) is not None or cues.denial.search(before) is not None:
        return True  # "cannot deploy", "do not expect any country to deploy"; "denied reports that ..."
    if cues.cancellation.search(text, trigger.end) is not None:
        return True  # "had planned to send a contingent but dropped the idea"
    if cues.negation_after:  # German puts "nicht" after the verb: "beteiligt sich ... nicht mehr"
        after = re.findall(r"[\w'’]+|[,;:.]", text[trigger.end :])[: cues.negation_after + 2]
        clause = []
        for word in after:
            if word in ",;:.":
                break
            clause.append(word)
        return any(cues.negation.fullmatch(w) for w in clause[: cues.negation_after + 2])
    return False


def status_cues(text: str, language: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of status cue occurs in `text`: planned, announced, completed, ongoing."""
    cues = _cues(language)
    if cues.status_heads is None:
        return {name: [m.span() for m in pattern.finditer(text)] for name, pattern in cues.status.items()}
    # as each pattern's finditer, but one pass over the word starts tries only the kinds whose words fit there
    kinds = list(cues.status.items())
    out: dict[str, list[tuple[int, int]]] = {name: [] for name, _ in kinds}
    free = [0] * len(kinds)  # where each kind's search goes on (after its last match)
    memo = cues.status_by_head
    heads, starts = cues.status_heads
    for hit in starts.finditer(text):
        at = hit.start()
        head = text[at : at + _HEAD]
        tried = memo.get(head)
        if tried is None:
            tried = memo[head] = _fitting(heads, head)
        for k in tried:
            if at >= free[k] and (m := kinds[k][1].match(text, at)) is not None:
                out[kinds[k][0]].append(m.span())
                free[k] = m.end()
    return out
