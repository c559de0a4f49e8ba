"""The audit trail: who saved what, when and from which workstation, with the record's values
before and after, appended in the same unit of work as the change.

Written by the services (one event per record a user action changes), read by the screen that
shows a record's history; never updated or deleted by the application.

A record's values are taken the one way ``record_values`` reads them: every column of its row
but the technical ones, as text that compares field by field and reads the same on every
database (dates ISO, money to the cent, nothing as an empty text). ``record_change`` takes
them after the write from the same session, so the trail holds what was stored, not what
the screen sent.
"""

import json
import socket
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time
from itertools import groupby
from typing import Mapping

from sqlalchemy import and_, inspect, or_, select
from sqlalchemy.orm import Session

from lawyer_billing.domain.money import round_cents
from lawyer_billing.storage.rows import (
    AuditEventRow,
    DisbursementRow,
    DisputeRow,
    LegalAidOfficeRow,
    MandateRow,
    PaymentRow,
    PenalDeadlineRow,
    RefusalRow,
    ServiceRow,
    StatementRow,
    TravelRow,
)
from lawyer_billing.storage.types import Cents

#: The records whose events keep their values, by the entity name the events give them.
AUDITED_ROWS = {
    "mandate": MandateRow, "service": ServiceRow, "travel": TravelRow, "disbursement": DisbursementRow,
    "statement": StatementRow, "payment": PaymentRow, "refusal": RefusalRow, "dispute": DisputeRow,
    "penal_deadline": PenalDeadlineRow,
}
#: The records kept on a mandate (its work, the penal periods followed), whose history is part of the mandate's.
MANDATE_PARTS = ("service", "travel", "disbursement", "penal_deadline")
#: The columns that point to another record, with the row and column that name it to a reader
#: (the trail keeps the id, which stays exact when the other record is renamed).
REFERENCES = {
    "office_id": (LegalAidOfficeRow, "name"), "mandate_id": (MandateRow, "number"),
    "earlier_mandate_id": (MandateRow, "number"), "statement_id": (StatementRow, "number"),
    "supplements_id": (StatementRow, "number"), "refusal_id": (RefusalRow, "received_on"),
}
#: The actions that remove a record.
REMOVALS = ("delete", "discard")
#: Columns that are not what the user recorded: the key, the version of optimistic locking, and
#: a finalized statement's seal (a digest of its lines, changed only with the totals it seals).
TECHNICAL = frozenset({"id", "version", "lines_hash"})


@dataclass(frozen=True)
class AuditEvent:
    """One saved change. ``before`` and ``after`` are the record's fields as text
    (``None`` for a record that did not exist before, or no longer exists after);
    ``workstation`` is filled by the trail when the service leaves it empty."""

    at: datetime
    user: str
    action: str
    entity: str
    entity_id: int | None
    summary: str
    before: Mapping[str, str] | None = None
    after: Mapping[str, str] | None = None
    workstation: str = ""


def record_values(row) -> dict[str, str]:
    """The values of ``row`` as the trail keeps them, by column name (technical ones left out)."""
    return {
        attribute.key: _text(attribute.columns[0].type, getattr(row, attribute.key))
        for attribute in inspect(type(row)).column_attrs if attribute.key not in TECHNICAL
    }


def audited_fields(entity: str) -> tuple[str, ...]:
    """The fields an event of ``entity`` keeps, in the order of the record's columns."""
    return tuple(a.key for a in inspect(AUDITED_ROWS[entity]).column_attrs if a.key not in TECHNICAL)


def referenced_names(session: Session, field: str, ids: Collection[str]) -> dict[str, str]:
    """The name of each record the reference ``field`` points to, by the id as the trail keeps
    it; a record no longer stored is left out (its id is all there is to show)."""
    row_type, name = REFERENCES[field]
    wanted = [int(i) for i in ids if i.isdigit()]
    rows = session.execute(select(row_type.id, getattr(row_type, name)).where(row_type.id.in_(wanted)))
    return {str(record_id): _text(None, value) for record_id, value in rows}


def _text(column_type, value) -> str:
    if value is None:
        return ""
    if isinstance(column_type, Cents):
        return str(round_cents(value))  # what the cents column holds, 12.5 read as 12.50
    if isinstance(value, time):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class AuditTrail:
    def __init__(self, session: Session, workstation: str | None = None) -> None:
        self.session = session
        self.workstation = socket.gethostname() if workstation is None else workstation

    def values(self, entity: str, entity_id: int | None) -> dict[str, str] | None:
        """The stored values of a record, as they are in this session now (``None``: no such record)."""
        if entity_id is None:
            return None
        row = self.session.get(AUDITED_ROWS[entity], entity_id)
        return None if row is None else record_values(row)

    def record_change(
        self, at: datetime, user: str, action: str, entity: str, entity_id: int, summary: str,
        before: Mapping[str, str] | None,
    ) -> None:
        """Record a change of a record whose values were ``before`` (``values`` read before the
        write); the values after are read now, after the write (``None`` once deleted)."""
        self.record(AuditEvent(at, user, action, entity, entity_id, summary, before=before,
                               after=self.values(entity, entity_id)))

    def record(self, event: AuditEvent) -> None:
        self.session.add(AuditEventRow(
            at=event.at, user=event.user, action=event.action, entity=event.entity,
            entity_id=event.entity_id, summary=event.summary,
            workstation=event.workstation or self.workstation,
            before=_json(event.before), after=_json(event.after),
        ))
        self.session.flush()

    def of(self, entity: str, entity_id: int) -> list[AuditEvent]:
        rows = self.session.scalars(
            select(AuditEventRow)
            .where(AuditEventRow.entity == entity, AuditEventRow.entity_id == entity_id)
            .order_by(AuditEventRow.at, AuditEventRow.id)
        )
        return [_event(row) for row in rows]

    def latest(self, limit: int = 200) -> list[AuditEvent]:
        rows = self.session.scalars(select(AuditEventRow).order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc()).limit(limit))
        return [_event(row) for row in rows]

    def history(self, entity: str, entity_id: int) -> list[AuditEvent]:
        """The events of a record and of the records that belong to it (``belonging``), newest first.

        SQLite gives the id of a removed record to the next one added: the events of this id up
        to its last removal were another record's (a discarded draft), and a removed service
        whose id came back on another mandate shows on the mandate its values name."""
        records = sorted({(entity, entity_id), *belonging(self.session, entity, entity_id)})
        conditions = [
            and_(AuditEventRow.entity == kind, AuditEventRow.entity_id.in_([i for _, i in group]))
            for kind, group in groupby(records, key=lambda record: record[0])
        ]
        rows = self.session.scalars(
            select(AuditEventRow).where(or_(*conditions)).order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc())
        )
        events = [_event(row) for row in rows]
        removed = next((n for n, e in enumerate(events)
                        if (e.entity, e.entity_id) == (entity, entity_id) and e.action in REMOVALS), len(events))
        return [e for e in events[:removed] if entity != "mandate" or _on_mandate(e, entity_id)]


def belonging(session: Session, entity: str, entity_id: int) -> list[tuple[str, int]]:
    """The records whose history is shown with a record's: a mandate's services, trips,
    disbursements and penal periods followed, removed ones included (found by the mandate their values before removal
    name); a statement's payments and refusal with its dispute; a refusal's dispute."""
    if entity == "mandate":
        current = [
            (kind, record_id) for kind in MANDATE_PARTS
            for record_id in session.scalars(select(AUDITED_ROWS[kind].id)
                                             .where(AUDITED_ROWS[kind].mandate_id == entity_id))
        ]
        return current + _removed_work(session, entity_id)
    if entity == "statement":
        refusals = list(session.scalars(select(RefusalRow.id).where(RefusalRow.statement_id == entity_id)))
        payments = session.scalars(select(PaymentRow.id).where(PaymentRow.statement_id == entity_id))
        return ([("payment", i) for i in payments] + [("refusal", i) for i in refusals]
                + _disputes(session, refusals))
    if entity == "refusal":
        return _disputes(session, [entity_id])
    return []


def _on_mandate(event: AuditEvent, mandate_id: int) -> bool:
    """Whether an event of a mandate's history is about it or one of its parts (by the mandate its
    values name; an event written before values were kept is taken as it comes)."""
    values = event.after or event.before
    return event.entity == "mandate" or values is None or values.get("mandate_id") == str(mandate_id)


def _removed_work(session: Session, mandate_id: int) -> list[tuple[str, int]]:
    rows = session.execute(
        select(AuditEventRow.entity, AuditEventRow.entity_id, AuditEventRow.before)
        .where(AuditEventRow.entity.in_(MANDATE_PARTS), AuditEventRow.action == "delete",
               AuditEventRow.before.is_not(None))
    )
    return [(kind, record_id) for kind, record_id, before in rows
            if json.loads(before).get("mandate_id") == str(mandate_id)]


def _disputes(session: Session, refusal_ids: Collection[int]) -> list[tuple[str, int]]:
    ids = session.scalars(select(DisputeRow.id).where(DisputeRow.refusal_id.in_(list(refusal_ids))))
    return [("dispute", i) for i in ids]


def _json(values: Mapping[str, str] | None) -> str | None:
    return None if values is None else json.dumps(dict(values), ensure_ascii=False, sort_keys=True)


def _event(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        row.at, row.user, row.action, row.entity, row.entity_id, row.summary,
        before=None if row.before is None else json.loads(row.before),
        after=None if row.after is None else json.loads(row.after),
        workstation=row.workstation,
    )
