"""What reading a report yields: events, quotes and designations (the public record's lists)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from trucewatch.model.kb import Precision

Certainty = Literal["asserted", "reported", "alleged", "denied", "hypothetical"]
DatePrecision = Literal["day", "week", "month", "year", "unknown"]
Stance = Literal["accuse", "deny", "demand", "threaten", "claim", "designate", "other"]

# ACLED event types and sub-event types (codebook 2023+), exact spellings.
ACLED_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_TO_TYPE = {sub: t for t, subs in ACLED_TYPES.items() for sub in subs}


class ActorRef(BaseModel):
    """An actor as the public record names it; `id` is the knowledge-base id or null."""

    model_config = ConfigDict(frozen=True)

    name: str
    id: str | None = None
    country: str | None = None
    kind: str | None = None
    text: str | None = None  # the surface form in the report
    reason: str | None = None  # why it resolved (or did not)
    acled_name: str | None = None  # ACLED-style actor name for ACLED-compatible exports


class PlaceRef(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: Precision = "unknown"
    id: str | None = None
    text: str | None = None
    reason: str | None = None


class EventReport(BaseModel):
    """One event as one report tells it (fusion turns many of these into an incident)."""

    model_config = ConfigDict(frozen=True)

    event_type: str
    sub_event_type: str
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    location: PlaceRef | None = None
    date: dt.date | None = None
    date_precision: DatePrecision = "unknown"
    fatalities: int | None = None
    civilian_fatalities: int | None = None
    injured: int | None = None
    certainty: Certainty = "asserted"
    claimed_by: str | None = None
    evidence: str = ""
    article_id: str | None = None
    index: int | None = None  # position among the article's events
    extractor: str = "trucewatch.nlp.events.v1"


class Affiliation(BaseModel):
    model_config = ConfigDict(frozen=True)

    name: str
    country: str | None = None


class Quote(BaseModel):
    model_config = ConfigDict(frozen=True)

    speaker: str | None
    role: str | None = None
    affiliation: Affiliation | None = None
    text: str
    direct: bool = True
    channel: str | None = None
    stance: Stance = "other"
    evidence: str = ""
    article_id: str | None = None


class Designation(BaseModel):
    """`by` calls `subject` a `label` (e.g. terrorist) in a report."""

    model_config = ConfigDict(frozen=True)

    by: Affiliation
    subject: str
    label: str = "terrorist"
    evidence: str = ""
    by_actor_id: str | None = None
    subject_actor_ids: tuple[str, ...] = ()
    date: dt.date | None = None
    article_id: str | None = None


class Reading(BaseModel):
    """Everything read from one article."""

    model_config = ConfigDict(frozen=True)

    events: tuple[EventReport, ...] = ()
    quotes: tuple[Quote, ...] = ()
    designations: tuple[Designation, ...] = ()


__all__ = [
    "ACLED_TYPES",
    "SUB_TO_TYPE",
    "ActorRef",
    "Affiliation",
    "Certainty",
    "DatePrecision",
    "Designation",
    "EventReport",
    "PlaceRef",
    "Quote",
    "Reading",
    "Stance",
]
