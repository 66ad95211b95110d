"""Greedy, blocked clustering of reports into incidents; stable ids; analyst decisions.

Reports are taken in a fixed order (precise place and day first, then coarser ones, each by
date and key), so shuffled input gives the same incidents. Each report looks only at the
clusters indexed under its blocks: (family, 7-day bucket, 0.5-degree grid cell) for precise
places, (family, bucket, country, admin1) and a 2-degree grid for admin1-level places, and
(family, day, actor1) for reports without a usable place. It joins the best-scoring cluster
with which it matches at least one member and conflicts with none (complete-link veto,
so chains of near matches cannot drag distant reports together). Work per report is bounded
by its blocks, so fusion time grows ~linearly with the number of reports.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from trucewatch.fuse.rules import (
    BUCKET_DAYS,
    CITY_KM,
    DAY_SLACK,
    GRID_DEG,
    Item,
    hard_conflict,
    match,
)
from trucewatch.model import Decision, EventKey, Member

ADMIN1_GRID_DEG = 2.0  # ~220 km cells: 3x3 covers ADMIN1_RADIUS_KM
MAX_BUCKETS = 60  # a year-precision report is indexed in at most this many weekly buckets
MAX_DAYS = 400  # and looks up at most this many days
_PRECISE = frozenset({"point", "city"})


def incident_id(seed: str) -> str:
    """A deterministic incident id from a seed (the earliest member key, or a split's keys)."""
    return "inc-" + hashlib.sha1(seed.encode()).hexdigest()[:12]


def split_id(keys: Sequence[EventKey]) -> str:
    return incident_id("split:" + "|".join(sorted(str(k) for k in keys)))


@dataclass(slots=True)
class Cluster:
    items: list[Item] = field(default_factory=list)
    carried: list[Member] = field(default_factory=list)  # from `previous`, report absent
    id: str | None = None
    previous_id: str | None = None  # the `previous` incident it continues


class Clusterer:
    """Holds clusters and their block index while reports are assigned one by one."""

    def __init__(self, parents: Mapping[str, str]) -> None:
        self.parents = parents
        self.clusters: list[Cluster] = []
        self.index: dict[Hashable, list[int]] = defaultdict(list)

    # -- blocks ---------------------------------------------------------------------------
    # A day-precision report is indexed under its day ("d", ordinal); a coarser one under
    # every 7-day bucket its span covers ("w", bucket). A lookup asks for both kinds over its
    # span plus slack, so two overlapping spans always share a key.
    @staticmethod
    def _own_times(item: Item) -> list[tuple[str, int]]:
        assert item.lo is not None and item.hi is not None
        if item.when == "day":
            return [("d", item.lo)]
        lo = item.lo // BUCKET_DAYS
        return [("w", b) for b in range(lo, min(item.hi // BUCKET_DAYS, lo + MAX_BUCKETS) + 1)]

    @staticmethod
    def _lookup_times(item: Item) -> list[tuple[str, int]]:
        assert item.lo is not None and item.hi is not None
        lo, hi = item.lo - DAY_SLACK, min(item.hi + DAY_SLACK, item.lo + MAX_DAYS)
        weeks = range(lo // BUCKET_DAYS, hi // BUCKET_DAYS + 1)
        return [("d", d) for d in range(lo, hi + 1)] + [("w", b) for b in weeks]

    def _own_blocks(self, item: Item) -> Iterator[Hashable]:
        if item.lo is None:
            return
        fam, a1 = item.family, item.a1 or "?"
        precise = item.precision in _PRECISE and item.lat is not None
        for t in self._own_times(item):
            if precise:
                yield ("g", fam, t, _cell(item.lat, GRID_DEG), _cell(item.lon, GRID_DEG))
                if item.admin1:
                    yield ("ap", fam, t, item.country, item.admin1, a1)
                else:
                    yield ("Ap", fam, t, *_cells(item, ADMIN1_GRID_DEG))
            elif item.precision == "admin1":
                if item.admin1:
                    yield ("aa", fam, t, item.country, item.admin1)
                elif item.lat is not None:
                    yield ("Aa", fam, t, *_cells(item, ADMIN1_GRID_DEG))
        if item.when == "day" and item.a1:
            yield ("x", fam, item.lo, item.a1)

    def _lookup_blocks(self, item: Item) -> Iterator[Hashable]:
        if item.lo is None:
            return
        fam = item.family
        precise = item.precision in _PRECISE and item.lat is not None
        lat, lon = item.lat or 0.0, item.lon or 0.0
        if precise or item.precision == "admin1":
            for t in self._lookup_times(item):
                if precise:
                    yield from _neighbours("g", fam, t, lat, lon, GRID_DEG, CITY_KM)
                    if item.admin1:
                        yield ("aa", fam, t, item.country, item.admin1)
                    else:
                        yield from _neighbours("Aa", fam, t, lat, lon, ADMIN1_GRID_DEG, 0.0)
                    continue
                if item.admin1:
                    yield ("aa", fam, t, item.country, item.admin1)
                    yield ("ap", fam, t, item.country, item.admin1, "?")
                    if item.a1:
                        yield ("ap", fam, t, item.country, item.admin1, item.a1)
                if item.lat is not None:
                    yield from _neighbours("Ap", fam, t, lat, lon, ADMIN1_GRID_DEG, 0.0)
                    yield from _neighbours("Aa", fam, t, lat, lon, ADMIN1_GRID_DEG, 0.0)
        elif item.when == "day" and item.a1:
            for d in (item.lo - 1, item.lo, item.lo + 1):
                yield ("x", fam, d, item.a1)

    # -- building -------------------------------------------------------------------------
    def new_cluster(self, *, cid: str | None = None, previous_id: str | None = None) -> int:
        self.clusters.append(Cluster(id=cid, previous_id=previous_id))
        return len(self.clusters) - 1

    def add(self, ci: int, item: Item) -> None:
        self.clusters[ci].items.append(item)
        for block in dict.fromkeys(self._own_blocks(item)):
            self.index[block].append(ci)

    def assign(self, item: Item) -> None:
        """Put `item` in its best-matching cluster, or found a new one."""
        seen: set[int] = set()
        best: tuple[float, int, str] | None = None
        matched = 0
        for block in self._lookup_blocks(item):
            for ci in self.index.get(block, ()):
                if ci in seen:
                    continue
                seen.add(ci)
                found = self._score(item, self.clusters[ci].items)
                if found is None:
                    continue
                matched += 1
                if best is None or (found[0], -ci) > (best[0], -best[1]):
                    best = (found[0], ci, found[1])
        if best is not None and not (item.precision not in _PRECISE and matched > 1):
            item.reason = best[2]
            self.add(best[1], item)
            return
        why = "no earlier report matched"
        if best is not None:
            why = f"place is {item.precision} and {matched} incidents match it: kept apart"
        item.reason = "founded: " + why
        self.add(self.new_cluster(), item)

    def _score(self, item: Item, members: list[Item]) -> tuple[float, str] | None:
        best: tuple[float, str] | None = None
        for m in members:
            if hard_conflict(item, m):
                return None
            found = match(item, m, self.parents)
            if found is not None and (best is None or found[0] > best[0]):
                via = f"via '{m.skey}'" if m.key is not None else "via the incident's record"
                best = (found[0], f"{via}: {found[1]}")
        return best


def _cell(x: float | None, size: float) -> int:
    return math.floor((x or 0.0) / size)


def _cells(item: Item, size: float) -> tuple[int, int]:
    return _cell(item.lat, size), _cell(item.lon, size)


def _neighbours(
    tag: str, fam: str, b: tuple[str, int], lat: float, lon: float, size: float, km: float
) -> Iterator[Hashable]:
    ci, cj = _cell(lat, size), _cell(lon, size)
    km_per_lon = max(111.32 * math.cos(math.radians(min(abs(lat) + size, 89.0))) * size, 1.0)
    span = max(1, math.ceil(km / km_per_lon)) if km else 1
    for di in (-1, 0, 1):
        for dj in range(-span, span + 1):
            yield (tag, fam, b, ci + di, cj + dj)


def name_clusters(clusters: list[Cluster]) -> None:
    """Give each new cluster an id from its earliest member key (deterministic, unique)."""
    taken = {c.id for c in clusters if c.id}
    for c in clusters:
        if c.id:
            continue
        seed = min(i.skey for i in c.items if i.key is not None)
        cid = incident_id(seed)
        n = 2
        while cid in taken:  # only if a key was split off an incident that kept the id
            cid, n = incident_id(f"{seed}#{n}"), n + 1
        c.id = cid
        taken.add(cid)


def replay(clusters: list[Cluster], decisions: Sequence[Decision]) -> list[Cluster]:
    """Apply analysts' merges and splits in order (by `created`, then as given)."""
    by_id = {c.id: c for c in clusters if c.id}
    alias: dict[str, str] = {}

    def resolve(i: str) -> str:
        while i in alias:
            i = alias[i]
        return i

    ordered = sorted(
        enumerate(decisions), key=lambda p: (p[1].created is not None, p[1].created or 0, p[0])
    )  # type: ignore[operator]
    for _, d in ordered:
        note = f" ({d.note})" if d.note else ""
        if d.kind == "merge":
            present = sorted({resolve(i) for i in d.incident_ids} & set(by_id))
            if len(present) < 2:
                continue
            keep = by_id[present[0]]
            for other in present[1:]:
                src = by_id.pop(other)
                tag = f"; merged into '{keep.id}' from '{other}' by analyst decision{note}"
                for it in src.items:
                    it.reason += tag
                keep.items.extend(src.items)
                keep.carried.extend(_retag(m, tag) for m in src.carried)
                alias[other] = present[0]
        else:
            keys = set(d.keys)
            target_id = split_id(d.keys)
            target = by_id.get(target_id)
            moved_items: list[Item] = []
            moved_carried: list[Member] = []
            for c in list(by_id.values()):
                if c is target:
                    continue
                tag = f"; split from '{c.id}' into '{target_id}' by analyst decision{note}"
                for it in [i for i in c.items if i.key in keys]:
                    c.items.remove(it)
                    it.reason += tag
                    moved_items.append(it)
                for m in [m for m in c.carried if m.key in keys]:
                    c.carried.remove(m)
                    moved_carried.append(_retag(m, tag))
            if not moved_items and not moved_carried:
                continue
            if target is None:
                target = Cluster(id=target_id)
                by_id[target_id] = target
            target.items.extend(moved_items)
            target.carried.extend(moved_carried)
    return [c for c in by_id.values() if any(i.key is not None for i in c.items) or c.carried]


def _retag(m: Member, tag: str) -> Member:
    return m.model_copy(update={"reason": m.reason + tag})


__all__ = ["Cluster", "Clusterer", "incident_id", "name_clusters", "replay", "split_id"]
