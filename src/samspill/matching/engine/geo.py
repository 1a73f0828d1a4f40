"""Straight-line distance on the sphere without trigonometry in the hot loop.

Positions are stored as unit vectors (x, y, z). The squared chord between two points is
``(x1-x2)² + (y1-y2)² + (z1-z2)²`` and the great-circle (haversine) distance is
``2R·asin(chord/2)``, a monotone function of it: comparing chords² with a precomputed
chord² of the candidate's maximum commute is exactly the haversine test, and differences
of nearby unit vectors keep float32 precise to metres (a dot product would not).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt

EARTH_RADIUS_KM = 6371.0088


def unit_vectors(
    lat_deg: npt.ArrayLike, lon_deg: npt.ArrayLike
) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    lat = np.radians(np.asarray(lat_deg, dtype=np.float64))
    lon = np.radians(np.asarray(lon_deg, dtype=np.float64))
    cos_lat = np.cos(lat)
    return (
        (cos_lat * np.cos(lon)).astype(np.float32),
        (cos_lat * np.sin(lon)).astype(np.float32),
        np.sin(lat).astype(np.float32),
    )


def chord_for_km(km: npt.NDArray[Any] | float) -> npt.NDArray[np.float64]:
    """The chord (unit sphere) of a great-circle distance; ≥ half the globe → 2."""
    half_angle = np.minimum(np.asarray(km, dtype=np.float64) / (2 * EARTH_RADIUS_KM), np.pi / 2)
    return np.asarray(2.0 * np.sin(half_angle), dtype=np.float64)


def km_for_chord(chord: float) -> float:
    return 2 * EARTH_RADIUS_KM * math.asin(min(max(chord, 0.0), 2.0) / 2)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (the reference the tests check the engine against)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(a, 1.0)))
