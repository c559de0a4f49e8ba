"""The travel allowance of a lawyer using a personal vehicle (entente art. 20).

Art. 20, read paragraph by paragraph:
- al. 1: nothing, not even parking, for a trip within a radius of 25 km of the office
  (a destination at exactly 25 km is within it; 25.1 km exceeds it);
- al. 2: beyond it, the km actually travelled times the Treasury Board's maximum rate for a
  personal vehicle, on one of four bases (``TravelBasis``, 1° to 4°); only 2° is capped, at
  200 km;
- al. 3: where an allowance is due, the parking paid is added;
- al. 4: allowance and parking together never exceed the transport costs actually paid.

The allowance is not a fee: it is never counted toward the threshold of art. 22. The km rate
comes from ``rates.load_km_rates``; when none is in force on the date, the amount is
``None`` with a finding, never zero.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.money import ZERO, round_cents
from lawyer_billing.domain.rates import missing_km_rate

RADIUS_KM = Decimal(25)
OUTSIDE_DISTRICT_MAX_KM = Decimal(200)


class TravelInputError(ValueError):
    """A trip that cannot be right (negative distance or amount)."""


class TravelBasis(Enum):
    """The paragraph of art. 20 al. 2 under which the trip is paid."""

    IN_DISTRICT = "1°"
    """Within the judicial district of the office."""
    OUTSIDE_DISTRICT = "2°"
    """Outside the judicial district of the office: at most 200 km."""
    APPEAL_COURT_OR_OUTSIDE_TRIBUNAL = "3°"
    """Supreme Court, Court of Appeal or Federal Court outside the district, or a tribunal
    sitting outside the district: no cap."""
    AUTHORIZED = "4°"
    """Outside the district with the authorization of the legal aid centre's director
    general, because the case required this lawyer: no cap."""


class TravelCap(Enum):
    KM_200 = "200 km"
    ACTUAL_COST = "frais réels"


@dataclass(frozen=True)
class Trip:
    """One trip: ``km`` actually travelled, ``destination_km`` from the office (the radius).

    ``alternate_km`` is for 3° only, and only when the office is in another judicial district
    than the legal aid centre that issued the mandate: the km figure established from the
    distance between the place the mandate was issued and the seat of the tribunal. Giving it
    says the lawyer is in that case, so 3° « toutefois » applies: the larger of the 2°
    allowance (capped at 200 km) and this figure, instead of the uncapped distance travelled.
    """

    date: date
    km: Decimal
    destination_km: Decimal
    basis: TravelBasis
    parking: Decimal | None = None
    actual_cost: Decimal | None = None
    alternate_km: Decimal | None = None


@dataclass(frozen=True)
class TravelResult:
    """``amount`` is allowance plus parking, after the actual-cost cap; ``None`` without a rate."""

    amount: Decimal | None
    km_paid: Decimal
    rate: Decimal | None
    parking: Decimal
    capped_by: tuple[TravelCap, ...] = ()
    findings: tuple[Finding, ...] = ()
    rules: tuple[str, ...] = ()


def travel_allowance(trip: Trip, km_rate: Decimal | None) -> TravelResult:
    """The allowance for ``trip`` at ``km_rate`` (dollars per km in force on the trip's date)."""
    _check(trip)
    if trip.destination_km <= RADIUS_KM:
        return TravelResult(
            ZERO, ZERO, km_rate, ZERO, rules=("art. 20 al. 1 (rayon de 25 km : aucune indemnité)",)
        )
    km_paid, capped_by, rules = _km_paid(trip)
    parking = trip.parking or ZERO
    if parking:
        rules += ("art. 20 al. 3 (stationnement)",)
    if km_rate is None:
        return TravelResult(None, km_paid, None, parking, capped_by, (missing_km_rate(trip.date),), rules)
    amount = round_cents(km_paid * km_rate) + parking
    if trip.actual_cost is not None and amount > trip.actual_cost:
        amount = round_cents(trip.actual_cost)
        capped_by += (TravelCap.ACTUAL_COST,)
        rules += ("art. 20 al. 4 (plafond des frais réels)",)
    return TravelResult(amount, km_paid, km_rate, parking, capped_by, (), rules)


def _km_paid(trip: Trip) -> tuple[Decimal, tuple[TravelCap, ...], tuple[str, ...]]:
    """The km paid under the trip's basis, the caps applied and the paragraphs used."""
    basis = trip.basis
    if basis is TravelBasis.OUTSIDE_DISTRICT:
        return _outside_district(trip.km)
    if basis is TravelBasis.APPEAL_COURT_OR_OUTSIDE_TRIBUNAL and trip.alternate_km is not None:
        return _office_in_another_district(trip.km, trip.alternate_km)
    return trip.km, (), (f"art. 20 {basis.value}",)


def _outside_district(km: Decimal) -> tuple[Decimal, tuple[TravelCap, ...], tuple[str, ...]]:
    """2°: the distance actually travelled, up to 200 km."""
    if km > OUTSIDE_DISTRICT_MAX_KM:
        return OUTSIDE_DISTRICT_MAX_KM, (TravelCap.KM_200,), ("art. 20 2° (plafond 200 km)",)
    return km, (), ("art. 20 2°",)


def _office_in_another_district(
    km_travelled: Decimal, alternate_km: Decimal
) -> tuple[Decimal, tuple[TravelCap, ...], tuple[str, ...]]:
    """3°, « toutefois »: a lawyer whose office is in another district than the issuing centre
    receives, at his choice, the 2° allowance (capped at 200 km) or one based on the distance
    from where the mandate was issued to the tribunal; the larger is the choice he would make.
    """
    km, capped_by, rules = _outside_district(km_travelled)
    if alternate_km > km:
        return (
            alternate_km,
            (),
            ("art. 20 3° (au choix : distance du lieu de délivrance du mandat au tribunal)",),
        )
    return km, capped_by, ("art. 20 3° (au choix : indemnité du 2°)",) + rules


def _check(trip: Trip) -> None:
    for name, value in (
        ("distance parcourue", trip.km),
        ("distance de l'étude à la destination", trip.destination_km),
        ("frais de stationnement", trip.parking),
        ("frais réels de transport", trip.actual_cost),
        ("distance depuis le lieu de délivrance du mandat", trip.alternate_km),
    ):
        if value is not None and value < 0:
            raise TravelInputError(
                f"Déplacement du {trip.date.isoformat()} : « {name} » ne peut pas être négatif."
            )
