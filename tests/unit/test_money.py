"""Money: exact Decimals from one constructor, rounded half-up to the cent, stored as cents."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawyer_billing.domain.money import MoneyError, from_cents, money, round_cents, to_cents


@pytest.mark.parametrize("value, expected", [("330.00", Decimal("330.00")), (11, Decimal("11")), (Decimal("0.10"), Decimal("0.10")), (" 165 ", Decimal("165"))])
def test_money_builds_exact_amounts(value, expected):
    assert money(value) == expected


@pytest.mark.parametrize("value", [0.1, True, "douze", "NaN", "Infinity", None, [1]])
def test_money_refuses_what_is_not_an_exact_amount(value):
    with pytest.raises(MoneyError):
        money(value)


@pytest.mark.parametrize("amount, rounded", [
    ("1234.565", "1234.57"),   # half-up, where Babel and round() would give 1234.56
    ("1234.575", "1234.58"),
    ("0.005", "0.01"),
    ("-0.005", "-0.01"),
    ("82.4949", "82.49"),
])
def test_round_cents_is_half_up(amount, rounded):
    assert round_cents(Decimal(amount)) == Decimal(rounded)


@given(st.integers(min_value=-10**15, max_value=10**15))
def test_cents_round_trip(cents):
    assert to_cents(from_cents(cents)) == cents


@given(st.decimals(min_value=-10**9, max_value=10**9, allow_nan=False, allow_infinity=False, places=4))
def test_rounding_moves_an_amount_by_at_most_half_a_cent(amount):
    assert abs(round_cents(amount) - amount) <= Decimal("0.005")
