"""Where a regex can start, read from its parsed form: the first letters of every match, so that a
search need only try a pattern at the word starts whose first letters fit, instead of at every character.

Python's regex engine skips ahead quickly only for patterns that begin with a literal; a case-insensitive
pattern that opens with a look-behind ("(?<![\\w-])(?:withdr|deploy|...)") is tried at every position,
each alternative in turn. Reading the first three letters of each pattern lets the caller try a handful of
patterns at a handful of places, with exactly the same matches (tests/test_cue_dispatch.py).
"""

from __future__ import annotations

import re
import re._casefix as _casefix
import re._constants as _C
import re._parser as _parser
import sys
from collections.abc import Iterator
from typing import Any

from .patterns import alternation

__all__ = ["HEAD", "dispatch", "fitting", "gated", "heads", "word_start_heads"]

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
                elif o is _C.CATEGORY and a in (_C.CATEGORY_WORD, _C.CATEGORY_DIGIT):  # digits are word characters
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


HEAD = 3  # how many first characters of a word choose the cues tried there

# Letters that a case-insensitive pattern matches beyond those of the same lower case ("s" also matches "ſ").
_CASE_EXTRA = frozenset(chr(c) for k, v in _casefix._EXTRA_CASES.items() for c in (k, *v))


def _plain_case(char: str) -> bool:
    """A letter that, ignoring case, matches exactly the characters of the same lower case: é and É, ü and Ü."""
    low = char.lower()
    return len(low) == 1 and low not in _CASE_EXTRA


_Heads = set[tuple[str, bool]]


def heads(items: object, n: int) -> _Heads:
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


def _item_heads(item: tuple[Any, Any], n: int) -> _Heads:  # re._parser has no types
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
            elif o is _C.CATEGORY and a is _C.CATEGORY_DIGIT:
                chars.extend("0123456789")  # other scripts' digits are not ASCII: they fit anything
            else:
                return {("", True)}
        if not all(c.isascii() or _plain_case(c) for c in chars):
            return {("", True)}  # a letter whose case folding has exceptions (ſ, ı): any character
        return {(c.lower(), False) for c in chars}
    if op is _C.SUBPATTERN:
        return heads(av[-1], n)  # type: ignore[index]
    if op is _C.BRANCH:
        return set().union(*(heads(alt, n) for alt in av[1]))  # type: ignore[index]
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
            out.update((start + s, o) for s, o in heads(sub, n - len(start)))
    return out


def fitting(heads: tuple[frozenset[tuple[str, bool]], ...], head: str) -> tuple[int, ...]:
    """The patterns (by index) whose starts fit a word that begins with `head`."""
    first = head[:1]
    if not first or not (first.isascii() or _plain_case(first)):
        return _fitting_all(heads, head)  # a letter whose case folding has exceptions fits any start
    if len(head) == HEAD and all(c.isascii() or _plain_case(c) for c in head):
        # a start (of at most HEAD letters) fits a whole head of plain letters when it is the head's own start
        low = "".join(c.lower() for c in head)
        by_start = _by_start(heads)
        found: set[int] = set()
        for n in range(HEAD + 1):
            found.update(by_start.get(low[:n], ()))
        return tuple(sorted(found))
    # a start fits only if it begins with that letter (starts are lower case) or is empty
    by_first = _by_first(heads)
    found = {i for s, o, i in by_first.get(first.lower(), ()) if _fits(head, s, o)}
    found.update(i for s, o, i in by_first.get("", ()) if _fits(head, s, o))
    return tuple(sorted(found))


def _fitting_all(heads: tuple[frozenset[tuple[str, bool]], ...], head: str) -> tuple[int, ...]:
    return tuple(i for i, starts in enumerate(heads) if any(_fits(head, s, o) for s, o in starts))


_BY_FIRST: dict[int, tuple[object, dict[str, list[tuple[str, bool, int]]]]] = {}


def _by_first(heads: tuple[frozenset[tuple[str, bool]], ...]) -> dict[str, list[tuple[str, bool, int]]]:
    """(start, open, pattern index) of every start, by its first letter; kept by the heads' identity."""
    known = _BY_FIRST.get(id(heads))
    if known is None or known[0] is not heads:
        index: dict[str, list[tuple[str, bool, int]]] = {}
        for i, starts in enumerate(heads):
            for s, o in starts:
                index.setdefault(s[:1], []).append((s, o, i))
        known = _BY_FIRST[id(heads)] = (heads, index)
    return known[1]


_BY_START: dict[int, tuple[object, dict[str, list[int]]]] = {}


def _by_start(heads: tuple[frozenset[tuple[str, bool]], ...]) -> dict[str, list[int]]:
    """The patterns (by index) of every start; kept by the heads' identity."""
    known = _BY_START.get(id(heads))
    if known is None or known[0] is not heads:
        index: dict[str, list[int]] = {}
        for i, starts in enumerate(heads):
            for start, _ in starts:
                index.setdefault(start, []).append(i)
        known = _BY_START[id(heads)] = (heads, index)
    return known[1]


def word_start_heads(
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
        out.append(frozenset(heads(parsed, HEAD)))
    chars = "".join(re.escape(c) for c in sorted(extra))
    return tuple(out), re.compile(rf"(?<![\w-])[\w{chars}]")


def _fits(head: str, start: str, is_open: bool) -> bool:
    for i, c in enumerate(start):
        if i >= len(head):
            return True  # the text ends (or we did not look further): try the cue
        t = head[i]
        if (t.isascii() or _plain_case(t)) and t.lower() != c:
            return False
    return True  # the cue's start agrees with the word's (it may be shorter: a cue of few letters)


def dispatch(patterns: list[re.Pattern[str]]) -> tuple[re.Pattern[str] | None, dict[str, tuple[int, ...]]]:
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


_LOOK_BEHINDS = (r"(?<![\w-])", r"(?<![\w])")  # how our word patterns open


_GATED: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}  # id of a pattern -> (it, its gated form)


def gated(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern (the same matches and groups) with a look-ahead, right after its opening look-behind,
    for the first letters every match begins with. Python's engine cannot skip ahead in a pattern that opens
    with a look-behind: it tries every alternative at every word start; the look-ahead, one trie of a few
    letters, turns most word starts away at once. Kept by the pattern's identity: hashing a compiled pattern
    reads all its code, as long as a search for the big ones."""
    known = _GATED.get(id(pattern))
    if known is None or known[0] is not pattern:
        known = _GATED[id(pattern)] = (pattern, _gate(pattern))
    return known[1]


def _gate(pattern: re.Pattern[str]) -> re.Pattern[str]:
    starts = {start for start, _ in heads(_parser.parse(pattern.pattern, pattern.flags), HEAD)}
    opening = next((b for b in _LOOK_BEHINDS if pattern.pattern.startswith(b)), "")
    if "" in starts or pattern.flags & re.VERBOSE:  # a match may begin with anything: no look-ahead helps
        return pattern
    ahead = f"(?=(?i:{alternation(starts)}))"  # heads are lower case: either case of the text fits
    return re.compile(opening + ahead + pattern.pattern[len(opening) :], pattern.flags)


# Letters whose case `str.lower` does not map as the regex engine does, one by one: those with extra case
# folds ("ſ" matches "s"), the final sigma (lower-cased by its place in the word), "İ" (two letters lower-cased)
_LOWER_UNSAFE = frozenset(c for c in _CASE_EXTRA if not c.isascii()) | {"Σ", "İ"}

_Clauses = tuple[tuple[str, ...], ...]


def required(pattern: re.Pattern[str]) -> _Clauses:
    """Words every match of `pattern` contains, read from its parsed form: clauses, each a tuple of lower-case
    strings one of which every match contains (all clauses hold together); () when nothing is required. A text
    that fails a clause (`may_match`) needs no search: the German cues that open with a compound's free start
    ("\\w*(?:einsatz|mission)...") are otherwise tried at every word of every sentence."""
    return tuple(_clauses(_parser.parse(pattern.pattern, pattern.flags)))


_MOST_CLAUSES = 3  # the most selective few (longest shortest word): more cost more to test than they save


def _clauses(items: object) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in items:  # type: ignore[attr-defined]
        if op is _C.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if op in (_C.AT, _C.ASSERT, _C.ASSERT_NOT):
            continue  # zero width: the letters on either side are still next to each other in a match
        if run:
            found.append((_lower("".join(run)),))
            run = []
        if op is _C.SUBPATTERN:
            found.extend(_clauses(av[-1]))  # type: ignore[index]
        elif op is _C.BRANCH:
            alts = [_best(_clauses(alt)) for alt in av[1]]  # type: ignore[index]
            if all(a is not None for a in alts):
                found.append(tuple(sorted({w for a in alts for w in a})))  # type: ignore[union-attr]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:  # type: ignore[index]
            found.extend(_clauses(av[2]))  # type: ignore[index]
        elif op is _C.ATOMIC_GROUP:
            found.extend(_clauses(av))
    if run:
        found.append((_lower("".join(run)),))
    found = [_plainest(c) for c in found if min(map(len, c)) >= 2]  # a space or a letter is in any sentence
    return sorted(found, key=lambda c: -min(len(w) for w in c))[:_MOST_CLAUSES]


def _plainest(clause: tuple[str, ...]) -> tuple[str, ...]:
    """The clause without the words that hold another of its words ("missions" when "mission" is there)."""
    return tuple(w for w in clause if not any(v != w and v in w for v in clause))


def _best(clauses: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    return clauses[0] if clauses else None


def _lower(word: str) -> str:
    """The word in lower case; "" (no requirement) when a letter's case does not map one to one."""
    return "" if not _LOWER_UNSAFE.isdisjoint(word) else word.lower()


def lowered(text: str) -> str | None:
    """`text` in lower case, letter by letter as the regex engine compares them ignoring case; None when a
    letter's case does not map one to one (then `may_match` cannot tell: search)."""
    if not text.isascii() and not _LOWER_UNSAFE.isdisjoint(text):
        return None
    return text.lower()


def may_match(clauses: _Clauses, low: str | None) -> bool:
    """Whether a text (`lowered`) holds a word of every clause: False means the pattern cannot match in it."""
    if low is None:
        return True
    for clause in clauses:  # loops, not all(any(...)): asked about a hundred times a sentence
        for word in clause:
            if word in low:
                break
        else:
            return False
    return True


_LAST_LOWERED: list[tuple[str, str | None]] = [("", "")]  # the text lowered last: most asks are about one sentence


def _lowered_once(text: str) -> str | None:
    last = _LAST_LOWERED[0]
    if last[0] is text:
        return last[1]
    low = lowered(text)
    _LAST_LOWERED[0] = (text, low)
    return low


class Spared:
    """A pattern that first looks for the words every match of it holds (`required`) in the text it is asked
    about, and searches only when they are there: the same answers as the pattern. Python's engine steps a
    pattern through every character of a sentence (tens of microseconds for most of our word lists); `in`
    finds that a sentence has no "whether", "unless" or "threaten" in well under one."""

    __slots__ = ("_last", "needs", "regex")

    def __init__(self, regex: re.Pattern[str], needs: _Clauses) -> None:
        self.regex = regex
        self.needs = needs
        self._last: tuple[str, bool] = ("", True)  # the text asked about last and the answer: each cue asks again

    def _absent(self, text: str) -> bool:
        last = self._last
        if last[0] is text:
            return last[1]
        absent = not may_match(self.needs, _lowered_once(text))
        self._last = (text, absent)
        return absent

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._absent(text) else self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._absent(text) else self.regex.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return None if self._absent(text) else self.regex.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return iter(()) if self._absent(text) else self.regex.finditer(text, pos, endpos)


def spared(pattern: re.Pattern[str]) -> re.Pattern[str] | Spared:
    """`pattern` behind a look for the words its matches hold (`Spared`), or itself when it requires none."""
    needs = required(pattern)
    return Spared(pattern, needs) if needs else pattern
