"""Values that change on effective dates: the newest value on or before a date applies.

The tariff amounts, the Bank of Canada rate, the tax rates and the km rate are all such
tables. A ``None`` value means "no figure from that date" (repealed, or unknown): the lookup
returns it as ``None`` rather than falling back to an older figure.
"""

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from typing import Generic, Mapping, TypeVar

V = TypeVar("V")


@dataclass(frozen=True)
class DatedValues(Generic[V]):
    """An immutable table of ``effective date -> value``, sorted by date."""

    dates: tuple[date, ...]
    values: tuple["V | None", ...]

    @classmethod
    def of(cls, table: Mapping[date, "V | None"]) -> "DatedValues[V]":
        ordered = sorted(table.items())
        return cls(tuple(d for d, _ in ordered), tuple(v for _, v in ordered))

    def at(self, on: date) -> "V | None":
        """The value in force on ``on``; ``None`` before the first effective date."""
        index = bisect_right(self.dates, on)
        return self.values[index - 1] if index else None

    def effective_on(self, on: date) -> "date | None":
        """The effective date of the value in force on ``on``."""
        index = bisect_right(self.dates, on)
        return self.dates[index - 1] if index else None

    def __bool__(self) -> bool:
        return bool(self.dates)
