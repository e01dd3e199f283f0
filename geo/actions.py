"""Action cues (verbs and nouns that state a deployment, withdrawal, redeployment, strike or ended
cooperation) and the status that tense and modality give them, from `rules/<lang>/actions.json`.
"""

from __future__ import annotations

import bisect
import re
import re._parser as _parser
from collections.abc import Iterator
from dataclasses import dataclass, fields
from functools import cache, lru_cache
from types import SimpleNamespace

from . import rules
from .patterns import NEVER, longest_first
from .wordforms import conjugated_triggers, separable_triggers
from .wordstarts import HEAD, dispatch, fitting, gated, heads, lowered, may_match, required, spared, word_start_heads

__all__ = [
    "Trigger",
    "demand_before",
    "evacuates_civilians",
    "find_triggers",
    "has_military_context",
    "in_past_relative",
    "is_auxiliary",
    "is_generic",
    "is_negated",
    "is_report",
    "removes_no_troops",
    "report_spans",
    "status_cues",
]


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
    article_actor: bool = False  # "a forward base is maintained at Tessalit": no agent named, the article's actor
    home: bool = False  # "the army took control of the base": a takeover at home is an event too
    intransitive: bool = False  # "In Mali kämpfen 300 Söldner": counted troops right after it are its subject
    needs_force: bool = False  # "Takuba was dissolved": a force or mission, not troops, is what ends
    crossing: bool = False  # "crossed the border at Fotokol into Nigeria": the troops are where they go


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
    claim: re.Pattern[str]  # "reports that", "Berichte, wonach": what follows is a claim, maybe denied after the cue
    threat: re.Pattern[str]  # "threatened to", "drohte": what the sentence threatens is no happening
    irrealis: re.Pattern[str]  # "if", "such a", "incompatible with": no happening in the cue's clause
    conditional: re.Pattern[str]  # "would", "enverrait", "würde": a verb form that a condition may suspend
    condition_after: re.Pattern[str]  # "if", "si", "falls" after the cue: "would send troops if asked"
    head_after: re.Pattern[str]  # "(evacuation) flights": the noun an action noun qualifies, after it
    head_before: re.Pattern[str]  # "vols d'(évacuation)": the noun an action noun qualifies, before it
    reason: re.Pattern[str]  # "citing the presence of", "invoquant": a presence given as a reason, told elsewhere
    ending: re.Pattern[str]  # "the curtain on", "fin à", "Ende der": a presence named as it ends is no deployment
    no_troops: re.Pattern[str]  # "no soldiers", "aucun soldat", "keine Soldaten": the troops themselves negated
    generic: re.Pattern[str]  # "all foreign forces", "toute présence étrangère": troops of no nation named
    demand: re.Pattern[str]  # "called for", "a exigé", "fordert": someone demands the move, maybe a third party
    evacuation: re.Pattern[str]  # "evacuation", "évacuation", "Evakuierung"
    civilians: re.Pattern[str]  # "nationals", "ressortissants", "Staatsangehörige": whom an evacuation may carry
    predicate_negation: re.Pattern[str]  # "is not planned", "n'est pas prévu": said of an action noun before it
    political: re.Pattern[str]  # "President", "ambassador": whom a coup or an expulsion removes, no troops
    unasserted: re.Pattern[str]  # "is nothing new", "n'a pas pu être confirmée": the clause asserts no happening
    contrast: re.Pattern[str]  # "but", "mais", "doch": where what a sentence asserts may change
    question: re.Pattern[str]  # "whether", "la possibilité de", "ob": an option weighed, no happening
    continuation: re.Pattern[str]  # "remain", "rester", "weiter": a question whether troops there go on
    captives: re.Pattern[str]  # "captured", "prisonniers", "Geiseln": troops held by an enemy
    object_side: str  # where a verb's object stands: "after" it (en, fr) or "before" it (de)
    relative: re.Pattern[str]  # what opens a relative clause: "who", "où", ", die"
    past: re.Pattern[str]  # past auxiliaries: "had been", "étaient", "waren"
    since: re.Pattern[str]  # "since", "depuis", "seit": a presence dated from its start is told for itself
    participle: re.Pattern[str] | None  # a past participle that closes a clause: "hatte ... abgezogen"
    military: re.Pattern[str]
    report: re.Pattern[str]
    starts: re.Pattern[str] | None  # where a cue may start, when every cue starts with a known character
    heads: tuple[frozenset[tuple[str, bool]], ...]  # per cue: how it may begin (see heads)
    by_head: dict[str, tuple[int, ...]]  # a word's first letters -> the cues that may start there (filled as met)
    status_heads: tuple[tuple[frozenset[tuple[str, bool]], ...], re.Pattern[str]] | None  # see word_start_heads
    status_by_head: dict[str, tuple[int, ...]]
    specs: tuple[tuple, ...]  # per cue: what its Trigger says after the span and the words (see _spec)
    # the cues tried at every word start (a compound's free start, "\w*(?:einsatz|mission)... beend\w*"), each
    # with the words every match of it holds (wordstarts.required): a sentence without them is spared the cue
    everywhere: tuple[tuple[int, tuple[tuple[str, ...], ...]], ...]


@cache
def _cues(language: str) -> _Cues:
    data = rules.load("actions", language) or rules.load("actions", "en")
    syntax = rules.load("syntax", language) or {}
    end = r"(?:(?<=['’])|(?![\w]))"  # a cue may end on an apostrophe: "dispose d'"
    rows = data["triggers"] + separable_triggers(data) + conjugated_triggers(data)  # a tie keeps the fixed cue
    triggers = tuple((re.compile(rf"(?<![\w-])(?:{t['pattern']}){end}", re.IGNORECASE), t) for t in rows)
    status = {
        name: re.compile(rf"(?<![\w-])(?:{longest_first(words)})(?![\w])", re.IGNORECASE)
        for name, words in data["status_cues"].items()
    }
    negation = re.compile(rf"(?<![\w-])(?:{longest_first(data['negations'])})(?:(?<=['’])|(?![\w]))", re.IGNORECASE)
    # plural and inflected forms: "contingents", "militaires", "Soldaten"
    tail = r"\w*" if data.get("military_compounds") else r"\w{0,3}"  # "Militärberater", "Bundeswehrsoldaten"
    numbers = rules.load("numbers", language) or {}
    nouns = [re.escape(w) for w in numbers.get("troop_nouns", []) + numbers.get("asset_nouns", []) if len(w) > 4]
    edge = r"(?<![\w])" if data.get("military_compounds") else r"(?<![\w-])"  # "US-Soldaten", "Nato-Truppen"
    military = re.compile(rf"{edge}(?:{longest_first(data['military_context'] + nouns)}){tail}(?![\w])", re.IGNORECASE)
    denial = re.compile(rf"(?<![\w-])(?:{longest_first(data.get('denials', [])) or NEVER})(?![\w])", re.IGNORECASE)
    any_trigger = re.compile("|".join(f"(?:{p.pattern})" for p, _ in triggers), re.IGNORECASE)
    prefix = r"[\w-]*" if data.get("military_compounds") else ""  # "keine Bundeswehrsoldaten"
    troop_nouns = [re.escape(w) for w in numbers.get("troop_nouns", []) if len(w) > 3]
    no_troops = re.compile(
        rf"(?<![\w-])(?:{longest_first(data.get('negative_determiners', [])) or NEVER})(?:\s+|(?<=['’]))"
        rf"(?:[\w-]+\s+){{0,2}}?{prefix}(?:{longest_first(troop_nouns)}){tail}(?![\w])",
        re.IGNORECASE,
    )
    starts, _ = dispatch([p for p, _ in triggers])
    return _Cues(
        triggers=triggers,
        status=status,
        any_trigger=any_trigger,
        negation=negation,
        negation_window=int(data.get("negation_window", 3)),
        negation_after=int(data.get("negation_after_window", 0)),
        denial=denial,
        cancellation=re.compile(
            rf"(?<![\w-])(?:{longest_first(data.get('cancellations', [])) or NEVER})(?![\w])", re.IGNORECASE
        ),
        military=military,
        claim=_any_of(data.get("claims", [])),
        threat=_any_of(data.get("threats", [])),
        irrealis=_any_of(data.get("irrealis", [])),
        ending=_any_of(data.get("endings", [])),
        reason=_any_of(data.get("reasons", [])),
        head_after=re.compile(
            rf"\s+(?:{longest_first(data.get('noun_heads_after', [])) or NEVER})(?![\w])", re.IGNORECASE
        ),
        head_before=re.compile(
            rf"(?<![\w-])(?:{longest_first(data.get('noun_heads_before', [])) or NEVER})$", re.IGNORECASE
        ),
        conditional=_any_of(data.get("conditionals", [])),
        generic=_any_of(data.get("generic_troops", [])),
        demand=_any_of(data.get("demands", [])),
        predicate_negation=_any_of(data.get("predicate_negations", [])),
        evacuation=_any_of(data.get("evacuations", [])),
        civilians=_any_of(data.get("civilians", [])),
        condition_after=_any_of(data.get("conditions_after", [])),
        no_troops=no_troops,
        political=_any_of(data.get("political_objects", [])),
        unasserted=_any_of(data.get("unasserted", [])),
        contrast=_any_of(data.get("contrasts", [])),
        question=_any_of(data.get("questions", [])),
        continuation=_any_of(data.get("continuations", [])),
        captives=_any_of(data.get("captives", [])),
        object_side=str(data.get("object_side", "after")),
        relative=_any_of(syntax.get("relative_openers", [])),
        past=_any_of(syntax.get("past_markers", [])),
        since=_any_of(syntax.get("since_words", [])),
        participle=re.compile(data["clause_final_participle"]) if data.get("clause_final_participle") else None,
        report=re.compile(
            rf"(?<![\w-])(?:{longest_first(data.get('reporting_verbs', [])) or NEVER})(?![\w])", re.IGNORECASE
        ),
        starts=starts,
        heads=tuple(frozenset(heads(_parser.parse(p.pattern, p.flags), HEAD)) for p, _ in triggers),
        by_head={},
        status_heads=word_start_heads(list(status.values())),
        status_by_head={},
        specs=tuple(_spec(t) for _, t in triggers),
        everywhere=tuple(
            (k, needs)
            for k, (p, _) in enumerate(triggers)
            if (needs := required(p)) and any(not start for start, _ in heads(_parser.parse(p.pattern, p.flags), HEAD))
        ),
    )


def _spec(spec: dict[str, object]) -> tuple:
    """What a cue of the data file says, in the order of Trigger's fields after start, end and text."""
    return (
        str(spec["action"]),
        str(spec.get("kind", "verb")),
        spec.get("status"),
        bool(spec.get("needs_troops")),
        bool(spec.get("needs_destination")),
        bool(spec.get("host")),
        bool(spec.get("needs_count")),
        bool(spec.get("needs_place")),
        bool(spec.get("recipient_after")),
        bool(spec.get("article_actor")),
        bool(spec.get("home")),
        bool(spec.get("intransitive")),
        bool(spec.get("needs_force")),
        bool(spec.get("crossing")),
    )


_MOST_SENTENCES = ("military", "report")  # words most sentences hold ("troops", "said"): no look spares a search


@cache
def _gated_cues(language: str) -> SimpleNamespace:
    """Every pattern of the language's cues in its gated form (wordstarts.gated: the same matches), looked up
    once per language rather than at each search, and spared the search in a text that lacks the words every
    match holds (wordstarts.spared)."""
    cues = _cues(language)
    return SimpleNamespace(
        **{
            f.name: gated(v) if f.name in _MOST_SENTENCES else spared(gated(v))
            for f in fields(cues)
            if isinstance(v := getattr(cues, f.name), re.Pattern) and f.name not in ("starts", "any_trigger")
        }
    )


def _any_of(words: list[str]) -> re.Pattern[str]:
    """Any of the words, whole; a word may open with a mark (", die": a comma then the pronoun)."""
    alts = [w if not w[:1].isalnum() else rf"(?<![\w-]){w}" for w in sorted(words, key=len, reverse=True)]
    return re.compile(rf"(?:{'|'.join(alts) or NEVER})(?![\w])", re.IGNORECASE)


def _starts_of_cues(text: str, cues: _Cues) -> Iterator[tuple[int, tuple[int, ...] | range]]:
    """(position, the cues worth trying there) for every word start whose first letters fit some cue; every
    position the union of the cues matches at when their starts could not be read."""
    if cues.starts is None:
        pos, every = 0, range(len(cues.triggers))
        while (hit := cues.any_trigger.search(text, pos)) is not None:
            yield hit.start(), every
            pos = hit.start() + 1
        return
    memo, heads = cues.by_head, cues.heads
    for hit in cues.starts.finditer(text):
        at = hit.start()
        head = text[at : at + HEAD]
        tried = memo.get(head)
        if tried is None:
            tried = memo[head] = fitting(heads, head)
        if tried:
            yield at, tried


def find_triggers(text: str, language: str) -> list[Trigger]:
    """Action cues in `text`, longest first: a cue inside a longer one ("deployment" in "end of its
    deployment") gives way to it."""
    return list(_triggers(text, language))


@lru_cache(maxsize=8)  # asked for the sentence, then again by each leader that may announce its cues
def _triggers(text: str, language: str) -> tuple[Trigger, ...]:
    cues = _cues(language)
    kept: list[Trigger] = []
    pos = 0
    low = lowered(text) if cues.everywhere else None
    barred = {k for k, needs in cues.everywhere if not may_match(needs, low)}  # none of their words here
    for at, tried in _starts_of_cues(text, cues):
        if at < pos:
            continue  # inside the last cue found
        # the leftmost cue; of the cues that start there, the longest ("end of its deployment")
        best = None
        for k in tried:
            if barred and k in barred:
                continue
            m = cues.triggers[k][0].match(text, at)
            if m is not None and (best is None or m.end() > best[0].end()):
                best = (m, k)
        if best is None:
            continue
        m, k = best
        kept.append(Trigger(m.start(), m.end(), m.group(0), *cues.specs[k]))
        pos = max(m.end(), at + 1)
    return tuple(kept)


def report_spans(text: str, language: str) -> list[tuple[int, int]]:
    """Where the sentence says who reported it: "the ministry said", "a annoncé", "teilte ... mit"."""
    return list(_report_spans(text, language))


@lru_cache(maxsize=4)  # asked for the sentence, then again for each place of each of its cues
def _report_spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _gated_cues(language).report.finditer(text))


def is_report(text: str, language: str) -> bool:
    """Whether the sentence reports what another said ("Das teilte das Ministerium am Donnerstag mit")."""
    return _gated_cues(language).report.search(text) is not None


def has_military_context(text: str, language: str) -> bool:
    """Whether the sentence speaks of troops at all ("withdrawal from the Paris agreement" does not)."""
    return _gated_cues(language).military.search(text) is not None


_WORDS = re.compile(r"[\w'’]+")
_SENTENCE_END = re.compile(r"[.;:!?]")
_CLAUSE_END = re.compile(r"[,;:.!?()«»“”\"–—]")


def _clause_before(before: str) -> str:
    """The words of the cue's own clause before it (back to the last comma, colon or quote)."""
    cut = max(before.rfind(c) for c in ",;:()–—")
    return before[cut + 1 :]


_WORDS_AND_MARKS = re.compile(r"[\w'’]+|[,;:.–—()]")  # a dash or bracket sets off a clause too


@lru_cache(maxsize=4)
def _word_starts(sentence: str) -> list[int]:
    """Where the words of a sentence start, found once for all its cues."""
    return [m.start() for m in _WORDS.finditer(sentence)]


def is_negated(text: str, trigger: Trigger, language: str) -> bool:
    """A negation among the few words before the cue: "cannot deploy", "ne peut pas déployer"; the troops
    negated ("has no soldiers stationed"); a denied claim; a threat, condition or incompatibility."""
    cues = _cues(language)
    fast = _gated_cues(language)
    before = text[: trigger.start]
    starts = _word_starts(text)
    n = bisect.bisect_left(starts, trigger.start)  # the words before the cue start as in the whole sentence
    cut = starts[n - cues.negation_window] if n >= cues.negation_window else 0
    window = before[cut:].split(",")[-1]  # the negation must stand in the cue's own clause
    # the words before the cue are searched as the sentence up to it (the same matches as in `before`, which
    # the sentence's words, looked for once, spare most searches of)
    if fast.negation.search(window) is not None or fast.denial.search(text, 0, trigger.start) is not None:
        return True  # "cannot deploy", "do not expect any country to deploy"; "denied reports that ..."
    if fast.claim.search(text, 0, trigger.start) is not None and fast.denial.search(text, trigger.end) is not None:
        return True  # "Reports that Turkey would send advisers were denied", "Berichte, wonach ... wies ... zurück"
    if trigger.kind == "noun" and (
        fast.head_after.match(text, trigger.end) or fast.head_before.search(before[-30:].rstrip())
    ):
        return True  # "medical evacuation flights", "des vols d'évacuation": the action qualifies another noun
    if trigger.action == "deployment" and trigger.kind == "noun":
        near = _clause_before(before)[-60:]
        if fast.ending.search(near) is not None:
            return True  # "bringing down the curtain on operation Barkhane's presence": it ends, nothing is sent
        if fast.reason.search(near) is not None:
            return True  # "citing the presence of Russian mercenaries": the reason for another event
    end = m.start() if (m := _SENTENCE_END.search(text, trigger.end)) else len(text)  # past commas too: ", falls"
    if fast.condition_after.search(text, trigger.end, end) and (
        fast.conditional.search(_clause_before(before)) or fast.conditional.fullmatch(trigger.text.split()[0])
    ):
        return True  # "Spain would send 300 soldiers if Mali asked", "enverrait des troupes si", "würde ... falls"
    if fast.threat.search(text, 0, trigger.start) is not None or fast.irrealis.search(_clause_before(before)):
        return True  # "threatened to pull out", "if France deployed", "incompatible with the presence of"
    # "has no soldiers stationed in", "habe keine Soldaten ... stationiert"
    for m in fast.no_troops.finditer(text):
        if m.start() < trigger.end and trigger.start < m.end():
            return True  # "aucun soldat déployé" read as one cue
        lo, hi, most = (m.end(), trigger.start, 40) if m.end() <= trigger.start else (trigger.end, m.start(), 12)
        if hi - lo <= most and not _CLAUSE_END.search(text, lo, hi):
            return True  # the troops negated in the cue's own clause, right before it or right after ("sent no troops")
    if trigger.kind == "noun":  # "a deployment of soldiers to Niger is not planned", "n'est pas prévu"
        close = _CLAUSE_END_NOT_NUMBER.search(text, trigger.end)
        if fast.predicate_negation.search(text, trigger.end, close.start() if close else len(text)) is not None:
            return True
    if fast.cancellation.search(text, trigger.end) is not None:
        return True  # "had planned to send a contingent but dropped the idea"
    if cues.negation_after:  # German puts "nicht" after the verb: "beteiligt sich ... nicht mehr"
        after = _WORDS_AND_MARKS.findall(text, trigger.end)
        clause = []
        for word in after:
            if word in ",;:.–—()":
                break
            clause.append(word)
        if any(fast.negation.fullmatch(w) for w in clause[: cues.negation_after + 2]):
            return True
        cut = next((i for i, w in enumerate(clause) if _COORDINATOR.fullmatch(w)), len(clause))
        clause = clause[:cut]
        # a noun cue as subject, its predicate closing the clause: "eine Entsendung ist ... nicht geplant"
        return trigger.kind == "noun" and any(fast.negation.fullmatch(w) for w in clause[-3:-1])
    return False


_COORDINATOR = re.compile(r"und|oder|aber|sondern|doch", re.IGNORECASE)  # a new clause after a German cue


def is_generic(text: str, trigger: Trigger, language: str) -> bool:
    """ "gave all foreign forces three months to leave", "la présence de toutes les forces étrangères", "den Abzug
    aller ausländischen Kämpfer": troops that no nation owns, in the cue's clause; a call, a deadline or a
    goal about them says nothing of a country's troops."""
    fast = _gated_cues(language)
    for m in fast.generic.finditer(text, max(0, trigger.start - 80), min(len(text), trigger.end + 80)):
        lo, hi = (m.end(), trigger.start) if m.end() <= trigger.start else (trigger.end, m.start())
        if hi <= lo or not _CLAUSE_END_NOT_NUMBER.search(text, lo, hi):
            return True
    return False


_CLAUSE_END_NOT_NUMBER = re.compile(r"(?<!\d)[,.](?!\d)|[;:!?()«»“”\"–—]")  # not the comma of "20,000"


def demand_before(text: str, trigger: Trigger, language: str) -> int | None:
    """Where a demand that the cue's move be made starts ("Turkey demands that Haftar's troops leave Sirte",
    "a exigé la fermeture", "fordert den Abzug"), in the cue's sentence before it; None when there is none."""
    fast = _gated_cues(language)
    found = [m for m in fast.demand.finditer(text, max(0, trigger.start - 120), trigger.start)]
    if not found or _SENTENCE_END.search(text, found[-1].end(), trigger.start):
        return None
    return found[-1].start()


_CLAUSE_MARK = re.compile(r"[,;:()–—]")  # where a clause that went on after a relative one stops


def is_auxiliary(text: str, trigger: Trigger, language: str) -> bool:
    """ "Paris hatte seine rund 1500 Soldaten ... in Niamey gehalten", "Frankreich hatte seine 1500 Soldaten
    bis Ende 2023 abgezogen": a verb such as "have" whose clause closes on a past participle is its
    auxiliary, no presence of its own (the participle says what happened)."""
    cues = _cues(language)
    if not trigger.needs_count or cues.participle is None:
        return False
    end = m.start() if (m := _SENTENCE_END.search(text, trigger.end)) else len(text)
    comma = text.find(",", trigger.end, end)
    words = _WORDS.findall(text, trigger.end, comma if comma >= 0 else end)
    if comma >= 0 and (rel := cues.relative.match(text, comma)) is not None:
        # a relative clause inside the verb's own ("haben die 350 Soldaten, die zuletzt noch im Land waren, den
        # Senegal verlassen"): the verb's clause goes on after it
        shut = text.find(",", rel.end(), end)
        if shut >= 0:
            more = _CLAUSE_MARK.search(text, shut + 1, end)
            words = _WORDS.findall(text, shut + 1, more.start() if more else end) or words
    return bool(words) and cues.participle.fullmatch(words[-1]) is not None


def removes_no_troops(text: str, trigger: Trigger, language: str) -> bool:
    """A withdrawal cue whose object is a person or a government: "ousted President Bazoum", "a expulsé
    l'ambassadeur", "den Botschafter ausgewiesen" tell of a coup or a diplomatic row, not of troops; so does
    a departure noun of such a person ("le départ de l'ex-président", "the departure of President X")."""
    if trigger.action != "withdrawal":
        return False
    cues = _cues(language)
    fast = _gated_cues(language)
    if trigger.kind == "noun":  # its owner follows it in every language: "departure of", "départ de", "Abgang des"
        words = _WORDS.findall(text, trigger.end, min(len(text), trigger.end + 40))[:3]
        span = text[trigger.end : text.find(words[-1], trigger.end) + len(words[-1])] if words else ""
        return fast.political.search(span) is not None and not _CLAUSE_END.search(span)
    if trigger.kind != "verb":
        return False
    if fast.political.search(trigger.text) and not fast.military.search(trigger.text):
        return True  # "wies den Botschafter aus"; not "ziehen ihre 1000 Soldaten auf Verlangen der Junta ab"
    if cues.object_side == "before":
        words = _WORDS.findall(text, max(0, trigger.start - 60), trigger.start)[-3:]
        span = text[text.rfind(words[0], 0, trigger.start) : trigger.start] if words else ""
    else:
        words = _WORDS.findall(text, trigger.end)[:3]
        span = text[trigger.end : text.find(words[-1], trigger.end) + len(words[-1])] if words else ""
    return fast.political.search(span) is not None and not _CLAUSE_END.search(span)


def evacuates_civilians(text: str, trigger: Trigger, language: str) -> bool:
    """ "the evacuation operation, which brought 538 people out of Khartoum", "évacué 300 ressortissants": the
    troops carry civilians (or their wounded) out; they do not leave themselves. The cue may hold an auxiliary:
    "ont évacué"."""
    fast = _gated_cues(language)
    if trigger.action != "withdrawal" or fast.evacuation.search(trigger.text) is None:
        return False
    end = m.start() if (m := _SENTENCE_END.search(text, trigger.end)) else len(text)
    if fast.civilians.search(text, trigger.end, end) is not None:
        return True
    if _cues(language).object_side != "before":
        return False
    # German puts the object before a closing participle: "haben 300 Zivilisten aus Khartum evakuiert"
    start = trigger.start - len(_clause_before(text[: trigger.start]))
    return fast.civilians.search(text, start, trigger.start) is not None


def _segment(text: str, at: int, end: int, contrast: re.Pattern[str]) -> tuple[int, int]:
    """The part of the sentence around a cue between the contrasts ("but", "mais", "doch") before and after it."""
    lo = max((m.end() for m in contrast.finditer(text, 0, at)), default=0)
    hi = next((m.start() for m in contrast.finditer(text, end)), len(text))
    return lo, hi


def is_unasserted(text: str, trigger: Trigger, language: str) -> bool:
    """A cue in a part of its sentence that asserts no happening: a generality ("That ECOWAS sends troops is
    nothing new", "n'est pas nouveau", "ist nicht neu"), a report left unconfirmed ("the presence of
    mercenaries, reported by herders, could not be confirmed", "ce que l'armée n'a ni confirmé ni démenti"),
    an option weighed ("is reviewing whether to", "étudie la possibilité de", "prüft, ob")."""
    fast = _gated_cues(language)
    lo, hi = _segment(text, trigger.start, trigger.end, fast.contrast)
    if fast.unasserted.search(text, lo, hi) is not None:
        return True
    # "is reviewing whether to pull its troops out", "prüft, ob Truppen abgezogen werden": an option weighed;
    # not "prüft, ob die 1300 Soldaten weiter teilnehmen sollen", which says that they are there
    clause = max(0, max(text.rfind(c, 0, trigger.start) for c in ";:()–—"))
    asked = [m for m in fast.question.finditer(text, clause, trigger.start)]
    if not asked or _CLAUSE_END_NOT_NUMBER.search(text, asked[-1].end(), trigger.start):
        return False  # the question's own clause only
    close = _CLAUSE_END_NOT_NUMBER.search(text, trigger.end)
    return fast.continuation.search(text, asked[-1].end(), close.start() if close else len(text)) is None


def moves_no_troops(text: str, trigger: Trigger, language: str) -> bool:
    """Captives rather than troops: the return of soldiers held by an enemy ("the repatriation of 40 soldiers
    captured by the rebels", "le rapatriement de soldats faits prisonniers") is no withdrawal."""
    if trigger.action != "withdrawal":
        return False
    fast = _gated_cues(language)
    lo = max(0, max(text.rfind(c, 0, trigger.start) for c in ",;:()–—") + 1)
    close = _CLAUSE_END_NOT_NUMBER.search(text, trigger.end)
    hi = min(close.start() if close else len(text), trigger.end + 60)
    return fast.captives.search(text, lo, hi) is not None


def in_past_relative(text: str, trigger: Trigger, language: str) -> bool:
    """A presence told in a relative clause in the past: "the peacekeepers who were stationed there (left)",
    "le camp, où était déployé le contingent", "die Soldaten, die dort stationiert waren": the background
    of what the sentence says, not a deployment of its own. An arrival is an event even there ("the elite
    soldiers, who had arrived in Ménaka only days before, were ordered out")."""
    if trigger.action != "deployment" or trigger.status == "completed":
        return False
    fast = _gated_cues(language)
    openers = [m for m in fast.relative.finditer(text, max(0, trigger.start - 80), trigger.start)]
    if not openers:
        return False
    lo = openers[-1].end()
    if _CLAUSE_END.search(text, lo, trigger.start) or len(_WORDS.findall(text, lo, trigger.start)) > 6:
        return False
    end = m.start() if (m := _CLAUSE_END.search(text, trigger.end)) else len(text)
    if fast.since.search(text, lo, end):
        return False  # "who had been based in Kamboinsin since 2009": a presence dated for itself
    after = _WORDS_AND_MARKS.findall(text, trigger.end)[:2]
    past = fast.past
    return past.search(text, lo, trigger.start) is not None or any(past.fullmatch(w) for w in after)


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
    kind_heads, starts = cues.status_heads
    for hit in starts.finditer(text):
        at = hit.start()
        head = text[at : at + HEAD]
        tried = memo.get(head)
        if tried is None:
            tried = memo[head] = fitting(kind_heads, head)
        for k in tried:
            if at >= free[k] and (m := kinds[k][1].match(text, at)) is not None:
                out[kinds[k][0]].append(m.span())
                free[k] = m.end()
    return out
