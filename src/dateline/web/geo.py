"""Country outlines for the map, drawn on the server as SVG paths.

The outlines are Natural Earth's 1:110m countries as packaged by the ``world-atlas`` npm
package (``static/geo/countries-110m.json``, TopoJSON; see NOTICE). They are decoded here
into one SVG path per country in the map's equirectangular frame (x = longitude, y = -latitude,
the ``viewBox`` ``-180 -90 360 180``), so the map needs no script, no tile server and no
network to show the world.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import Any

from dateline.web.paths import STATIC

#: The vendored TopoJSON file (world-atlas 2.0.2, countries at 1:110m).
COUNTRIES = STATIC / "geo" / "countries-110m.json"


@dataclass(frozen=True, slots=True)
class Country:
    id: str  # ISO 3166-1 numeric code as world-atlas gives it ("" for a few disputed areas)
    name: str
    path: str  # SVG path data in the map's frame


def _arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as absolute (lon, lat) points (quantized arcs are delta-coded)."""
    transform = topology.get("transform")
    out = []
    for arc in topology["arcs"]:
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0
            points = []
            for dx, dy, *_ in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        else:
            points = [(float(p[0]), float(p[1])) for p in arc]
        out.append(points)
    return out


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _unwrapped(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A ring as it must be drawn on a flat map: the outlines are spherical, so a ring that
    crosses the antimeridian (eastern Russia, Fiji) is made continuous past ±180 and drawn
    again shifted by 360 degrees (the map's frame clips both copies); a ring that goes
    round a pole (Antarctica) is closed along that pole."""
    out = [ring[0]]
    for x, y in ring[1:]:
        previous = out[-1][0]
        while x - previous > 180:
            x -= 360
        while x - previous < -180:
            x += 360
        out.append((x, y))
    if abs(out[-1][0] - out[0][0]) > 180:
        pole = -90.0 if sum(y for _, y in out) < 0 else 90.0
        out += [(out[-1][0], pole), (out[0][0], pole)]
    xs = [x for x, _ in out]
    shifts = [0.0] + ([360.0] if min(xs) < -180 else []) + ([-360.0] if max(xs) > 180 else [])
    return [[(x + shift, y) for x, y in out] for shift in shifts]


def _path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for ring in rings:
        if len(ring) < 3:
            continue
        for copy in _unwrapped(ring):
            head, *rest = copy
            parts.append(
                f"M{head[0]:.2f} {-head[1]:.2f}"
                + "".join(f"L{x:.2f} {-y:.2f}" for x, y in rest)
                + "Z"
            )
    return "".join(parts)


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every country of the vendored file with its outline (empty if the file is missing)."""
    try:
        topology = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    arcs = _arcs(topology)
    out = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind, given = geometry.get("type"), geometry.get("arcs") or []
        polygons = [given] if kind == "Polygon" else given if kind == "MultiPolygon" else []
        rings = [_ring(ring, arcs) for polygon in polygons for ring in polygon]
        path = _path(rings)
        if path:
            name = (geometry.get("properties") or {}).get("name") or ""
            out.append(Country(str(geometry.get("id") or ""), name, path))
    return tuple(out)
