"""The deadlines of the lawyer's stored work on a given day, by urgency, and their dated log.

The deadlines are the engine's (``compute_stored``): filing of each ended mandate (art. 15),
payment of each received statement (art. 15, 17), special consideration (T8), dispute,
conciliation and arbitration after a refusal (art. 29-35), each computed with the holidays
and reminder lead times of the settings; to them are added the periods of the Code of Penal
Procedure the lawyer follows on a mandate (``services/penal_deadlines.py``), named « Appel
(C.p.p. art. 271) » since their kind alone does not say which period. This module names them
the way the lawyer does (the mandate or statement number, the clients) and ties each to the
record that opens it. Two kinds are left out of the list:

- a deadline already met (the statement sent, paid or disputed, the penal period marked
  done): nothing is left to do;
- the T8 deadline of a statement that bills no service under special consideration: T8
  concerns only « un dépassement des honoraires prévus au tarif », so the six months after
  every other statement ask nothing and would drown the deadlines that do.

Each time deadlines are shown (the dashboard) or listed (the ``deadlines`` command) they are
written to the dated log (``storage/deadline_log_store.py``), so that the lawyer can later
show what the application said, and when.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from lawyer_billing.domain.deadlines import Deadline, DeadlineKind, DeadlineState, Status
from lawyer_billing.domain.rules.special_consideration import SPECIAL_CONSIDERATION
from lawyer_billing.private_files import write_private_files
from lawyer_billing.reports.ics import deadlines_to_ics
from lawyer_billing.services.penal_deadlines import OpenFollowedDeadline, labelled, open_penal_deadlines
from lawyer_billing.services.stored_scenario import StoredComputation, compute_stored
from lawyer_billing.storage.dashboard_queries import StatementHeader, statement_headers
from lawyer_billing.storage.deadline_log_store import DeadlineLog, LoggedDeadline
from lawyer_billing.storage.unit_of_work import UnitOfWork

#: Due within this many days: « cette semaine »; within ``MONTH_DAYS``: « ce mois-ci ».
WEEK_DAYS = 7
MONTH_DAYS = 30

#: The deadlines of the dispute path open the refusal they start from (art. 29-35).
DISPUTE_KINDS = frozenset({
    DeadlineKind.DISPUTE, DeadlineKind.CONCILIATORS_NAMED, DeadlineKind.CONCILIATION_MEETING,
    DeadlineKind.ARBITRATION,
})


#: Deadlines due the same day about the same file come in the order their steps do.
_STEP_ORDER = {kind: order for order, kind in enumerate(DeadlineKind)}


class Urgency(StrEnum):
    OVERDUE = "overdue"
    THIS_WEEK = "this_week"
    THIS_MONTH = "this_month"
    LATER = "later"


@dataclass(frozen=True)
class RecordRef:
    """The record an item is about, as the main window opens it (``"mandate"``, 12)."""

    kind: str
    id: int


@dataclass(frozen=True)
class DeadlineItem:
    """One deadline, about a mandate or a statement known by its number."""

    subject_kind: str
    subject: str
    clients: tuple[str, ...]
    record: RecordRef
    deadline: Deadline
    status: Status
    #: what the step is in English when its kind does not say it (a followed penal period,
    #: whose French name is the deadline's ``label_fr``); empty for the entente's deadlines
    label_en: str = ""

    @property
    def urgency(self) -> Urgency:
        """Overdue; due within a week; within a month; later. An interrupted period (art. 33)
        has no last day to act until the conciliation ends: later."""
        state, days_left = self.status.state, self.status.days_left
        if state is DeadlineState.INTERRUPTED:
            return Urgency.LATER
        if state is DeadlineState.OVERDUE:
            return Urgency.OVERDUE
        if days_left <= WEEK_DAYS:
            return Urgency.THIS_WEEK
        if days_left <= MONTH_DAYS:
            return Urgency.THIS_MONTH
        return Urgency.LATER

    @property
    def subject_fr(self) -> str:
        """« Mandat 500-01-000001-241 (Zoé L'Heureux) », « Relevé R-2026-014 (Nadia Roy) »."""
        what = "Mandat" if self.subject_kind == "mandate" else "Relevé"
        clients = ", ".join(self.clients)
        return f"{what} {self.subject}" + (f" ({clients})" if clients else "")


@dataclass(frozen=True)
class DeadlineBoard:
    """The deadlines to act on, by due date, and the reminder lead times they were computed with."""

    today: date
    items: tuple[DeadlineItem, ...]
    reminders: tuple[int, ...]

    def by_urgency(self) -> dict[Urgency, tuple[DeadlineItem, ...]]:
        """Every urgency, most urgent first, each with its deadlines (possibly none)."""
        return {urgency: tuple(i for i in self.items if i.urgency is urgency) for urgency in Urgency}

    def within(self, days: int) -> "DeadlineBoard":
        """Only the deadlines due within ``days`` days (the overdue ones always)."""
        return DeadlineBoard(self.today, tuple(i for i in self.items if i.status.days_left <= days), self.reminders)


def deadline_board(stored: StoredComputation, statements: Mapping[int, StatementHeader],
                   penal: Iterable[OpenFollowedDeadline] = ()) -> DeadlineBoard:
    """The deadlines of ``stored`` still to act on and the open ``penal`` periods followed on
    the mandates (``open_penal_deadlines``), soonest first."""
    mandates = {str(m.id): m for m in stored.records.mandates}
    clients_of = {
        s.id: tuple(dict.fromkeys(mandates[m].client_name for m in s.mandates if m in mandates))
        for s in stored.scenario.statements
    }
    asks_t8 = _statements_with_special_consideration(stored)
    items = []
    for entry in stored.computation.deadlines:
        kind = entry.deadline.kind
        if entry.status.state is DeadlineState.MET:
            continue
        if entry.subject_kind == "mandate":
            mandate = mandates[entry.subject]
            items.append(DeadlineItem("mandate", mandate.number, (mandate.client_name,),
                                      RecordRef("mandate", mandate.id), entry.deadline, entry.status))
            continue
        if kind is DeadlineKind.SPECIAL_CONSIDERATION and entry.subject not in asks_t8:
            continue
        header = statements[int(entry.subject)]
        record = RecordRef("statement", header.id)
        if kind in DISPUTE_KINDS and header.refusal_id is not None:
            record = RecordRef("refusal", header.refusal_id)
        items.append(DeadlineItem("statement", header.number, clients_of[entry.subject], record,
                                  entry.deadline, entry.status))
    items += [_penal_item(followed) for followed in penal]
    items.sort(key=lambda i: (i.deadline.due, i.subject_kind, i.subject, _STEP_ORDER[i.deadline.kind]))
    return DeadlineBoard(stored.computation.today, tuple(items), stored.scenario.settings.reminders)


def _penal_item(followed: OpenFollowedDeadline) -> DeadlineItem:
    """A followed penal period as a deadline of its mandate, named with its article."""
    deadline = replace(followed.deadline, label_fr=labelled(followed.period))
    return DeadlineItem("mandate", followed.mandate_number, (followed.client_name,),
                        RecordRef("mandate", followed.mandate_id), deadline, followed.status,
                        labelled(followed.period, "en"))


def _statements_with_special_consideration(stored: StoredComputation) -> set[str]:
    """The sent statements that may bill a service under special consideration: those covering
    its mandate and sent on or after it was rendered (the engine's own reading, T8)."""
    services = {s.id: s for s in stored.scenario.services}
    claimed = [
        services[line.priced.service] for line in stored.computation.lines
        if any(f.code == SPECIAL_CONSIDERATION for f in line.findings)
    ]
    return {
        s.id for s in stored.scenario.statements
        if s.sent is not None and any(c.mandate in s.mandates and c.date <= s.sent for c in claimed)
    }


def log_deadlines(uow: UnitOfWork, items: Iterable[DeadlineItem], now: datetime) -> int:
    """Write ``items`` to the dated log as shown at ``now`` (once a day each); the caller commits."""
    return DeadlineLog(uow.session).record(
        LoggedDeadline(now, i.subject_kind, i.subject, i.deadline.kind.value, i.deadline.due, i.deadline.article,
                       i.status.state.value)
        for i in items
    )


def list_deadlines(uow: UnitOfWork, today: date, now: datetime, within_days: int | None = None) -> DeadlineBoard:
    """The deadlines on ``today`` (due within ``within_days`` days when given), logged as listed."""
    stored = compute_stored(uow, today)
    board = deadline_board(stored, statement_headers(uow.session), open_penal_deadlines(uow, stored.scenario.settings))
    if within_days is not None:
        board = board.within(within_days)
    log_deadlines(uow, board.items, now)
    uow.commit()
    return board


def write_calendar(path: Path, items: Sequence[DeadlineItem], generated_at: datetime, reminders: Sequence[int]) -> int:
    """Write ``items`` as an iCalendar file at ``path`` and return how many events it holds.

    An interrupted period (art. 33) has no last day to put in a calendar, so it is left out.
    The file names clients: it is written owner-only and whole (``write_private_files``), so
    a calendar program never reads half a file and an earlier export is replaced only by a
    complete one.
    """
    events = [(i.deadline, i.subject_fr) for i in items if i.status.state is not DeadlineState.INTERRUPTED]
    data = deadlines_to_ics(events, generated_at, reminders)
    write_private_files([(path, data)])
    return len(events)
