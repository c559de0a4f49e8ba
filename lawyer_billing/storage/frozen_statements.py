"""A finalized statement never changes: corrections go on a supplementary statement.

Enforced here, under every writer (GUI, import, CLI), by checking each flush: the content of a
statement whose committed ``finalized_on`` is set (its number, type, amounts, mandates and
lines) cannot be updated or deleted, and no line can be added to it. Its follow-up (status,
dates sent and received, notes) is recorded on the statement and in payments and refusals,
which stay free.
"""

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from lawyer_billing.storage.errors import FrozenStatementError
from lawyer_billing.storage.rows import StatementLineRow, StatementRow

FROZEN_COLUMNS = (
    "number", "type", "supplements_id", "created_on", "finalized_on", "office_id", "total", "fees",
    "cap_reduction", "travel_total", "disbursements_total", "gst", "qst", "lines_hash", "mandates",
)


def _committed(row, attribute: str):
    history = inspect(row).attrs[attribute].history
    committed = history.unchanged or history.deleted
    return committed[0] if committed else None


def _was_finalized(statement: StatementRow) -> bool:
    return inspect(statement).persistent and _committed(statement, "finalized_on") is not None


def _refusal(statement: StatementRow) -> FrozenStatementError:
    return FrozenStatementError(
        f"Le relevé {statement.number} a été finalisé le {_committed(statement, 'finalized_on'):%Y-%m-%d} "
        "et ne peut plus être modifié : faites un relevé supplémentaire."
    )


def refuse_changes_to_finalized_statements(session: Session, _context, _instances) -> None:
    with session.no_autoflush:
        for row in session.deleted:
            if isinstance(row, StatementRow) and _was_finalized(row):
                raise _refusal(row)
        for row in session.dirty:
            if isinstance(row, StatementRow) and _was_finalized(row):
                state = inspect(row)
                if any(state.attrs[name].history.has_changes() for name in FROZEN_COLUMNS):
                    raise _refusal(row)
        for row in session.new | session.dirty | session.deleted:
            if isinstance(row, StatementLineRow):
                statement = session.get(StatementRow, row.statement_id) if row.statement_id else row.statement
                if statement is not None and _was_finalized(statement):
                    raise _refusal(statement)
