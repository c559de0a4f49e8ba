"""Everything the engine needs from the database, read in one pass as domain objects.

Mandates, services, trips and disbursements come out as the records the lawyer entered;
statements come out as ``StatementFacts`` (what happened to each: sent, received, paid in
part or in full, refused, disputed), the same type a ``compute`` scenario gives, so interest
and deadlines are computed by the same code for a scenario and for the lawyer's own files.
"""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from lawyer_billing.domain.interest import Payment
from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.money import ZERO
from lawyer_billing.domain.scenario import StatementFacts
from lawyer_billing.domain.service import Disbursement, Service, Travel
from lawyer_billing.storage.repositories import mapping_to_domain
from lawyer_billing.storage.rows import (
    DisbursementRow,
    DisputeRow,
    MandateRow,
    PaymentRow,
    RefusalRow,
    ServiceRow,
    StatementRow,
    TravelRow,
    statement_mandate,
)


@dataclass(frozen=True)
class BillingRecords:
    mandates: tuple[Mandate, ...]
    services: tuple[Service, ...]
    travel: tuple[Travel, ...]
    disbursements: tuple[Disbursement, ...]
    statements: tuple[StatementFacts, ...]


def load_billing_records(session: Session, mandate_ids: Collection[int] | None = None) -> BillingRecords:
    """The records of ``mandate_ids`` (every mandate when ``None``), with the statements that
    cover at least one of them."""

    def of_mandates(row_type, column):
        # plain rows, not mapped objects: the whole practice is read here, and building tens of
        # thousands of tracked ORM instances only to copy them into domain records costs seconds
        table = row_type.__table__
        query = select(table)
        if mandate_ids is not None:
            query = query.where(table.c[column.key].in_(mandate_ids))
        return session.execute(query.order_by(table.c.id)).mappings()

    mandates = tuple(mapping_to_domain(r, Mandate) for r in of_mandates(MandateRow, MandateRow.id))
    services = tuple(mapping_to_domain(r, Service) for r in of_mandates(ServiceRow, ServiceRow.mandate_id))
    travel = tuple(mapping_to_domain(r, Travel) for r in of_mandates(TravelRow, TravelRow.mandate_id))
    disbursements = tuple(
        mapping_to_domain(r, Disbursement) for r in of_mandates(DisbursementRow, DisbursementRow.mandate_id)
    )
    return BillingRecords(mandates, services, travel, disbursements, _statement_facts(session, mandate_ids))


def _statement_facts(session: Session, mandate_ids: Collection[int] | None) -> tuple[StatementFacts, ...]:
    query = select(StatementRow).options(selectinload(StatementRow.mandates)).order_by(StatementRow.id)
    if mandate_ids is not None:
        covered = select(statement_mandate.c.statement_id).where(statement_mandate.c.mandate_id.in_(mandate_ids))
        query = query.where(StatementRow.id.in_(covered))
    statements = list(session.scalars(query))
    ids = [s.id for s in statements]
    payments = defaultdict(list)
    for row in session.scalars(select(PaymentRow).where(PaymentRow.statement_id.in_(ids)).order_by(PaymentRow.paid_on)):
        payments[row.statement_id].append(Payment(row.paid_on, row.amount))
    refusals = {}
    for row in session.scalars(select(RefusalRow).where(RefusalRow.statement_id.in_(ids)).order_by(RefusalRow.received_on)):
        refusals.setdefault(row.statement_id, row)
    disputes = {
        row.refusal_id: row
        for row in session.scalars(select(DisputeRow).where(DisputeRow.refusal_id.in_([r.id for r in refusals.values()])))
    }
    facts = []
    for statement in statements:
        refusal = refusals.get(statement.id)
        dispute = disputes.get(refusal.id) if refusal else None
        partial, paid = _split_payments(payments[statement.id], statement.total)
        facts.append(StatementFacts(
            id=str(statement.id),
            mandates=tuple(str(m.id) for m in statement.mandates),
            sent=statement.sent_on,
            received=statement.received_on,
            amount=statement.total,
            paid=paid,
            payments=partial,
            refusal_received=refusal.received_on if refusal else None,
            conciliation_requested=dispute.conciliation_requested_on if dispute else None,
            conciliation_ended=dispute.conciliation_ended_on if dispute else None,
            dispute_notice_sent=dispute.notice_sent_on if dispute else None,
            answer_received=dispute.answer_received_on if dispute else None,
            arbitration_requested=dispute.arbitration_letter_sent_on if dispute else None,
            number=statement.number,
        ))
    return tuple(facts)


def _split_payments(payments: list[Payment], total) -> tuple[tuple[Payment, ...], object]:
    """The partial payments, and the day the statement was paid in full (``None`` if not yet):
    the payment that brings the sum to the statement's total ends the interest (art. 17)."""
    received = ZERO
    for index, payment in enumerate(payments):
        received += payment.amount
        if total is not None and received >= total:
            return tuple(payments[:index]), payment.date
    return tuple(payments), None
