"""Juridical days and computation of time, CPP arts. 17-18: every expected date is worked out by
hand from the text (day 0 is the starting day, not counted; the last day is counted; a last
day on a Saturday or a holiday moves to the next juridical day)."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawyer_billing.domain.calendar import (
    CalendarError,
    add_days,
    add_months,
    add_years,
    easter_sunday,
    holidays,
    is_juridical_day,
    next_juridical_day,
    period_end,
)


def sundays_of(year: int) -> set[date]:
    day = date(year, 1, 1)
    found = set()
    while day.year == year:
        if day.weekday() == 6:
            found.add(day)
        day += timedelta(days=1)
    return found


# --- Easter, and art. 18 (3) Good Friday and (4) Easter Monday -------------------------------

EASTER = {
    2008: date(2008, 3, 23),
    2019: date(2019, 4, 21),
    2024: date(2024, 3, 31),
    2025: date(2025, 4, 20),
    2026: date(2026, 4, 5),
    2027: date(2027, 3, 28),
    2038: date(2038, 4, 25),
}


@pytest.mark.parametrize("year, easter", EASTER.items())
def test_easter_sunday_matches_the_published_tables(year, easter):
    assert easter_sunday(year) == easter


@pytest.mark.parametrize(
    "year, good_friday, easter_monday",
    [
        (2008, date(2008, 3, 21), date(2008, 3, 24)),
        (2019, date(2019, 4, 19), date(2019, 4, 22)),
        (2024, date(2024, 3, 29), date(2024, 4, 1)),
        (2025, date(2025, 4, 18), date(2025, 4, 21)),
        (2026, date(2026, 4, 3), date(2026, 4, 6)),
        (2027, date(2027, 3, 26), date(2027, 3, 29)),
        (2038, date(2038, 4, 23), date(2038, 4, 26)),
    ],
)
def test_good_friday_and_easter_monday_are_holidays_art_18_3_and_4(year, good_friday, easter_monday):
    listed = holidays(year)
    assert good_friday in listed and easter_monday in listed
    assert good_friday - timedelta(days=1) not in listed  # Holy Thursday is a working day


def test_easter_outside_the_gregorian_calendar_is_refused():
    with pytest.raises(CalendarError, match="grégorien"):
        easter_sunday(1582)


# --- The full list of art. 18 ----------------------------------------------------------------

NAMED_HOLIDAYS = {
    # (2) 1-2 Jan, (3) Good Friday, (4) Easter Monday, (5) Monday preceding 25 May, (6) 24 June,
    # (7) 1 July (2 July when 1 July is a Sunday), (8) first Monday of September,
    # (9) second Monday of October, (10) 25-26 Dec.
    2024: {
        date(2024, 1, 1), date(2024, 1, 2), date(2024, 3, 29), date(2024, 4, 1),
        date(2024, 5, 20), date(2024, 6, 24), date(2024, 7, 1), date(2024, 9, 2),
        date(2024, 10, 14), date(2024, 12, 25), date(2024, 12, 26),
    },
    2025: {
        date(2025, 1, 1), date(2025, 1, 2), date(2025, 4, 18), date(2025, 4, 21),
        date(2025, 5, 19), date(2025, 6, 24), date(2025, 7, 1), date(2025, 9, 1),
        date(2025, 10, 13), date(2025, 12, 25), date(2025, 12, 26),
    },
    2026: {
        date(2026, 1, 1), date(2026, 1, 2), date(2026, 4, 3), date(2026, 4, 6),
        date(2026, 5, 18), date(2026, 6, 24), date(2026, 7, 1), date(2026, 9, 7),
        date(2026, 10, 12), date(2026, 12, 25), date(2026, 12, 26),
    },
    # Easter 2029 is 1 April. 24 June 2029 is a Sunday and 1 July 2029 is a Sunday.
    2029: {
        date(2029, 1, 1), date(2029, 1, 2), date(2029, 3, 30), date(2029, 4, 2),
        date(2029, 5, 21), date(2029, 6, 24), date(2029, 7, 2), date(2029, 9, 3),
        date(2029, 10, 8), date(2029, 12, 25), date(2029, 12, 26),
    },
}


@pytest.mark.parametrize("year, named", NAMED_HOLIDAYS.items())
def test_holidays_are_exactly_the_art_18_list_and_every_sunday(year, named):
    assert holidays(year) == frozenset(named | sundays_of(year))


def test_art_18_7_july_2_replaces_july_1_when_it_is_a_sunday_2029():
    listed = holidays(2029)
    assert date(2029, 7, 1).weekday() == 6
    assert date(2029, 7, 2) in listed
    assert date(2029, 7, 3) not in listed


def test_art_18_7_july_2_is_a_working_day_when_july_1_is_not_a_sunday_2025():
    assert date(2025, 7, 2) not in holidays(2025)


def test_art_18_6_june_24_on_a_sunday_has_no_observed_day_2029():
    assert date(2029, 6, 24) in holidays(2029)
    assert date(2029, 6, 25) not in holidays(2029)
    assert is_juridical_day(date(2029, 6, 25))


def test_art_18_2_no_observed_new_year_in_2028():
    # 1 January 2028 is a Saturday, 2 January a Sunday: art. 18 gives no replacement day.
    assert date(2028, 1, 3) not in holidays(2028)


def test_art_18_5_monday_preceding_may_25_when_may_25_is_a_monday_2026():
    assert date(2026, 5, 25).weekday() == 0
    assert date(2026, 5, 18) in holidays(2026)
    assert date(2026, 5, 25) not in holidays(2026)


def test_art_18_saturdays_are_not_holidays():
    assert date(2025, 3, 15) not in holidays(2025)


def test_art_18_11_days_added_by_the_user_only_count_in_their_year():
    added = [date(2025, 3, 17), date(2026, 3, 16)]
    assert date(2025, 3, 17) in holidays(2025, added)
    assert date(2026, 3, 16) not in holidays(2025, added)
    assert date(2025, 3, 17) not in holidays(2025)


# --- Juridical days (art. 17: a period never ends on a Saturday or a holiday) -----------------


@pytest.mark.parametrize(
    "day, juridical",
    [
        (date(2025, 3, 14), True),  # Friday
        (date(2025, 3, 15), False),  # Saturday, art. 17
        (date(2025, 3, 16), False),  # Sunday, art. 18 (1)
        (date(2025, 3, 17), True),  # Monday
        (date(2025, 9, 1), False),  # Labour Day, art. 18 (8)
    ],
)
def test_is_juridical_day_art_17_and_18(day, juridical):
    assert is_juridical_day(day) is juridical


def test_is_juridical_day_with_a_day_added_by_the_user_art_18_11():
    assert not is_juridical_day(date(2025, 3, 17), extra=[date(2025, 3, 17)])


def test_next_juridical_day_is_the_day_itself_when_juridical():
    assert next_juridical_day(date(2025, 3, 14)) == date(2025, 3, 14)


@pytest.mark.parametrize(
    "day, expected",
    [
        # Saturday -> Sunday -> Labour Day Monday -> Tuesday (art. 17, art. 18 (1) and (8))
        (date(2025, 8, 30), date(2025, 9, 2)),
        # Good Friday -> Saturday -> Easter Sunday -> Easter Monday -> Tuesday (art. 18 (3), (4))
        (date(2025, 4, 18), date(2025, 4, 22)),
        # Saturday 24 Dec -> Sunday 25 -> Monday 26 Dec -> Tuesday 27 (art. 18 (10))
        (date(2022, 12, 24), date(2022, 12, 27)),
        # Saturday 31 Dec -> Sunday 1 Jan -> Monday 2 Jan -> Tuesday 3 Jan (art. 18 (2))
        (date(2022, 12, 31), date(2023, 1, 3)),
        # Thursday 1 Jan -> Friday 2 Jan -> Saturday -> Sunday -> Monday 5 Jan
        (date(2026, 1, 1), date(2026, 1, 5)),
    ],
)
def test_next_juridical_day_follows_chains_of_non_juridical_days(day, expected):
    assert next_juridical_day(day) == expected


# --- Period arithmetic, art. 17 ---------------------------------------------------------------


def test_add_days_does_not_count_the_starting_day_art_17():
    # Day 0 is 1 January; day 1 is 2 January; day 30 is 31 January.
    assert add_days(date(2025, 1, 1), 30) == date(2025, 1, 31)
    assert add_days(date(2025, 1, 31), 1) == date(2025, 2, 1)


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2025, 3, 15), 1, date(2025, 4, 15)),
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # leap year
        (date(2024, 8, 31), 6, date(2025, 2, 28)),  # common year
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), 1, date(2024, 4, 30)),
        (date(2024, 11, 30), 3, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
    ],
)
def test_add_months_keeps_the_day_or_clamps_to_the_month_end(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    "start, years, expected",
    [
        (date(2024, 2, 29), 1, date(2025, 2, 28)),
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2024, 2, 28), 1, date(2025, 2, 28)),
        (date(2024, 5, 15), 3, date(2027, 5, 15)),
    ],
)
def test_add_years(start, years, expected):
    assert add_years(start, years) == expected


PERIODS_ENDING_ON_A_NON_JURIDICAL_DAY = [
    # (start, days, expected last day, what the raw last day is)
    (date(2025, 3, 5), 9, date(2025, 3, 14), "Friday 14 March: stays"),
    (date(2025, 3, 5), 10, date(2025, 3, 17), "Saturday 15 March, art. 17 -> Monday"),
    (date(2025, 3, 6), 10, date(2025, 3, 17), "Sunday 16 March, art. 18 (1) -> Monday"),
    (date(2024, 12, 22), 9, date(2024, 12, 31), "Tuesday 31 Dec: stays"),
    (date(2024, 12, 22), 10, date(2025, 1, 3), "1 Jan, then 2 Jan, art. 18 (2) -> Friday 3 Jan"),
    (date(2025, 4, 8), 9, date(2025, 4, 17), "Holy Thursday: stays"),
    (date(2025, 4, 8), 10, date(2025, 4, 22), "Good Friday to Easter Monday, art. 18 (3)-(4)"),
    (date(2025, 5, 9), 7, date(2025, 5, 16), "Friday 16 May: stays"),
    (date(2025, 5, 9), 10, date(2025, 5, 20), "Monday 19 May preceding 25 May, art. 18 (5)"),
    (date(2025, 6, 14), 9, date(2025, 6, 23), "Monday 23 June: stays"),
    (date(2025, 6, 14), 10, date(2025, 6, 25), "24 June, art. 18 (6)"),
    (date(2025, 6, 21), 9, date(2025, 6, 30), "Monday 30 June: stays"),
    (date(2025, 6, 21), 10, date(2025, 7, 2), "1 July, art. 18 (7)"),
    (date(2029, 6, 22), 7, date(2029, 6, 29), "Friday 29 June 2029: stays"),
    (date(2029, 6, 22), 9, date(2029, 7, 3), "Sunday 1 July 2029 then 2 July, art. 18 (7)"),
    (date(2029, 6, 22), 10, date(2029, 7, 3), "Monday 2 July 2029, art. 18 (7)"),
    (date(2025, 8, 22), 7, date(2025, 8, 29), "Friday 29 August: stays"),
    (date(2025, 8, 22), 10, date(2025, 9, 2), "Labour Day 1 September, art. 18 (8)"),
    (date(2025, 10, 3), 7, date(2025, 10, 10), "Friday 10 October: stays"),
    (date(2025, 10, 3), 10, date(2025, 10, 14), "Thanksgiving 13 October, art. 18 (9)"),
    (date(2025, 12, 15), 9, date(2025, 12, 24), "Wednesday 24 Dec: stays"),
    (date(2025, 12, 15), 10, date(2025, 12, 29), "25-26 Dec, art. 18 (10), then the weekend"),
]


@pytest.mark.parametrize("start, days, expected, why", PERIODS_ENDING_ON_A_NON_JURIDICAL_DAY)
def test_period_end_moves_to_the_next_juridical_day_art_17(start, days, expected, why):
    assert period_end(start, days=days) == expected, why


def test_period_end_counts_a_day_added_by_the_user_art_18_11():
    # Raw last day Saturday 15 March 2025; Monday 17 March proclaimed a holiday -> Tuesday 18.
    assert period_end(date(2025, 3, 5), days=10, extra=[date(2025, 3, 17)]) == date(2025, 3, 18)
    assert period_end(date(2025, 3, 5), days=10) == date(2025, 3, 17)


def test_period_end_in_months_clamps_then_moves_art_17():
    assert period_end(date(2023, 8, 31), months=6) == date(2024, 2, 29)  # Thursday
    assert period_end(date(2024, 8, 31), months=6) == date(2025, 2, 28)  # Friday
    # 28 February 2026 is a Saturday -> Monday 2 March 2026.
    assert period_end(date(2025, 8, 31), months=6) == date(2026, 3, 2)


def test_period_end_adds_years_and_months_before_clamping_once():
    # 31 January 2024 + 13 months = 28 February 2025 (Friday), not 29 -> 28 twice.
    assert period_end(date(2024, 1, 31), years=1, months=1) == date(2025, 2, 28)


def test_period_end_refuses_a_negative_length():
    with pytest.raises(CalendarError, match="négative"):
        period_end(date(2025, 1, 1), days=-1)


# --- Properties -------------------------------------------------------------------------------

starts = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
added_days = st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), max_size=5)


@given(starts, st.integers(0, 400), st.integers(0, 60), st.integers(0, 5), added_days)
def test_a_period_never_ends_on_a_saturday_a_sunday_or_a_holiday(start, days, months, years, extra):
    end = period_end(start, days=days, months=months, years=years, extra=extra)
    assert end.weekday() not in (5, 6)
    assert end not in holidays(end.year, extra)


@given(starts, st.integers(0, 400), st.integers(0, 60), st.integers(0, 5))
def test_a_period_ends_on_or_at_most_four_days_after_its_raw_end(start, days, months, years):
    raw_end = add_days(add_months(start, 12 * years + months), days)
    end = period_end(start, days=days, months=months, years=years)
    # The longest statutory chain is Good Friday, Saturday, Easter Sunday, Easter Monday.
    assert raw_end <= end <= raw_end + timedelta(days=4)


@given(starts, st.integers(-240, 240))
def test_add_months_never_lands_after_the_month_end(start, months):
    end = add_months(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    next_month_first = add_months(date(end.year, end.month, 1), 1)
    assert end < next_month_first
    assert end.day == start.day or end.day < start.day and end + timedelta(days=1) == next_month_first


@given(starts, added_days)
def test_next_juridical_day_skips_only_non_juridical_days(day, extra):
    found = next_juridical_day(day, extra)
    assert is_juridical_day(found, extra)
    skipped = (day + timedelta(days=n) for n in range((found - day).days))
    assert not any(is_juridical_day(d, extra) for d in skipped)


@given(st.integers(1990, 2100))
def test_every_sunday_and_at_most_eleven_other_days_are_holidays_art_18(year):
    listed = holidays(year)
    assert sundays_of(year) <= listed
    assert len(listed - sundays_of(year)) <= 11
