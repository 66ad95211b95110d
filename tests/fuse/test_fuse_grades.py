"""Grades, figures, sources and the claims ledger of the fixture's incidents."""

from __future__ import annotations

import pytest

from trucewatch.fuse import fuse_events


@pytest.fixture(scope="module")
def by_gold(gondor):
    incidents = fuse_events(
        gondor.reports,
        quotes=gondor.quotes,
        designations=gondor.designations,
        parents=gondor.parents,
    )
    return {gondor.gold[inc.members[0].key]: inc for inc in incidents}


@pytest.mark.parametrize(
    ("gold", "grade", "reason_part"),
    [
        ("osg-strike", "confirmed", "Gondor Ministry of Defence (Gondor) claimed it"),
        ("cair-shelling", "fair", "3 independent sources"),
        ("pel-clash", "fair", "3 independent sources"),
        ("edh-strike", "contested", "Gondorian Air Force, Rohirrim air wing"),
        ("lin-denied", "discounted", "deny it or speak hypothetically"),
        ("hen-abduction", "weak", "one source (outlet:Ithilien Observatory)"),
        ("mt-bomb", "fair", "2 independent sources"),
    ],
)
def test_grade(by_gold, gold, grade, reason_part):
    inc = by_gold[gold]
    assert inc.grade == grade
    assert reason_part in inc.grade_reason


@pytest.mark.parametrize(
    ("gold", "field", "lo", "hi", "best"),
    [
        ("osg-strike", "fatalities", 12, 21, 12),
        ("osg-strike", "civilian_fatalities", 12, 21, 12),
        ("osg-strike", "injured", 30, 40, 30),
        ("cair-shelling", "fatalities", 4, 5, 4),
        ("pel-clash", "fatalities", 7, 12, 7),
        ("lin-denied", "fatalities", 3, 3, None),  # only a denied report gives a number
        ("mt-bomb", "injured", 5, 7, 5),
        ("hen-abduction", "fatalities", None, None, None),
    ],
)
def test_figures_are_ranges_with_a_conservative_best(by_gold, gold, field, lo, hi, best):
    fig = getattr(by_gold[gold], field)
    assert (fig.min, fig.max, fig.best) == (lo, hi, best)


def test_figure_values_name_their_article_and_outlet(by_gold):
    values = {(v.article_id, v.outlet, v.value) for v in by_gold["osg-strike"].fatalities.values}
    assert ("bbc-osg", "BBC", 12) in values
    assert ("obs-osg", "Ithilien Observatory", 21) in values


@pytest.mark.parametrize(
    ("gold", "keys"),
    [
        (
            "osg-strike",
            [
                "outlet:BBC",
                "outlet:Gondor State TV",
                "outlet:Ithilien Observatory",
                "wire:Reuters",
            ],
        ),
        ("cair-shelling", ["copy:AFP", "outlet:Harad Times", "outlet:Minas Anor Herald"]),
    ],
)
def test_wire_copies_and_republications_count_once(by_gold, gold, keys):
    assert [s.key for s in by_gold[gold].sources] == keys


def test_wire_source_lists_both_outlets(by_gold):
    wire = next(s for s in by_gold["osg-strike"].sources if s.key == "wire:Reuters")
    assert wire.outlets == ("Harad Times", "Reuters")
    assert "one Reuters copy" in wire.reason


def test_claims_ledger_records_who_said_what_once(by_gold):
    claims = {(c.speaker, c.stance, c.target, c.channel) for c in by_gold["osg-strike"].claims}
    assert claims == {
        ("Gondor Ministry of Defence", "claim", None, "a statement"),
        ("Gorbag", "accuse", "Gondorian Air Force", "Reuters"),
        ("Gondor", "designate", "Mordor forces", None),
    }


def test_incident_summary_fields(by_gold):
    inc = by_gold["osg-strike"]
    assert inc.actor1 is not None and inc.actor1.id == "gondor"
    assert (str(inc.date_start), str(inc.date_end), inc.date_precision) == (
        "2016-02-15",
        "2016-02-16",
        "day",
    )
    assert inc.location is not None and inc.location.precision == "point"
    assert inc.verdicts == ()
    assert by_gold["edh-strike"].sub_event_type == "Air/drone strike"
