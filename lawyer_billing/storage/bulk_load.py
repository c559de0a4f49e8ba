"""Loading many records at once into an empty database (the demonstration database).

A user's action saves a record or two through the repositories, one ORM flush each; a demo of
5 000 mandates and 50 000 services done that way takes minutes. Here each kind of record goes
in as one multi-row ``INSERT`` per batch (SQLAlchemy's ``insert()`` with a list of values),
inside the caller's unit of work, so the whole load is committed together or not at all.
Rows that carry a ``version`` start at 1, as the ORM would have written them.

Only into an empty database: ``require_empty`` refuses a database that already holds the
lawyer's work, so a demo can never be mixed with real files.
"""

from collections.abc import Sequence

from sqlalchemy import exists, insert, select
from sqlalchemy.orm import Session

from lawyer_billing.storage.errors import StorageError
from lawyer_billing.storage.repositories import (
    DisbursementRepository,
    MandateRepository,
    OfficeRepository,
    ServiceRepository,
    TravelRepository,
    row_values,
)
from lawyer_billing.storage.rows import (
    KmRateRow,
    LawyerProfileRow,
    LegalAidOfficeRow,
    MandateRow,
    StatementRow,
    TariffOverlayRow,
    UserHolidayRow,
)

#: The domain type of each record ``insert_records`` takes, and the row it becomes.
_ROW_TYPES = {
    repository.domain_type: repository.row_type
    for repository in (OfficeRepository, MandateRepository, ServiceRepository, DisbursementRepository, TravelRepository)
}
#: Tables that hold the lawyer's own work; settings (language, window) do not count.
_WORK_TABLES = (
    LawyerProfileRow, LegalAidOfficeRow, MandateRow, StatementRow, KmRateRow, UserHolidayRow, TariffOverlayRow,
)


class DatabaseNotEmptyError(StorageError):
    """A bulk load into a database that already holds records: refused, nothing written."""


def require_empty(session: Session, purpose: str) -> None:
    """Refuse (``DatabaseNotEmptyError``, naming ``purpose``) unless no table of work has a row."""
    for row_type in _WORK_TABLES:
        if session.scalar(select(exists().select_from(row_type))):
            raise DatabaseNotEmptyError(
                f"Cette base de données contient déjà des données : {purpose} ne se fait que dans une base vide. "
                "Choisissez un nouveau fichier avec --db."
            )


def insert_records(session: Session, records: Sequence, *, key: str | None = None) -> list[int]:
    """Insert ``records`` (domain objects of one type, without ids); with ``key``, the name of
    a field whose values are unique in the table (it held none of these records' kind before:
    ``require_empty``), return their new ids in order.

    The ids are read back by that key rather than with ``INSERT ... RETURNING``: returning the
    ids of a many-row insert in the order of its rows costs more than the insert itself.
    """
    if not records:
        return []
    row_type = _ROW_TYPES[type(records[0])]
    versioned = "version" in row_type.__table__.c
    # the table's insert, not the mapped class's: the ORM splits a list of rows into one
    # statement per run of rows whose empty columns differ, the table's takes them all at once
    session.execute(
        insert(row_type.__table__),
        [{**row_values(record), "version": 1} if versioned else row_values(record) for record in records],
    )
    if key is None:
        return []
    column = getattr(row_type, key)
    found = dict(session.execute(select(column, row_type.id)).all())
    return [found[getattr(record, key)] for record in records]

