"""Scoring one interchange record against a gold file in the format of seed.gold.json.

Pure functions over dicts: the record is what `trucewatch extract` prints, the gold is the
parsed JSON. Every required item is matched to its best prediction and each stated field is
counted right or wrong, so a report says *which* field failed, not just "event missing".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SCORER_VERSION = "trucewatch.evaluate.gold.v1"


@dataclass
class Tally:
    """Right/total per field, plus the failures worth showing."""

    fields: dict[str, list[int]] = field(default_factory=dict)
    failures: list[dict[str, Any]] = field(default_factory=list)
    checks_failed: int = 0

    def count(self, name: str, ok: bool) -> None:
        slot = self.fields.setdefault(name, [0, 0])
        slot[0] += int(ok)
        slot[1] += 1

    def merge(self, other: Tally) -> None:
        for name, (right, total) in other.fields.items():
            slot = self.fields.setdefault(name, [0, 0])
            slot[0] += right
            slot[1] += total
        self.failures.extend(other.failures)
        self.checks_failed += other.checks_failed

    def accuracy(self) -> dict[str, float]:
        return {k: (r / t if t else 1.0) for k, (r, t) in sorted(self.fields.items())}


def fold(text: str | None) -> str:
    """Case-, accent-, quote- and punctuation-insensitive form for comparisons."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[\"“”‘’'`]", "", text.lower())
    return re.sub(r"[\W_]+", " ", text).strip()


def _options(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _name_match(options: list[Any], *found: str | None) -> bool:
    got = [fold(f) for f in found if f]
    for option in options:
        want = fold(str(option)) if option is not None else ""
        if option is None and not got:
            return True
        if want and any(want == g or f" {want} " in f" {g} " for g in got):
            return True
    return False


def event_field_ok(name: str, want: Any, event: dict[str, Any]) -> bool:
    """Does one stated gold field hold for a predicted event?"""
    loc = event.get("location") or {}
    if name in {"event_type", "sub_event_type", "certainty", "date", "date_precision"}:
        return event.get(name) in _options(want)
    if name in {"actor1", "actor2"}:
        actor = event.get(name) or {}
        # the record's ACLED name counts too: gold lists ACLED's names ("Military Forces of
        # Syria") beside the plain ones, and a record may name the unit ("Syrian Arab Army")
        found = (actor.get("name"), actor.get("text"), actor.get("acled_name"))
        return _name_match(_options(want), *found)
    if name == "country":
        return loc.get("country") in _options(want)
    if name == "location":
        return _name_match(_options(want), loc.get("name"), loc.get("text"))
    if name == "admin1":
        return _name_match(_options(want), loc.get("admin1"))
    if name in {"fatalities", "civilian_fatalities", "injured"}:
        return event.get(name) in _options(want)
    if name == "claimed_by":
        return _name_match(_options(want), event.get("claimed_by"))
    if name == "certainty_not":
        return event.get("certainty") not in _options(want)
    return True


def _event_fields(gold: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in gold.items() if k not in {"why", "note", "notes"}}


def _best(
    gold: dict[str, Any], preds: list[dict[str, Any]], taken: set[int], check: Any
) -> tuple[int | None, dict[str, bool]]:
    best_i, best_ok, best_n = None, {}, -1
    for i, pred in enumerate(preds):
        if i in taken:
            continue
        ok = {k: check(k, v, pred) for k, v in gold.items()}
        n = sum(ok.values())
        if n > best_n:
            best_i, best_ok, best_n = i, ok, n
    return best_i, best_ok


def _score_matched(
    kind: str,
    gold: dict[str, Any],
    predicted: list[dict[str, Any]],
    case: str,
    field_ok: Callable[[str, Any, dict[str, Any]], bool],
) -> Tally:
    """Required items (each must match one prediction on every stated field), optional
    items (absorb a prediction if one matches), then the bound on unmatched predictions."""
    tally = Tally()
    taken: set[int] = set()
    for item in gold.get("required", []):
        want = _event_fields(item)
        i, ok = _best(want, predicted, taken, field_ok)
        for k, v in ok.items():
            tally.count(f"{kind}.{k}", v)
        found = i is not None and all(ok.values())
        tally.count(f"{kind}.found", found)
        if found and i is not None:
            taken.add(i)
        else:
            tally.checks_failed += 1
            tally.failures.append(
                {
                    "case": case,
                    "kind": kind,
                    "gold": item,
                    "wrong": sorted(k for k, v in ok.items() if not v) or ["missing"],
                    "best": predicted[i] if i is not None else None,
                }
            )
    for item in gold.get("optional", []):
        want = _event_fields(item)
        for i, pred in enumerate(predicted):
            if i not in taken and all(field_ok(k, v, pred) for k, v in want.items()):
                taken.add(i)
                break
    extra = len(predicted) - len(taken)
    bound = gold.get("max_false_positives")
    ok_fp = bound is None or extra <= bound
    tally.count(f"{kind}.false_positives_within_bound", ok_fp)
    if not ok_fp:
        tally.checks_failed += 1
        tally.failures.append(
            {
                "case": case,
                "kind": f"{kind}-false-positives",
                "extra": extra,
                "bound": bound,
                f"{kind}s": [p for i, p in enumerate(predicted) if i not in taken],
            }
        )
    return tally


def score_events(gold: dict[str, Any], events: list[dict[str, Any]], case: str) -> Tally:
    tally = _score_matched("event", gold, events, case, event_field_ok)
    for item in gold.get("never", []):
        want = _event_fields(item)
        bad = [e for e in events if all(event_field_ok(k, v, e) for k, v in want.items())]
        tally.count("event.never", not bad)
        if bad:
            tally.checks_failed += 1
            tally.failures.append(
                {"case": case, "kind": "event-never", "gold": item, "events": bad}
            )
    return tally


def quote_field_ok(name: str, want: Any, quote: dict[str, Any]) -> bool:
    if name == "speaker":
        return _name_match(_options(want), quote.get("speaker"))
    if name == "direct":
        return bool(quote.get("direct")) == bool(want)
    if name == "channel":
        got = fold(quote.get("channel"))
        return (
            any(fold(str(w)) and fold(str(w)) in got for w in _options(want)) if want else (not got)
        )
    if name == "text":
        w, g = fold(str(want)), fold(quote.get("text"))
        return bool(w) and w in g and len(g) <= 2 * len(w) + 40
    if name == "stance":
        return quote.get("stance") in _options(want)
    return True


def score_quotes(gold: dict[str, Any], quotes: list[dict[str, Any]], case: str) -> Tally:
    return _score_matched("quote", gold, quotes, case, quote_field_ok)


def designation_field_ok(name: str, want: Any, d: dict[str, Any]) -> bool:
    by = d.get("by") or {}
    if name == "by":
        return _name_match(_options(want), by.get("name"))
    if name == "label":
        return fold(d.get("label")) in {fold(str(w)) for w in _options(want)}
    if name == "subject_contains":
        got = fold(d.get("subject"))
        return any(f" {fold(str(w))} " in f" {got} " for w in _options(want))
    if name == "subject":
        return _name_match(_options(want), d.get("subject"))
    return True


def score_designations(gold: dict[str, Any], items: list[dict[str, Any]], case: str) -> Tally:
    tally = Tally()
    taken: set[int] = set()
    for item in gold.get("required", []):
        want = _event_fields(item)
        i, ok = _best(want, items, taken, designation_field_ok)
        for k, v in ok.items():
            tally.count(f"designation.{k}", v)
        found = i is not None and all(ok.values())
        tally.count("designation.found", found)
        if found and i is not None:
            taken.add(i)
        else:
            tally.checks_failed += 1
            tally.failures.append(
                {
                    "case": case,
                    "kind": "designation",
                    "gold": item,
                    "wrong": sorted(k for k, v in ok.items() if not v) or ["missing"],
                    "best": items[i] if i is not None else None,
                }
            )
    for item in gold.get("never", []):
        want = _event_fields(item)
        bad = [d for d in items if all(designation_field_ok(k, v, d) for k, v in want.items())]
        tally.count("designation.never", not bad)
        if bad:
            tally.checks_failed += 1
            tally.failures.append({"case": case, "kind": "designation-never", "gold": item})
    return tally


def score_document(gold: dict[str, Any], document: dict[str, Any], case: str) -> Tally:
    tally = Tally()
    text = document.get("text") or ""
    for phrase in gold.get("text_must_contain", []):
        ok = phrase in text
        tally.count("document.must_contain", ok)
        if not ok:
            tally.checks_failed += 1
            tally.failures.append({"case": case, "kind": "document", "missing": phrase})
    for phrase in gold.get("text_must_not_contain", []):
        ok = phrase not in text
        tally.count("document.must_not_contain", ok)
        if not ok:
            tally.checks_failed += 1
            tally.failures.append({"case": case, "kind": "document", "present": phrase})
    if "credits" in gold:
        got = {fold(c) for c in document.get("credits") or []}
        ok = all(fold(c) in got for c in gold["credits"])
        tally.count("document.credits", ok)
        if not ok:
            tally.checks_failed += 1
            tally.failures.append(
                {
                    "case": case,
                    "kind": "credits",
                    "gold": gold["credits"],
                    "got": document.get("credits"),
                }
            )
    return tally


def score_without_published(gold: dict[str, Any], record: dict[str, Any], case: str) -> Tally:
    """With no publication date given, the record must not invent a year."""
    tally = Tally()
    doc = record.get("document") or {}
    if "document_published" in gold:
        ok = doc.get("published") == gold["document_published"]
        tally.count("undated.document_published", ok)
        if not ok:
            tally.checks_failed += 1
            tally.failures.append(
                {"case": case, "kind": "undated-published", "got": doc.get("published")}
            )
    allowed = gold.get("no_event_date_year_other_than")
    if allowed is not None:
        years = {None if a is None else str(a) for a in allowed}
        for event in record.get("events", []):
            date = event.get("date")
            ok = (date[:4] if date else None) in years
            tally.count("undated.event_year", ok)
            if not ok:
                tally.checks_failed += 1
                tally.failures.append(
                    {
                        "case": case,
                        "kind": "undated-event-year",
                        "date": date,
                        "evidence": event.get("evidence"),
                    }
                )
    return tally


def score_case(
    gold: dict[str, Any], record: dict[str, Any], undated: dict[str, Any] | None = None
) -> Tally:
    """All checks of one gold file; `undated` is the record read with no publication date."""
    case = str(gold.get("case", "?"))
    tally = Tally()
    if "document" in gold and "document" in record:
        tally.merge(score_document(gold["document"], record["document"], case))
    tally.merge(score_events(gold.get("events", {}), record.get("events", []), case))
    tally.merge(score_quotes(gold.get("quotes", {}), record.get("quotes", []), case))
    tally.merge(
        score_designations(gold.get("designations", {}), record.get("designations", []), case)
    )
    if undated is not None and "without_published" in gold:
        tally.merge(score_without_published(gold["without_published"], undated, case))
    tally.count("case.passed", tally.checks_failed == 0)
    return tally


__all__ = [
    "SCORER_VERSION",
    "Tally",
    "designation_field_ok",
    "event_field_ok",
    "fold",
    "quote_field_ok",
    "score_case",
    "score_designations",
    "score_document",
    "score_events",
    "score_quotes",
    "score_without_published",
]
