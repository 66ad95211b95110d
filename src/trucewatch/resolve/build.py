"""Turn validated YAML records into model objects, merging overlays onto shipped data.

Merge rule (documented for users): an overlay actor whose `id` already exists *adds* its
list fields (aliases, demonyms, metonyms, country_aliases, names) to the existing actor and
*replaces* any scalar field it sets (name, kind, country, parent, acled_name, branch, note).
Designations and places are appended; a place whose `id` exists replaces it.
"""

from __future__ import annotations

from typing import Any

from trucewatch.model.kb import Actor, ActorName, DesignationEntry, Place
from trucewatch.resolve.loader import (
    ACTOR_KEYS,
    ACTOR_KINDS,
    BRANCHES,
    COUNTRY_RE,
    DESIGNATION_KEYS,
    DESIGNATION_KINDS,
    ID_RE,
    NAME_KEYS,
    PLACE_KEYS,
    PRECISIONS,
    RawData,
    as_date,
    as_strings,
    check_keys,
    where,
)

LIST_FIELDS = ("aliases", "demonyms", "metonyms", "country_aliases")
SCALAR_FIELDS = ("name", "kind", "country", "parent", "acled_name", "branch", "note")


def build_actors(raw: RawData, errors: list[str]) -> dict[str, Actor]:
    merged: dict[str, dict[str, Any]] = {}
    first_seen: dict[str, dict[str, Any]] = {}
    for item in raw.actors:
        errors.extend(check_keys(item, ACTOR_KEYS, f"actor {item.get('id', '?')!r}"))
        actor_id = item.get("id")
        if not isinstance(actor_id, str) or not ID_RE.match(actor_id):
            errors.append(
                f"{where(item)}: actor id {actor_id!r} must be lowercase words joined by '-'"
            )
            continue
        what = f"actor {actor_id!r}"
        if actor_id in merged and first_seen[actor_id]["__file__"] == item["__file__"]:
            errors.append(
                f"{where(item)}: {what}: duplicate id (first at {where(first_seen[actor_id])})"
            )
            continue
        record = merged.setdefault(actor_id, {"id": actor_id, "names": []})
        first_seen.setdefault(actor_id, item)
        record.setdefault("__where__", where(item))
        for key in LIST_FIELDS:
            record[key] = (
                *record.get(key, ()),
                *as_strings(item.get(key), item, key, what, errors),
            )
        for key in SCALAR_FIELDS:
            if item.get(key) is not None:
                record[key] = str(item[key])
        for period in item.get("names") or []:
            if not isinstance(period, dict) or "name" not in period:
                errors.append(f"{where(item)}: {what}: each of names needs a 'name'")
                continue
            errors.extend(check_keys(period, NAME_KEYS, f"{what} names"))
            record["names"].append(
                ActorName(
                    name=str(period["name"]),
                    valid_from=as_date(
                        period.get("valid_from"), period, "valid_from", what, errors
                    ),
                    valid_to=as_date(period.get("valid_to"), period, "valid_to", what, errors),
                )
            )
    actors: dict[str, Actor] = {}
    for actor_id, record in merged.items():
        what = f"{record['__where__']}: actor {actor_id!r}"
        if "name" not in record or "kind" not in record:
            errors.append(f"{what}: a new actor needs 'name' and 'kind'")
            continue
        if record["kind"] not in ACTOR_KINDS:
            errors.append(
                f"{what}: unknown kind {record['kind']!r}; valid: {', '.join(ACTOR_KINDS)}"
            )
            continue
        if record.get("country") and not COUNTRY_RE.match(record["country"]):
            errors.append(f"{what}: country {record['country']!r} is not ISO alpha-2 (e.g. SY)")
            continue
        if record.get("branch") and record["branch"] not in BRANCHES:
            errors.append(
                f"{what}: unknown branch {record['branch']!r}; valid: {', '.join(BRANCHES)}"
            )
            continue
        fields = {k: v for k, v in record.items() if not k.startswith("__")}
        fields["names"] = tuple(record["names"])
        for key in LIST_FIELDS:
            fields[key] = tuple(dict.fromkeys(record.get(key, ())))
        actors[actor_id] = Actor(**fields)
    for actor in actors.values():
        if actor.parent and actor.parent not in actors:
            errors.append(
                f"{merged[actor.id]['__where__']}: actor {actor.id!r}: unknown parent "
                f"{actor.parent!r}"
            )
    return _inherit_acled_names(actors)


ARMED_BRANCHES = frozenset({"air", "army", "navy"})


def _inherit_acled_names(actors: dict[str, Actor]) -> dict[str, Actor]:
    """ACLED codes a state's air force, army and navy under its military forces ("Military
    Forces of Russia (2000-)"), so an armed branch with no ACLED name of its own takes the
    ACLED name of its sibling `military` branch, or of the `military` branch it sits under
    (Syria's air force is a unit of the Syrian Arab Army in the knowledge base)."""
    military: dict[str, str] = {}
    for a in actors.values():
        if a.branch == "military" and a.parent and a.acled_name:
            military[a.parent] = a.acled_name
            military[a.id] = a.acled_name
    for actor_id, actor in list(actors.items()):
        if actor.branch in ARMED_BRANCHES and not actor.acled_name and actor.parent in military:
            actors[actor_id] = actor.model_copy(update={"acled_name": military[actor.parent]})
    return actors


def build_designations(
    raw: RawData, actors: dict[str, Actor], errors: list[str]
) -> list[DesignationEntry]:
    entries: list[DesignationEntry] = []
    for item in raw.designations:
        what = f"designation of {item.get('actor', '?')!r}"
        errors.extend(check_keys(item, DESIGNATION_KEYS, what))
        actor_id, authority = item.get("actor"), item.get("authority")
        if actor_id not in actors:
            errors.append(f"{where(item)}: {what}: unknown actor {actor_id!r}")
            continue
        if not authority:
            errors.append(f"{where(item)}: {what}: 'authority' is required (e.g. UNSC, US-FTO)")
            continue
        kind = item.get("kind") or "official-list"
        if kind not in DESIGNATION_KINDS:
            errors.append(
                f"{where(item)}: {what}: unknown kind {kind!r}; "
                f"valid: {', '.join(DESIGNATION_KINDS)}"
            )
            continue
        start = as_date(item.get("valid_from"), item, "valid_from", what, errors)
        end = as_date(item.get("valid_to"), item, "valid_to", what, errors)
        if start and end and end < start:
            errors.append(f"{where(item)}: {what}: valid_to {end} is before valid_from {start}")
            continue
        entries.append(
            DesignationEntry(
                actor_id=str(actor_id),
                authority=str(authority),
                label=str(item.get("label") or "terrorist"),
                valid_from=start,
                valid_to=end,
                source=str(item.get("source") or ""),
                kind=kind,  # type: ignore[arg-type]  # checked against KINDS above
                covers_subunits=bool(item.get("covers_subunits", False)),
            )
        )
    return entries


def build_places(raw: RawData, errors: list[str]) -> dict[str, Place]:
    places: dict[str, Place] = {}
    for item in raw.places:
        place_id = item.get("id")
        what = f"place {place_id!r}"
        errors.extend(check_keys(item, PLACE_KEYS, what))
        if not isinstance(place_id, str) or not ID_RE.match(place_id):
            errors.append(
                f"{where(item)}: place id {place_id!r} must be lowercase words joined by '-'"
            )
            continue
        missing = [k for k in ("name", "country", "lat", "lon") if item.get(k) is None]
        if missing:
            errors.append(f"{where(item)}: {what}: missing {', '.join(missing)}")
            continue
        try:
            lat, lon = float(item["lat"]), float(item["lon"])
        except (TypeError, ValueError):
            errors.append(f"{where(item)}: {what}: lat/lon must be numbers")
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            errors.append(f"{where(item)}: {what}: lat {lat}, lon {lon} out of range")
            continue
        if not COUNTRY_RE.match(str(item["country"])):
            errors.append(f"{where(item)}: {what}: country {item['country']!r} is not ISO alpha-2")
            continue
        precision = item.get("precision") or "point"
        if precision not in PRECISIONS:
            errors.append(
                f"{where(item)}: {what}: unknown precision {precision!r}; "
                f"valid: {', '.join(PRECISIONS)}"
            )
            continue
        places[place_id] = Place(
            id=place_id,
            name=str(item["name"]),
            country=str(item["country"]),
            admin1=str(item["admin1"]) if item.get("admin1") else None,
            lat=lat,
            lon=lon,
            precision=precision,  # type: ignore[arg-type]  # checked above
            population=int(item.get("population") or 0),
            feature=str(item.get("feature") or ("P" if precision == "city" else "S")),
            aliases=as_strings(item.get("aliases"), item, "aliases", what, errors),
            source=str(item.get("source") or where(item)),
        )
    return places


__all__ = ["build_actors", "build_designations", "build_places"]
