"""Coordinates with their datum, WGS-84 <-> GCJ-02 conversion and distances.

Chinese maps (Tencent, AMap) and customer sites picked on them use GCJ-02; a phone may report
WGS-84. The two differ by 100-700 m inside China, so every :class:`Point` carries its datum and
:func:`distance_m` converts both points to WGS-84 before measuring: never compare across datums.

The GCJ-02 forward transform is the published reference algorithm (Krasovsky ellipsoid, the
bounding box of :func:`out_of_china`); there is no closed-form inverse, so
:func:`gcj02_to_wgs84` solves it by fixed-point iteration.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from enum import StrEnum

from geopy.distance import geodesic

__all__ = [
    "EARTH_MEAN_RADIUS_M",
    "Datum",
    "Point",
    "distance_m",
    "gcj02_to_wgs84",
    "haversine_m",
    "out_of_china",
    "to_wgs84",
    "validate_lat_lon",
    "wgs84_to_gcj02",
]

EARTH_MEAN_RADIUS_M = 6_371_008.8  # IUGG mean radius R1, for haversine

_A = 6_378_245.0  # Krasovsky 1940 semi-major axis, as used by GCJ-02
_EE = 0.00669342162296594323  # Krasovsky 1940 first eccentricity squared
_INVERSE_TOLERANCE_DEG = 1e-12
_INVERSE_MAX_ITERATIONS = 30


class Datum(StrEnum):
    """The geodetic datum a coordinate is expressed in (``wx.getLocation``'s ``type``)."""

    WGS84 = "wgs84"
    GCJ02 = "gcj02"


def validate_lat_lon(latitude: float, longitude: float) -> None:
    """Raise ValueError unless latitude is in [-90, 90] and longitude in [-180, 180] (no NaN)."""
    if not -90.0 <= latitude <= 90.0:
        raise ValueError(f"latitude {latitude!r} is outside [-90, 90]")
    if not -180.0 <= longitude <= 180.0:
        raise ValueError(f"longitude {longitude!r} is outside [-180, 180]")


@dataclass(frozen=True, slots=True)
class Point:
    """A position in decimal degrees together with the datum it is expressed in."""

    latitude: float
    longitude: float
    datum: Datum

    def __post_init__(self) -> None:
        validate_lat_lon(self.latitude, self.longitude)
        if not isinstance(self.datum, Datum):
            object.__setattr__(self, "datum", Datum(self.datum))


def out_of_china(latitude: float, longitude: float) -> bool:
    """True outside the bounding box where GCJ-02 applies (the reference algorithm's box).

    The box is deliberately the one every GCJ-02 implementation uses, so that our conversion
    agrees with the maps that produced the coordinates, even at its rough edges.
    """
    validate_lat_lon(latitude, longitude)
    return not (72.004 <= longitude <= 137.8347 and 0.8293 <= latitude <= 55.8271)


def wgs84_to_gcj02(latitude: float, longitude: float) -> tuple[float, float]:
    """WGS-84 -> GCJ-02 as ``(latitude, longitude)``; identity outside China."""
    if out_of_china(latitude, longitude):
        return latitude, longitude
    d_lat, d_lon = _gcj02_offset(latitude, longitude)
    return latitude + d_lat, longitude + d_lon


def gcj02_to_wgs84(latitude: float, longitude: float) -> tuple[float, float]:
    """GCJ-02 -> WGS-84 as ``(latitude, longitude)``; identity outside China.

    Solves ``wgs + offset(wgs) = gcj`` by fixed-point iteration; the offset changes slowly, so
    it converges to 1e-12 degrees in a handful of steps (round trips agree to < 1e-7 degrees).
    """
    if out_of_china(latitude, longitude):
        return latitude, longitude
    lat, lon = latitude, longitude
    for _ in range(_INVERSE_MAX_ITERATIONS):
        d_lat, d_lon = _gcj02_offset(lat, lon)
        next_lat, next_lon = latitude - d_lat, longitude - d_lon
        converged = (
            abs(next_lat - lat) < _INVERSE_TOLERANCE_DEG
            and abs(next_lon - lon) < _INVERSE_TOLERANCE_DEG
        )
        lat, lon = next_lat, next_lon
        if converged:
            break
    return lat, lon


def to_wgs84(point: Point) -> Point:
    """The same position expressed in WGS-84 (GCJ-02 conversions are memoised: a rep's earlier
    fixes are converted again at every check-in)."""
    if point.datum is Datum.WGS84:
        return point
    return _gcj02_point_to_wgs84(point.latitude, point.longitude)


@functools.lru_cache(maxsize=16_384)
def _gcj02_point_to_wgs84(latitude: float, longitude: float) -> Point:
    lat, lon = gcj02_to_wgs84(latitude, longitude)
    return Point(lat, lon, Datum.WGS84)


def distance_m(a: Point, b: Point) -> float:
    """Geodesic distance in metres on the WGS-84 ellipsoid, after converting both to WGS-84."""
    wa, wb = to_wgs84(a), to_wgs84(b)
    return float(geodesic((wa.latitude, wa.longitude), (wb.latitude, wb.longitude)).meters)


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres on the mean-radius sphere, for hot loops.

    Inputs must already be WGS-84. Within 0.5% of the geodesic at Chinese latitudes.
    """
    validate_lat_lon(lat1, lon1)
    validate_lat_lon(lat2, lon2)
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_d_phi = (phi2 - phi1) / 2.0
    half_d_lambda = math.radians(lon2 - lon1) / 2.0
    h = math.sin(half_d_phi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_d_lambda) ** 2
    return 2.0 * EARTH_MEAN_RADIUS_M * math.asin(math.sqrt(min(1.0, h)))


def _gcj02_offset(latitude: float, longitude: float) -> tuple[float, float]:
    """The GCJ-02 shift (degrees) added to a WGS-84 position inside China."""
    x, y = longitude - 105.0, latitude - 35.0
    rad_lat = math.radians(latitude)
    magic = 1.0 - _EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = _shift_lat(x, y) * 180.0 / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = _shift_lon(x, y) * 180.0 / (_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return d_lat, d_lon


def _shift_lat(x: float, y: float) -> float:
    pi = math.pi
    shift = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    shift += (20.0 * math.sin(6.0 * x * pi) + 20.0 * math.sin(2.0 * x * pi)) * 2.0 / 3.0
    shift += (20.0 * math.sin(y * pi) + 40.0 * math.sin(y / 3.0 * pi)) * 2.0 / 3.0
    shift += (160.0 * math.sin(y / 12.0 * pi) + 320.0 * math.sin(y * pi / 30.0)) * 2.0 / 3.0
    return shift


def _shift_lon(x: float, y: float) -> float:
    pi = math.pi
    shift = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    shift += (20.0 * math.sin(6.0 * x * pi) + 20.0 * math.sin(2.0 * x * pi)) * 2.0 / 3.0
    shift += (20.0 * math.sin(x * pi) + 40.0 * math.sin(x / 3.0 * pi)) * 2.0 / 3.0
    shift += (150.0 * math.sin(x / 12.0 * pi) + 300.0 * math.sin(x / 30.0 * pi)) * 2.0 / 3.0
    return shift
