"""The history of a record, as the « Historique » dialog shows it: every change of a mandate
(with its services, trips and disbursements), a statement (with its payments, its refusal and
the dispute) or a refusal (with its dispute), newest first, each with the fields it changed.

The trail keeps each record's values before and after a change as text
(``storage/audit_trail.py``); this use case compares them field by field, in the order of the
record's columns, and names the records a field points to (an office, a mandate, a statement)
as they are called now. Events written before the values were kept list no field.
"""

from dataclasses import dataclass
from datetime import datetime

from lawyer_billing.storage.audit_trail import REFERENCES, AuditEvent, AuditTrail, audited_fields, referenced_names
from lawyer_billing.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class FieldChange:
    """One field an event changed: its name in the record, its text before and after
    (empty when it had none, the record did not exist yet or no longer exists)."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEvent:
    at: datetime
    user: str
    workstation: str
    action: str
    #: the kind of record changed: mandate, service, travel, disbursement, statement, payment,
    #: refusal or dispute
    entity: str
    summary: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class RecordHistory:
    entity: str
    #: how the record is named: a mandate's or a statement's number (a refusal: its statement's)
    name: str
    events: tuple[HistoryEvent, ...]


def record_history(uow: UnitOfWork, entity: str, entity_id: int) -> RecordHistory | None:
    """The history of a mandate, a statement or a refusal (``None`` if it no longer exists)."""
    trail = AuditTrail(uow.session)
    values = trail.values(entity, entity_id)
    if values is None:
        return None
    if entity == "refusal":
        values = trail.values("statement", int(values["statement_id"]))
    events = trail.history(entity, entity_id)
    names = _names(uow, events)
    return RecordHistory(entity, values["number"], tuple(
        HistoryEvent(e.at, e.user, e.workstation, e.action, e.entity, e.summary, _changes(e, names)) for e in events
    ))


def _changes(event: AuditEvent, names: dict[str, dict[str, str]]) -> tuple[FieldChange, ...]:
    """The fields ``event`` changed, in the order of the record's columns; a reference shows
    the name in ``names`` (by field, then id) when there is one."""
    before, after = event.before or {}, event.after or {}
    fields = audited_fields(event.entity)
    fields += tuple(sorted((before.keys() | after.keys()) - set(fields)))  # a column since removed

    def shown(field: str, value: str) -> str:
        return names.get(field, {}).get(value, value)

    return tuple(
        FieldChange(field, shown(field, before.get(field, "")), shown(field, after.get(field, "")))
        for field in fields if before.get(field, "") != after.get(field, "")
    )


def _names(uow: UnitOfWork, events: list[AuditEvent]) -> dict[str, dict[str, str]]:
    """The names of every record the events' references point to, one query per kind of reference."""
    ids: dict[str, set[str]] = {}
    for event in events:
        for values in (event.before or {}, event.after or {}):
            for field, value in values.items():
                if field in REFERENCES and value:
                    ids.setdefault(field, set()).add(value)
    return {field: referenced_names(uow.session, field, wanted) for field, wanted in ids.items()}
