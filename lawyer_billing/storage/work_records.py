"""Removing a service, a trip or a disbursement, and the statements that stand in the way.

A record on a statement cannot be removed: the statement line points at it, and a finalized
statement never changes (``frozen_statements``). The caller asks ``statements_holding`` first
to say which statement it is in a sentence; ``remove`` checks the version read, like an update,
so a record changed on another workstation in the meantime is not removed unseen.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session

from lawyer_billing.domain.service import Disbursement, Service, Travel
from lawyer_billing.storage.errors import ConcurrentEditError, StorageError
from lawyer_billing.storage.rows import DisbursementRow, ServiceRow, StatementLineRow, StatementRow, TravelRow

WorkRecord = Service | Travel | Disbursement


class OnStatementError(StorageError):
    """A record on a statement in preparation: it must be taken off the statement first."""


_ROWS = {Service: (ServiceRow, StatementLineRow.service_id), Travel: (TravelRow, StatementLineRow.travel_id),
         Disbursement: (DisbursementRow, StatementLineRow.disbursement_id)}


def statements_holding(session: Session, record: WorkRecord) -> list[tuple[str, bool]]:
    """The statements with a line for ``record``: (number, finalized), finalized first."""
    _, column = _ROWS[type(record)]
    rows = session.execute(
        select(StatementRow.number, StatementRow.finalized_on)
        .join(StatementLineRow, StatementLineRow.statement_id == StatementRow.id)
        .where(column == record.id)
        .order_by(StatementRow.finalized_on.is_(None), StatementRow.number)
    )
    return list(dict.fromkeys((number, finalized is not None) for number, finalized in rows))


def remove(session: Session, record: WorkRecord) -> None:
    """Delete ``record``'s row; refused if it was changed or removed since it was read."""
    row_type, _ = _ROWS[type(record)]
    row = session.get(row_type, record.id)
    if row is None or row.version != record.version:
        raise ConcurrentEditError(
            "Cet enregistrement a été modifié ou supprimé ailleurs depuis que vous l'avez ouvert : "
            "rouvrez le mandat pour voir la version actuelle."
        )
    session.delete(row)
    session.flush()
