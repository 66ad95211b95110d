"""Who is bound, who is exempt, and who says what about a target's exemption.

The knowledge base, when given, supplies an actor's kind, country and parent (so a unit
of a party counts as the party) and dated designations; without it only the ids and kinds
the report carries are used.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from trucewatch.model.agreement import ActorClass, Agreement, Party
from trucewatch.model.event import ActorRef, Designation, PlaceRef
from trucewatch.model.kb import KnowledgeBase, Unresolved

# Labels that, in a party's mouth, amount to "attacking them is not a breach".
_EXEMPTING_LABELS = ("terror", "extremis", "jihadi", "takfiri")
# Words that make a designation's subject a class of armed opponents, not a named group.
_CLASS_WORDS = ("opposition", "rebel", "armed group", "militant", "insurgent", "taken up arms")
_ARMED_KINDS = frozenset({"rebel", "militia", "identity-militia", "external", "other"})
_MAX_DEPTH = 8


@dataclass(frozen=True)
class Who:
    """An actor as assessment sees it: ids up the parent chain, kind, country, display name."""

    name: str
    lineage: tuple[str, ...]
    kind: str | None
    country: str | None

    @property
    def identified(self) -> bool:
        return bool(self.lineage) or self.kind not in (None, "unidentified")


def who(ref: ActorRef | None, kb: KnowledgeBase | None, on: dt.date | None) -> Who | None:
    """Describe an actor reference, resolving it through the knowledge base if one is given."""
    if ref is None:
        return None
    actor_id, kind, country = ref.id, ref.kind, ref.country
    if actor_id is None and kb is not None and ref.kind != "unidentified":
        match = kb.resolve_actor(ref.name, on=on)
        if not isinstance(match, Unresolved):
            actor_id = match.actor.id
    lineage: list[str] = []
    current = actor_id
    while current is not None and current not in lineage and len(lineage) < _MAX_DEPTH:
        lineage.append(current)
        actor = kb.actor(current) if kb is not None else None
        if actor is None:
            break
        if current == actor_id:
            kind = kind or actor.kind
            country = country or actor.country
        current = actor.parent
    return Who(ref.name, tuple(lineage), kind, country)


def display(actor_id: str, kb: KnowledgeBase | None) -> str:
    """An actor's name for people: the KB's name, else the id in words ('united-states' ->
    'United States'), so views keyed by name from reports and by id from positions agree."""
    actor = kb.actor(actor_id) if kb is not None else None
    if actor is not None:
        return actor.name
    return actor_id.replace("-", " ").title() if actor_id.islower() else actor_id


def in_class(group: ActorClass, actor: Who, place: PlaceRef | None) -> bool:
    """Does the actor belong to a described class (kind, country, region)?"""
    if group.kinds and actor.kind not in group.kinds:
        return False
    country = actor.country or (place.country if place is not None else None)
    if group.country and (country or "").upper() != group.country.upper():
        return False
    if group.admin1:
        admin1 = place.admin1 if place is not None else None
        if (admin1 or "").casefold() != group.admin1.casefold():
            return False
    return True


@dataclass(frozen=True)
class Exemption:
    rule: str  # exemption.explicit | exemption.designation
    reason: str
    evidence: tuple[str, ...] = ()


def exemption(
    agreement: Agreement, actor: Who, kb: KnowledgeBase | None, on: dt.date | None
) -> Exemption | None:
    """Is `actor` exempt from the truce, by name or by a designation valid on `on`?"""
    for entry in agreement.exemptions.actors:
        if entry.actor in actor.lineage:
            why = f": {entry.reason}" if entry.reason else ""
            return Exemption(
                "exemption.explicit",
                f"{actor.name} is exempt from the truce by name{why}",
                (f"exemption of {entry.actor}" + (f" ({entry.source})" if entry.source else ""),),
            )
    if kb is None:
        return None
    for rule in agreement.exemptions.designations:
        for actor_id in actor.lineage:
            for found in kb.designations(actor_id, on=on, authority=rule.authority):
                if rule.label is not None and found.label.casefold() != rule.label.casefold():
                    continue
                since = f" since {found.valid_from}" if found.valid_from else ""
                day = f" on {on}" if on else ""
                return Exemption(
                    "exemption.designation",
                    f"{actor.name} was designated {found.label} by {found.authority}{since} "
                    f"(valid{day}), and the truce exempts groups {rule.authority} designates",
                    (
                        f"{found.authority} designation of {found.actor_id} as {found.label}"
                        f"{since}" + (f" ({found.source})" if found.source else ""),
                    ),
                )
    return None


def party_of(
    agreement: Agreement,
    actor: Who,
    place: PlaceRef | None,
    kb: KnowledgeBase | None,
    on: dt.date | None,
) -> Party | None:
    """The party an acting actor belongs to, if any (an exempt actor is never in a class)."""
    for party in agreement.parties:
        if party.actor is not None and party.actor in actor.lineage:
            return party
    for party in agreement.parties:
        if (
            party.group is not None
            and in_class(party.group, actor, place)
            and exemption(agreement, actor, kb, on) is None
        ):
            return party
    return None


@dataclass
class Views:
    """Holder -> view on whether attacking the target is exempt, with the evidence for each.

    `decisive` is true when some view names the target itself (not only a justification
    offered about a campaign whose victims were civilians or unidentified).
    """

    views: dict[str, str] = field(default_factory=dict)
    evidence: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    decisive_exempt: list[str] = field(default_factory=list)

    def add(self, holder: str, view: str, why: str, evidence: str, decisive: bool) -> None:
        holder = next((h for h in self.views if h.casefold() == holder.casefold()), holder)
        if holder in self.views and self.views[holder] != view:
            view = "exempt" if "exempt" in (view, self.views[holder]) else view
        self.views[holder] = view
        self.reasons.append(why)
        if evidence:
            self.evidence.append(evidence)
        if decisive and view == "exempt":
            self.decisive_exempt.append(holder)


def _subject_fits(designation: Designation, target: Who) -> bool:
    if set(designation.subject_actor_ids) & set(target.lineage):
        return True
    subject = designation.subject.casefold()
    if target.name and target.name.casefold() in subject:
        return True
    return target.kind in _ARMED_KINDS and any(w in subject for w in _CLASS_WORDS)


def views_on(
    agreement: Agreement,
    target: Who | None,
    place: PlaceRef | None,
    designations: tuple[Designation, ...],
    kb: KnowledgeBase | None,
    on: dt.date | None,
) -> Views:
    """Gather every holder's view on the target's exemption: positions, reports, KB claims."""
    found = Views()
    armed_target = (
        target is not None
        and target.identified
        and target.kind
        not in (
            "civilians",
            "protesters",
            "unidentified",
        )
    )
    for position in agreement.positions:
        about = position.about
        if target is None or not armed_target:
            continue
        hits = bool(set(about.actors) & set(target.lineage)) or (
            about.group is not None and in_class(about.group, target, place)
        )
        if not hits:
            continue
        holder = display(position.holder, kb)
        whom = about.group.description if about.group is not None else ", ".join(about.actors)
        source = f" ({position.source})" if position.source else ""
        found.add(
            holder,
            position.view,
            f"{holder} holds that attacks on {whom} are {_view_words(position.view)}{source}",
            position.evidence,
            True,
        )
    for designation in designations:
        if not any(w in designation.label.casefold() for w in _EXEMPTING_LABELS):
            continue
        fits = armed_target and target is not None and _subject_fits(designation, target)
        if armed_target and not fits:
            continue
        holder = designation.by.name
        if designation.by_actor_id is not None and kb is not None:
            holder = display(designation.by_actor_id, kb)
        why = f"{holder} calls {designation.subject} {designation.label}s in the report"
        if not fits:
            why += " (a justification offered for the campaign; the target was not an armed group)"
        found.add(holder, "exempt", why, designation.evidence, bool(fits))
    if kb is not None and target is not None:
        for actor_id in target.lineage:
            for entry in kb.designations(actor_id, on=on):
                if entry.kind != "party-claim":
                    continue
                holder = display(entry.authority, kb)
                found.add(
                    holder,
                    "exempt",
                    f"{holder} designates {target.name} {entry.label}"
                    + (f" since {entry.valid_from}" if entry.valid_from else ""),
                    entry.source,
                    armed_target,
                )
    return found


def _view_words(view: str) -> str:
    return "exempt from the truce" if view == "exempt" else "violations of the truce"


__all__ = [
    "Exemption",
    "Views",
    "Who",
    "display",
    "exemption",
    "in_class",
    "party_of",
    "views_on",
    "who",
]
