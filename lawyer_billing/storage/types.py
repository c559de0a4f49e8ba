"""Column types that keep amounts exact on every database.

SQLite has no exact decimal (``Numeric`` is stored as REAL), so money is an integer number of
cents everywhere, and rates or distances with more decimals are kept as their decimal text.
"""

from decimal import Decimal

from sqlalchemy import BigInteger, String
from sqlalchemy.types import TypeDecorator

from lawyer_billing.domain.money import from_cents, money, to_cents


class Cents(TypeDecorator):
    """An amount of money: ``Decimal`` in Python, integer cents in the database."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else to_cents(money(value))

    def process_result_value(self, value, dialect):
        return None if value is None else from_cents(value)


class ExactDecimal(TypeDecorator):
    """A rate or a distance (``0.470`` $/km, ``182.5`` km): ``Decimal`` kept as its exact text."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else str(money(value))

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)
