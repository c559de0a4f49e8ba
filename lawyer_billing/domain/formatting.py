"""Amounts, dates, numbers and percentages written for a reader: fr_CA first, en_CA for letters.

One place for display, apart from arithmetic (``money.py``): the window, the relevé (PDF and
Excel) and the letters all call these functions, so « 1 234,56 $ » is spelled the same
everywhere. Babel supplies the locale's symbols and grouping, but never rounds: it rounds
half-even (1234.565 would print 1 234,56 $), whereas every amount of the application is
rounded half-up by ``round_cents``. Each value is therefore quantized here first, and Babel
only lays out digits that are already final.

French dates come from ``tools/french_dates.py`` (« 1er mars 2025 », which Babel does not
write); English dates from Babel (« March 1, 2025 »).

The separators Babel uses are no-break spaces (U+00A0, and U+202F in some locales): a PDF
must use a font that has them (the shipped DejaVu Sans does).
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_currency as _babel_currency
from babel.numbers import format_decimal as _babel_decimal

from lawyer_billing.domain.money import round_cents
from lawyer_billing.domain.tools.french_dates import format_date_fr

#: The languages a document can be written in, with their Babel locale.
LOCALES = {"fr": "fr_CA", "en": "en_CA"}

_NO_BREAK_SPACE = "\u00a0"


class FormattingError(ValueError):
    """A language the application does not write, or a value that cannot be shown."""


def format_money(amount: Decimal | int, language: str = "fr") -> str:
    """``Decimal("1234.56")`` -> ``"1 234,56 $"`` (fr, no-break spaces) or ``"$1,234.56"`` (en).

    Rounded half-up to the cent first: ``0.005`` prints ``0,01 $``; negatives keep their sign
    (``-1 234,56 $``).
    """
    _check_decimal(amount)
    cents = round_cents(Decimal(amount))
    if cents.is_zero():
        cents = abs(cents)  # "-0.00" would print a minus sign before nothing
    return _babel_currency(cents, "CAD", locale=_locale(language), currency_digits=True)


def format_date(day: date, language: str = "fr", short: bool = False) -> str:
    """``date(2024, 6, 3)`` -> ``"3 juin 2024"`` (fr; the first is « 1er ») or ``"June 3, 2024"`` (en).

    ``short`` gives the locale's short form, ``"2024-06-03"`` in both fr_CA and en_CA (the
    columns of a table).
    """
    locale = _locale(language)
    if short:
        return _babel_date(day, format="short", locale=locale)
    if language == "fr":
        return format_date_fr(day)
    return _babel_date(day, format="long", locale=locale)


def format_number(value: Decimal | int, language: str = "fr", places: int | None = None) -> str:
    """A number with the locale's grouping and decimal sign: ``1 234,5`` (fr), ``1,234.5`` (en).

    ``places`` fixes the number of decimals, rounding half-up (``format_number(Decimal("2.345"),
    places=2)`` -> ``"2,35"``); without it the value's own decimals are shown, trailing zeros
    included (``Decimal("6.00")`` -> ``"6,00"``).
    """
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise FormattingError(f"{value!r} n'est pas un nombre exact (Decimal ou entier)")
    number = Decimal(value)
    _check_decimal(number)
    locale = _locale(language)
    if places is None:
        places = max(0, -number.as_tuple().exponent)  # type: ignore[operator]
    if places < 0:
        raise FormattingError(f"nombre de décimales négatif : {places}")
    exact = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if exact.is_zero():
        exact = abs(exact)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return _babel_decimal(exact, format=pattern, locale=locale)


def format_percent(percent: Decimal | int, language: str = "fr", places: int | None = None) -> str:
    """A rate given in percent, as the rate tables hold it: ``Decimal("6.00")`` -> ``"6,00 %"``
    (fr, no-break space before the sign) or ``"6.00%"`` (en). ``places`` as in ``format_number``.
    """
    number = format_number(percent, language, places)
    return f"{number}{_NO_BREAK_SPACE}%" if language == "fr" else f"{number}%"


def _locale(language: str) -> str:
    try:
        return LOCALES[language]
    except KeyError:
        raise FormattingError(
            f"langue « {language} » inconnue ; langues permises : {', '.join(LOCALES)}"
        ) from None


def _check_decimal(value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, (Decimal, int)):
        raise FormattingError(f"{value!r} n'est pas un montant exact (Decimal)")
    if isinstance(value, Decimal) and not value.is_finite():
        raise FormattingError(f"{value} n'est pas un nombre fini")
