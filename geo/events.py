"""Articles to events: sentences, cues and mentions to deployments, withdrawals, redeployments,
strikes and ended cooperation, each traced to the sentence that states it.

For every action cue of a sentence the nearest words of the same clause fill the event: the troops
(a number beside a troop noun), whose troops they are (a nationality, an army, a force, or the
sentence's subject for "its soldiers"), where (the most specific place a preposition ties to the
troops; "there" and "the country" point back), and when (a date phrase resolved against the
publication date). Nearness is a cost in words, with commas and clause breaks costing more, so a
word of another clause loses to a word of the same one. What the data files say per language is in
`rules/<lang>/`; this module holds no word of any language.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from itertools import accumulate, pairwise

from . import dropped, rules
from .actions import (
    Trigger,
    demand_before,
    evacuates_civilians,
    find_triggers,
    has_military_context,
    in_past_relative,
    is_auxiliary,
    is_generic,
    is_negated,
    is_report,
    is_unasserted,
    moves_no_troops,
    removes_no_troops,
    report_spans,
    status_cues,
)
from .actors import GOVERNMENT as _GOVERNMENT
from .actors import NATION_KINDS as _NATION_KINDS
from .actors import ActorMention, find_actors, read_sentences
from .clauses import BREAK_NOT_ORDINAL as _BREAK_NOT_ORDINAL
from .clauses import CLAUSE_END as _CLAUSE_END
from .clauses import adjacent as _adjacent
from .clauses import clause_start, in_span, subject_may_follow
from .clauses import units as clause_units
from .dates import (
    DateMention,
    coordinator,
    date_clause,
    find_dates_both_ways,
    in_future_tense,
    last_date,
    names_year,
    starts_happening,
)
from .event_filter import screen
from .follow_on import opens_on_troop_pronoun
from .forces import Force, ForceMention, find_forces, force_by_name
from .home import bare_armies, civilian_modifier, generic_army, home_country
from .merge import Draft, drafts_to_events, merge_in_article
from .models import Article, Event, Place, PlaceMention
from .numbers import TroopCount, find_troop_counts

# the owner rules (and `_anaphor_force`, `_announces`) live in owners.py, `_CLAUSE_END`, `_adjacent`, `_GOVERNMENT`
# in the modules below it: imported by the names this code reads
from .owners import OwnerReading, Who, foreign_partner, possessive_owner
from .owners import after_date as owners_after_date
from .owners import after_place as owners_after_place
from .owners import anaphor_force as _anaphor_force
from .owners import announces as _announces
from .owners import before_place as owners_before_place
from .patterns import NEVER, alternation, sentence_matches, spellings
from .placing import (
    base_after,
    border_phrases,
    genitive_owner_start,
    in_attribution,
    is_border_phrase,
    postposition_end,
    side_mention,
)
from .presence import partner_antecedent
from .qualifiers import compound_place, qualifies_town
from .scope import kept_presences, states_no_movement
from .sentences import Sentence, split_sentences
from .slots import fronted_date, nearest_first, year_inside_cue
from .stance import (
    armed_groups,
    expels_armed_group,
    hosts_no_troops,
    in_proper_name,
    threatened_after,
)
from .targets import strike_target
from .troop_object import placed_troop_object
from .wordstarts import gated

__all__ = ["article_language", "extract_article", "extract_corpus", "find_drafts"]

_REPORT_WORDS = 14
_MAX_PLACE_COST = 13.0
_MAX_DEST_COST = 22.0
_MAX_NOUN_PLACE_COST = 12.0  # a noun's place stands in its own phrase: "the withdrawal of French troops from Mali"
_MAX_DATE_COST = 14.0
_NEVER = NEVER  # what an empty word list of the rules stands as: `_alt([_NEVER])` never matches
_WORD = re.compile(r"\w+")
_LAST_TWO_WORDS = re.compile(r"([\w-]+)\s+([\w'’]+)\s*$")
_NAMED_AFTER = re.compile(r"\s+[A-ZÀ-ÖØ-Þ]\w")  # a name right after a noun: "die Region Savanes"
_SPECIFIC = ("city", "village", "admin", "other")
# named once: mypyc cannot compile a starred tuple after `in`
_SPECIFIC_OR_REGION = (*_SPECIFIC, "region")
# a cue that states no happening of its own
_NO_EVENT = (
    is_negated,
    in_past_relative,
    removes_no_troops,
    is_auxiliary,
    is_generic,
    evacuates_civilians,
    is_unasserted,
    moves_no_troops,
    states_no_movement,
    in_proper_name,
    expels_armed_group,
    hosts_no_troops,
    threatened_after,
)
_BROAD = ("region", "continent", "water")
_TOWNS = ("city", "village")
_HOME_PLACE_COST = 10.0  # how far from its cue the place of an army's move at home may stand
_TITLE_WEIGHT = 1.0  # a country or town in the headline: what the article is about
_LEAD_WEIGHT = 2.0  # the places of the first sentence count twice


def extract_corpus(articles: list[Article]) -> list[Event]:
    """Events of every article, merged across articles and languages that report the same happening."""
    drafts: list[Draft] = []
    for article in articles:
        drafts.extend(find_drafts(article))
    return drafts_to_events(drafts, across_articles=True)


def extract_article(article: Article) -> list[Event]:
    """Events of one article (the dashboard's preview of an article before it is added)."""
    return drafts_to_events(find_drafts(article), across_articles=False)


# --------------------------------------------------------------------------- per language data


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per language, a cache key
class _Syntax:
    language: str  # whose rules these are (en when a language has none): for the rules of other modules
    place_in: re.Pattern[str]
    place_from: re.Pattern[str]
    place_to: re.Pattern[str]
    place_veto: re.Pattern[str]
    filler: str
    there: re.Pattern[str]
    country: re.Pattern[str]
    breaks: re.Pattern[str]
    comma_weight: float
    break_weight: float
    possessive: re.Pattern[str]
    not_actor_after: re.Pattern[str]
    troop_noun: re.Pattern[str]
    troops_only: re.Pattern[str]  # "troops", "Soldaten", not "the regional force", "die G5-Truppe": `_own_troops_leave`
    list_join: re.Pattern[str]
    list_gap: re.Pattern[str]
    marks: re.Pattern[str]
    genitive: re.Pattern[str]
    adjuncts_follow_verb: bool
    led_after: re.Pattern[str]  # "the Spain-led mission", "der von Spanien geführten Mission": a leader, no place
    frame_without_comma: bool  # verb-second: "Im Tschad war der Abzug ...", the frame followed by the verb
    troop_window: float
    right_penalty: float
    subject_country: re.Pattern[str]
    genitive_of: re.Pattern[str]
    status_window: float
    count_after_verb: float
    relative: re.Pattern[str]
    casualties: re.Pattern[str]
    from_after: re.Pattern[str]
    from_finite: re.Pattern[str]  # "räumte die malische Armee Kidal": a leaving verb before its subject and object
    in_finite: re.Pattern[str]  # "eroberte die Armee Kidal": a verb of taking before its subject and object
    in_after: re.Pattern[str]  # "hat Kidal im November zurückerobert": the participle after its object
    list_from_after: re.Pattern[str]
    force_anaphor: re.Pattern[str]
    force_aside: re.Pattern[str]  # "outre", "besides", "neben": a force in the fronted adjunct is not the actor's
    force_predecessor: re.Pattern[str]  # "qui a succédé au", "the successor of": the force named is a predecessor
    troops_from: re.Pattern[str]
    partitive: re.Pattern[str]
    seat_before: re.Pattern[str]
    leader_victim_before: re.Pattern[str]  # "deposed President Bazoum", "le coup d'État contre Bazoum": no actor
    force_left: re.Pattern[str]  # "le Mali s'en est retiré", "Niger left it": leaving the joint force named before
    leader_verb: re.Pattern[str]  # "Macron decided", "Déby avait ordonné": a leader who decides, as well as reports
    leader_victim_after: re.Pattern[str]  # "Bazoum, der im Juli gestürzt wurde", "Bazoum was deposed"
    speaker_before: re.Pattern[str]  # "an analyst in Abidjan": where someone speaks, no place of troops
    seat_after: re.Pattern[str]
    stance: re.Pattern[str]
    origin_after: re.Pattern[str]
    origin_before: re.Pattern[str]
    scenery_after: re.Pattern[str]
    installation: re.Pattern[str]
    scenery_before: re.Pattern[str]
    town_before: re.Pattern[str]
    coordinator: re.Pattern[str]
    participation: re.Pattern[str]
    additive: re.Pattern[str]
    pronoun: re.Pattern[str]
    origin: re.Pattern[str]
    mandate: re.Pattern[str]
    place_relative: re.Pattern[str]
    force_relative: re.Pattern[str]
    final_participle: re.Pattern[str]
    framework: re.Pattern[str]
    victim_before: re.Pattern[str]
    victim_after: re.Pattern[str]
    determiner_gap: re.Pattern[str]  # nothing but a determiner: "le ", "the "
    followers: re.Pattern[str]  # "followed in December by", "suivi en décembre par": the same action, other actors
    anaphor_kinds: tuple[tuple[str, frozenset[str]], ...]  # a word of "the mission" -> the kinds of force it names
    own_border: re.Pattern[str]  # "to the border with": ends the text before the neighbour's name
    own_border_head: re.Pattern[str]  # the same words opening a mention: "border with Sudan"
    own_area: re.Pattern[str]  # "its northern border", "sa frontière nord": a part of the possessor's own country
    insurgent: re.Pattern[str]  # "jihadists", "Boko Haram", "Rebellen": armed groups that are no state's troops
    passive: re.Pattern[str]  # "were", "été", "wurden": a passive clause, whose subject is no agent


def _alt(words: Sequence[str]) -> str:
    if _NEVER in words:
        return NEVER
    return alternation([f for w in words for f in spellings(w, free_first=False)])


def _tail(words: Sequence[str], filler: str) -> re.Pattern[str]:
    """Matches at the end of the text before a place when one of `words` ties it to that place."""
    return re.compile(rf"(?<![\w])(?:{_alt(words)})\s*(?:(?:{filler})\s*)*$", re.IGNORECASE)


def _breaks(s: dict) -> str:
    """The words that open a new clause, but not after a comparative: "mehr als 1300 Kilometer" compares."""
    unless = "".join(rf"(?<!\b{re.escape(w)})" for w in s.get("comparatives", []))
    return unless + "(?:" + "|".join(re.escape(b) for b in s["clause_breaks"]) + ")"


def _border_phrases(s: dict, base: Sequence[str] | None = None) -> list[str]:
    """ "frontière avec" with the border's side after its noun ("frontière orientale avec") or glued before
    it ("Ostgrenze zu"): the same border of the actor's own country, on one side."""
    base = s.get("own_border", []) if base is None else base
    phrases = list(base)
    sides = s.get("own_border_sides", {})
    for phrase in base:
        noun, _, rest = phrase.partition(" ")
        if rest:
            phrases += [f"{noun} {side} {rest}" for side in sides.get("after", [])]
            phrases += [f"{side}{noun.lower()} {rest}" for side in sides.get("glued", [])]
    return phrases


def _supported(language: str | None) -> str:
    """The language if the rules have it, else "en" (the rules fall back to English)."""
    return language if language in rules.LANGUAGES else "en"


@cache
def _syntax(language: str) -> _Syntax:
    supported = _supported(language)
    s = rules.load("syntax", language) or rules.load("syntax", "en")
    a = rules.load("actors", language) or rules.load("actors", "en")
    n = rules.load("numbers", language) or rules.load("numbers", "en")
    adjectives = [k for k, v in a.get("adjectives", {}).items() if v]
    suffix = a.get("adjective_suffix", "")
    # words between a preposition and its place: "the town of", "la ville nigériane de", "die malische Stadt"
    filler = (
        rf"(?:{_alt(s['place_filler'])})(?![\w])|[\w’'-]+ly(?![\w])"
        rf"|(?i:{alternation([f for w in adjectives for f in spellings(w)])}){suffix}"
        r"(?![\w])"
    )
    nouns = [w for w in n["troop_nouns"] + n.get("asset_nouns", []) if len(w) > 4]
    compound = r"[\w-]*" if s.get("compound_nouns", False) else ""
    return _Syntax(
        language=supported,
        place_in=_tail(s["place_in"], filler),
        place_from=_tail(s["place_from"], filler),
        place_to=_tail(s["place_to"], filler),
        # "an der Ostgrenze zu Mali": a border phrase that keeps its neighbour from being the place, on any side
        place_veto=_tail(
            _border_phrases(s, [w for w in s.get("place_not_after", []) if w in s.get("own_border", [])])
            + s.get("place_not_after", [])
            or [_NEVER],
            filler,
        ),
        own_border=_tail(_border_phrases(s) or [_NEVER], filler),
        own_border_head=re.compile(rf"(?:{_alt(_border_phrases(s) or [_NEVER])})(?![\w])", re.IGNORECASE),
        own_area=re.compile(
            rf"(?<![\w])(?:{_alt(a['possessives'])})\s+(?:[\w'’-]+\s+){{0,2}}?"
            rf"(?:{_alt(s.get('own_area', []) or [_NEVER])})"
            rf"(?:\s+(?:{_alt(s.get('own_border_sides', {}).get('after', []) or [_NEVER])}))?(?![\w])",
            re.IGNORECASE,
        ),
        filler=filler,
        there=re.compile(rf"(?<![\w])(?:{_alt(s['anaphora_there'])})(?![\w])", re.IGNORECASE),
        country=re.compile(rf"(?<![\w])(?:{_alt(s['anaphora_country'])})(?![\w])", re.IGNORECASE),
        breaks=re.compile(_breaks(s)),
        comma_weight=float(s.get("comma_weight", 4)),
        break_weight=float(s.get("break_weight", 12)),
        possessive=re.compile(rf"(?<![\w])(?:{_alt(a['possessives'])})(?![\w])", re.IGNORECASE),
        not_actor_after=_tail(a["not_actor_after"], filler),
        troop_noun=re.compile(rf"(?<![\w-]){compound}(?:{_alt(nouns)})(?![\w])", re.IGNORECASE),
        troops_only=_troops_only(n, compound),
        list_join=re.compile(
            rf"\s*(?:,|(?<![\w])(?:{_alt([j for j in s['list_joiners'] if j != ','])})(?![\w]))\s*"
            rf"(?:(?:{_alt(s['determiners'])})(?![\w]))?\s*",
            re.IGNORECASE,
        ),
        marks=_marks(s["clause_breaks"], s.get("comparatives", [])),
        list_gap=re.compile(
            rf"\s*,?\s*(?:(?:{_alt([j for j in s['list_joiners'] if j != ','])})\s+)?"
            rf"(?:(?:{_alt(s['place_in'])})\s+)?(?:(?:{_alt(s['determiners'])})\s+)?",
            re.IGNORECASE,
        ),
        genitive=re.compile(a.get("genitive_after", "(?!x)x")),
        adjuncts_follow_verb=bool(s.get("adjuncts_follow_verb", True)),
        frame_without_comma=bool(s.get("frame_without_comma", False)),
        led_after=re.compile(rf"\s*(?:{_alt(s.get('led_after', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        troop_window=float(s.get("troop_window", 9)),
        right_penalty=float(s.get("right_of_verb_penalty", 3)),
        status_window=float(s.get("status_window", 6)),
        count_after_verb=float(s.get("count_after_verb", 2)),
        casualties=re.compile(rf"(?<![\w])(?:{_alt(n.get('casualty_words', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        relative=re.compile(rf"\s*,\s*(?:{_alt(s.get('relative_pronouns', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        from_after=re.compile(
            rf"(?:\s+[\w.]+){{0,3}}?\s+(?:{_alt(s.get('place_from_after', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        from_finite=re.compile(
            rf"(?<![\w])(?:{_alt(s.get('place_from_finite', []) or [_NEVER])})\s[^,;:.!?()«»„“”\"–—]*$", re.IGNORECASE
        ),
        in_finite=re.compile(
            rf"(?<![\w])(?:{_alt(s.get('place_in_finite', []) or [_NEVER])})\s[^,;:.!?()«»„“”\"–—]*$", re.IGNORECASE
        ),
        in_after=re.compile(
            rf"(?:\s+[\w.]+){{0,3}}?\s+(?:{_alt(s.get('place_in_after', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        list_from_after=re.compile(  # "Mali, Burkina Faso und Niger auf Druck der dortigen Regierungen verlassen"
            rf"(?:\s+[\w.]+){{0,6}}?\s+(?:{_alt(s.get('place_from_after', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        genitive_of=re.compile(_alt(s.get("genitive_prepositions", []) or [_NEVER]), re.IGNORECASE),
        force_aside=re.compile(
            rf"(?<![\w])(?:{_alt(s.get('force_aside_before', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        force_predecessor=re.compile(
            rf"(?<![\w])(?:{_alt(s.get('force_predecessor_before', []) or [_NEVER])})(?![\w])[^,;:.]{{0,20}}$",
            re.IGNORECASE,
        ),
        force_anaphor=re.compile(
            rf"(?<![\w])(?:{_alt(s.get('anaphora_force', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        partitive=re.compile(rf"(?<![\w])(?:{_alt(s.get('partitives', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        place_relative=re.compile(
            rf"(?:\s+[\w’'-]+){{0,2}}?\s*,\s*(?:{_alt(s.get('place_relatives', []) or [_NEVER])})(?![\w])",
            re.IGNORECASE,
        ),
        force_relative=re.compile(  # ", an der", ", à laquelle", ", in which": a clause about what stands before
            rf"\s*,\s*(?:[\w’'-]+\s+){{0,2}}?"
            rf"(?:{_alt((s.get('relative_pronouns', []) + s.get('oblique_relatives', [])) or [_NEVER])})(?![\w])",
            re.IGNORECASE,
        ),
        victim_before=re.compile(  # "were detained on arrival", "arrêtés à leur arrivée": the cue is an adjunct
            rf"(?<![\w])(?:{_alt(s.get('victim_verbs', []) or [_NEVER])})\s+(?:[\w'’-]+\s+){{0,2}}$", re.IGNORECASE
        ),
        victim_after=re.compile(  # "die bei ihrer Ankunft festgenommen wurden"
            rf"(?:\s+[\w'’-]+){{0,6}}?\s+(?:{_alt(s.get('victim_verbs', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        determiner_gap=re.compile(rf"\s*(?:(?:{_alt(s['determiners'])})(?![\w]))?\s*", re.IGNORECASE),
        followers=re.compile(  # the phrase's last word may come after a few words: "suivi en décembre 2023 par"
            "|".join(
                rf"(?<![\w]){re.escape(f.rsplit(' ', 1)[0])}(?:\s+[\w'’.-]+){{0,4}}?\s+{re.escape(f.rsplit(' ', 1)[1])}"
                rf"(?![\w])\s*"
                if " " in f
                else rf"(?<![\w]){re.escape(f)}(?![\w])\s*"
                for f in s.get("followers", [])
            )
            or _NEVER,
            re.IGNORECASE,
        ),
        framework=re.compile(  # "as part of MINUSMA", "dans le cadre de Barkhane", "im Rahmen der Minusma"
            rf"(?<![\w])(?:{_alt(s.get('framework_before', []) or [_NEVER])})\s+(?:[\w'’-]+\s+){{0,5}}(?:\w+['’])?$",
            re.IGNORECASE,
        ),
        final_participle=re.compile(  # case-sensitive: a participle is lower-case, a noun ('Grenzgebieten') is not
            rf"(?<![\w-])(?=[^\W\d_A-ZÄÖÜ])(?:{s.get('clause_final_participle') or _NEVER})\s*"
            rf"(?:[,;:.!?]|$|(?:{_alt(s.get('clause_coordinators', []) or [_NEVER])})\s)"
        ),
        participation=re.compile(rf"(?:{_alt(s.get('participation_nouns', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        additive=re.compile(
            rf"(?<![\w])(?:{_alt(s.get('additive_particles', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        pronoun=re.compile(rf"(?<![\w])(?:{_alt(s.get('subject_pronouns', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        origin=re.compile(rf"(?<![\w])(?:{_alt(s.get('origin_prepositions', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        mandate=re.compile(rf"(?<![\w])(?:{_alt(s.get('mandate_nouns', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        coordinator=re.compile(
            rf"(?<![\w])(?:{_alt(s.get('clause_coordinators', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        troops_from=_troops_from(s, compound, nouns),
        subject_country=re.compile(
            rf"(?<![\w])(?:{_alt(s.get('anaphora_subject_country', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        seat_before=re.compile(rf"(?<![\w])(?:{_alt(a.get('seat_before', []) or [_NEVER])})\s*$", re.IGNORECASE),
        leader_victim_before=re.compile(
            rf"(?<![\w])(?:{_alt(a.get('leader_victim_before', []) or [_NEVER])})(?![\w])[^,;:.]*$", re.IGNORECASE
        ),
        force_left=re.compile(
            rf"(?<![\w])(?:{_alt(s.get('force_pronoun_left', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        leader_verb=re.compile(rf"(?<![\w])(?:{_alt(a.get('leader_verbs', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        leader_victim_after=re.compile(
            rf"^[^,;:.]*?(?<![\w])(?:{_alt(a.get('leader_victim_after', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        speaker_before=re.compile(rf"(?<![\w])(?:{_alt(a.get('speaker_before', []) or [_NEVER])})\s*$", re.IGNORECASE),
        origin_after=re.compile(rf"(?:{'|'.join(re.escape(w) for w in a.get('origin_after', [])) or _NEVER})(?![\w])"),
        origin_before=re.compile(rf"(?<![\w])(?:{_alt(a.get('origin_before', []) or [_NEVER])})\s*$", re.IGNORECASE),
        scenery_after=re.compile(
            rf"\s+(?:{_alt(a.get('scenery_after', []) or [_NEVER])}){compound}(?![\w])", re.IGNORECASE
        ),
        installation=re.compile(
            rf"(?:{_alt(a.get('generic_services', []) or [_NEVER])})[ns]?-?\w*"
            rf"(?:{_alt(a.get('installation_heads', []) or [_NEVER])})",
            re.IGNORECASE,
        ),
        scenery_before=re.compile(rf"(?<![\w])(?:{_alt(a.get('scenery_before', []) or [_NEVER])})\s*$", re.IGNORECASE),
        town_before=re.compile(  # "la capitale tchadienne, N'Djamena": an adjective may follow the noun
            rf"(?<![\w])(?:{_alt(a.get('town_before', []) or [_NEVER])})(?:\s+\w+)?[\s,]*$", re.IGNORECASE
        ),
        stance=re.compile(rf"(?<![\w])(?:{_alt(a.get('stance_verbs', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        seat_after=re.compile(rf"\s*,\s*(?:{_alt(a.get('seat_after', []) or [_NEVER])})(?![\w])", re.IGNORECASE),
        anaphor_kinds=tuple(
            (word.lower(), frozenset(kinds)) for word, kinds in s.get("anaphora_force_kinds", {}).items()
        ),
        passive=re.compile(
            rf"(?<![\w-])(?:{_alt(s.get('passive_auxiliaries', []) or [_NEVER])})(?![\w])", re.IGNORECASE
        ),
        insurgent=armed_groups(supported),  # as the rules above
    )


def _troops_from(s: dict, compound: str, nouns: Sequence[str]) -> re.Pattern[str]:
    """ "400 peacekeepers from", "troops, mostly from", "soldiers and police from Nigeria, Senegal and": the words
    before a country that the troops come from, through the list it opens."""
    det = rf"(?:(?:{_alt(s['determiners'])})\s+)?"
    between = rf"(?:,?\s+(?:{_alt(s.get('troops_from_between', []) or [_NEVER])})){{0,2}}"
    joins = _alt([j.strip() for j in s.get("list_joiners", []) if j.strip() != ","] or [_NEVER])
    listed = rf"(?:[^\W\d][\w'’.-]*(?:\s+[^\W\d][\w'’.-]*){{0,3}}\s*(?:,|\s(?:{joins}))\s+{det})*"
    return re.compile(
        rf"(?<![\w-]){compound}(?:{_alt(nouns)}){between},?\s+(?:{_alt(s.get('troops_from', []) or [_NEVER])})\s+"
        rf"{det}{listed}$",
        re.IGNORECASE,
    )


def _marks(breaks: list[str], comparatives: Sequence[str] = ()) -> re.Pattern[str]:
    """Words, commas and clause breaks of a sentence in one pass. A word is tried first (no break starts with a
    letter) and the breaks as one trie (none is the start of another): the same marks as the breaks, then the
    comma, then a word (tests/test_speed_equivalence.py). A break after a comparative is none ("mehr als")."""
    unless = "".join(rf"(?<!\b{re.escape(w)})" for w in comparatives)
    # "3,000 soldiers": a number's thousands separator is no comma of the sentence (one word, not a pause)
    number = r"\d{1,3}(?:,\d{3})+(?!\d)"
    return re.compile(rf"(?P<w>{number}|\w+(?:['’-]\w+)*)|(?P<b>{unless}(?:{alternation(breaks)}))|(?P<c>,)")


# --------------------------------------------------------------------------- distances in a sentence


class _Costs:
    """Cumulative cost along a sentence: one per word, more for commas and clause breaks.

    A relative clause set off by commas ("The Belgian contingent, which has been in Gao since 2019,
    will leave") costs one word between words outside it, so that the subject stays near its verb; its
    opening comma and pronoun cost one word (the antecedent is the clause's subject) and its closing
    comma a clause break between a word inside and one after it."""

    def __init__(self, text: str, syntax: _Syntax, extra: Sequence[tuple[int, int]] = ()) -> None:
        weights = {"w": 1.0, "c": syntax.comma_weight, "b": syntax.break_weight}
        marks = list(syntax.marks.finditer(text))  # one pass: words, commas and clause breaks in order
        self._pos: list[int] = [m.start() for m in marks]
        inner = [weights[m.lastgroup or "w"] for m in marks]
        if not _QUOTES.isdisjoint(text):  # most sentences hold no quote or bracket: nothing to weigh again
            _short_quotes(marks, inner)
        self.clauses = sorted({*_embedded_clauses(text, syntax), *extra})
        outer = list(inner)
        for opening, closing in self.clauses:
            for i, p in enumerate(self._pos):
                if p == closing:
                    inner[i] = syntax.break_weight
                elif p == opening and i + 1 < len(inner):  # ", which", ", qui": the antecedent is the clause's subject
                    inner[i], inner[i + 1] = 1.0, 0.0
                if opening <= p <= closing:
                    outer[i] = 1.0 if p == opening else 0.0
        self._cum: list[float] = list(accumulate(inner))
        self._outer: list[float] = list(accumulate(outer)) if self.clauses else self._cum

    def _at(self, pos: int, cum: list[float]) -> float:
        i = bisect.bisect_left(self._pos, pos)
        return cum[i - 1] if i else 0.0

    def inside(self, pos: int) -> tuple[int, int] | None:
        """The embedded clause that holds `pos`, if any."""
        return next(((o, c) for o, c in self.clauses if o < pos < c), None)

    def between(self, a: tuple[int, int], b: tuple[int, int]) -> float:
        """Cost from span a to span b (0 when they touch or overlap)."""
        # with no embedded clause both sums are one: no clause to look for (most sentences, most calls)
        cum = self._cum if self.clauses and (self.inside(a[0]) or self.inside(b[0])) else self._outer
        if a[1] <= b[0]:
            return max(0.0, self._at(b[0], cum) - self._at(a[1], cum))
        if b[1] <= a[0]:
            return max(0.0, self._at(a[0], cum) - self._at(b[1], cum))
        return 0.0


_QUOTES = frozenset('«»“”„"()')
_SHORT_QUOTE = 5  # words


def _short_quotes(marks: list[re.Match[str]], weights: list[float]) -> None:
    """A name in quotes or brackets ("la « cité des 333 saints »", "(FAMa)") is no clause break: its
    marks cost nothing when a few words stand between them."""
    opened: int | None = None
    words = 0
    for i, m in enumerate(marks):
        kind = m.lastgroup
        if kind == "b" and m.group().strip() in _QUOTES:
            if opened is not None and 0 < words <= _SHORT_QUOTE:
                weights[opened] = weights[i] = 0.0
                opened = None
            else:
                opened, words = i, 0
        elif kind == "w":
            words += 1
        else:
            opened = None


_CLAUSE_COMMA = re.compile(r"(?<!\d),|,(?!\d{3})")  # a comma of the sentence, not a thousands separator


def _embedded_clauses(text: str, syntax: _Syntax) -> list[tuple[int, int]]:
    """(opening comma, closing comma) of each relative clause set off by commas in the sentence:
    ", which has been based in Gao since 2019,", ", qui compte 60 hommes,", ", das in Gao stationiert ist,"."""
    out = []
    for m in syntax.relative.finditer(text):
        opening = text.index(",", m.start())
        comma = _CLAUSE_COMMA.search(text, m.end())  # not the comma of "1,100 soldiers"
        closing = comma.start() if comma else -1
        if closing < 0 or syntax.breaks.search(text, m.end(), closing):
            continue
        out.append((opening, closing))
    return out


# --------------------------------------------------------------------------- the article


@dataclass(slots=True)
class _Context:
    article: Article
    language: str
    syntax: _Syntax
    places: list[PlaceMention]
    main_country: str | None
    main_mention: PlaceMention | None
    recent_places: list[PlaceMention] = field(default_factory=list)
    subject: str | None = None
    subject_force: Force | None = None
    last_force: Force | None = None  # the force named last: "the mission", "la force", "die Mission"
    forces_seen: list[Force] = field(default_factory=list)  # every force named so far, the latest last
    last_date: tuple[dt.date, str] | None = None  # the day or month named last: "the next day" counts from it
    actors: Counter[tuple[str | None, str | None]] = field(default_factory=Counter)  # (country, force) of its events
    senders: set[str] = field(default_factory=set)  # countries whose troops its events moved (not ended agreements)
    towns: dict[str, PlaceMention] = field(default_factory=dict)  # the last town of each actor country or force
    vetoes: dict = field(default_factory=dict)  # what the sentence's places and names were found to be: _sentence_memo
    vetoes_of: str = ""  # the sentence those are of
    home_movers: set[str] = field(default_factory=set)  # armies the article has seen move inside their own country
    scene: PlaceMention | None = None  # the place the last sentences of this paragraph named: "the country", "dort"
    paragraph: int = -2  # where the current paragraph starts (-1: at the top)
    headline: bool = False  # the headline names the main country as the place of its news
    datelines: int = 0  # "BANGUI, 8 juin 2016 -": datelines seen, a later one opens another story
    striker: tuple[int, str | None, Force | None] | None = None  # (paragraph, actor, force) of the last strike
    subject_at: int = -2  # the paragraph the subject was named in
    troops_before: bool = False  # the sentence before spoke of troops: "they" may stand for them (`follow_on`)


def article_language(article: Article) -> str:
    """The language the rules read the article in: its own if the rules have it, else the detected one, else "en"."""
    lang = (article.language or "").lower()[:2]
    if lang in rules.LANGUAGES:
        return lang
    from .corpus import detect_language

    return _supported(detect_language(article.text))


def _find_places(article: Article) -> list[PlaceMention]:
    from .places import find_places

    return sorted(find_places(article), key=lambda m: m.start)


@cache
def _country_place(iso2: str | None) -> Place | None:
    """The gazetteer's representative point of a country: the place of "the country", "dort"."""
    try:
        from .gazetteer import get_gazetteer

        return get_gazetteer().country(iso2)
    except Exception:  # no gazetteer built: the event keeps no place rather than failing
        return None


def _main_country(
    text: str,
    places: list[PlaceMention],
    syntax: _Syntax,
    title: str = "",
    title_places: Sequence[PlaceMention] = (),
    sentences: list[Sentence] | None = None,
) -> tuple[str | None, PlaceMention | None]:
    """The country the article is about: the one its headline and lead name, then the one its places name
    most after "in", "from" or "to" (a country named as a subject, "France announced", counts for less)."""
    counts: defaultdict[str, float] = defaultdict(float)  # weights, not whole counts
    first: dict[str, PlaceMention] = {}
    sentences = split_sentences(text) if sentences is None else sentences
    lead_end = sentences[0].end if sentences else 0
    for m in places:
        code = m.place.country
        if not code or m.place.feature in _BROAD:
            continue
        # a town named counts as much as its country; "the border with Togo" names a landmark, not a place of troops
        tied = _tied(text, m.start, syntax) and not syntax.place_veto.search(text[max(0, m.start - 60) : m.start])
        weight = 1.0 if tied else 0.3
        if m.start < lead_end:
            weight *= _LEAD_WEIGHT
        counts[code] += weight
        if m.place.feature == "country":
            first.setdefault(code, m)
    for m in title_places:  # "leave Chad", "in Tillia"; not "Chad to send troops"
        if m.place.country and m.place.feature not in _BROAD and _role(title, m.start, syntax):
            counts[m.place.country] += _TITLE_WEIGHT
    if not counts:
        return None, None
    order = {code: i for i, code in enumerate(dict.fromkeys(m.place.country for m in places if m.place.country))}
    code = max(counts, key=lambda c: (counts[c], -order.get(c, 0)))
    return code, first.get(code)


def _title_places(article: Article) -> list[PlaceMention]:
    """Places of the headline, which is not part of the text: "Last French troops leave Chad"."""
    if not article.title or not article.title.strip():
        return []
    from .places import find_mentions

    return find_mentions(article.title, article_id=article.id, language=article.language)


def find_drafts(article: Article) -> list[Draft]:
    """The events one article states, one per happening, before merging across articles."""
    text = article.text
    if not text.strip():
        return []
    language = article_language(article)
    syntax = _syntax(language)
    places = _find_places(article)
    sentences = split_sentences(text)  # once: the lead for the main country, then each sentence's events
    read_sentences(text, language, [(s.start, s.end) for s in sentences])  # their actors, from one scan
    headline = _title_places(article)
    main, main_mention = _main_country(text, places, syntax, article.title or "", headline, sentences)
    ctx = _Context(article, language, syntax, places, main, main_mention)
    ctx.headline = main is not None and any(  # "Belgian trainers quit Niger": "the country" stays Niger
        m.place.country == main and _role(article.title or "", m.start, syntax) for m in headline
    )
    drafts: list[Draft] = []
    starts = [m.start for m in places]
    previous: list[int] = []  # the drafts of the last sentence
    for sentence in sentences:
        paragraph = text.rfind("\n", 0, sentence.start)
        lo = bisect.bisect_left(starts, sentence.start)
        hi = bisect.bisect_left(starts, sentence.end)
        sentence_places = places[lo:hi]
        if paragraph != ctx.paragraph:  # a new paragraph may move to another country: its scene is unknown
            ctx.paragraph, ctx.scene = paragraph, None
            _dateline(sentence, sentence_places, ctx)
        found = _sentence_drafts(sentence, sentence_places, ctx)
        if not found and previous:
            _date_from_report(sentence, drafts, previous, ctx)
        past, _ = find_dates_both_ways(sentence.text, language, article.published, ctx.last_date)
        ctx.last_date = last_date(past) or ctx.last_date
        previous = list(range(len(drafts), len(drafts) + len(found)))
        drafts.extend(found)
        ctx.actors.update((d.actor_country, d.force) for d in found)
        _remember_striker(found, ctx)
        ctx.senders.update(d.actor_country for d in found if d.actor_country and d.action != "cooperation_ended")
        _remember_towns(found, sentence, ctx)
        usable = [m for m in sentence_places if m.place.feature not in _BROAD and not _landmark(m, sentence, ctx)]
        if usable:
            ctx.recent_places = usable
        _remember_scene(found, sentence, usable, ctx)
    # a no-op unless an enabled model ships (none does: event_filter.py); it records the candidates for geo.learn
    screened = dropped.drafts(drafts, screen(drafts, article, language, places, main), "learned_filter")
    return dropped.drafts(screened, merge_in_article(screened), "merged")


def _remember_striker(found: list[Draft], ctx: _Context) -> None:
    """Who struck last in this paragraph: "French jets bombed depots near Kidal. Further strikes hit Tessalit"
    are France's too; a strike nobody is named for in another paragraph is not."""
    strikes = [d for d in found if d.action == "strike"]
    if strikes:
        ctx.striker = (ctx.paragraph, strikes[-1].actor_country, force_by_name(strikes[-1].force or ""))
    elif found:
        ctx.striker = None


def _remember_towns(found: list[Draft], sentence: Sentence, ctx: _Context) -> None:
    """The town each actor's events of this sentence name, for a later sentence of the same troops whose
    place the gazetteer does not know ("at Camp Castor", "im Lager Firestone")."""
    for d in found:
        m = d.location
        if m.place.feature in _TOWNS and sentence.start <= m.start < sentence.end:
            for key in (d.actor_country, d.force):
                if key:
                    ctx.towns[key] = m


_DATELINE = re.compile(r"[^,()\n]{2,40}?(?:\s*,[^,()\n]{2,40}?)?\s*(?:,\s*[^()\n]{2,30}?|\([^()\n]{1,20}\))\s+[-–—]\s")


def _dateline(sentence: Sentence, places: list[PlaceMention], ctx: _Context) -> None:
    """ "BANGUI, 8 juin 2016 - La Minusca accueille ...", "N'Djamena (dpa) - ...": a second dateline in the text
    (a roundup of wire stories) opens another story, about its town's country, which is then the article's."""
    head = _DATELINE.match(sentence.text)
    first = places[0] if places else None
    placed = first is not None and first.start == sentence.start and first.place.country
    word = sentence.text.split(maxsplit=1)[0].rstrip(",")
    if head is None or not (placed or (len(word) > 2 and word.isupper())):  # "N'DJAMENA, 7 juin 2016 -"
        return
    ctx.datelines += 1  # the first is where the article was filed; only a later one opens another story
    if ctx.datelines > 1 and first is not None and placed and first.place.country != ctx.main_country:
        ctx.main_country, ctx.main_mention, ctx.headline = first.place.country, None, False
        ctx.subject, ctx.subject_force, ctx.last_force, ctx.recent_places = None, None, None, []  # nothing carries over


def _remember_scene(found: list[Draft], sentence: Sentence, usable: list[PlaceMention], ctx: _Context) -> None:
    """The place this sentence tells things happen in: where its events are, a place it names after "in", a
    town that acts; not one things come from ("Drohnen aus der Türkei") nor a partner ("fell out with France")."""
    text, syn = sentence.text, ctx.syntax
    scene = []
    governments = {a.start for a in find_actors(text, ctx.language) if a.kind == "capital"}  # "Rome a promis"
    reports = report_spans(text, ctx.language)
    # "Dass Berlin sich zurückzieht, sorgt in Brüssel für Stirnrunzeln": with no troops and no event, a town
    # abroad is where people react, not a new scene ("Offen ist, wie es in Niger weitergeht" is one)
    if not found and not has_military_context(text, ctx.language):
        usable = [m for m in usable if m.place.feature == "country" or m.place.country == ctx.main_country]
    for m in usable:
        rel = m.start - sentence.start
        clause = text.rfind(",", 0, rel) + 1
        roles = _role_cached(text, rel, syn, m.end - sentence.start)
        said_there = "in" in roles and any(clause <= a < rel for a, _ in reports)
        acting = rel in governments and "in" not in roles  # "Rome a promis", not "in Dakar"
        if acting or said_there or syn.speaker_before.search(text[max(0, rel - 40) : rel]):
            continue  # a contributor's capital; "an analyst in Abidjan", "said in Paris": where it was said
        # "N'Djamena ended the agreement": a town that acts (a host's capital) speaks for the country
        if m.place.country and ("in" in roles or (not roles and m.place.feature in _TOWNS)):
            scene.append(m)
    for d in found:
        for told in (d.location, d.destination):
            if told is None or ctx.article.text[told.start : told.end] != told.text:
                continue  # not "the country" nor no words
            if told.place.country and sentence.start <= told.start < sentence.end:
                scene.append(told)
    if scene:
        ctx.scene = max(scene, key=lambda m: m.start)


def _landmark(m: PlaceMention, sentence: Sentence, ctx: _Context) -> bool:
    """ "the region that borders Niger", "à la frontière avec le Niger": a place named to situate another,
    which "there" and "the town" never point back to."""
    return _vetoed(ctx, sentence.text, m.start - sentence.start)


def _vetoed(ctx: _Context, text: str, at: int) -> bool:
    """Whether the words before `at` in the sentence make what stands there a partner or a landmark ("with",
    "near", "aux côtés de"), asked once per place or name of the sentence (by its actors, each cue's places
    and the places "there" may point back to)."""
    memo = _sentence_memo(ctx, text)
    known = memo.get(at)
    if known is None:
        known = memo[at] = bool(gated(ctx.syntax.place_veto).search(text[max(0, at - 60) : at]))
    return known


def _sentence_memo(ctx: _Context, text: str) -> dict:
    """What is asked of one sentence's places several times (once for each cue): kept until the next sentence."""
    if ctx.vetoes_of is not text:
        ctx.vetoes_of, ctx.vetoes = text, {}
    return ctx.vetoes


def _place_excluded(text: str, rel: int, end: int, deployment: bool, feature: str, ctx: _Context) -> bool:
    """The checks of a place that do not depend on the cue, asked once for all the cues of its sentence."""
    memo = _sentence_memo(ctx, text)
    key = (rel, end, deployment, feature)
    known = memo.get(key)
    if known is None:
        syn = ctx.syntax
        known = memo[key] = bool(
            # "400 peacekeepers from Burkina Faso": where they come from, not where they are (a deployment's)
            (deployment and syn.troops_from.search(text[max(0, rel - 120) : rel]))
            # "tensions with France", "aux côtés de la France": a partner, not a place of troops
            or _vetoed(ctx, text, rel)
            # "the government in Prague", "In Tallinn, the government": who acts, not where
            or _seat(text, rel, end, syn)
            # "handed over its base to Niger's armed forces": an owner, not a place
            or (feature == "country" and syn.genitive.match(text, end))
            # "the Spain-led mission", "der von Spanien geführten Mission": the nation that leads it, not a place
            or bool(syn.led_after.match(text, end))
        )
    return known


def _date_from_report(sentence: Sentence, drafts: list[Draft], previous: list[int], ctx: _Context) -> None:
    """ "Das teilte das Außenministerium am Donnerstagabend mit.": the date of the report that follows
    dates the events of the sentence before it, when that sentence gave them none."""
    if len(sentence.text.split()) > _REPORT_WORDS or not is_report(sentence.text, ctx.language):
        return  # only a short sentence that does nothing but report
    past, future = find_dates_both_ways(sentence.text, ctx.language, ctx.article.published, ctx.last_date)
    points = [i for i, d in enumerate(past) if d.kind == "point"]
    if not points:
        return
    for k in previous:
        d = drafts[k]
        if d.date_text is None:
            chosen = (future if d.status == "planned" else past)[points[0]]
            drafts[k] = replace(
                d, date=chosen.date, date_precision=chosen.precision, date_text=chosen.text, date_kind=chosen.kind
            )


# --------------------------------------------------------------------------- one sentence


def _set_aside(forces: list[ForceMention], text: str, syn: _Syntax) -> dict[int, Force | None]:
    """Forces a sentence names without its troops acting in them, by where they start: one in a fronted "besides"
    adjunct ("Outre ses bataillons de la Minusca, Kigali a dépêché ...") stands for nobody (None); a predecessor
    named in apposition to its successor ("des instructeurs de l'Africa Corps, la structure qui a succédé au groupe
    Wagner, ...") stands for the successor, unless a clause follows that is about it (", whose fighters ...")."""
    out: dict[int, Force | None] = {}
    for f in forces:
        offset = max(0, f.start - 60)
        before = text[offset : f.start]
        aside = syn.force_aside.search(before)
        close = _CLAUSE_END.search(text, f.end)
        if (
            aside is not None
            and not _CLAUSE_END.search(before, aside.end())
            and text[: offset + aside.start()].strip() in ("", ",")  # fronted: it opens the sentence
            and (
                (close is not None and close.group(0) == "," and close.start() - f.end <= 40)
                or (not syn.adjuncts_follow_verb and f.end - offset - aside.start() <= 60)  # "Neben ... hat Burundi"
            )
        ):
            out[f.start] = None
            continue
        heir = syn.force_predecessor.search(before)
        head = offset + (heir.start() if heir else 0)
        successor = next((g.force for g in reversed(forces) if g.end <= head and g.force is not f.force), None)
        if heir is not None and successor is not None and not syn.relative.match(text, f.end):
            out[f.start] = successor
    return out


def _actor_candidates(
    sentence: Sentence,
    ctx: _Context,
    forces: list[ForceMention],
    aside: dict[int, Force | None] | None = None,
    clause_starts: Sequence[int] = (),
) -> list[Who]:
    text = sentence.text
    syn = ctx.syntax
    out: list[Who] = []
    for f in forces:
        force = (aside or {}).get(f.start, f.force)
        if force is not None:
            out.append(Who(f.start, f.end, None, force, f.text))
    out.sort(key=lambda w: w.start)
    previous: tuple[int, bool] | None = None  # end of the last country named, and whether it was an actor
    text_of, lang = ctx.article.text, ctx.language
    listed: list[int] = []  # where the countries of the current list start
    towns: set[int] | None = None  # where the sentence's town names start, found at the first adjective that asks
    for a in find_actors(text, ctx.language):
        if any(f.start <= a.start < f.end or a.start <= f.start < a.end for f in forces):
            continue
        if a.kind == "army" and generic_army(a, ctx.language) and a.country not in _article_nations(text_of, lang):
            continue  # "die Luftwaffe": a bare army (below), the registry's nation's only if the article names it
        if a.kind == "leader" and (
            syn.leader_victim_before.search(text[max(0, a.start - 40) : a.start])
            or syn.leader_victim_after.search(text[a.end : a.end + 50])
        ):
            continue  # "the coup against Bazoum", "deposed President Bazoum": a victim, not who acts
        if a.kind == "leader" and not _announces(text, a.end, syn, ctx.language):
            continue  # "Niamey, where President Bazoum had agreed to host it": only a leader who speaks or decides
        if a.kind in _NATION_KINDS:
            before = text[: a.start]
            seat = a.kind in _GOVERNMENT and _seat(text, a.start, a.end, syn)
            if a.kind == "capital" and not seat and syn.town_before.search(text[max(0, a.start - 40) : a.start]):
                previous = (a.end, False)  # "Chad's capital, N'Djamena", "die nigrische Hauptstadt Niamey": a town
                continue
            if a.kind == "country" and civilian_modifier(text, a.start, a.end, ctx.language):
                previous = (a.end, False)  # "Algeria's UN envoy called the strikes", "EU ambassadors": no troops
                continue
            if a.kind == "country" and compound_place(text, a.end, lang):
                previous = (a.end, False)  # "der Mali-Einsatz": the mission in Mali, not Mali's troops
                continue
            if (
                previous is not None
                and a.kind != "leader"
                and syn.list_join.fullmatch(text[previous[0] : a.start])
                and not any(previous[0] <= c <= a.start for c in clause_starts)  # "from Niger and Italy stayed"
            ):
                is_actor = previous[1]  # "with France, the EU and other allies": the list shares its role
                listed.append(a.start)
                if is_actor and syn.list_from_after.match(text, a.end):  # "bereits Mali, Burkina Faso und Niger
                    is_actor = False  # verlassen": the whole list is the object of the verb after its last name
                    out = [w for w in out if w.start not in listed]
            else:
                listed = [a.start]
                is_actor = not gated(syn.not_actor_after).search(before) or _troop_genitive(before, syn)
                # "une partie d'entre eux rejoignant le Niger voisin", "troops left Mali": the place of a move
                is_actor = is_actor and (_troop_genitive(before, syn) or not _tied_here(ctx, text, a.start))
                is_actor = (is_actor and not syn.from_after.match(text, a.end)) or seat
                # "a blow to France, which ...", but not "near the border with Sudan, which ...": a landmark
                landmark = _vetoed(ctx, text, a.start) and not partner_antecedent(
                    text, a.start, a.end, lang, syn.relative
                )
                is_actor = is_actor or (bool(syn.relative.match(text, a.end)) and not landmark)
                # "on the banks of the Niger", "Djibouti, where 1,500 soldiers are based": scenery, a place
                is_actor = is_actor and not landmark and not (a.kind == "country" and _place_relative(syn, text, a.end))
            previous = (a.end, is_actor)
            if not is_actor:
                continue
            weight = 1.0 if a.kind == "country" or seat else 2.0
            if syn.genitive.match(text, a.end) or (a.text.endswith("s") and syn.genitive.match(text, a.end - 1)):
                weight = -1.0  # "France's President", "Frankreichs Armee"
                if civilian_modifier(text, a.start, a.end, ctx.language):
                    continue  # "summoned Algeria's ambassador", "Frankreichs Botschafter": no troops
        else:
            weight = 0.0
            if syn.origin_after.match(text, a.end) or syn.origin_before.search(text[max(0, a.start - 30) : a.start]):
                continue  # "Drohnen türkischer Bauart", "Turkish-made drones": where the arms come from, not whose
            if syn.installation.fullmatch(a.text):
                continue  # "die Luftwaffenbasis in Niamey": an air base, anyone's
            if a.kind == "adjective" and _person_named(text, a.end, sentence.start, ctx):
                continue  # "Son chef, l'Allemand Volker Perthes, ...": one person of that nation, no troops
            if syn.scenery_after.match(text, a.end) or syn.scenery_before.search(text[max(0, a.start - 30) : a.start]):
                continue  # "near the Algerian border", "la frontière algérienne": the adjective qualifies a place
            if a.kind == "adjective":
                towns = _town_starts(sentence, ctx) if towns is None else towns
                if qualifies_town(text, a.end, towns):
                    continue  # "aus dem malischen Gao": where the town lies, not whose troops
            if a.kind in ("adjective", "demonym") and civilian_modifier(text, a.start, a.end, ctx.language):
                continue  # "réfugiés soudanais", "the French ambassador", "tschadische Rebellen": people, no troops
        if a.candidates:
            a = replace(a, country=_army_country(a, sentence, ctx))
        if a.country is None:
            continue
        if a.kind not in _NATION_KINDS and _vetoed(ctx, text, a.start):
            continue  # "aux côtés de l'armée malienne", "alongside the Malian army": partners, not the troops
        if a.country in ("UN", "EU") and any(_adjacent(text, a.start, a.end, f.start, f.end) for f in forces):
            continue  # "UN-Mission Minusma", "the EU's EUTM": a description of the force, not another actor
        out.append(Who(a.start, a.end, a.country, None, a.text, weight, a.kind))
    out.extend(_bare_army_whos(sentence, ctx, forces, out))
    named = {w.start for w in out}
    lo = bisect.bisect_left(ctx.places, sentence.start, key=_start)
    for m in ctx.places[lo:]:
        if m.start >= sentence.end:
            break
        rel = m.start - sentence.start
        if m.place.feature in _TOWNS and m.place.country and rel not in named and _seated(syn, text, rel):
            # "the junta in Niamey", "die Regierung in N'Djamena": the government seated in a town acts for its country
            out.append(Who(rel, rel + len(m.text), m.place.country, None, m.text, 1.5, "capital"))
    out.sort(key=lambda w: w.start)
    # "die französische Luftwaffe", "l'armée malienne": a nationality right beside an army says whose it is
    return [
        w
        for i, w in enumerate(out)
        if not (
            w.kind == "army"
            and any(
                v.kind == "adjective" and v.country != w.country and _adjacent(text, v.start, v.end, w.start, w.end)
                for v in out[max(0, i - 1) : i + 2]
                if v is not w
            )
        )
    ]


def _town_starts(sentence: Sentence, ctx: _Context) -> set[int]:
    """Where the sentence's town names start, in the sentence's text."""
    lo = bisect.bisect_left(ctx.places, sentence.start, key=_start)
    out = set()
    for m in ctx.places[lo:]:
        if m.start >= sentence.end:
            break
        if m.place.feature in _TOWNS:
            out.add(m.start - sentence.start)
    return out


def _army_country(a: ActorMention, sentence: Sentence, ctx: _Context) -> str | None:
    """Whose army an acronym several countries use names ("les FDS" in Niger or Burkina Faso, "un BIR" in
    Cameroon or Burkina Faso, "SNA" in Somalia but not in Syria): the one of its countries that a place of the
    sentence lies in, else the article's country; none when neither is one of them."""
    lo = bisect.bisect_left(ctx.places, sentence.start, key=_start)
    for m in ctx.places[lo:]:
        if m.start >= sentence.end:
            break
        if m.place.country in a.candidates:
            return m.place.country
    return ctx.main_country if ctx.main_country in a.candidates else None


def _bare_army_whos(sentence: Sentence, ctx: _Context, forces: list[ForceMention], found: list[Who]) -> list[Who]:
    """ "The army said its aircraft had struck camps near Tillabéri", "l'état-major a dépêché un renfort",
    "Au Tchad voisin, l'armée a renforcé son dispositif": an army the sentence gives no nation is the army of
    the country the sentence is in, not the foreign troops of the sentence before."""
    text = sentence.text
    if any(w.country or w.force for w in found):
        return []  # "Bei einem Luftangriff der französischen Armee ..., nach Angaben des Generalstabs": a named
        # nation or force is the actor; a bare army beside it is a source or a partner
    out = []
    nations = _article_nations(ctx.article.text, ctx.language)
    for b in bare_armies(text, ctx.language):
        if any(f.start < b.end and b.start < f.end for f in forces):
            continue
        if _vetoed(ctx, text, b.start):
            continue  # "aux côtés de l'armée", "alongside the army": partners, not the troops
        own = find_actors(b.text, ctx.language)
        if own and generic_army(own[0], ctx.language) and own[0].country in nations:
            continue  # "Soldaten der Luftwaffe" in an article on the Bundeswehr: the registry's (an actor already)
        country = _fronted_country(sentence, ctx) or _antecedent_army(b.text, sentence, ctx) or _home_of(sentence, ctx)
        if country is not None:
            out.append(Who(b.start, b.end, country, None, b.text, 0.0, "army"))
    return out


def _opening_subject(text: str, whos: list[Who]) -> Who | None:
    """The sentence's subject: its first name that is no place, or a capital that opens it ("Nouakchott n'a pas
    toujours été aussi prudent. En 2011, son armée ...": "son" is Mauritania's)."""
    first = next((w for w in whos if w.weight <= 1.0), None)
    opening = next((w for w in whos if w.kind == "capital" and not text[: w.start].strip()), None)
    if (
        opening is not None
        and (first is None or opening.start < first.start)
        and not _CLAUSE_END.match(text, opening.end)
    ):
        return opening  # not "NIAMEY, 12 avril (AFP) -": a dateline
    return first


def _antecedent_army(noun: str, sentence: Sentence, ctx: _Context) -> str | None:
    """ "L'armée tchadienne a affirmé ... L'armée dit avoir ...", "l'état-major des armées à Paris ... Selon
    l'état-major": the army the same noun named with its nation last, in this paragraph or the one before."""
    text = ctx.article.text
    start = max(0, ctx.paragraph)
    while start > 0:  # back over blank lines to the start of the paragraph before
        before = text.rfind("\n", 0, start)
        if text[before + 1 : start].strip():
            start = before
            break
        start = before
    head = noun.casefold().replace("’", "'")
    named = [
        a
        for a in find_actors(text[max(0, start) : sentence.start], ctx.language)
        if a.kind == "army" and a.country not in (None, "EU", "UN") and head in a.text.casefold().replace("’", "'")
    ]
    return named[-1].country if named else None


def _fronted_country(sentence: Sentence, ctx: _Context) -> str | None:
    """ "Au Tchad voisin, ... l'armée a renforcé", "In neighbouring Chad, the army": a country set in front of
    the sentence, its own phrase closed by a comma, is where the sentence moves to."""
    lo = bisect.bisect_left(ctx.places, sentence.start, key=_start)
    for m in ctx.places[lo:]:
        rel = m.start - sentence.start
        if rel > 30 or m.start >= sentence.end:
            break
        after = sentence.text[rel + len(m.text) : rel + len(m.text) + 12]
        if (
            m.place.feature == "country"
            and m.place.country
            and "," in after
            and "in" in _role_cached(sentence.text, rel, ctx.syntax, rel + len(m.text))
        ):
            return m.place.country
    return None


def _home_of(sentence: Sentence, ctx: _Context) -> str | None:
    """The country a sentence is in: the one its places (not its landmarks) name most, else the paragraph's
    scene, else the article's country."""
    lo = bisect.bisect_left(ctx.places, sentence.start, key=_start)
    countries = []
    for m in ctx.places[lo:]:
        if m.start >= sentence.end:
            break
        if m.place.country and not _landmark(m, sentence, ctx):
            countries.append(m.place.country)
    scene = ctx.scene.place.country if ctx.scene is not None else None
    return home_country(countries, scene, ctx.main_country)


@lru_cache(maxsize=4)
def _article_nations(text: str, language: str) -> frozenset[str]:
    """The nations an article names other than by a word the language uses for anyone's army ("Luftwaffe")."""
    return frozenset(a.country for a in find_actors(text, language) if a.country and not generic_army(a, language))


# two capitalised words, then a comma, a bracket or the sentence's end: "the German Volker Perthes, ..."
_PERSON_AFTER = re.compile(r"\s+[A-ZÀ-ÖØ-Þ][\w'’-]+\s+[A-ZÀ-ÖØ-Þ][\w'’-]+(?=\s*[,;()]|\s*$)")


def _person_named(text: str, end: int, offset: int, ctx: _Context) -> bool:
    """Whether a nationality stands for one person whose name follows ("l'Allemand Volker Perthes", "the
    Briton Jane Doe,", "der Deutsche Volker Perthes"): two capitalised words no place, force or actor names."""
    m = _PERSON_AFTER.match(text, end)
    if m is None:
        return False
    lo, hi = offset + m.start(), offset + m.end()
    if any(lo <= p.start < hi for p in ctx.places):
        return False
    named = find_actors(text, ctx.language)
    return not any(end <= a.start < m.end() for a in named) and not find_forces(m.group(0))


def _start(m: PlaceMention) -> int:
    return m.start


def _seated(syn: _Syntax, text: str, rel: int) -> bool:
    """ "the junta in Niamey": asked only of a town the sentence names, the words before it."""
    return syn.seat_before.search(text[max(0, rel - 40) : rel]) is not None


def _past_where(text: str, trig: Trigger, w: Who, syn: _Syntax) -> bool:
    """Whether a name stands in a ", where ..." clause that opens after the cue ("will be deployed in the
    Liptako-Gourma region, where Mali, Niger and Burkina Faso meet"): it describes the place, it does not
    say whose troops the cue moves."""
    return w.start > trig.end and syn.place_relative.search(text, trig.end, w.start) is not None


def _place_relative(syn: _Syntax, text: str, end: int) -> bool:
    """Whether ", where", ", où", ", wo" follows right after the name at `end`."""
    m = syn.place_relative.match(text, end)
    return m is not None and "," in text[end : m.end()] and not text[end : text.index(",", end)].strip()


def _where_clause_holds(syn: _Syntax, text: str, end: int, trig: Trigger) -> bool:
    """Whether the cue stands in the clause ", where ...", ", où ...", ", wo ..." that follows a place ending
    at `end` (up to the clause's next comma or break)."""
    if not _place_relative(syn, text, end):
        return False
    opened = syn.place_relative.match(text, end)
    assert opened is not None
    close = _CLAUSE_END.search(text, opened.end())
    stop = close.start() if close else len(text)
    brk = syn.breaks.search(text, opened.end(), stop)
    stop = brk.start() if brk else stop
    return opened.end() <= trig.start < stop


def _where_clause_about(syn: _Syntax, text: str, end: int, trig: Trigger) -> bool:
    """`_where_clause_holds`, also when a verb or adverb in lower case stands between the place and the comma
    (verb-final "vom Niger aus operieren, wo ... stationiert sind"; "moved to Niger later, where ...") or a
    number's point stands in the clause ("Dschibuti, wo 1.500 Soldaten stationiert sind")."""
    if _where_clause_holds(syn, text, end, trig):
        return True
    opened = syn.place_relative.match(text, end)
    if opened is None:
        return False
    gap = text[end : text.index(",", end)].split()
    if not all(w[:1].islower() for w in gap):
        return False
    close = _BREAK_NOT_ORDINAL.search(text, opened.end())  # not the point of "1.000"
    stop = close.start() if close else len(text)
    brk = syn.breaks.search(text, opened.end(), stop)
    stop = brk.start() if brk else stop
    return opened.end() <= trig.start < stop


def _seat(text: str, start: int, end: int, syn: _Syntax) -> bool:
    """ "the government in Prague", "In Tallinn, the government said", "die Regierung in Prag": a capital
    that stands for the government seated there, whose country acts (and is no place of troops)."""
    before = text[max(0, start - 40) : start]
    return bool(syn.seat_before.search(before) or syn.speaker_before.search(before) or syn.seat_after.match(text, end))


def _troop_genitive(before: str, syn: _Syntax) -> bool:
    """ "le contingent du Royaume-Uni", "the troops of France": a country after a troop noun owns them."""
    tail = before[-40:]
    m = _LAST_TWO_WORDS.search(tail)
    return bool(m and syn.troop_noun.fullmatch(m.group(1)) and syn.genitive_of.fullmatch(m.group(2)))


def _sentence_drafts(sentence: Sentence, places: list[PlaceMention], ctx: _Context) -> list[Draft]:
    text = sentence.text
    lang = ctx.language
    forces = find_forces(text)
    aside = _set_aside(forces, text, ctx.syntax)
    # a named operation the registry does not know is this
    listed = [f for f in forces if f.force.listed and f.start not in aside]
    if listed:  # sentence's own: "the operation" or the next sentence's soldiers do not point back to it
        ctx.last_force = listed[-1].force
        for f in listed:
            if f.force in ctx.forces_seen:
                ctx.forces_seen.remove(f.force)
            ctx.forces_seen.append(f.force)
    opens_on_force = ctx.last_force is not None and ctx.syntax.force_anaphor.match(text) is not None
    # "Belgian special forces arrived in Niamey. They left in December": "they" are the troops of the sentence before
    opens_on_force = opens_on_force or (ctx.troops_before and opens_on_troop_pronoun(text, lang))
    ctx.troops_before = bool(forces) or opens_on_force or has_military_context(text, lang)
    # "Die Mission selbst war bereits im Mai beendet worden": a sentence about the force named before speaks of
    # troops, with no troop word of its own
    if not ctx.troops_before:
        # no troops spoken of ("withdrawal from the Paris agreement"), but a subject that "they" may take up
        if dropped.on():
            dropped.cues(find_triggers(text, lang), "no_military_context", sentence, ctx.article.id)
        _carry_subject(ctx, _opening_subject(sentence.text, _actor_candidates(sentence, ctx, forces)))
        return []
    triggers = find_triggers(text, lang)
    if not forces and ctx.last_force is not None and (opening := ctx.syntax.force_anaphor.match(text)):
        # "The task force, which at its peak counted ..., is to cease operations": the force is the subject
        named = _anaphor_force(ctx, opening.group(0))
        ctx.subject, ctx.subject_force = named.default_actor, named  # type: ignore[union-attr]  # a last force
    # "Germany withdrew its troops from Niger and Italy stayed in Niamey": each coordinate clause its own
    named_actors = find_actors(text, lang)
    spans = [(0, len(text))]  # one clause: what `clause_units` says of a sentence with fewer than two cues
    if len(triggers) > 1:
        spans = clause_units(
            text,
            lang,
            [(t.start, t.end) for t in triggers],
            sorted(  # who may be a clause's subject: a name no preposition ties to a place ("in den Niger")
                [(f.start, f.end) for f in forces]
                + [(a.start, a.end) for a in named_actors if not _tied_here(ctx, text, a.start)]
            ),
            _embedded_clauses(text, ctx.syntax),
            [(a.start, a.end) for a in named_actors]
            + [(m.start - sentence.start, m.end - sentence.start) for m in places],
        )
    # with no cue too: "Takuba is being wound down" names a subject
    whos = _actor_candidates(sentence, ctx, forces, aside, [u[0] for u in spans[1:]])
    subject = _opening_subject(text, whos)
    # the checks of a cue that read only the sentence's words, before anything is measured: most cues that die, die here
    live = [t for t in triggers if not any(f(text, t, lang) for f in _NO_EVENT)]
    dropped.killed(triggers, live, lambda t: dropped.no_event(text, t, lang, _NO_EVENT))
    # "Italy has not withdrawn its troops": a withdrawal plainly negated is a presence that goes on
    kept = kept_presences(text, [t for t in triggers if t not in live], lang, _NO_EVENT)
    live = sorted(live + kept, key=lambda t: t.start) if kept else live
    # "49 Ivorian soldiers were detained on arrival at Bamako airport": what happened to them is the detention
    live = dropped.kill(live, [t for t in live if not _victims_adjunct(t, text, ctx.syntax)], "victims_adjunct")
    if not live and not dropped.pending():
        _carry_subject(ctx, subject)
        return []
    listing = _force_clauses(whos, text, ctx.syntax, lang)
    # a force's clause closed by a comma is set off like a relative clause: the force stays near its verb
    costs = _Costs(text, ctx.syntax, [(text.rindex(",", 0, a), b) for _, a, b in listing if text[b : b + 1] == ","])
    counts = find_troop_counts(text, lang)
    cues = status_cues(text, lang)
    # the phrases read backward, and forward for events that are plans ("on Monday" = the next Monday)
    dates, future = find_dates_both_ways(text, lang, ctx.article.published, ctx.last_date)
    if dates:  # "Ende 2023", "by the end of": a cue word inside a date phrase is no modality
        cues = {k: [c for c in v if not any(d.start <= c[0] and c[1] <= d.end for d in dates)] for k, v in cues.items()}
    announced = [  # a date beside "announced", with where that cue stands
        (d, c[0]) for d in dates for c in cues["announced"] if costs.between((d.start, d.end), c) <= 3
    ]
    says = [  # (where the report verb starts, whether it is also an announcement)
        (r[0], any(a[0] < r[1] and r[0] < a[1] for a in cues["announced"])) for r in report_spans(text, lang)
    ]
    reported = [  # "..., the ministry said on Wednesday": the date of the report
        (d, at, announce)
        for d in dates
        for at, announce in says
        if d.kind == "point" and costs.between((d.start, d.end), (at, at + 1)) <= 3
    ]
    # "à partir de", "the end of 2020 as part of", "Einsatz in Moura Ende März": a cue's edge inside a date is none
    live = dropped.kill(
        live,
        [t for t in live if not any(d.start <= t.start < d.end or d.start < t.end <= d.end for d in dates)],
        "in_date",
    )
    ended = [t for t in live if t.action == "cooperation_ended"]  # "l'accord relatif au statut des forces
    live = dropped.kill(
        live,
        [t for t in live if t.action != "deployment" or not any(_object_of(e, t, text) for e in ended)],
        "ended_object",
    )
    follow = ctx.syntax.count_after_verb
    lost = ctx.syntax.casualties
    live = dropped.kill(
        live,
        [
            t
            for t in live
            if not t.needs_count
            or _count_follows(t, counts, costs, follow, lost, text)
            or placed_troop_object(text, t, places, sentence.start, lang)  # "keeps troops at the air base"
        ],
        "no_count_after",
    )
    # "have announced to withdraw their 1,000 soldiers": the count is the nearer cue's, "have" is an auxiliary
    full = [t for t in live if not t.needs_count]
    live = dropped.kill(
        live, [t for t in live if not t.needs_count or not _count_taken(t, counts, full, costs, follow)], "count_taken"
    )
    # "Frankreich hatte seine rund 1500 Soldaten bis Ende 2023 abgezogen": with a participle closing the clause
    # after the count, "haben" is an auxiliary
    live = dropped.kill(
        live, [t for t in live if not t.needs_count or not _auxiliary(t, counts, text, ctx.syntax)], "auxiliary"
    )
    follows = ctx.syntax.adjuncts_follow_verb
    count_owner = _assign(counts, live, costs, ctx.syntax.troop_window)
    for i, count in enumerate(counts):  # "unterhält ... noch rund 4.600 Soldaten": the count the verb governs
        governing = [t for t in live if t.needs_count and _count_follows(t, [count], costs, follow, lost, text)]
        if governing:
            count_owner[i] = governing[-1]
    for i, (count, owner) in enumerate(zip(counts, count_owner, strict=True)):
        if owner is None:  # "The 400 soldiers of Sabre, who had been based ... since 2009, left": the subject
            count_owner[i] = next((t for t in live if t.start >= count.end), None)
    date_owner = _assign(dates, live, costs, _MAX_DATE_COST, prefer_left=follows, text=text, syntax=ctx.syntax)
    if len(spans) > 1:  # "Belgium withdrew in March, while Hungary sent 80 troops to Chad in June"
        _own_clause_owners(counts, count_owner, live, spans, costs)
        _own_clause_owners(dates, date_owner, live, spans, costs)
    also_dated, undated = _date_clauses(text, dates, date_owner, live, lang)
    shared: dict[int, int] = {}  # a cue's id -> the count it shares with another cue

    coordinated: dict[int, list[int]] = {}  # a cue's id -> the dates of the verb it is coordinated with

    def mine(i: int, trig: Trigger) -> bool:
        if date_owner[i] is trig and i not in undated:
            return True
        return also_dated.get(i) is trig or i in coordinated.get(id(trig), ())

    def own_counts(trig: Trigger) -> list[TroopCount]:
        found = _own_counts(trig, counts, count_owner, costs, text)
        return found or ([counts[shared[id(trig)]]] if id(trig) in shared else [])

    def mine_whos(trig: Trigger) -> list[Who]:
        """The names a cue may take its actor from: not the nations listed in a force's clause that does not
        hold the cue ("La task force Takuba, à laquelle participent l'Estonie et la Suède, compte 600 soldats")."""
        if not listing:
            return whos
        return [w for w in whos if not any(a <= w.start < b and not a <= trig.start < b for _, a, b in listing)]

    def scope(trig: Trigger) -> Callable[[int], bool]:
        """Whether a mention at a position may fill a slot of the cue: anywhere, unless the sentence holds
        coordinate clauses, then only in the cue's own."""
        unit = next((u for u in spans if in_span(trig.start, u)), None)
        if len(spans) < 2 or unit is None:
            return lambda _pos: True
        return lambda pos: in_span(pos, unit)

    def build(trig: Trigger) -> Draft | None:
        ours = scope(trig)
        # "Au Tchad voisin, qui accueille 500 000 réfugiés soudanais, l'armée a renforcé": not a name of the
        # relative clause for a cue outside it
        named = [w for w in mine_whos(trig) if not _other_clause(w.start, trig, costs)]
        named = [w for w in named if not _past_where(text, trig, w, ctx.syntax)]
        if trig.action == "strike":  # "Luftangriffe der Armee auf RSF-Stellungen": what is hit strikes nothing
            named = [w for w in named if not strike_target(text, (trig.start, trig.end), w.start, w.end, lang)]
        here = [w for w in named if ours(w.start)]
        shown = [m for m in places if not any(a <= m.start - sentence.start < b for _, a, b in listing)]
        scoped = [m for m in shown if ours(m.start - sentence.start)]  # a place of a relative clause only for its cue
        return _draft(
            trig,
            sentence=sentence,
            ctx=ctx,
            costs=costs,
            whos=here or named,
            subject=_clause_subject(_main_subject(subject, trig, costs, named), here),
            places=[m for m in scoped if not _other_clause(m.start - sentence.start, trig, costs)] or scoped or shown,
            counts=[c for c in own_counts(trig) if ours(c.start)],
            dates=_DateChoice(
                past=[d for i, d in enumerate(dates) if mine(i, trig) and (ours(d.start) or fronted_date(d, text))],
                future=[d for i, d in enumerate(future) if mine(i, trig) and (ours(d.start) or fronted_date(d, text))],
                announced=[d for d, cue in announced if cue < trig.start],
                reported=[d for d, at, announce in reported if not announce],
                reported_after=[d for d, at, announce in reported if announce and at > trig.end],
            ),
            cues=cues,
            forces=forces,
            others=live,
        )

    built = {id(trig): build(trig) for trig in live}
    alive = [t for t in live if built[id(t)] is not None]
    changed = _pass_on(counts, count_owner, alive, costs, ctx.syntax.troop_window)
    changed |= _pass_on(dates, date_owner, alive, costs, _MAX_DATE_COST)
    shared.update(_shared_counts(counts, count_owner, alive, costs, ctx.syntax.troop_window, text, whos))
    changed |= set(shared)
    coordinated.update(_coordinated_dates(text, len(dates), mine, alive, lang))
    reported_ids = {id(d) for d, _, _ in reported}
    lone = _lone_date(dates, date_owner, undated, reported_ids, mine, alive, text, ctx.syntax)
    coordinated.update(lone)
    changed |= set(coordinated)
    for trig in alive:
        if id(trig) in changed:
            built[id(trig)] = build(trig) or built[id(trig)]
    dropped.settle(sentence, live, built, build, ctx)
    out = []
    held: list[tuple[Force, Draft]] = []  # the events of cues inside a force's clause that lists its nations
    modifiers = {id(built[id(t)]) for t in alive if _troop_modifier(t, text, ctx.syntax)}
    for trig in alive:
        draft = built[id(trig)]
        if draft is not None and _third_party_demand(draft, trig, whos, text, ctx.syntax, lang):
            dropped.draft(draft, "third_party_demand")
            continue
        if draft is not None and possessive_owner(trig, whos, text, lang) is not None:
            out.append(draft)  # "MONUSCO, whose own drawdown ...": the antecedent's move, no co-actors
            continue
        if draft is not None:
            holder = next((f for f, a, b in listing if a <= trig.start < b), None)
            if holder is not None:  # "an der ... beteiligt sind": one event of the force, not one per nation
                keep = draft.force is None and holder.accepts(draft.actor_country)
                held.append((holder, replace(draft, force=holder.name) if keep else draft))
                continue
            out.append(draft)
            ours = scope(trig)
            out.extend(_co_actor_drafts(draft, [w for w in mine_whos(trig) if ours(w.start)], text, sentence, ctx))
    # the force's own event in the main clause tells the same presence
    out.extend(d for f, d in held if not any(o.force == f.name for o in out))
    dropped.drafts([d for _, d in held], out, "held_by_force")
    # "the last of the 1,500 French soldiers stationed in Niger left the country": the presence names the troops
    # that leave, no deployment of its own
    out = dropped.drafts(out, _drop_modifiers(out, modifiers), "troop_modifier")
    # "The 600 Belgian soldiers, who are still based in Niamey, will leave Niger": a relative clause with no date of
    # its own that says where the leaving troops stand is background, no deployment of its own
    # "left Chad after officials questioned the legal basis of their presence": the presence of the troops that leave
    theirs = {id(built[id(t)]) for t in alive if _their_presence(t, text, ctx.syntax)}
    out = dropped.drafts(
        out, [d for d in out if id(d) not in theirs or not any(o.action == "withdrawal" for o in out)], "their_presence"
    )
    background = {id(built[id(t)]) for t in alive if _background_presence(t, costs, dates, whos, text, ctx.syntax)}
    if background:
        out = dropped.drafts(out, _drop_background(out, background), "background_presence")
    if not out or any(d.action != "cooperation_ended" for d in out):
        # "Les généraux au pouvoir à Niamey avaient dénoncé les accords. Une partie des soldats sera transférée
        # au Tchad": a government that ended an agreement is not whose soldiers the next sentence moves
        _carry_subject(ctx, subject)
    return dropped.drafts(out, _one_move(out), "one_move")


def _their_presence(trig: Trigger, text: str, syn: _Syntax) -> bool:
    """A presence noun right after a possessive ("their presence", "ihrer Stationierung", "leur présence"): it
    points back to troops the sentence names, whose move is the happening."""
    if trig.action != "deployment" or trig.kind != "noun":
        return False
    return any(0 <= trig.start - m.end() <= 1 for m in sentence_matches(syn, "possessive", text))


def _background_presence(
    trig: Trigger, costs: _Costs, dates: list[DateMention], whos: list[Who], text: str, syn: _Syntax
) -> bool:
    """A presence cue inside a relative clause set off by commas that holds no date phrase of its own and is about
    troops or who sends them: the clause describes the troops of the main clause ("Germany, which has 1,100
    soldiers serving with MINUSMA, said it would bring them home"); one with a date ("which has been stationed in
    Gao since 2019") tells a happening, and one about a camp ("the camp, which housed 220 soldiers, was handed
    over") names the troops only there. An arrival is a happening even there ("who had arrived in Ménaka")."""
    if trig.action != "deployment" or trig.status == "completed":
        return False
    clause = costs.inside(trig.start)
    if clause is None or any(clause[0] <= d.start < clause[1] for d in dates):
        return False
    head = text[: clause[0]].rstrip()
    return any(w.end == len(head) for w in whos) or any(
        m.end() == len(head) for m in syn.troop_noun.finditer(text, max(0, len(head) - 40), len(head))
    )


def _drop_background(out: list[Draft], background: set[int]) -> list[Draft]:
    """The drafts without the background presences that describe troops a main clause moves; the count the
    presence held ("which has about 1,100 soldiers") is the mover's when it names none."""
    kept: list[Draft] = []
    for d in out:
        if id(d) not in background or not any(_moves_them(o, d, background) for o in out):
            kept.append(d)
    for i, o in enumerate(kept):
        lent = next((d for d in out if d not in kept and _moves_them(o, d, background) and d.troops), None)
        if o.troops is None and lent is not None:
            kept[i] = replace(o, troops=lent.troops, troops_text=lent.troops_text)
    return kept


def _moves_them(o: Draft, d: Draft, background: set[int]) -> bool:
    """Whether `o`, told in the main clause, moves the troops the background presence `d` describes: a withdrawal
    or redeployment of the same actor from the same country."""
    return (
        id(o) not in background
        and o.action in ("withdrawal", "redeployment")
        and d.actor_country is not None
        and o.actor_country == d.actor_country
        and o.location is not None
        and d.location is not None
        and o.location.place.country == d.location.place.country
    )


def _other_clause(pos: int, trig: Trigger, costs: _Costs) -> bool:
    """Whether `pos` lies in an embedded relative clause that does not hold the cue."""
    clause = costs.inside(pos)
    return clause is not None and not clause[0] < trig.start < clause[1]


def _main_subject(subject: Who | None, trig: Trigger, costs: _Costs, named: list[Who]) -> Who | None:
    """The sentence's subject, unless it stands in a relative clause that does not hold the cue: then the first
    name outside it."""
    if subject is None or not _other_clause(subject.start, trig, costs):
        return subject
    return next((w for w in named if w.weight <= 1.0), None)


def _clause_subject(subject: Who | None, here: list[Who]) -> Who | None:
    """The subject a cue reads: the sentence's, unless the cue's own clause names an actor of its own, then the
    first of that clause ("..., while Italy stays in Niamey": Italy, not the subject of the first clause)."""
    if not here or subject in here:
        return subject
    return next((w for w in here if w.weight <= 1.0), None)


def _own_clause_owners(
    items: Sequence[TroopCount | DateMention],
    owners: list[Trigger | None],
    live: list[Trigger],
    spans: list[tuple[int, int]],
    costs: _Costs,
) -> None:
    """A number or date that went to a cue of another coordinate clause goes to the nearest cue of its own
    clause, when that holds one ("zog im März ab und Ungarn schickte im Juni 80 Soldaten": June is the
    second verb's)."""
    for i, item in enumerate(items):
        unit = next((u for u in spans if in_span(item.start, u)), None)
        owner = owners[i]
        if unit is None or owner is None or in_span(owner.start, unit):
            continue
        mine = [t for t in live if in_span(t.start, unit)]
        if mine:
            owners[i] = min(mine, key=lambda t: costs.between((item.start, item.end), (t.start, t.end)))


def _third_party_demand(draft: Draft, trig: Trigger, whos: list[Who], text: str, syn: _Syntax, language: str) -> bool:
    """ "Turkey demands that Haftar's forces leave Sirte", "l'ONU appelle les mercenaires à quitter la Libye": a
    move that a third country demands is no event; one the host demands ("Senegal demanded the departure of
    French troops from its soil") is a withdrawal the annotators count as planned."""
    at = demand_before(text, trig, language)
    if at is None or draft.location is None:
        return False
    host = draft.location.place.country
    lo = clause_start(text, at)
    verb = re.match(r"[\w'’-]+(?:\s+[\w'’-]+){0,2}", text[at:])  # "In Libyen fordert die Türkei": after the verb
    hi = at + (verb.end() if verb else 0)
    demanders = {  # who demands: the clause's subject, not a place it is said in ("in Libyen")
        w.country
        for w in whos
        if lo <= w.start and w.end <= min(hi, trig.start) and w.country and not _tied(text, w.start, syn)
    }
    return bool(demanders) and host not in demanders  # the actor too may be the demander's, borrowed wrongly


def _troop_modifier(trig: Trigger, text: str, syn: _Syntax) -> bool:
    """A presence verb that qualifies a troop noun: after it ("soldiers stationed in", "militaires français
    stationnés au") or before it ("die in Niger stationierten Soldaten")."""
    if trig.action != "deployment" or trig.kind != "verb" or not _PARTICIPLE.search(trig.text):
        return False
    for m in syn.troop_noun.finditer(text, max(0, trig.start - 40), min(len(text), trig.end + 40)):
        # the noun before the participle where adjuncts follow the verb (en, fr), after it in German
        before = m.end() <= trig.start
        if before != syn.adjuncts_follow_verb or (not before and m.start() < trig.end):
            continue
        gap = text[m.end() : trig.start] if before else text[trig.end : m.start()]
        if re.fullmatch(r"\s+(?:[^\W\d]+\s+)?", gap):  # at most an adjective between: "militaires français"
            return True
    return False


_PARTICIPLE = re.compile(r"(?:ed|é|ée|és|ées|ten|te)$")  # "stationed", "stationnés", "stationierten"


def _drop_modifiers(out: list[Draft], modifiers: set[int]) -> list[Draft]:
    """The drafts without the presences that only modify the troops a withdrawal moves; the count the presence
    held ("Les derniers des quelque 1 500 soldats français déployés au Niger ont quitté le pays") is the
    withdrawal's when it names none."""
    dropped = [d for d in out if id(d) in modifiers and any(_same_withdrawal(o, d) for o in out)]
    kept = [d for d in out if not any(d is x for x in dropped)]
    for i, o in enumerate(kept):
        lent = next((d for d in dropped if d.troops and not d.troops_whole and _same_withdrawal(o, d)), None)
        if o.troops is None and lent is not None:
            kept[i] = replace(o, troops=lent.troops, troops_text=lent.troops_text)
    return kept


def _same_withdrawal(o: Draft, d: Draft) -> bool:
    """Whether `o` is the withdrawal of the troops of `d`, from the same country."""
    return (
        o.action == "withdrawal"
        and o.actor_country == d.actor_country
        and o.location is not None
        and d.location is not None
        and o.location.place.country == d.location.place.country
    )


def _victims_adjunct(trig: Trigger, text: str, syn: _Syntax) -> bool:
    """Whether a noun cue is an adjunct of a verb that tells what befell the troops ("were detained on
    arrival", "ont été arrêtés à leur arrivée", "die bei ihrer Ankunft festgenommen wurden")."""
    if trig.kind != "noun" or trig.action == "strike":  # "a drone strike killed 20 people": the strike's doing
        return False
    head = text[max(0, trig.start - 50) : trig.start]
    if syn.victim_before.search(head):
        return True
    mark = _CLAUSE_END.search(text, trig.end)
    tail = text[trig.end : mark.start() if mark else len(text)]
    return not syn.adjuncts_follow_verb and bool(syn.victim_after.match(tail))  # verb-final: the verb comes after


def _object_of(agreement: Trigger, cue: Trigger, text: str) -> bool:
    """ "a dénoncé l'accord relatif au statut des forces françaises sur son sol": a presence named right after
    an ended agreement, in its phrase, is what the agreement was about, no deployment of its own."""
    return 0 <= cue.start - agreement.end <= 40 and not _CLAUSE_END.search(text, agreement.end, cue.start)


def _one_move(drafts: list[Draft]) -> list[Draft]:
    """ "pulled out of Burkina Faso and were moved to Niger", "ont quitté Aguelhok pour rejoindre Kidal": the
    departure and the arrival of a move the same sentence tells are that move, not events of their own."""
    moves = [d for d in drafts if d.action == "redeployment" and d.destination is not None]
    if not moves:
        return drafts
    out: list[Draft] = []
    sides: dict[int, list[Draft]] = {}
    for d in drafts:
        move = next((m for m in moves if m is not d and _side_of(d, m)), None)
        if move is None:
            out.append(d)
        else:
            sides.setdefault(id(move), []).append(d)
    for i, m in enumerate(out):
        for side in sides.get(id(m), []):
            if m.troops is None and side.troops is not None:
                m = replace(m, troops=side.troops, troops_text=side.troops_text)
            if m.date_text is None and side.date_text is not None:
                m = replace(
                    m,
                    date=side.date,
                    date_precision=side.date_precision,
                    date_text=side.date_text,
                    date_kind=side.date_kind,
                )
        out[i] = m
    return out


def _side_of(d: Draft, move: Draft) -> bool:
    if d.actor_country != move.actor_country or (d.force and move.force and d.force != move.force):
        return False
    if d.troops is not None and d.troops != move.troops:
        return False  # "withdraw its 1,000 soldiers from Mali and move some of them to Niger": two happenings
    if {d.status, move.status} & {"planned", "announced"} and "completed" in {d.status, move.status}:
        return False  # "the first convoy left Ouallam for N'Djamena, and the rest are to leave Niger": two
    if d.action == "withdrawal":
        return d.location.place.country == move.location.place.country
    if d.action == "deployment" and move.destination is not None:
        # a presence ("are stationed in Beni") is none of the move's, unless it names the move's own goal with
        # the move's own status ("a dépêché des renforts de Kisangani vers Beni": the reinforcements are the move)
        same_goal = (
            d.position > move.position  # the move's object, not the move's own verb read as a presence
            and d.location.place.name == move.destination.place.name
            and d.status == move.status
        )
        return d.location.place.country == move.destination.place.country and (d.status != "ongoing" or same_goal)
    return False


def _own_counts(
    trig: Trigger, counts: list[TroopCount], owners: list[Trigger | None], costs: _Costs, text: str
) -> list[TroopCount]:
    """The counts a cue owns; a cue inside a relative clause shares the count of its antecedent
    ("The 400 soldiers of Task Force Sabre, who had been based in Kamboinsin, left")."""
    mine = [c for c, owner in zip(counts, owners, strict=True) if owner is trig]
    clause = costs.inside(trig.start)
    if mine or clause is None:
        return mine
    return [c for c in counts if c.end <= clause[0] and len(text[c.end : clause[0]].split()) <= 4]


def _member_country(place: PlaceMention, force: Force) -> bool:
    """A whole country that is itself a member of the force (not a town where its troops are)."""
    return place.place.feature == "country" and place.place.country in force.contributors


def _force_clauses(whos: list[Who], text: str, syn: _Syntax, language: str) -> list[tuple[Force, int, int]]:
    """ "Takuba, an der neben Frankreich Estland, Tschechien und Schweden beteiligt sind,", "la force Takuba, à
    laquelle participent l'Estonie, la Suède et l'Italie,": a relative clause after a force that lists the
    nations taking part in it, as (force, start, end); a comma followed by another nation continues the list."""
    out = []
    for w in whos:
        if w.force is None:
            continue
        m = syn.force_relative.match(text, w.end)
        if m is None:
            continue
        # every country named, actor or not ("an der Estland, Tschechien und Schweden beteiligt sind")
        nations = [v for v in find_actors(text, language) if v.country and v.kind == "country" and v.start >= m.end()]
        stop = m.end()
        while True:
            mark = _CLAUSE_END.search(text, stop)
            brk = syn.breaks.search(text, stop, mark.start() if mark else len(text))
            if brk is not None or mark is None or mark.group() != ",":
                stop = brk.start() if brk else (mark.start() if mark else len(text))
                break
            nxt = mark.end() + len(text[mark.end() :]) - len(text[mark.end() :].lstrip())
            if not any(v.start <= nxt + 4 and v.start >= nxt for v in nations):
                stop = mark.start()
                break
            stop = mark.end()
        inside = [v for v in nations if v.end <= stop]
        if len(inside) >= 2 and all(w.force.accepts(v.country) for v in inside):
            out.append((w.force, m.end(), stop))
    return out


def _co_actor_drafts(draft: Draft, whos: list[Who], text: str, sentence: Sentence, ctx: _Context) -> list[Draft]:
    """ "Britain and Côte d'Ivoire announced they would withdraw": one event per country of the list
    that names the event's actor (each at home when it is their cooperation that ends)."""
    actor = draft.actor_country
    if actor is None or actor in ("UN", "EU") or draft.location is None:
        return []
    # countries named as subjects; adjectives of one troop noun ("Swedish, German and Senegalese peacekeepers")
    # share one count and stay one event
    nations = [w for w in whos if w.country and not w.force and w.weight <= 1.0 and w.kind in _NATION_KINDS]
    mates: list[str] = []
    for i, w in enumerate(nations):
        if w.country != actor:
            continue
        for step in (-1, 1):
            k = i
            while 0 <= k + step < len(nations):
                a, b = (nations[k + step], nations[k]) if step < 0 else (nations[k], nations[k + step])
                if a.end > b.start or not ctx.syntax.list_join.fullmatch(text[a.end : b.start]):
                    break
                k += step
                mates.append(nations[k].country or "")
    cue = draft.position - sentence.start
    for m in ctx.syntax.followers.finditer(text, cue):
        # "Le Mali a quitté le G5 Sahel, suivi en décembre par le Burkina Faso et le Niger": the same move
        after = [a for a in find_actors(text, ctx.language) if a.start >= m.end() and a.kind in ("country", "capital")]
        if not after or not ctx.syntax.determiner_gap.fullmatch(text, m.end(), after[0].start):
            continue
        if draft.location.start <= sentence.start + after[0].start < draft.location.end:
            continue  # "along its northern borders with Burkina Faso and Niger": the event's own place
        mates.append(after[0].country or "")
        for a, b in pairwise(after):
            if a.end > b.start or not ctx.syntax.list_join.fullmatch(text[a.end : b.start]):
                break
            mates.append(b.country or "")
    force = force_by_name(draft.force) if draft.force else None
    out = []
    for code in dict.fromkeys(mates):
        if code in ("", actor, "UN", "EU"):
            continue
        location = draft.location
        if draft.action == "cooperation_ended" and location.place.country == actor:
            location = _country_mention(code, ctx, text="", sentence=sentence) or location
        elif location.place.country == code and draft.action != "strike":
            continue  # "French and Malian troops in Mali": the host's own army is no deployment
        keep = draft.force if force is None or force.accepts(code) else None
        out.append(replace(draft, actor_country=code, location=location, force=keep))
    return out


def _carry_subject(ctx: _Context, subject: Who | None) -> None:
    if subject is None or (subject.country is None and subject.force is not None and not subject.force.listed):
        return  # "Operation Mirador was launched": an operation the registry does not know names no one
    ctx.subject = subject.country or (subject.force.default_actor if subject.force else None)
    ctx.subject_at = ctx.paragraph
    ctx.subject_force = subject.force if subject.force is None or subject.force.listed else None


def _auxiliary(trig: Trigger, counts: list[TroopCount], text: str, syn: _Syntax) -> bool:
    """Whether a past participle closes the cue's clause after the count the cue would take (a verb-final
    clause: the cue is the auxiliary of that participle, not a verb of presence)."""
    after = [c for c in counts if c.start >= trig.end]
    if not after:
        return False
    stop = _CLAUSE_END.search(text, after[0].end)
    end = stop.end() if stop else len(text)
    if _CLAUSE_END.search(text, trig.end, after[0].start):
        return False
    return syn.final_participle.search(text, after[0].end, end) is not None


def _count_taken(trig: Trigger, counts: list[TroopCount], others: list[Trigger], costs: _Costs, limit: float) -> bool:
    """Every count after a verb such as "have" is nearer to another cue after that verb."""
    span = (trig.start, trig.end)
    mine = [c for c in counts if c.start >= trig.end and costs.between(span, (c.start, c.end)) <= limit]
    return bool(mine) and all(
        any(
            o.start >= trig.end
            and o.kind == "verb"
            and costs.between((o.start, o.end), (c.start, c.end)) < costs.between(span, (c.start, c.end))
            for o in others
        )
        for c in mine
    )


def _count_follows(
    trig: Trigger, counts: list[TroopCount], costs: _Costs, limit: float, casualties: re.Pattern[str], text: str
) -> bool:
    """ "keeps about 1,500 soldiers": a verb such as "keep" or "have" states troops only before a count;
    "has lost 230 peacekeepers" counts the dead, not a presence."""
    return any(
        c.start >= trig.end
        and costs.between((trig.start, trig.end), (c.start, c.end)) <= limit
        and not casualties.search(text, trig.end, c.start)
        for c in counts
    )


@dataclass(frozen=True, slots=True)
class _DateChoice:
    """The date phrases a cue owns, read backward and forward in time, and those of the announcement."""

    past: list[DateMention]
    future: list[DateMention]
    announced: list[DateMention]
    reported: list[DateMention]
    reported_after: list[DateMention]


def _assign(
    items: Sequence[TroopCount | DateMention],
    triggers: list[Trigger],
    costs: _Costs,
    limit: float,
    *,
    prefer_left: bool = False,
    text: str = "",
    syntax: _Syntax | None = None,
) -> list:
    """Each number or date goes to the nearest cue of its sentence, or to none beyond `limit`; where
    adjuncts follow their verb ("based in Mali for nine years"), a cue before the phrase wins a tie,
    and a cue after "and" only takes a phrase no cue before it can ("withdrew from Afghanistan in
    2010 and deployed to Mali in 2014": 2010 is the withdrawal's)."""
    owners = []
    for item in items:
        best = None
        best_key = (True, limit)
        for trig in triggers:
            c = costs.between((item.start, item.end), (trig.start, trig.end))
            if prefer_left and trig.start > item.start:
                c += 1.5
            crosses = bool(
                prefer_left
                and syntax is not None
                and trig.start >= item.end
                and syntax.coordinator.search(text, item.end, trig.start)
            )
            if c <= limit and (crosses, c) <= best_key:
                best, best_key = trig, (crosses, c)
        owners.append(best)
    return owners


def _pass_on(
    items: Sequence[TroopCount | DateMention],
    owners: list,
    alive: list[Trigger],
    costs: _Costs,
    limit: float,
) -> set[int]:
    """What a cue that made no event owned goes to the nearest cue that made one and owns nothing of
    the kind ("the detachment ... was brought home in April": the cue whose place failed held the
    date). Returns the ids of the cues that gained something."""
    alive_ids = {id(t) for t in alive}
    has = {id(o) for o in owners if o is not None and id(o) in alive_ids}
    changed: set[int] = set()
    for i, item in enumerate(items):
        if owners[i] is not None and id(owners[i]) in alive_ids:
            continue
        free = [t for t in alive if id(t) not in has]
        cost = {id(t): costs.between((item.start, item.end), (t.start, t.end)) for t in free}
        best = min(free, key=lambda t: cost[id(t)], default=None)
        if best is not None and cost[id(best)] <= limit:
            owners[i] = best
            has.add(id(best))
            changed.add(id(best))
    return changed


def _date_clauses(
    text: str, dates: list[DateMention], owners: list, live: list[Trigger], language: str
) -> tuple[dict[int, Trigger], set[int]]:
    """ "The departure was set in motion in March, when the junta that seized power in a coup last July
    revoked the agreement": the clause opened by "when" is dated by the date before it (March), and a
    date inside that clause before its cue ("last July") is a relative clause's, not the cue's.
    Returns the dates that also date a cue, and those taken from the cue they were nearest to."""
    opener = date_clause(language)
    also: dict[int, Trigger] = {}
    taken: set[int] = set()
    for i, d in enumerate(dates):
        m = opener.match(text, d.end)
        if m is None:
            continue
        # the clause's own cue: the first after the opener, or after the last date of a relative clause
        # that stands between ("lorsque la junte installée au pouvoir en octobre dernier a expulsé")
        after = [t for t in live if t.start >= m.end() and len(text[m.end() : t.start].split()) <= _MAX_DATE_COST]
        inner = [e.end for e in dates if m.end() <= e.start and any(t.start >= e.end for t in after)]
        trig = min((t for t in after if t.start >= max(inner, default=0)), key=lambda t: t.start, default=None)
        if trig is None:
            continue
        if owners[i] is not trig:
            also[i] = trig
        taken |= {j for j, e in enumerate(dates) if j != i and m.end() <= e.start < trig.start and owners[j] is trig}
    return also, taken


def _coordinated_dates(
    text: str, n_dates: int, mine: Callable[[int, Trigger], bool], alive: list[Trigger], language: str
) -> dict[int, list[int]]:
    """ "Die Junta hatte im vergangenen Jahr die Spezialkräfte des Landes verwiesen und das Abkommen
    aufgekündigt": a verb with no date of its own, joined by "and" to one with a date (no comma
    between), shares it. Maps a cue's id to the indexes of the dates it shares."""
    joiner = coordinator(language)
    owned = {id(t): [i for i in range(n_dates) if mine(i, t)] for t in alive}
    out: dict[int, list[int]] = {}
    for trig in alive:
        if owned[id(trig)]:
            continue
        for other in sorted(alive, key=lambda o: abs(o.start - trig.start)):
            if not owned[id(other)] or other is trig:
                continue
            gap = text[min(trig.end, other.end) : max(trig.start, other.start)]
            if joiner.search(gap) and not re.search(r"[,;:()]", gap) and len(gap.split()) <= _MAX_DATE_COST:
                out[id(trig)] = owned[id(other)]
                break
    return out


def _lone_date(
    dates: list[DateMention],
    owners: list,
    undated: set[int],
    reported: set[int],
    mine: Callable[[int, Trigger], bool],
    alive: list[Trigger],
    text: str,
    syn: _Syntax,
) -> dict[int, list[int]]:
    """ "Les commandos ont quitté la base de X, près de Y, en février": a date phrase too far from every cue
    to be owned, when it is the only unowned point in time of the sentence, dates the cues that have no
    date of their own (none else in the sentence could be meant). Maps a cue's id to that date's index."""
    free = [
        i
        for i, d in enumerate(dates)
        if owners[i] is None and i not in undated and id(d) not in reported and d.kind == "point"
    ]
    if len(free) != 1 or any(owners[i] is None and i != free[0] for i in range(len(dates))):
        return {}
    d = dates[free[0]]
    breaks = (
        [] if fronted_date(d, text) else [m.start() for m in sentence_matches(syn, "marks", text) if m.lastgroup == "b"]
    )
    return {
        id(t): free
        for t in alive
        if not any(mine(i, t) for i in range(len(dates)))
        and not any(min(t.end, d.end) <= b < max(t.start, d.start) for b in breaks)  # in the cue's own clause
    }


def _shared_counts(
    counts: list[TroopCount],
    owners: list,
    alive: list[Trigger],
    costs: _Costs,
    limit: float,
    text: str,
    whos: list[Who],
) -> dict[int, int]:
    """A count that is the subject of two verbs ("the 150 peacekeepers stationed there will be
    redeployed") is also the later verb's, when nothing but words stands between (no comma, no
    other troops named). Maps a cue's id to the index of the count it shares."""
    owned = {id(o) for o in owners if o is not None}
    shared: dict[int, int] = {}
    for trig in alive:
        before = [i for i, c in enumerate(counts) if c.end <= trig.start]
        if id(trig) in owned or not before:
            continue
        i = before[-1]
        count, owner = counts[i], owners[i]
        words = len(text[count.end : trig.start].split())
        if (
            owner is not None
            and owner is not trig
            and count.end <= owner.start  # the count stands before both verbs: their subject
            and costs.between((count.start, count.end), (trig.start, trig.end)) <= min(limit, words)
            and not any(count.end <= w.start < trig.start and text[count.end : w.start].strip() for w in whos)
        ):  # no other troops named between ("soldats suédois": the count's own adjective is no other)
            shared[id(trig)] = i
    return shared


def _draft(
    trig: Trigger,
    *,
    sentence: Sentence,
    ctx: _Context,
    costs: _Costs,
    whos: list[Who],
    subject: Who | None,
    places: list[PlaceMention],
    counts: list[TroopCount],
    dates: _DateChoice,
    cues: dict[str, list[tuple[int, int]]],
    forces: Sequence[ForceMention] = (),
    others: Sequence[Trigger] = (),
) -> Draft | None:
    text = sentence.text
    syn = ctx.syntax
    span = (trig.start, trig.end)
    count = min(counts, key=lambda c: costs.between((c.start, c.end), span), default=None)
    count = None if count is not None and count.whole and trig.action != "deployment" else count  # half of its 1,400
    troop_np = count is not None or _near_troop_noun(text, span, costs, syn)
    # "They were flown in from Chad", "Ihre Ausbildungsmission haben sie ... verlagert": the last sentence's subject
    pronoun = ctx.subject is not None and any(
        costs.between(m.span(), span) <= 6 for m in sentence_matches(syn, "pronoun", text)
    )
    troop_np = troop_np or pronoun
    if trig.needs_troops and not troop_np:  # "the Africa Corps arrived", "l'armée malienne s'est installée"
        troop_np = _force_stands_for_troops(whos, span, costs)
    if trig.needs_troops and not troop_np:
        return dropped.lost("no_troop_noun", trig, sentence, ctx)
    if trig.needs_count and count is None and not placed_troop_object(text, trig, places, sentence.start, ctx.language):
        return dropped.lost("no_count", trig, sentence, ctx)
    # whose troops: the rules of geo/owners.py, in their order (those that read the place, after it below)
    reading = OwnerReading(
        trig, sentence, ctx, costs, whos, subject, count, troop_np, pronoun, lambda: _home_of(sentence, ctx), forces
    )
    owner = owners_before_place(reading)
    if owner is None:
        return dropped.lost("owner", trig, sentence, ctx)
    country, force = owner
    location, destination = _where(trig, text, costs, places, ctx, country, sentence.start, force, others)
    moves = trig.action in ("deployment", "redeployment")
    # a country, or a town an anaphor took from a sentence before ("sa frontière nord, où ... pour s'y replier")
    countrywide = location is None or (
        location.place.feature == "country" or not sentence.start <= location.start < sentence.start + len(text)
    )
    if destination is None and country is not None and moves and countrywide:
        # "Le Tchad a envoyé des renforts le long de sa frontière avec le Soudan, où ...": the border of its own
        # over the neighbour and over the article's country that an unplaced cue would fall back on
        border = _own_border(text, span, costs, places, sentence.start, country, ctx)
        border = border or _own_area(text, trig, costs, whos, sentence.start, country, ctx)
        border = border or _home_direction(text, span, costs, sentence, country, ctx)
        typed = None if border is not None else _typed_border(text, span, costs, sentence.start, country, ctx)
        border = border or typed
        moved = typed is not None and trig.action == "redeployment"  # "troops in Niger were moved to the border"
        if location is None or moved or (border is not None and _unplaced(location, sentence, border)):
            location, destination = (None, border) if trig.action == "redeployment" else (border, None)
    named_place = location  # a contributor is read against it, not against the host that replaces it below
    if trig.action == "cooperation_ended" and ctx.main_country:  # the host country whose agreements end
        host = _host_of_towns(text, places, sentence.start, ctx) or _scene_country(text, places, sentence.start, ctx)
        host = force.theatre[0] if force is not None and len(force.theatre) == 1 else host  # "EUCAP Sahel Niger"
        location = _country_mention(host, ctx, text="", sentence=sentence) or location
    owner = owners_after_place(reading, (country, force), location, destination, named_place)
    if owner is None:
        return dropped.lost("owner", trig, sentence, ctx, country, force, location)
    country, force = owner
    if trig.needs_destination and destination is None:
        return dropped.lost("no_destination", trig, sentence, ctx, country, force, location)

    action = trig.action
    if action == "deployment" and location is not None and destination is None and trig.kind == "verb":
        origin = _origin_town(text, trig, location, places, sentence.start, costs, syn)
        if origin is not None:  # "300 soldiers were sent from Gao to Tessit": a move from one town to another
            action, location, destination = "redeployment", origin, location
    if action == "deployment" and location is not None and destination is None:
        arrival = _arrival(trig, text, location, sentence.start, ctx)
        if arrival is not None:  # "They were flown in from the garrisons in N'Djamena": from there to here
            action, destination = "redeployment", arrival
            if location.place.country == country:  # "airlifted from France": from home, a deployment
                action, location, destination = "deployment", arrival, None
    if action == "withdrawal" and destination is not None:
        if location is not None and _elsewhere(location, destination):
            action = "redeployment"
        else:
            destination = None
    if trig.host:
        destination, location = location, None
        if destination is None:
            return dropped.lost("no_place", trig, sentence, ctx, country, force)
        moves = ("withdrawal", "redeployment")
        leaving = any(t.action in moves and not t.host for t in find_triggers(text, ctx.language))
        if ctx.main_country and ctx.main_country != destination.place.country and leaving:
            # "after the French withdrawal, Niger agreed to host the European forces": they move there
            location = _country_mention(ctx.main_country, ctx, text="", sentence=sentence)
        else:
            action, location, destination = "deployment", destination, None
    if action == "redeployment" and (location is None or destination is None):
        if destination is not None and location is None:
            location = None if destination.place.country == country else _fallback_location(ctx, sentence, country)
            if location is None and destination.place.country == country:
                # "Der Tschad hat 3000 Soldaten nach Abéché verlegt": a move at home from somewhere unsaid is
                # troops sent there (whether it is an event at all, the home rule below decides)
                action, location, destination = "deployment", destination, None
        if location is None or destination is None or not _elsewhere(location, destination):
            goal = destination  # "Belgien verlegte 80 Soldaten nach Gao", from nowhere said: troops sent to Gao
            action, destination = ("deployment", None) if destination is not None else (action, None)
            location = location if goal is None and location is not None else goal or location
            if action == "redeployment":
                return dropped.lost("redeployment_unplaced", trig, sentence, ctx, country, force, location)
    if (
        action == "withdrawal"
        and force is not None
        and force.kind == "coalition"
        and country in force.contributors
        and count is None
        and not _own_troops_leave(text, span, costs, syn)  # "pulling its troops out of the force"
        and (
            location is None
            or _member_country(location, force)
            or location.place.country == country  # "Dass Burkina Faso die G5-Truppe verlassen hat, bedauert in
            # Ouagadougou niemand": a member's troops at home do not withdraw from home
            # "la junte malienne a annoncé son retrait du G5 Sahel" in an article set at a Mauritanian camp: a
            # place the sentence does not name, in a member's country, is not where the leaver's troops are
            or (
                not sentence.start <= location.start < sentence.end
                and location.place.country in force.contributors
                and location.place.country != country
            )
        )
    ):  # "Mali is leaving the G5 Sahel": a member leaves a joint force (no troops named), its cooperation ends
        action, location = "cooperation_ended", _country_mention(country, ctx, text="", sentence=sentence)
    elif _leaves_coalition_at_home(action, force, country) and _own_troops_leave(text, span, costs, syn):
        # the member's troops leave the force where they serve: at home, unless the sentence names the place
        inside = location is not None and sentence.start <= location.start < sentence.end
        location = location if inside else _country_mention(country, ctx, text="", sentence=sentence) or location
    if location is None:
        return dropped.lost("no_place", trig, sentence, ctx, country, force)
    if (
        action == "withdrawal"
        and country is not None
        and location.place.country == country
        and any(w.force and w.start >= trig.end for w in whos)
        and not any(w.force and w.end <= trig.start for w in whos)
        and not (
            _leaves_coalition_at_home(action, force, country) and _own_troops_leave(text, span, costs, syn)
        )  # "pulling its troops out of the MNJTF": the member's troops leave, at home
    ):  # "Niger's junta ... ending two EU missions in the country, EUCAP Sahel Niger": the host ends them
        action = "cooperation_ended"
    home_ok = action in ("cooperation_ended", "strike") or (trig.home and action == trig.action)
    home_ok = home_ok or _leaves_coalition_at_home(action, force, country)
    own = _home_move(
        action, trig, (location, destination), country, force, whos, costs, sentence.start, text, syn, ctx.home_movers
    )
    if country is not None and location.place.country == country and (own or not home_ok):
        named = whos + [  # with the partners that "alongside", "gemeinsam mit" kept out of the candidates
            Who(a.start, a.end, a.country, None, a.text, 0.0, a.kind)
            for a in find_actors(text, ctx.language)
            if a.kind in ("adjective", "army", "demonym")
            and not any(w.start == a.start for w in whos)
            and not syn.scenery_after.match(text, a.end)  # "to the Malian border": a place's adjective, no partner
        ]
        near = [w for w in named if costs.between((w.start, w.end), span) <= 4]  # the cue's own troops
        partner = foreign_partner(text, near, country)
        if partner is None and not home_ok and not own:
            return dropped.lost("at_home", trig, sentence, ctx, country, force, location, action)  # none abroad
        if partner is not None:  # (before an army's own move: "l'armée et Wagner entrent dans Kidal")
            country, force = partner  # "a joint French and Malian column entered Timbuktu": the foreign troops
    status = _status(trig, text, cues, costs, ctx.syntax.status_window)
    verb = " ".join([*text[: trig.start].split()[-2:], trig.text])  # "quitteront", "sera retiré"
    ahead = status == "planned" or in_future_tense(verb, ctx.language)
    owned = dates.future if ahead else dates.past
    if not ahead and status != "completed":  # "must complete its withdrawal by December 31": a deadline is ahead
        owned = [f if p.deadline else p for p, f in zip(dates.past, dates.future, strict=True)]
    if not owned and status == "announced":
        owned = dates.announced
    if not owned:
        owned = dates.reported
    if not owned and status == "completed":  # "France has completed the withdrawal, the staff announced on Sunday"
        owned = dates.reported_after
    owned = [d for d in owned if not year_inside_cue(d, trig.start, trig.end, counts)]
    owned = [d for d in owned if not names_year(d, text, ctx.language)]
    date = _date(nearest_first(owned, span, costs.between), status, action)
    owner = owners_after_date(reading, (country, force), date)
    if owner is None:
        return dropped.lost("owner", trig, sentence, ctx, None, None, location)  # nobody's troops left
    country, force = owner
    evidence = text
    confidence = 0.45 + 0.1 * (count is not None) + 0.1 * (date is not None) + 0.1 * (force is not None)
    confidence += 0.1 * (location.place.feature != "country") + 0.05 * (country is not None)
    return Draft(
        article_id=ctx.article.id,
        published=ctx.article.published,
        action=action,
        status=status,
        force=force.name if force and force.reported else None,
        actor_country=country,
        location=location,
        destination=destination,
        troops=count.value if count else None,
        troops_text=count.text if count else None,
        troops_peak=bool(count and count.peak),
        troops_whole=bool(count and count.whole),
        date=date.date if date else None,
        date_precision=date.precision if date else "unknown",
        date_text=date.text if date else None,
        date_kind=date.kind if date else None,
        evidence=evidence,
        position=sentence.start + trig.start,
        cue=trig.start,
        date_at=date.start if date else -1,
        confidence=min(confidence, 0.95),
        additive=any(costs.between(m.span(), span) <= 6 for m in sentence_matches(syn, "additive", text)),
    )


def _leaves_coalition_at_home(action: str, force: Force | None, country: str | None) -> bool:
    """ "Niger is pulling its troops out of the MNJTF", "werde ihre 1.500 Soldaten aus dem Bündnis abziehen": a
    member's troops that serve a joint force in their own country leave the force where they stand, at home."""
    if action != "withdrawal" or force is None or force.kind != "coalition" or country not in force.contributors:
        return False
    return not force.theatre or country in force.theatre  # the MNJTF serves in its members' lands, Takuba in Mali


def _troops_only(n: dict, compound: str) -> re.Pattern[str]:
    """The nouns of troops themselves ("troops", "Soldaten"), not of units or forces ("the regional force",
    "die G5-Truppe"), which name the joint force a member leaves."""
    nouns = [w for w in n.get("troop_nouns", []) if len(w) > 4]
    return re.compile(rf"(?<![\w-]){compound}(?:{_alt(nouns or [_NEVER])})(?![\w])", re.IGNORECASE)


def _own_troops_leave(text: str, span: tuple[int, int], costs: _Costs, syn: _Syntax) -> bool:
    """Whether the cue moves troops named beside it ("pulling its troops out of the MNJTF", "ihre 1.500 Soldaten
    aus dem Bündnis abziehen"): then a member's leaving a joint force is a withdrawal, not an ended cooperation."""
    return any(costs.between(m.span(), span) <= 4 for m in sentence_matches(syn, "troops_only", text))


def _origin_town(
    text: str,
    trig: Trigger,
    location: PlaceMention,
    places: list[PlaceMention],
    offset: int,
    costs: _Costs,
    syn: _Syntax,
) -> PlaceMention | None:
    """ "sent from Gao to Tessit", "acheminés de Gao vers Tessit": the town the troops come from, when the cue's
    clause names one with "from" right before the town they go to (both towns, no other verb between)."""
    if location.place.feature not in _TOWNS:
        return None
    dest = location.start - offset
    for m in places:
        rel = m.start - offset
        if m is location or m.place.feature not in _TOWNS or not trig.end <= rel < dest:
            continue
        roles = _role_cached(text, rel, syn, rel + len(m.text))
        gap = text[rel + len(m.text) : dest]
        near = costs.between((rel, rel + len(m.text)), (trig.start, trig.end)) <= _HOME_PLACE_COST
        if near and "from" in roles and "to" not in roles and not _CLAUSE_END.search(gap) and len(gap.split()) <= 6:
            return m
    return None


_OWNERS = ("country", "capital", "army", "adjective")  # who a possessive's "its border" may belong to


def _own_area(
    text: str, trig: Trigger, costs: _Costs, whos: list[Who], offset: int, country: str, ctx: _Context
) -> PlaceMention | None:
    """ "Guinea-Bissau has reinforced its northern border", "Lomé garde des troupes dans sa région des Savanes",
    "Côte d'Ivoire verlegt Soldaten in ihre Grenzregionen": a part of the country whose name (a country, its
    capital or its army) owns the possessive, tied to the cue (near it, or the place a ", where" clause holding
    the cue is about): the actor's own country, whatever the region's name."""
    syn = ctx.syntax
    for m in syn.own_area.finditer(text):
        near = costs.between(m.span(), (trig.start, trig.end)) <= _HOME_PLACE_COST
        if not near and not _where_clause_holds(syn, text, m.end(), trig):
            continue
        owners = [w for w in whos if w.end <= m.start() and w.country and w.kind in _OWNERS]
        if not owners or owners[-1].country != country:
            continue
        own = _country_place(country)
        if own is not None:
            return PlaceMention(ctx.article.id, offset + m.start(), offset + m.end(), m.group(0), own)
    return None


@cache
def _directions(language: str) -> re.Pattern[str]:
    """Where a move at home heads with no place named: "north", "vers le nord", "in den Norden" (syntax.json)."""
    words = (rules.load("syntax", language) or {}).get("move_directions", [])
    return re.compile(rf"(?<![\w])(?:{_alt(words or [_NEVER])})(?![\w])", re.IGNORECASE)


def _home_direction(
    text: str, span: tuple[int, int], costs: _Costs, sentence: Sentence, country: str, ctx: _Context
) -> PlaceMention | None:
    """ "Lomé has since moved several battalions north", "l'armée a envoyé des renforts vers le nord", "verlegte
    Truppen in den Norden": a move toward a part of the country, no place named, by an army whose sentence is set
    at home: the actor's own country (a foreign army "moving north" in its host's land is no move at home)."""
    if country in ("EU", "UN") or _home_of(sentence, ctx) != country:
        return None
    for m in _directions(ctx.language).finditer(text):
        if m.start() >= span[1] and costs.between(m.span(), span) <= _HOME_PLACE_COST / 2:
            own = _country_place(country)
            if own is not None:
                at = sentence.start + m.start()
                return PlaceMention(ctx.article.id, at, at + len(m.group(0)), m.group(0), own)
    return None


def _unplaced(location: PlaceMention, sentence: Sentence, border: PlaceMention) -> bool:
    """Whether a country found for a cue gives way to the actor's own border: a country the cue fell back on
    (not in the sentence), or the neighbour the border phrase names ("sa frontière avec le Soudan")."""
    inside = sentence.start <= location.start < sentence.start + len(sentence.text)
    return not inside or border.start <= location.start < border.end


def _own_border(
    text: str,
    span: tuple[int, int],
    costs: _Costs,
    places: list[PlaceMention],
    offset: int,
    country: str,
    ctx: _Context,
) -> PlaceMention | None:
    """ "Chad has moved 3,000 soldiers to the border with Sudan", "à la frontière avec le Soudan", "an die Grenze
    zum Sudan": the neighbour is scenery; the troops stand at their own country's border (a border area of it)."""
    for m in places:
        rel = m.start - offset
        if m.place.feature != "country" or m.place.country == country or not 0 <= rel <= len(text):
            continue
        head = ctx.syntax.own_border.search(text, max(0, rel - 60), rel)
        if head is None or costs.between((head.start(), m.end - offset), span) > _HOME_PLACE_COST:
            continue
        own = _country_place(country)
        if own is not None:
            return PlaceMention(ctx.article.id, offset + head.start(), m.end, text[head.start() : rel] + m.text, own)
    return None


def _typed_border(
    text: str, span: tuple[int, int], costs: _Costs, offset: int, country: str, ctx: _Context
) -> PlaceMention | None:
    """ "Mauritania has deployed 500 soldiers to the Malian border", "à la frontière", "an die malische Grenze":
    a border named by a bare noun or a neighbour's adjective is where the troops are, in the country they stand
    in: the actor's own when the article is set at home, in the neighbour or nowhere said; else the article's
    scene ("French troops moved to the Malian border" in an article about Niger are in Niger)."""
    if country in ("EU", "UN"):
        return None
    for start, end, neighbour in border_phrases(text, ctx.language):
        if costs.between((start, end), span) > _HOME_PLACE_COST:
            continue
        host = _scene_or_main(ctx, None, headline=False)
        code = country if host in (None, country, neighbour) else host
        if code == neighbour and code != country:
            continue
        own = _country_place(code)
        if own is not None:
            return PlaceMention(ctx.article.id, offset + start, offset + end, text[start:end], own)
    return None


def _home_move(
    action: str,
    trig: Trigger,
    where: tuple[PlaceMention, PlaceMention | None],
    country: str | None,
    force: Force | None,
    whos: list[Who],
    costs: _Costs,
    offset: int,
    text: str,
    syn: _Syntax,
    movers: set[str],
) -> bool:
    """ "Niger has deployed 400 soldiers to the Tillabéri region", "l'armée malienne a massé des troupes à
    Anefis": an army's own move inside its country is an event when the sentence names that army (or its
    country or capital) before the cue as the one that moves, and ties to the cue a place inside the country
    more specific than the country. A mission serving abroad is back home, no event ("the last soldiers of
    the German MINUSMA contingent landed at Wunstorf")."""
    if action not in ("deployment", "redeployment", "withdrawal") or country is None or trig.needs_place:
        return False  # "are in", "trains", "operates": a presence or a training at home, no move
    if action == "withdrawal" and not _left_at_home(where[0], offset, text, syn):
        return False  # "the army withdrew from Pama": from a town of its own, not home ("flew back to Nairobi")
    if force is not None and country not in force.theatre and force.listed:
        return False  # (an operation the registry does not know, "under Operation Koundjoaré", is the army's own)
    places = [p for p in where if p is not None]
    if any(p.place.country != country or _broad(p) for p in places):
        return False
    if any(
        p.place.feature == "country"
        and not syn.own_border_head.match(p.text)
        and not syn.own_area.fullmatch(p.text)
        and not is_border_phrase(p.text, syn.language)  # "to the Malian border": _typed_border's
        and not _directions(syn.language).fullmatch(p.text)  # "moved several battalions north"
        for p in places
    ):
        return False  # the whole country is no place of a move at home; a border area of it is
    if all(
        p.place.feature == "country" and (syn.own_area.fullmatch(p.text) or _directions(syn.language).fullmatch(p.text))
        for p in places
    ):
        movers.add(country)  # "sa frontière nord, où 300 militaires ont été déployés": _own_area found its owner
        return True
    span = (trig.start, trig.end)
    # "a déployé début mai quelque 400 soldats ... du BIR dans le département du Mayo-Sava": the place may
    # follow the cue's troops (its object, a few words after it) rather than the cue itself
    nouns = sentence_matches(syn, "troop_noun", text)
    objects = [m.span() for m in nouns if m.start() >= trig.end and costs.between(span, m.span()) <= 6]
    tied = [min(costs.between((p.start - offset, p.end - offset), s) for s in [span, *objects]) for p in places]
    if min(tied) > _HOME_PLACE_COST:  # "since Déby's visit to Moscow ..., a deployment": a place of something else
        return False
    # the army that moves is the first one named before the cue in its clause: "wo die Bundeswehr nigrische
    # Spezialkräfte ausbildet", "after French jets bombed Malian positions": not the troops it acts upon
    before = [
        w for w in whos if w.start < trig.end and not syn.breaks.search(text, _past_bracket(text, w.end), trig.start)
    ]
    before = before or _inverted_subject(text, trig, whos, syn)
    if _home_operation(force, country) and any(w.force is force and w.end <= trig.start for w in whos):
        movers.add(country)  # "Operation Mirador, which has put close to 3,000 soldiers along its northern
        return True  # borders": the army's own operation at home moves it
    if not before:  # "... Another battalion would be sent to Ouallam": no army named, the one told moving at home
        return country in movers and trig.needs_troops
    first = before[0]
    if (first.country == country and first.force is None) or _own_operation(first, country):
        movers.add(country)
        return True

    return False


def _past_bracket(text: str, end: int) -> int:
    """Where a name's phrase ends when it stands in brackets: "les Forces armées de la RDC (FARDC) ont déplacé"
    names the army right before its verb; the closing bracket opens no clause."""
    return end + 1 if text[end : end + 1] == ")" else end


_INVERTED_GAP = 2  # words between a fronted verb and its subject: "verlegte die Armee", "verlegte die malische Armee"


def _inverted_subject(text: str, trig: Trigger, whos: list[Who], syn: _Syntax) -> list[Who]:
    """The subject of a verb-second main clause that opens on an adjunct ("Im März verlegte die Armee 800 Soldaten
    nach Diapaga", "Am Montag schickte Kamerun ..."): the army or country named right after the finite verb, in
    the languages whose subject may follow its verb."""
    if trig.kind != "verb" or not subject_may_follow(syn.language):
        return []
    for w in whos:
        if w.start < trig.end:
            continue
        gap = text[trig.end : w.start]
        near = len(gap.split()) <= _INVERTED_GAP and not _CLAUSE_END.search(gap)
        if near and w.kind in ("army", "country", "capital"):
            return [w]
        break
    return []


def _home_operation(force: Force | None, country: str) -> bool:
    """Whether a force is an army's operation in its own country ("Operation Mirador" of Benin's army, or one the
    registry does not know, named with an army at home), not one abroad ("Barkhane")."""
    if force is None:
        return False
    return not force.listed or (
        force.kind == "national_operation" and force.default_actor == country and country in force.theatre
    )


def _left_at_home(place: PlaceMention, offset: int, text: str, syn: _Syntax) -> bool:
    """Whether a withdrawal's place is a town of the sentence the troops leave ("withdrew from several outposts
    ... around Pama"), not one they go back to ("flew home to Nairobi") nor their whole country."""
    rel = place.start - offset
    if place.place.feature not in _SPECIFIC or not 0 <= rel < len(text):
        return False
    return "to" not in _role_cached(text, rel, syn, rel + len(place.text))


def _own_operation(who: Who, country: str) -> bool:
    """ "Troops of Operation Hadin Kai were deployed to Bama": a nation's own operation at home (registered with
    that nation as its lead and serving there) moves that nation's army."""
    force = who.force
    return (
        force is not None
        and who.country in (None, country)
        and force.kind == "national_operation"
        and force.lead == country
        and country in force.theatre
    )


def _host_of_towns(text: str, places: list[PlaceMention], offset: int, ctx: _Context) -> str | None:
    """ "a rendu aux autorités tchadiennes sa base de N'Djamena, après la dénonciation par le Tchad de l'accord":
    the country of the towns the sentence names (one country only; a capital known to stand for a sending
    government, "with Paris", is no town), where the ended agreement kept the troops; "the junta in Niamey",
    "die Militärregierung in Niamey" (a capital as the seat of a government) names the host itself."""
    syn = ctx.syntax
    seats = [
        (a.start, a.end)
        for a in find_actors(text, ctx.language)
        if a.kind == "capital"
        and not _seat(text, a.start, a.end, syn)
        and (
            a.country in ctx.senders  # whose troops the article told of: "l'accord qui le liait à Paris"
            or syn.place_veto.search(text[max(0, a.start - 60) : a.start])
            or not (syn.place_in.search(text[: a.start]) or syn.place_from.search(text[: a.start]))
        )
    ]
    codes = {
        m.place.country
        for m in places
        if m.place.feature in _TOWNS and not any(a <= m.start - offset < b for a, b in seats)
    }
    return next(iter(codes)) if len(codes) == 1 else None


def _scene_country(text: str, places: list[PlaceMention], offset: int, ctx: _Context) -> str | None:
    """ "In Niger, the authorities ended the agreement with France": the one country the sentence sets its
    scene in, else the article's country."""
    codes = {
        m.place.country
        for m in places
        if m.place.country
        and m.place.feature == "country"
        and "in" in _role_cached(text, m.start - offset, ctx.syntax, m.end - offset)
        and not ctx.syntax.place_veto.search(text[max(0, m.start - offset - 60) : m.start - offset])
    }
    return next(iter(codes)) if len(codes) == 1 else ctx.main_country


def _near_troop_noun(text: str, span: tuple[int, int], costs: _Costs, syn: _Syntax) -> bool:
    return any(costs.between(m.span(), span) <= 6 for m in sentence_matches(syn, "troop_noun", text))


def _force_stands_for_troops(whos: list[Who], span: tuple[int, int], costs: _Costs) -> bool:
    """A named force or a national army near the cue is troops without a troop noun: "the Africa Corps
    arrived", "une compagnie de l'armée malienne s'est installée", "Wagner ist eingerückt": named before it."""
    return any(
        (w.force is not None or w.kind == "army") and w.end <= span[0] and costs.between((w.start, w.end), span) <= 6
        for w in whos
    )  # the subject before its verb: "the forces that make up Takuba" are no troops of the cue


def _arrival(trig: Trigger, text: str, location: PlaceMention, offset: int, ctx: _Context) -> PlaceMention | None:
    """Where troops that arrive ("flown in from N'Djamena") arrive: the article's country, when the place the
    cue names comes after "from" in its own clause and lies in another country."""
    rel = location.start - offset
    if rel < trig.end or ctx.main_country in (None, location.place.country):
        return None
    gap = text[trig.end : rel]
    roles = _role_cached(text, rel, ctx.syntax, rel + len(location.text))
    if "," in gap or not ctx.syntax.origin.search(gap) or ("to" in roles and "in" not in roles):
        return None  # "flown from Chad to Mali": the place after "to" is where they go
    if ctx.syntax.coordinator.search(gap):
        return None  # "crossed into Nigeria and drove the insurgents from Gamboru": another verb's place
    return _country_mention(ctx.main_country, ctx, text="", sentence=None)


@lru_cache(maxsize=4096)
def _role_cached(text: str, start: int, syn: _Syntax, end: int) -> frozenset[str]:
    return frozenset(_role(text, start, syn, end))


def _tied(text: str, mention_start: int, syn: _Syntax) -> bool:
    """Whether a preposition ties the place to what is said ("in", "from", "to"): `_role` is not empty,
    read up to the first preposition found."""
    owner = genitive_owner_start(text, mention_start, syn.language)
    mention_start = mention_start if owner is None else owner  # "in Malis Norden": the owner's preposition
    before = text[max(0, mention_start - 60) : mention_start]
    place_in, place_from, place_to = _tie_patterns(syn)
    return bool(place_in.search(before) or place_from.search(before) or place_to.search(before))


def _tied_here(ctx: _Context, text: str, at: int) -> bool:
    """`_tied` of a name of the sentence being read, asked once however many steps ask it (the clause split and
    the actor candidates); kept with the sentence's other memos, until the next sentence."""
    memo = _sentence_memo(ctx, text)
    key = ("tied", at)
    known = memo.get(key)
    if known is None:
        known = memo[key] = _tied(text, at, ctx.syntax)
    return known


@cache
def _tie_patterns(syn: _Syntax) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """ "in", "from", "to" before a place, gated (the same matches), found once per language."""
    return gated(syn.place_in), gated(syn.place_from), gated(syn.place_to)


def _role(text: str, mention_start: int, syn: _Syntax, mention_end: int | None = None) -> set[str]:
    owner = genitive_owner_start(text, mention_start, syn.language)
    if owner is not None:  # "into Nigeria's Borno state", "in Nigers Hauptstadt Niamey": the owner's preposition
        mention_start = owner
    before = text[max(0, mention_start - 60) : mention_start]
    roles = set()
    if mention_end is not None and syn.from_after.match(text, mention_end):
        roles.add("from")  # "die Bundeswehr soll Mali bis Mai verlassen": the object before the verb
    if mention_end is not None and base_after(text, mention_end, syn.language):
        roles.add("in")  # "von Niamey aus operieren": the base the troops act from, where they are
    place_in, place_from, place_to = _tie_patterns(syn)
    if place_in.search(before):
        roles.add("in")
    from_ = place_from.search(before)
    to = place_to.search(before)
    if from_ and not (to and to.start() < from_.start()):  # "en direction de Tessalit": the longer phrase says
        roles.add("from")
    if to:
        roles.add("to")
    if not roles and syn.from_finite.search(before):  # "räumte die malische Armee binnen weniger Tage Kidal"
        roles.add("from")
    if not roles and (
        syn.in_finite.search(before) or (mention_end is not None and syn.in_after.match(text, mention_end))
    ):  # "eroberte die Armee Kidal", "hat Kidal im November zurückerobert": taken, the troops are there
        roles.add("in")
    return roles


def _where(
    trig: Trigger,
    text: str,
    costs: _Costs,
    places: list[PlaceMention],
    ctx: _Context,
    country: str | None,
    offset: int,
    force: Force | None = None,
    others: Sequence[Trigger] = (),
) -> tuple[PlaceMention | None, PlaceMention | None]:
    """Where the troops are (and, for a move, where they go): the place a preposition ties to them,
    nearest first, a town over its country; "there" and "the country" point back. A place in the
    clause of another verb ("pull out of Mali and send 250 of them to Niger") comes only after the
    pointers back, when nothing else is found."""
    # a place is another verb's only when the sentence has another verb cue (most have one cue)
    other_verbs = any(o is not trig and o.kind == "verb" for o in others)
    held = [
        m
        for m in (places if other_verbs else ())
        if _other_cues_place(trig, (m.start - offset, m.end - offset), others, costs, text, ctx.syntax)
    ]
    if not held:
        return _where_among(trig, text, costs, places, ctx, country, offset, force, fallbacks=True)
    free = [m for m in places if m not in held]
    location, destination = _where_among(trig, text, costs, free, ctx, country, offset, force, fallbacks=False)
    if location is not None:
        return location, destination
    return _where_among(trig, text, costs, places, ctx, country, offset, force, fallbacks=True)


def _where_among(
    trig: Trigger,
    text: str,
    costs: _Costs,
    places: list[PlaceMention],
    ctx: _Context,
    country: str | None,
    offset: int,
    force: Force | None,
    *,
    fallbacks: bool,
) -> tuple[PlaceMention | None, PlaceMention | None]:
    syn = ctx.syntax
    span = (trig.start, trig.end)
    scored: list[tuple[float, PlaceMention, frozenset[str], bool]] = []
    for m in places:
        if m.place.feature in ("continent", "water"):
            continue
        if country is not None and m.place.country == country and m.place.feature == "country":
            continue
        rel = m.start - offset
        if _place_excluded(text, rel, rel + len(m.text), trig.action == "deployment", m.place.feature, ctx):
            continue
        if m.place.feature == "country" and syn.own_border.search(text, max(0, rel - 60), rel):
            continue  # "sa frontière avec le Soudan, où ...": the neighbour, even when a clause is about it
        if _in_report_clause(text, (rel, rel + len(m.text)), trig, ctx.language):
            continue  # "Das Mandat lief aus, wie ein Sprecher in Brüssel bestätigte": where it was said
        if in_attribution(text, rel, span, ctx.language):
            continue  # "schickte nach Angaben des Ministeriums in Madrid 60 Soldaten nach Atar": the source's place
        roles = _role_cached(text, rel, syn, rel + len(m.text))
        about = _where_clause_about(syn, text, postposition_end(text, rel + len(m.text), ctx.language), trig)
        if about and (not roles or trig.action == "deployment"):
            roles = frozenset({"in"})  # "Djibouti, où stationnent 1 500 militaires": the place the clause is about
        after = rel >= trig.end
        c = costs.between((rel, rel + len(m.text)), span)
        if about and (trig.action in ("deployment", "withdrawal") or "from" in roles):
            # "vom Niger aus operieren, wo bereits 1.000 Soldaten stationiert sind", "du Mali voisin, d'où les
            # derniers soldats sont partis": however far, the clause is about the place
            c = min(c, 1.0)
        if not roles and not trig.host:
            continue  # "tensions with France", "In Germany, there are plans": no place of the troops
        if not after:
            c += 2.0
        if m.place.country == ctx.main_country:
            c -= 3.0  # among several places, the one the article is about
        if c > (_MAX_DEST_COST if after and "to" in roles else _MAX_PLACE_COST):
            continue
        if trig.kind == "noun" and after and c > _MAX_NOUN_PLACE_COST:
            continue  # "Seit dem Abzug ... setzt die Junta auf Drohnen aus der Türkei": past its phrase
        scored.append((c, m, roles, after))
    destination = None
    if trig.action in ("redeployment", "withdrawal") and not trig.host:
        ahead = not syn.adjuncts_follow_verb and trig.action == "redeployment"  # "in den Niger verlegt werden"
        dests = [s for s in scored if (s[3] or ahead) and "to" in s[2] and "from" not in s[2]]
        dests = [s for s in dests if not _broad(s[1])]
        if not dests and trig.action == "redeployment" and not any("from" in s[2] for s in scored):
            # "in das Dorf X im Norden Malis verlegt", "redeployed in northern Mali": a move's only place is its goal
            dests = [s for s in scored if (s[3] or ahead) and "in" in s[2] and not _broad(s[1])]
        if trig.action == "withdrawal":  # "left Ouallam to join N'Djamena": a move; "left for home": not
            dests = [
                s
                for s in dests
                if "in" not in s[2]
                and s[1].place.country != country
                and (s[0] <= _MAX_PLACE_COST or _town_to_town(s[1], scored))
            ]
        if dests:
            destination = _specific(min(dests, key=lambda s: s[0])[1], scored)
            scored = [s for s in scored if s[1] is not destination and _elsewhere(s[1], destination, s[0])]
    if trig.host:
        hosts = [s for s in scored if not s[3] and s[1].place.feature == "country"]
        subject = min(hosts, key=lambda s: s[0])[1] if hosts else None
        return subject, None
    if destination is not None:  # "could be moved to Niger or to Côte d'Ivoire": neither is where they are
        scored = [s for s in scored if not (s[3] and "to" in s[2] and not ({"in", "from"} & s[2]))]
    if trig.needs_place:  # "train ... forces ... towards Libya": only a place the troops are in
        scored = [s for s in scored if "in" in s[2]]
    if trig.action == "deployment":
        # "3,000 troops pledged, mostly from South Africa", "die Gewalt aus Burkina Faso": a country that only
        # "from" ties to the cue is where troops or a threat come from, not where these troops are
        scored = [s for s in scored if not (s[2] == {"from"} and s[1].place.feature == "country")]
    if trig.action == "withdrawal":  # a place they only go to ("return to Denmark") is no place they leave
        preferred = [s for s in scored if "from" in s[2]] or [s for s in scored if s[2] != {"to"}]
    else:
        preferred = (
            [s for s in scored if "in" in s[2]]
            # "pour rejoindre Kidal"; verb-final "von der Türkei nach Libyen gebracht": the goal stands before
            or [
                s
                for s in scored
                if (s[3] or not syn.adjuncts_follow_verb) and s[2] == {"to"} and trig.action == "deployment"
            ]
            or [s for s in scored if "from" in s[2]]
            or scored
        )
    if trig.crossing:  # "überquerten bei Fotokol die Grenze nach Nigeria": the country they cross into
        preferred = _crossed_into(scored) or preferred
    regions = [s for s in preferred if s[1].place.feature == "region" and not s[1].place.country]
    preferred = [s for s in preferred if not _broad(s[1])] or []
    location = _specific(min(preferred, key=lambda s: s[0])[1], scored) if preferred else None
    if location is not None and location.place.country != ctx.main_country:
        location = _main_in_list(location, places, text, offset, ctx) or location
    if location is None and trig.action != "redeployment" and not trig.needs_place:
        # "Au Tchad, ..., le millier de soldats a achevé son retrait": the sentence's own frame comes before
        # what "there" and "the country" point back to in the sentences before
        location = _fronted_place(text, places, offset, syn, country)
    if location is None:
        location = _side_place(text, trig, ctx, country)  # "côté nigérian", "on the Nigerian side of the border"
    if location is None:
        location = _anaphor(text, span, costs, ctx, country, force, offset)
    if location is None:
        location = _country_in_cue(trig, text, ctx, country)
    if location is None and force is not None and len(force.theatre) == 1 and force.theatre[0] != country:
        location = _country_mention(force.theatre[0], ctx, text="", sentence=None)  # "EUTM Mali ... beendet"
    if not fallbacks:
        return location, destination
    if location is None and trig.action in ("deployment", "withdrawal") and _unknown_place(text, places, offset, ctx):
        known = ctx.towns.get(force.name if force else "") or ctx.towns.get(country or "")
        location = known if known is not None and known.place.country != country else None
    if location is None and trig.action != "redeployment" and not trig.needs_place:
        home_ok = trig.action in ("cooperation_ended", "strike") or trig.home  # an army may strike at home
        location = _noun_host(text, trig, ctx, country) or _fallback_location(
            ctx, None, None if home_ok else country, text=text, scene_first=True
        )
    if location is None and regions and trig.action in ("deployment", "withdrawal") and not trig.needs_place:
        # "sent to the Sahel", "the end of Barkhane in the Sahel": a region with no country is the place
        location = min(regions, key=lambda s: s[0])[1]
    return location, destination


def _broad(m: PlaceMention) -> bool:
    """A continent, a sea, or a region with no country ("the Sahel"): no place of troops by itself. A region
    inside one country (a forest, a park, a massif: "the Sambisa forest", "le massif du Tibesti") is as
    specific as a province: its country is where the troops are."""
    return m.place.feature in ("continent", "water") or (m.place.feature == "region" and not m.place.country)


def _side_place(text: str, trig: Trigger, ctx: _Context, country: str | None) -> PlaceMention | None:
    """The side or territory a nationality adjective names near the cue ("côté nigérian", "en territoire malien",
    "auf malischem Gebiet"). Not the actor's own ("Côté français, on prépare la réduction de Barkhane" speaks of
    France's part), except for a strike that the phrase follows: "a drone of the Malian air force struck a camp
    near the border, on the Malian side" is a strike at home."""
    found = side_mention(text, (trig.start, trig.end), ctx.language)
    if found is None:
        return None
    side, at = found
    if side == country and not (trig.action == "strike" and at >= trig.end):
        return None
    return _country_mention(side, ctx, text="", sentence=None)


def _crossed_into(
    scored: list[tuple[float, PlaceMention, frozenset[str], bool]],
) -> list[tuple[float, PlaceMention, frozenset[str], bool]]:
    """The places a border crossing goes to ("crossed into Nigeria", "franchi la frontière vers le Niger", "die
    Grenze nach Nigeria"): after the cue, tied by "to", over the crossing point named by "at" or "near"."""
    return [s for s in scored if s[3] and "to" in s[2] and "from" not in s[2] and not _broad(s[1])]


def _in_report_clause(text: str, place: tuple[int, int], trig: Trigger, language: str) -> bool:
    """Whether the place stands in a clause of its own (between commas) that reports the news and does
    not hold the cue: ", the ministry said in Paris", ", wie ein Sprecher in Brüssel bestätigte"."""
    start = text.rfind(",", 0, place[0]) + 1
    end = text.find(",", place[1])
    end = len(text) if end < 0 else end
    if start == 0 or start <= trig.start < end:
        return False
    return any(start <= a and b <= end for a, b in report_spans(text, language))


# two or more capitalised words, or one and a number: "Camp Firestone", "Base 101", "Lager Castor"
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[ \t]+(?:[A-ZÀ-ÖØ-Þ][\w'’-]+|\d+))+")


def _unknown_place(text: str, places: list[PlaceMention], offset: int, ctx: _Context) -> bool:
    """Whether a name of several capitalised words that the gazetteer does not know follows "in", "at",
    "à", "im" (one capitalised word may be any German noun; a date or an actor is no such name)."""
    spans = [(m.start - offset, m.end - offset) for m in places]
    spans += [(a.start, a.end) for a in find_actors(text, ctx.language)]
    past, future = find_dates_both_ways(text, ctx.language, ctx.article.published, ctx.last_date)
    dated = " ".join(d.text for d in (*past, *future))
    for n in _NAME.finditer(text):
        if n.start() == 0 or any(a < n.end() and n.start() < b for a, b in spans) or n.group(0) in dated:
            continue
        if gated(ctx.syntax.place_in).search(text[max(0, n.start() - 40) : n.start()]):
            return True
    return False


def _fronted_place(
    text: str, places: list[PlaceMention], offset: int, syn: _Syntax, country: str | None
) -> PlaceMention | None:
    """ "In Senegal, where some 350 French soldiers are based, the president announced ...": a place that
    opens the sentence after "in" and a comma frames all of it, however far the cue stands."""
    for m in places:
        rel = m.start - offset
        if rel > 40 or m.place.feature in ("continent", "water") or m.place.country == country:
            continue
        head = text[:rel]
        if (
            len(_WORD.findall(head)) <= 2
            and gated(syn.place_in).search(head)
            and not syn.place_veto.search(head)  # "Contrairement au Sénégal, ...": a landmark, no frame
            and _frame_ends(text[rel + len(m.text) :], syn)
        ):
            return m
    return None


def _frame_ends(rest: str, syn: _Syntax) -> bool:
    """Whether the frame ends right after its place: at a comma, or (verb-second, where nouns are capitalised)
    at the lower-case verb or adverb that follows it ("Im Tschad war ...", "In Gabun wiederum teilt ...")."""
    rest = rest.lstrip()
    return rest[:1] == "," or (syn.frame_without_comma and rest[:1].islower())


def _town_to_town(dest: PlaceMention, scored: list[tuple[float, PlaceMention, frozenset[str], bool]]) -> bool:
    """ "left Bamako before dawn and was heading towards Niono": a town left for another town of the same
    country, even a clause away, is a move inside that country, not a withdrawal from it."""
    towns = ("city", "village")
    return dest.place.feature in towns and any(
        "from" in s[2] and s[1].place.feature in towns and s[1].place.country == dest.place.country for s in scored
    )


def _other_cues_place(
    trig: Trigger, place: tuple[int, int], others: Sequence[Trigger], costs: _Costs, text: str, syn: _Syntax
) -> bool:
    """ "pull out of Mali and send 250 of them to Niger": a place that a comma or an "and" parts from
    the cue, in the clause of another verb nearer to it, is that verb's place."""

    def parted(a: tuple[int, int], b: tuple[int, int]) -> bool:
        gap = text[min(a[1], b[1]) : max(a[0], b[0])]
        return "," in gap or bool(syn.coordinator.search(gap) or syn.breaks.search(gap))

    mine = (trig.start, trig.end)
    if not parted(place, mine):
        return False
    if place[1] <= trig.start and syn.place_relative.match(text, place[1]):
        return False  # "transferred to Niger, where France keeps 1,500 soldiers": the place of both
    cost = costs.between(place, mine)
    return any(
        o is not trig
        and o.kind == "verb"
        and not parted(place, (o.start, o.end))
        and costs.between(place, (o.start, o.end)) <= max(cost, _MAX_PLACE_COST)
        for o in others
    )


def _main_in_list(
    chosen: PlaceMention, places: list[PlaceMention], text: str, offset: int, ctx: _Context
) -> PlaceMention | None:
    """ "in Mali, as well as in Burkina Faso and Niger": of a list of places, the article's own country."""
    i = next((k for k, m in enumerate(places) if m is chosen), None)
    if i is None:
        return None
    group = [chosen]
    for step in (-1, 1):
        k = i
        while 0 <= k + step < len(places):
            a, b = (places[k + step], places[k]) if step < 0 else (places[k], places[k + step])
            if not ctx.syntax.list_gap.fullmatch(text[a.end - offset : b.start - offset]):
                break
            k += step
            group.append(places[k])
    return next((m for m in group if m.place.country == ctx.main_country), None)


def _elsewhere(place: PlaceMention, other: PlaceMention, cost: float = 0.0) -> bool:
    """Another country, or another town of the same country ("left Kidal for Gao"), tied closely enough."""
    if place.place.country != other.place.country:
        return True
    towns = ("city", "village")
    return (
        cost <= _MAX_PLACE_COST
        and place.place.feature in towns
        and other.place.feature in towns
        and place.place.name != other.place.name
    )


def _specific(chosen: PlaceMention, scored: list[tuple[float, PlaceMention, frozenset[str], bool]]) -> PlaceMention:
    """A town, village or region of the chosen country, tied to the same troops, wins over the country."""
    if chosen.place.feature != "country":
        return chosen
    inner = [
        s for s in scored if s[1].place.feature in _SPECIFIC_OR_REGION and s[1].place.country == chosen.place.country
    ]
    return min(inner, key=lambda s: s[0])[1] if inner else chosen


def _anaphor(
    text: str,
    span: tuple[int, int],
    costs: _Costs,
    ctx: _Context,
    country: str | None,
    force: Force | None = None,
    offset: int | None = None,
) -> PlaceMention | None:
    syn = ctx.syntax
    for m in sentence_matches(syn, "there", text):
        if _NAMED_AFTER.match(text, m.end()):
            continue  # "la base Adji Kossei", "the town of Gao": a place named, not one pointed back to
        if costs.between(m.span(), span) <= _MAX_PLACE_COST:
            # "die von Ménaka aus operiert: Nachdem ... Kommandos dort stationiert worden waren": a place this
            # sentence named before "there" comes before the sentences before it
            recent = _named_before(text, m.start(), offset, ctx) if offset is not None else []
            recent = [p for p in recent or ctx.recent_places if p.place.country != country]
            if recent:
                last = recent[-1]
                return PlaceMention(ctx.article.id, last.start, last.end, last.text, last.place)
    for m in sentence_matches(syn, "subject_country", text):  # "de son territoire": the subject's own country
        if costs.between(m.span(), span) <= _MAX_PLACE_COST:
            owners = [a for a in find_actors(text, ctx.language) if a.kind == "country" and a.start < m.start()]
            owner = owners[0] if owners else None
            if owner is not None and owner.country and owner.country != country:
                return _country_mention(owner.country, ctx, text=m.group(0), sentence=None)
    for m in sentence_matches(syn, "country", text):
        if _NAMED_AFTER.match(text, m.end()):
            continue  # "in die Region Savanes": a region named, not the country pointed back to
        # "Die 1.000 französischen Soldaten im Land" after a sentence about Chad: the paragraph's country
        host = _scene_or_main(ctx, country)
        if ctx.scene is None and force is not None and len(force.theatre) == 1 and force.theatre[0] != country:
            host = force.theatre[0]  # "MINUSCA has 14,400 troops in the country": a one-country mission's country
        if costs.between(m.span(), span) <= _MAX_PLACE_COST and host and host != country:
            return _country_mention(host, ctx, text=m.group(0), sentence=None)
    return None


def _named_before(text: str, at: int, offset: int, ctx: _Context) -> list[PlaceMention]:
    """The places of the sentence before `at` that a preposition ties to something and that are no landmark,
    partner or seat ("à la frontière avec le Niger", "aux côtés de la France", "the government in Prague")."""
    out = []
    for m in ctx.places[bisect.bisect_left(ctx.places, offset, key=_start) :]:
        rel = m.start - offset
        if rel >= at:
            break
        if m.place.feature in _BROAD or not m.place.country:
            continue
        if _place_excluded(text, rel, rel + len(m.text), False, m.place.feature, ctx):
            continue
        if _role_cached(text, rel, ctx.syntax, rel + len(m.text)):
            out.append(m)
    return out


def _country_in_cue(trig: Trigger, text: str, ctx: _Context, country: str | None) -> PlaceMention | None:
    """ "on Malian soil", "sur le sol malien", "auf malischem Boden": the country a cue names by its adjective."""
    lo = max(trig.start, trig.end - 30)  # the cue's own last words: "on Malian soil", not a clause it spans
    for a in find_actors(text, ctx.language):
        if a.kind == "adjective" and lo <= a.start < trig.end and a.country not in (None, country, "UN", "EU"):
            return _country_mention(a.country, ctx, text=a.text, sentence=None)
    return None


def _noun_host(text: str, trig: Trigger, ctx: _Context, country: str | None) -> PlaceMention | None:
    """ "la Côte d'Ivoire a toutefois souhaité conserver une présence française": a presence named by a noun
    whose verb's subject, in the same clause, is another country than the troops': that country hosts them; so
    does the subject of a cue that only a where-clause parts from it ("Djibouti, où ..., demeure la seule base")."""
    if country is None:
        return None
    syn = ctx.syntax
    before = [a for a in find_actors(text, ctx.language) if a.end <= trig.start and a.kind == "country"]
    if not before:
        return None
    a = before[-1]
    head = text[max(0, a.start - 60) : a.start]
    after = a.end
    opened = syn.place_relative.match(text, a.end) if _place_relative(syn, text, a.end) else None
    if opened is not None:  # "Djibouti, où stationnent 1 500 militaires, demeure la seule base"
        close = text.find(",", opened.end())
        after = close + 1 if 0 <= close < trig.start else after
    elif trig.kind != "noun":
        return None  # a verb's own subject country is handled by the actor and place rules
    if (
        a.country in (None, "EU", "UN", country)
        or _CLAUSE_END.search(text, after, trig.start)
        or syn.breaks.search(text, after, trig.start)
        or syn.place_veto.search(head)
        or syn.not_actor_after.search(head)
        or syn.genitive.match(text, a.end)
    ):
        return None
    return _country_mention(a.country, ctx, text="", sentence=None)


def _scene_or_main(ctx: _Context, country: str | None, *, headline: bool = True) -> str | None:
    """The country "the country" and an unplaced event point to: the one the paragraph's last sentences set their
    scene in, unless it is the troops' own or (for "the country") the headline names the article's country."""
    scene = ctx.scene.place.country if ctx.scene is not None and not (headline and ctx.headline) else None
    return scene if scene not in (None, country) else ctx.main_country


def _fallback_location(
    ctx: _Context, sentence: Sentence | None, country: str | None, *, text: str = "", scene_first: bool = False
) -> PlaceMention | None:
    host = _scene_or_main(ctx, country, headline=False) if scene_first else ctx.main_country
    if host is None or host == country:
        return None
    return _country_mention(host, ctx, text="", sentence=sentence)


def _country_mention(code: str | None, ctx: _Context, *, text: str, sentence: Sentence | None) -> PlaceMention | None:
    """A mention of the country the words point to, anchored on its first mention in the article."""
    if ctx.main_mention is not None and ctx.main_mention.place.country == code:
        m = ctx.main_mention
        return PlaceMention(ctx.article.id, m.start, m.end, text or m.text, m.place)
    place = _country_place(code)
    if place is None:
        return None
    return PlaceMention(ctx.article.id, 0, 0, text or place.name, place)


def _status(
    trig: Trigger, text: str, cues: dict[str, list[tuple[int, int]]], costs: _Costs, window_planned: float
) -> str:
    """Status from the cue's own form and the tense and modality words around it."""
    span = (trig.start, trig.end)

    def near(kind: str, limit: float, *, before_only: bool = False) -> bool:
        return any(
            costs.between(c, span) <= limit
            and (not before_only or c[0] < trig.start)
            and not (c[0] == trig.start and c[1] <= trig.end)  # the cue's own word ("Ende") is no modality
            for c in cues.get(kind, [])
        )

    planned = near("planned", window_planned)
    words_before = text[: trig.start].split()
    window = len(" ".join(words_before[-15:]))
    announced = any(trig.start - window - 1 <= c[0] < trig.end for c in cues["announced"])
    announced = announced or near("announced", window_planned)  # "hat ... das Ende ... angekündigt"
    if planned:  # "sollen ... abgezogen werden", "will have left"
        return "announced" if announced else "planned"
    if trig.status == "completed" or near("completed", 4):
        return "completed"
    if announced:
        return "announced"
    if near("ongoing", 5) or trig.action == "deployment":
        return "ongoing"
    return "unknown" if trig.status is None else trig.status


def _date(dates: list[DateMention], status: str, action: str) -> DateMention | None:
    """The date of the event among the phrases nearest its cue: an ongoing presence is dated by when
    it began ("since 2020"), else by the point it names ("landete am Mittwoch", "arrived in March": a month or a
    weekday with no digit dates an arrival too), a plan by its deadline only when nothing else dates it."""
    if not dates:
        return None
    if action == "deployment" and status in ("ongoing", "planned"):  # a plan to be stationed "from March" too
        since = [d for d in dates if d.kind == "since"]
        if since:
            return since[0]
        points = [d for d in dates if d.kind == "point"]
        return points[0] if points else None
    points = [d for d in dates if d.kind == "point"]
    if points:
        return points[0]
    dates = [d for d in dates if d.kind != "since" or starts_happening(d)]  # "since 2009" dates a presence only
    if not dates:
        return None
    if status == "planned":
        return next((d for d in dates if d.kind == "until"), None)
    return dates[0] if dates[0].kind != "until" else None
