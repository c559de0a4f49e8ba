"""The dispute path of a refusal as recorded: the day of each step (arts. 29-35) and the outcome.

One dispute per refusal. Each step's day is written as the lawyer records it; the deadlines
are computed from these days by ``domain/deadlines.py``, never stored.
"""

from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from lawyer_billing.storage.errors import ConcurrentEditError
from lawyer_billing.storage.rows import DisputeRow


@dataclass(frozen=True)
class DisputeRecord:
    refusal_id: int
    conciliation_requested_on: date | None = None
    conciliation_ended_on: date | None = None
    notice_sent_on: date | None = None
    answer_received_on: date | None = None
    arbitration_letter_sent_on: date | None = None
    outcome: str = ""
    id: int | None = None
    version: int | None = None


_CONTENT = tuple(f.name for f in fields(DisputeRecord) if f.name not in ("id", "version", "refusal_id"))


class DisputeStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def of_refusal(self, refusal_id: int) -> DisputeRecord | None:
        row = self.session.scalar(select(DisputeRow).where(DisputeRow.refusal_id == refusal_id).limit(1))
        return None if row is None else _record(row)

    def all(self) -> dict[int, DisputeRecord]:
        """Every dispute, by the id of its refusal."""
        return {row.refusal_id: _record(row) for row in self.session.scalars(select(DisputeRow))}

    def save(self, record: DisputeRecord) -> DisputeRecord:
        """Create the dispute (no id) or write ``record`` over it at the version it was read."""
        if record.id is None:
            row = DisputeRow(refusal_id=record.refusal_id)
            self.session.add(row)
        else:
            row = self.session.get(DisputeRow, record.id)
            if row is None or row.version != record.version:
                raise ConcurrentEditError(
                    "Ce différend a été modifié ailleurs depuis que vous l'avez ouvert : rouvrez-le pour voir "
                    "la version actuelle."
                )
        for name in _CONTENT:
            setattr(row, name, getattr(record, name))
        self.session.flush()
        return _record(row)


def _record(row: DisputeRow) -> DisputeRecord:
    return DisputeRecord(row.refusal_id, *(getattr(row, name) for name in _CONTENT), id=row.id, version=row.version)
