"""Incidents: one real-world event fused from the reports that tell of it."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict

from trucewatch.model.event import ActorRef, EventReport, PlaceRef
from trucewatch.model.verdict import Verdict

Grade = Literal["confirmed", "fair", "weak", "contested", "discounted"]


class EventKey(BaseModel):
    """Identity of one event report: the article it came from and its index there."""

    model_config = ConfigDict(frozen=True)

    article_id: str
    index: int

    def __str__(self) -> str:
        return f"{self.article_id}:{self.index}"


class Member(BaseModel):
    """One event report inside an incident, and why it is there."""

    model_config = ConfigDict(frozen=True)

    key: EventKey
    source_id: str  # the id the report was ingested with (JSONL id, file path, URL)
    outlet: str | None = None
    credits: tuple[str, ...] = ()
    reason: str  # e.g. "same type family; 0 days apart; 2.1 km; actors agree"
    evidence: str = ""


class FigureValue(BaseModel):
    model_config = ConfigDict(frozen=True)

    value: int
    article_id: str
    outlet: str | None = None


class FigureRange(BaseModel):
    """A casualty figure across reports: min, max and a conservative best (ACLED: lowest)."""

    model_config = ConfigDict(frozen=True)

    min: int | None = None
    max: int | None = None
    best: int | None = None
    values: tuple[FigureValue, ...] = ()


class Source(BaseModel):
    """An independent source: outlets that share one origin (a wire copy) count once."""

    model_config = ConfigDict(frozen=True)

    key: str  # e.g. "wire:Reuters" or "outlet:RFE/RL"
    outlets: tuple[str, ...]
    article_ids: tuple[str, ...]
    reason: str


class Claim(BaseModel):
    """A line of the claims ledger: who said what about the incident, how."""

    model_config = ConfigDict(frozen=True)

    speaker: str | None
    stance: str  # accuse | deny | demand | threaten | claim | designate | other
    text: str
    channel: str | None = None
    role: str | None = None
    affiliation: str | None = None
    article_id: str
    target: str | None = None


class Incident(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: str  # stable across runs
    event_type: str
    sub_event_type: str
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str = "unknown"
    location: PlaceRef | None = None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    members: tuple[Member, ...] = ()
    sources: tuple[Source, ...] = ()
    fatalities: FigureRange = FigureRange()
    civilian_fatalities: FigureRange = FigureRange()
    injured: FigureRange = FigureRange()
    grade: Grade = "weak"
    grade_reason: str = ""
    claims: tuple[Claim, ...] = ()
    verdicts: tuple[Verdict, ...] = ()
    certainty: str = "asserted"


class Decision(BaseModel):
    """An analyst's split or merge, replayed on every fusion run."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["merge", "split"]
    incident_ids: tuple[str, ...] = ()  # merge: these incidents become one
    keys: tuple[EventKey, ...] = ()  # split: these event reports leave their incident
    note: str = ""
    created: dt.datetime | None = None


class ReportedEvent(BaseModel):
    """One event report as fusion sees it: the event plus where it was published and how.

    `text_fingerprint` is `trucewatch.fuse.fingerprint(article.text)`; it tells republished
    copies apart from independent reporting. Quotes and designations travel separately.
    """

    model_config = ConfigDict(frozen=True)

    key: EventKey
    event: EventReport
    source_id: str
    outlet: str | None = None
    credits: tuple[str, ...] = ()
    published: dt.date | None = None
    text_fingerprint: str | None = None


__all__ = [
    "Claim",
    "Decision",
    "EventKey",
    "FigureRange",
    "FigureValue",
    "Grade",
    "Incident",
    "Member",
    "ReportedEvent",
    "Source",
]
