"""Knowledge-base nouns: actors, places, designations; and the resolver contract.

Stages that need the knowledge base (reading, assessment) take a `KnowledgeBase` argument;
`resolve.KB` implements it and the pipeline wires the two, so stages never import each other.
"""

from __future__ import annotations

from datetime import date
from typing import Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict

ActorKind = Literal[
    "state",
    "government",
    "rebel",
    "militia",
    "identity-militia",
    "civilians",
    "protesters",
    "external",
    "igo",
    "monitor",
    "unidentified",
    "other",
]
Precision = Literal["point", "city", "admin1", "country", "unknown"]


class ActorName(BaseModel):
    """A name an actor went by for a span of time (renames: Nusra -> JFS -> HTS)."""

    model_config = ConfigDict(frozen=True)

    name: str
    valid_from: date | None = None
    valid_to: date | None = None


class Actor(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    kind: ActorKind
    country: str | None = None  # ISO 3166-1 alpha-2
    parent: str | None = None  # id of the actor this one belongs to
    aliases: tuple[str, ...] = ()
    names: tuple[ActorName, ...] = ()
    acled_name: str | None = None
    note: str = ""
    demonyms: tuple[str, ...] = ()  # "Russian": "Russian warplanes" -> the air branch
    metonyms: tuple[str, ...] = ()  # "Moscow", "the Kremlin" for the Russian government
    country_aliases: tuple[str, ...] = ()  # "rebels", "the regime": only with country context
    branch: str | None = None  # military, army, air, navy, police, intelligence, paramilitary


class DesignationEntry(BaseModel):
    """`authority` designates `actor_id` as `label` from `valid_from` to `valid_to`."""

    model_config = ConfigDict(frozen=True)

    actor_id: str
    authority: str  # e.g. UNSC, US-FTO, EU, UK, RU, TR, or an actor id for party claims
    label: str = "terrorist"
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""
    kind: Literal["official-list", "party-claim"] = "official-list"
    covers_subunits: bool = False  # True: also designates actors whose parent chain leads here


class Place(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    country: str  # ISO alpha-2
    admin1: str | None = None
    lat: float
    lon: float
    precision: Precision = "city"
    population: int = 0
    feature: str = "P"  # GeoNames feature class, or A for admin areas
    aliases: tuple[str, ...] = ()
    source: str = ""  # where the coordinates come from (GeoNames id, or a curator's note)


class ActorMatch(BaseModel):
    model_config = ConfigDict(frozen=True)

    actor: Actor
    matched: str  # the surface form matched
    reason: str
    score: float = 100.0
    name_on_date: str | None = None  # the name in force on the report's date (Nusra vs HTS)


class PlaceMatch(BaseModel):
    model_config = ConfigDict(frozen=True)

    place: Place
    matched: str
    reason: str
    score: float = 100.0


class Unresolved(BaseModel):
    model_config = ConfigDict(frozen=True)

    text: str
    reason: str


@runtime_checkable
class KnowledgeBase(Protocol):
    """What reading and assessment need from the knowledge base."""

    def resolve_actor(
        self, text: str, on: date | None = None, context: dict[str, str] | None = None
    ) -> ActorMatch | Unresolved: ...

    def resolve_place(
        self, text: str, context: dict[str, str] | None = None
    ) -> PlaceMatch | Unresolved: ...

    def designations(
        self, actor_id: str, on: date | None = None, authority: str | None = None
    ) -> list[DesignationEntry]: ...

    def actor(self, actor_id: str) -> Actor | None: ...

    def branch(self, actor_id: str, branch: str) -> Actor | None:
        """The actor's own unit serving `branch` ("air", "army", "military", "police"...),
        nearest first; None when it lists none."""
        ...

    def entity_patterns(self) -> list[tuple[str, str]]:
        """(label, phrase) pairs for an entity ruler: ACTOR/GPE names the KB knows."""
        ...


__all__ = [
    "Actor",
    "ActorKind",
    "ActorMatch",
    "ActorName",
    "DesignationEntry",
    "KnowledgeBase",
    "Place",
    "PlaceMatch",
    "Precision",
    "Unresolved",
]
