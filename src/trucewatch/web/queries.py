"""Look-ups both faces of the server share (the API and the dashboard): agreements, the
knowledge base, counts. They translate store and stage calls; they decide nothing.

The API layer sits above this package, so `trucewatch.api` imports these, never the reverse.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from trucewatch.config import Settings
from trucewatch.errors import AgreementError, TrucewatchError
from trucewatch.export.report import SEVERITY
from trucewatch.model import Actor, DesignationEntry, Incident, KnowledgeBase
from trucewatch.model.agreement import Agreement
from trucewatch.store.base import IncidentFilter, IncidentRow, Store


@dataclass
class Catalogue:
    """Agreements and the knowledge base, loaded once per app (held on app.state)."""

    settings: Settings
    store: Store
    kb: KnowledgeBase | None = None
    shipped: dict[str, Agreement] | None = None
    kb_error: str = ""
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def knowledge_base(self) -> KnowledgeBase | None:
        """The KB, loaded on first use; None (with kb_error set) when it cannot be loaded."""
        with self._lock:
            if self.kb is None and not self.kb_error:
                try:
                    from trucewatch.resolve import load_kb

                    self.kb = load_kb(self.settings.kb_overlay_dir or None)
                except (ImportError, TrucewatchError) as error:
                    self.kb_error = f"knowledge base unavailable: {error}"
            return self.kb

    def shipped_agreements(self) -> dict[str, Agreement]:
        with self._lock:
            if self.shipped is None:
                try:
                    from trucewatch.assess import list_agreements

                    self.shipped = {a.id: a for a in list_agreements()}
                except ImportError:
                    self.shipped = {}
            return self.shipped

    def agreements(self) -> dict[str, tuple[Agreement, str]]:
        """Every agreement by id with where it came from: 'shipped' or 'posted' (the store)."""
        found: dict[str, tuple[Agreement, str]] = {
            k: (a, "shipped") for k, a in self.shipped_agreements().items()
        }
        for agreement_id, text in self.store.list_agreement_texts().items():
            try:
                found[agreement_id] = (parse_agreement_text(text, agreement_id), "posted")
            except AgreementError:
                continue  # validated on the way in; a later schema change may reject it
        return dict(sorted(found.items()))

    def agreement(self, agreement_id: str) -> tuple[Agreement, str] | None:
        return self.agreements().get(agreement_id)


def parse_agreement_text(text: str, origin: str = "<request body>") -> Agreement:
    """Validate agreement YAML with the assessment stage's loader (file:line errors)."""
    from trucewatch.assess import parse_agreement

    return parse_agreement(text, origin)


def agreement_summary(agreement: Agreement, origin: str) -> dict[str, Any]:
    return {
        "id": agreement.id,
        "name": agreement.name,
        "summary": agreement.summary,
        "origin": origin,
        "effect": agreement.effect_time.iso(),
        "end": agreement.end.at.iso() if agreement.end else None,
        "parties": [p.label() for p in agreement.parties],
    }


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def row_verdict(row: IncidentRow, agreement: str | None = None) -> tuple[str, str]:
    """(verdict, party) an incident is counted under: the agreement's verdict, else the most
    serious one; the party is the verdict's, else the acting actor (as `party_label`)."""
    verdicts = [v for v in row.verdicts if agreement is None or v[0] == agreement]
    if not verdicts:
        return "unassessed", row.actor1_name or "unidentified"
    _, verdict, party = min(verdicts, key=lambda v: SEVERITY.index(v[1]))
    return verdict, party or row.actor1_name or "unidentified"


def stats(rows: Iterable[IncidentRow], agreement: str | None = None) -> dict[str, Any]:
    """Counts by verdict, party and ISO week (and by day, for the dashboard's timeline)."""
    by_verdict: Counter[str] = Counter()
    by_party: Counter[str] = Counter()
    by_week: Counter[str] = Counter()
    by_day: Counter[str] = Counter()
    total = 0
    for row in rows:
        total += 1
        verdict, party = row_verdict(row, agreement)
        by_verdict[verdict] += 1
        by_party[party] += 1
        if row.date_start is not None:
            by_week[iso_week(row.date_start)] += 1
            by_day[row.date_start.isoformat()] += 1
    return {
        "total": total,
        "by_verdict": dict(by_verdict.most_common()),
        "by_party": dict(by_party.most_common()),
        "by_week": dict(sorted(by_week.items())),
        "by_day": dict(sorted(by_day.items())),
    }


def verdicts_over_time(store: Store, agreement_id: str) -> list[dict[str, Any]]:
    """(day, party, verdict, count) rows of one agreement's verdicts, by day."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for row in store.incident_rows(IncidentFilter(agreement=agreement_id)):
        for agreement, verdict, party in row.verdicts:
            if agreement != agreement_id or row.date_start is None:
                continue
            who = party or row.actor1_name or "unidentified"
            counts[(row.date_start.isoformat(), who, verdict)] += 1
    return [
        {"day": d, "party": p, "verdict": v, "count": n} for (d, p, v), n in sorted(counts.items())
    ]


@dataclass(frozen=True)
class ActorView:
    id: str
    actor: Actor | None
    designations: tuple[DesignationEntry, ...]
    incidents: tuple[Incident, ...]
    more_incidents: bool
    note: str = ""


def actor_view(catalogue: Catalogue, actor_id: str, limit: int = 100) -> ActorView | None:
    """An actor from the KB (aliases, designations over time) and the incidents it is in."""
    kb = catalogue.knowledge_base()
    actor = kb.actor(actor_id) if kb is not None else None
    designations: tuple[DesignationEntry, ...] = ()
    if kb is not None and actor is not None:
        designations = tuple(
            sorted(
                kb.designations(actor_id),
                key=lambda d: (d.authority, d.valid_from or dt.date.min),
            )
        )
    page = catalogue.store.list_incidents(IncidentFilter(actor=actor_id), limit=limit)
    if actor is None and not page.items:
        return None
    note = "" if actor is not None else (catalogue.kb_error or "not in the knowledge base")
    return ActorView(
        id=actor_id,
        actor=actor,
        designations=designations,
        incidents=tuple(page.items),
        more_incidents=page.next is not None,
        note=note,
    )


__all__ = [
    "ActorView",
    "Catalogue",
    "actor_view",
    "agreement_summary",
    "iso_week",
    "parse_agreement_text",
    "stats",
    "verdicts_over_time",
]
