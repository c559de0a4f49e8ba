"""The iCalendar export, read back with icalendar as Outlook or Google Calendar would."""

from datetime import date, datetime, timedelta, timezone

import pytest
from icalendar import Calendar

from lawyer_billing.domain.deadlines import filing_deadline
from lawyer_billing.domain.tools.penal_deadlines import penal_deadline
from lawyer_billing.reports.ics import deadline_uid, deadlines_to_ics

GENERATED_AT = datetime(2024, 5, 6, 14, 30, tzinfo=timezone.utc)
SUBJECT = "Mandat 2024-0001 — Éloïse Gagnon"
# CPP art. 271: judgment Thu 2024-05-23, 30th day Sat 2024-06-22 -> Tue 2024-06-25
# (Sunday, then 24 June, art. 18 (6)).
APPEAL = penal_deadline("271", date(2024, 5, 23))


def _events(ics: bytes):
    return Calendar.from_ical(ics).walk("VEVENT")


def test_one_all_day_event_per_deadline_with_every_field():
    filing = filing_deadline(date(2024, 1, 15))
    items = [(APPEAL, SUBJECT), (filing, "Mandat 2023-0420 — Noël Côté")]
    ics = deadlines_to_ics(items, GENERATED_AT)
    calendar = Calendar.from_ical(ics)
    assert str(calendar["version"]) == "2.0"
    assert "PRODID" in calendar
    appeal, filed = _events(ics)
    assert appeal.decoded("dtstart") == date(2024, 6, 25)
    assert appeal.decoded("dtend") == date(2024, 6, 26)
    assert "DTSTART;VALUE=DATE:20240625" in ics.decode("utf-8")
    assert str(appeal["summary"]) == "Appel à la Cour supérieure — Mandat 2024-0001 — Éloïse Gagnon"
    description = str(appeal["description"])
    assert description.startswith("C.p.p. art. 271\n")
    assert APPEAL.note_fr in description
    assert appeal.decoded("dtstamp") == GENERATED_AT
    assert str(filed["summary"]) == (
        "Transmission du relevé d'honoraires — Mandat 2023-0420 — Noël Côté"
    )
    assert "entente art. 15" in str(filed["description"])


def test_the_stamp_is_the_time_passed_in_so_output_is_reproducible():
    montreal = timezone(timedelta(hours=-4))
    local = datetime(2024, 5, 6, 10, 30, tzinfo=montreal)
    from_local = deadlines_to_ics([(APPEAL, SUBJECT)], local)
    assert from_local == deadlines_to_ics([(APPEAL, SUBJECT)], GENERATED_AT)
    assert "DTSTAMP:20240506T143000Z" in from_local.decode("utf-8")
    with pytest.raises(ValueError, match="fuseau"):
        deadlines_to_ics([(APPEAL, SUBJECT)], datetime(2024, 5, 6, 14, 30))


def test_long_french_lines_are_folded_and_accents_survive():
    ics = deadlines_to_ics([(APPEAL, SUBJECT)], GENERATED_AT)
    lines = ics.split(b"\r\n")
    # RFC 5545 3.1: lines of at most 75 octets, continued by a line starting with a space.
    assert all(len(line) <= 75 for line in lines)
    assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR"
    assert any(line.startswith(b" ") for line in lines)
    ics.decode("utf-8")  # folding never splits an accented letter in two
    (event,) = _events(ics)
    assert "Éloïse" in str(event["summary"])
    assert "première instance" in str(event["description"])


def test_uids_are_stable_and_follow_kind_subject_and_start():
    uid = deadline_uid(APPEAL, SUBJECT)
    (event,) = _events(deadlines_to_ics([(APPEAL, SUBJECT)], GENERATED_AT))
    assert str(event["uid"]) == uid
    # The due date moves (a holiday added by the user, art. 18 (11)): same start, same UID.
    moved = penal_deadline("271", date(2024, 5, 23), extra=(date(2024, 6, 25),))
    assert moved.due == date(2024, 6, 26)
    assert deadline_uid(moved, SUBJECT) == uid
    later = GENERATED_AT + timedelta(days=3)
    (again,) = _events(deadlines_to_ics([(moved, SUBJECT)], later))
    assert str(again["uid"]) == uid
    assert deadline_uid(APPEAL, "Mandat 2024-0002 — Luc Roy") != uid
    assert deadline_uid(penal_deadline("271", date(2024, 5, 24)), SUBJECT) != uid
    assert deadline_uid(filing_deadline(date(2024, 5, 23)), SUBJECT) != uid


def test_one_alarm_per_reminder():
    (event,) = _events(deadlines_to_ics([(APPEAL, SUBJECT)], GENERATED_AT))
    alarms = event.walk("VALARM")
    assert [a.decoded("trigger") for a in alarms] == [
        timedelta(days=-60),
        timedelta(days=-30),
        timedelta(days=-7),
    ]
    assert all(str(a["action"]) == "DISPLAY" for a in alarms)
    assert str(alarms[-1]["description"]).endswith("(dans 7 jours)")
    (custom,) = _events(deadlines_to_ics([(APPEAL, SUBJECT)], GENERATED_AT, reminders=(0, 1)))
    custom_alarms = custom.walk("VALARM")
    assert [a.decoded("trigger") for a in custom_alarms] == [timedelta(days=-1), timedelta(0)]
    assert str(custom_alarms[0]["description"]).endswith("(dans 1 jour)")
    assert str(custom_alarms[1]["description"]).endswith("(aujourd'hui)")
    with pytest.raises(ValueError, match="positif"):
        deadlines_to_ics([(APPEAL, SUBJECT)], GENERATED_AT, reminders=(-1,))
    (none,) = _events(deadlines_to_ics([(APPEAL, SUBJECT)], GENERATED_AT, reminders=()))
    assert none.walk("VALARM") == []


def test_alternative_readings_are_in_the_description():
    # CPP art. 40: five clear days before an examination on Fri 2024-03-22 end on Sat
    # 2024-03-16, moved back to Fri 2024-03-15; the Saturday is the other reading.
    summons = penal_deadline("witness_summons", date(2024, 3, 22))
    (event,) = _events(deadlines_to_ics([(summons, SUBJECT)], GENERATED_AT))
    assert event.decoded("dtstart") == date(2024, 3, 15)
    assert "Autre lecture : le 16 mars 2024." in str(event["description"])


def test_an_empty_list_is_a_valid_calendar():
    calendar = Calendar.from_ical(deadlines_to_ics([], GENERATED_AT))
    assert calendar.walk("VEVENT") == []
