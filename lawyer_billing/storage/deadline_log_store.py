"""The dated log of deadlines: what the application said about each deadline, and when.

A lawyer who has to show that a filing (art. 15) or dispute (art. 32) period was watched can
read back, day by day, the last day the application gave and where it stood. Rows are only
ever added. The same deadline is written once a day for the same last day and state: opening
the dashboard ten times a day adds nothing after the first, while a last day that moves (a
holiday added) or a state that changes (due soon, then overdue) is a new row.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lawyer_billing.storage.rows import DeadlineLogRow


@dataclass(frozen=True)
class LoggedDeadline:
    """One deadline as shown: what it is about (``subject_kind`` "mandate" or "statement" and
    its number), its kind (``DeadlineKind`` value), last day, article and state."""

    logged_at: datetime
    subject_kind: str
    subject: str
    kind: str
    due: date
    article: str
    state: str

    @property
    def key(self) -> tuple:
        """What makes two rows of the same day the same entry."""
        return (self.subject_kind, self.subject, self.kind, self.due, self.state)


class DeadlineLog:
    def __init__(self, session: Session) -> None:
        self.session = session

    def record(self, entries: Iterable[LoggedDeadline]) -> int:
        """Add the entries not yet logged on their day; return how many were added."""
        added = 0
        known: dict[date, set[tuple]] = {}
        for entry in entries:
            day = entry.logged_at.date()
            if day not in known:
                known[day] = {row.key for row in self.on(day)}
            if entry.key in known[day]:
                continue
            known[day].add(entry.key)
            self.session.add(DeadlineLogRow(
                logged_at=entry.logged_at, subject_kind=entry.subject_kind, subject=entry.subject,
                kind=entry.kind, due=entry.due, article=entry.article, state=entry.state,
            ))
            added += 1
        self.session.flush()
        return added

    def on(self, day: date) -> list[LoggedDeadline]:
        """The entries logged on ``day``, in the order they were written."""
        start = datetime.combine(day, time.min)
        return self._read(DeadlineLogRow.logged_at >= start, DeadlineLogRow.logged_at < start + timedelta(days=1))

    def of(self, subject_kind: str, subject: str) -> list[LoggedDeadline]:
        """Everything said about one mandate or statement, oldest first."""
        return self._read(DeadlineLogRow.subject_kind == subject_kind, DeadlineLogRow.subject == subject)

    def _read(self, *conditions) -> list[LoggedDeadline]:
        query = select(DeadlineLogRow).where(*conditions).order_by(DeadlineLogRow.logged_at, DeadlineLogRow.id)
        return [
            LoggedDeadline(row.logged_at, row.subject_kind, row.subject, row.kind, row.due, row.article, row.state)
            for row in self.session.scalars(query)
        ]
