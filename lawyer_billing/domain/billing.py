"""What the tariff engine prices, and what it returns: the facts of mandates and services,
and one priced line per service saying which rules changed its amount and why.

These types are the boundary between the inputs (a ``compute`` scenario, or the database
through the services) and the rules of annex II (``domain/rules/``, applied by
``domain/pricing.py``). Identifiers are the caller's own (``"M1"``, ``"S1"`` or database ids
as text).
"""

from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal

from lawyer_billing.domain.findings import Finding


@dataclass(frozen=True)
class MandateFacts:
    id: str
    client: str
    issued: date
    district: str = ""
    ended: date | None = None
    ended_by_judgment: bool = False
    judgment_date: date | None = None
    #: date of a cessation-of-aid notice (art. 23-24): later services need a conservatory act
    aid_ceased: date | None = None


@dataclass(frozen=True)
class ServiceFacts:
    id: str
    mandate: str
    code: str
    date: date
    court: str = ""
    start: time | None = None
    end: time | None = None
    units: int = 1
    disposition: str | None = None
    co_accused_group: str | None = None
    children: int = 1
    tariff_class: str | None = None
    #: the figure a percentage item applies to (T54 indemnity, T55 judgment or claim)
    base_amount: Decimal | None = None
    #: the lawyer's figure, for items with no fixed amount or under special consideration
    amount: Decimal | None = None
    conservatory_act: bool = False
    authorised: bool = False


@dataclass(frozen=True)
class AppliedRule:
    """A rule that changed (or fixed) a line's amount: ``code`` is the tariff article
    (``"T96"``, ``"T98"``...), ``explanation_fr`` says what it did to this line."""

    code: str
    explanation_fr: str


@dataclass(frozen=True)
class PricedLine:
    service: str
    code: str
    #: the tariff's figure for the item on the date that governs, before any rule (None: unknown)
    tariff_amount: Decimal | None
    #: the amount claimed, rounded to the cent (None when no figure exists and none was given)
    amount: Decimal | None
    rules: tuple[AppliedRule, ...] = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Pricing:
    lines: tuple[PricedLine, ...]
    #: findings about the whole set (e.g. the same attendance billed on two mandates)
    findings: tuple[Finding, ...] = field(default=())
