"""Juridical days and the computation of time of the Code of Penal Procedure (CPP arts. 17-18).

Every deadline of the application (the entente's billing deadlines and the penal deadlines a
defence lawyer tracks) is computed here, so that one reading of the statute applies everywhere:

- CPP art. 17: "the day which marks the start of the period is not counted but [...] the
  terminal day is counted. Saturdays and holidays are counted, but when the last day is a
  Saturday or a holiday, the period is extended to the next following working day"
  (FR: "le délai qui expirerait normalement un tel jour est prolongé jusqu'au premier jour
  juridique suivant").
- CPP art. 18: the list of holidays ("jours non juridiques"), Sundays included.

Saturday is not in the art. 18 list, yet art. 17 extends a period that would end on one. Both
texts therefore agree that a period never ends on a Saturday: ``is_juridical_day`` answers
"may a period end on this day?" and says no for Saturdays. (Read literally, the 2015 French
text would move a period ending on Good Friday to the Saturday, which is itself "un tel jour"
and moves again: the result is the same.)

Art. 18 (11) adds "any other day fixed by proclamation or order of the Government": the user
enters those, and every function takes them as ``extra`` (never global state).
"""

from calendar import monthrange
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

SATURDAY = 5
SUNDAY = 6
MONDAY = 0

# The Gregorian rules behind ``easter_sunday`` hold from 1583 on.
FIRST_GREGORIAN_YEAR = 1583

# The years a date given to the application may have, typed in a form (``typed_input``) or
# read from a ``compute`` scenario: a year 1 or 20240 is a typo, and dates far outside any
# mandate would only reach the edges of the calendar (art. 18 needs the Gregorian Easter, and
# a 3-year period must stay within year 9999).
FIRST_YEAR, LAST_YEAR = 1900, 2999


class CalendarError(ValueError):
    """A period or a year that the computation of time cannot accept."""


def easter_sunday(year: int) -> date:
    """Easter Sunday of ``year`` (anonymous Gregorian algorithm, Meeus/Jones/Butcher).

    CPP art. 18 (3) and (4) fix Good Friday and Easter Monday from it.
    """
    if not FIRST_GREGORIAN_YEAR <= year <= date.max.year:
        raise CalendarError(
            f"L'année {year} est hors du calendrier grégorien pris en charge "
            f"({FIRST_GREGORIAN_YEAR} à {date.max.year})."
        )
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_monday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(MONDAY - first.weekday()) % 7 + 7 * (n - 1))


@lru_cache(maxsize=64)
def _statutory_holidays(year: int) -> frozenset[date]:
    """The holidays CPP art. 18 (1) to (10) names for ``year``, Sundays included."""
    easter = easter_sunday(year)
    may_25 = date(year, 5, 25)
    july_1 = date(year, 7, 1)
    named = {
        date(year, 1, 1),  # (2)
        date(year, 1, 2),  # (2)
        easter - timedelta(days=2),  # (3) Good Friday
        easter + timedelta(days=1),  # (4) Easter Monday
        may_25 - timedelta(days=may_25.weekday() or 7),  # (5) the Monday *preceding* 25 May
        date(year, 6, 24),  # (6), with no "observed" day when it is a Sunday
        july_1 + timedelta(days=1) if july_1.weekday() == SUNDAY else july_1,  # (7)
        _nth_monday(year, 9, 1),  # (8)
        _nth_monday(year, 10, 2),  # (9)
        date(year, 12, 25),  # (10)
        date(year, 12, 26),  # (10)
    }
    first_sunday = date(year, 1, 1) + timedelta(days=(SUNDAY - date(year, 1, 1).weekday()) % 7)
    weeks = (date(year, 12, 31) - first_sunday).days // 7 + 1
    sundays = {first_sunday + timedelta(weeks=w) for w in range(weeks)}  # (1)
    return frozenset(named | sundays)


def holidays(year: int, extra: Iterable[date] = ()) -> frozenset[date]:
    """Every holiday of ``year`` under CPP art. 18, with the days the user added (art. 18 (11)).

    Sundays are in the set (art. 18 (1)); Saturdays are not (see the module docstring).
    Added days that fall in another year are left out.
    """
    return _statutory_holidays(year) | {d for d in extra if d.year == year}


def is_juridical_day(d: date, extra: Iterable[date] = ()) -> bool:
    """Whether a period may end on ``d``: neither a Saturday nor a holiday (CPP arts. 17-18)."""
    return d.weekday() != SATURDAY and d not in _statutory_holidays(d.year) and d not in frozenset(extra)


def next_juridical_day(d: date, extra: Iterable[date] = ()) -> date:
    """``d`` if a period may end on it, else the next day that is neither a Saturday nor a
    holiday (CPP art. 17: "extended to the next following working day")."""
    added = frozenset(extra)
    while not is_juridical_day(d, added):
        d += timedelta(days=1)
    return d


def add_days(start: date, n: int) -> date:
    """The last day of a period of ``n`` days starting on ``start``.

    CPP art. 17: the starting day is not counted and the last day is, so the period ends
    ``n`` calendar days later (10 days from the 1st end on the 11th). Saturdays and holidays
    inside the period are counted.
    """
    return start + timedelta(days=n)


def add_months(start: date, n: int) -> date:
    """The same day number ``n`` months later, or the month's last day when it has no such day.

    A period in months ends on the corresponding day of the last month (the starting day is
    not counted, CPP art. 17): 15 March + 1 month = 15 April; 31 August + 6 months = 28 or
    29 February.
    """
    index = start.year * 12 + start.month - 1 + n
    year, month = divmod(index, 12)
    month += 1
    if not date.min.year <= year <= date.max.year:
        raise CalendarError(f"La période de {n} mois à compter du {start.isoformat()} sort du calendrier.")
    return date(year, month, min(start.day, monthrange(year, month)[1]))


def add_years(start: date, n: int) -> date:
    """The same day ``n`` years later; 29 February becomes 28 February in a common year."""
    return add_months(start, 12 * n)


def period_end(
    start: date,
    *,
    days: int = 0,
    months: int = 0,
    years: int = 0,
    extra: Iterable[date] = (),
) -> date:
    """The last day to act in a period starting on ``start`` (CPP art. 17).

    Years and months are added together first (so that month-end clamping happens once),
    then days; a last day that is a Saturday or a holiday moves to the next juridical day,
    counting the holidays the user added (``extra``).
    """
    if days < 0 or months < 0 or years < 0:
        raise CalendarError("Une période se compte vers l'avant : sa durée ne peut pas être négative.")
    raw_end = add_days(add_months(start, 12 * years + months), days)
    return next_juridical_day(raw_end, extra)
