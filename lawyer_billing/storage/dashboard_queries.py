"""What the dashboard and the deadlines need beyond the engine's facts: statement numbers and
dates, the refusal a dispute path starts from, and which services and trips are billed.

The engine knows a statement by its database id; the lawyer knows it by its number. A service
or a trip is billed once it is on a finalized statement (a draft can still change).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from lawyer_billing.storage.rows import RefusalRow, StatementLineRow, StatementRow


@dataclass(frozen=True)
class StatementHeader:
    """A statement as the lists name it; ``refusal_id`` is its first refusal, where the dispute
    deadlines of the engine start (art. 32-35)."""

    id: int
    number: str
    finalized_on: date | None
    sent_on: date | None
    received_on: date | None
    total: Decimal | None
    refusal_id: int | None


@dataclass(frozen=True)
class BilledWork:
    """The statement each billed service is on, and the billed trips."""

    services: Mapping[int, int]
    travel: frozenset[int]


def statement_headers(session: Session) -> dict[int, StatementHeader]:
    refusals: dict[int, int] = {}
    for statement_id, refusal_id in session.execute(
        select(RefusalRow.statement_id, RefusalRow.id).order_by(RefusalRow.received_on, RefusalRow.id)
    ):
        refusals.setdefault(statement_id, refusal_id)
    query = select(
        StatementRow.id, StatementRow.number, StatementRow.finalized_on, StatementRow.sent_on,
        StatementRow.received_on, StatementRow.total,
    ).order_by(StatementRow.id)
    return {row.id: StatementHeader(*row, refusals.get(row.id)) for row in session.execute(query)}


def billed_work(session: Session) -> BilledWork:
    query = (
        select(StatementLineRow.service_id, StatementLineRow.travel_id, StatementLineRow.statement_id)
        .join(StatementRow, StatementRow.id == StatementLineRow.statement_id)
        .where(StatementRow.finalized_on.is_not(None))
        .order_by(StatementRow.finalized_on, StatementRow.id)
    )
    services: dict[int, int] = {}
    travel: set[int] = set()
    for service_id, travel_id, statement_id in session.execute(query):
        if service_id is not None:
            services.setdefault(service_id, statement_id)
        if travel_id is not None:
            travel.add(travel_id)
    return BilledWork(services, frozenset(travel))
