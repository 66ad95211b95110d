"""The knowledge base: actors, designations and places, loaded once and held by the caller.

`load_kb()` reads the shipped data (package data under resolve/data/) and an optional
overlay directory of the user's YAML files in the same format, validates everything with
file:line errors, and returns a `KB` implementing `model.kb.KnowledgeBase`.

Designation rule for parents and sub-units: an entry designates its own actor, under every
name the actor has had (a rename keeps the id). It covers an actor's sub-units (children,
grandchildren via `parent`) only when the entry says `covers_subunits: true`: a designation
of Hezbollah's military wing must not silently label Lebanon's government, while Syria's
claim that "all armed opposition" is terrorist is meant to reach every faction under it.
"""

from __future__ import annotations

import gc
from datetime import date
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from trucewatch.errors import KnowledgeBaseError
from trucewatch.model.kb import Actor, ActorMatch, DesignationEntry, PlaceMatch, Unresolved
from trucewatch.resolve.actors import BRANCH_FALLBACK, FORCE_PHRASES, ActorIndex
from trucewatch.resolve.build import build_actors, build_designations, build_places
from trucewatch.resolve.loader import RawData, raise_if, read_yaml
from trucewatch.resolve.places import Gazetteer

PATTERN_MIN_POPULATION = 5000  # places below this stay out of the entity ruler (still resolvable)
PATTERN_DEMONYM_NOUNS = ("forces", "troops", "soldiers", "warplanes", "jets", "aircraft", "army")


class DesignationAnswer(BaseModel):
    """Is `actor_id` designated by `authority` on `on`, and on what record."""

    model_config = ConfigDict(frozen=True)

    actor_id: str
    authority: str | None
    on: date | None
    designated: bool
    entries: tuple[DesignationEntry, ...] = ()
    reason: str = ""

    def __bool__(self) -> bool:
        return self.designated


def in_force(entry: DesignationEntry, on: date | None) -> bool:
    if on is None:
        return entry.valid_to is None
    return (entry.valid_from is None or entry.valid_from <= on) and (
        entry.valid_to is None or on < entry.valid_to
    )


class KB:
    """Resolver over one loaded knowledge base. Build it with `load_kb`; reuse it."""

    def __init__(
        self,
        actors: dict[str, Actor],
        designation_entries: list[DesignationEntry],
        gazetteer: Gazetteer,
        sources: tuple[str, ...] = (),
    ) -> None:
        self._actors = ActorIndex(actors)
        self._designations = designation_entries
        self._gazetteer = gazetteer
        self.sources = sources

    # ---- the KnowledgeBase protocol ------------------------------------------------------
    def resolve_actor(
        self, text: str, on: date | None = None, context: dict[str, str] | None = None
    ) -> ActorMatch | Unresolved:
        return self._actors.resolve(text, on=on, context=context)

    def resolve_place(
        self, text: str, context: dict[str, str] | None = None
    ) -> PlaceMatch | Unresolved:
        return self._gazetteer.resolve(text, context=context)

    def designations(
        self, actor_id: str, on: date | None = None, authority: str | None = None
    ) -> list[DesignationEntry]:
        """Entries that apply to `actor_id` (own, or a parent's with covers_subunits).

        `on=None` means every entry ever recorded; pass a date to get those in force.
        """
        chain = self._actors.chain(actor_id)
        found = []
        for entry in self._designations:
            if entry.actor_id not in chain:
                continue
            if entry.actor_id != actor_id and not entry.covers_subunits:
                continue
            if authority is not None and entry.authority.casefold() != authority.casefold():
                continue
            if on is not None and not in_force(entry, on):
                continue
            found.append(entry)
        return found

    def actor(self, actor_id: str) -> Actor | None:
        return self._actors.actors.get(actor_id)

    def branch(self, actor_id: str, branch: str) -> Actor | None:
        if actor_id not in self._actors.actors or branch not in BRANCH_FALLBACK:
            return None
        unit, _ = self._actors.branch_of(actor_id, branch)
        return None if unit == actor_id else self._actors.actors[unit]

    def entity_patterns(self) -> list[tuple[str, str]]:
        """(label, phrase) for an entity ruler: ACTOR names, GPE/LOC places.

        Places are those with population >= PATTERN_MIN_POPULATION, plus every admin1,
        country and curated place; the rest stay resolvable but are not patterns.
        """
        patterns: dict[tuple[str, str], None] = {}
        # A nationality word ("Somali security forces") names people, not a place, even where
        # a gazetteer lists it as an alternate name of a region ("Somali" for Ethiopia's
        # Somali Region): it is no place pattern, so the region needs its full name.
        demonyms = {d for actor in self._actors.actors.values() for d in actor.demonyms}
        for actor in self._actors.actors.values():
            for phrase in (actor.name, *(n.name for n in actor.names), *actor.aliases):
                if len(phrase) >= 2:
                    patterns[("ACTOR", phrase)] = None
            for demonym in actor.demonyms:
                for noun in PATTERN_DEMONYM_NOUNS:
                    patterns[("ACTOR", f"{demonym} {noun}")] = None
        gaz = self._gazetteer
        for row, name in enumerate(gaz.names):
            feature = gaz.feature[row]
            small = gaz.population[row] < PATTERN_MIN_POPULATION
            if feature == "P" and small and row not in gaz.curated:
                continue
            label = "GPE" if feature in {"P", "A", "C"} else "LOC"
            for phrase in (name, *gaz.alternates[row]):
                if len(phrase) >= 3 and not phrase.isupper() and phrase not in demonyms:
                    patterns[(label, phrase)] = None
        return list(patterns)

    # ---- more questions ------------------------------------------------------------------
    def is_designated(
        self, actor_id: str, by: str | None = None, on: date | None = None
    ) -> DesignationAnswer:
        """Yes/no with the entries and a sentence saying why."""
        if actor_id not in self._actors.actors:
            raise KnowledgeBaseError(f"unknown actor {actor_id!r}; see `trucewatch kb lookup`")
        entries = tuple(self.designations(actor_id, on=on, authority=by))
        when = f"on {on.isoformat()}" if on else "now (no end date recorded)"
        whom = f"by {by}" if by else "by any authority"
        if on is None:
            entries = tuple(e for e in entries if in_force(e, None))
        if entries:
            parts = [
                f"{e.authority} '{e.label}' from {e.valid_from or '?'}"
                + (f" to {e.valid_to}" if e.valid_to else "")
                + (f" (via {e.actor_id}, covers sub-units)" if e.actor_id != actor_id else "")
                + f": {e.source}"
                for e in entries
            ]
            reason = f"designated {whom} {when}: " + "; ".join(parts)
        else:
            past = self.designations(actor_id, authority=by)
            reason = f"no designation {whom} in force {when}"
            if past:
                reason += "; other entries: " + "; ".join(
                    f"{e.authority} {e.valid_from or '?'}..{e.valid_to or ''}" for e in past
                )
        return DesignationAnswer(
            actor_id=actor_id,
            authority=by,
            on=on,
            designated=bool(entries),
            entries=entries,
            reason=reason,
        )

    def parent_chain(self, actor_id: str) -> list[Actor]:
        return [self._actors.actors[a] for a in self._actors.chain(actor_id)]

    def actor_ids(self) -> list[str]:
        """Every actor id, sorted (for listings and data checks)."""
        return sorted(self._actors.actors)

    def counts(self) -> dict[str, int]:
        gaz = self._gazetteer
        return {
            "actors": len(self._actors.actors),
            "designations": len(self._designations),
            "places": len(gaz.names),
            "curated_places": len(gaz.curated),
            "countries": sum(1 for f in gaz.feature if f == "C"),
            "admin1": sum(1 for f in gaz.feature if f == "A"),
        }

    @property
    def force_phrases(self) -> dict[str, str]:
        return dict(FORCE_PHRASES)


def _data_dir() -> Path:
    return Path(str(resources.files("trucewatch.resolve") / "data"))


def _yaml_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.suffix in {".yaml", ".yml"} and p.is_file())


def load_kb(overlay_dir: str | Path | None = None) -> KB:
    """Load shipped data, merge the overlay directory on top, validate, index."""
    data = _data_dir()
    raw, errors = RawData(), list[str]()
    files = [(p, f"resolve/data/{p.relative_to(data).as_posix()}") for p in _yaml_files(data)]
    if overlay_dir:
        overlay = Path(overlay_dir)
        if not overlay.is_dir():
            raise KnowledgeBaseError(
                f"overlay directory {overlay} does not exist; pass a directory of .yaml files"
            )
        files += [(p, f"overlay/{p.relative_to(overlay).as_posix()}") for p in _yaml_files(overlay)]
    for path, label in files:
        read_yaml(path, label, errors, raw)
    actors = build_actors(raw, errors)
    entries = build_designations(raw, actors, errors)
    places = build_places(raw, errors)
    raise_if(errors)
    # Building ~300k index entries triggers many useless cyclic-GC passes (3x slower in a
    # busy test process); nothing built here is cyclic garbage.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gazetteer = Gazetteer.load(data / "gazetteer.tsv.gz", places)
    finally:
        if was_enabled:
            gc.enable()
    return KB(actors, entries, gazetteer, sources=tuple(label for _, label in files))


__all__ = ["KB", "DesignationAnswer", "in_force", "load_kb"]
