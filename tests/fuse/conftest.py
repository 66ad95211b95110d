"""Load the fictional multi-outlet report sets in tests/fixtures/fuse/ as fusion inputs."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import pytest
import yaml

from trucewatch.fuse import fingerprint
from trucewatch.model import (
    Designation,
    EventKey,
    EventReport,
    Incident,
    Quote,
    ReportedEvent,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "fuse"


@dataclass(frozen=True)
class ReportSet:
    reports: tuple[ReportedEvent, ...]
    late: tuple[ReportedEvent, ...]
    gold: dict[EventKey, str]
    quotes: dict[str, tuple[Quote, ...]]
    designations: dict[str, tuple[Designation, ...]]
    parents: dict[str, str]


def _reported(row: dict) -> ReportedEvent:
    article, index = row["key"].rsplit(":", 1)
    key = EventKey(article_id=article, index=int(index))
    event = EventReport.model_validate({**row["event"], "article_id": article, "index": int(index)})
    text = row.get("text")
    return ReportedEvent(
        key=key,
        event=event,
        source_id=f"fixture:{row['key']}",
        outlet=row.get("outlet"),
        credits=tuple(row.get("credits", ())),
        published=row.get("published"),
        text_fingerprint=fingerprint(text) if text else None,
    )


def load_report_set(name: str) -> ReportSet:
    raw = yaml.safe_load((FIXTURES / name).read_text())
    rows = raw["reports"] + raw.get("late", [])
    gold = {_reported(r).key: r["gold"] for r in rows}
    return ReportSet(
        reports=tuple(_reported(r) for r in raw["reports"]),
        late=tuple(_reported(r) for r in raw.get("late", [])),
        gold=gold,
        quotes={
            a: tuple(Quote.model_validate({**q, "article_id": a}) for q in qs)
            for a, qs in raw.get("quotes", {}).items()
        },
        designations={
            a: tuple(Designation.model_validate({**d, "article_id": a}) for d in ds)
            for a, ds in raw.get("designations", {}).items()
        },
        parents=raw.get("parents", {}),
    )


def pairwise_scores(incidents: list[Incident], gold: dict[EventKey, str]) -> tuple[float, float]:
    """Pairwise precision and recall of the fused clusters against gold labels."""
    predicted = {m.key: inc.id for inc in incidents for m in inc.members}
    keys = sorted(predicted, key=str)
    tp = fp = fn = 0
    for a, b in combinations(keys, 2):
        same_pred, same_gold = predicted[a] == predicted[b], gold[a] == gold[b]
        tp += same_pred and same_gold
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


@pytest.fixture(scope="session")
def gondor() -> ReportSet:
    return load_report_set("gondor-feb.yaml")


@pytest.fixture(scope="session")
def scorer():
    return pairwise_scores
