"""The periods of the Code of Penal Procedure the lawyer follows on a mandate, as recorded.

One row per followed period: which period (its ``id`` in ``resources/penal/periods.yaml``), the
day of its event, the lawyer's note and the day it was marked done. The last day is never
stored: ``services/penal_deadlines.py`` computes it from these days with the holidays of the
settings, so a holiday added later moves it. A change is written at the version it was read
(``ConcurrentEditError`` otherwise), so two workstations never overwrite each other.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from lawyer_billing.storage.errors import ConcurrentEditError
from lawyer_billing.storage.rows import MandateRow, PenalDeadlineRow

CHANGED_ELSEWHERE = (
    "Ce délai pénal a été modifié ou retiré ailleurs depuis que vous l'avez ouvert : rouvrez le mandat pour voir "
    "la version actuelle."
)


@dataclass(frozen=True)
class PenalDeadlineRecord:
    mandate_id: int
    period: str
    event_on: date
    note: str = ""
    done_on: date | None = None
    id: int | None = None
    version: int | None = None


@dataclass(frozen=True)
class OpenPenalDeadline:
    """A followed period not done on a given day, with the mandate it is followed on."""

    record: PenalDeadlineRecord
    mandate_number: str
    client_name: str


class PenalDeadlineStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, record: PenalDeadlineRecord) -> PenalDeadlineRecord:
        row = PenalDeadlineRow(mandate_id=record.mandate_id, period=record.period, event_on=record.event_on,
                               note=record.note, done_on=record.done_on)
        self.session.add(row)
        self.session.flush()
        return _record(row)

    def get(self, deadline_id: int) -> PenalDeadlineRecord | None:
        row = self.session.get(PenalDeadlineRow, deadline_id)
        return None if row is None else _record(row)

    def of_mandate(self, mandate_id: int) -> list[PenalDeadlineRecord]:
        """The periods followed on one mandate, by the day of their event."""
        rows = self.session.scalars(
            select(PenalDeadlineRow).where(PenalDeadlineRow.mandate_id == mandate_id)
            .order_by(PenalDeadlineRow.event_on, PenalDeadlineRow.id)
        )
        return [_record(row) for row in rows]

    def open_on(self, day: date) -> list[OpenPenalDeadline]:
        """The periods of every mandate not done on ``day`` (never done, or done after it: a
        listing as of a past day shows what was still to do then)."""
        rows = self.session.execute(
            select(PenalDeadlineRow, MandateRow.number, MandateRow.client_name)
            .join(MandateRow, MandateRow.id == PenalDeadlineRow.mandate_id)
            .where(or_(PenalDeadlineRow.done_on.is_(None), PenalDeadlineRow.done_on > day))
            .order_by(PenalDeadlineRow.event_on, PenalDeadlineRow.id)
        )
        return [OpenPenalDeadline(_record(row), number, client) for row, number, client in rows]

    def update(self, record: PenalDeadlineRecord) -> PenalDeadlineRecord:
        """Write the note and the day done of ``record`` at the version it was read."""
        row = self._current(record)
        row.note, row.done_on = record.note, record.done_on
        self._flush()
        return _record(row)

    def delete(self, record: PenalDeadlineRecord) -> None:
        """Remove the followed period ``record`` read at its version."""
        self.session.delete(self._current(record))
        self._flush()

    def _current(self, record: PenalDeadlineRecord) -> PenalDeadlineRow:
        row = None if record.id is None else self.session.get(PenalDeadlineRow, record.id)
        if row is None or row.version != record.version:
            raise ConcurrentEditError(CHANGED_ELSEWHERE)
        return row

    def _flush(self) -> None:
        """Another workstation may write between the read and this flush: the version check of
        the ``UPDATE`` or ``DELETE`` then finds no row, refused the same way."""
        try:
            self.session.flush()
        except StaleDataError:
            raise ConcurrentEditError(CHANGED_ELSEWHERE) from None


def _record(row: PenalDeadlineRow) -> PenalDeadlineRecord:
    return PenalDeadlineRecord(row.mandate_id, row.period, row.event_on, row.note, row.done_on, row.id, row.version)
