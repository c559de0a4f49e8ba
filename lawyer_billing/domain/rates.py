"""The dated rate tables around the tariff: Bank of Canada rate, sales taxes, km rate.

Each table is a YAML file in ``resources/rates/`` (its README names the sources), read with
``yaml.safe_load`` into a ``DatedValues`` keyed by effective date. Loading is strict: an
unknown key, a date that is not a date, a rate that is negative or written as a bare decimal
(YAML would make it a float) raises ``RateDataError`` naming the file and the entry, because
a wrong rate silently loaded would be billed silently.

Rates are percentages as published (``Decimal("4.50")`` for 4.50 %), except the km rate,
which is dollars per km.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any


from lawyer_billing.domain.data_files import read_yaml_table
from lawyer_billing.domain.dated import DatedValues
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.money import MoneyError, money, round_cents
from lawyer_billing.resources import resource_path

_FILE_KEYS = frozenset({"description", "reference", "unit", "values"})
_HUNDRED = Decimal(100)


class RateDataError(ValueError):
    """A rate table that cannot be trusted; the message names the file and the entry."""


class RateUnknownError(LookupError):
    """A rate asked for a date the table does not cover."""


class TaxBase(Enum):
    """What the QST is computed on: before 2013 Quebec taxed the price plus the GST."""

    PRICE = "price"
    PRICE_PLUS_GST = "price_plus_gst"


@dataclass(frozen=True)
class SalesTaxRates:
    """The GST and QST rates (percent) in force together, and the base of the QST."""

    gst: Decimal
    qst: Decimal
    qst_base: TaxBase


def load_bank_rates(path: Path | None = None) -> DatedValues[Decimal]:
    """The Bank of Canada bank rate (percent) in force on each 1 April and 1 October.

    Entente art. 17 only looks at those two dates, so any other date is a data error.
    """
    path = path or resource_path("rates", "bank_rate.yaml")
    table: dict[date, Decimal] = {}
    for on, entry in _entries(path, {"rate", "sources"}):
        if (on.month, on.day) not in ((4, 1), (10, 1)):
            raise _error(path.name, on, "la date doit être un 1er avril ou un 1er octobre (art. 17)")
        sources = entry["sources"]
        if not isinstance(sources, list) or not sources or not all(isinstance(s, str) for s in sources):
            raise _error(path.name, on, "« sources » doit être une liste de clés de source")
        table[on] = _rate(path.name, on, entry["rate"])
    return DatedValues.of(table)


def load_sales_tax_rates(path: Path | None = None) -> DatedValues[SalesTaxRates]:
    """GST and QST rates by effective date, with the base the QST applies to."""
    path = path or resource_path("rates", "sales_tax.yaml")
    table: dict[date, SalesTaxRates] = {}
    for on, entry in _entries(path, {"gst", "qst", "qst_base", "source"}):
        try:
            base = TaxBase(entry["qst_base"])
        except ValueError:
            raise _error(
                path.name, on, f"« qst_base » doit valoir {' ou '.join(b.value for b in TaxBase)}"
            ) from None
        table[on] = SalesTaxRates(
            _rate(path.name, on, entry["gst"]), _rate(path.name, on, entry["qst"]), base
        )
    return DatedValues.of(table)


def load_km_rates(
    user_rates: Mapping[date, Decimal] | None = None, path: Path | None = None
) -> DatedValues[Decimal]:
    """The km rate (dollars per km, entente art. 20) from the shipped file and the user's entries.

    The shipped file is empty: no public source gave the Treasury Board figure. On the same
    date a rate the lawyer entered wins over the file, since the lawyer checked it.
    """
    path = path or resource_path("rates", "km_rate.yaml")
    table = {on: _rate(path.name, on, entry["rate"]) for on, entry in _entries(path, {"rate", "source"})}
    for on, rate in (user_rates or {}).items():
        if not isinstance(on, date) or isinstance(on, datetime):
            raise RateDataError(f"Taux au kilomètre saisi : « {on} » n'est pas une date.")
        table[on] = _rate("taux saisis", on, rate)
    return DatedValues.of(table)


def missing_km_rate(on: date) -> Finding:
    """The finding for a trip whose date has no km rate: never billed at zero (art. 20)."""
    return Finding(
        code="km_rate_missing",
        message_fr=(
            f"Taux au kilomètre non saisi pour le {on.isoformat()} : saisissez-le pour calculer l'indemnité."
        ),
        article="entente art. 20",
        subject=on.isoformat(),
    )


def sales_taxes(
    amount: Decimal, on: date, rates: DatedValues[SalesTaxRates] | None = None
) -> tuple[Decimal, Decimal]:
    """The GST and the QST on ``amount`` for a supply on ``on``, each rounded to the cent.

    Before 2013 the QST is computed on the price plus the GST as rounded on the invoice
    (100 $ in 2012: GST 5.00, QST 9.5 % of 105.00 = 9.98).
    """
    in_force = (rates or load_sales_tax_rates()).at(on)
    if in_force is None:
        raise RateUnknownError(f"Aucun taux de TPS et de TVQ n'est connu pour le {on.isoformat()}.")
    gst = round_cents(amount * in_force.gst / _HUNDRED)
    base = amount + gst if in_force.qst_base is TaxBase.PRICE_PLUS_GST else amount
    return gst, round_cents(base * in_force.qst / _HUNDRED)


def _entries(path: Path, keys: set[str]) -> list[tuple[date, dict[str, Any]]]:
    """The ``values`` of a rate file as (effective date, entry); each entry has exactly ``keys``."""
    values = read_yaml_table(path, RateDataError, "le fichier de taux", "values", _FILE_KEYS) or {}
    if not isinstance(values, dict):
        raise RateDataError(f"{path.name} : « values » doit associer des dates à des taux.")
    entries = []
    for key, entry in values.items():
        on = _effective_date(path, key)
        if not isinstance(entry, dict):
            raise _error(path.name, on, "l'entrée doit être un dictionnaire de clés")
        unknown = set(entry) - keys
        if unknown:
            raise _error(path.name, on, f"clé inconnue « {sorted(map(str, unknown))[0]} »")
        missing = keys - set(entry)
        if missing:
            raise _error(path.name, on, f"clé manquante « {sorted(missing)[0]} »")
        entries.append((on, entry))
    return entries


def _effective_date(path: Path, key: object) -> date:
    if isinstance(key, date) and not isinstance(key, datetime):
        return key
    if isinstance(key, str):
        try:
            return date.fromisoformat(key)
        except ValueError:
            pass
    raise RateDataError(f"{path.name}, entrée « {key} » : ce n'est pas une date AAAA-MM-JJ.")


def _rate(source: str, on: date, value: object) -> Decimal:
    if isinstance(value, float):
        raise _error(source, on, f"écrivez le taux {value} entre guillemets pour qu'il reste exact")
    try:
        rate = money(value)  # type: ignore[arg-type]
    except MoneyError:
        raise _error(source, on, f"« {value} » n'est pas un taux") from None
    if rate < 0:
        raise _error(source, on, f"le taux {rate} est négatif")
    return rate


def _error(source: str, on: date, problem: str) -> RateDataError:
    """One sentence naming the file (or the user's entries) and the entry."""
    return RateDataError(f"{source}, entrée {on.isoformat()} : {problem}.")
