"""Reading errors that split one incident across reports (issue #6), on fictional copy.

- a wire dateline and a capital that speaks for its government do not decide the report's
  country: a story filed from Harad's bureaus about a strike in Gondor is read in Gondor,
  so a small Gondorian town still resolves and the Haradric town where the wounded were
  treated is not taken as the event's place;
- a town named only as where the wounded were treated is never the event's place, even
  when it is in the report's country and named first;
- a bare "strike" that destroys or kills is a military strike;
- "most strikes so far had hit ..." generalises over many strikes: no event;
- fighters attacking an army unit or a town held by the other side is an armed clash;
- a negated main clause does not negate its relative clause ("the truce did not hold in
  the east, where ... attacked ...").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trucewatch.model import Place, PlaceMatch, Unresolved
from trucewatch.nlp.matching import find_triggers

MONDAY = dt.date(2025, 3, 10)  # articles are read as published on Wednesday 12 March

EXTRA_PLACES = [
    # a small Gondorian border town: too obscure to resolve against another country
    {"id": "cair", "name": "Cair Poros", "country": "XG", "admin1": "Anorien", "obscure": True},
    {"id": "karna", "name": "Karna", "country": "XH", "admin1": "Umbar", "obscure": False},
]


class BorderKB:
    """The session's fictional KB plus two border towns; an obscure town resolves only
    without a country context or inside it (as the real gazetteer does)."""

    def __init__(self, base: Any) -> None:
        self.base = base
        self.extra = [
            (
                Place(
                    id=p["id"],
                    name=p["name"],
                    country=p["country"],
                    admin1=p["admin1"],
                    lat=44.0,
                    lon=30.0,
                    precision="city",
                ),
                bool(p["obscure"]),
            )
            for p in EXTRA_PLACES
        ]

    def __getattr__(self, name: str) -> Any:
        return getattr(self.base, name)

    def resolve_place(
        self, text: str, context: dict[str, str] | None = None
    ) -> PlaceMatch | Unresolved:
        for place, obscure in self.extra:
            if place.name.lower() == text.lower().strip():
                country = (context or {}).get("country")
                if obscure and country and country != place.country:
                    return Unresolved(text=text, reason=f"no place {text!r} in {country}")
                return PlaceMatch(place=place, matched=text, reason=f"name {text!r}")
        return self.base.resolve_place(text, context)

    def entity_patterns(self) -> list[tuple[str, str]]:
        return [*self.base.entity_patterns(), *(("GPE", p.name) for p, _ in self.extra)]


@pytest.fixture(scope="module")
def read_b(fictional_kb: Any, make_read: Any) -> Any:
    return make_read(BorderKB(fictional_kb))


def _violent(reading: Any) -> list[Any]:
    kinds = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
    return [e for e in reading.events if e.event_type in kinds]


WIRE_FROM_ABROAD = (
    "UMBAR/KARNA (Wire) - Rockets struck a clinic in the Gondorian border town of Cair Poros"
    " on Monday, killing nine people, officials said. The wounded were taken across the"
    " border for treatment in Karna, the officials said. Umbar has denied any role, and"
    " Umbar's envoy said the Haradric air force had not flown that day."
)


def test_the_dateline_and_a_speaking_capital_do_not_set_the_reports_country(
    read_b: Any,
) -> None:
    events = _violent(read_b(WIRE_FROM_ABROAD))
    assert events, "the rocket strike is an event"
    strike = events[0]
    assert strike.location is not None
    assert (strike.location.name, strike.location.country) == ("Cair Poros", "XG")
    assert strike.fatalities == 9
    assert all(e.location is None or e.location.name != "Karna" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Shelling killed three children on Monday, medics said. The wounded were treated in"
        " Pelargir. The shelling hit the eastern quarter of Osgiliath.",
        "Shelling killed three children on Monday, medics said. Eleven wounded children were"
        " taken across the border for treatment in the city of Pelargir. The shelling hit the"
        " eastern quarter of Osgiliath.",
        "Shelling killed three children on Monday, medics said. Eleven wounded children were"
        " taken to hospital in Pelargir. The shelling hit the eastern quarter of Osgiliath.",
    ],
)
def test_where_the_wounded_were_treated_is_not_the_events_place(read_b: Any, text: str) -> None:
    places = {e.location.name for e in _violent(read_b(text)) if e.location is not None}
    assert "Osgiliath" in places
    assert "Pelargir" not in places


def test_a_place_hit_before_the_wounded_were_treated_stays_the_events(read_b: Any) -> None:
    text = "Shelling hit Osgiliath on Monday and the wounded were treated in Pelargir."
    events = _violent(read_b(text))
    assert [e.location.name for e in events if e.location] == ["Osgiliath"]


def test_a_strike_that_destroys_a_building_is_an_event_and_takes_the_next_toll(
    read_b: Any,
) -> None:
    text = (
        "Haradric jets bombed a depot in Osgiliath on Monday, killing four soldiers. In the"
        " south, a separate strike destroyed a clinic in Pelargir on Monday. Medics said six"
        " people were killed there."
    )
    events = _violent(read_b(text))
    by_place = {e.location.name: e for e in events if e.location is not None}
    assert by_place["Pelargir"].sub_event_type == "Air/drone strike"
    assert by_place["Pelargir"].fatalities == 6
    assert by_place["Osgiliath"].fatalities == 4


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("A strike destroyed the bridge at dawn.", "Air/drone strike"),
        ("The strike reportedly killed six fishermen.", "Air/drone strike"),
        ("The hunger strike killed two prisoners.", None),
        ("A general strike destroyed the minister's reform plan.", None),
    ],
)
def test_bare_strike_that_destroys_or_kills(text: str, sub: str | None) -> None:
    subs = {h.sub_event_type for h in find_triggers(text)}
    assert ("Air/drone strike" in subs) is (sub is not None)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The envoy said most air strikes so far had hit farms, not fighters.", False),
        ("The majority of the air strikes this winter hit grain stores.", False),
        ("The most recent air strike hit a depot in Pelargir on Monday.", True),
    ],
)
def test_a_generalisation_over_strikes_is_no_event(read_b: Any, text: str, found: bool) -> None:
    assert bool(_violent(read_b(text))) is found


@pytest.mark.parametrize(
    "text",
    [
        "Host fighters attacked the Gondor-held town of Osgiliath on Monday.",
        "Host fighters attacked Gondor's Third Brigade near Pelargir on Monday.",
        "Host fighters attacked a Gondorian army unit near Pelargir on Monday.",
    ],
)
def test_attacking_an_army_unit_or_a_held_town_is_an_armed_clash(read_b: Any, text: str) -> None:
    events = _violent(read_b(text))
    assert [e.sub_event_type for e in events] == ["Armed clash"]
    assert events[0].date == MONDAY


def test_a_relative_clause_escapes_the_main_clauses_negation(read_b: Any) -> None:
    text = (
        "The truce did not hold in the east, where Host fighters attacked the Gondor-held"
        " town of Osgiliath on Monday."
    )
    events = _violent(read_b(text))
    assert [(e.sub_event_type, e.location.name if e.location else None) for e in events] == [
        ("Armed clash", "Osgiliath")
    ]


def test_a_negation_inside_the_relative_clause_still_holds(read_b: Any) -> None:
    text = "The envoy toured Pelargir, where Haradric warplanes did not bomb anything on Monday."
    assert _violent(read_b(text)) == []
