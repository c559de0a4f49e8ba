"""Dates, times and amounts typed the way a Quebec lawyer types them."""

from datetime import date, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.scenario import ScenarioError, scenario_from_document
from lawyer_billing.domain.typed_input import TypedInputError, parse_date, parse_money, parse_time

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize("text, expected", [
    ("2024-06-03", date(2024, 6, 3)),
    ("3/6/2024", date(2024, 6, 3)),
    ("03/06/24", date(2024, 6, 3)),
    ("3 juin", date(2026, 6, 3)),
    ("3 juin 2024", date(2024, 6, 3)),
    ("1er août 2024", date(2024, 8, 1)),
    ("1er aout 2024", date(2024, 8, 1)),
    ("3 Juin 2024", date(2024, 6, 3)),
    ("June 3, 2024", date(2024, 6, 3)),
    ("aujourd'hui", TODAY),
])
def test_dates_typed_as_text(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text, message", [
    ("", "La date est vide"),
    ("2024-02-30", "n'existe pas au calendrier"),
    ("31/4/2024", "n'existe pas au calendrier"),
    ("demain matin", "n'est pas une date"),
    ("3 juinet 2024", "n'est pas une date"),
])
def test_bad_dates_say_what_is_expected(text, message):
    with pytest.raises(TypedInputError, match=message):
        parse_date(text, TODAY)


@pytest.mark.parametrize("text, expected", [
    ("9:30", time(9, 30)), ("9h30", time(9, 30)), ("13 h 45", time(13, 45)), ("14h", time(14)), ("19", time(19)),
])
def test_times(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["25:00", "9:75", "midi"])
def test_bad_times(text):
    with pytest.raises(TypedInputError):
        parse_time(text)


@pytest.mark.parametrize("text, expected", [
    ("1 234,56 $", Decimal("1234.56")), ("1234.56", Decimal("1234.56")), ("$1,234.56", Decimal("1234.56")),
    ("12", Decimal("12.00")), ("0,5", Decimal("0.50")), ("1\u202f234,56\u00a0$", Decimal("1234.56")),
])
def test_amounts(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize("text", ["12,345", "douze", "1.2.3", "NaN", "Infinity"])
def test_bad_amounts(text):
    with pytest.raises(TypedInputError):
        parse_money(text)


@pytest.mark.parametrize("text", ["1e309", "9" * 30, "10 000 000,01", "-1e9"])
def test_an_amount_beyond_the_largest_is_a_typing_slip_not_a_crash(text):
    """Once a decimal overflow in the rounding (« 1e309 »), now a sentence naming the limit."""
    with pytest.raises(TypedInputError, match="dépasse le plus grand montant accepté"):
        parse_money(text)
    assert parse_money("10 000 000,00") == Decimal("10000000.00")


@pytest.mark.parametrize("text", ["1/1/999", "3/6/0999", "1899-12-31", "3 juin 3000"])
def test_years_outside_1900_to_2999_are_typos(text):
    with pytest.raises(TypedInputError, match="l'année doit être entre 1900 et 2999"):
        parse_date(text, TODAY)


@pytest.mark.parametrize("day", [date(1900, 1, 1), date(2999, 12, 31), date(1899, 12, 31), date(3000, 1, 1)])
def test_a_typed_date_has_the_years_of_a_scenario_date(day):
    """One range for both entries of a date: the form and the ``compute`` scenario."""
    typed = scenario_read = True
    try:
        parse_date(day.isoformat(), TODAY)
    except TypedInputError:
        typed = False
    try:
        scenario_from_document({"mandates": [], "settings": {"today": day.isoformat()}}, TODAY)
    except ScenarioError:
        scenario_read = False
    assert typed == scenario_read == (1900 <= day.year <= 2999)


@pytest.mark.parametrize("text, units, expected", [
    ("0,47", ("/km", "$"), Decimal("0.47")), ("0.470 $", ("/km", "$"), Decimal("0.470")),
    ("0,47 $/km", ("/km", "$"), Decimal("0.47")), ("13,5", (), Decimal("13.5")), ("182,5 km", ("km",), Decimal("182.5")),
])
def test_numbers_typed_with_a_comma_or_a_point_and_their_unit(text, units, expected):
    from lawyer_billing.domain.typed_input import parse_number

    assert parse_number(text, "un taux", "0,470", units) == expected


@pytest.mark.parametrize("text", ["", "abc", "NaN", "Infinity", "1,2,3"])
def test_a_number_that_is_not_one_says_what_is_expected(text):
    from lawyer_billing.domain.typed_input import parse_number

    with pytest.raises(TypedInputError, match="n'est pas une distance. Tapez par exemple 182,5"):
        parse_number(text, "une distance", "182,5", ("km",))
