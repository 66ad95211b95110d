"""When do two event reports tell of the same incident? Type, time, place and actors.

Each rule answers with a reason (a phrase for the member's reason string) or a refusal.
Thresholds were set on the fixtures in tests/fixtures/fuse/ (Idlib/Aleppo towns 5-40 km
apart, Donbas villages 3-15 km apart) and on ACLED's geo-precision notes.

Type families (what may fuse with what). Outlets code one strike differently: an air
strike that killed civilians is "Air/drone strike" for one and "Attack" for another, a
missile is "Air/drone strike" or "Shelling/artillery/missile attack", a battle for a town
is "Armed clash" or "Government regains territory". So Battles, Explosions/Remote violence
and Violence against civilians/Attack form one blocking family, "violence", and inside it
two sub-event types fuse only if they share a confusion group below. Protests and riots
form the "demonstration" family (one crowd, coded peaceful by one outlet and violent by
another). Other sub-event types (abduction, sexual violence, each strategic development)
fuse only with themselves.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass

from trucewatch.model import SUB_TO_TYPE, ActorRef, EventKey, EventReport, Member, PlaceRef

_AERIAL = frozenset(
    {"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon", "Attack"}
)
_BOMBING = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade", "Attack"})
_GROUND = frozenset(
    {
        "Armed clash",
        "Shelling/artillery/missile attack",
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Attack",
    }
)
_DEMONSTRATION = frozenset(
    {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
    }
)
CONFUSION_GROUPS: tuple[frozenset[str], ...] = (_AERIAL, _BOMBING, _GROUND, _DEMONSTRATION)
_VIOLENCE_SUBS = _AERIAL | _BOMBING | _GROUND

# Place thresholds, km. Two point-precision reports of one strike were <= 8 km apart on the
# fixtures (geocoders pick the village centre or the hit building); a town's reports, <= 12 km.
POINT_KM = 10.0
CITY_KM = 15.0
# Two different named places closer than this may still be one strike (the hit farm lies
# between a village and the town one outlet named); farther apart they are distinct places.
# 3 km: the fixtures' market/quarter points lie 1.9-2.1 km from the town; on the bench's
# synthetic towns 5 km merged ~2x more distinct same-day incidents.
DISTINCT_PLACES_KM = 3.0
# Two precise places farther apart than this never share an incident (complete-link veto).
APART_KM = 20.0
# An admin1-level report (coords at the governorate/oblast centroid) may match a place within
# this radius when the place's admin1 is unknown: Syrian governorates and Ukrainian oblasts
# reach 50-100 km from their centroids.
ADMIN1_RADIUS_KM = 75.0
# Day-precision reports may differ by one day (a night strike is dated either side of
# midnight); chained members may span at most two.
DAY_SLACK = 1
DAY_VETO = 2
# An unknown event date falls back to the week before publication.
UNDATED_LOOKBACK_DAYS = 7
# Dates coarser than a week ("in February", "this year") cover many same-type events in one
# town during a war, so overlap alone says little: such a report fuses only when it names the
# same sub-event type, the same place (within DISTINCT_PLACES_KM) and the same or a related
# actor1. On the sample corpus every month-precision report that fused on overlap alone was a
# background mention ("accepted the truce in February", "the offensive began in March").
COARSE_DATES = frozenset({"month", "year"})
# Spatial blocking cell: 0.2 deg ~ 22 km of latitude and >= 15 km of longitude up to 45 deg,
# so a 3x3 neighbourhood holds every place within CITY_KM (wider spans are computed further
# from the equator). Measured with bench/bench_fuse.py: 0.5 deg cells did ~5x more compares.
GRID_DEG = 0.2
BUCKET_DAYS = 7  # date blocking bucket

_PRECISE = frozenset({"point", "city"})
_ALLEGED = frozenset({"alleged"})
_CERTAINTY_RANK = {"asserted": 0, "reported": 1, "alleged": 2, "denied": 3, "hypothetical": 4}


def type_family(sub_event_type: str, event_type: str = "") -> str:
    """The blocking family of a sub-event type (see the module docstring)."""
    if sub_event_type in _VIOLENCE_SUBS:
        return "violence"
    etype = SUB_TO_TYPE.get(sub_event_type, event_type)
    if etype in {"Protests", "Riots"}:
        return "demonstration"
    return f"{etype}/{sub_event_type}"


def compatible_types(a: str, b: str) -> bool:
    """Whether two sub-event types may describe one incident."""
    return a == b or any(a in g and b in g for g in CONFUSION_GROUPS)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def date_interval(
    date: dt.date | None, precision: str, published: dt.date | None
) -> tuple[int, int, str] | None:
    """The span of days (ordinals) a report's date may mean, and how it was read."""
    if date is None:
        if published is None:
            return None
        p = published.toordinal()
        return p - UNDATED_LOOKBACK_DAYS, p, "undated"
    d = date.toordinal()
    if precision == "day":
        return d, d, "day"
    if precision == "week":
        return d - 7, d + 7, "week"
    if precision == "month":
        first = date.replace(day=1)
        nxt = (first + dt.timedelta(days=32)).replace(day=1)
        return first.toordinal(), nxt.toordinal() - 1, "month"
    if precision == "year":
        return dt.date(date.year, 1, 1).toordinal(), dt.date(date.year, 12, 31).toordinal(), "year"
    return d - 7, d + 7, "week"  # "unknown" precision with a date: read it as a week


def _norm(s: str | None) -> str | None:
    return s.casefold().strip() if s else None


@dataclass(slots=True)
class Item:
    """One report prepared for matching (plain fields, so 1M of them compare fast)."""

    key: EventKey | None  # None for an anchor standing for carried-over members
    skey: str
    event: EventReport
    source_id: str
    outlet: str | None
    credits: tuple[str, ...]
    fingerprint: str | None
    family: str
    sub: str
    lo: int | None
    hi: int | None
    when: str  # day | week | month | year | undated | unknown
    lat: float | None
    lon: float | None
    precision: str
    place_id: str | None
    place_name: str | None
    admin1: str | None
    country: str | None
    a1: str | None
    a2: str | None
    a2_kind: str | None
    reason: str = ""  # why it joined (filled by clustering, or carried from `previous`)
    carried: Member | None = None
    tier: int = 0


def make_item(
    key: EventKey | None,
    event: EventReport,
    *,
    source_id: str,
    outlet: str | None,
    credits: tuple[str, ...],
    fingerprint: str | None,
    published: dt.date | None,
    reason: str = "",
    date_end: dt.date | None = None,
) -> Item:
    """Precompute everything matching needs from one report."""
    span = date_interval(event.date, event.date_precision, published)
    lo, hi, when = span if span else (None, None, "unknown")
    if date_end is not None and lo is not None and event.date_precision == "day":
        hi = max(hi or lo, date_end.toordinal())
    loc: PlaceRef | None = event.location
    lat = lon = None
    precision = "unknown"
    if loc is not None:
        precision = loc.precision
        if loc.lat is not None and loc.lon is not None:
            lat, lon = loc.lat, loc.lon
    precise = precision in _PRECISE and lat is not None
    tier = (0 if precise else 1) + (0 if when == "day" else 1)
    if loc is None or precision in {"country", "unknown"} or lo is None:
        tier = 3
    return Item(
        key=key,
        skey=str(key) if key else "",
        event=event,
        source_id=source_id,
        outlet=outlet,
        credits=credits,
        fingerprint=fingerprint,
        family=type_family(event.sub_event_type, event.event_type),
        sub=event.sub_event_type,
        lo=lo,
        hi=hi,
        when=when,
        lat=lat,
        lon=lon,
        precision=precision,
        place_id=loc.id if loc else None,
        place_name=_norm(loc.name) if loc else None,
        admin1=_norm(loc.admin1) if loc else None,
        country=_norm(loc.country) if loc else None,
        a1=_actor_id(event.actor1),
        a2=_actor_id(event.actor2),
        a2_kind=event.actor2.kind if event.actor2 else None,
        reason=reason,
        tier=tier,
    )


def _actor_id(actor: ActorRef | None) -> str | None:
    return actor.id if actor is not None and actor.id else None


def related(a: str, b: str, parents: Mapping[str, str]) -> bool:
    """Whether one actor id is the other or an ancestor of it (a unit of an army)."""
    return a == b or _is_ancestor(a, b, parents) or _is_ancestor(b, a, parents)


def _is_ancestor(anc: str, child: str, parents: Mapping[str, str]) -> bool:
    cur: str | None = child
    for _ in range(12):  # knowledge-base hierarchies are shallow; guard against cycles
        cur = parents.get(cur) if cur else None
        if cur is None:
            return False
        if cur == anc:
            return True
    return False


def hard_conflict(a: Item, b: Item) -> bool:
    """Complete-link veto: two members that can never share an incident (stops chaining)."""
    if a.family != b.family or not compatible_types(a.sub, b.sub):
        return True
    if (
        a.when == "day"
        and b.when == "day"
        and a.lo is not None
        and b.lo is not None
        and abs(a.lo - b.lo) > DAY_VETO
    ):
        return True
    if a.country and b.country and a.country != b.country:
        return True
    if (
        a.admin1
        and b.admin1
        and a.admin1 != b.admin1
        and a.precision != "country"
        and b.precision != "country"
    ):
        return True
    return (
        a.precision in _PRECISE
        and b.precision in _PRECISE
        and a.lat is not None
        and b.lat is not None
        and haversine_km(a.lat, a.lon, b.lat, b.lon) > APART_KM  # type: ignore[arg-type]
    )


def _time(a: Item, b: Item) -> tuple[float, str] | None:
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return None
    slack = DAY_SLACK if a.when == "day" and b.when == "day" else 0
    gap = max(a.lo, b.lo) - min(a.hi, b.hi)
    if gap > slack:
        return None
    if a.when == "day" and b.when == "day":
        days = abs(a.lo - b.lo)
        return (3.0, "same day") if days == 0 else (2.0, f"{days} day apart")
    coarse = a.when if a.when != "day" else b.when
    return 1.0, f"dates overlap ({coarse} precision)"


def _place(a: Item, b: Item) -> tuple[float, str, bool] | None:
    """(score, reason, strong) when the places agree; None when they do not or are unknown."""
    name = b.event.location.name if b.event.location else "?"
    if (
        a.precision in _PRECISE
        and b.precision in _PRECISE
        and a.lat is not None
        and b.lat is not None
    ):
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        same = (a.place_id is not None and a.place_id == b.place_id) or (
            a.place_name is not None and a.place_name == b.place_name
        )
        if same or a.place_id is None or b.place_id is None:
            limit = POINT_KM if a.precision == b.precision == "point" else CITY_KM
        else:
            limit = DISTINCT_PLACES_KM
        if km > limit:
            return None
        strong = same or km <= DISTINCT_PLACES_KM
        return 3.0 - km / CITY_KM, f"{km:.1f} km from {name} ({b.precision})", strong
    coarse = {a.precision, b.precision} & {"admin1"}
    if coarse and not ({a.precision, b.precision} & {"country", "unknown"}):
        if a.admin1 and b.admin1:
            if a.admin1 == b.admin1 and (not a.country or not b.country or a.country == b.country):
                return 1.0, f"inside {name} (admin1 {b.admin1})", False
            return None
        if a.lat is not None and b.lat is not None:
            km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
            if km <= ADMIN1_RADIUS_KM:
                return 1.0, f"{km:.0f} km from {name}, within an admin1 radius", False
        return None
    return None


def _actors(a: Item, b: Item, parents: Mapping[str, str]) -> tuple[float, str, bool]:
    """(score, reason, contested) for actor1 (and actor2)."""
    name = b.event.actor1.name if b.event.actor1 else "?"
    if a.a1 and b.a1:
        if a.a1 == b.a1:
            return 2.0, f"actor1 {name} agrees", False
        if related(a.a1, b.a1, parents):
            return 1.5, f"actor1 {name} and {a.event.actor1.name} are one hierarchy", False  # type: ignore[union-attr]
        if a.sub == b.sub == "Armed clash" and a.a2 and a.a1 == b.a2 and a.a2 == b.a1:
            return 2.0, "clash sides agree (reported in the other order)", False
        other = a.event.actor1.name if a.event.actor1 else "?"
        return -1.0, f"contested: actor1 {other} vs {name}", True
    return 0.5, "actor1 unknown on one side", False


def _victims_agree(a: Item, b: Item, parents: Mapping[str, str]) -> bool:
    if a.a2_kind == b.a2_kind == "civilians":
        return True
    if a.a2 and b.a2:
        return related(a.a2, b.a2, parents)
    fa, fb = a.event.fatalities, b.event.fatalities
    return fa is not None and fb is not None and abs(fa - fb) <= max(1, 0.2 * max(fa, fb))


def match(a: Item, b: Item, parents: Mapping[str, str]) -> tuple[float, str] | None:
    """Score and reason when report `a` tells of the same incident as member `b`."""
    if a.family != b.family or not compatible_types(a.sub, b.sub):
        return None
    type_reason = (
        f"same sub-event type {a.sub}" if a.sub == b.sub else f"compatible types {a.sub} ~ {b.sub}"
    )
    time = _time(a, b)
    if time is None:
        return None
    actor_score, actor_reason, contested = _actors(a, b, parents)
    place = _place(a, b)
    if place is None:
        # Unknown or country-level location: only strong other evidence fuses.
        unplaced = {a.precision, b.precision} & {"country", "unknown"}
        strong = (
            unplaced
            and not (a.country and b.country and a.country != b.country)
            and a.sub == b.sub
            and time[0] >= 2.0
            and a.a1 is not None
            and a.a1 == b.a1
        )
        if not strong:
            return None
        place = (0.5, "location unknown on one side; same actor1, type and day", False)
    close = time[0] >= 2.0 and place[2]
    strong = a.sub == b.sub and close
    # Competing attribution ("activists blamed X; Y's envoy blamed Z") is the contested
    # grade of one incident: when either side's author is only alleged, outlets' different
    # codings of the weapon (compatible types) do not make two incidents.
    alleged = a.event.certainty in _ALLEGED or b.event.certainty in _ALLEGED
    if contested and not ((strong or (alleged and close)) and _victims_agree(a, b, parents)):
        return None
    if (a.when in COARSE_DATES or b.when in COARSE_DATES) and not _corroborated(
        a, b, place, parents
    ):
        return None
    score = time[0] + place[0] + actor_score + (2.0 if a.sub == b.sub else 1.0)
    parts = [type_reason, time[1], place[1], actor_reason]
    return score, "; ".join(parts)


def _corroborated(
    a: Item, b: Item, place: tuple[float, str, bool], parents: Mapping[str, str]
) -> bool:
    """Enough for a coarse-dated report to join: same sub-type, same place, same attacker
    (see COARSE_DATES)."""
    return (
        a.sub == b.sub
        and place[2]
        and a.a1 is not None
        and b.a1 is not None
        and related(a.a1, b.a1, parents)
    )


def certainty_rank(certainty: str) -> int:
    return _CERTAINTY_RANK.get(certainty, 1)


__all__ = [
    "CONFUSION_GROUPS",
    "Item",
    "compatible_types",
    "date_interval",
    "haversine_km",
    "make_item",
    "match",
    "type_family",
]
