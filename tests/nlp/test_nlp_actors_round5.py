"""Round 5 on our own fictional sentences: who acted, against whom, and where.

The other side of a fight, of a territory change and of an attack on positions; a speaker
who is also the agent; a force named by its owner; the accused as the alleged author;
datelines and capitals that speak are not the event's place.
"""

from __future__ import annotations

from typing import Any

import pytest

from trucewatch.nlp.context import dateline_end
from trucewatch.nlp.sides import ROLE_VICTIMS


def _violent(reading: Any) -> Any:
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert violent, reading.events
    return violent[0]


def _name(ref: Any) -> str | None:
    """The actor's KB id, capitalised as the tables below write it ("host" -> "Host")."""
    return None if ref is None or ref.id is None else ref.id.capitalize()


@pytest.mark.parametrize(
    ("text", "actor1", "actor2"),
    [
        (
            "Clashes between the Gondorian army and the Host broke out near Osgiliath.",
            "Gondor",
            "Host",
        ),
        ("Haradrim artillery shelled Gondorian positions outside Osgiliath.", "Harad", "Gondor"),
        ("The Host seized the old mill from the Gondorian army on Monday.", "Host", "Gondor"),
        ("Haradrim troops and Host fighters fought for hours in Osgiliath.", "Harad", "Host"),
        (
            "Positions of the Host near Pelargir were shelled by Gondorian artillery.",
            "Gondor",
            "Host",
        ),
    ],
)
def test_other_side(read: Any, text: str, actor1: str, actor2: str) -> None:
    event = _violent(read(text))
    assert _name(event.actor1) == actor1, event.actor1
    assert _name(event.actor2) == actor2, event.actor2


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        (
            "Gondor's army said it had answered with an air strike on a depot near Osgiliath.",
            "Gondor",
        ),
        ("Gunmen from the Host opened fire on a bus near Pelargir, killing two villagers.", "Host"),
        ("Harad on Monday accused Gondor of an air strike on a granary near Umbar.", "Gondor"),
    ],
)
def test_who_acted(read: Any, text: str, actor1: str) -> None:
    assert _name(_violent(read(text)).actor1) == actor1


def test_a_monitor_is_never_the_attacker(read: Any, fictional_kb: Any) -> None:
    reading = read("The Host said it had shelled the harbour of Pelargir on Monday.")
    assert _name(_violent(reading).actor1) == "Host"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("UMBAR (Reuters) - Artillery shelled the harbour of Pelargir on Monday.", "Pelargir"),
        ("Umbar denied that its artillery shelled Pelargir on Monday.", "Pelargir"),
    ],
)
def test_dateline_and_speaking_capital_are_not_the_place(read: Any, text: str, place: str) -> None:
    event = _violent(read(text))
    assert event.location is not None and event.location.name == place, event.location


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("PELARGIR, Gondor (Reuters) - Raiders landed.", len("PELARGIR, Gondor (Reuters) - ")),
        ("OSGILIATH — Shelling resumed.", len("OSGILIATH — ")),
        ("Shelling resumed in Osgiliath.", 0),
    ],
)
def test_dateline_end(text: str, end: int) -> None:
    assert dateline_end(text) == end


@pytest.mark.parametrize(
    ("role", "institution"), [("officers", "police"), ("soldiers", "soldiers")]
)
def test_role_victims_name_their_institution(role: str, institution: str) -> None:
    assert ROLE_VICTIMS[role] == institution
