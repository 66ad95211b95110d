"""Incidents as files: CSV, ACLED-compatible CSV, GeoJSON, Parquet and JSONL.

Every writer takes model objects and a target (a path or a binary stream) and holds no
I/O beyond writing it, so the CLI, the API and tests share one code path.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Iterable, Iterator
from typing import IO, Any

from trucewatch.errors import InputError
from trucewatch.export.countries import country_facts
from trucewatch.model import ActorRef, EventReport, Incident

Target = str | os.PathLike[str] | IO[bytes]

# The flat incident record: one row per incident (CSV, Parquet, GeoJSON properties).
INCIDENT_COLUMNS: tuple[str, ...] = (
    "id",
    "event_type",
    "sub_event_type",
    "date_start",
    "date_end",
    "date_precision",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "actor1",
    "actor1_id",
    "actor2",
    "actor2_id",
    "fatalities",
    "fatalities_min",
    "fatalities_max",
    "civilian_fatalities",
    "injured",
    "certainty",
    "grade",
    "grade_reason",
    "reports",
    "sources",
    "outlets",
    "verdicts",
    "evidence",
)
_INT_COLUMNS = frozenset(
    {
        "fatalities",
        "fatalities_min",
        "fatalities_max",
        "civilian_fatalities",
        "injured",
        "reports",
        "sources",
    }
)
_FLOAT_COLUMNS = frozenset({"latitude", "longitude"})

# ACLED's column names, in ACLED's order; the values are ours ("ACLED-compatible").
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

# ACLED's numeric actor-type codes (inter1/inter2), keyed by our actor kinds.
_INTER = {
    "state": 1,
    "government": 1,
    "rebel": 2,
    "militia": 3,
    "identity-militia": 4,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
    "igo": 8,
    "monitor": 8,
}
_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"point": 1, "city": 1, "admin1": 2, "country": 3}


def _acled_actor(actor: ActorRef | None, country: str) -> str:
    """ACLED's naming where the knowledge base has it; generic classes take the country in
    brackets as ACLED writes them ("Civilians (Syria)"); else the name as read."""
    if actor is None:
        return ""
    if actor.acled_name:
        return actor.acled_name
    if actor.kind in {"civilians", "protesters", "unidentified"} and country:
        return f"{actor.name} ({country})"
    return actor.name


def verdict_summary(incident: Incident) -> str:
    """`agreement=verdict` pairs, alleged ones marked, e.g. 'syria-coh-2016=violation (alleged)'."""
    return "; ".join(
        f"{v.agreement}={v.verdict}" + (" (alleged)" if v.alleged else "")
        for v in incident.verdicts
    )


def incident_record(incident: Incident) -> dict[str, Any]:
    """The flat record of an incident: scalars only, same keys as INCIDENT_COLUMNS."""
    place = incident.location
    outlets = sorted({m.outlet for m in incident.members if m.outlet})
    evidence = next((m.evidence for m in incident.members if m.evidence), "")
    return {
        "id": incident.id,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "date_start": incident.date_start.isoformat() if incident.date_start else None,
        "date_end": incident.date_end.isoformat() if incident.date_end else None,
        "date_precision": incident.date_precision,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "actor1": incident.actor1.name if incident.actor1 else None,
        "actor1_id": incident.actor1.id if incident.actor1 else None,
        "actor2": incident.actor2.name if incident.actor2 else None,
        "actor2_id": incident.actor2.id if incident.actor2 else None,
        "fatalities": incident.fatalities.best,
        "fatalities_min": incident.fatalities.min,
        "fatalities_max": incident.fatalities.max,
        "civilian_fatalities": incident.civilian_fatalities.best,
        "injured": incident.injured.best,
        "certainty": incident.certainty,
        "grade": incident.grade,
        "grade_reason": incident.grade_reason,
        "reports": len(incident.members),
        "sources": len(incident.sources),
        "outlets": "; ".join(outlets),
        "verdicts": verdict_summary(incident),
        "evidence": evidence,
    }


def acled_record(incident: Incident) -> dict[str, Any]:
    """One ACLED-compatible row. Values are TruceWatch's readings, not ACLED data."""
    place = incident.location
    alpha2 = place.country if place else None
    iso, country, region = country_facts(alpha2)
    day = incident.date_start
    kind1 = incident.actor1.kind if incident.actor1 else None
    kind2 = incident.actor2.kind if incident.actor2 else None
    inter1 = _INTER.get(kind1 or "", 0 if incident.actor1 is None else 8)
    inter2 = _INTER.get(kind2 or "", 0 if incident.actor2 is None else 8)
    low, high = sorted((inter1, inter2))
    interaction = low * 10 + high if low else high
    outlets = sorted({m.outlet for m in incident.members if m.outlet})
    tags = [f"grade={incident.grade}"]
    if incident.certainty != "asserted":
        tags.append(f"certainty={incident.certainty}")
    tags.extend(f"verdict:{part}" for part in verdict_summary(incident).split("; ") if part)
    notes = next((m.evidence for m in incident.members if m.evidence), "")
    return {
        "event_id_cnty": incident.id,
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": _TIME_PRECISION.get(incident.date_precision, 3),
        "disorder_type": _DISORDER.get(incident.event_type, ""),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "actor1": _acled_actor(incident.actor1, country),
        "assoc_actor_1": "",
        "inter1": inter1,
        "actor2": _acled_actor(incident.actor2, country),
        "assoc_actor_2": "",
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if kind2 == "civilians" else "",
        "iso": iso if iso is not None else "",
        "region": region,
        "country": country,
        "admin1": (place.admin1 or "") if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": _GEO_PRECISION.get(place.precision, 3) if place else 3,
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": notes,
        "fatalities": incident.fatalities.best if incident.fatalities.best is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": "",
    }


def geojson_feature(incident: Incident) -> dict[str, Any] | None:
    """A GeoJSON Point feature, or None when the incident has no coordinates."""
    place = incident.location
    if place is None or place.lat is None or place.lon is None:
        return None
    properties = incident_record(incident)
    properties["verdict_list"] = [
        {
            "agreement": v.agreement,
            "verdict": v.verdict,
            "alleged": v.alleged,
            "party": v.party,
            "reasons": list(v.reasons),
        }
        for v in incident.verdicts
    ]
    return {
        "type": "Feature",
        "id": incident.id,
        "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
        "properties": properties,
    }


def to_geojson(incidents: Iterable[Incident]) -> dict[str, Any]:
    """A FeatureCollection of the incidents that have coordinates."""
    features = [f for f in (geojson_feature(i) for i in incidents) if f is not None]
    return {"type": "FeatureCollection", "features": features}


@contextlib.contextmanager
def _binary(target: Target) -> Iterator[IO[bytes]]:
    """Open a path for binary writing, or pass a stream through (left open)."""
    if isinstance(target, str | os.PathLike):
        with open(target, "wb") as stream:
            yield stream
    else:
        yield target


def _write_rows(target: Target, columns: tuple[str, ...], rows: Iterable[dict]) -> int:
    count = 0
    with _binary(target) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", newline="")
        try:
            writer = csv.DictWriter(text, fieldnames=list(columns), extrasaction="ignore")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: "" if v is None else v for k, v in row.items()})
                count += 1
            text.flush()
        finally:
            text.detach()
    return count


def write_csv(incidents: Iterable[Incident], target: Target) -> int:
    """TruceWatch's own CSV: one flat row per incident. Returns the number of rows."""
    return _write_rows(target, INCIDENT_COLUMNS, (incident_record(i) for i in incidents))


def write_acled_csv(incidents: Iterable[Incident], target: Target) -> int:
    """CSV with ACLED's column names (ACLED-compatible; the values are TruceWatch's)."""
    return _write_rows(target, ACLED_COLUMNS, (acled_record(i) for i in incidents))


def write_geojson(incidents: Iterable[Incident], target: Target) -> int:
    """A GeoJSON FeatureCollection; incidents without coordinates are left out."""
    collection = to_geojson(incidents)
    with _binary(target) as stream:
        stream.write(json.dumps(collection, ensure_ascii=False).encode("utf-8"))
    return len(collection["features"])


def write_jsonl(incidents: Iterable[Incident], target: Target) -> int:
    """The full incident (reports, ranges, claims, verdicts) as one JSON object per line."""
    count = 0
    with _binary(target) as stream:
        for incident in incidents:
            stream.write(incident.model_dump_json().encode("utf-8") + b"\n")
            count += 1
    return count


def parquet_schema() -> Any:
    """The Arrow schema of the flat record: strings, int64 counts, float64 coordinates."""
    import pyarrow as pa

    def kind(name: str) -> Any:
        if name in _INT_COLUMNS:
            return pa.int64()
        if name in _FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    return pa.schema([(name, kind(name)) for name in INCIDENT_COLUMNS])


def write_parquet(incidents: Iterable[Incident], target: Target) -> int:
    """The flat record as Parquet (pyarrow is imported here: only this format needs it)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [incident_record(i) for i in incidents]
    table = pa.Table.from_pylist(rows, schema=parquet_schema())
    with _binary(target) as stream:
        pq.write_table(table, stream)
    return len(rows)


def event_record(event: EventReport) -> dict[str, Any]:
    """One event report, flat, for the events CSV."""
    place = event.location
    return {
        "article_id": event.article_id,
        "index": event.index,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date": event.date.isoformat() if event.date else None,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "location": place.name if place else None,
        "country": place.country if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "fatalities": event.fatalities,
        "certainty": event.certainty,
        "claimed_by": event.claimed_by,
        "evidence": event.evidence,
    }


EVENT_COLUMNS: tuple[str, ...] = tuple(event_record(EventReport(event_type="", sub_event_type="")))


def write_events_csv(events: Iterable[EventReport], target: Target) -> int:
    """Event reports (before fusion) as CSV."""
    return _write_rows(target, EVENT_COLUMNS, (event_record(e) for e in events))


# format name -> (writer, media type, file suffix)
FORMATS: dict[str, tuple[Any, str, str]] = {
    "csv": (write_csv, "text/csv; charset=utf-8", "csv"),
    "acled-csv": (write_acled_csv, "text/csv; charset=utf-8", "acled.csv"),
    "geojson": (write_geojson, "application/geo+json", "geojson"),
    "parquet": (write_parquet, "application/vnd.apache.parquet", "parquet"),
    "jsonl": (write_jsonl, "application/x-ndjson", "jsonl"),
}


def write_export(fmt: str, incidents: Iterable[Incident], target: Target) -> int:
    """Write incidents in a named format (see FORMATS); returns the number written."""
    try:
        writer = FORMATS[fmt][0]
    except KeyError:
        raise InputError(
            f"unknown export format {fmt!r}; valid: {', '.join(sorted(FORMATS))}"
        ) from None
    return int(writer(incidents, target))


__all__ = [
    "ACLED_COLUMNS",
    "EVENT_COLUMNS",
    "FORMATS",
    "INCIDENT_COLUMNS",
    "Target",
    "acled_record",
    "event_record",
    "geojson_feature",
    "incident_record",
    "parquet_schema",
    "to_geojson",
    "verdict_summary",
    "write_acled_csv",
    "write_csv",
    "write_events_csv",
    "write_export",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]
