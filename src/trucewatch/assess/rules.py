"""One verdict per event (or incident) and agreement, decided by rules in a fixed order.

The order matters and is the trace: certainty of the date, time, geography, event type,
the acting party, its acceptance, the target's exemption, and last the certainty of the
event itself (an alleged event is at most an alleged violation; a denied or hypothetical
one never a violation). The first rule that decides writes the verdict and its reasons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from trucewatch.assess import actors, scope, timing
from trucewatch.model.agreement import Agreement, Obligation, Party
from trucewatch.model.event import ActorRef, Affiliation, Designation, EventReport, PlaceRef
from trucewatch.model.incident import Incident
from trucewatch.model.kb import KnowledgeBase, Unresolved
from trucewatch.model.verdict import Verdict, VerdictKind

RULESET = "trucewatch.assess.rules.v1"


@dataclass(frozen=True)
class Case:
    """What assessment needs of an event or an incident."""

    event_type: str
    sub_event_type: str
    actor1: ActorRef | None
    actor2: ActorRef | None
    location: PlaceRef | None
    first: dt.date | None
    last: dt.date | None
    precision: str
    certainty: str
    claimed_by: str | None
    evidence: tuple[str, ...]


def _obligation(agreement: Agreement, case: Case, target_kind: str | None) -> Obligation | None:
    """The most specific obligation whose covered events include this one."""
    loose: Obligation | None = None
    for obligation in agreement.obligations:
        if obligation.target_kinds and target_kind not in obligation.target_kinds:
            continue
        for cover in obligation.covers:
            if cover.event_type != case.event_type:
                continue
            if case.sub_event_type in cover.sub_event_types:
                return obligation
            if not cover.sub_event_types and loose is None:
                loose = obligation
    return loose


def _covered_types(agreement: Agreement) -> str:
    return "; ".join(
        f"{o.id}: " + ", ".join(c.event_type for c in o.covers) for o in agreement.obligations
    )


def _claimant_is_party(case: Case, agreement: Agreement, kb: KnowledgeBase | None) -> str | None:
    """The party that reported the event, when the claimant is one (its word is an allegation)."""
    if not case.claimed_by:
        return None
    claimant = case.claimed_by.casefold()
    for party in agreement.parties:
        label = party.label()
        names = {label.casefold(), actors.display(label, kb).casefold()}
        if claimant in names:
            return actors.display(label, kb)
    if kb is not None:
        match = kb.resolve_actor(case.claimed_by, on=case.first)
        if not isinstance(match, Unresolved):
            found = actors.who(ActorRef(name=case.claimed_by, id=match.actor.id), kb, case.first)
            for party in agreement.parties:
                if found is not None and party.actor is not None and party.actor in found.lineage:
                    return actors.display(party.actor, kb)
    return None


def _dedupe(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def assess_case(
    case: Case,
    agreement: Agreement,
    kb: KnowledgeBase | None,
    designations: Sequence[Designation] = (),
    *,
    event_index: int | None = None,
    incident_id: str | None = None,
) -> Verdict:
    """Decide the verdict for one case; see the module docstring for the rule order."""
    target = actors.who(case.actor2, kb, case.first)
    views = actors.views_on(agreement, target, case.location, tuple(designations), kb, case.first)
    # The acting side, named even when time or scope decides the verdict, so summaries by
    # party count every verdict; a party rule below replaces it with the bound party's name.
    party_name: str | None = case.actor1.name if case.actor1 and case.actor1.id else None

    def verdict(kind: VerdictKind, rule: str, *reasons: str, alleged: bool = False) -> Verdict:
        evidence = list(case.evidence) + views.evidence
        all_reasons = list(reasons)
        if views.views and kind != "contested":
            all_reasons += [f"context: {r}" for r in views.reasons]
        return Verdict(
            agreement=agreement.id,
            verdict=kind,
            reasons=_dedupe(all_reasons),
            rule=rule,
            evidence=_dedupe(evidence),
            views=dict(views.views),
            alleged=alleged,
            event=event_index,
            incident=incident_id,
            party=party_name,
        )

    if case.first is None:
        return verdict(
            "insufficient-evidence", "evidence.no-date", "the report gives no date for the event"
        )
    span = timing.event_span(case.first, case.last, case.precision, agreement.timezone)
    placed = timing.place(span, agreement)
    if placed.where == "before":
        return verdict("before-effect", "time.before-effect", placed.reason)
    if placed.where == "after":
        return verdict("after-end", "time.after-end", placed.reason)
    if placed.where == "lapse":
        return verdict("after-end", "time.lapse", placed.reason)
    if placed.where == "straddles":
        return verdict("insufficient-evidence", "time.imprecise", placed.reason)
    reasons = [placed.reason]

    where = scope.check(agreement.scope, case.location)
    if where.inside == "unknown":
        return verdict("insufficient-evidence", "evidence.no-location", *reasons, where.reason)
    if where.inside == "outside":
        return verdict("not-covered", "scope.geography", where.reason)
    reasons.append(where.reason)

    target_kind = target.kind if target is not None else None
    obligation = _obligation(agreement, case, target_kind)
    if obligation is None:
        return verdict(
            "not-covered",
            "scope.event-type",
            f"no obligation of the truce covers {case.event_type} / {case.sub_event_type} "
            f"(obligations: {_covered_types(agreement)})",
        )

    acting = actors.who(case.actor1, kb, case.first)
    if acting is None or not acting.identified:
        return verdict(
            "insufficient-evidence",
            "evidence.unidentified-actor",
            *reasons,
            "the report does not say who carried out the event, so no party can be charged",
        )
    party = actors.party_of(agreement, acting, case.location, kb, case.first)
    if party is None:
        exempt_actor = actors.exemption(agreement, acting, kb, case.first)
        why = f" ({exempt_actor.reason})" if exempt_actor is not None else ""
        return verdict(
            "not-covered",
            "party.not-a-party",
            f"{acting.name} is not a party to {agreement.name}{why}",
        )
    party_name = actors.display(party.label(), kb)
    refused = _acceptance(party, party_name, span)
    if refused is not None:
        return verdict(refused[0], refused[1], *reasons, refused[2])

    if target is not None:
        exempt = actors.exemption(agreement, target, kb, case.first)
        if exempt is not None:
            views.evidence[:0] = list(exempt.evidence)
            return verdict("exempt", exempt.rule, *reasons, exempt.reason)

    duty = f"{obligation.name} ({obligation.id})"
    charged = f"{acting.name} (party: {party_name}) is bound by {duty}"
    if views.decisive_exempt:
        counter = [h for h, v in views.views.items() if v == "violation"]
        disputed = (
            f"whether attacks on {target.name if target else 'the target'} are exempt is "
            f"disputed: {', '.join(dict.fromkeys(views.decisive_exempt))} hold them exempt"
            + (
                f"; {', '.join(counter)} hold them violations"
                if counter
                else "; the agreement does not exempt them"
            )
        )
        kind: VerdictKind = "contested"
        rule = "exemption.contested"
        out_reasons = [*reasons, charged, disputed, *views.reasons]
    else:
        kind, rule = "violation", f"obligation.{obligation.id}"
        whom = f" against {target.name}" if target is not None else ""
        out_reasons = [*reasons, charged, f"{case.sub_event_type}{whom} breaches it"]
    return _cap_by_certainty(case, agreement, kb, kind, rule, out_reasons, verdict)


def _acceptance(party: Party, name: str, span: timing.Span) -> tuple[VerdictKind, str, str] | None:
    """(verdict, rule, reason) when the party had not, or not yet, accepted; else None."""
    if party.accepted_on is None and party.accept_by is None:
        return None
    if party.accepted_on is None:
        due = party.accept_by.iso() if party.accept_by is not None else "?"
        return (
            "not-covered",
            "party.not-accepted",
            f"{name} was invited to accept the truce by {due} and no acceptance is recorded",
        )
    at = party.accepted_on.iso()
    late = ""
    if party.accept_by is not None and party.accepted_on.at > party.accept_by.at:
        late = f" (late: the deadline was {party.accept_by.iso()})"
    if span.end <= party.accepted_on.at:
        return (
            "not-covered",
            "party.not-yet-accepted",
            f"{name} accepted the truce at {at}{late}; the event on {span.text} precedes that",
        )
    if span.start < party.accepted_on.at:
        return (
            "insufficient-evidence",
            "time.imprecise",
            f"event dated only to {span.text} straddles {name}'s acceptance at {at}; cannot "
            "tell whether it was bound",
        )
    return None


def _cap_by_certainty(
    case: Case,
    agreement: Agreement,
    kb: KnowledgeBase | None,
    kind: VerdictKind,
    rule: str,
    reasons: list[str],
    verdict: Callable[..., Verdict],
) -> Verdict:
    """Never be more certain than the event: alleged -> alleged; denied/hypothetical -> never."""
    if case.certainty in ("denied", "hypothetical"):
        what = (
            "the event is denied in the report"
            if case.certainty == "denied"
            else "the event is hypothetical (threatened or conditional), not reported as done"
        )
        return verdict(
            "insufficient-evidence",
            f"evidence.{case.certainty}",
            *reasons,
            f"{what}, so it can never count as a violation",
        )
    claimant = _claimant_is_party(case, agreement, kb) if case.certainty == "reported" else None
    if case.certainty == "alleged" or claimant is not None:
        by = claimant or case.claimed_by
        said = f" by {by}" if by else ""
        source = "a party to the truce" if claimant else "the report"
        return verdict(
            kind,
            rule,
            *reasons,
            f"the event is only alleged{said} ({source}), so this is at most an alleged "
            + ("violation" if kind == "violation" else "breach"),
            alleged=True,
        )
    return verdict(kind, rule, *reasons)


def assess_event(
    event: EventReport,
    agreement: Agreement,
    kb: KnowledgeBase | None,
    *,
    report_designations: Sequence[Designation] = (),
    event_index: int | None = None,
) -> Verdict:
    """The verdict of `agreement` on one event report, with reasons, rule and evidence."""
    case = Case(
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1,
        actor2=event.actor2,
        location=event.location,
        first=event.date,
        last=event.date,
        precision=event.date_precision,
        certainty=event.certainty,
        claimed_by=event.claimed_by,
        evidence=(event.evidence,) if event.evidence else (),
    )
    index = event_index if event_index is not None else event.index
    return assess_case(case, agreement, kb, report_designations, event_index=index)


def assess_incident(
    incident: Incident,
    agreement: Agreement,
    kb: KnowledgeBase | None,
    report_designations: Sequence[Designation] = (),
) -> Verdict:
    """The verdict on a fused incident: its date range, actors, place and members' evidence.

    Claims in the incident's ledger with stance 'designate' count as designations.
    """
    claimed = [
        Designation(
            by=Affiliation(name=c.affiliation or c.speaker or "unknown"),
            subject=c.target or c.text,
            label="terrorist",
            evidence=c.text,
        )
        for c in incident.claims
        if c.stance == "designate"
    ]
    case = Case(
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type,
        actor1=incident.actor1,
        actor2=incident.actor2,
        location=incident.location,
        first=incident.date_start,
        last=incident.date_end or incident.date_start,
        precision=incident.date_precision,
        certainty=incident.certainty,
        claimed_by=None,
        evidence=tuple(m.evidence for m in incident.members if m.evidence),
    )
    return assess_case(
        case, agreement, kb, [*report_designations, *claimed], incident_id=incident.id
    )


__all__ = ["RULESET", "Case", "assess_case", "assess_event", "assess_incident"]
