"""The audit trail: who saved what, when and from which workstation, with the record's values
before and after, appended in the same unit of work as the change.

Written by the services (one event per user action), read by the screen that shows a
record's history; never updated or deleted by the application.
"""

import json
import socket
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from lawyer_billing.storage.rows import AuditEventRow


@dataclass(frozen=True)
class AuditEvent:
    """One saved user action. ``before`` and ``after`` are the record's fields as text
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


class AuditTrail:
    def __init__(self, session: Session, workstation: str | None = None) -> None:
        self.session = session
        self.workstation = socket.gethostname() if workstation is None else workstation

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


def _json(values: Mapping[str, str] | None) -> str | None:
    return None if values is None else json.dumps(dict(values), ensure_ascii=False, sort_keys=True)


def _event(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        row.at, row.user, row.action, row.entity, row.entity_id, row.summary,
        before=None if row.before is None else json.loads(row.before),
        after=None if row.after is None else json.loads(row.after),
        workstation=row.workstation,
    )
