"""Display formats: fr_CA first, en_CA for letters; rounding is half-up, never Babel's half-even."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawyer_billing.domain.formatting import (
    FormattingError,
    format_date,
    format_money,
    format_number,
    format_percent,
)
from lawyer_billing.domain.rules.line import fr_money

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("amount", "french", "english"),
    [
        (Decimal("1234.56"), f"1{NBSP}234,56{NBSP}$", "$1,234.56"),
        (Decimal("0"), f"0,00{NBSP}$", "$0.00"),
        (Decimal("0.005"), f"0,01{NBSP}$", "$0.01"),  # half-up: Babel alone would print 0,00 $
        (Decimal("1234.565"), f"1{NBSP}234,57{NBSP}$", "$1,234.57"),  # Babel alone: 1 234,56 $
        (Decimal("1234.575"), f"1{NBSP}234,58{NBSP}$", "$1,234.58"),
        (Decimal("-1234.56"), f"-1{NBSP}234,56{NBSP}$", "-$1,234.56"),
        (Decimal("-0.005"), f"-0,01{NBSP}$", "-$0.01"),  # half-up away from zero
        (Decimal("-0.004"), f"0,00{NBSP}$", "$0.00"),  # no "-0,00 $"
        (Decimal("1234567.8"), f"1{NBSP}234{NBSP}567,80{NBSP}$", "$1,234,567.80"),
        (12, f"12,00{NBSP}$", "$12.00"),
    ],
)
def test_money_is_rounded_half_up_then_laid_out_by_the_locale(amount, french, english):
    assert format_money(amount) == french
    assert format_money(amount, "en") == english


@pytest.mark.parametrize("value", [1.5, "12", None, True, Decimal("NaN"), Decimal("Infinity")])
def test_money_refuses_what_is_not_an_exact_finite_amount(value):
    with pytest.raises(FormattingError):
        format_money(value)


def test_an_unknown_language_is_refused_by_name():
    with pytest.raises(FormattingError, match="« de »"):
        format_money(Decimal(1), "de")


@pytest.mark.parametrize(
    ("day", "french", "english"),
    [
        (date(2024, 6, 3), "3 juin 2024", "June 3, 2024"),
        (date(2025, 3, 1), "1er mars 2025", "March 1, 2025"),
        (date(2024, 8, 15), "15 août 2024", "August 15, 2024"),
        (date(2024, 12, 31), "31 décembre 2024", "December 31, 2024"),
    ],
)
def test_dates_are_written_long(day, french, english):
    assert format_date(day) == french
    assert format_date(day, "en") == english


def test_short_dates_are_those_of_the_canadian_locales():
    assert format_date(date(2024, 6, 3), short=True) == "2024-06-03"
    assert format_date(date(2024, 6, 3), "en", short=True) == "2024-06-03"


def test_numbers_keep_their_decimals_or_round_half_up_to_the_places_asked():
    assert format_number(Decimal("1234.5678")) == f"1{NBSP}234,5678"
    assert format_number(Decimal("1234.5678"), "en") == "1,234.5678"
    assert format_number(Decimal("2.345"), places=2) == "2,35"
    assert format_number(Decimal("2.5"), places=0) == "3"  # half-even would give 2
    assert format_number(Decimal("180"), places=1) == "180,0"
    assert format_number(1500) == f"1{NBSP}500"
    assert format_number(Decimal("-0.001"), places=2) == "0,00"
    with pytest.raises(FormattingError):
        format_number(0.5)


def test_percentages_are_given_as_published_in_percent():
    assert format_percent(Decimal("6.00")) == f"6,00{NBSP}%"
    assert format_percent(Decimal("6.00"), "en") == "6.00%"
    assert format_percent(Decimal("9.975")) == f"9,975{NBSP}%"
    assert format_percent(Decimal("6.125"), places=2) == f"6,13{NBSP}%"
    assert format_percent(35) == f"35{NBSP}%"


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3))
def test_the_explanations_write_amounts_as_the_display_does_with_ordinary_spaces(amount):
    assert fr_money(amount) == format_money(amount).replace(NBSP, " ")


def test_an_explanation_writes_no_minus_zero():
    assert (fr_money(Decimal("1315")), fr_money(Decimal("-0")), fr_money(Decimal("-0.004"))) == (
        "1 315,00 $", "0,00 $", "0,00 $",
    )
