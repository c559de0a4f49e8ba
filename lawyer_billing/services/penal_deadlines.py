"""Periods of the Code of Penal Procedure followed on a mandate: follow one, mark it done,
reopen it, stop following it, and read them with their last days.

A followed period is stored as the period's identifier (``resources/penal/periods.yaml``) and
the day of its event; its last day is computed on every reading by
``domain/tools/penal_deadlines.penal_deadline`` (CPP art. 17) with the holidays of the
settings (art. 18 (11)), as every other deadline is, so a holiday added later in Paramètres
moves it. The open ones join the other deadlines (``services/deadlines.py``): the dashboard,
the ``deadlines`` command and the calendar export.

Readings chosen for what the lawyer may record:

- an event before the mandate's issue date is accepted: the offence (prescription, art. 14)
  and the service of the statement of offence (plea within 30 days, art. 160) usually happen
  before legal aid is granted, and those are the periods a lawyer checks on taking the file;
- an event after today is accepted: a period counted back runs from a hearing to come (a
  notice at least five clear days before it, art. 32), and a lawyer may note a period before
  its event happens;
- the same period for the same event day is followed once per mandate.

Each change is one unit of work with its audit event (the fields before and after); a change
is written at the version it was read, so two workstations never overwrite each other.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache

from lawyer_billing.domain.calendar import FIRST_YEAR, LAST_YEAR
from lawyer_billing.domain.deadlines import Deadline, Status, deadline_status
from lawyer_billing.domain.scenario import Settings
from lawyer_billing.domain.tools.french_dates import format_date_fr
from lawyer_billing.domain.tools.penal_deadlines import PenalPeriod, penal_deadline, penal_periods
from lawyer_billing.domain.validation import FieldProblem, raise_if_any
from lawyer_billing.services.settings import engine_settings
from lawyer_billing.storage.audit_trail import AuditEvent, AuditTrail
from lawyer_billing.storage.errors import ConcurrentEditError
from lawyer_billing.storage.penal_deadline_store import (
    CHANGED_ELSEWHERE,
    PenalDeadlineRecord,
    PenalDeadlineStore,
)
from lawyer_billing.storage.repositories import MandateRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork

ENTITY = "penal_deadline"


@dataclass(frozen=True)
class FollowedPenalDeadline:
    """A followed period with its last day and where it stands on the day it was read.

    ``period``, ``deadline`` and ``status`` are ``None`` for a period the list of the Code no
    longer holds (recorded by another version of the application): it is shown, never
    computed.
    """

    record: PenalDeadlineRecord
    period: PenalPeriod | None
    deadline: Deadline | None
    status: Status | None


@dataclass(frozen=True)
class OpenFollowedDeadline:
    """A period still to act on, with the mandate it is followed on (for the list of deadlines)."""

    mandate_id: int
    mandate_number: str
    client_name: str
    period: PenalPeriod
    deadline: Deadline
    status: Status


@cache
def listed_periods() -> tuple[PenalPeriod, ...]:
    """The periods of ``resources/penal/periods.yaml``, read once: the file ships with the
    application, and reading it (some 80 ms) on every mandate shown would be felt."""
    return penal_periods()


def periods_by_key() -> dict[str, PenalPeriod]:
    return {period.key: period for period in listed_periods()}


def labelled(period: PenalPeriod, language: str = "fr") -> str:
    """The period as the lists of deadlines name it: « Appel (C.p.p. art. 271) »."""
    label = period.label_en if language == "en" else period.label_fr
    return f"{label} (C.p.p. art. {period.article})"


def followed_on_mandate(uow: UnitOfWork, mandate_id: int, today: date) -> tuple[FollowedPenalDeadline, ...]:
    """The periods followed on the mandate, by event day, each computed on ``today``."""
    settings = engine_settings(uow, today)
    periods = periods_by_key()
    followed = []
    for record in PenalDeadlineStore(uow.session).of_mandate(mandate_id):
        period = periods.get(record.period)
        if period is None:
            followed.append(FollowedPenalDeadline(record, None, None, None))
            continue
        deadline = penal_deadline(period, record.event_on, settings.holidays)
        status = deadline_status(deadline, today, record.done_on, settings.reminders)
        followed.append(FollowedPenalDeadline(record, period, deadline, status))
    return tuple(followed)


def open_penal_deadlines(uow: UnitOfWork, settings: Settings) -> tuple[OpenFollowedDeadline, ...]:
    """The followed periods of every mandate not done on ``settings.today``, computed with the
    settings' holidays and reminders. A period the list no longer holds has no last day to
    show: it stays on its mandate's tab only."""
    periods = periods_by_key()
    found = []
    for entry in PenalDeadlineStore(uow.session).open_on(settings.today):
        period = periods.get(entry.record.period)
        if period is None:
            continue
        deadline = penal_deadline(period, entry.record.event_on, settings.holidays)
        found.append(OpenFollowedDeadline(
            entry.record.mandate_id, entry.mandate_number, entry.client_name, period, deadline,
            deadline_status(deadline, settings.today, None, settings.reminders),
        ))
    return tuple(found)


def follow(
    uow: UnitOfWork, mandate_id: int, period_id: str, event_on: date, note: str = "", *, user: str, now: datetime
) -> PenalDeadlineRecord:
    """Follow the period ``period_id`` of the Code on the mandate, from the event of ``event_on``.

    Refused, with nothing written, when the mandate no longer exists, the period is not in
    the list, the day is outside the application's years or the same period is already
    followed for the same event day.
    """
    mandate = MandateRepository(uow.session).get(mandate_id)
    if mandate is None:
        raise_if_any([FieldProblem("mandate", "Ce mandat n'existe plus : rouvrez la liste des mandats.")])
    period = periods_by_key().get(period_id)
    problems = []
    if period is None:
        problems.append(FieldProblem("period", f"Délai : « {period_id} » n'est pas un délai répertorié du Code de "
                                               "procédure pénale ; choisissez-le dans la liste."))
    if not FIRST_YEAR <= event_on.year <= LAST_YEAR:
        problems.append(FieldProblem("event_on", f"Date de l'événement : l'année doit être entre {FIRST_YEAR} et "
                                                 f"{LAST_YEAR}."))
    elif any(known.period == period_id and known.event_on == event_on
             for known in PenalDeadlineStore(uow.session).of_mandate(mandate_id)):
        problems.append(FieldProblem("event_on", f"Date de l'événement : ce délai est déjà suivi sur ce mandat pour "
                                                 f"un événement du {format_date_fr(event_on)}."))
    raise_if_any(problems)
    saved = PenalDeadlineStore(uow.session).add(PenalDeadlineRecord(mandate_id, period_id, event_on, note.strip()))
    _audit(uow, "create", saved, mandate.number, period, None, saved, now, user)
    uow.commit()
    return saved


def mark_done(uow: UnitOfWork, deadline_id: int, *, version: int | None, done_on: date, user: str,
              now: datetime) -> PenalDeadlineRecord:
    """Record that the step was taken on ``done_on`` (not after today): the period leaves the
    lists of deadlines."""
    current = _current(uow, deadline_id, version)
    problems = []
    if current.done_on is not None:
        problems.append(FieldProblem("done_on", f"Ce délai est déjà marqué fait le {format_date_fr(current.done_on)}."))
    elif done_on > now.date():
        problems.append(FieldProblem("done_on", f"Fait le : le {format_date_fr(done_on)} est après aujourd'hui ; "
                                                "marquez le délai fait le jour où l'acte est fait."))
    raise_if_any(problems)
    return _update(uow, current, replace(current, done_on=done_on), "done", user, now)


def reopen(uow: UnitOfWork, deadline_id: int, *, version: int | None, user: str, now: datetime) -> PenalDeadlineRecord:
    """The step marked done was not taken after all: the period is listed again."""
    current = _current(uow, deadline_id, version)
    if current.done_on is None:
        raise_if_any([FieldProblem("done_on", "Ce délai n'est pas marqué fait : il n'y a rien à rouvrir.")])
    return _update(uow, current, replace(current, done_on=None), "reopen", user, now)


def stop_following(uow: UnitOfWork, deadline_id: int, *, version: int | None, user: str, now: datetime) -> None:
    """Stop following the period on its mandate (its audit event keeps what it was)."""
    current = _current(uow, deadline_id, version)
    PenalDeadlineStore(uow.session).delete(current)
    _audit(uow, "delete", current, _mandate_number(uow, current), periods_by_key().get(current.period),
           current, None, now, user)
    uow.commit()


def _current(uow: UnitOfWork, deadline_id: int, version: int | None) -> PenalDeadlineRecord:
    """The followed period as stored, if it is still at the ``version`` the lawyer saw."""
    current = PenalDeadlineStore(uow.session).get(deadline_id)
    if current is None or current.version != version:
        raise ConcurrentEditError(CHANGED_ELSEWHERE)
    return current


def _update(uow: UnitOfWork, before: PenalDeadlineRecord, after: PenalDeadlineRecord, action: str, user: str,
            now: datetime) -> PenalDeadlineRecord:
    saved = PenalDeadlineStore(uow.session).update(after)
    _audit(uow, action, saved, _mandate_number(uow, saved), periods_by_key().get(saved.period), before, saved,
           now, user)
    uow.commit()
    return saved


def _mandate_number(uow: UnitOfWork, record: PenalDeadlineRecord) -> str:
    return MandateRepository(uow.session).get(record.mandate_id).number


def _fields(record: PenalDeadlineRecord | None) -> Mapping[str, str] | None:
    if record is None:
        return None
    return {"mandate_id": str(record.mandate_id), "period": record.period, "event_on": record.event_on.isoformat(),
            "note": record.note, "done_on": "" if record.done_on is None else record.done_on.isoformat()}


def _audit(uow: UnitOfWork, action: str, record: PenalDeadlineRecord, mandate_number: str,
           period: PenalPeriod | None, before: PenalDeadlineRecord | None, after: PenalDeadlineRecord | None,
           now: datetime, user: str) -> None:
    """The summary names the period and the mandate, never the note (it may hold the client's
    affairs); the note is in the fields before and after, read only from the record."""
    what = labelled(period) if period is not None else f"« {record.period} »"
    summary = f"Délai pénal {what}, événement du {record.event_on.isoformat()} (mandat {mandate_number})"
    AuditTrail(uow.session).record(AuditEvent(now, user, action, ENTITY, record.id, summary,
                                              before=_fields(before), after=_fields(after)))
