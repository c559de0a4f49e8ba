"""The relevé d'honoraires and what follows it: payments, refusals, disputes, special consideration.

A statement is interim or final (art. 16), or supplementary when it corrects one already sent:
once sent, a statement and its lines never change (the storage layer refuses it).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum


class StatementType(StrEnum):
    INTERIM = "interim"
    FINAL = "final"
    SUPPLEMENTARY = "supplementary"


class StatementStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    RECEIVED = "received"
    PAID = "paid"
    PARTIALLY_PAID = "partially_paid"
    REFUSED = "refused"


@dataclass(frozen=True)
class Payment:
    statement_id: int
    paid_on: date
    amount: Decimal
    id: int | None = None


@dataclass(frozen=True)
class Refusal:
    """A written refusal notice with reasons (art. 25), which opens the dispute path."""

    statement_id: int
    received_on: date
    reasons: str
    amount_refused: Decimal
    id: int | None = None
