"""Interest on a statement paid late (entente art. 17), computed by hand from the text.

Rates used (bank rate of tariff-facts §3.2 + 1.5 %): 2021-10-01: 0.50 -> 2.00 %;
2022-04-01: 0.75 -> 2.25 %; 2022-10-01: 3.50 -> 5.00 %; 2023-10-01 and 2024-04-01:
5.25 -> 6.75 %; 2024-10-01: 4.50 -> 6.00 %; 2026-04-01: 2.50 -> 4.00 %.
"""

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawyer_billing.domain.interest import (
    InterestInputError,
    Payment,
    first_interest_day,
    late_interest,
    semester_start,
)


def test_first_interest_day_is_received_plus_30_days_art_17():
    assert first_interest_day(date(2024, 5, 1)) == date(2024, 5, 31)


def test_simple_case_art_17():
    """1 000 $ received 2024-05-01; interest from 2024-05-31 to 2024-07-30 excluded: 60 days at
    6.75 %: 1000 x 0.0675 x 60 / 365 = 11.0958... -> 11.10."""
    result = late_interest(Decimal("1000.00"), date(2024, 5, 1), [], date(2024, 7, 30))
    (period,) = result.periods
    assert (period.start, period.end_exclusive, period.days) == (date(2024, 5, 31), date(2024, 7, 30), 60)
    assert period.annual_rate == Decimal("6.75")
    assert period.amount == Decimal("11.10")
    assert result.total == Decimal("11.10")
    assert result.findings == ()


@pytest.mark.parametrize("paid_on", [date(2024, 5, 30), date(2024, 5, 31)])
def test_paid_by_the_30th_day_bears_no_interest_art_17(paid_on):
    """Paid the day before or the day of the first interest day: payment day excluded, nothing."""
    result = late_interest(
        Decimal("1000.00"), date(2024, 5, 1), [Payment(paid_on, Decimal("1000.00"))], date(2024, 7, 30)
    )
    assert result.periods == ()
    assert result.total == Decimal("0.00")


def test_paid_on_the_31st_day_bears_one_day_art_17():
    """1000 x 0.0675 x 1 / 365 = 0.1849... -> 0.18."""
    result = late_interest(
        Decimal("1000.00"),
        date(2024, 5, 1),
        [Payment(date(2024, 6, 1), Decimal("1000.00"))],
        date(2024, 7, 30),
    )
    assert [(p.start, p.days) for p in result.periods] == [(date(2024, 5, 31), 1)]
    assert result.total == Decimal("0.18")


def test_unpaid_on_the_first_interest_day_owes_nothing_yet_art_17():
    assert late_interest(Decimal("1000.00"), date(2024, 5, 1), [], date(2024, 5, 31)).periods == ()
    assert late_interest(Decimal("1000.00"), date(2024, 5, 1), [], date(2024, 6, 1)).total == Decimal("0.18")


def test_period_straddling_1_april_and_1_october_is_split_art_17():
    """10 000 $ received 2022-02-01, interest from 2022-03-03, paid 2022-10-16:
    - 2022-03-03 to 2022-04-01: 29 days at 2.00 %: 10000 x 0.02 x 29 / 365 = 15.890... -> 15.89
    - 2022-04-01 to 2022-10-01: 183 days at 2.25 %: 10000 x 0.0225 x 183 / 365 = 112.808... -> 112.81
    - 2022-10-01 to 2022-10-16: 15 days at 5.00 %: 10000 x 0.05 x 15 / 365 = 20.547... -> 20.55
    Total of the rounded periods: 149.25."""
    result = late_interest(
        Decimal("10000.00"),
        date(2022, 2, 1),
        [Payment(date(2022, 10, 16), Decimal("10000.00"))],
        date(2023, 1, 1),
    )
    assert [(p.start, p.end_exclusive, p.days, p.annual_rate, p.amount) for p in result.periods] == [
        (date(2022, 3, 3), date(2022, 4, 1), 29, Decimal("2.00"), Decimal("15.89")),
        (date(2022, 4, 1), date(2022, 10, 1), 183, Decimal("2.25"), Decimal("112.81")),
        (date(2022, 10, 1), date(2022, 10, 16), 15, Decimal("5.00"), Decimal("20.55")),
    ]
    assert result.total == Decimal("149.25")


@pytest.mark.parametrize(
    ("day", "semester"),
    [
        (date(2022, 3, 31), date(2021, 10, 1)),
        (date(2022, 4, 1), date(2022, 4, 1)),
        (date(2022, 9, 30), date(2022, 4, 1)),
        (date(2022, 10, 1), date(2022, 10, 1)),
        (date(2022, 12, 31), date(2022, 10, 1)),
        (date(2023, 1, 1), date(2022, 10, 1)),
    ],
)
def test_rate_fixed_on_1_april_or_1_october_runs_six_months_art_17(day, semester):
    assert semester_start(day) == semester


def test_partial_payment_reduces_principal_from_its_date_art_17():
    """1 000 $ received 2024-05-01, 400 $ paid 2024-06-30, unpaid balance on 2024-07-30:
    - 2024-05-31 to 2024-06-30: 30 days on 1000 at 6.75 %: 2025 / 365 = 5.547... -> 5.55
    - 2024-06-30 to 2024-07-30: 30 days on 600 at 6.75 %: 1215 / 365 = 3.328... -> 3.33"""
    result = late_interest(
        Decimal("1000.00"),
        date(2024, 5, 1),
        [Payment(date(2024, 6, 30), Decimal("400.00"))],
        date(2024, 7, 30),
    )
    assert [(p.days, p.principal, p.amount) for p in result.periods] == [
        (30, Decimal("1000.00"), Decimal("5.55")),
        (30, Decimal("600.00"), Decimal("3.33")),
    ]
    assert result.total == Decimal("8.88")


def test_partial_payment_before_interest_starts_art_17():
    """400 $ paid 2024-05-15, before the first interest day: 600 x 0.0675 x 60 / 365 = 6.657... -> 6.66."""
    result = late_interest(
        Decimal("1000.00"),
        date(2024, 5, 1),
        [Payment(date(2024, 5, 15), Decimal("400.00"))],
        date(2024, 7, 30),
    )
    assert [(p.days, p.principal) for p in result.periods] == [(60, Decimal("600.00"))]
    assert result.total == Decimal("6.66")


def test_leap_year_still_divides_by_365_art_17():
    """36 500 $ received 2023-12-01, interest from 2023-12-31 to 2024-03-01 excluded: 1 + 31 + 29
    = 61 days at 6.75 %: 36500 x 0.0675 x 61 / 365 = 411.75 (by 366 it would be 410.63)."""
    result = late_interest(Decimal("36500.00"), date(2023, 12, 1), [], date(2024, 3, 1))
    assert [p.days for p in result.periods] == [61]
    assert result.total == Decimal("411.75")


def test_unknown_future_rate_is_a_finding_not_a_guess_art_17():
    """1 000 $ received 2026-08-01, interest from 2026-08-31. Until 2026-10-01: 31 days at 4.00 %:
    1000 x 0.04 x 31 / 365 = 3.397... -> 3.40. From 2026-10-01 the bank rate is not known."""
    result = late_interest(Decimal("1000.00"), date(2026, 8, 1), [], date(2026, 10, 11))
    known, unknown = result.periods
    assert (known.days, known.amount) == (31, Decimal("3.40"))
    assert (unknown.start, unknown.days, unknown.annual_rate, unknown.amount) == (
        date(2026, 10, 1),
        10,
        None,
        None,
    )
    assert result.total == Decimal("3.40")
    (finding,) = result.findings
    assert finding.code == "bank_rate_unknown"
    assert finding.subject == "2026-10-01"
    assert finding.article == "entente art. 17"
    assert "2026-10-01 au 2026-10-10" in finding.message_fr


def test_day_before_the_unknown_semester_has_no_finding_art_17():
    result = late_interest(Decimal("1000.00"), date(2026, 8, 1), [], date(2026, 10, 1))
    assert result.findings == ()
    assert result.total == Decimal("3.40")


@pytest.mark.parametrize(
    ("principal", "payments", "today", "message"),
    [
        (Decimal("-1"), [], date(2024, 7, 1), "ne peut pas être négatif"),
        (
            Decimal("100"),
            [Payment(date(2024, 4, 30), Decimal("10"))],
            date(2024, 7, 1),
            "doit être daté entre",
        ),
        (
            Decimal("100"),
            [Payment(date(2024, 7, 2), Decimal("10"))],
            date(2024, 7, 1),
            "doit être daté entre",
        ),
        (Decimal("100"), [Payment(date(2024, 6, 1), Decimal("0"))], date(2024, 7, 1), "montant positif"),
        (
            Decimal("100"),
            [Payment(date(2024, 6, 1), Decimal("60")), Payment(date(2024, 6, 2), Decimal("50"))],
            date(2024, 7, 1),
            "dépassent le montant dû",
        ),
        (Decimal("100"), [], date(2024, 4, 30), "précède la réception"),
    ],
)
def test_invalid_input_raises_one_french_sentence(principal, payments, today, message):
    with pytest.raises(InterestInputError, match=message):
        late_interest(principal, date(2024, 5, 1), payments, today)


_days = st.integers(min_value=0, max_value=2000)


@given(
    principal_cents=st.integers(min_value=0, max_value=10**9),
    received_offset=st.integers(min_value=0, max_value=6000),
    payment_offsets=st.lists(st.tuples(_days, st.integers(min_value=1, max_value=100)), max_size=4),
    today_offset=_days,
)
def test_periods_tile_the_interest_days_and_add_up_art_17(
    principal_cents, received_offset, payment_offsets, today_offset
):
    principal = Decimal(principal_cents) / 100
    received = date(2007, 4, 1) + timedelta(days=received_offset)
    today = min(received + timedelta(days=today_offset), date(2026, 9, 30))
    payments, left = [], principal
    for offset, percent in payment_offsets:
        amount = (principal * percent / 100).quantize(Decimal("0.01"))
        on = min(received + timedelta(days=offset), today)
        if 0 < amount <= left:
            payments.append(Payment(on, amount))
            left -= amount
    result = late_interest(principal, received, payments, today)
    assert result.total == sum(p.amount for p in result.periods)
    assert result.findings == ()
    for before, after in pairwise(result.periods):
        assert before.end_exclusive == after.start
        assert after.principal <= before.principal
    if result.periods:
        assert result.periods[0].start == first_interest_day(received)
        assert (
            sum(p.days for p in result.periods)
            == (result.periods[-1].end_exclusive - result.periods[0].start).days
        )
        assert all(p.amount >= 0 and p.principal > 0 for p in result.periods)
