"""A professional service (prestation) rendered on a mandate, and a disbursement (débours).

A service names its tariff item by code; the amount is not stored with it but computed by the
tariff engine from the item, the date that governs and the rules that apply. ``amount_override``
is only for items with no fixed amount or a special consideration, always with its reason.
"""

from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from enum import StrEnum


class Disposition(StrEnum):
    GUILTY_PLEA = "guilty_plea"
    TRIAL = "trial"
    WITHDRAWAL = "withdrawal"
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
