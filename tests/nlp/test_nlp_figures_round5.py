"""Figures, dates and claims, round 5: sums across victim groups, singular victims, explicit
zeros, vague counts, inherited dates, toll-only follow-ups and responsibility claims."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from trucewatch.nlp.dates import refers_back, resolve_date
from trucewatch.nlp.numbers import Casualties, read_casualties
from trucewatch.nlp.text import split_sentences

PUBLISHED = dt.date(2025, 3, 12)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # victim groups of both sides add up; civilians only the civilian part
        (
            "The clash at the ford left four guards and seven raiders dead, officials said.",
            Casualties(11, 0, None),
        ),
        (
            "Two policemen and one of the assailants died in the shootout.",
            Casualties(3, 0, None),
        ),
        # "N of the <victims>" restates, it does not add
        ("Eight people were killed; three of the victims were children.", Casualties(8, 8, None)),
        # one victim told by a singular noun phrase
        ("A herdsman was killed when his cart struck a mine.", Casualties(1, 1, None)),
        ("The ferryman was wounded.", Casualties(None, None, 1)),
        # an explicit zero is a count, not an unknown
        ("No one was killed, the garrison said.", Casualties(0, 0, None)),
        # "unarmed" makes generic victims civilians even beside the shooters
        ("Guards shot dead three unarmed men at the gate.", Casualties(3, 3, None)),
        # "a police post" is a modifier, not one victim
        ("A grenade thrown at a police post wounded two officers.", Casualties(None, None, 2)),
        # round multiples take ACLED's conservative figure; numberless quantities give none
        ("Dozens of raiders were killed in the hills.", Casualties(12, 0, None)),
        ("Hundreds of people had been killed, elders said.", Casualties(100, 100, None)),
        ("Several guards were wounded in the attack.", Casualties(None, None, None)),
        # unknown victim nouns still count; "N of them" stays partial
        ("Four ferrymen were wounded.", Casualties(None, None, 4)),
        ("Two of them were killed.", Casualties(None, None, None)),
        # the war's or the year's dead are background
        ("The uprising has killed more than 9,000 people.", Casualties(None, None, None)),
        ("Sixty guards have been killed in the marches this year.", Casualties(None, None, None)),
        ("A study put the death toll from the long war at 9,000.", Casualties(None, None, None)),
        ("Medics say 80 people were killed there in the past month.", Casualties(None, None, None)),
        # partial counts stay partial
        ("The strike killed 12 people, including five children.", Casualties(12, 12, None)),
    ],
)
def test_casualties_round5(text: str, want: Casualties) -> None:
    assert read_casualties(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # two weekdays: the statement's and the event's; the event is the earlier
        ("Harad on Tuesday accused the Host of a raid on Sunday.", dt.date(2025, 3, 9)),
        # a span of days is dated at its end
        ("Envoys agreed a truce after talks on March 3 and 4.", dt.date(2025, 3, 4)),
        ("Gunmen struck on Monday night.", dt.date(2025, 3, 10)),
        ("Overnight, drones hit the depot.", dt.date(2025, 3, 11)),
        # anaphoric dates give none of their own
        ("In Tharbad on the same day, a mine exploded.", None),
        ("Hours after the truce began, shells fell on the ford.", None),
        ("Later that day, raiders burned a barge.", None),
    ],
)
def test_dates_round5(text: str, want: dt.date | None) -> None:
    found = resolve_date(text, PUBLISHED)
    assert (found[0] if found else None) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Later the same day a second bomb was found.", True),
        ("Minutes after the blast, gunmen opened fire.", True),
        ("The bombing happened hours ago.", False),
        ("Shelling resumed on Sunday.", False),
    ],
)
def test_refers_back(text: str, want: bool) -> None:
    assert refers_back(text) is want


def test_same_day_inherits_the_previous_event_date(read: Any) -> None:
    reading = read(
        "Gunmen from the Host killed two villagers in Tharbad on Sunday, officials said.\n"
        "In Calembel on the same day, a grenade thrown at a market wounded three traders."
    )
    dates = {e.date for e in reading.events}
    assert dates == {dt.date(2025, 3, 9)}


def test_hours_after_with_nothing_before_is_the_publication_day(read: Any) -> None:
    reading = read("Hours after the truce began, Haradric artillery shelled Tharbad.")
    assert reading.events
    assert reading.events[0].date == PUBLISHED
    assert reading.events[0].date_precision == "day"


@pytest.mark.parametrize(
    ("follow_up", "fatalities", "injured"),
    [
        ("The health office said 17 people were killed.", 17, None),
        ("No one was killed, the garrison said.", 0, None),
        ("Four traders were wounded.", None, 4),
    ],
)
def test_toll_only_sentence_completes_the_event_before_it(
    read: Any, follow_up: str, fatalities: int | None, injured: int | None
) -> None:
    reading = read(
        "Haradric jets bombed the market in Tharbad on Monday, setting stalls on fire.\n"
        + follow_up
    )
    violent = [e for e in reading.events if e.event_type != "Strategic developments"]
    assert len(violent) == 1
    assert violent[0].fatalities == fatalities
    assert violent[0].injured == injured


def test_toll_after_a_counted_event_is_not_folded(read: Any) -> None:
    reading = read(
        "Haradric jets bombed Tharbad on Monday, killing three people.\n"
        "Elsewhere, six people were killed in Calembel, residents said."
    )
    assert {e.fatalities for e in reading.events} >= {3}
    assert all(e.fatalities != 9 for e in reading.events)


@pytest.mark.parametrize(
    "claim",
    [
        "The Host claimed responsibility for the bombing.",
        "The Host said its fighters had carried out the attack.",
    ],
)
def test_claim_of_responsibility_names_the_perpetrator(read: Any, claim: str) -> None:
    reading = read(
        "A car bomb exploded outside the customs house in Tharbad on Monday, killing five "
        "people.\n" + claim
    )
    bombs = [e for e in reading.events if e.event_type == "Explosions/Remote violence"]
    assert len(bombs) == 1
    assert bombs[0].actor1 is not None and bombs[0].actor1.id == "host"
    assert bombs[0].claimed_by is not None and "Host" in bombs[0].claimed_by
    assert bombs[0].certainty == "reported"


def test_unknown_claimant_fills_nothing(read: Any) -> None:
    reading = read(
        "A car bomb exploded outside the customs house in Tharbad on Monday, killing five "
        "people.\nA previously unknown cell claimed responsibility for the bombing."
    )
    bombs = [e for e in reading.events if e.event_type == "Explosions/Remote violence"]
    assert bombs and bombs[0].actor1 is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a "Tags" keyword line run into the lead is cut off on both sides
        (
            "Jets struck Tharbad, a monitor said Tags Harad Tharbad air strikes At least 9 "
            "people were killed.",
            [
                "Jets struck Tharbad, a monitor said",
                "Tags Harad Tharbad air strikes",
                "At least 9 people were killed.",
            ],
        ),
        ("They met in St. Petersburg on Monday.", ["They met in St. Petersburg on Monday."]),
    ],
)
def test_split_sentences_round5(text: str, want: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == want


@pytest.mark.parametrize(
    "follow_up",
    [
        "In the river town of Calembel, six people were killed, officials said.",
        "Across the country, the day's raids killed more than 30 people.",
    ],
)
def test_toll_for_another_place_or_aggregate_is_not_folded(read: Any, follow_up: str) -> None:
    reading = read(
        "Haradric jets bombed the market in Tharbad on Monday, setting stalls on fire.\n"
        + follow_up
    )
    lead = reading.events[0]
    assert lead.fatalities is None


def test_background_date_is_not_inherited(read: Any) -> None:
    reading = read(
        "The hostages had been seized in Tharbad on October 7, 2023.\n"
        "Haradric jets bombed the market in Tharbad, the garrison said."
    )
    assert reading.events
    assert all(e.date != dt.date(2023, 10, 7) for e in reading.events)
