"""Deadlines as an iCalendar file (RFC 5545) that Outlook and Google Calendar import.

Each deadline becomes one all-day event on its last day, titled in French with what it is
about, with the article and the note in its description and one alarm per reminder lead
time. The UID depends only on the deadline's kind, its subject and the day its period
starts (and, for a period of the Code of Penal Procedure, which period: one judgment starts
several), so importing the file again after a due date moved updates the event instead of
adding a second one. The stamp of every event is the ``generated_at`` passed in, so the same
deadlines always give the same bytes.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from hashlib import sha256

from icalendar import Alarm, Calendar, Event

from lawyer_billing.domain.deadlines import DEFAULT_REMINDERS, Deadline, DeadlineKind
from lawyer_billing.domain.tools.french_dates import format_date_fr

PRODUCT_ID = "-//lawyer_billing//Échéances//FR"
UID_DOMAIN = "lawyer-billing.invalid"


def deadline_uid(deadline: Deadline, subject: str) -> str:
    """The event's identifier: the same step of the same file keeps it when its due date moves.

    The kind names the step of every deadline of the entente; the penal kind covers every
    period of the Code, so its label (« Appel (C.p.p. art. 271) ») is part of the key too, and
    two periods run from the same judgment stay two events.
    """
    key = f"{deadline.kind}\n{subject}\n{deadline.starts_on.isoformat()}"
    if deadline.kind is DeadlineKind.PENAL:
        key += f"\n{deadline.label_fr}"
    return f"{sha256(key.encode('utf-8')).hexdigest()[:32]}@{UID_DOMAIN}"


def deadlines_to_ics(
    items: Sequence[tuple[Deadline, str]],
    generated_at: datetime,
    reminders: Sequence[int] = DEFAULT_REMINDERS,
) -> bytes:
    """The calendar of ``items`` (a deadline and what it is about, e.g. « Mandat 2024-0001 —
    Éloïse Gagnon »), one all-day event per deadline and one alarm per reminder (in days).

    ``generated_at`` must carry its time zone; it is written in UTC.
    """
    if generated_at.tzinfo is None:
        raise ValueError("L'heure de production du calendrier doit indiquer son fuseau horaire.")
    leads = sorted(set(reminders), reverse=True)
    if any(lead < 0 for lead in leads):
        raise ValueError("Un rappel se donne un nombre de jours positif ou nul avant l'échéance.")
    stamp = generated_at.astimezone(timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    for deadline, subject in items:
        calendar.add_component(_event(deadline, subject, stamp, leads))
    return calendar.to_ical()


def _event(deadline: Deadline, subject: str, stamp: datetime, leads: Sequence[int]) -> Event:
    summary = f"{deadline.label_fr} — {subject}"
    event = Event()
    event.add("uid", deadline_uid(deadline, subject))
    event.add("dtstamp", stamp)
    event.add("dtstart", deadline.due)
    event.add("dtend", deadline.due + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", _description(deadline))
    event.add("transp", "TRANSPARENT")
    for lead in leads:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"{summary} ({_lead_fr(lead)})")
        alarm.add("trigger", timedelta(days=-lead))
        event.add_component(alarm)
    return event


def _description(deadline: Deadline) -> str:
    lines = [deadline.article, deadline.note_fr]
    lines += [f"Autre lecture : le {format_date_fr(a.due)}. {a.reading_fr}" for a in deadline.alternatives]
    if deadline.interrupted_on is not None:
        lines.append(f"Délai interrompu depuis le {format_date_fr(deadline.interrupted_on)}.")
    return "\n".join(lines)


def _lead_fr(days: int) -> str:
    if days == 0:
        return "aujourd'hui"
    return f"dans {days} jour{'s' if days > 1 else ''}"
