"""Exports round-trip: ACLED-compatible CSV in pandas, GeoJSON shapes, Parquet, JSONL."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from shapely.geometry import Point, shape

from trucewatch.errors import InputError
from trucewatch.export import (
    ACLED_COLUMNS,
    FORMATS,
    INCIDENT_COLUMNS,
    incident_record,
    write_acled_csv,
    write_csv,
    write_export,
    write_geojson,
    write_jsonl,
    write_parquet,
)
from trucewatch.export.tables import write_events_csv
from trucewatch.model import EventReport, Incident, PlaceRef


def test_acled_csv_loads_in_pandas_with_acled_columns(incidents, tmp_path: Path) -> None:
    path = tmp_path / "x.acled.csv"
    assert write_acled_csv(incidents, path) == len(incidents)
    frame = pd.read_csv(path)
    assert tuple(frame.columns) == ACLED_COLUMNS
    row = frame.set_index("event_id_cnty").loc["inc-aleppo-0301"]
    assert row["event_date"] == "2016-03-01"
    assert row["year"] == 2016
    assert row["sub_event_type"] == "Air/drone strike"
    assert row["disorder_type"] == "Political violence"
    assert row["iso"] == 760 and row["country"] == "Syria"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["inter1"] == 8 and row["inter2"] == 7 and row["interaction"] == 78
    assert row["fatalities"] == 9
    assert "verdict:syria-coh-2016=violation" in row["tags"]


def test_csv_to_a_stream_has_one_row_per_incident(incidents) -> None:
    buffer = io.BytesIO()
    write_csv(incidents, buffer)
    frame = pd.read_csv(io.BytesIO(buffer.getvalue()))
    assert tuple(frame.columns) == INCIDENT_COLUMNS
    assert sorted(frame["id"]) == sorted(i.id for i in incidents)
    assert not buffer.closed  # a stream passed in is left open for the caller


def test_geojson_features_are_valid_points(incidents, tmp_path: Path) -> None:
    path = tmp_path / "x.geojson"
    located = [i for i in incidents if i.location and i.location.lat is not None]
    assert write_geojson(incidents, path) == len(located)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    for feature in data["features"]:
        geometry = shape(feature["geometry"])
        assert isinstance(geometry, Point) and geometry.is_valid
        source = next(i for i in incidents if i.id == feature["id"])
        assert (geometry.x, geometry.y) == (source.location.lon, source.location.lat)
        assert feature["properties"]["grade"] == source.grade
        assert [v["verdict"] for v in feature["properties"]["verdict_list"]] == [
            v.verdict for v in source.verdicts
        ]


def test_parquet_reads_back_equal(incidents, tmp_path: Path) -> None:
    path = tmp_path / "x.parquet"
    write_parquet(incidents, path)
    assert pq.read_table(path).to_pylist() == [incident_record(i) for i in incidents]


def test_jsonl_reads_back_the_same_incidents(incidents) -> None:
    buffer = io.BytesIO()
    write_jsonl(incidents, buffer)
    lines = buffer.getvalue().decode().splitlines()
    assert [Incident.model_validate_json(line) for line in lines] == incidents


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_writes_an_empty_export(fmt: str) -> None:
    buffer = io.BytesIO()
    assert write_export(fmt, [], buffer) == 0
    assert buffer.getvalue() or fmt == "jsonl"


def test_unknown_format_names_the_valid_ones() -> None:
    with pytest.raises(InputError, match="valid: acled-csv, csv, geojson, jsonl, parquet"):
        write_export("xlsx", [], io.BytesIO())


def test_events_csv() -> None:
    event = EventReport(
        event_type="Battles",
        sub_event_type="Armed clash",
        location=PlaceRef(name="Homs", country="SY", lat=34.7, lon=36.7),
        evidence="Two brigades traded fire near the mill.",
    )
    buffer = io.BytesIO()
    write_events_csv([event], buffer)
    frame = pd.read_csv(io.BytesIO(buffer.getvalue()))
    assert frame.loc[0, "location"] == "Homs"
    assert frame.loc[0, "evidence"] == "Two brigades traded fire near the mill."


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        (
            {
                "name": "Russia",
                "id": "ru-af",
                "kind": "state",
                "acled_name": "Military Forces of Russia (2000-)",
            },
            "Military Forces of Russia (2000-)",
        ),
        ({"name": "Civilians", "id": "civilians", "kind": "civilians"}, "Civilians (Syria)"),
        ({"name": "Unidentified gunmen", "kind": "unidentified"}, "Unidentified gunmen (Syria)"),
        ({"name": "Host of the East", "kind": "rebel"}, "Host of the East"),
    ],
)
def test_acled_csv_uses_acled_actor_names(
    incidents: list[Incident], actor: dict, expected: str
) -> None:
    from trucewatch.model import ActorRef

    syrian = next(i for i in incidents if i.location and i.location.country == "SY")
    changed = syrian.model_copy(update={"actor1": ActorRef(**actor)})
    buffer = io.BytesIO()
    write_acled_csv([changed], buffer)
    frame = pd.read_csv(io.BytesIO(buffer.getvalue()))
    assert frame.loc[0, "actor1"] == expected
