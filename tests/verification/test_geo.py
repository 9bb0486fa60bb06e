"""verification.geo: datums, WGS-84 <-> GCJ-02 conversion, geodesic and haversine distances."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verification.geo import (
    Datum,
    Point,
    distance_m,
    gcj02_to_wgs84,
    haversine_m,
    out_of_china,
    to_wgs84,
    wgs84_to_gcj02,
)

# Published reference vectors of the GCJ-02 algorithm (googollee/eviltransform tests):
# (WGS-84 latitude, longitude) -> (GCJ-02 latitude, longitude).
REFERENCE_VECTORS = [
    pytest.param((31.1774276, 121.5272106), (31.17530398364597, 121.531541859215), id="shanghai"),
    pytest.param((22.543847, 113.912316), (22.540796131694766, 113.9171764808363), id="shenzhen"),
    pytest.param((39.911954, 116.377817), (39.91334545536069, 116.38404722455657), id="beijing"),
]

TIANANMEN = Point(39.9087, 116.3975, Datum.WGS84)
PEOPLES_SQUARE = Point(31.2304, 121.4737, Datum.WGS84)

# Inside the GCJ-02 box with a margin, so that a shifted point stays inside it.
china_lat = st.floats(min_value=18.0, max_value=53.0)
china_lon = st.floats(min_value=74.0, max_value=134.0)
outside_china = st.one_of(
    st.tuples(st.floats(-90.0, 0.8), st.floats(-180.0, 180.0)),
    st.tuples(st.floats(55.9, 90.0), st.floats(-180.0, 180.0)),
    st.tuples(st.floats(-90.0, 90.0), st.floats(-180.0, 72.0)),
    st.tuples(st.floats(-90.0, 90.0), st.floats(137.9, 180.0)),
)
any_datum = st.sampled_from(list(Datum))
china_points = st.builds(Point, china_lat, china_lon, any_datum)


# --- Point and validation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lat", "lon"), [(90.5, 0.0), (-91.0, 0.0), (0.0, 180.5), (0.0, -181.0), (math.nan, 0.0)]
)
def test_point_rejects_coordinates_out_of_range(lat: float, lon: float) -> None:
    with pytest.raises(ValueError):
        Point(lat, lon, Datum.WGS84)


def test_point_accepts_the_datum_as_wx_getlocation_spells_it() -> None:
    point = Point(39.9, 116.4, "gcj02")  # type: ignore[arg-type]
    assert point.datum is Datum.GCJ02


def test_point_rejects_an_unknown_datum() -> None:
    with pytest.raises(ValueError):
        Point(39.9, 116.4, "bd09")  # type: ignore[arg-type]


def test_raw_coordinate_functions_validate_their_ranges() -> None:
    with pytest.raises(ValueError):
        wgs84_to_gcj02(100.0, 116.0)
    with pytest.raises(ValueError):
        gcj02_to_wgs84(39.0, 200.0)
    with pytest.raises(ValueError):
        haversine_m(39.0, 116.0, 39.0, -190.0)
    with pytest.raises(ValueError):
        out_of_china(-95.0, 116.0)


# --- datum conversion ---------------------------------------------------------------------------


@pytest.mark.parametrize(("wgs", "gcj"), REFERENCE_VECTORS)
def test_wgs84_to_gcj02_matches_the_published_reference_vectors(
    wgs: tuple[float, float], gcj: tuple[float, float]
) -> None:
    assert wgs84_to_gcj02(*wgs) == pytest.approx(gcj, abs=1e-9)


@pytest.mark.parametrize(("wgs", "gcj"), REFERENCE_VECTORS)
def test_gcj02_to_wgs84_recovers_the_published_reference_vectors(
    wgs: tuple[float, float], gcj: tuple[float, float]
) -> None:
    assert gcj02_to_wgs84(*gcj) == pytest.approx(wgs, abs=1e-7)


def test_gcj02_shifts_beijing_and_shanghai_by_several_hundred_metres() -> None:
    for wgs in (TIANANMEN, PEOPLES_SQUARE):
        shifted = Point(*wgs84_to_gcj02(wgs.latitude, wgs.longitude), Datum.WGS84)
        assert 400.0 < distance_m(wgs, shifted) < 700.0


def test_out_of_china_uses_the_reference_bounding_box() -> None:
    assert not out_of_china(TIANANMEN.latitude, TIANANMEN.longitude)
    assert not out_of_china(PEOPLES_SQUARE.latitude, PEOPLES_SQUARE.longitude)
    assert out_of_china(35.681236, 139.767125)  # Tokyo
    assert out_of_china(48.8566, 2.3522)  # Paris
    assert out_of_china(-33.8688, 151.2093)  # Sydney


@given(china_lat, china_lon)
def test_wgs84_gcj02_round_trip_inside_china_is_exact_to_1e_7_degrees(
    lat: float, lon: float
) -> None:
    back = gcj02_to_wgs84(*wgs84_to_gcj02(lat, lon))
    assert abs(back[0] - lat) < 1e-7
    assert abs(back[1] - lon) < 1e-7


@given(china_lat, china_lon)
def test_gcj02_wgs84_round_trip_inside_china_is_exact_to_1e_7_degrees(
    lat: float, lon: float
) -> None:
    back = wgs84_to_gcj02(*gcj02_to_wgs84(lat, lon))
    assert abs(back[0] - lat) < 1e-7
    assert abs(back[1] - lon) < 1e-7


@given(china_lat, china_lon)
def test_gcj02_always_moves_a_point_inside_china_by_100_to_700_metres(
    lat: float, lon: float
) -> None:
    shifted = wgs84_to_gcj02(lat, lon)
    assert 50.0 < haversine_m(lat, lon, *shifted) < 1000.0


@given(outside_china)
def test_conversion_is_identity_outside_china(lat_lon: tuple[float, float]) -> None:
    assert wgs84_to_gcj02(*lat_lon) == lat_lon
    assert gcj02_to_wgs84(*lat_lon) == lat_lon


def test_to_wgs84_keeps_a_wgs84_point_and_converts_a_gcj02_point() -> None:
    assert to_wgs84(TIANANMEN) is TIANANMEN
    gcj = Point(31.17530398364597, 121.531541859215, Datum.GCJ02)
    wgs = to_wgs84(gcj)
    assert wgs.datum is Datum.WGS84
    assert (wgs.latitude, wgs.longitude) == pytest.approx((31.1774276, 121.5272106), abs=1e-7)


# --- distances ----------------------------------------------------------------------------------


def test_beijing_to_shanghai_is_about_1067_km_geodesic() -> None:
    assert 1_066_000.0 < distance_m(TIANANMEN, PEOPLES_SQUARE) < 1_070_000.0


def test_distance_converts_both_points_to_wgs84_before_measuring() -> None:
    gcj = Point(39.91334545536069, 116.38404722455657, Datum.GCJ02)
    wgs = Point(39.911954, 116.377817, Datum.WGS84)  # the same place
    naive = haversine_m(wgs.latitude, wgs.longitude, gcj.latitude, gcj.longitude)
    assert 500.0 < naive < 600.0
    assert distance_m(wgs, gcj) < 0.05
    assert distance_m(gcj, wgs) < 0.05


@given(china_points, china_points)
def test_distance_is_symmetric(a: Point, b: Point) -> None:
    assert distance_m(a, b) == pytest.approx(distance_m(b, a), rel=1e-9, abs=1e-6)


@given(china_points)
def test_distance_from_a_point_to_itself_is_zero(a: Point) -> None:
    assert distance_m(a, a) == pytest.approx(0.0, abs=1e-6)


@given(china_points, any_datum)
def test_distance_between_one_place_in_two_datums_is_zero(a: Point, datum: Datum) -> None:
    wgs = to_wgs84(a)
    same = (
        wgs if datum is Datum.WGS84 else Point(*wgs84_to_gcj02(wgs.latitude, wgs.longitude), datum)
    )
    assert distance_m(a, same) < 0.05


@given(china_points, china_points, china_points)
def test_distance_satisfies_the_triangle_inequality(a: Point, b: Point, c: Point) -> None:
    assert distance_m(a, c) <= distance_m(a, b) + distance_m(b, c) + 1e-3


@given(
    china_lat,
    china_lon,
    st.floats(min_value=-0.3, max_value=0.3),
    st.floats(min_value=-0.3, max_value=0.3),
)
def test_haversine_is_within_half_a_percent_of_geodesic_at_city_scale(
    lat: float, lon: float, d_lat: float, d_lon: float
) -> None:
    a = Point(lat, lon, Datum.WGS84)
    b = Point(lat + d_lat, lon + d_lon, Datum.WGS84)
    geodesic_m = distance_m(a, b)
    if geodesic_m < 10.0:
        return
    assert haversine_m(a.latitude, a.longitude, b.latitude, b.longitude) == pytest.approx(
        geodesic_m, rel=0.005
    )


def test_haversine_beijing_to_shanghai_is_within_half_a_percent_of_geodesic() -> None:
    spherical = haversine_m(
        TIANANMEN.latitude, TIANANMEN.longitude, PEOPLES_SQUARE.latitude, PEOPLES_SQUARE.longitude
    )
    assert spherical == pytest.approx(distance_m(TIANANMEN, PEOPLES_SQUARE), rel=0.005)
