"""A small fictional knowledge base (Gondor/Harad) and one spaCy reader per session."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from trucewatch.model import (
    Actor,
    ActorMatch,
    ActorName,
    Article,
    DesignationEntry,
    Place,
    PlaceMatch,
    Unresolved,
    article_id,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "nlp"


class FictionalKB:
    """Exact-alias look-ups over tests/fixtures/nlp/fictional_kb.json (the KB protocol)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.actors = [
            Actor(
                id=a["id"],
                name=a["name"],
                kind=a["kind"],
                country=a["country"],
                aliases=tuple(a.get("aliases", ())),
                names=tuple(ActorName(**n) for n in a.get("names", ())),
            )
            for a in data["actors"]
        ]
        self.places = [Place(**p) for p in data["places"]]

    def with_actors(self, *extra: Actor) -> FictionalKB:
        """A copy of this knowledge base that also knows `extra` (a test's own actor)."""
        copy = type(self).__new__(type(self))
        copy.places = self.places
        copy.actors = [*self.actors, *extra]
        return copy

    def resolve_actor(
        self, text: str, on: dt.date | None = None, context: dict[str, str] | None = None
    ) -> ActorMatch | Unresolved:
        key = text.lower().removeprefix("the ").strip()
        for actor in self.actors:
            names = {actor.name.lower(), *(a.lower().removeprefix("the ") for a in actor.aliases)}
            if key in names:
                return ActorMatch(actor=actor, matched=text, reason=f"alias {text!r}")
        return Unresolved(text=text, reason="not in the fictional KB")

    def resolve_place(
        self, text: str, context: dict[str, str] | None = None
    ) -> PlaceMatch | Unresolved:
        for place in self.places:
            if place.name.lower() == text.lower().strip():
                return PlaceMatch(place=place, matched=text, reason=f"name {text!r}")
        return Unresolved(text=text, reason="not in the fictional KB")

    def designations(
        self, actor_id: str, on: dt.date | None = None, authority: str | None = None
    ) -> list[DesignationEntry]:
        return []

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    def branch(self, actor_id: str, branch: str) -> Actor | None:
        return next((a for a in self.actors if a.parent == actor_id and a.branch == branch), None)

    def entity_patterns(self) -> list[tuple[str, str]]:
        out = [("ACTOR", a.name) for a in self.actors if a.kind != "civilians"]
        out += [
            ("ACTOR", alias) for a in self.actors if a.kind != "civilians" for alias in a.aliases
        ]
        out += [("GPE", p.name) for p in self.places]
        return out


@pytest.fixture(scope="session")
def fictional_kb() -> FictionalKB:
    return FictionalKB(json.loads((FIXTURES / "fictional_kb.json").read_text()))


PUBLISHED = dt.date(2025, 3, 12)  # a Wednesday: "Monday" is 10 March


def _reader_over(kb: Any) -> Any:
    from trucewatch.errors import ModelMissingError
    from trucewatch.nlp import load_reader

    try:
        return load_reader(kb)
    except ModelMissingError as error:
        pytest.skip(str(error))


@pytest.fixture(scope="session")
def make_read() -> Any:
    """`make_read(kb)` -> `read(text)`: a reader over another knowledge base (a variant of
    the fictional one, or the shipped one), each text an article published on `published`,
    Wednesday 12 March 2025 unless given (skips when the model is absent)."""

    def make(kb: Any, published: dt.date = PUBLISHED) -> Any:
        reader = _reader_over(kb)

        def _read(text: str) -> Any:
            art = Article(id=article_id(text), source_id="test", text=text, published=published)
            return reader.read(art)

        return _read

    return make


@pytest.fixture(scope="session")
def reader(fictional_kb: FictionalKB) -> Any:
    return _reader_over(fictional_kb)


@pytest.fixture(scope="session")
def read(reader: Any) -> Any:
    def _read(text: str, published: dt.date | None = dt.date(2025, 3, 12)) -> Any:
        art = Article(id=article_id(text), source_id="test", text=text, published=published)
        return reader.read(art)

    return _read
