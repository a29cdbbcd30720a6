"""The map's country outlines: Natural Earth via world-atlas, decoded to SVG paths."""

from __future__ import annotations

import re
from itertools import pairwise

from dateline.web import geo

_POINT = re.compile(r"[ML](-?[\d.]+) (-?[\d.]+)")


def _rings(path: str) -> list[list[tuple[float, float]]]:
    return [
        [(float(x), float(y)) for x, y in _POINT.findall(ring)]
        for ring in re.findall(r"M[^Z]*Z", path)
    ]


def test_every_country_has_an_outline() -> None:
    countries = geo.countries()
    assert len(countries) == 177
    names = {c.name for c in countries}
    assert {"Kenya", "Tanzania", "Japan", "Brazil", "Russia", "Fiji"} <= names
    kenya = next(c for c in countries if c.name == "Kenya")
    xs = [x for ring in _rings(kenya.path) for x, _ in ring]
    ys = [-y for ring in _rings(kenya.path) for _, y in ring]  # y is minus the latitude
    assert 33 < min(xs) < max(xs) < 42.5 and -5 < min(ys) < max(ys) < 5.6


def test_no_ring_jumps_across_the_map() -> None:
    """Rings crossing the antimeridian are drawn continuous (and again shifted by 360
    degrees), never as a stroke across the whole map."""
    for country in geo.countries():
        for ring in _rings(country.path):
            for (x0, y0), (x1, y1) in pairwise(ring):
                along_a_pole = abs(y0) == abs(y1) == 90  # Antarctica closed along the pole
                assert abs(x1 - x0) <= 180 or along_a_pole, country.name
    russia = next(c for c in geo.countries() if c.name == "Russia")
    assert any(
        min(x for x, _ in ring) < -180 or max(x for x, _ in ring) > 180
        for ring in _rings(russia.path)
    )
