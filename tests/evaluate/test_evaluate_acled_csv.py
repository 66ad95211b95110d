"""`trucewatch eval` on an ACLED-format CSV: notes in, coded columns as gold.

The notes are our own sentences in ACLED's style ("On <date>, ..."); the coded columns
use ACLED's actor and country naming, so the test shows both are compared fairly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trucewatch.cli.main import main

CSV = Path(__file__).resolve().parents[1] / "fixtures" / "evaluate" / "acled-format-sample.csv"

pytestmark = pytest.mark.model


def test_acled_csv_scores_every_coded_field(capsys: pytest.CaptureFixture[str]) -> None:
    try:
        main(["eval", str(CSV), "--json"])
    except SystemExit as done:
        assert done.code in (0, None)
    fields = json.loads(capsys.readouterr().out)["fields"]
    accuracy = {k: v["accuracy"] for k, v in fields.items() if k.startswith("acled.")}
    coded = (
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "country",
        "admin1",
        "location",
        "event_date",
        "fatalities",
    )
    # Three plain single-event notes in ACLED's style, coded with ACLED's names
    # ("Military Forces of Russia (2000-)", "Protesters (Syria)", country "Syria"):
    # every coded field is read right.
    assert accuracy == {f"acled.{name}": 1.0 for name in coded}
