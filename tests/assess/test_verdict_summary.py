"""Summaries count verdicts by kind, party and ISO week, and keep allegations apart."""

from __future__ import annotations

import datetime as dt

from trucewatch.assess import summarise
from trucewatch.model.verdict import Verdict


def verdict(kind: str, party: str | None, alleged: bool = False) -> Verdict:
    return Verdict(
        agreement="pelennor-truce",
        verdict=kind,
        reasons=("r",),
        rule="x",
        party=party,
        alleged=alleged,
    )


def test_summarise_by_verdict_party_and_week() -> None:
    rows = [
        (verdict("violation", "Arnor"), dt.date(2020, 3, 20)),
        (verdict("violation", "Arnor", alleged=True), dt.date(2020, 3, 21)),
        (verdict("exempt", "Gondor"), dt.date(2020, 3, 23)),
        (verdict("insufficient-evidence", None), None),
    ]
    summary = summarise(rows)
    assert summary["total"] == 4
    assert summary["by_verdict"]["violation"] == 2
    assert summary["by_verdict"]["contested"] == 0
    assert summary["alleged_violations"] == 1
    assert summary["by_party"] == {
        "(no party)": {"insufficient-evidence": 1},
        "Arnor": {"violation": 2},
        "Gondor": {"exempt": 1},
    }
    assert summary["by_week"] == {
        "(undated)": {"insufficient-evidence": 1},
        "2020-W12": {"violation": 2},
        "2020-W13": {"exempt": 1},
    }
