"""A sentence as the judge pronounces it, converted to days, and the pre-sentence custody credit.

Guide de calcul des peines (MSP, 2022), « Règles » and « Adéquation de la peine »: every
period is converted to days before any computation. A year is 365 or 366 days and a month
28 to 31 days, so both are counted on the calendar from the day the sentence begins; two
weeks are 14 days; half a month is 15 days, or 14 in February; fractions of a day are
rounded down to the person's advantage, except that a sentence under one day (0.5 day)
counts as one day, to show that a sentence was imposed.

The credit for time spent in custody before sentencing is the guide's A-B-C-D: A the time in
custody, B the sentence the judge would have imposed without it, C the credit granted (at
most 1.5 day per day, art. 719(3.1) C.cr. and R. v. Summers, 2014 SCC 26), D = B - C the
sentence imposed.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from lawyer_billing.domain.calendar import add_months
from lawyer_billing.domain.tools.french_dates import format_date_fr
from lawyer_billing.domain.tools.sentence_errors import (
    InvalidCreditRatioError,
    InvalidDurationError,
)

GUIDE = "Guide de calcul des peines (MSP, 2022)"
ADEQUACY = f"{GUIDE}, « Adéquation de la peine »"
MAXIMUM_CREDIT_RATIO = Decimal("1.5")
DAYS_IN_HALF_MONTH = 15
DAYS_IN_HALF_FEBRUARY = 14


def day_count(value: "Decimal | int", field: str) -> Decimal:
    """An exact number of days; floats are refused because 0.1 day has no exact binary value."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        raise InvalidDurationError(f"{field} : {value!r} n'est pas un nombre de jours exact")
    if not Decimal(value).is_finite() or value < 0:
        raise InvalidDurationError(f"{field} : {value} n'est pas une durée valide")
    return Decimal(value)


def format_days_fr(days: "Decimal | int") -> str:
    """``Decimal("67.5")`` -> ``"67,5"``; whole numbers without decimals."""
    text = format(Decimal(days).normalize(), "f")
    return text.replace(".", ",")


def whole_days(days: Decimal) -> int:
    """Round a number of days the guide's way: down, except that under one day is one day.

    « 0,5 jour à 1 jour; 13,5 jours à 13 jours » (Adéquation de la peine): rounding down
    favours the person, but a sentence was imposed, so it is at least one day.
    """
    if 0 < days < 1:
        return 1
    return int(days)


def months_in_days(start: date, months: int) -> int:
    """How many days ``months`` calendar months from ``start`` last (6 months, 2 years...)."""
    return (add_months(start, months) - start).days


@dataclass(frozen=True)
class SentenceDays:
    """A duration in whole days and how it was converted."""

    days: int
    rule_fr: str


@dataclass(frozen=True)
class SentenceLength:
    """A term as written on the warrant: years, months, half-months, weeks and days.

    ``days`` may hold a fraction (``Decimal("13.5")``); the other parts are whole numbers.
    """

    years: int = 0
    months: int = 0
    half_months: int = 0
    weeks: int = 0
    days: "Decimal | int" = 0

    def __post_init__(self) -> None:
        for field, value in (
            ("Peine (années)", self.years),
            ("Peine (mois)", self.months),
            ("Peine (demi-mois)", self.half_months),
            ("Peine (semaines)", self.weeks),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise InvalidDurationError(f"{field} : {value!r} n'est pas une durée valide")
        day_count(self.days, "Peine (jours)")
        if not (self.years or self.months or self.half_months or self.weeks or self.days):
            raise InvalidDurationError("Peine : une durée nulle n'est pas une peine d'emprisonnement")

    def to_days(self, start: date) -> SentenceDays:
        """Convert on the calendar from ``start``, the day the sentence begins (Adéquation de la peine).

        Years, then months, then half-months, then weeks and days are laid end to end, so a
        half-month falls in February when the months before it end in February.
        """
        parts: list[str] = []
        cursor = start
        if self.years or self.months:
            end = add_months(start, 12 * self.years + self.months)
            parts.append(
                f"{self._calendar_words()} du {format_date_fr(start)} au {format_date_fr(end)}"
                f" = {(end - start).days} jours"
            )
            cursor = end
        for _ in range(self.half_months):
            half = DAYS_IN_HALF_FEBRUARY if cursor.month == 2 else DAYS_IN_HALF_MONTH
            month_fr = " de février" if cursor.month == 2 else ""
            parts.append(f"un demi-mois{month_fr} = {half} jours")
            cursor += timedelta(days=half)
        if self.weeks:
            parts.append(f"{self.weeks} semaine(s) = {7 * self.weeks} jours")
            cursor += timedelta(days=7 * self.weeks)
        fraction = Decimal(self.days)
        if fraction:
            parts.append(f"{format_days_fr(fraction)} jour(s)")
        exact = (cursor - start).days + fraction
        total = whole_days(exact)
        rounding = "" if exact == total else f", {format_days_fr(exact)} arrondi à {total}"
        return SentenceDays(total, f"{' + '.join(parts)} : {total} jours{rounding} ({ADEQUACY})")

    def _calendar_words(self) -> str:
        words = []
        if self.years:
            words.append(f"{self.years} an(s)")
        if self.months:
            words.append(f"{self.months} mois")
        return " et ".join(words)


@dataclass(frozen=True)
class PreSentenceCustody:
    """What the judge credits for custody before sentencing: A days at ``ratio`` day per day."""

    days_in_custody: int
    ratio: Decimal = MAXIMUM_CREDIT_RATIO

    def __post_init__(self) -> None:
        days = self.days_in_custody
        if isinstance(days, bool) or not isinstance(days, int) or days <= 0:
            raise InvalidDurationError(
                f"Détention provisoire : {self.days_in_custody!r} n'est pas un nombre de jours"
                " sous garde valide"
            )
        if isinstance(self.ratio, bool) or not isinstance(self.ratio, (int, Decimal)):
            raise InvalidCreditRatioError(f"Ratio de crédit : {self.ratio!r} n'est pas un nombre exact")
        if not 0 < self.ratio <= MAXIMUM_CREDIT_RATIO:
            raise InvalidCreditRatioError(
                f"Ratio de crédit : {format_days_fr(self.ratio)} jour par jour n'est pas permis"
                " (entre 0 et 1,5 jour par jour, art. 719(3.1) C.cr.)"
            )


@dataclass(frozen=True)
class CustodyCredit:
    """The guide's A-B-C-D, as the warrant must show it (Adéquation de la peine)."""

    time_in_custody: int
    sentence_without_credit: int
    credit_granted: Decimal
    sentence_imposed: int
    rule_fr: str


def apply_custody_credit(without_credit: SentenceDays, custody: PreSentenceCustody) -> CustodyCredit:
    """D = B - C, where C = A x ratio; D is rounded down like any fraction of a day.

    Rounding D down is the same as crediting a half-day in the person's favour.
    """
    credit = custody.days_in_custody * Decimal(custody.ratio)
    remaining = without_credit.days - credit
    if remaining <= 0:
        raise InvalidDurationError(
            f"Détention provisoire : le crédit de {format_days_fr(credit)} jours couvre toute la peine"
            f" de {without_credit.days} jours, il ne reste aucune peine à purger"
        )
    imposed = whole_days(remaining)
    if remaining == imposed:
        imposed_fr = f"{imposed} jours"
    else:
        imposed_fr = f"{format_days_fr(remaining)} jours, arrondi à {imposed} jours"
    return CustodyCredit(
        time_in_custody=custody.days_in_custody,
        sentence_without_credit=without_credit.days,
        credit_granted=credit,
        sentence_imposed=imposed,
        rule_fr=(
            f"A = {custody.days_in_custody} jours sous garde ; B = {without_credit.days} jours ;"
            f" C = {custody.days_in_custody} × {format_days_fr(custody.ratio)}"
            f" = {format_days_fr(credit)} jours ; D = B − C = {imposed_fr} ({ADEQUACY})"
        ),
    )
