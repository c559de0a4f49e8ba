"""Travel allowance (entente art. 20), computed by hand.

The km rate here, 0.50 $/km, is a test figure chosen for easy arithmetic, not the Treasury
Board rate (which the lawyer enters).
"""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawyer_billing.domain.travel import (
    TravelBasis,
    TravelCap,
    TravelInputError,
    Trip,
    travel_allowance,
)

RATE = Decimal("0.50")
DAY = date(2024, 6, 3)


def _trip(km, destination_km, basis=TravelBasis.IN_DISTRICT, **extra):
    return Trip(DAY, Decimal(km), Decimal(destination_km), basis, **extra)


def test_destination_at_exactly_25_km_gives_nothing_not_even_parking_art_20_al_1():
    result = travel_allowance(_trip("50", "25", parking=Decimal("10.00")), RATE)
    assert (result.amount, result.km_paid, result.parking) == (
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("0.00"),
    )
    assert result.rules == ("art. 20 al. 1 (rayon de 25 km : aucune indemnité)",)


def test_destination_at_25_1_km_is_paid_on_km_travelled_art_20_1():
    """50.2 km travelled x 0.50 = 25.10."""
    result = travel_allowance(_trip("50.2", "25.1"), RATE)
    assert (result.amount, result.km_paid, result.rate) == (Decimal("25.10"), Decimal("50.2"), RATE)
    assert result.rules == ("art. 20 1°",)
    assert result.capped_by == ()


def test_within_25_km_needs_no_rate_art_20_al_1():
    result = travel_allowance(_trip("40", "20"), None)
    assert result.amount == Decimal("0.00")
    assert result.findings == ()


@pytest.mark.parametrize(
    ("km", "amount", "km_paid", "capped"),
    [
        # 200 km x 0.50 = 100.00: at the cap, not capped
        ("200", "100.00", "200", ()),
        # 200.1 km: capped to 200 km = 100.00
        ("200.1", "100.00", "200", (TravelCap.KM_200,)),
        ("350", "100.00", "200", (TravelCap.KM_200,)),
        # 199.9 x 0.50 = 99.95
        ("199.9", "99.95", "199.9", ()),
    ],
)
def test_outside_district_is_capped_at_200_km_art_20_2(km, amount, km_paid, capped):
    result = travel_allowance(_trip(km, "80", TravelBasis.OUTSIDE_DISTRICT), RATE)
    assert (result.amount, result.km_paid, result.capped_by) == (Decimal(amount), Decimal(km_paid), capped)
    assert result.rules == (("art. 20 2° (plafond 200 km)",) if capped else ("art. 20 2°",))


def test_appeal_court_or_outside_tribunal_is_not_capped_art_20_3():
    """450 km x 0.50 = 225.00."""
    result = travel_allowance(_trip("450", "220", TravelBasis.APPEAL_COURT_OR_OUTSIDE_TRIBUNAL), RATE)
    assert (result.amount, result.capped_by, result.rules) == (Decimal("225.00"), (), ("art. 20 3°",))


def test_office_in_another_district_takes_the_distance_from_the_issuing_place_art_20_3():
    """Office in another district than the issuing centre: the better of 2° (450 km capped to
    200 = 100.00) and the distance from the issuing place (300 km x 0.50 = 150.00): 150.00."""
    result = travel_allowance(
        _trip("450", "220", TravelBasis.APPEAL_COURT_OR_OUTSIDE_TRIBUNAL, alternate_km=Decimal("300")), RATE
    )
    assert (result.amount, result.km_paid, result.capped_by) == (Decimal("150.00"), Decimal("300"), ())
    assert result.rules == ("art. 20 3° (au choix : distance du lieu de délivrance du mandat au tribunal)",)


def test_office_in_another_district_takes_2_when_better_art_20_3():
    """2°: 450 km capped to 200 = 100.00, better than 150 km x 0.50 = 75.00."""
    result = travel_allowance(
        _trip("450", "220", TravelBasis.APPEAL_COURT_OR_OUTSIDE_TRIBUNAL, alternate_km=Decimal("150")), RATE
    )
    assert (result.amount, result.km_paid, result.capped_by) == (
        Decimal("100.00"),
        Decimal("200"),
        (TravelCap.KM_200,),
    )
    assert result.rules == ("art. 20 3° (au choix : indemnité du 2°)", "art. 20 2° (plafond 200 km)")


def test_authorized_trip_is_not_capped_art_20_4():
    """450 km x 0.50 = 225.00."""
    result = travel_allowance(_trip("450", "220", TravelBasis.AUTHORIZED), RATE)
    assert (result.amount, result.capped_by, result.rules) == (Decimal("225.00"), (), ("art. 20 4°",))


def test_parking_is_added_where_an_allowance_is_due_art_20_al_3():
    """60 km x 0.50 = 30.00 + 12.50 parking = 42.50."""
    result = travel_allowance(_trip("60", "30", parking=Decimal("12.50")), RATE)
    assert (result.amount, result.parking) == (Decimal("42.50"), Decimal("12.50"))
    assert result.rules == ("art. 20 1°", "art. 20 al. 3 (stationnement)")


@pytest.mark.parametrize(
    ("actual_cost", "amount", "capped"),
    [
        ("42.51", "42.50", ()),
        ("42.50", "42.50", ()),
        ("42.49", "42.49", (TravelCap.ACTUAL_COST,)),
        ("20.00", "20.00", (TravelCap.ACTUAL_COST,)),
    ],
)
def test_allowance_and_parking_never_exceed_actual_cost_art_20_al_4(actual_cost, amount, capped):
    """Allowance 30.00 + parking 12.50 = 42.50, against the actual transport cost."""
    result = travel_allowance(
        _trip("60", "30", parking=Decimal("12.50"), actual_cost=Decimal(actual_cost)), RATE
    )
    assert (result.amount, result.capped_by) == (Decimal(amount), capped)
    assert ("art. 20 al. 4 (plafond des frais réels)" in result.rules) == bool(capped)


def test_km_times_rate_is_rounded_half_up_to_the_cent():
    """33.3 km x 0.415 = 13.8195 -> 13.82."""
    assert travel_allowance(_trip("33.3", "30"), Decimal("0.415")).amount == Decimal("13.82")


def test_missing_km_rate_is_a_finding_and_no_amount_art_20():
    result = travel_allowance(_trip("60", "30", parking=Decimal("12.50")), None)
    assert result.amount is None
    assert result.rate is None
    assert result.km_paid == Decimal("60")
    (finding,) = result.findings
    assert finding.code == "km_rate_missing"
    assert "2024-06-03" in finding.message_fr


def test_negative_distance_is_refused():
    with pytest.raises(TravelInputError, match="Déplacement du 2024-06-03"):
        travel_allowance(_trip("-1", "30"), RATE)


_decimals = st.integers(min_value=0, max_value=100_000).map(lambda n: Decimal(n) / 10)
_cents = st.integers(min_value=0, max_value=100_000).map(lambda n: Decimal(n) / 100)


@given(
    km=_decimals,
    destination_km=_decimals,
    basis=st.sampled_from(TravelBasis),
    parking=st.none() | _cents,
    actual_cost=st.none() | _cents,
    alternate_km=st.none() | _decimals,
    rate=st.integers(min_value=0, max_value=2000).map(lambda n: Decimal(n) / 1000),
)
def test_allowance_is_never_negative_nor_above_actual_cost_art_20(
    km, destination_km, basis, parking, actual_cost, alternate_km, rate
):
    result = travel_allowance(Trip(DAY, km, destination_km, basis, parking, actual_cost, alternate_km), rate)
    assert result.amount >= 0
    if actual_cost is not None:
        assert result.amount <= actual_cost
    if basis is TravelBasis.OUTSIDE_DISTRICT:
        assert result.km_paid <= 200
