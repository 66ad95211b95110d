"""From a cluster of reports to an Incident: sources, figures, grade, claims, summary fields.

Rules (documented here because analysts read them):

- Independent sources. Reports from one outlet count once. Reports that share a wire credit
  (or where one outlet *is* the credited agency) count once when their texts are near
  duplicates, or when a text fingerprint is missing (cannot tell, so be conservative).
  Near-duplicate texts without a shared credit are one republished copy. Groups that end up
  with the same wire key are one source: the agency. Everything else: one source per outlet.
- Figures (fatalities, civilian fatalities, injured): min and max over every report; `best`
  is the lowest figure among credible reports (certainty asserted, reported or alleged),
  ACLED's conservative rule. Denied and hypothetical reports count in min/max only.
- Grades, after Airwars, checked in this order:
  discounted (every report denies it or speaks hypothetically),
  confirmed (the acting side admitted it: a "claim" quote by actor1's side, or a report whose
  `claimed_by` is actor1's side with certainty asserted/reported — the admission also settles
  a contested attribution), contested (reports name different known actor1s that are not
  one hierarchy), fair (two or more independent sources), weak (one source).
- Claims ledger: the quotes and designations of every member article, once each (republished
  copies repeat them). A claim's target is the first incident actor its text names, other
  than the speaker's own side.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from trucewatch.fuse.cluster import Cluster
from trucewatch.fuse.rules import Item, certainty_rank, related
from trucewatch.fuse.text import NEAR_DUPLICATE_JACCARD, near_duplicate
from trucewatch.model import (
    ActorRef,
    Claim,
    Designation,
    FigureRange,
    FigureValue,
    Incident,
    Member,
    Quote,
    Source,
)

_PRECISION_RANK = {"point": 0, "city": 1, "admin1": 2, "country": 3, "unknown": 4}
_WHEN_RANK = {"day": 0, "week": 1, "undated": 1, "month": 2, "year": 3, "unknown": 4}
_CREDIBLE = frozenset({"asserted", "reported", "alleged"})


# -- sources ----------------------------------------------------------------------------
class _Unit:
    __slots__ = ("article_id", "credits", "fp", "outlet")

    def __init__(self, article_id: str, outlet: str, credits: tuple[str, ...], fp: str | None):
        self.article_id, self.outlet, self.credits, self.fp = article_id, outlet, credits, fp


def independent_sources(units: Sequence[_Unit]) -> tuple[Source, ...]:
    """Group reports into independent sources (rules in the module docstring)."""
    n = len(units)
    parent = list(range(n))
    why: dict[int, str] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, reason: str) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
            why[min(ri, rj)] = why.get(min(ri, rj)) or reason

    for i in range(n):
        for j in range(i + 1, n):
            a, b = units[i], units[j]
            if a.outlet.casefold() == b.outlet.casefold():
                union(i, j, "one outlet")
                continue
            wires = (set(a.credits) | {a.outlet}) & (set(b.credits) | {b.outlet})
            sim = near_duplicate(a.fp, b.fp) if a.fp and b.fp else None
            if wires and (sim is None or sim >= NEAR_DUPLICATE_JACCARD):
                text = "no text to compare" if sim is None else f"texts {sim:.2f} alike"
                union(i, j, f"one {sorted(wires)[0]} copy ({text})")
            elif sim is not None and sim >= NEAR_DUPLICATE_JACCARD:
                union(i, j, f"republished copy (texts {sim:.2f} alike, no shared credit)")
    groups: dict[int, list[_Unit]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(units[i])
    by_key: dict[str, tuple[set[str], set[str], list[str]]] = {}
    for root, members in groups.items():
        outlets = sorted({u.outlet for u in members})
        common = set.intersection(*(set(u.credits) | {u.outlet} for u in members))
        if len(outlets) > 1 and common:
            key = "wire:" + sorted(common)[0]
        elif len(outlets) == 1:
            key = "outlet:" + outlets[0]
        else:
            key = "copy:" + outlets[0]
        reason = why.get(root, "its own reporting")
        slot = by_key.setdefault(key, (set(), set(), []))
        slot[0].update(outlets)
        slot[1].update(u.article_id for u in members)
        slot[2].append(reason)
    return tuple(
        Source(
            key=k,
            outlets=tuple(sorted(o)),
            article_ids=tuple(sorted(a)),
            reason="; ".join(sorted(set(r))) + ("" if len(r) == 1 else "; one agency"),
        )
        for k, (o, a, r) in sorted(by_key.items())
    )


# -- figures ----------------------------------------------------------------------------
def figure_range(
    values: Sequence[tuple[FigureValue, bool]],
) -> FigureRange:
    """min/max over all values; best = lowest credible value (ACLED's conservative rule)."""
    if not values:
        return FigureRange()
    nums = [v.value for v, _ in values]
    credible = [v.value for v, ok in values if ok]
    ordered = tuple(sorted({v for v, _ in values}, key=lambda v: (v.article_id, v.value)))
    return FigureRange(
        min=min(nums), max=max(nums), best=min(credible) if credible else None, values=ordered
    )


def _figures(
    items: Sequence[Item], carried_ids: set[str], prev: Incident | None, field_name: str
) -> FigureRange:
    vals: list[tuple[FigureValue, bool]] = []
    for it in items:
        v = getattr(it.event, field_name)
        if v is not None and it.key is not None:
            fv = FigureValue(value=v, article_id=it.key.article_id, outlet=it.outlet)
            vals.append((fv, it.event.certainty in _CREDIBLE))
    if prev is not None:
        vals.extend(
            (fv, True) for fv in getattr(prev, field_name).values if fv.article_id in carried_ids
        )
    return figure_range(vals)


# -- claims -----------------------------------------------------------------------------
def _actor_names(items: Sequence[Item]) -> dict[str, str]:
    """casefolded surface name -> display name, for the incident's actors."""
    names: dict[str, str] = {}
    for it in items:
        for ref in (it.event.actor1, it.event.actor2):
            if ref is not None:
                for n in (ref.name, ref.text):
                    if n and len(n) > 2:
                        names.setdefault(n.casefold(), ref.name)
    return names


def _target(text: str, own: str | None, names: Mapping[str, str]) -> str | None:
    low = text.casefold()
    own_l = own.casefold() if own else None
    hits = [
        (low.find(k), v)
        for k, v in names.items()
        if k in low and (own_l is None or (v.casefold() != own_l and own_l not in k))
    ]
    return min(hits, key=lambda h: (h[0], -len(h[1])))[1] if hits else None


def claims_ledger(
    article_ids: Sequence[str],
    quotes: Mapping[str, Sequence[Quote]],
    designations: Mapping[str, Sequence[Designation]],
    names: Mapping[str, str],
    carried: Sequence[Claim] = (),
) -> tuple[Claim, ...]:
    """Every quote and designation of the member articles, once each."""
    out: list[Claim] = []
    seen: set[tuple[str, str, str]] = set()

    def add(c: Claim) -> None:
        k = ((c.speaker or "").casefold(), c.stance, " ".join(c.text.casefold().split()))
        if k not in seen:
            seen.add(k)
            out.append(c)

    for aid in article_ids:
        for q in quotes.get(aid, ()):
            aff = q.affiliation.name if q.affiliation else None
            add(
                Claim(
                    speaker=q.speaker,
                    stance=q.stance,
                    text=q.text,
                    channel=q.channel,
                    role=q.role,
                    affiliation=aff,
                    article_id=aid,
                    target=_target(q.text, aff, names),
                )
            )
        for d in designations.get(aid, ()):
            add(
                Claim(
                    speaker=d.by.name,
                    stance="designate",
                    text=f"{d.subject}: {d.label}",
                    affiliation=d.by.name,
                    article_id=aid,
                    target=d.subject,
                )
            )
    for c in carried:
        add(c)
    return tuple(out)


# -- grade ------------------------------------------------------------------------------
def _side_names(actor: ActorRef, items: Sequence[Item]) -> set[str]:
    names = {actor.name.casefold()}
    for it in items:
        ref = it.event.actor1
        if ref is not None and ref.id and ref.id == actor.id:
            names.add(ref.name.casefold())
            if ref.text:
                names.add(ref.text.casefold())
    return {n for n in names if len(n) > 2}


def _names(name: str, text: str) -> bool:
    """Does `text` name `name` as whole words? "Syria" is named in "Syria's defence
    ministry", not in "the Syrian Observatory for Human Rights" (a monitor's report of a
    strike is no admission by the state)."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


def _admission(
    items: Sequence[Item], claims: Sequence[Claim], actors: Sequence[ActorRef]
) -> tuple[ActorRef, str] | None:
    """The actor1 candidate that admitted the incident, and how."""
    for actor in actors:
        names = _side_names(actor, items)
        for c in claims:
            aff = (c.affiliation or "").casefold()
            if c.stance == "claim" and aff and any(_names(n, aff) or _names(aff, n) for n in names):
                return actor, f"{c.speaker or c.affiliation} ({c.affiliation}) claimed it"
        for it in items:
            by = (it.event.claimed_by or "").casefold()
            if (
                by
                and it.event.certainty in {"asserted", "reported"}
                and any(_names(n, by) for n in names)
            ):
                return actor, f"report '{it.skey}' says {it.event.claimed_by} claimed it"
    return None


# -- incident ---------------------------------------------------------------------------
def _vote(values: Sequence[tuple[str, int]]) -> str | None:
    if not values:
        return None
    counts: Counter[str] = Counter()
    for v, w in values:
        counts[v] += w
    return min(counts, key=lambda v: (-counts[v], v))


def build_incident(
    cluster: Cluster,
    *,
    previous: Mapping[str, Incident],
    parents: Mapping[str, str],
    quotes: Mapping[str, Sequence[Quote]],
    designations: Mapping[str, Sequence[Designation]],
) -> Incident:
    """Summarise one cluster as an Incident (rules in the module docstring)."""
    assert cluster.id is not None
    prev = previous.get(cluster.previous_id or "") if cluster.previous_id else None
    anchors = [i for i in cluster.items if i.key is None]
    items = sorted((i for i in cluster.items if i.key is not None), key=lambda i: i.skey)
    w_anchor = len(cluster.carried)
    voters = [(i, 1) for i in items] + ([(a, w_anchor) for a in anchors] if w_anchor else [])
    voters = voters or [(a, 1) for a in anchors]

    members = [
        Member(
            key=i.key,  # type: ignore[arg-type]
            source_id=i.source_id,
            outlet=i.outlet,
            credits=i.credits,
            reason=_member_reason(cluster.id, i),
            evidence=i.event.evidence,
        )
        for i in items
    ]
    members.extend(cluster.carried)
    members.sort(key=lambda m: str(m.key))

    sub = _vote([(i.sub, w) for i, w in voters]) or ""
    etype = next(i.event.event_type for i, _ in voters if i.sub == sub)
    best_loc = min(
        (i for i, _ in voters if i.event.location is not None),
        key=lambda i: (_PRECISION_RANK.get(i.precision, 4), i.skey),
        default=None,
    )
    days = [i for i, _ in voters if i.when == "day" and i.event.date is not None]
    if days:
        dates = [i.event.date for i in days]
        start, end, precision = min(dates), max(dates), "day"  # type: ignore[type-var]
        ends = [i.hi for i in days if i.key is None and i.hi is not None]
        if ends and end is not None and max(ends) > end.toordinal():
            end = end.fromordinal(max(ends))
    else:
        dated = [i for i, _ in voters if i.event.date is not None]
        if dated:
            finest = min(_WHEN_RANK.get(i.when, 4) for i in dated)
            pick = [i for i in dated if _WHEN_RANK.get(i.when, 4) == finest]
            start = min(i.event.date for i in pick)  # type: ignore[type-var]
            end = max(i.event.date for i in pick)  # type: ignore[type-var]
            precision = pick[0].event.date_precision
        else:
            start = end = None
            precision = "unknown"

    a1_ids = sorted({i.a1 for i, _ in voters if i.a1})
    a1_vote = _vote([(i.a1, w) for i, w in voters if i.a1])
    actor1 = _pick_actor(voters, a1_vote, 1)
    actor2 = _pick_actor(voters, _vote([(i.a2, w) for i, w in voters if i.a2]), 2)
    certainty = min((i.event.certainty for i, _ in voters), key=certainty_rank, default="asserted")

    carried_ids = {m.key.article_id for m in cluster.carried}
    units: dict[str, _Unit] = {}
    for i in items:
        aid = i.key.article_id  # type: ignore[union-attr]
        units.setdefault(aid, _Unit(aid, i.outlet or i.source_id, i.credits, i.fingerprint))
    for m in cluster.carried:
        units.setdefault(
            m.key.article_id, _Unit(m.key.article_id, m.outlet or m.source_id, m.credits, None)
        )
    sources = independent_sources([units[k] for k in sorted(units)])

    prev_claims = [c for c in prev.claims if c.article_id in carried_ids] if prev else []
    claims = claims_ledger(
        sorted({i.key.article_id for i in items}),  # type: ignore[union-attr]
        quotes,
        designations,
        _actor_names([i for i, _ in voters]),
        prev_claims,
    )

    # grade
    certs = [i.event.certainty for i in items] + [
        prev.certainty if prev else "asserted" for _ in cluster.carried
    ]
    known = [_pick_actor(voters, a, 1) for a in a1_ids]
    display = {a.id: a.name for a in known if a is not None and a.id}
    contested = [display.get(a, a) for a in _contested(items, parents)]
    admission = _admission(items, claims, [a for a in [actor1, *known] if a is not None])
    if certs and all(c in {"denied", "hypothetical"} for c in certs):
        grade, why = "discounted", f"all {len(certs)} reports deny it or speak hypothetically"
    elif admission is not None:
        actor1 = admission[0]
        grade, why = "confirmed", f"the acting side admitted it: {admission[1]}"
        if contested:
            why += f" (settles competing attribution: {', '.join(contested)})"
    elif prev is not None and prev.grade == "confirmed" and cluster.carried:
        grade, why = "confirmed", f"confirmed in an earlier run: {prev.grade_reason}"
    elif contested:
        grade, why = (
            "contested",
            f"reports attribute it to different actors: {', '.join(contested)}",
        )
    elif len(sources) >= 2:
        grade = "fair"
        why = f"{len(sources)} independent sources ({', '.join(s.key for s in sources)})"
    else:
        grade = "weak"
        why = f"one source ({sources[0].key})" if sources else "no source"

    return Incident(
        id=cluster.id,
        event_type=etype,
        sub_event_type=sub,
        date_start=start,
        date_end=end,
        date_precision=precision,
        location=best_loc.event.location if best_loc else None,
        actor1=actor1,
        actor2=actor2,
        members=tuple(members),
        sources=sources,
        fatalities=_figures(items, carried_ids, prev, "fatalities"),
        civilian_fatalities=_figures(items, carried_ids, prev, "civilian_fatalities"),
        injured=_figures(items, carried_ids, prev, "injured"),
        grade=grade,  # type: ignore[arg-type]
        grade_reason=why,
        claims=claims,
        certainty=certainty,
    )


def _member_reason(cid: str, item: Item) -> str:
    if item.reason.startswith("founded: "):
        return f"founded '{cid}': " + item.reason[len("founded: ") :]
    if item.reason.startswith("via ") or not item.reason:
        return f"joined '{cid}' " + item.reason
    return item.reason  # carried from `previous` (already names its incident)


def _pick_actor(voters: Sequence[tuple[Item, int]], aid: str | None, which: int) -> ActorRef | None:
    refs = [i.event.actor1 if which == 1 else i.event.actor2 for i, _ in voters]
    if aid is not None:
        return next(r for r in refs if r is not None and r.id == aid)
    return next((r for r in refs if r is not None), None)


def _contested(items: Sequence[Item], parents: Mapping[str, str]) -> list[str]:
    """Known actor1 ids that compete (not one hierarchy, not a clash told the other way)."""
    known = [(i.a1, i.a2) for i in items if i.a1]
    out: set[str] = set()
    for x1, x2 in known:
        for y1, y2 in known:
            if x1 == y1 or related(x1, y1, parents):
                continue
            swapped = x2 is not None and y2 is not None
            if not (swapped and related(x1, y2, parents) and related(x2, y1, parents)):  # type: ignore[arg-type]
                out.add(x1)
    return sorted(out)


__all__ = ["build_incident", "claims_ledger", "figure_range", "independent_sources"]
