"""Exports: incidents as CSV, ACLED-compatible CSV, GeoJSON, Parquet, JSONL; the daily report.

Stage-level: imports only model, config and errors; takes model objects, writes files.
"""

from trucewatch.export.geo import MapPoint, Outline, outlines, svg_map
from trucewatch.export.report import (
    VERDICT_COLOURS,
    SituationReport,
    build_report,
    primary_verdict,
    render_html,
    render_markdown,
    verdict_label,
)
from trucewatch.export.tables import (
    ACLED_COLUMNS,
    FORMATS,
    INCIDENT_COLUMNS,
    acled_record,
    incident_record,
    to_geojson,
    write_acled_csv,
    write_csv,
    write_events_csv,
    write_export,
    write_geojson,
    write_jsonl,
    write_parquet,
)

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "INCIDENT_COLUMNS",
    "VERDICT_COLOURS",
    "MapPoint",
    "Outline",
    "SituationReport",
    "acled_record",
    "build_report",
    "incident_record",
    "outlines",
    "primary_verdict",
    "render_html",
    "render_markdown",
    "svg_map",
    "to_geojson",
    "verdict_label",
    "write_acled_csv",
    "write_csv",
    "write_events_csv",
    "write_export",
    "write_geojson",
    "write_jsonl",
    "write_parquet",
]
