"""The matching rules, fingerprints and independence grouping, as tables."""

from __future__ import annotations

import datetime as dt

import pytest

import trucewatch.fuse as fuse
from trucewatch.fuse import (
    compatible_types,
    fingerprint,
    haversine_km,
    independent_sources,
    near_duplicate,
    type_family,
)
from trucewatch.fuse.rules import date_interval
from trucewatch.fuse.summary import _Unit

WIRE = (
    "Warplanes struck a crowded market in the eastern quarter of the city on Monday, killing "
    "at least sixteen civilians and wounding thirty others, a rescue worker and residents "
    "said. The strike hit stalls selling vegetables and bread shortly after morning prayers "
    "and rescue teams pulled bodies from the rubble for several hours."
)


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("Air/drone strike", "Attack", True),
        ("Air/drone strike", "Shelling/artillery/missile attack", True),
        ("Armed clash", "Government regains territory", True),
        ("Suicide bomb", "Remote explosive/landmine/IED", True),
        ("Peaceful protest", "Violent demonstration", True),
        ("Air/drone strike", "Armed clash", False),
        ("Air/drone strike", "Suicide bomb", False),
        ("Abduction/forced disappearance", "Attack", False),
        ("Arrests", "Agreement", False),
    ],
)
def test_compatible_types(a, b, ok):
    assert compatible_types(a, b) is ok
    assert compatible_types(b, a) is ok


@pytest.mark.parametrize(
    ("sub", "family"),
    [
        ("Attack", "violence"),
        ("Armed clash", "violence"),
        ("Mob violence", "demonstration"),
        (
            "Abduction/forced disappearance",
            "Violence against civilians/Abduction/forced disappearance",
        ),
        ("Arrests", "Strategic developments/Arrests"),
    ],
)
def test_type_family(sub, family):
    assert type_family(sub) == family


@pytest.mark.parametrize(
    ("date", "precision", "published", "span"),
    [
        (dt.date(2016, 2, 15), "day", None, ("2016-02-15", "2016-02-15", "day")),
        (dt.date(2016, 2, 15), "week", None, ("2016-02-08", "2016-02-22", "week")),
        (dt.date(2016, 2, 15), "month", None, ("2016-02-01", "2016-02-29", "month")),
        (None, "unknown", dt.date(2016, 2, 15), ("2016-02-08", "2016-02-15", "undated")),
        (None, "unknown", None, None),
    ],
)
def test_date_interval(date, precision, published, span):
    got = date_interval(date, precision, published)
    if span is None:
        assert got is None
    else:
        lo, hi, how = got
        assert (str(dt.date.fromordinal(lo)), str(dt.date.fromordinal(hi)), how) == span


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [((35.65, 36.68), (35.65, 36.68), 0.0), ((35.65, 36.68), (35.74, 36.65), 10.4)],
)
def test_haversine(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.1)


@pytest.mark.parametrize(
    ("b", "low", "high"),
    [
        (WIRE, 1.0, 1.0),
        ("By Reuters staff. " + WIRE + " (Editing by a desk editor)", 0.8, 1.0),
        ("Rescue workers said sixteen people died when jets hit a market on Monday.", 0.0, 0.1),
    ],
)
def test_near_duplicate(b, low, high):
    assert low <= near_duplicate(fingerprint(WIRE), fingerprint(b)) <= high
    assert near_duplicate(WIRE, b) == near_duplicate(fingerprint(WIRE), fingerprint(b))


def test_fingerprint_is_deterministic_and_compact():
    fp = fingerprint(WIRE)
    assert fp == fingerprint(WIRE) and fp.startswith("bk1:")
    assert len(fp) < 1200
    assert near_duplicate(fingerprint(""), fp) == 0.0


COPY = fingerprint("Reuters. " + WIRE)
OWN = fingerprint("Our correspondent saw bodies in the market after the strike on Monday.")


@pytest.mark.parametrize(
    ("units", "keys"),
    [
        ([("a", "Reuters", (), COPY), ("b", "Harad Times", ("Reuters",), COPY)], ["wire:Reuters"]),
        (
            [("a", "Al Arabiya", ("Reuters",), COPY), ("b", "Asharq", ("Reuters",), None)],
            ["wire:Reuters"],
        ),
        ([("a", "Site A", (), COPY), ("b", "Site B", (), COPY)], ["copy:Site A"]),
        (
            [("a", "Reuters", (), COPY), ("b", "Harad Times", ("Reuters",), OWN)],
            ["outlet:Harad Times", "outlet:Reuters"],
        ),
        ([("a", "BBC", (), COPY), ("b", "BBC", (), OWN)], ["outlet:BBC"]),
        ([("a", "BBC", (), OWN), ("b", "AFP", (), None)], ["outlet:AFP", "outlet:BBC"]),
    ],
    ids=["wire-and-client", "credit-no-text", "republished", "own-reporting", "one-outlet", "two"],
)
def test_independent_sources(units, keys):
    sources = independent_sources([_Unit(*u) for u in units])
    assert [s.key for s in sources] == keys
    assert all(s.reason for s in sources)


def test_public_api():
    assert set(fuse.__all__) >= {"fuse_events", "fingerprint", "near_duplicate"}
    assert all(hasattr(fuse, name) for name in fuse.__all__)
