"""Geographic scope: is an event's place inside the truce's countries, regions or areas?"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from shapely.geometry import Point, Polygon

from trucewatch.model.agreement import Area, Scope
from trucewatch.model.event import PlaceRef

Inside = Literal["inside", "outside", "unknown"]


@dataclass(frozen=True)
class ScopeCheck:
    inside: Inside
    reason: str


def _norm(text: str | None) -> str:
    """Compare names loosely: case, hyphens, 'Governorate'/'Oblast' suffixes."""
    if not text:
        return ""
    words = text.casefold().replace("-", " ").replace("_", " ").split()
    drop = {"governorate", "oblast", "province", "region", "muhafazat", "district"}
    return " ".join(w for w in words if w not in drop)


def describe(scope: Scope) -> str:
    """The scope in words, e.g. 'SY' or 'Donetsk (UA), Luhansk (UA)'."""
    parts = list(scope.countries)
    parts += [f"{a.name} ({a.country})" for a in scope.admin1]
    parts += [a.name + (f" ({a.country})" if a.country else "") for a in scope.areas]
    return ", ".join(parts) or "nowhere"


def _place_text(place: PlaceRef) -> str:
    bits = [place.name]
    if place.admin1 and _norm(place.admin1) != _norm(place.name):
        bits.append(place.admin1)
    if place.country:
        bits.append(place.country)
    return ", ".join(bits)


def _area_hit(area: Area, place: PlaceRef) -> bool | None:
    """True if the place is in the area, False if not, None if the place is too vague."""
    if area.country and place.country and area.country.upper() != place.country.upper():
        return False
    names = {_norm(area.name), *(_norm(a) for a in area.aliases)}
    if _norm(place.name) in names or (place.admin1 and _norm(place.admin1) in names):
        return True
    if area.polygon is not None:
        if place.lat is None or place.lon is None:
            return None
        shape = Polygon(area.polygon)
        point = Point(place.lon, place.lat)
        return bool(shape.contains(point) or shape.touches(point))
    return False


def check(scope: Scope, place: PlaceRef | None) -> ScopeCheck:
    """Decide whether `place` is inside `scope`, saying why."""
    where = describe(scope)
    if place is None:
        return ScopeCheck("unknown", "the report gives no location for the event")
    country = (place.country or "").upper()
    text = _place_text(place)
    if country and country in scope.countries:
        return ScopeCheck("inside", f"{text} is in {country}, which the truce covers")
    vague = False
    for region in scope.admin1:
        if country and region.country.upper() != country:
            continue
        names = {_norm(region.name), *(_norm(a) for a in region.aliases)}
        if place.admin1 and _norm(place.admin1) in names:
            return ScopeCheck("inside", f"{text} is in {region.name}, which the truce covers")
        if not place.admin1 and _norm(place.name) in names:
            return ScopeCheck("inside", f"{text} is {region.name}, which the truce covers")
        if not place.admin1:
            vague = True
    for area in scope.areas:
        hit = _area_hit(area, place)
        if hit:
            return ScopeCheck("inside", f"{text} is in {area.name}, which the truce covers")
        if hit is None:
            vague = True
    if not country and not place.admin1 and (place.lat is None or place.lon is None):
        vague = True
    if vague:
        return ScopeCheck(
            "unknown",
            f"the report places the event only at {text} ({place.precision} precision); "
            f"the truce covers {where}, so it cannot be placed inside or outside",
        )
    return ScopeCheck("outside", f"{text} is outside the truce's scope ({where})")


__all__ = ["ScopeCheck", "check", "describe"]
