"""The public interchange record (`trucewatch.report/1`) built from model objects.

A published contract (shared/docs/interchange.md): fields are added, never renamed or removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from trucewatch.model.document import Article
from trucewatch.model.event import ActorRef, EventReport, PlaceRef, Reading
from trucewatch.model.verdict import Verdict

SCHEMA = "trucewatch.report/1"


def _actor(ref: ActorRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {
        "name": ref.name,
        "id": ref.id,
        "country": ref.country,
        "kind": ref.kind,
        "text": ref.text,
        "reason": ref.reason,
        "acled_name": ref.acled_name,
    }


def _place(ref: PlaceRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {
        "name": ref.name,
        "admin1": ref.admin1,
        "country": ref.country,
        "lat": ref.lat,
        "lon": ref.lon,
        "precision": ref.precision,
        "id": ref.id,
        "text": ref.text,
        "reason": ref.reason,
    }


def event_record(event: EventReport) -> dict[str, Any]:
    return {
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _actor(event.actor1),
        "actor2": _actor(event.actor2),
        "location": _place(event.location),
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "fatalities": event.fatalities,
        "civilian_fatalities": event.civilian_fatalities,
        "injured": event.injured,
        "certainty": event.certainty,
        "claimed_by": event.claimed_by,
        "evidence": event.evidence,
        "extractor": event.extractor,
    }


def verdict_record(verdict: Verdict) -> dict[str, Any]:
    return {
        "event": verdict.event,
        "agreement": verdict.agreement,
        "verdict": verdict.verdict,
        "reasons": list(verdict.reasons),
        "views": dict(verdict.views),
        "evidence": list(verdict.evidence),
        "rule": verdict.rule,
        "alleged": verdict.alleged,
        "party": verdict.party,
    }


def report_record(
    article: Article, reading: Reading | None = None, verdicts: Sequence[Verdict] | None = None
) -> dict[str, Any]:
    """The JSON-ready record of one report; `verdicts` only when an agreement was given."""
    reading = reading or Reading()
    record: dict[str, Any] = {
        "schema": SCHEMA,
        "document": {
            "id": article.id,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "published_from": article.published_from,
            "credits": list(article.credits),
            "language": article.language,
            "author": article.author,
            "source_id": article.source_id,
            "text": article.text,
        },
        "events": [event_record(e) for e in reading.events],
        "quotes": [
            {
                "speaker": q.speaker,
                "role": q.role,
                "affiliation": q.affiliation.model_dump() if q.affiliation else None,
                "text": q.text,
                "direct": q.direct,
                "channel": q.channel,
                "stance": q.stance,
            }
            for q in reading.quotes
        ],
        "designations": [
            {
                "by": d.by.model_dump(),
                "subject": d.subject,
                "label": d.label,
                "evidence": d.evidence,
                "date": d.date.isoformat() if d.date else None,
            }
            for d in reading.designations
        ],
    }
    if verdicts is not None:
        record["verdicts"] = [verdict_record(v) for v in verdicts]
    return record


__all__ = ["SCHEMA", "event_record", "report_record", "verdict_record"]
