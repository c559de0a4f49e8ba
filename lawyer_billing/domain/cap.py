"""The 140 000 $ yearly threshold above which fees are reduced by 35 % (entente art. 22).

Art. 22: « Lorsque les mandats émis au nom d'un avocat pendant un exercice financier donné
lui ont généré des honoraires dont la somme excède 140 000 $ les honoraires qui lui sont
payables pour les services qu'il rend dans le cadre de ces mandats et qui excèdent ce
montant sont réduits de 35%. »

Only the part of the fees beyond 140 000 $ is reduced; the fee line that crosses the
threshold is reduced on its excess only. The fiscal year runs from 1 April to 31 March.
Which fiscal year a fee counts in is disputed, so it is a setting (``CapAttribution``).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from itertools import pairwise

from lawyer_billing.domain.money import ZERO, money, round_cents

ARTICLE = "entente art. 22"
THRESHOLD = money("140000")
REDUCTION_RATE = Decimal("0.35")
ALERT_LEVELS = (50, 75, 90, 100)


class CapInputError(ValueError):
    """Fee lines or prior totals that cannot be right (negative, out of order, bad year)."""


class CapAttribution(Enum):
    """Which date puts a fee in a fiscal year, with the French explanation shown in settings."""

    SERVICE_DATE = "service_date"
    MANDATE_DATE = "mandate_date"

    @property
    def explanation_fr(self) -> str:
        return _EXPLANATIONS[self]


_EXPLANATIONS = {
    CapAttribution.SERVICE_DATE: (
        "Date des services rendus (par défaut) : les honoraires comptent dans l'exercice où les "
        "services ont été rendus, quelle que soit la date du mandat ou de la facture. C'est ce "
        "qu'a jugé la Cour supérieure le 10 janvier (juge Horia Bundaru) dans le litige "
        "Commission des services juridiques c. Bérubé-Bouchard, selon Droit-inc, « Aide "
        "juridique : le service rendu prime sur le mandat »."
    ),
    CapAttribution.MANDATE_DATE: (
        "Date d'émission du mandat : tous les honoraires d'un mandat comptent dans l'exercice où "
        "le mandat a été émis. C'est la lecture de la Commission des services juridiques, qui "
        "s'appuie sur les mots « les mandats émis au nom d'un avocat pendant un exercice "
        "financier donné » (entente art. 22); la Cour supérieure l'a écartée dans le litige "
        "Commission des services juridiques c. Bérubé-Bouchard."
    ),
}


@dataclass(frozen=True)
class FeeLine:
    """A fee already computed by the line rules, counted toward the threshold."""

    line_id: str
    service_date: date
    mandate_issued: date
    amount: Decimal


@dataclass(frozen=True)
class LineReduction:
    line_id: str
    fiscal_year: str
    amount: Decimal
    reduction: Decimal

    @property
    def payable(self) -> Decimal:
        return self.amount - self.reduction


@dataclass(frozen=True)
class FiscalYearTotal:
    """One fiscal year: fees counted before these lines, fees of these lines, and the reduction."""

    fiscal_year: str
    fees_before: Decimal
    fees: Decimal
    reduction: Decimal

    @property
    def generated(self) -> Decimal:
        return self.fees_before + self.fees


@dataclass(frozen=True)
class CapResult:
    lines: tuple[LineReduction, ...]
    years: tuple[FiscalYearTotal, ...]
    total_reduction: Decimal


@dataclass(frozen=True)
class CapProjection:
    """Where a fiscal year stands against the threshold; ``ratio`` is 1 at the threshold."""

    remaining_room: Decimal
    ratio: Decimal
    alerts_reached: tuple[int, ...]


def fiscal_year_of(day: date) -> str:
    """The fiscal year (1 April - 31 March) holding ``day``, e.g. ``"2024-2025"``."""
    first = day.year if day.month >= 4 else day.year - 1
    return f"{first}-{first + 1}"


def apply_cap(
    lines: Sequence[FeeLine],
    fees_before: Mapping[str, Decimal],
    attribution: CapAttribution = CapAttribution.SERVICE_DATE,
) -> CapResult:
    """The art. 22 reduction of each fee line, in the order the lines were generated.

    ``lines`` are fees (« honoraires ») only, after the line rules: the caller leaves out
    disbursements (art. 19), travel allowances (art. 20) and the tariff's reimbursements of
    expenses, which are not fees (T19 and T192, 11 $ for copies and postage; T101,
    photocopies at 0,10 $ a page). They must be in chronological order of service date;
    ``fees_before`` gives, per fiscal year (``"2024-2025"``), the fees already generated
    before them.

    Each line's reduction is 35 % of its part beyond 140 000 $, rounded half-up to the cent;
    the total is the sum of the lines' reductions, so it may differ from 35 % of the year's
    excess by at most a cent per reduced line.
    """
    _check(lines, fees_before)
    generated = {year: money(amount) for year, amount in fees_before.items()}
    # each year's totals are added up as its lines come (a pass over every line per year made
    # the cap grow with lines × years: a large practice has both)
    amounts: dict[str, Decimal] = {}
    reduced: dict[str, Decimal] = {}
    reductions = []
    for line in lines:
        year = fiscal_year_of(
            line.service_date if attribution is CapAttribution.SERVICE_DATE else line.mandate_issued
        )
        before = generated.get(year, ZERO)
        after = before + line.amount
        excess = max(ZERO, after - max(before, THRESHOLD))
        reduction = LineReduction(line.line_id, year, line.amount, round_cents(excess * REDUCTION_RATE))
        reductions.append(reduction)
        generated[year] = after
        amounts[year] = amounts.get(year, ZERO) + reduction.amount
        reduced[year] = reduced.get(year, ZERO) + reduction.reduction
    years = tuple(
        FiscalYearTotal(year, money(fees_before.get(year, ZERO)), amounts[year], reduced[year])
        for year in sorted(amounts)
    )
    return CapResult(tuple(reductions), years, sum(reduced.values(), ZERO))


def cap_projection(
    paid: Decimal, billed_unpaid: Decimal, unbilled: Decimal, threshold: Decimal = THRESHOLD
) -> CapProjection:
    """How close a fiscal year's fees (paid, billed, still to bill) are to the threshold.

    Alerts are the levels among 50, 75, 90 and 100 % of the threshold already reached, so the
    lawyer sees the reduction of art. 22 coming before a statement is filed.
    """
    if min(paid, billed_unpaid, unbilled) < 0 or threshold <= 0:
        raise CapInputError("Les honoraires doivent être positifs et le seuil plus grand que zéro.")
    generated = paid + billed_unpaid + unbilled
    ratio = generated / threshold
    return CapProjection(
        remaining_room=max(ZERO, threshold - generated),
        ratio=ratio,
        alerts_reached=tuple(level for level in ALERT_LEVELS if ratio * 100 >= level),
    )


def _check(lines: Sequence[FeeLine], fees_before: Mapping[str, Decimal]) -> None:
    for year, amount in fees_before.items():
        first, _, second = year.partition("-")
        if not (first.isdigit() and second.isdigit() and len(first) == 4 and int(second) == int(first) + 1):
            raise CapInputError(f"« {year} » n'est pas un exercice financier de la forme 2024-2025.")
        if amount < 0:
            raise CapInputError(f"Les honoraires déjà générés en {year} ne peuvent pas être négatifs.")
    for previous, line in pairwise(lines):
        if line.service_date < previous.service_date:
            raise CapInputError(
                f"La ligne {line.line_id} est antérieure à la ligne {previous.line_id} : "
                "les lignes doivent suivre l'ordre chronologique des services."
            )
    for line in lines:
        if line.amount < 0:
            raise CapInputError(f"Le montant de la ligne {line.line_id} ne peut pas être négatif.")
