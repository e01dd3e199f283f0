"""Whose troops an action cue moves: the (country, force) pair of an event.

`events._draft` asks three times: `before_place` once the cue has passed its own checks, `after_place` once its
place is found, and `after_date` once its date is. Each asks an ordered sequence of named rules (`BEFORE_PLACE`,
`AFTER_PLACE`, `AFTER_DATE`). A rule is a small
function of the cue's `OwnerReading` and the current pair that returns the new pair, `None` when it has no
opinion, or `DROP` when the cue is no event of anyone's troops. The order is part of the meaning: the first rule
reads the names of the sentence (`_who`); each later one corrects it for one construction, most of them only
while nobody is known yet, so a rule placed earlier wins over the fallbacks after it.

This module also holds what only these rules use (the candidate names `Who`, the readings of troop phrases, of
clauses and of leaders who announce). The words it reads are the data of `rules/<lang>/syntax.json`, through the
caller's syntax (and `complementizers`, `_complement`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Final, TypeAlias

from . import dropped, rules
from .actions import Trigger, find_triggers, report_spans
from .actors import GOVERNMENT, NATION_KINDS, find_actors
from .clauses import BREAK_NOT_ORDINAL, CLAUSE_END, CLAUSE_MARKS, adjacent, clause_end, clause_start
from .forces import Force, ForceMention, force_by_name, sibling_in, successor_in
from .home import generic_army
from .numbers import TroopCount
from .patterns import NEVER, alternation, sentence_matches, spellings
from .stance import comments_on, leaves_force, possessive_antecedent
from .wordstarts import gated

if TYPE_CHECKING:  # the caller's readings of the article and of the sentence (events imports this module)
    from .dates import DateMention
    from .events import _Context, _Costs, _Syntax
    from .models import PlaceMention
    from .sentences import Sentence

__all__ = [
    "AFTER_DATE",
    "AFTER_PLACE",
    "BEFORE_PLACE",
    "DROP",
    "OwnerReading",
    "Who",
    "actor_of",
    "after_date",
    "after_place",
    "anaphor_force",
    "announces",
    "before_place",
    "foreign_partner",
    "possessive_owner",
]


@dataclass(frozen=True, slots=True)
class Who:
    """A name of the sentence that may own the troops: a nation (country, capital, leader, army, adjective,
    demonym) or a force, where it stands, and what it costs as the actor, added to its distance from the cue (-1
    a genitive "France's", 0 a force, army or nationality, 1 a country or a government's seat, 1.5 a town that
    seats one, 2 another capital or leader)."""

    start: int
    end: int
    country: str | None
    force: Force | None
    text: str
    weight: float = 0.0
    kind: str = "force"


Owner: TypeAlias = "tuple[str | None, Force | None]"


class _Drop:
    """The verdict of a rule that finds the cue to be no event of anyone's troops."""

    def __repr__(self) -> str:
        return "DROP"


DROP: Final = _Drop()
Verdict: TypeAlias = "Owner | _Drop | None"


@dataclass(frozen=True, slots=True)
class OwnerReading:
    """What every rule may read of one cue: the sentence, its names and costs, the article so far (`ctx`), and
    once the place is found (`after_place`) where the cue is. `home` is the country the sentence is in, asked
    only of a strike nobody is named for (the caller knows the places); `named_place` is the place the cue names,
    before ended cooperation puts its host country in its stead."""

    trig: Trigger
    sentence: Sentence
    ctx: _Context
    costs: _Costs
    whos: list[Who]
    subject: Who | None
    count: TroopCount | None
    troop_np: bool  # a troop noun or count near the cue, or a pronoun for the last sentence's troops
    pronoun: bool  # a pronoun near the cue while the last sentence has a subject
    home: Callable[[], str | None]
    forces: Sequence[ForceMention] = ()  # the forces the sentence names, found once for all its cues
    location: PlaceMention | None = None
    destination: PlaceMention | None = None
    named_place: PlaceMention | None = None
    date: DateMention | None = None  # the event's date (`after_date`)

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def syn(self) -> _Syntax:
        return self.ctx.syntax

    @property
    def span(self) -> tuple[int, int]:
        return (self.trig.start, self.trig.end)


Rule: TypeAlias = "Callable[[OwnerReading, Owner], Verdict]"


def _run(rules: tuple[Rule, ...], r: OwnerReading, owner: Owner) -> Owner | None:
    for rule in rules:
        verdict = rule(r, owner)
        if isinstance(verdict, _Drop):
            return dropped.note_rule(rule.__name__)
        if verdict is not None:
            owner = verdict
    return owner


def before_place(r: OwnerReading) -> Owner | None:
    """The (country, force) of the cue's troops from the sentence and the article so far; None: no event."""
    return _run(BEFORE_PLACE, r, (None, None))


def after_place(
    r: OwnerReading,
    owner: Owner,
    location: PlaceMention | None,
    destination: PlaceMention | None,
    named_place: PlaceMention | None,
) -> Owner | None:
    """The pair corrected by where the cue is (`location`, `destination`; `named_place` before a cooperation's
    host replaced it); None: no event (a nation that only comments on the move, `_commenter`)."""
    placed = replace(r, location=location, destination=destination, named_place=named_place)
    return _run(AFTER_PLACE, placed, owner)


def after_date(r: OwnerReading, owner: Owner, date: DateMention | None) -> Owner | None:
    """The pair corrected by the event's year (`AFTER_DATE`); None: no one's troops are left."""
    return _run(AFTER_DATE, replace(r, date=date), owner)


# --------------------------------------------------------------------------- the rules, before the place


def _sentence_names(r: OwnerReading, owner: Owner) -> Verdict:
    """The owner the sentence names: inside the counted troops, the possessive's nation, the nearest name of
    the cue's clause, or the last sentence's subject (`_who`)."""
    return _who(r.trig, r.text, r.costs, r.whos, r.subject, r.count, r.ctx)


def _clause_split(r: OwnerReading, owner: Owner) -> Verdict:
    """A nation and a force taken from different clauses are not one owner ("French forces left Mali, MINUSMA's
    blue helmets pulled out"): `_clause_owner` keeps the one of the cue's clause."""
    country, force = owner
    if country is None or force is None:
        return None
    return _clause_owner(r.text, r.trig, r.whos, country, force, r.syn, r.costs.clauses)


def _cooperation_partner(r: OwnerReading, owner: Owner) -> Verdict:
    """ "In Niger, the authorities ended their agreement with France": the partner the sentence names, over
    whichever nation the sentence before spoke of."""
    if r.trig.action == "cooperation_ended" and not r.whos:
        partner = _partner(r.text, r.sentence, r.ctx)
        if partner is not None:
            return partner, None
    return None


def _force_of_another_nation(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Litauen zog seine Ausbilder ab, Schweden beendete seine Minusma-Beteiligung": a force named only in
    another nation's clause is not this nation's."""
    country, force = owner
    if country is None or force is None:
        return None
    mentions = [w for w in r.whos if w.force is force]
    if mentions and all(_others_clause(r.text, r.trig, w, r.whos, country) for w in mentions):
        return country, None
    return None


def _leading_pronoun(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Ils constituent le plus gros contingent étranger de Takuba": a sentence that opens on a pronoun right
    before its verb speaks of the last subject, when no nation is named (a bloc's force is then the pronoun's
    nation's contingent)."""
    country, force = owner
    ctx, trig, text = r.ctx, r.trig, r.text
    if country not in (None, "EU", "UN") or ctx.subject in (None, "EU", "UN") or trig.kind != "verb":
        return None
    lead = next((m for m in sentence_matches(r.syn, "pronoun", text) if not text[: m.start()].strip()), None)
    if (
        lead is not None
        and lead.end() <= trig.start
        and r.costs.between(lead.span(), r.span) <= 3
        and not any(lead.end() <= w.start < trig.start for w in r.whos)
        and (force is None or force.accepts(ctx.subject))
    ):
        return ctx.subject, force or ctx.subject_force
    return None


def _framing_mission(r: OwnerReading, owner: Owner) -> Verdict:
    """ "British soldiers of the LRRG ... as part of MINUSMA": the mission the text says they serve in, over
    the unit's own operation."""
    country, force = owner
    if country is None or force is None:
        return None
    framed = _framed_forces(r.text, r.whos, r.syn)
    if len(framed) == 1 and framed[0] is not force and framed[0].accepts(country):
        return country, framed[0]
    return None


def _framing_force_of_nation(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Malawi sent 300 soldiers to Goma as part of the SADC mission": a nation's troops with no force take the
    one the sentence frames them in (`_framing_force`)."""
    country, force = owner
    if country in (None, "EU", "UN") or force is not None:
        return None
    if r.trig.action not in ("deployment", "redeployment", "strike"):
        return None
    return country, _framing_force(r.text, r.whos, country, r.syn)


def _strike_target(r: OwnerReading, owner: Owner) -> Verdict:
    """ "l'armée soudanaise a bombardé des positions des FSR": a force named only after a strike, behind the
    nation that strikes, is its target."""
    country, force = owner
    whos, trig = r.whos, r.trig
    if (
        trig.action == "strike"
        and force is not None
        and country is not None
        and all(w.start >= trig.end for w in whos if w.force is force)
        and any(
            w.country == country
            and w.force is None
            and w.end <= min((v.start for v in whos if v.force is force), default=-1)
            for w in whos
        )
    ):
        return country, None
    return None


def _mandate(r: OwnerReading, owner: Owner) -> Verdict:
    """ "The Security Council ended its mandate": a mandate is a mission's, the one named last (not a mercenary
    group's or an armed group's: they have none)."""
    force = owner[1]
    if r.whos or (force is not None and force.mandated) or not r.syn.mandate.search(r.trig.text):
        return None
    mandated = next((f for f in reversed(r.ctx.forces_seen) if f.mandated), None)
    return (mandated.default_actor, mandated) if mandated is not None else None


def _participation(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Auch die Beteiligung an der EUTM soll auslaufen": a nation takes part in the force named after the
    noun (`_participant`)."""
    country, force = owner
    if country is None and r.syn.participation.match(r.text, r.trig.start):
        return _participant(r.ctx, force, r.whos, r.trig), force
    return None


def _force_anaphor(r: OwnerReading, owner: Owner) -> Verdict:
    """ "La mission doit également se retirer", "deployed with the task force": the force "the mission" points
    back to, when the nation may serve in it (not "l'opération Sangaris": a force of its own name)."""
    country, force = owner
    if force is not None:
        return None
    text = r.text
    pointer = next(
        (m for m in sentence_matches(r.syn, "force_anaphor", text) if r.costs.between(m.span(), r.span) <= 6), None
    )
    if pointer is None:
        return None
    last = anaphor_force(r.ctx, pointer.group(0))
    if last is not None and last.accepts(country) and not _other_name(text, pointer.end(), last):
        return country, last
    return None


def _member_leaves_joint_force(r: OwnerReading, owner: Owner) -> Verdict:
    """ "La force conjointe du G5 Sahel ... : le Mali s'en est retiré": a member leaves the joint force named
    before."""
    country, force = owner
    trig, text = r.trig, r.text
    if force is not None or country is None or trig.action != "withdrawal":
        return None
    left = any(
        trig.start - 12 <= m.start() <= trig.end + 2 for m in r.syn.force_left.finditer(text, max(0, trig.start - 12))
    )
    joint = [w.force for w in r.whos if w.force is not None and w.end <= trig.start]
    joint = joint[-1:] or ([r.ctx.last_force] if r.ctx.last_force is not None else [])
    if left and joint and joint[0].kind == "coalition" and country in joint[0].contributors:
        return country, joint[0]
    return None


def _ended_cooperation_partner(r: OwnerReading, owner: Owner) -> Verdict:
    """ "ended its cooperation with France": France's troops, when nobody else is known."""
    if owner != (None, None) or r.trig.action != "cooperation_ended":
        return None
    return _partner(r.text, r.sentence, r.ctx), None


def _partitive(r: OwnerReading, owner: Owner) -> Verdict:
    """ "…; ein Teil könnte in den Niger verlegt werden", "dont une partie sera repositionnée": part of the troops
    named before ("Some 400 Belgian soldiers will leave Mali, and some of them": the soldiers), else of the last
    sentence's subject."""
    if r.trig.action == "cooperation_ended":
        return None
    text, costs = r.text, r.costs
    part = next(
        (m for m in r.syn.partitive.finditer(text, 0, r.trig.start) if costs.between(m.span(), r.span) <= 6), None
    )
    if part is None:
        return None
    owners = [w for w in r.whos if w.end <= part.start() and (w.country or w.force)]
    named = [w for t, w in _troop_phrases(text, owners, r.syn, costs) if t[1] <= part.start()]
    owners = named or owners
    if owners:
        return owners[-1].country, owners[-1].force
    if owner == (None, None):
        return r.ctx.subject, r.ctx.subject_force
    return None


def _agentless(r: OwnerReading, owner: Owner) -> Verdict:
    """ "des frappes de drones ont visé des jihadistes", "..., hieß es in einem Lagebericht des Generalstabs": a
    strike that names no one but a bare army (no pronoun, no troops before it: not "Des avions Rafale ... ont
    mené des frappes") is that of whoever struck last (`_agentless_strike`)."""
    trig, text, ctx = r.trig, r.text, r.ctx
    if (
        owner == (None, None)
        and trig.action == "strike"
        and all(_bare(w, text, ctx.language) for w in r.whos)
        and not r.pronoun
        and not _troop_nouns_before(r.syn, text, trig.start)
    ):
        country, force = _agentless_strike(ctx, r.home)
        # "Luftangriffe der Armee auf RSF-Stellungen": a force this sentence names but no candidate (its target)
        named = force is not None and any(m.force is force for m in r.forces)
        hit = named and all(w.force is not force for w in r.whos)
        return country, None if hit else force
    return None


def _opening_nation(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Paris ne conserve ... à Djibouti, où sont stationnés 1 500 militaires": troops with no owner of their
    own are those of the nation that opens the sentence."""
    whos = r.whos
    if owner != (None, None) or not r.troop_np or not whos or whos[0].end > r.trig.start:
        return None
    lead = whos[0]
    if lead.country and not r.text[: lead.start].split()[1:]:
        return lead.country, None
    return None


def _last_subject(r: OwnerReading, owner: Owner) -> Verdict:
    """ "They were flown in from Chad", "die rund 60 Soldaten": a pronoun near the cue, or troops in a sentence
    that names nobody, are those of the last sentence's subject. (Two rules once, before and after
    `_opening_nation`: that one needs a name, so with none they are one.)"""
    if owner != (None, None):
        return None
    if r.pronoun or (not r.whos and (r.troop_np or sentence_matches(r.syn, "troop_noun", r.text))):
        return r.ctx.subject, r.ctx.subject_force
    return None


def _receiver_owner(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Barkhane compte toujours 5 100 soldats, mais la base de Gossi pourrait être remise aux FAMa": a base
    handed over is the subject's before the cue, else that of the article's actor ("Le camp de Tessalit avait
    été rétrocédé": the article says)."""
    if owner != (None, None) or not (r.trig.recipient_after or r.trig.article_actor):
        return None
    subject = r.subject
    if subject is not None and subject.end <= r.trig.start and (subject.country or subject.force):
        return subject.country or actor_of(subject.force), subject.force
    return _article_actor(r.ctx)


def _insurgents_strike(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Rebels attacked a camp": an armed group's attack is no event of troops (`_insurgent_subject`)."""
    return DROP if _insurgent_subject(r.trig, r.text, r.whos, r.syn) else None


def _strike_of_last_subject(r: OwnerReading, owner: Owner) -> Verdict:
    """ "The Nigerien army has put the drones to use. On Sunday, a drone strike near Tera killed ...": the strike
    of whoever struck last, when the sentence names nobody at all. (Not `_agentless`: that one comes before the
    subject fallbacks and also takes a sentence that names a bare army.)"""
    if owner == (None, None) and r.trig.action == "strike" and not r.whos:
        return _agentless_strike(r.ctx, r.home)
    return None


def _ended_mission(r: OwnerReading, owner: Owner) -> Verdict:
    """ "La mission ... (EUMPM Niger), lancée fin 2022 et paralysée depuis ..., doit fermer": a cue that needs a
    force takes the mission named before, however long the clauses set off between it and its verb; else the
    one named right after it; else the mission "the mission" points back to ("Die Mission selbst war bereits am
    18. Mai offiziell beendet worden")."""
    country, force = owner
    trig, text = r.trig, r.text
    if not trig.needs_force or force is not None:
        return None
    named = [w for w in r.whos if w.force is not None and w.force.mission]
    before = [w for w in named if w.end <= trig.start]
    after = [w for w in named if w.start >= trig.end and not CLAUSE_END.search(text, trig.end, w.start)]
    pick = before[-1] if before else (after[0] if after else None)
    if pick is not None:
        return country or pick.force.default_actor, pick.force  # type: ignore[union-attr]  # named: a force
    pointed = [m for m in sentence_matches(r.syn, "force_anaphor", text) if m.end() <= trig.start]
    if pointed and not BREAK_NOT_ORDINAL.search(text, pointed[-1].end(), trig.start):
        force = anaphor_force(r.ctx, pointed[-1].group(0))
        return country or (force.default_actor if force is not None else None), force
    return None


def _nobody(r: OwnerReading, owner: Owner) -> Verdict:
    """No nation and no force: no event."""
    return DROP if owner == (None, None) else None


def _no_mission(r: OwnerReading, owner: Owner) -> Verdict:
    """ "the parliament was dissolved": only a mission or operation that ends withdraws troops."""
    force = owner[1]
    return DROP if r.trig.needs_force and (force is None or not force.mission) else None


def _operation_beside(r: OwnerReading, owner: Owner) -> Verdict:
    """ "deployed in the Savanes region under Operation Koudalgou": the operation named beside the cue frames
    its troops, whoever the sentence says they are (not a bloc's)."""
    country, force = owner
    if force is not None or country in ("EU", "UN"):
        return None
    return country, _nearest_operation(r.whos, r.span, r.costs)


def _force_default_actor(r: OwnerReading, owner: Owner) -> Verdict:
    """A force with no nation: the nation that leads it (none for an operation the registry does not know)."""
    country, force = owner
    return (force.default_actor, force) if force is not None and country is None else None


def _unlisted_operation(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Operation Mirador was launched in January": a named operation the registry does not know is the
    operation of the nation the sentence names, else of the nation the article is about."""
    country, force = owner
    if force is None or country is not None or force.listed:
        return None
    ctx = r.ctx
    nation = next((w.country for w in r.whos if w.country not in (None, "EU", "UN") and w.weight <= 1.0), None)
    return nation or (ctx.subject if ctx.subject not in (None, "EU", "UN") else _article_actor(ctx)[0]), force


BEFORE_PLACE: Final[tuple[Rule, ...]] = (
    _sentence_names,
    _clause_split,
    _cooperation_partner,
    _force_of_another_nation,
    _leading_pronoun,
    _framing_mission,
    _framing_force_of_nation,
    _strike_target,
    _mandate,
    _participation,
    _force_anaphor,
    _member_leaves_joint_force,
    _ended_cooperation_partner,
    _partitive,
    _agentless,
    _opening_nation,
    _last_subject,
    _receiver_owner,
    _insurgents_strike,
    _strike_of_last_subject,
    _ended_mission,
    _nobody,
    _no_mission,
    _operation_beside,
    _force_default_actor,
    _unlisted_operation,
)


# --------------------------------------------------------------------------- the rules, after the place


def _contributing_nation(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Die Regierung in Prag beschloss, die Spezialkräfte der europäischen Takuba-Einheit zurückzuholen": a
    bloc's force belongs to the contributing nation the sentence names (`_contributor`), read against the place
    the cue names."""
    country, force = owner
    if force is None or country not in ("EU", "UN") or r.named_place is None:
        return None
    return _contributor(force, r.whos, r.named_place, r.ctx.subject, r.text) or country, force


def _sibling_mission(r: OwnerReading, owner: Owner) -> Verdict:
    """ "la mission européenne de formation" in Bangui: the mission of the family ("ECOWAS troops" serve
    anywhere) that serves where the cue is."""
    country, force = owner
    location = r.location
    if force is None or not (force.theatre or force.family) or location is None:
        return None
    if r.trig.action == "cooperation_ended":
        return None
    return country, sibling_in(force, location.place.country) or force


def _outside_theatre(r: OwnerReading, owner: Owner) -> Verdict:
    """ "approved 60 soldiers for the EU partnership mission in Niger, as Berlin pulls its troops out of Mali": a
    nation's troops elsewhere than the force's theatre are not that force's."""
    country, force = owner
    places = (r.location, r.destination)
    if (
        force is not None
        and force.theatre
        and country not in (None, force.default_actor)
        and not any(p is not None and p.place.country in force.theatre for p in places)
        and any(p is not None for p in places)
    ):
        return country, None
    return None


def _host_ends_mission(r: OwnerReading, owner: Owner) -> Verdict:
    """ "la junte nigérienne a mis fin à la mission de partenariat de l'UE": the cooperation of a UN or EU mission
    that its host ends is told as the mission's (the bloc's), not the host's."""
    country, force = owner
    if (
        r.trig.action != "cooperation_ended"
        or force is None
        or not force.reported
        or force.default_actor
        not in (
            "UN",
            "EU",
        )
    ):
        return None
    if country is None or r.location is None or country != r.location.place.country:
        return None
    return force.default_actor, force


def _leaves_own_force(r: OwnerReading, owner: Owner) -> Verdict:
    """ "the withdrawal from MINUSMA": a withdrawal "from" a force named after the cue is a contributor's that the
    sentence does not name, not the force's own actor's (the UN's)."""
    country, force = owner
    if force is None or not force.reported or country is None or country != force.default_actor:
        return None
    if any(m.force is force and leaves_force(r.text, r.trig, m.start, r.ctx.language) for m in r.forces):
        return None, force
    return None


def _commenter(r: OwnerReading, owner: Owner) -> Verdict:
    """ "The US condemned the stationing of Rwandan missiles", "Die USA verurteilten die Stationierung ...": a
    nation named only as one that comments on the move before its cue is no owner; the troops' own adjective after
    the cue in its clause is, else the cue is nobody's event."""
    country, force = owner
    if country is None or (force is not None and force.reported) or r.trig.action == "cooperation_ended":
        return None
    mine = [w for w in r.whos if w.country == country]
    verb_last = not r.syn.adjuncts_follow_verb
    if not mine or not all(comments_on(r.text, w.end, r.trig, r.ctx.language, verb_last) for w in mine):
        return None
    mark = CLAUSE_END.search(r.text, r.trig.end)
    end = mark.start() if mark else len(r.text)
    after = [w for w in r.whos if r.trig.end <= w.start < end and w.country]
    adjective = next((w for w in after if w.kind in ("adjective", "demonym")), None)
    return (adjective.country, force) if adjective is not None else DROP


def possessive_owner(trig: Trigger, whos: list[Who], text: str, language: str) -> Who | None:
    """The antecedent of a possessive relative that owns a noun cue ("MONUSCO, whose own drawdown was frozen"),
    when it names a force or a nation: the move is its own, no co-actor's."""
    end = possessive_antecedent(text, trig, language)
    owner = next((w for w in whos if end is not None and 0 <= end - w.end <= 1), None)
    return owner if owner is not None and (owner.force is not None or owner.country) else None


def _possessive_owner(r: OwnerReading, owner: Owner) -> Verdict:
    """ "MONUSCO, whose own drawdown ...", "la Minusma, dont le retrait": the antecedent's force and nation."""
    antecedent = possessive_owner(r.trig, r.whos, r.text, r.ctx.language)
    if antecedent is None:
        return None
    if antecedent.force is not None:
        return antecedent.country or antecedent.force.default_actor, antecedent.force
    return antecedent.country, owner[1]


AFTER_PLACE: Final[tuple[Rule, ...]] = (
    _contributing_nation,
    _sibling_mission,
    _outside_theatre,
    _host_ends_mission,
    _leaves_own_force,
    _commenter,
    _possessive_owner,
)


# --------------------------------------------------------------------------- the rules, after the date


def _mission_of_its_year(r: OwnerReading, owner: Owner) -> Verdict:
    """ "the AU mission in Somalia", "la mission de l'UA en Somalie" in a year outside its years: the member of the
    family that served then (ATMIS in 2023); a mission named by its own name ("AMISOM") stays itself."""
    country, force = owner
    if force is None or not force.family or _in_years(force, r.date, r.ctx):
        return None
    own = {force.name.casefold(), *(a.casefold() for a in force.aliases if " " not in a)}
    if any(w.force is force and w.text.casefold() in own for w in r.whos):
        return None
    year = _event_year(r.date, r.ctx)
    return country, (successor_in(force, year) if year is not None else None) or force


def _carried_out_of_years(r: OwnerReading, owner: Owner) -> Verdict:
    """ "Germany sent 1,000 soldiers to MINUSMA ... In 2024 the Bundeswehr flew 60 more to Niamey": a force the
    sentence does not name, carried from before, is not that of an event outside its years (nobody's troops are
    left without a nation)."""
    country, force = owner
    if force is None or any(w.force is force for w in r.whos) or _in_years(force, r.date, r.ctx):
        return None
    return DROP if country is None else (country, None)


AFTER_DATE: Final[tuple[Rule, ...]] = (_mission_of_its_year, _carried_out_of_years)


# --------------------------------------------------------------------------- what the rules read


def foreign_partner(text: str, whos: list[Who], home: str) -> Owner | None:
    """ "a joint French and Malian column", "malische Truppen gemeinsam mit russischen Kämpfern der Wagner-Gruppe",
    "l'armée malienne et Wagner": the foreign troops named with a home army, in the same clause, right beside it
    (`events._draft` asks it of troops at home, which are no event unless foreign troops join them)."""
    mine = [w for w in whos if w.country == home and not w.force]
    for w in whos:
        code = w.country or actor_of(w.force)
        if code in (None, home, "UN", "EU") or w.weight > 1.0 or w.kind in GOVERNMENT:
            continue
        for h in mine:
            a, b = (h, w) if h.end <= w.start else (w, h)
            gap = text[a.end : b.start]
            if a.end <= b.start and len(_WORDS.findall(gap)) <= 6 and not CLAUSE_END.search(gap):
                return code, w.force
    return None


def _in_years(force: Force, date: DateMention | None, ctx: _Context) -> bool:
    """Whether the event's year (the article's when it has no date) lies within the force's years."""
    year = _event_year(date, ctx)
    if force.years is None or year is None:
        return True  # no year to compare: the force as named
    return force.years[0] <= year <= force.years[1]


def _event_year(date: DateMention | None, ctx: _Context) -> int | None:
    """The event's year, else the article's; None for an undated event of an undated article (hostile input)."""
    if date is not None and date.date[:4].isdigit():
        return int(date.date[:4])
    return ctx.article.published.year if ctx.article.published is not None else None


_MAX_ACTOR_COST = 22.0
_WORDS = re.compile(r"\w+")
_MAX_FORCE_COST = 10.0
_NAMED = re.compile(r"\s+([A-ZÀ-ÖØ-Þ][\w-]*)")  # a capitalised name right after "the operation": its own name


def _agentless_strike(ctx: _Context, home_of: Callable[[], str | None]) -> Owner:
    """Whose a strike is when the sentence names no one ("des frappes aériennes ont visé ... près d'Arbinda",
    "Bei einem Drohnenangriff nahe Fada N'Gourma"): that of whoever struck last in the paragraph, or of the
    paragraph's subject, else the air force of the country it is in (not foreign troops a paragraph before
    spoke of)."""
    if ctx.striker is not None and ctx.striker[0] == ctx.paragraph and ctx.striker[1] == ctx.subject:
        return ctx.striker[1], ctx.striker[2]
    if ctx.subject is not None and ctx.subject_at == ctx.paragraph:
        return ctx.subject, ctx.subject_force  # "The operation, code-named Serval, opened on Friday. That
        # afternoon Mirage jets hit rebel trucks": the paragraph's subject
    home = home_of()
    return (home, None) if home is not None else (ctx.subject, ctx.subject_force)


def _framing_force(text: str, whos: list[Who], country: str, syn: _Syntax) -> Force | None:
    """The force a nation's troops serve in when the sentence frames them in one far from the cue ("Malawi sent 300
    soldiers to Goma as part of the SADC mission", "dans le cadre de la SAMIDRC", "im Rahmen der Amisom"): the one
    force named after a framing phrase, when that nation may serve in it."""
    framed = set(_framed_forces(text, whos, syn))
    if len(framed) != 1:
        return None
    force = framed.pop()
    return force if force.reported and force.accepts(country) else None


def _framed_forces(text: str, whos: list[Who], syn: _Syntax) -> list[Force]:
    """The forces named right after a framing phrase ("as part of", "dans le cadre de", "im Rahmen der"), in order."""
    return [w.force for w in whos if w.force and syn.framework.search(text[max(0, w.start - 60) : w.start])]


def _bare(w: Who, text: str, language: str) -> bool:
    """Whether a candidate is a bare army ("the army", "des Generalstabs") rather than a name."""
    return (
        w.kind == "army"
        and w.force is None
        and not any(a.start == w.start and not generic_army(a, language) for a in find_actors(text, language))
    )


def _announcer(
    trig: Trigger, text: str, whos: list[Who], troops: list[tuple[tuple[int, int], Who]], ctx: _Context
) -> Who | None:
    """ "Macron announced on February 17 the withdrawal of Barkhane", "kündigte Paris am Montag den Abzug ... an":
    a leader or capital that announces or decides the cue, in its clause, speaks for the troops it moves, unless
    troops of a nation are named between them ("Paris announced that Chadian troops would leave")."""
    for w in reversed([w for w in whos if w.kind in GOVERNMENT and w.country and w.end <= trig.start]):
        if not announces(text, w.end, ctx.syntax, ctx.language) or len(text[w.end : trig.start].split()) > 15:
            return None
        if any(w.end <= a and b <= trig.end for (a, b), _ in troops):
            return None
        if any(w.end <= v.start < trig.start and v.country not in (None, w.country) for v in whos):
            return None  # "Macron said that Chad would withdraw": the nation named after him
        if any(_owns_cue(v, trig, text) and v.country not in (None, w.country) for v in whos):
            return None  # "le président a exigé la fermeture des emprises françaises": the bases are France's
        return w
    return None


def _owns_cue(v: Who, trig: Trigger, text: str) -> bool:
    """Whether a nationality qualifies the cue's own noun ("the closure of the French bases", "la fermeture des
    emprises françaises", "den Abzug der französischen Einheiten"): inside the cue or right after it."""
    if v.kind != "adjective" or v.start < trig.start:
        return False
    phrase = trig.kind == "noun" or " " in trig.text
    return v.start < trig.end or (phrase and adjacent(text, trig.end, trig.end, v.start, v.end))


@lru_cache(maxsize=256)  # asked of each leader or capital of a sentence, again for each cue after it
def announces(text: str, end: int, syn: _Syntax, language: str) -> bool:
    """ "Macron announced on February 17", "Emmanuel Macron avait annoncé", "Pistorius kündigte an", "Déby
    ordered", "Traoré avait dénoncé l'accord": a leader who is the subject of a verb that reports or decides, or of
    the cue itself (a few words on, in the clause)."""
    aside = re.match(r"\s*,[^,;:.]{0,60},", text[end:])  # "Ben Wallace, speaking in London, confirmed"
    base = end + aside.end() if aside is not None else end
    window = text[base : base + 60]
    verbs = [a for a, _ in report_spans(window, language)] + [m.start() for m in syn.leader_verb.finditer(window)]
    verbs += [t.start - base for t in find_triggers(text, language) if t.kind == "verb" and base <= t.start]  # dénoncé
    if any(len(window[:v].split()) <= 3 and not CLAUSE_END.search(window[:v]) for v in verbs):
        return True
    start = len(text[:end].rstrip()) - len(text[:end].rstrip().split()[-1]) if text[:end].strip() else 0
    head = text[max(0, start - 40) : start]  # "kündigte Macron am Montag ... an", "a déclaré le président Macron"
    ends = [b for _, b in report_spans(head, language)] + [m.end() for m in syn.leader_verb.finditer(head)]
    return any(len(head[b:].split()) <= 3 and not CLAUSE_END.search(head[b:]) for b in ends)


def _insurgent_subject(trig: Trigger, text: str, whos: list[Who], syn: _Syntax) -> bool:
    """ "des combattants de Boko Haram avaient attaqué une position militaire", "Rebels attacked a camp": a strike
    whose clause names an armed group before the verb, with no army or force between, is that group's attack."""
    if trig.action != "strike":
        return False
    lo = clause_start(text, trig.start)
    groups = list(syn.insurgent.finditer(text, lo, trig.start))
    if not groups:
        return False
    end = clause_end(text, trig.end, CLAUSE_MARKS + ".")
    if syn.passive.search(text, lo, end):  # "plusieurs dizaines de terroristes ont été neutralisés": the victims
        return False

    def theirs(m: re.Match[str]) -> bool:  # "Boko Haram fighters", "des combattants de Boko Haram": the group's own
        return any(0 <= m.start() - g.end() <= 1 or _of_group(text[m.end() : g.start()], syn) for g in groups)

    # "nach dem Angriff der Rebellen hat die Armee ... bombardiert", "belgische Soldaten haben Dschihadisten
    # neutralisiert" (the object before a German verb): soldiers or a nation named in the clause strike
    if any(not theirs(m) for m in syn.troop_noun.finditer(text, lo, trig.start)):
        return False
    return not any(lo <= w.start < trig.start for w in whos)


def _troops_of_force(text: str, end: int, syn: _Syntax) -> bool:
    """ "les soldats de la mission", "die Soldaten der Mission": troops a force anaphor owns, right after them."""
    return any(0 <= m.start() - end <= 6 for m in sentence_matches(syn, "force_anaphor", text))


def anaphor_force(ctx: _Context, phrase: str) -> Force | None:
    """The force "the mission", "la force", "die Mission" points back to: the latest of the kind its noun
    names ("the mission's soldiers" after MINUSMA then Wagner: MINUSMA), else the force named last."""
    said = phrase.lower()
    kinds = next((k for word, k in ctx.syntax.anaphor_kinds if word in said), None)
    if kinds:
        for f in reversed(ctx.forces_seen):
            if f.kind in kinds:
                return f
    return ctx.last_force


def _other_name(text: str, end: int, force: Force) -> bool:
    """ "l'opération Sangaris" after Barkhane was named: the phrase names another force than the last one
    ("la mission de formation EUTM" names the last one, EUTM Mali)."""
    m = _NAMED.match(text, end)
    return m is not None and not force.name.lower().startswith(m.group(1).lower())


def _contributor(
    force: Force, whos: list[Who], location: PlaceMention, subject: str | None, text: str = ""
) -> str | None:
    """ "Die Regierung in Prag beschloss, die Spezialkräfte der europäischen Takuba-Einheit zurückzuholen": a
    coalition's contingent belongs to the contributing country the sentence names as its subject (not the
    host country where they serve)."""
    nations = [
        w.country
        for w in whos
        if w.country not in (None, "UN", "EU", location.place.country)
        # a capital opening the sentence is its subject: "Ottawa hatte angekündigt ...; der Einsatz im Rahmen der ..."
        and (w.weight <= 1.0 or (w.kind in GOVERNMENT and not text[: w.start].strip()))
        and w.kind in NATION_KINDS
        and force.accepts(w.country)
    ]
    alone = not nations and force.kind == "coalition" and all(w.force for w in whos)
    if alone and subject not in (None, "UN", "EU", location.place.country) and subject in force.contributors:
        return subject  # "Der Einsatz bei Takuba war erst im vergangenen Jahr angelaufen": the article's country
    return nations[0] if len(set(nations)) == 1 else None


def _troop_nouns_before(syn: _Syntax, text: str, end: int) -> list[re.Match[str]]:
    """`syn.troop_noun.finditer(text, 0, end)`, taken from the sentence's troop nouns found once: where `end`
    starts a word (a cue's start), a noun that ends by `end` is found alike in the text cut there."""
    found = sentence_matches(syn, "troop_noun", text)
    cut = text[end - 1 : end]
    if cut and (cut.isalnum() or cut in "_-"):
        return list(syn.troop_noun.finditer(text, 0, end))
    out = []
    for m in found:
        if m.end() <= end:
            out.append(m)
        elif m.start() < end:  # a noun phrase across the cut: ask the cut text
            return list(syn.troop_noun.finditer(text, 0, end))
        else:
            break
    return out


def _who(
    trig: Trigger,
    text: str,
    costs: _Costs,
    whos: list[Who],
    subject: Who | None,
    count: TroopCount | None,
    ctx: _Context,
) -> Owner:
    """Whose troops: inside the counted noun phrase first, then the sentence's subject for "its
    soldiers", then the nearest name of the clause (a verb's subject stands before it)."""
    span = (trig.start, trig.end)
    aside = [(a, b) for a, b in costs.clauses if not a <= trig.start < b]
    outside = [w for w in whos if not any(a < w.start < b for a, b in aside)]
    if outside and any(w.country for w in outside):
        # "Die nigrische Armee hat ihren Posten in Madama, den bis 2022 französische Soldaten nutzten, verstärkt":
        # a relative clause that does not hold the cue names others than its actor
        whos = outside
    whos = [w for w in whos if w.kind != "leader" or w.end <= trig.start]  # a leader speaks for what he announces
    if trig.host:  # "Niger agreed to host the European forces": the subject is the place, the object the troops
        whos = [w for w in whos if w.start >= trig.end]
    elif (trig.needs_place or trig.recipient_after) and trig.kind == "verb":
        # "French troops train Malian forces", "the camp was handed over to MINUSMA": the object is not the actor
        before = [w for w in whos if w.end <= trig.start]
        inverted = not before or CLAUSE_END.search(text, before[-1].end, trig.start) is not None
        # "In Koulikoro bildet die Bundeswehr ... Rekruten aus": with a fronted adjunct, the subject follows
        # the finite verb inside the cue (a verb-second language, and no name before it in the clause)
        whos = [
            w
            for w in whos
            if w.end <= trig.start
            or (trig.recipient_after and _heads_cue(text, trig, w, ctx.syntax))
            or (
                inverted
                and not trig.recipient_after  # "an die malische Armee übergeben": the recipient, not the subject
                and not ctx.syntax.adjuncts_follow_verb
                and _heads_cue(text, trig, w, words=2)
            )
            or (trig.intransitive and _counted_subject(text, trig, w, count))
        ]
    named = [w for w in whos if w.country and (w.kind in ("adjective", "army", "demonym") or w.weight < 0)]
    if count is not None:  # "300 British soldiers", "5,000 troops French", "1.100 Bundeswehrsoldaten"
        inside = [w for w in named if count.start <= w.start and w.end <= count.end + 12]
        inside = [w for w in inside if costs.between((count.start, count.end), (w.start, w.end)) <= 1]
        if inside and inside[0].country in ("UN", "EU"):  # "Chad ... its contingent of 1,400 peacekeepers"
            nations = [w for w in whos if w.country not in (None, "UN", "EU") and w.end <= count.start]
            nations = [w for w in nations if w.weight <= 1.0 and w.kind not in GOVERNMENT]
            nations = [w for w in nations if not _stance(w, trig, text, ctx)]
            if nations:
                return _reconcile(nations[-1].country, _nearest_force(whos, span, costs))
        if inside:
            return _reconcile(inside[0].country, _nearest_force(whos, span, costs))
        after = [w for w in whos if trig.intransitive and _counted_subject(text, trig, w, count)]
        if after and (after[0].country or after[0].force):  # "kämpfen 1200 Söldner der russischen Wagner-Gruppe"
            force = next((w.force for w in after if w.force), None)
            country = next((w.country for w in after if w.country), None) or actor_of(force)
            return _reconcile(country, force)
    # "Wagner fighters", "Barkhane soldiers": a force right before its troops owns them too
    troops = _troop_phrases(text, named + [w for w in whos if w.force], ctx.syntax, costs)
    phrases = [(costs.between(t, span), w) for t, w in troops if costs.between(t, span) <= ctx.syntax.troop_window]
    best = min(phrases, key=lambda p: p[0], default=None)
    if best is not None and best[0] <= 4:  # "The last German soldiers ... left", "le départ des soldats français"
        owner = best[1]
        nations = [w for w in whos if w.country not in (None, "UN", "EU") and w.end <= trig.start]
        nations = [w for w in nations if w.weight <= 1.0 and w.kind == "country" and not _stance(w, trig, text, ctx)]
        if owner.country in ("UN", "EU") and owner.force is None and nations:  # "Sweden to bring home peacekeepers"
            return _reconcile(nations[0].country, _nearest_force(whos, span, costs))
        owned = [m for m in sentence_matches(ctx.syntax, "possessive", text) if 0 <= owner.start - m.end() <= 2]
        if owner.force is not None and actor_of(owner.force) in ("UN", "EU") and owned and nations:
            # "..., while Sweden brought forward the departure of its MINUSMA contingent": the nation "its"
            # points back to (the nearest before it) owns a contingent of a bloc's mission
            nation = [w for w in nations if w.end <= owned[0].start()][-1:]
            if nation and owner.force.accepts(nation[0].country):
                return nation[0].country, owner.force
        return _reconcile(owner.country or actor_of(owner.force), owner.force or _nearest_force(whos, span, costs))
    nouns_before = _troop_nouns_before(ctx.syntax, text, trig.start)
    speaker = _announcer(trig, text, whos, troops, ctx)
    if speaker is not None:  # "After the arrival of Russian instructors, Macron announced the withdrawal of ..."
        return _reconcile(speaker.country, _nearest_force(whos, span, costs))
    first = nouns_before[0] if nouns_before else None
    if (
        trig.kind == "verb"
        and first is not None
        and (count is None or count.start <= first.end())  # the cue counts troops of its own, not those
        and trig.action != "cooperation_ended"  # "Les militaires putschistes ont dénoncé": a junta, no troops
        and len(text[: first.start()].split()) <= 2
        and not any(w.start < first.start() for w in whos)
        and not any(costs.between((w.start, w.end), first.span()) <= 3 for w in whos)
        and not any(a <= first.start() < b for (a, b), _ in troops)
        and not _troops_of_force(text, first.end(), ctx.syntax)
    ):  # "The soldiers, based at a French air base in N'Djamena, will be moved": those of the last sentence
        # (not "les soldats de la mission", "die Soldaten der Mission": the force they point back to says)
        return ctx.subject, ctx.subject_force
    if trig.kind == "verb" and trig.action != "cooperation_ended":  # "Ein Teil der Ausbilder wird ... verlegt"
        before = nouns_before
        owned = {t for t, _ in troops}
        if (
            before
            and costs.between(before[-1].span(), span) <= 4
            and not any(a <= before[-1].start() and before[-1].end() <= b for a, b in owned)
        ):
            owners = [w for w in whos if w.end <= before[-1].start() and w.weight <= 1.0]
            countries = [w for w in owners if w.country]
            countries = [w for w in countries if w.country not in ("UN", "EU")] or countries  # "hat die UN informiert"
            if countries:  # "Chad is one of the contributors to MINUSMA, with 1,400 soldiers stationed"
                return _reconcile(countries[-1].country, _nearest_force(whos, span, costs))
            if owners:
                return owners[-1].force.default_actor if owners[-1].force else None, owners[-1].force
            pointed = _troops_of_force(text, before[-1].end(), ctx.syntax)  # "les soldats de la mission"
            if not [w for w in whos if w.end <= trig.start] and not pointed:
                return ctx.subject, ctx.subject_force
    possessive = [m for m in sentence_matches(ctx.syntax, "possessive", text) if costs.between(m.span(), span) <= 4]
    if possessive:
        pos = possessive[0].start()
        owners = [w for w in whos if w.end <= pos and w.weight <= 2.0]
        # the troops of the possessive's own clause, not those of a clause before ("part of the Sabre contingent
        # would be redeployed to Niger, where France keeps 1,500 soldiers at its air base": France's soldiers)
        subjects = [w for t, w in troops if t[1] <= pos and costs.between(t, (pos, pos + 1)) <= _MAX_FORCE_COST]
        if subjects:  # "The last German soldiers of the UN mission ... left their camp"
            owner = subjects[0]
            return _reconcile(owner.country or actor_of(owner.force), owner.force or _nearest_force(whos, span, costs))
        if owners:
            nations = [w for w in owners if w.country] or owners  # "l'Allemagne, qui ... son contingent"
            # "Côte d'Ivoire informed the UN that it would withdraw its troops": a nation owns troops the UN is told of
            nations = [w for w in nations if w.country not in ("UN", "EU")] or nations
            owner = min(nations, key=lambda w: costs.between((w.start, w.end), (pos, pos + 1)) + w.weight)
            return _reconcile(owner.country, owner.force or _nearest_force(whos, span, costs))
        return ctx.subject, ctx.subject_force  # "our deployment", "its troops" of the article's subject

    bonus = {id(w): c - 3.0 for c, w in phrases}  # a nationality that qualifies troops counts nearer

    def score(w: Who) -> float:
        c = bonus.get(id(w), costs.between((w.start, w.end), span)) + w.weight
        if w.end <= trig.start and ctx.syntax.relative.match(text, w.end):
            c -= 12.0  # "France, which ... still has 4,500 troops": the clause's antecedent is its subject
        if w.start >= trig.end and trig.kind == "verb" and id(w) not in bonus:
            c += ctx.syntax.right_penalty
        return c

    ranked = sorted((w for w in whos if score(w) <= _MAX_ACTOR_COST), key=score)
    if not ranked and not ctx.syntax.adjuncts_follow_verb and trig.kind == "verb" and whos:
        lead = whos[0]  # "Die Blauhelme der UN-Mission Minusma, darunter ..., hatten ihr Lager ... geräumt": the
        opens = lead.end <= trig.start and len(text[: lead.start].split()) <= 3  # subject opens, the verb comes last
        if opens and not ctx.syntax.breaks.search(text, lead.end, trig.start):  # ", nachdem die Junta ... beendet"
            return _reconcile(lead.country or actor_of(lead.force), lead.force)
    country = next((w.country for w in ranked if w.country), None)
    force = next((w.force for w in ranked if w.force and (country is None or score(w) <= _MAX_FORCE_COST)), None)
    nearest = ranked[0] if ranked else None
    if nearest is not None and nearest.force is not None and country is not None:
        named = next(w for w in ranked if w.country)
        later = named.start >= trig.end and actor_of(nearest.force) is not None
        if (
            later
            and CLAUSE_END.search(text, trig.end, named.start)
            and not CLAUSE_END.search(text, *sorted((trig.end, nearest.start)))
        ):  # "räumte die Minusma ihr Lager, ... rückten malische Truppen ein": the force of the cue's own clause
            return actor_of(nearest.force), nearest.force
    if country and force and not force.accepts(country):
        first = ranked[0]
        return (first.country, None) if first.country else (None, first.force)
    return country, force


_CLAUSE_BREAK = re.compile(r"[;:]|[,.](?!\d)")  # not the point or comma of "14.000", "1,100"


def _of_group(gap: str, syn: _Syntax) -> bool:
    """Whether the words between a troop noun and an armed group are a genitive preposition ("combattants de
    Boko Haram", "fighters of ISWAP"): the group's own fighters."""
    return gap[:1].isspace() and syn.genitive_of.fullmatch(gap.strip()) is not None


@cache
def _complement(language: str) -> re.Pattern[str]:
    """A word that opens a reported clause ("that", "que", "dass"; syntax.json `complementizers`)."""
    words = (rules.load("syntax", language) or {}).get("complementizers", [])
    alts = alternation([f for w in words for f in spellings(w, free_first=False)]) or NEVER
    return re.compile(rf"\s*(?:{alts})\b", re.IGNORECASE)


def _clause_owner(
    text: str,
    trig: Trigger,
    ranked: list[Who],
    country: str,
    force: Force,
    syn: _Syntax,
    clauses: list[tuple[int, int]],
) -> Owner:
    """The nation and the force a cue takes from different clauses: "French forces left Mali two years ago,
    MINUSMA's blue helmets pulled out": a force named across a clause break from the cue is not the troops of
    the nation its own clause names (no force rather than a wrong one); "French troops of Barkhane completed their
    pullout in 2022, and the UN mission MINUSMA wound up its operations": a nation named across a clause break is
    not the force's whose clause holds the cue (its own actor)."""

    def apart(w: Who) -> bool:
        lo, hi = (w.end, trig.start) if w.end <= trig.start else (trig.end, w.start)
        return _CLAUSE_BREAK.search(text, lo, hi) is not None

    if country in ("UN", "EU") and force.accepts(country):
        return country, force  # "die Minusca hat 14.000 Blauhelme stationiert": the bloc's own mission
    nations = [w for w in ranked if w.country == country and w.force is None]
    forces = [w for w in ranked if w.force is force]
    if not nations or not forces:
        return country, force  # a nation or a force the cue took from context
    near = [w for w in nations if not apart(w)]
    if near and all(apart(w) for w in forces):
        return country, None
    if near or force.default_actor in (None, country):
        return country, force
    opening = max((m.end() for m in _CLAUSE_BREAK.finditer(text, 0, trig.start)), default=0)
    if syn.relative.match(text, opening) or syn.relative.match(text, opening + 1):
        return country, force  # "..., die in den vergangenen Wochen ... abgewickelt hatten": the antecedent's
    if any(not _CLAUSE_BREAK.search(text, *sorted((n.end, f.start))) for n in nations for f in forces):
        return country, force  # "des österreichischen EUTM-Kontingents": the nation's contingent of the force
    # the force is the subject of the cue's own clause, the nation named before a main clause break (not one
    # that opens a clause set off inside the sentence, not the antecedent of a relative clause)
    subjects = [f for f in forces if f.end <= trig.start and not apart(f)]
    for n in nations:
        if n.end > trig.start or syn.relative.match(text, n.end) or syn.relative.match(text, n.end + 1):
            return country, force
        for f in subjects:
            breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text, n.end, f.start)]
            # "Macron announced, that Barkhane ...": a reported clause
            said = breaks and _complement(syn.language).match(text, breaks[-1] + 1)
            if breaks and not said and not any(any(a <= p <= b for a, b in clauses) for p in breaks):
                continue
            return country, force
    return (force.default_actor, force) if subjects else (country, force)


def _others_clause(text: str, trig: Trigger, mention: Who, whos: list[Who], country: str) -> bool:
    """Whether the force `mention` names belongs to a clause of another nation's: "Lithuania pulled its trainers
    out of Koulikoro, Sweden ended its MINUSMA participation" (another nation opens a clause between the cue and
    the force, or between the force and the cue)."""
    if mention.start >= trig.end:
        lo, hi = trig.end, mention.start
    else:
        lo, hi = mention.end, trig.start
    for v in whos:
        if v.force is not None or v.country in (None, country, "UN", "EU") or not lo <= v.start < hi:
            continue
        # a clause break before the other nation, none between it and the far end (the force or the cue)
        if v.weight <= 1.0 and CLAUSE_END.search(text, lo, v.start) and not CLAUSE_END.search(text, v.end, hi):
            return True
    return False


def _participant(ctx: _Context, force: Force | None, whos: list[Who], trig: Trigger) -> str | None:
    """The nation whose participation a sentence ends when it names none: the last subject, or the nation
    of most of the article's events (a bloc such as the EU does not take part in its own mission)."""
    if force is not None and any(w.force is force and w.end <= trig.start for w in whos):
        return None  # "EUTM's participation": the force is the owner
    nations = [ctx.subject] + [key[0] for key, _ in sorted(ctx.actors.items(), key=lambda kv: -kv[1])]
    ok = [c for c in nations if c and c not in ("EU", "UN") and (force is None or force.accepts(c))]
    return ok[0] if ok else None


def _stance(w: Who, trig: Trigger, text: str, ctx: _Context) -> bool:
    """ "Niger agreed to the deployment of European trainers", "Mali condemned the arrival of peacekeepers": a
    country that consents to or condemns the coming of EU or UN troops is the host, not a contributor."""
    if w.end > trig.start:
        return False
    end = trig.start
    if not ctx.syntax.adjuncts_follow_verb:  # "hatte der Entsendung europäischer Ausbilder zugestimmt": verb last
        end = m.start() if (m := CLAUSE_END.search(text, trig.end)) else len(text)
    return ctx.syntax.stance.search(text, w.end, end) is not None


def _article_actor(ctx: _Context) -> Owner:
    """The actor of most of the article's events so far (the last sentence's subject when none): the owner
    of a base handed over with no agent named."""
    if not ctx.actors:
        return ctx.subject, ctx.subject_force
    top = max(ctx.actors.values())
    country, name = next(k for k, n in reversed(ctx.actors.items()) if n == top)  # the latest of the most frequent
    return country, force_by_name(name) if name else None


def _counted_subject(text: str, trig: Trigger, who: Who, count: TroopCount | None) -> bool:
    """ "In Mali kämpfen rund 300 tschadische Soldaten", "where up to 900 Wagner fighters operate": with the verb
    first, the subject is the counted troops right after it (an intransitive cue has no object to mistake)."""
    if count is None or count.start < trig.end or len(text[trig.end : count.start].split()) > 1:
        return False
    tail = re.match(r"[^,;:()]{0,40}", text[count.end :])
    return count.start <= who.start and who.end <= count.end + (tail.end() if tail else 0)


def _heads_cue(text: str, trig: Trigger, who: Who, syn: _Syntax | None = None, words: int = 1) -> bool:
    """ "Le drapeau français a été descendu": a name at the head of a cue that spans its object; "räumte die
    Minusma ihr Lager": the subject after the verb, inside the cue (not a recipient after "an", "to")."""
    if not trig.start <= who.start < trig.end:
        return False
    lead = text[trig.start : who.start]
    if len(lead.split()) <= words:
        return True
    return syn is not None and not syn.adjuncts_follow_verb and not syn.not_actor_after.search(lead)


def _troop_phrases(text: str, named: list[Who], syn: _Syntax, costs: _Costs) -> list[tuple[tuple[int, int], Who]]:
    """Troop nouns with the nationality or army that qualifies them, as (span of the phrase, owner)."""
    out = []
    named = sorted(named, key=lambda w: w.country in ("UN", "EU"))  # "casques bleus tchadiens": Chad's
    names = [(w.start, w.end) for w in named if w.force]
    for m in sentence_matches(syn, "troop_noun", text):
        if any(a <= m.start() and m.end() <= b for a, b in names):
            continue  # the "Force" of "G5 Sahel Joint Force" names the force, not troops of it
        for w in named:
            if w.start <= m.start() and w.end >= m.end():  # "Bundeswehrsoldaten"
                out.append((m.span(), w))
                break
            gap = costs.between((w.start, w.end), m.span())
            if gap <= 1 and (w.end <= m.start() or w.start - m.end() <= 2):
                out.append(((min(w.start, m.start()), max(w.end, m.end())), w))
                break
    return out


def actor_of(force: Force | None) -> str | None:
    return force.default_actor if force else None


def _nearest_force(whos: list[Who], span: tuple[int, int], costs: _Costs) -> Force | None:
    forces = [(costs.between((w.start, w.end), span), w.force) for w in whos if w.force]
    forces = [f for f in forces if f[0] <= _MAX_FORCE_COST and (f[1].listed or _framing(f[1], whos, span, costs))]
    return min(forces, key=lambda f: f[0])[1] if forces else None


def _nearest_operation(whos: list[Who], span: tuple[int, int], costs: _Costs) -> Force | None:
    """A named operation the registry does not know, close enough to the cue to frame its troops."""
    ops = [(costs.between((w.start, w.end), span), w.force) for w in whos if w.force and not w.force.listed]
    ops = [f for f in ops if f[0] <= _MAX_FORCE_COST and _framing(f[1], whos, span, costs)]
    return min(ops, key=lambda f: f[0])[1] if ops else None


def _framing(op: Force, whos: list[Who], span: tuple[int, int], costs: _Costs) -> bool:
    """Whether the operation is named in the cue's own clause: "French trainers are at work in Benin, where the
    army has stationed 3,000 soldiers under Operation Mirador" frames the army's soldiers, not the trainers."""
    return any(w.force is op and costs.inside(w.start) == costs.inside(span[0]) for w in whos)


def _reconcile(country: str | None, force: Force | None) -> Owner:
    if force is not None and not force.accepts(country):
        return country, None
    return country, force


def _partner(text: str, sentence: Sentence, ctx: _Context) -> str | None:
    """The country named after "with" in a sentence about ended cooperation."""
    for a in find_actors(text, ctx.language):
        if a.kind in NATION_KINDS and a.country and gated(ctx.syntax.place_veto).search(text[: a.start]):
            return a.country
    return None
