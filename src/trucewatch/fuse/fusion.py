"""`fuse_events`: many reports of one strike become one incident, stable across runs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from trucewatch.fuse.cluster import Clusterer, name_clusters, replay
from trucewatch.fuse.rules import Item, make_item
from trucewatch.fuse.summary import build_incident
from trucewatch.model import (
    Decision,
    Designation,
    EventKey,
    EventReport,
    Incident,
    Quote,
    ReportedEvent,
)

_EMPTY: Mapping[str, Sequence[object]] = {}


def fuse_events(
    reported: Iterable[ReportedEvent],
    *,
    previous: Sequence[Incident] = (),
    decisions: Sequence[Decision] = (),
    quotes: Mapping[str, Sequence[Quote]] = _EMPTY,  # type: ignore[assignment]
    designations: Mapping[str, Sequence[Designation]] = _EMPTY,  # type: ignore[assignment]
    parents: Mapping[str, str] = _EMPTY,  # type: ignore[assignment]
) -> list[Incident]:
    """Fuse event reports into incidents, sorted by start date then id.

    `previous` keeps ids and memberships stable: a report already in a previous incident
    stays there, a new report that matches it joins it, and members whose reports are not
    passed again are carried over with their figures and claims (so a pipeline may pass the
    whole period or just the new batch). Without `previous`, an incident's id derives from its
    earliest member key, so re-running on the same reports gives the same ids. `decisions`
    (analysts' merges and splits) are replayed on every run. `quotes` and `designations` are
    keyed by article id; `parents` maps an actor id to its parent's (a unit to its army), from
    the knowledge base, so a unit and its army do not count as competing attributions.
    """
    by_key: dict[EventKey, ReportedEvent] = {}
    for rep in sorted(reported, key=lambda r: (str(r.key), r.source_id), reverse=True):
        by_key[rep.key] = rep  # duplicates of a key: the first in (key, source_id) order wins

    clusterer = Clusterer(parents)
    prev_by_id = {p.id: p for p in previous}
    placed: set[EventKey] = set()
    for inc in sorted(previous, key=lambda p: p.id):
        ci = clusterer.new_cluster(cid=inc.id, previous_id=inc.id)
        for m in inc.members:
            r = by_key.get(m.key)
            if r is None or m.key in placed:
                if r is None:
                    clusterer.clusters[ci].carried.append(m)
                continue
            placed.add(m.key)
            clusterer.add(ci, _item(r, reason=m.reason))
        if clusterer.clusters[ci].carried:
            clusterer.add(ci, _anchor(inc))

    fresh = [_item(r) for k, r in by_key.items() if k not in placed]
    fresh.sort(key=lambda i: (i.tier, i.lo if i.lo is not None else 1 << 30, i.skey))
    for item in fresh:
        clusterer.assign(item)

    name_clusters(clusterer.clusters)
    clusters = replay(clusterer.clusters, decisions)
    incidents = [
        build_incident(
            c,
            previous=prev_by_id,
            parents=parents,
            quotes=quotes,
            designations=designations,
        )
        for c in clusters
    ]
    incidents.sort(key=lambda i: (i.date_start or dt.date.max, i.id))
    return incidents


def _item(r: ReportedEvent, reason: str = "") -> Item:
    return make_item(
        r.key,
        r.event,
        source_id=r.source_id,
        outlet=r.outlet,
        credits=r.credits,
        fingerprint=r.text_fingerprint,
        published=r.published,
        reason=reason,
    )


def _anchor(inc: Incident) -> Item:
    """A stand-in for members carried over from `previous`: the incident's own record."""
    event = EventReport(
        event_type=inc.event_type,
        sub_event_type=inc.sub_event_type,
        actor1=inc.actor1,
        actor2=inc.actor2,
        location=inc.location,
        date=inc.date_start,
        date_precision=inc.date_precision,  # type: ignore[arg-type]
        certainty=inc.certainty,  # type: ignore[arg-type]
    )
    return make_item(
        None,
        event,
        source_id=inc.id,
        outlet=None,
        credits=(),
        fingerprint=None,
        published=None,
        date_end=inc.date_end,
    )


__all__ = ["fuse_events"]
