"""What happens to a statement once sent: the payments received and the refusal notified (art. 25).

Plain values in and out. A statement has at most one refusal (the notice of art. 25 answers the
statement as a whole; a correction goes on a supplementary statement, which gets its own).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from lawyer_billing.storage.rows import PaymentRow, RefusalRow


@dataclass(frozen=True)
class PaymentRecord:
    statement_id: int
    paid_on: date
    amount: Decimal
    id: int | None = None


@dataclass(frozen=True)
class RefusalRecord:
    """A notice of refusal of payment: when it was received, why, how much, the office's reference."""

    statement_id: int
    received_on: date
    reasons: str
    amount_refused: Decimal
    reference: str = ""
    id: int | None = None
    version: int | None = None


class FollowUpStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def payments(self, statement_id: int) -> list[PaymentRecord]:
        rows = self.session.scalars(
            select(PaymentRow).where(PaymentRow.statement_id == statement_id)
            .order_by(PaymentRow.paid_on, PaymentRow.id)
        )
        return [PaymentRecord(r.statement_id, r.paid_on, r.amount, r.id) for r in rows]

    def add_payment(self, payment: PaymentRecord) -> int:
        row = PaymentRow(statement_id=payment.statement_id, paid_on=payment.paid_on, amount=payment.amount)
        self.session.add(row)
        self.session.flush()
        return row.id

    def refusal_of(self, statement_id: int) -> RefusalRecord | None:
        row = self.session.scalar(
            select(RefusalRow).where(RefusalRow.statement_id == statement_id).order_by(RefusalRow.id).limit(1)
        )
        return None if row is None else _refusal(row)

    def refusal(self, refusal_id: int) -> RefusalRecord | None:
        row = self.session.get(RefusalRow, refusal_id)
        return None if row is None else _refusal(row)

    def add_refusal(self, refusal: RefusalRecord) -> int:
        row = RefusalRow(statement_id=refusal.statement_id, received_on=refusal.received_on, reasons=refusal.reasons,
                         amount_refused=refusal.amount_refused, reference=refusal.reference)
        self.session.add(row)
        self.session.flush()
        return row.id

    def refusals(self) -> list[RefusalRecord]:
        """Every refusal, the most recent first."""
        rows = self.session.scalars(select(RefusalRow).order_by(RefusalRow.received_on.desc(), RefusalRow.id.desc()))
        return [_refusal(row) for row in rows]


def _refusal(row: RefusalRow) -> RefusalRecord:
    return RefusalRecord(row.statement_id, row.received_on, row.reasons, row.amount_refused, row.reference, row.id,
                         row.version)
