"""Money: every amount is a ``Decimal`` built by ``money`` and rounded by ``round_cents``.

One constructor and one rounding helper, so that no float ever enters an amount and every
figure is rounded the same way: to the cent, half-up (the way a lawyer rounds by hand; Babel
and Python's default round half-even, which would differ on 0.005).
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
#: the largest amount a user may enter (a payment, a disbursement, a tariff figure): nothing on
#: a legal-aid mandate comes near it, so a larger one is a typing slip, and it keeps every
#: entered amount far inside what the cents column and the decimal context hold exactly
LARGEST_AMOUNT = Decimal(10_000_000)


class MoneyError(ValueError):
    """A value that is not an amount of money (float, text that is not a number, NaN...)."""


def money(value: "Decimal | int | str") -> Decimal:
    """Build an exact amount from a Decimal, an int or a string such as ``"330.00"``.

    Floats are refused: ``0.1`` has no exact binary value, and a tariff amount must be exact.
    The result is not rounded; ``round_cents`` does that where the entente asks for cents.
    """
    if isinstance(value, bool) or isinstance(value, float):
        raise MoneyError(f"{value!r} : un montant doit être exact (pas un nombre à virgule flottante)")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            raise MoneyError(f"« {value} » n'est pas un montant") from None
    else:
        raise MoneyError(f"{value!r} n'est pas un montant")
    if not amount.is_finite():
        raise MoneyError(f"« {value} » n'est pas un montant")
    return amount


def round_cents(amount: Decimal) -> Decimal:
    """Round to the cent, half-up: 0.005 becomes 0.01, -0.005 becomes -0.01."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def to_cents(amount: Decimal) -> int:
    """The integer number of cents of an amount, for storage (SQLite has no exact decimal)."""
    return int(round_cents(amount) * 100)


def from_cents(cents: int) -> Decimal:
    """The amount for a number of cents read from storage."""
    return (Decimal(cents) / 100).quantize(CENT)
