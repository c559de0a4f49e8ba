"""The list of mandates as the Mandats screen shows it, in one query whatever their number.

Each row says what a lawyer scans for: who, which court, which office, where the mandate
stands, and how many of its services are not yet on a finalized statement.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from lawyer_billing.domain.mandate import MandateStatus
from lawyer_billing.storage.rows import (
    LegalAidOfficeRow,
    MandateRow,
    RefusalRow,
    ServiceRow,
    StatementLineRow,
    StatementRow,
    statement_mandate,
)


@dataclass(frozen=True)
class MandateSummary:
    id: int
    number: str
    client_name: str
    court: str
    office: str
    matter_type: str
    issued_on: date
    ended_on: date | None
    services: int
    unbilled: int
    statements: int
    refused: bool

    @property
    def status(self) -> MandateStatus:
        """Where the mandate stands, derived from its records rather than typed by hand."""
        if self.refused:
            return MandateStatus.DISPUTED
        if self.ended_on is None:
            return MandateStatus.OPEN
        if self.unbilled or not self.statements:
            return MandateStatus.ENDED
        return MandateStatus.BILLED


def billed_service_ids():
    """The services on a finalized statement."""
    return (
        select(StatementLineRow.service_id)
        .join(StatementRow, StatementRow.id == StatementLineRow.statement_id)
        .where(StatementRow.finalized_on.is_not(None), StatementLineRow.service_id.is_not(None))
    )


def mandate_summaries(session: Session, mandate_ids: list[int] | None = None) -> list[MandateSummary]:
    services = (
        select(
            ServiceRow.mandate_id,
            func.count().label("services"),
            func.count().filter(ServiceRow.id.not_in(billed_service_ids())).label("unbilled"),
        )
        .group_by(ServiceRow.mandate_id)
        .subquery()
    )
    statements = (
        select(statement_mandate.c.mandate_id, func.count().label("statements"))
        .join(StatementRow, StatementRow.id == statement_mandate.c.statement_id)
        .where(StatementRow.finalized_on.is_not(None))
        .group_by(statement_mandate.c.mandate_id)
        .subquery()
    )
    refused = exists().where(and_(
        RefusalRow.statement_id == statement_mandate.c.statement_id,
        statement_mandate.c.mandate_id == MandateRow.id,
    ))
    query = (
        select(
            MandateRow.id, MandateRow.number, MandateRow.client_name, MandateRow.court,
            func.coalesce(LegalAidOfficeRow.name, ""), MandateRow.matter_type, MandateRow.issued_on,
            MandateRow.ended_on, func.coalesce(services.c.services, 0), func.coalesce(services.c.unbilled, 0),
            func.coalesce(statements.c.statements, 0), refused,
        )
        .outerjoin(LegalAidOfficeRow, LegalAidOfficeRow.id == MandateRow.office_id)
        .outerjoin(services, services.c.mandate_id == MandateRow.id)
        .outerjoin(statements, statements.c.mandate_id == MandateRow.id)
        .order_by(MandateRow.issued_on.desc(), MandateRow.id.desc())
    )
    if mandate_ids is not None:
        query = query.where(MandateRow.id.in_(mandate_ids))
    return [MandateSummary(*row) for row in session.execute(query)]
