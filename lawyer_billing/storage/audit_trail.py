"""The audit trail: who saved what and when, appended in the same unit of work as the change.

Written by the services (one event per user action), read by the screen that shows a
record's history; never updated or deleted by the application.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from lawyer_billing.storage.rows import AuditEventRow


@dataclass(frozen=True)
class AuditEvent:
    at: datetime
    user: str
    action: str
    entity: str
    entity_id: int | None
    summary: str


class AuditTrail:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, event: AuditEvent) -> None:
        self.session.add(AuditEventRow(**vars(event)))
        self.session.flush()

    def of(self, entity: str, entity_id: int) -> list[AuditEvent]:
        rows = self.session.scalars(
            select(AuditEventRow)
            .where(AuditEventRow.entity == entity, AuditEventRow.entity_id == entity_id)
            .order_by(AuditEventRow.at, AuditEventRow.id)
        )
        return [AuditEvent(r.at, r.user, r.action, r.entity, r.entity_id, r.summary) for r in rows]

    def latest(self, limit: int = 200) -> list[AuditEvent]:
        rows = self.session.scalars(select(AuditEventRow).order_by(AuditEventRow.at.desc(), AuditEventRow.id.desc()).limit(limit))
        return [AuditEvent(r.at, r.user, r.action, r.entity, r.entity_id, r.summary) for r in rows]
