"""Interest on a statement of fees paid late (entente art. 17).

Art. 17: « Tout montant dû et non acquitté sur un relevé d'honoraires, complété conformément
à la loi et à la présente entente, porte, 30 jours après sa réception [...], un intérêt
annuel. Ce taux d'intérêt est égal aux taux d'escompte de la Banque du Canada en vigueur les
1er avril et 1er octobre de chaque année, augmenté de un et demi pour cent (1,5%). Le taux
ainsi fixé a cours durant les 6 mois suivants. »

How this module reads it:
- The day of receipt is day 0; « 30 jours après sa réception » is ``received + 30 days``, the
  first day bearing interest. A payment made that day owes nothing, since it is within the
  30-day payment delay of art. 15.
- Interest is simple, counted in days actual/365 (a leap year still divides by 365), up to
  the day of payment excluded, or up to ``today`` excluded while unpaid: the amount is what
  has accrued at the start of ``today``, the same as if it were paid today.
- The rate fixed on 1 April runs to 30 September, the one fixed on 1 October to 31 March; a
  period crossing either date is split. A partial payment reduces the principal from its date.
- Each period's amount is computed exactly and rounded half-up to the cent; the total is the
  sum of the rounded periods, so the claim letter that lists each period adds up to its total.
- A semester whose Bank of Canada rate is not known (e.g. one still in the future when the
  table was shipped) is not guessed from the previous one: its period has no rate and no
  amount, a finding says so, and the total leaves it out.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from lawyer_billing.domain.dated import DatedValues
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.money import ZERO, round_cents
from lawyer_billing.domain.rates import load_bank_rates

ARTICLE = "entente art. 17"
PAYMENT_DELAY = timedelta(days=30)
RATE_ABOVE_BANK_RATE = Decimal("1.5")
DAYS_PER_YEAR = Decimal(365)
_HUNDRED = Decimal(100)


class InterestInputError(ValueError):
    """An amount or a payment that cannot be right (negative, before receipt, in the future...)."""


@dataclass(frozen=True)
class Payment:
    """A payment received on a statement, reducing the principal from ``date``."""

    date: date
    amount: Decimal


@dataclass(frozen=True)
class InterestPeriod:
    """Days ``start`` to ``end_exclusive`` at one principal and one annual rate (percent).

    ``annual_rate`` and ``amount`` are ``None`` when the Bank of Canada rate of the semester
    is not known.
    """

    start: date
    end_exclusive: date
    days: int
    principal: Decimal
    annual_rate: Decimal | None
    amount: Decimal | None


@dataclass(frozen=True)
class InterestResult:
    periods: tuple[InterestPeriod, ...]
    total: Decimal
    findings: tuple[Finding, ...]


def first_interest_day(received: date) -> date:
    """The first day bearing interest: the 30th day after receipt (art. 17)."""
    return received + PAYMENT_DELAY


def late_interest(
    principal: Decimal,
    received: date,
    payments: Sequence[Payment],
    today: date,
    bank_rates: DatedValues[Decimal] | None = None,
) -> InterestResult:
    """The interest owed on ``principal`` of a complete statement received on ``received``."""
    _check(principal, received, payments, today)
    bank_rates = bank_rates or load_bank_rates()
    start = first_interest_day(received)
    cuts = sorted(
        {start, max(start, today)}
        | {p.date for p in payments if start < p.date < today}
        | set(_semester_starts_between(start, today))
    )
    periods = []
    findings = []
    for period_start, period_end in pairwise(cuts):
        outstanding = principal - sum((p.amount for p in payments if p.date <= period_start), ZERO)
        if outstanding <= 0:
            break
        days = (period_end - period_start).days
        rate = _annual_rate(bank_rates, period_start)
        if rate is None:
            findings.append(_unknown_rate(period_start, period_end))
            amount = None
        else:
            amount = round_cents(outstanding * rate * days / (_HUNDRED * DAYS_PER_YEAR))
        periods.append(InterestPeriod(period_start, period_end, days, outstanding, rate, amount))
    total = sum((p.amount for p in periods if p.amount is not None), ZERO)
    return InterestResult(tuple(periods), total, tuple(findings))


def semester_start(day: date) -> date:
    """The 1 April or 1 October whose rate is in force on ``day`` (art. 17: for 6 months)."""
    if day.month >= 10:
        return date(day.year, 10, 1)
    if day.month >= 4:
        return date(day.year, 4, 1)
    return date(day.year - 1, 10, 1)


def _semester_starts_between(first: date, last: date) -> list[date]:
    """Every 1 April and 1 October strictly after ``first`` and strictly before ``last``."""
    return [
        boundary
        for year in range(first.year, last.year + 1)
        for boundary in (date(year, 4, 1), date(year, 10, 1))
        if first < boundary < last
    ]


def _annual_rate(bank_rates: DatedValues[Decimal], day: date) -> Decimal | None:
    """Bank rate fixed on the semester's own 1 April or 1 October, plus 1.5 %; never an older one."""
    semester = semester_start(day)
    if bank_rates.effective_on(semester) != semester:
        return None
    bank_rate = bank_rates.at(semester)
    return None if bank_rate is None else bank_rate + RATE_ABOVE_BANK_RATE


def _unknown_rate(start: date, end_exclusive: date) -> Finding:
    last_day = end_exclusive - timedelta(days=1)
    return Finding(
        code="bank_rate_unknown",
        message_fr=(
            f"Taux d'escompte de la Banque du Canada inconnu pour le semestre commençant le "
            f"{semester_start(start).isoformat()} : l'intérêt du {start.isoformat()} au "
            f"{last_day.isoformat()} n'est pas compté dans le total."
        ),
        article=ARTICLE,
        subject=semester_start(start).isoformat(),
    )


def _check(principal: Decimal, received: date, payments: Sequence[Payment], today: date) -> None:
    if principal < 0:
        raise InterestInputError(f"Le montant dû ({principal} $) ne peut pas être négatif.")
    if today < received:
        raise InterestInputError(
            f"La date du jour ({today.isoformat()}) précède la réception du relevé ({received.isoformat()})."
        )
    for payment in payments:
        if payment.amount <= 0:
            raise InterestInputError(
                f"Le paiement du {payment.date.isoformat()} doit être un montant positif."
            )
        if not received <= payment.date <= today:
            raise InterestInputError(
                f"Le paiement du {payment.date.isoformat()} doit être daté entre la réception du relevé "
                f"({received.isoformat()}) et aujourd'hui ({today.isoformat()})."
            )
    paid = sum((p.amount for p in payments), ZERO)
    if paid > principal:
        raise InterestInputError(f"Les paiements ({paid} $) dépassent le montant dû ({principal} $).")
