"""Tariff look-ups for a batch, cached: 20 000 services ask the same few hundred questions."""

from datetime import date
from decimal import Decimal

from lawyer_billing.domain.tariff import Tariff, TariffError, TariffItem

_FigureKey = tuple[str, date, str | None]


class Lookup:
    """Tariff look-ups cached by code, issue date and class: a batch of 20 000 services asks
    the same few hundred questions many times."""

    def __init__(self, tariff: Tariff) -> None:
        self.tariff = tariff
        self._items: dict[str, TariffItem | None] = {}
        self._figures: dict[_FigureKey, Decimal | None | TariffError] = {}

    def item(self, code: str) -> TariffItem | None:
        if code not in self._items:
            try:
                self._items[code] = self.tariff.item(code)
            except (TariffError, KeyError):
                self._items[code] = None
        return self._items[code]

    def figure(self, item: TariffItem, on: date, tariff_class: str | None) -> Decimal | None:
        """The item's figure for a mandate issued ``on``; raises ``TariffError`` (a date before
        the item applies, a missing or unknown class) with a French message."""
        key = (item.code, on, tariff_class if item.classes else None)
        if key not in self._figures:
            try:
                self._figures[key] = self.tariff.amount(item.code, on, key[2])
            except TariffError as error:
                self._figures[key] = error
        found = self._figures[key]
        if isinstance(found, TariffError):
            raise found
        return found
