"""Truce agreements as data: instruments, parties, scope, exemptions, obligations, positions.

An agreement is read from YAML by `trucewatch.assess` and validated here, so a malformed
agreement can never reach assessment. Cross-field problems (end before start, an open
polygon) raise a `PydanticCustomError` whose context carries the path of the offending
field, which lets the loader point at the exact line of the file.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from trucewatch.model.event import ACLED_TYPES

InstrumentKind = Literal["announcement", "terms", "renewal", "recommitment", "expiry"]
EndKind = Literal["expiry", "collapse", "superseded"]
View = Literal["exempt", "violation"]
Path = tuple[str | int, ...]

_STRICT = ConfigDict(frozen=True, extra="forbid")


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise PydanticCustomError(
            "timezone",
            "unknown time zone '{name}'; use an IANA name such as 'Asia/Damascus'",
            {"name": name},
        ) from error


class TimePoint(BaseModel):
    """A moment in a named time zone: `at` is local wall time there, stored time-zone aware.

    `approximate` marks a target rather than a fixed moment (e.g. "within one week").
    """

    model_config = _STRICT

    at: dt.datetime
    timezone: str
    approximate: bool = False
    note: str = ""

    @model_validator(mode="before")
    @classmethod
    def _localise(cls, data: Any) -> Any:
        """Attach the named zone to a naive local time; the zone name is the source of truth."""
        if not isinstance(data, dict) or "timezone" not in data or "at" not in data:
            return data
        zone = _zone(str(data["timezone"]))
        at = data["at"]
        if isinstance(at, dt.date) and not isinstance(at, dt.datetime):
            at = dt.datetime.combine(at, dt.time())
        if isinstance(at, str):
            try:
                at = dt.datetime.fromisoformat(at.strip())
            except ValueError as error:
                raise PydanticCustomError(
                    "bad_time",
                    "bad date/time '{value}'; write local wall time as 'YYYY-MM-DD HH:MM'",
                    {"value": at},
                ) from error
        if isinstance(at, dt.datetime):
            at = at.replace(tzinfo=zone) if at.tzinfo is None else at.astimezone(zone)
        return {**data, "at": at}

    def iso(self) -> str:
        """Local time with its UTC offset, minutes precision: 2016-02-27T00:00+02:00."""
        return self.at.isoformat(timespec="minutes")


class SourceDocument(BaseModel):
    model_config = _STRICT

    id: str
    title: str
    publisher: str = ""
    date: dt.date | None = None
    url: str | None = None


class Instrument(BaseModel):
    """One text of the agreement: an announcement, the terms, a renewal, a recommitment, an expiry.

    `effect` is when this instrument makes (or, for an expiry, unmakes) the truce binding;
    `until` is when its period lapses unless renewed.
    """

    model_config = _STRICT

    id: str
    kind: InstrumentKind
    name: str
    date: dt.date
    effect: TimePoint | None = None
    until: TimePoint | None = None
    source: str | None = None  # id of a SourceDocument
    note: str = ""

    def label(self) -> str:
        """Short human label, e.g. 'Terms, 22 Feb 2016'."""
        return f"{self.name}, {self.date.day} {self.date:%b %Y}"


class End(BaseModel):
    """How the agreement ended: an expiry, a collapse, or replacement by another agreement."""

    model_config = _STRICT

    at: TimePoint
    kind: EndKind = "expiry"
    instrument: str | None = None
    note: str = ""


class ActorClass(BaseModel):
    """A class of actors named by description, e.g. 'all armed opposition' (kinds: rebel, SY)."""

    model_config = _STRICT

    description: str
    kinds: tuple[str, ...] = ()
    country: str | None = None  # ISO alpha-2 of the actor, or of the place when the actor has none
    admin1: str | None = None  # the place's first-level region


class Party(BaseModel):
    """A party bound by the truce: one actor, or a class of actors, joining by acceptance."""

    model_config = _STRICT

    actor: str | None = None
    group: ActorClass | None = None
    side: str = ""
    accept_by: TimePoint | None = None  # deadline to accept
    accepted_on: TimePoint | None = None  # when it accepted (may be after accept_by)
    note: str = ""

    @model_validator(mode="after")
    def _one_of(self) -> Party:
        if (self.actor is None) == (self.group is None):
            raise PydanticCustomError(
                "agreement", "{message}", {"message": "a party needs exactly one of: actor, group"}
            )
        return self

    def label(self) -> str:
        return self.actor if self.actor is not None else self.group.description  # type: ignore[union-attr]


class Admin1(BaseModel):
    model_config = _STRICT

    country: str
    name: str
    aliases: tuple[str, ...] = ()


class Area(BaseModel):
    """A named area; with a polygon, a point inside it counts even if the name differs."""

    model_config = _STRICT

    name: str
    country: str | None = None
    aliases: tuple[str, ...] = ()
    polygon: tuple[tuple[float, float], ...] | None = None  # (lon, lat) ring, first == last


class Scope(BaseModel):
    """Where the truce applies: the union of whole countries, regions, areas and polygons."""

    model_config = _STRICT

    countries: tuple[str, ...] = ()
    admin1: tuple[Admin1, ...] = ()
    areas: tuple[Area, ...] = ()
    note: str = ""

    @field_validator("countries")
    @classmethod
    def _upper(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(c.upper() for c in value)


class ActorExemption(BaseModel):
    model_config = _STRICT

    actor: str
    reason: str = ""
    source: str | None = None


class DesignationRule(BaseModel):
    """Groups designated by `authority` (e.g. UNSC) as `label` on the event's date are exempt."""

    model_config = _STRICT

    authority: str
    label: str | None = "terrorist"
    reason: str = ""
    source: str | None = None


class Exemptions(BaseModel):
    model_config = _STRICT

    actors: tuple[ActorExemption, ...] = ()
    designations: tuple[DesignationRule, ...] = ()


class Coverage(BaseModel):
    """An ACLED event type, optionally narrowed to some of its sub-event types."""

    model_config = _STRICT

    event_type: str
    sub_event_types: tuple[str, ...] = ()


class Obligation(BaseModel):
    """A duty of the parties (e.g. cease attacks) and the ACLED events that would breach it."""

    model_config = _STRICT

    id: str
    name: str
    covers: tuple[Coverage, ...]
    target_kinds: tuple[str, ...] = ()  # only events against these actor kinds, if given
    source: str | None = None
    note: str = ""


class About(BaseModel):
    """Whom a position is about: actor ids and/or a class of actors."""

    model_config = _STRICT

    actors: tuple[str, ...] = ()
    group: ActorClass | None = None


class Position(BaseModel):
    """`holder` says attacks on `about` are `view` (exempt or a violation) under the truce."""

    model_config = _STRICT

    holder: str
    about: About
    view: View
    source: str | None = None
    date: dt.date | None = None
    evidence: str = ""


class Agreement(BaseModel):
    """A truce agreement. `effect` names the instrument whose effect time starts the truce."""

    model_config = _STRICT

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    name: str
    summary: str = ""
    timezone: str  # local time of the theatre; events dated by day are read in it
    sources: tuple[SourceDocument, ...] = ()
    instruments: tuple[Instrument, ...]
    effect: str
    end: End | None = None
    parties: tuple[Party, ...]
    scope: Scope
    exemptions: Exemptions = Exemptions()
    obligations: tuple[Obligation, ...]
    positions: tuple[Position, ...] = ()
    note: str = ""

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        _zone(value)
        return value

    @model_validator(mode="after")
    def _coherent(self) -> Agreement:
        problems = agreement_problems(self)
        if problems:
            path, message = problems[0]
            raise PydanticCustomError("agreement", "{message}", {"message": message, "path": path})
        return self

    def instrument(self, instrument_id: str) -> Instrument:
        return next(i for i in self.instruments if i.id == instrument_id)

    @property
    def effect_instrument(self) -> Instrument:
        return self.instrument(self.effect)

    @property
    def effect_time(self) -> TimePoint:
        point = self.effect_instrument.effect
        assert point is not None  # guaranteed by agreement_problems
        return point

    def actor_ids(self) -> list[tuple[Path, str]]:
        """Every actor id the agreement names, with its path (for checks against a KB)."""
        found: list[tuple[Path, str]] = []
        for i, party in enumerate(self.parties):
            if party.actor is not None:
                found.append((("parties", i, "actor"), party.actor))
        for i, exemption in enumerate(self.exemptions.actors):
            found.append((("exemptions", "actors", i, "actor"), exemption.actor))
        for i, position in enumerate(self.positions):
            found.append((("positions", i, "holder"), position.holder))
            for j, actor in enumerate(position.about.actors):
                found.append((("positions", i, "about", "actors", j), actor))
        return found


def agreement_problems(agreement: Agreement) -> list[tuple[Path, str]]:
    """Cross-field problems, each with the path of the field to fix."""
    problems: list[tuple[Path, str]] = []
    ids = [i.id for i in agreement.instruments]
    seen: set[str] = set()
    for n, instrument_id in enumerate(ids):
        if instrument_id in seen:
            problems.append(
                (("instruments", n, "id"), f"duplicate instrument id {instrument_id!r}")
            )
        seen.add(instrument_id)
    if agreement.effect not in ids:
        problems.append(
            (
                ("effect",),
                f"effect names unknown instrument {agreement.effect!r}; valid: " + ", ".join(ids),
            )
        )
    elif agreement.effect_instrument.effect is None:
        problems.append((("effect",), f"instrument {agreement.effect!r} has no effect time"))
    source_ids = {s.id for s in agreement.sources}
    for n, instrument in enumerate(agreement.instruments):
        if instrument.source is not None and source_ids and instrument.source not in source_ids:
            problems.append(
                (
                    ("instruments", n, "source"),
                    f"unknown source {instrument.source!r}; valid: {', '.join(sorted(source_ids))}",
                )
            )
        if instrument.effect and instrument.until and instrument.until.at <= instrument.effect.at:
            problems.append(
                (
                    ("instruments", n, "until"),
                    f"instrument {instrument.id!r} ends ({instrument.until.iso()}) before its "
                    f"effect ({instrument.effect.iso()})",
                )
            )
    if agreement.effect in ids and agreement.effect_instrument.effect is not None:
        start = agreement.effect_time
        if agreement.end is not None and agreement.end.at.at <= start.at:
            problems.append(
                (
                    ("end", "at"),
                    f"end ({agreement.end.at.iso()}) is not after the effect ({start.iso()})",
                )
            )
        if agreement.end is not None and agreement.end.instrument not in (None, *ids):
            problems.append(
                (
                    ("end", "instrument"),
                    f"unknown instrument {agreement.end.instrument!r}; valid: " + ", ".join(ids),
                )
            )
    for n, area in enumerate(agreement.scope.areas):
        ring = area.polygon
        if ring is None:
            continue
        if len(ring) < 4:
            problems.append(
                (
                    ("scope", "areas", n, "polygon"),
                    f"polygon of {area.name!r} needs at least 4 points (a closed ring)",
                )
            )
        elif ring[0] != ring[-1]:
            problems.append(
                (
                    ("scope", "areas", n, "polygon"),
                    f"polygon of {area.name!r} is not closed: first point {list(ring[0])} != "
                    f"last point {list(ring[-1])}; repeat the first point at the end",
                )
            )
    for n, obligation in enumerate(agreement.obligations):
        for m, cover in enumerate(obligation.covers):
            path: Path = ("obligations", n, "covers", m)
            if cover.event_type not in ACLED_TYPES:
                problems.append(
                    (
                        (*path, "event_type"),
                        f"unknown ACLED event type {cover.event_type!r}; valid: "
                        + ", ".join(ACLED_TYPES),
                    )
                )
                continue
            valid = ACLED_TYPES[cover.event_type]
            for k, sub in enumerate(cover.sub_event_types):
                if sub not in valid:
                    problems.append(
                        (
                            (*path, "sub_event_types", k),
                            f"unknown sub-event type {sub!r} of {cover.event_type!r}; valid: "
                            + ", ".join(valid),
                        )
                    )
    obligation_ids = [o.id for o in agreement.obligations]
    if len(set(obligation_ids)) != len(obligation_ids):
        problems.append((("obligations",), "duplicate obligation ids"))
    return problems


__all__ = [
    "About",
    "ActorClass",
    "ActorExemption",
    "Admin1",
    "Agreement",
    "Area",
    "Coverage",
    "DesignationRule",
    "End",
    "EndKind",
    "Exemptions",
    "Instrument",
    "InstrumentKind",
    "Obligation",
    "Party",
    "Position",
    "Scope",
    "SourceDocument",
    "TimePoint",
    "View",
    "agreement_problems",
]
