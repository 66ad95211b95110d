"""A small fictional knowledge base (Arnor, Gondor, Mordor ...) and the fictional agreement."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from trucewatch.assess import load_agreement
from trucewatch.model.agreement import Agreement
from trucewatch.model.kb import (
    Actor,
    ActorMatch,
    DesignationEntry,
    KnowledgeBase,
    PlaceMatch,
    Unresolved,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "assess"


class FictionalKB:
    """An in-memory knowledge base over a fixed table of fictional actors and designations."""

    def __init__(self, actors: list[Actor], designations: list[DesignationEntry]) -> None:
        self._actors = {a.id: a for a in actors}
        self._designations = designations

    def resolve_actor(
        self, text: str, on: dt.date | None = None, context: dict[str, str] | None = None
    ) -> ActorMatch | Unresolved:
        wanted = text.casefold()
        for actor in self._actors.values():
            if wanted in {actor.name.casefold(), actor.id, *(a.casefold() for a in actor.aliases)}:
                return ActorMatch(actor=actor, matched=text, reason="exact name")
        return Unresolved(text=text, reason="no such actor")

    def resolve_place(
        self, text: str, context: dict[str, str] | None = None
    ) -> PlaceMatch | Unresolved:
        return Unresolved(text=text, reason="no gazetteer in this fixture")

    def designations(
        self, actor_id: str, on: dt.date | None = None, authority: str | None = None
    ) -> list[DesignationEntry]:
        return [
            d
            for d in self._designations
            if d.actor_id == actor_id
            and (authority is None or d.authority == authority)
            and (on is None or d.valid_from is None or d.valid_from <= on)
            and (on is None or d.valid_to is None or on <= d.valid_to)
        ]

    def actor(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def branch(self, actor_id: str, branch: str) -> Actor | None:
        units = self._actors.values()
        return next((a for a in units if a.parent == actor_id and a.branch == branch), None)

    def entity_patterns(self) -> list[tuple[str, str]]:
        return [("ACTOR", a.name) for a in self._actors.values()]


ACTORS = [
    Actor(id="arnor", name="Arnor", kind="state", country="AR"),
    Actor(id="arnor-air-wing", name="Arnor Air Wing", kind="state", country="AR", parent="arnor"),
    Actor(id="gondor", name="Gondor", kind="state", country="GD"),
    Actor(id="rohan", name="Rohan", kind="state", country="RH"),
    Actor(id="mordor", name="Mordor", kind="rebel", country="MD"),
    Actor(id="corsairs", name="Corsairs", kind="rebel", country="GD"),
    Actor(id="rangers", name="Rangers of Ithilien", kind="rebel", country="GD"),
    Actor(id="haradrim", name="Haradrim", kind="militia", country="HR"),
    Actor(id="dunland-raiders", name="Dunland raiders", kind="rebel"),
]
DESIGNATIONS = [
    # Listed in the middle of the truce: attacks on them before the listing are covered.
    DesignationEntry(
        actor_id="haradrim", authority="UNSC", valid_from=dt.date(2020, 4, 1), source="list 7"
    ),
]


@pytest.fixture
def kb() -> KnowledgeBase:
    return FictionalKB(ACTORS, DESIGNATIONS)


@pytest.fixture
def pelennor_text() -> str:
    return (FIXTURES / "pelennor-truce.yaml").read_text(encoding="utf-8")


@pytest.fixture
def pelennor(kb: KnowledgeBase) -> Agreement:
    return load_agreement(str(FIXTURES / "pelennor-truce.yaml"), kb)
