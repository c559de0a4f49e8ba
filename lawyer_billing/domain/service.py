"""A professional service (prestation) rendered on a mandate, and a disbursement (débours).

A service names its tariff item by code; the amount is not stored with it but computed by the
tariff engine from the item, the date that governs and the rules that apply. ``amount_override``
is only for items with no fixed amount or a special consideration, always with its reason.
``rule_facts`` holds the optional facts only some rules read (the fields of
``billing.ServiceFacts`` that a service has no column for, e.g. ``charged_as`` for T97), so a
new rule's fact needs no new column; ``domain/record_facts.py`` checks and maps them.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from decimal import Decimal
from enum import StrEnum


class Disposition(StrEnum):
    """How an attendance ended, in the words the rules read (T55, T98, T117-T118, T196)."""

    GUILTY_PLEA = "guilty_plea"
    TRIAL = "trial"
    FOUND_GUILTY = "found_guilty"
    WITHDRAWAL = "withdrawal"
    CONSENT = "consent"
    SETTLED_BEFORE_DEFENCE = "settled_before_defence"
    SETTLED_AFTER_DEFENCE = "settled_after_defence"
    OTHER = "other"


@dataclass(frozen=True)
class Service:
    mandate_id: int
    code: str
    rendered_on: date
    start: time | None = None
    end: time | None = None
    units: int = 1
    court: str = ""
    room: str = ""
    disposition: Disposition | None = None
    co_accused_group: str | None = None
    children: int = 1
    tariff_class: str | None = None
    base_amount: Decimal | None = None
    description: str = ""
    amount_override: Decimal | None = None
    override_reason: str = ""
    rule_facts: Mapping[str, object] = field(default_factory=dict)
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class Disbursement:
    """Expert fees, bailiff service and other costs incidental to the mandate (art. 19)."""

    mandate_id: int
    incurred_on: date
    description: str
    amount: Decimal
    receipt_reference: str = ""
    expert_authorised_on: date | None = None
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class Travel:
    """A trip for a mandate (art. 20): ``basis`` is a ``travel.TravelBasis`` value; ``km`` the
    distance travelled, ``destination_km`` the distance from the office to where the service
    was rendered, ``alternate_km`` the other office's distance when it applies."""

    mandate_id: int
    travelled_on: date
    km: Decimal
    destination_km: Decimal
    basis: str
    alternate_km: Decimal | None = None
    parking: Decimal | None = None
    actual_cost: Decimal | None = None
    description: str = ""
    id: int | None = None
    version: int | None = None
