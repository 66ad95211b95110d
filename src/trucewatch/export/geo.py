"""Country outlines from TopoJSON, drawn as a static SVG map with incident points.

Pure functions: the caller passes the parsed TopoJSON (the dashboard's vendored
world-atlas file), so the report draws its map with no network and no browser.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Outline:
    """One country: its ISO numeric id (or None), name and polygon rings in lon/lat."""

    id: str | None
    name: str
    rings: tuple[tuple[tuple[float, float], ...], ...]


@dataclass(frozen=True)
class MapPoint:
    lon: float
    lat: float
    colour: str
    label: str = ""


def _decode_arcs(topology: dict[str, Any]) -> list[Ring]:
    """Absolute lon/lat arcs: undo TopoJSON's quantisation and delta encoding."""
    transform = topology.get("transform")
    arcs: list[Ring] = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points: Ring = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[Ring], indexes: Sequence[int]) -> tuple[tuple[float, float], ...]:
    points: Ring = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return tuple(points)


def outlines(topology: dict[str, Any], object_name: str = "countries") -> list[Outline]:
    """Every country of a world-atlas TopoJSON as rings of (lon, lat)."""
    arcs = _decode_arcs(topology)
    found: list[Outline] = []
    for geometry in topology["objects"][object_name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        rings = tuple(_ring(arcs, ring) for polygon in polygons for ring in polygon)
        name = (geometry.get("properties") or {}).get("name", "")
        found.append(Outline(id=geometry.get("id"), name=name, rings=rings))
    return found


def view_box(
    points: Sequence[MapPoint], pad_degrees: float = 2.0
) -> tuple[float, float, float, float]:
    """(min_lon, min_lat, max_lon, max_lat) around the points; the world when there are none."""
    if not points:
        return (-180.0, -60.0, 180.0, 85.0)
    lons = [p.lon for p in points]
    lats = [p.lat for p in points]
    return (
        max(-180.0, min(lons) - pad_degrees),
        max(-85.0, min(lats) - pad_degrees),
        min(180.0, max(lons) + pad_degrees),
        min(85.0, max(lats) + pad_degrees),
    )


def svg_map(
    countries: Sequence[Outline],
    points: Sequence[MapPoint],
    box: tuple[float, float, float, float] | None = None,
    width: int = 720,
    title: str = "Map of incidents",
) -> str:
    """An SVG (equirectangular, scaled by the cosine of the middle latitude) of the outlines
    that fall in the box, with one circle per point."""
    min_lon, min_lat, max_lon, max_lat = box or view_box(points)
    mid = math.radians((min_lat + max_lat) / 2)
    x_scale = math.cos(mid) or 1.0
    span_x = max((max_lon - min_lon) * x_scale, 1e-6)
    span_y = max(max_lat - min_lat, 1e-6)
    height = max(120, round(width * span_y / span_x))
    k = width / span_x

    def project(lon: float, lat: float) -> tuple[float, float]:
        return (lon - min_lon) * x_scale * k, (max_lat - lat) * k

    paths: list[str] = []
    for country in countries:
        parts: list[str] = []
        for ring in country.rings:
            lons = [p[0] for p in ring]
            lats = [p[1] for p in ring]
            if max(lons) < min_lon or min(lons) > max_lon or max(lats) < min_lat:
                continue
            if min(lats) > max_lat:
                continue
            xy = [project(lon, lat) for lon, lat in ring]
            parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
        if parts:
            paths.append(
                f'<path class="country" d="{"".join(parts)}"><title>{escape(country.name)}'
                "</title></path>"
            )
    dots = []
    for point in points:
        x, y = project(point.lon, point.lat)
        dots.append(
            f'<circle class="incident" cx="{x:.1f}" cy="{y:.1f}" r="5" '
            f'fill="{escape(point.colour)}" stroke="#222" stroke-width="0.8">'
            f"<title>{escape(point.label)}</title></circle>"
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>"
        f'<rect width="{width}" height="{height}" fill="#eaf2f8"/>'
        '<g fill="#f7f4ea" stroke="#8a8a8a" stroke-width="0.6">'
        + "".join(paths)
        + "</g><g>"
        + "".join(dots)
        + "</g></svg>"
    )


__all__ = ["MapPoint", "Outline", "outlines", "svg_map", "view_box"]
