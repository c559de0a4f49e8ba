"""The deadlines of the stored work (art. 15, 17, 32-35, T8), named by mandate and statement
number, grouped by urgency, logged once a day, and written as a calendar (SQLite and
PostgreSQL). Every last day below is counted by hand from the article it cites."""

import stat
from datetime import date, datetime, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.deadlines import DeadlineKind, DeadlineState
from lawyer_billing.domain.mandate import EndReason
from lawyer_billing.services.deadlines import RecordRef, Urgency, list_deadlines, write_calendar
from lawyer_billing.services.settings import Preferences, save_preferences
from lawyer_billing.storage.deadline_log_store import DeadlineLog
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW, payment_work

TODAY = NOW.date()  # Sunday 22 November 2026


def deadlines(engine, today=TODAY, now=None, within_days=None):
    with UnitOfWork(engine) as uow:
        return list_deadlines(uow, today, now or datetime.combine(today, time(9, 30)), within_days)


def one(board, kind: DeadlineKind, subject: str):
    [item] = [i for i in board.items if i.deadline.kind is kind and i.subject == subject]
    return item


def test_a_mandate_ended_by_judgment_is_filed_within_three_years_of_the_thirtieth_day(engine, work):
    # Art. 15: judgment Monday 8 April 2024; the 3 years run from the 30th day after it,
    # 8 May 2024, and end on 8 May 2027, a Saturday: CPP art. 17 moves it to Monday 10 May.
    mandate = work.mandate("500-01-000001-241", "Zoé L'Heureux", ended=date(2024, 4, 8), reason=EndReason.JUDGMENT,
                           judgment=date(2024, 4, 8))
    item = one(deadlines(engine), DeadlineKind.FILING, "500-01-000001-241")
    assert (item.deadline.starts_on, item.deadline.due, item.deadline.article) == (
        date(2024, 5, 8), date(2027, 5, 10), "entente art. 15")
    assert item.record == RecordRef("mandate", mandate) and item.clients == ("Zoé L'Heureux",)
    assert item.subject_fr == "Mandat 500-01-000001-241 (Zoé L'Heureux)"
    assert (item.status.state, item.status.days_left, item.urgency) == (DeadlineState.UPCOMING, 169, Urgency.LATER)


def test_a_holiday_added_in_the_settings_moves_the_last_day(engine, work):
    # Art. 15: withdrawn on 20 November 2023, three years end on Friday 20 November 2026,
    # two days before today: overdue. A court closure that day (CPP art. 18 (11), entered by
    # the lawyer) moves it to Monday 23 November (the 21st is a Saturday, the 22nd a Sunday).
    work.mandate("500-01-000002-231", "Marc Côté", issued=date(2023, 1, 9), ended=date(2023, 11, 20),
                 reason=EndReason.WITHDRAWAL)
    item = one(deadlines(engine), DeadlineKind.FILING, "500-01-000002-231")
    assert (item.deadline.due, item.status.days_left, item.urgency) == (date(2026, 11, 20), -2, Urgency.OVERDUE)
    work.holiday(date(2026, 11, 20))
    item = one(deadlines(engine), DeadlineKind.FILING, "500-01-000002-231")
    assert (item.deadline.due, item.status.days_left, item.urgency) == (date(2026, 11, 23), 1, Urgency.THIS_WEEK)


@pytest.mark.parametrize(("today", "days_left", "urgency"), [
    (date(2026, 10, 30), 31, Urgency.LATER),        # the day before « ce mois-ci » (30 days)
    (date(2026, 10, 31), 30, Urgency.THIS_MONTH),
    (date(2026, 11, 22), 8, Urgency.THIS_MONTH),    # the day before « cette semaine » (7 days)
    (date(2026, 11, 23), 7, Urgency.THIS_WEEK),
    (date(2026, 11, 30), 0, Urgency.THIS_WEEK),     # the last day
    (date(2026, 12, 1), -1, Urgency.OVERDUE),       # the day after
])
def test_payment_deadline_and_its_urgency_the_day_before_and_the_day_of_each_boundary(engine, work, today, days_left,
                                                                                     urgency):
    statement = payment_work(work)
    item = one(deadlines(engine, today), DeadlineKind.PAYMENT, "R-2026-014")
    assert (item.deadline.due, item.deadline.article) == (date(2026, 11, 30), "entente art. 15")
    assert (item.status.days_left, item.urgency) == (days_left, urgency)
    assert item.record == RecordRef("statement", statement) and item.subject_fr == "Relevé R-2026-014 (Nadia Roy)"


def test_deadlines_already_met_are_not_listed(engine, work):
    payment_work(work)  # its mandate's filing (art. 15) is met: the statement was sent
    board = deadlines(engine)
    assert [(i.deadline.kind, i.subject) for i in board.items] == [(DeadlineKind.PAYMENT, "R-2026-014")]
    statement = board.items[0].record.id
    work.payment(statement, date(2026, 11, 20), "1234.56")  # paid in full: the payment is met too
    assert deadlines(engine).items == ()


def test_reminder_lead_times_come_from_the_settings(engine, work):
    payment_work(work)  # 8 days left today
    assert one(deadlines(engine), DeadlineKind.PAYMENT, "R-2026-014").status.reminders_reached == (60, 30)
    with UnitOfWork(engine) as uow:
        save_preferences(uow, Preferences(reminders=(90, 14, 3)))
        uow.commit()
    board = deadlines(engine)
    assert one(board, DeadlineKind.PAYMENT, "R-2026-014").status.reminders_reached == (90, 14)
    assert board.reminders == (90, 14, 3)


def test_a_refusal_opens_the_dispute_deadline_on_the_refusal(engine, work):
    # Art. 32: six months from receiving the refusal, Tuesday 15 September 2026 -> Monday
    # 15 March 2027. The payment deadline is met by the refusal (art. 25), so it is not listed.
    mandate = work.mandate("500-01-000004-251", "Léa Dubé", issued=date(2025, 1, 6))
    statement = work.statement("R-2026-009", [mandate], finalized=date(2026, 8, 1), sent=date(2026, 8, 3),
                               received=date(2026, 8, 5), total="500.00")
    refusal = work.refusal(statement, date(2026, 9, 15), "165.00")
    [item] = deadlines(engine).items
    assert (item.deadline.kind, item.deadline.due, item.deadline.article) == (
        DeadlineKind.DISPUTE, date(2027, 3, 15), "entente art. 32-33")
    assert item.record == RecordRef("refusal", refusal) and item.subject == "R-2026-009"


def test_conciliation_interrupts_the_dispute_period(engine, work):
    # Art. 33: conciliation asked on 1 October 2026 interrupts the six months; the art. 30
    # naming is due 15 days after (Friday 16 October, overdue today) and the art. 31 meeting
    # 30 days after that last day (Sunday 15 November, moved to Monday 16: overdue too).
    mandate = work.mandate("500-01-000005-251", "Paul Ouellet", issued=date(2025, 1, 6))
    statement = work.statement("R-2026-010", [mandate], finalized=date(2026, 8, 1), sent=date(2026, 8, 3),
                               received=date(2026, 8, 5), total="500.00")
    work.dispute(work.refusal(statement, date(2026, 9, 15), "165.00"), conciliation_requested_on=date(2026, 10, 1))
    board = deadlines(engine)
    dispute = one(board, DeadlineKind.DISPUTE, "R-2026-010")
    assert (dispute.status.state, dispute.urgency) == (DeadlineState.INTERRUPTED, Urgency.LATER)
    assert one(board, DeadlineKind.CONCILIATORS_NAMED, "R-2026-010").deadline.due == date(2026, 10, 16)
    assert one(board, DeadlineKind.CONCILIATION_MEETING, "R-2026-010").deadline.due == date(2026, 11, 16)


def test_special_consideration_is_asked_only_for_a_statement_billing_one(engine, work):
    # T8: the request follows within six months of sending the statement: sent Thursday
    # 1 October 2026 -> Thursday 1 April 2027. A statement with no such service asks nothing.
    advice = work.mandate("500-01-000006-251", "Inès Caron", issued=date(2025, 3, 3))
    claimed = work.service(advice, "T1", date(2025, 6, 2), amount_override=Decimal("1800.00"),
                           override_reason="Mandat de conseil")
    work.statement("R-2026-011", [advice], [claimed], finalized=date(2026, 9, 30), sent=date(2026, 10, 1))
    plain = work.mandate("500-01-000007-251", "Yan Morin", issued=date(2025, 3, 3))
    work.statement("R-2026-012", [plain], [work.service(plain, "T127", date(2025, 6, 2))], finalized=date(2026, 9, 30),
                   sent=date(2026, 10, 1))
    kinds = [(i.deadline.kind, i.subject, i.deadline.due) for i in deadlines(engine).items]
    assert kinds == [(DeadlineKind.SPECIAL_CONSIDERATION, "R-2026-011", date(2027, 4, 1))]


def test_within_days_keeps_the_overdue_and_the_soon_due(engine, work):
    payment_work(work)  # due in 8 days
    work.mandate("500-01-000002-231", "Marc Côté", issued=date(2023, 1, 9), ended=date(2023, 11, 20),
                 reason=EndReason.WITHDRAWAL)  # overdue by 2 days
    assert [i.subject for i in deadlines(engine, within_days=7).items] == ["500-01-000002-231"]
    assert [i.subject for i in deadlines(engine, within_days=8).items] == ["500-01-000002-231", "R-2026-014"]


def test_deadlines_are_logged_once_a_day_for_the_same_last_day_and_state(engine, work):
    payment_work(work)
    deadlines(engine, now=datetime(2026, 11, 22, 9, 30))
    deadlines(engine, now=datetime(2026, 11, 22, 16, 5))  # shown again the same day: nothing new
    deadlines(engine, date(2026, 11, 23), datetime(2026, 11, 23, 8, 0))  # next day, same state: one row
    deadlines(engine, date(2026, 12, 1), datetime(2026, 12, 1, 8, 0))  # overdue now
    with UnitOfWork(engine) as uow:
        log = DeadlineLog(uow.session).of("statement", "R-2026-014")
    assert [(e.logged_at, e.kind, e.due, e.article, e.state) for e in log] == [
        (datetime(2026, 11, 22, 9, 30), "payment", date(2026, 11, 30), "entente art. 15", "due_soon"),
        (datetime(2026, 11, 23, 8, 0), "payment", date(2026, 11, 30), "entente art. 15", "due_soon"),
        (datetime(2026, 12, 1, 8, 0), "payment", date(2026, 11, 30), "entente art. 15", "overdue"),
    ]


def test_a_moved_last_day_is_logged_again_the_same_day(engine, work):
    work.mandate("500-01-000002-231", "Marc Côté", issued=date(2023, 1, 9), ended=date(2023, 11, 20),
                 reason=EndReason.WITHDRAWAL)
    deadlines(engine, now=datetime(2026, 11, 22, 9, 30))
    work.holiday(date(2026, 11, 20))
    deadlines(engine, now=datetime(2026, 11, 22, 10, 0))
    with UnitOfWork(engine) as uow:
        log = DeadlineLog(uow.session).on(TODAY)
    assert [(e.subject_kind, e.subject, e.due, e.state) for e in log] == [
        ("mandate", "500-01-000002-231", date(2026, 11, 20), "overdue"),
        ("mandate", "500-01-000002-231", date(2026, 11, 23), "due_soon"),
    ]


def test_the_calendar_is_owner_only_and_replaced_whole(engine, work, tmp_path):
    payment_work(work)
    mandate = work.mandate("500-01-000005-251", "Paul Ouellet", issued=date(2025, 1, 6))
    statement = work.statement("R-2026-010", [mandate], finalized=date(2026, 8, 1), sent=date(2026, 8, 3),
                               received=date(2026, 8, 5), total="500.00")
    work.dispute(work.refusal(statement, date(2026, 9, 15), "165.00"), conciliation_requested_on=date(2026, 10, 1))
    board = deadlines(engine)
    folder = tmp_path / "agenda"
    folder.mkdir()
    path = folder / "échéances.ics"
    path.write_text("ancien calendrier")
    generated = datetime(2026, 11, 22, 9, 30).astimezone()
    written = write_calendar(path, board.items, generated, board.reminders)
    text = path.read_bytes().decode("utf-8").replace("\r\n ", "")
    assert written == 3 == text.count("BEGIN:VEVENT")  # the interrupted dispute period is left out
    assert "SUMMARY:Paiement du relevé d'honoraires — Relevé R-2026-014 (Nadia Roy)" in text
    assert "DTSTART;VALUE=DATE:20261130" in text and "ancien" not in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in folder.iterdir()] == ["échéances.ics"]
