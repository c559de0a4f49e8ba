"""Filling in the tariff: amounts a firm enters for items whose figure the text lost, or
loads from a later entente's file, without ever touching the shipped data (issue of art. 14
and of the civil class tables, see resources/tariff/README.md)."""

from collections.abc import Iterable

from lawyer_billing.domain.tariff import OverlayAmount, Tariff, shipped_tariff
from lawyer_billing.storage.repositories import TariffOverlayRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork


def current_tariff(uow: UnitOfWork, shipped: Tariff | None = None) -> Tariff:
    """The shipped tariff with every amount the firm entered applied from its date."""
    return (shipped or shipped_tariff()).with_overlay(TariffOverlayRepository(uow.session).all())


def record_overlay_amounts(uow: UnitOfWork, entries: Iterable[OverlayAmount], shipped: Tariff | None = None) -> Tariff:
    """Check the entries against the tariff (unknown code, an item with no figure, a wrong
    class: an ``OverlayError`` and nothing stored), store them all, and return the new tariff."""
    entries = list(entries)
    tariff = current_tariff(uow, shipped).with_overlay(entries)
    repository = TariffOverlayRepository(uow.session)
    for entry in entries:
        repository.add(entry)
    return tariff
