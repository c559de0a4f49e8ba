"""Periods of the Code of Penal Procedure followed on a mandate (SQLite and PostgreSQL): their
last days computed with the settings' holidays (CPP art. 17 and 18), listed with the other
deadlines, in the calendar and the dated log until marked done, refused whole when wrong or
changed elsewhere. Every last day below is counted by hand from the article it cites."""

from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from lawyer_billing.domain.deadlines import DeadlineKind, DeadlineState
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services import penal_deadlines
from lawyer_billing.services.deadlines import RecordRef, Urgency, list_deadlines, write_calendar
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.deadline_log_store import DeadlineLog
from lawyer_billing.storage.errors import ConcurrentEditError
from lawyer_billing.storage.rows import AuditEventRow, PenalDeadlineRow
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW

TODAY = NOW.date()  # Sunday 22 November 2026
APPEAL = "Appel à la Cour supérieure (C.p.p. art. 271)"


def follow(engine, mandate, period="appeal", event=date(2026, 11, 12), note=""):
    with UnitOfWork(engine) as uow:
        return penal_deadlines.follow(uow, mandate, period, event, note, user="atremblay", now=NOW)


def followed(engine, mandate, today=TODAY):
    with UnitOfWork(engine) as uow:
        return penal_deadlines.followed_on_mandate(uow, mandate, today)


def board(engine, today=TODAY):
    with UnitOfWork(engine) as uow:
        return list_deadlines(uow, today, datetime.combine(today, time(9, 30)))


def penal_items(engine, today=TODAY):
    return [i for i in board(engine, today).items if i.deadline.kind is DeadlineKind.PENAL]


def counts(engine):
    with UnitOfWork(engine) as uow:
        return (uow.session.scalar(select(func.count()).select_from(PenalDeadlineRow)),
                uow.session.scalar(select(func.count()).select_from(AuditEventRow)))


@pytest.fixture
def mandate(work):
    return work.mandate("500-73-000123-261", "Zoé L'Heureux", issued=date(2026, 10, 1))


def test_an_appeal_ending_on_a_saturday_moves_to_monday(engine, mandate):
    # Art. 271: appeal within 30 days of the judgment of Thursday 12 November 2026. The day of
    # the judgment is not counted (art. 17): the 30th day is Saturday 12 December, moved to the
    # next juridical day, Monday 14 December (Sunday the 13th is a holiday, art. 18).
    saved = follow(engine, mandate, note="Appel sur la peine ?")
    [entry] = followed(engine, mandate)
    assert entry.record == saved and entry.record.note == "Appel sur la peine ?"
    assert (entry.deadline.due, entry.deadline.article, entry.deadline.starts_on) == (
        date(2026, 12, 14), "C.p.p. art. 271", date(2026, 11, 12))
    assert (entry.status.state, entry.status.days_left) == (DeadlineState.DUE_SOON, 22)


def test_a_holiday_added_in_the_settings_moves_the_last_day(engine, work, mandate):
    # Art. 160: plea within 30 days of the service of the statement of offence on Monday
    # 2 November 2026: Wednesday 2 December. A court closure entered that day (art. 18 (11))
    # moves it to Thursday 3 December, though the period was followed before the holiday.
    follow(engine, mandate, "plea", date(2026, 11, 2))
    assert followed(engine, mandate)[0].deadline.due == date(2026, 12, 2)
    work.holiday(date(2026, 12, 2))
    assert followed(engine, mandate)[0].deadline.due == date(2026, 12, 3)
    [item] = penal_items(engine)
    assert item.deadline.due == date(2026, 12, 3)


def test_an_open_period_joins_the_deadlines_named_with_its_article(engine, mandate):
    follow(engine, mandate)
    [item] = penal_items(engine)
    assert (item.subject_kind, item.subject, item.clients) == ("mandate", "500-73-000123-261", ("Zoé L'Heureux",))
    assert (item.deadline.label_fr, item.label_en) == (APPEAL, "Appeal to the Superior Court (C.p.p. art. 271)")
    assert (item.deadline.due, item.deadline.article) == (date(2026, 12, 14), "C.p.p. art. 271")
    assert item.record == RecordRef("mandate", mandate)
    assert (item.status.days_left, item.urgency) == (22, Urgency.THIS_MONTH)
    with UnitOfWork(engine) as uow:
        logged = DeadlineLog(uow.session).of("mandate", "500-73-000123-261")
    assert [(e.kind, e.due, e.article, e.state) for e in logged] == [
        ("penal", date(2026, 12, 14), "C.p.p. art. 271", "due_soon")]


def test_the_calendar_holds_the_open_period_and_not_the_done_one(engine, mandate, tmp_path):
    first = follow(engine, mandate)
    # art. 237: a judgment imposing a fine is executory 30 days after it, same day: the
    # same judgment starts two periods, two events (Saturday 12 December -> Monday 14)
    follow(engine, mandate, "fine_executory")
    calendar = tmp_path / "échéances.ics"
    items = board(engine).items
    assert write_calendar(calendar, items, NOW.astimezone(), (7,)) == 2
    text = calendar.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert f"SUMMARY:{APPEAL} — Mandat 500-73-000123-261 (Zoé L'Heureux)" in text
    assert "DTSTART;VALUE=DATE:20261214" in text
    assert len({line for line in text.splitlines() if line.startswith("UID:")}) == 2
    with UnitOfWork(engine) as uow:
        penal_deadlines.mark_done(uow, first.id, version=first.version, done_on=TODAY, user="atremblay", now=NOW)
    assert write_calendar(calendar, board(engine).items, NOW.astimezone(), (7,)) == 1
    assert APPEAL not in calendar.read_bytes().decode("utf-8").replace("\r\n ", "")


def test_done_leaves_the_lists_and_reopen_brings_it_back(engine, mandate):
    saved = follow(engine, mandate)
    with UnitOfWork(engine) as uow:
        done = penal_deadlines.mark_done(uow, saved.id, version=saved.version, done_on=date(2026, 11, 20),
                                         user="atremblay", now=NOW)
    assert penal_items(engine) == []
    [entry] = followed(engine, mandate)
    assert (entry.record.done_on, entry.status.state) == (date(2026, 11, 20), DeadlineState.MET)
    # as on a day before it was done, it was still to do
    assert [i.deadline.label_fr for i in penal_items(engine, date(2026, 11, 19))] == [APPEAL]
    with UnitOfWork(engine) as uow:
        reopened = penal_deadlines.reopen(uow, saved.id, version=done.version, user="atremblay", now=NOW)
    assert reopened.done_on is None
    assert [i.deadline.label_fr for i in penal_items(engine)] == [APPEAL]


def test_every_change_is_audited_with_the_fields_before_and_after(engine, mandate):
    saved = follow(engine, mandate, note="Appel sur la peine ?")
    with UnitOfWork(engine) as uow:
        done = penal_deadlines.mark_done(uow, saved.id, version=saved.version, done_on=TODAY, user="atremblay",
                                         now=NOW)
    with UnitOfWork(engine) as uow:
        penal_deadlines.stop_following(uow, saved.id, version=done.version, user="atremblay", now=NOW)
    assert followed(engine, mandate) == ()
    with UnitOfWork(engine) as uow:
        events = AuditTrail(uow.session).of("penal_deadline", saved.id)
    fields = {"mandate_id": str(mandate), "period": "appeal", "event_on": "2026-11-12",
              "note": "Appel sur la peine ?", "done_on": ""}
    assert [(e.action, e.before, e.after) for e in events] == [
        ("create", None, fields),
        ("done", fields, {**fields, "done_on": "2026-11-22"}),
        ("delete", {**fields, "done_on": "2026-11-22"}, None),
    ]
    assert events[0].summary == (f"Délai pénal {APPEAL}, événement du 2026-11-12 (mandat 500-73-000123-261)")
    assert "peine" not in " ".join(e.summary for e in events)


def test_a_change_made_elsewhere_first_is_refused_and_nothing_is_written(engine, mandate):
    saved = follow(engine, mandate)
    with UnitOfWork(engine) as uow:
        penal_deadlines.mark_done(uow, saved.id, version=saved.version, done_on=TODAY, user="poste-2", now=NOW)
    before = counts(engine)
    for change in (
        lambda uow: penal_deadlines.reopen(uow, saved.id, version=saved.version, user="atremblay", now=NOW),
        lambda uow: penal_deadlines.stop_following(uow, saved.id, version=saved.version, user="atremblay", now=NOW),
    ):
        with UnitOfWork(engine) as uow, pytest.raises(ConcurrentEditError, match="modifié ou retiré ailleurs"):
            change(uow)
    assert counts(engine) == before
    assert followed(engine, mandate)[0].record.done_on == TODAY


def test_what_cannot_be_followed_is_refused_naming_the_field_and_nothing_is_written(engine, mandate):
    follow(engine, mandate)
    before = counts(engine)
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        penal_deadlines.follow(uow, mandate, "appel", date(3024, 1, 5), "", user="atremblay", now=NOW)
    assert refused.value.for_field("period") == [
        "Délai : « appel » n'est pas un délai répertorié du Code de procédure pénale ; choisissez-le dans la liste."]
    assert refused.value.for_field("event_on") == ["Date de l'événement : l'année doit être entre 1900 et 2999."]
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as twice:
        penal_deadlines.follow(uow, mandate, "appeal", date(2026, 11, 12), "", user="atremblay", now=NOW)
    assert twice.value.for_field("event_on") == [
        "Date de l'événement : ce délai est déjà suivi sur ce mandat pour un événement du 12 novembre 2026."]
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as gone:
        penal_deadlines.follow(uow, mandate + 1000, "appeal", date(2026, 11, 12), "", user="atremblay", now=NOW)
    assert gone.value.for_field("mandate") == ["Ce mandat n'existe plus : rouvrez la liste des mandats."]
    assert counts(engine) == before


def test_done_in_the_future_or_twice_and_reopen_when_not_done_are_refused(engine, mandate):
    saved = follow(engine, mandate)
    before = counts(engine)
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as future:
        penal_deadlines.mark_done(uow, saved.id, version=saved.version, done_on=date(2026, 11, 23),
                                  user="atremblay", now=NOW)
    assert future.value.for_field("done_on") == [
        "Fait le : le 23 novembre 2026 est après aujourd'hui ; marquez le délai fait le jour où l'acte est fait."]
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord, match="n'est pas marqué fait"):
        penal_deadlines.reopen(uow, saved.id, version=saved.version, user="atremblay", now=NOW)
    assert counts(engine) == before
    with UnitOfWork(engine) as uow:
        done = penal_deadlines.mark_done(uow, saved.id, version=saved.version, done_on=TODAY, user="atremblay",
                                         now=NOW)
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord, match="déjà marqué fait le 22 novembre 2026"):
        penal_deadlines.mark_done(uow, saved.id, version=done.version, done_on=TODAY, user="atremblay", now=NOW)


def test_an_event_before_the_mandate_was_issued_is_followed(engine, mandate):
    # Art. 14: prosecution prescribed one year from the offence of Friday 23 October 2026,
    # three weeks before the mandate was issued: Saturday 23 October 2027 -> Monday 25.
    follow(engine, mandate, "prescription", date(2026, 10, 23))
    assert followed(engine, mandate)[0].deadline.due == date(2027, 10, 25)


def test_a_period_the_list_no_longer_holds_is_shown_without_a_last_day(engine, mandate):
    with UnitOfWork(engine) as uow:
        uow.session.add(PenalDeadlineRow(mandate_id=mandate, period="retired_period", event_on=date(2026, 11, 2),
                                         note=""))
        uow.commit()
    [entry] = followed(engine, mandate)
    assert (entry.record.period, entry.period, entry.deadline) == ("retired_period", None, None)
    assert penal_items(engine) == []
