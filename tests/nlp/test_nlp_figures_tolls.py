"""Death tolls with long subjects, war tolls with an appositive, fractions of a million."""

from __future__ import annotations

import pytest

from trucewatch.nlp.numbers import Casualties, read_casualties


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a toll whose subject phrase runs long still names its count and its victims
        (
            "The death toll from a drone strike on the grain market of Osgiliath, on the east "
            "bank of the river, reached 14 civilians, among them five children, medics said.",
            Casualties(14, 14, None),
        ),
        (
            # round 9 convention (numbers.v10): a bare toll is generic dead, civilian when
            # the sentence names no combatants, as "the shelling killed 9" is
            "The toll from the shelling of Pelargir rose to 9, officials said.",
            Casualties(9, 9, None),
        ),
        # "the number of dead" is a toll too
        (
            "Harad officials put the number of dead in the town at 14.",
            Casualties(14, 14, None),
        ),
        ("By evening the number of victims had reached 8.", Casualties(8, 8, None)),
        ("The number of victims is not yet known.", Casualties(None, None, None)),
        # a war's cumulative toll is background even with an appositive in between
        (
            "The war, now in its ninth year, has killed more than a quarter of a million people.",
            Casualties(None, None, None),
        ),
        (
            "The insurgency, which began in 2012, has claimed 40,000 lives.",
            Casualties(None, None, None),
        ),
        # a fraction of a million is never "a" = 1
        ("Half a million people fled the valley.", Casualties(None, None, None)),
    ],
)
def test_tolls_and_background(sentence: str, expected: Casualties) -> None:
    assert read_casualties(sentence) == expected
