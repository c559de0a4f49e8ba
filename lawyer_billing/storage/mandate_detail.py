"""What the detail of a mandate needs besides its own records: the statements that bill it,
and the other mandates whose services can change the price of its services.

A service is not priced alone: T98 halves the other informations of the same client heard
the same day, T99 (and T187, T201.1) the other beneficiaries of one co-accused group, the
maximum counts "dans une même affaire" span every mandate of a matter, and T66 reads the
client's earlier mandate. ``pricing_neighbours`` gives the mandates to price together so that
the amounts shown for one mandate are the ones its statement will claim.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from lawyer_billing.storage.rows import MandateRow, ServiceRow, StatementLineRow, StatementRow, statement_mandate


@dataclass(frozen=True)
class StatementSummary:
    id: int
    number: str
    type: str
    status: str
    created_on: date
    sent_on: date | None
    finalized_on: date | None
    total: Decimal | None


def mandate_statements(session: Session, mandate_id: int) -> list[StatementSummary]:
    """The statements that bill the mandate, newest first."""
    rows = session.scalars(
        select(StatementRow)
        .join(statement_mandate, statement_mandate.c.statement_id == StatementRow.id)
        .where(statement_mandate.c.mandate_id == mandate_id)
        .order_by(StatementRow.created_on.desc(), StatementRow.id.desc())
    )
    return [
        StatementSummary(r.id, r.number, r.type, r.status, r.created_on, r.sent_on, r.finalized_on, r.total)
        for r in rows
    ]


def statement_of_services(session: Session, service_ids: Collection[int]) -> dict[int, str]:
    """For each service already on a statement, that statement's number (the finalized one
    when there are several)."""
    rows = session.execute(
        select(StatementLineRow.service_id, StatementRow.number, StatementRow.finalized_on)
        .join(StatementRow, StatementRow.id == StatementLineRow.statement_id)
        .where(StatementLineRow.service_id.in_(list(service_ids)))
        .order_by(StatementRow.finalized_on.is_(None), StatementRow.id)
    )
    numbers: dict[int, str] = {}
    for service_id, number, _ in rows:
        numbers.setdefault(service_id, number)
    return numbers


def pricing_neighbours(session: Session, mandate_ids: Collection[int]) -> set[int]:
    """``mandate_ids`` and every mandate whose services can change the price of theirs: the
    same client (T98), the same matter (maximum counts), a co-accused group one of their
    services shares (T99, T187, T201.1), their earlier mandate (T66)."""
    ids = set(mandate_ids)
    if not ids:
        return ids
    mandates = session.execute(
        select(MandateRow.client_name, MandateRow.matter, MandateRow.earlier_mandate_id).where(MandateRow.id.in_(ids))
    ).all()
    clients = {client for client, _, _ in mandates}
    matters = {matter for _, matter, _ in mandates if matter}
    earlier = {mandate for _, _, mandate in mandates if mandate is not None}
    groups = select(ServiceRow.co_accused_group).where(
        ServiceRow.mandate_id.in_(ids), ServiceRow.co_accused_group.is_not(None), ServiceRow.co_accused_group != ""
    )
    related = session.scalars(
        select(MandateRow.id).where(or_(
            MandateRow.client_name.in_(clients),
            MandateRow.matter.in_(matters),
            MandateRow.id.in_(earlier),
            MandateRow.id.in_(select(ServiceRow.mandate_id).where(ServiceRow.co_accused_group.in_(groups))),
        ))
    )
    return ids | set(related)


def mandates_with_services_on(session: Session, day: date) -> set[int]:
    """The mandates that have a service rendered on ``day``."""
    return set(session.scalars(select(ServiceRow.mandate_id).where(ServiceRow.rendered_on == day).distinct()))
