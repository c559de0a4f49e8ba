"""What the Tableau de bord shows, from the stored work (SQLite and PostgreSQL): the fiscal
year's fees against the art. 22 threshold, month by month, the work not billed, the statements
awaiting payment with their art. 17 interest, and the findings on what is still to submit.
Every amount is counted by hand from the tariff (T127 330 $) and the article it cites."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from lawyer_billing.domain.mandate import EndReason
from lawyer_billing.services.dashboard import dashboard
from lawyer_billing.services.deadlines import RecordRef
from lawyer_billing.services.settings import Preferences, save_preferences
from lawyer_billing.storage.deadline_log_store import DeadlineLog
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW

TODAY = NOW.date()  # 22 November 2026, fiscal year 2026-2027


def show(engine, today=TODAY, now=NOW):
    with UnitOfWork(engine) as uow:
        return dashboard(uow, today, now)


def fees_before(engine, amount: str, year="2026-2027") -> None:
    with UnitOfWork(engine) as uow:
        save_preferences(uow, Preferences(fees_before={year: Decimal(amount)}))
        uow.commit()


def a_year_of_work(work) -> dict:
    """Fees of 2026-2027: one T127 paid (May), one billed and partly paid (June), one not
    billed (September) with a T130 the office prices (October, no amount), and a T1 advice
    mandate claimed at 1 800 $ (October, T8). A T127 of March 2026 is in the year before."""
    ids = {}
    earlier = work.mandate("500-01-000010-251", "Hugo Lévesque", issued=date(2026, 1, 12))
    earlier_statement = work.statement(
        "R-2026-003", [earlier], [work.service(earlier, "T127", date(2026, 3, 16))],
        finalized=date(2026, 3, 20), sent=date(2026, 3, 20), received=date(2026, 3, 23), total="330.00")
    work.payment(earlier_statement, date(2026, 4, 20), "330.00")
    ids["paid"] = work.mandate("500-01-000011-261", "Zoé L'Heureux", issued=date(2026, 5, 11))
    ids["paid_service"] = work.service(ids["paid"], "T127", date(2026, 5, 4))  # before the mandate: art. 14
    paid = work.statement("R-2026-021", [ids["paid"]], [ids["paid_service"]], finalized=date(2026, 5, 29),
                          sent=date(2026, 5, 29), received=date(2026, 6, 1), total="330.00")
    work.payment(paid, date(2026, 6, 26), "330.00")
    ids["billed"] = work.mandate("500-01-000012-261", "Nadia Roy", issued=date(2026, 4, 20))
    ids["billed_statement"] = work.statement(
        "R-2026-034", [ids["billed"]], [work.service(ids["billed"], "T127", date(2026, 6, 8))],
        finalized=date(2026, 7, 2), sent=date(2026, 7, 2), received=date(2026, 7, 6), total="330.00")
    work.payment(ids["billed_statement"], date(2026, 9, 1), "100.00")
    ids["unbilled"] = work.mandate("500-01-000013-261", "Marc Côté", issued=date(2026, 8, 3),
                                   ended=date(2026, 10, 20), reason=EndReason.SETTLEMENT)
    work.service(ids["unbilled"], "T127", date(2026, 9, 14))
    ids["no_amount"] = work.service(ids["unbilled"], "T130", date(2026, 10, 20))
    ids["advice"] = work.mandate("500-01-000014-261", "Inès Caron", issued=date(2026, 9, 28))
    ids["claimed"] = work.service(ids["advice"], "T1", date(2026, 10, 5), amount_override=Decimal("1800.00"),
                                  override_reason="Mandat de conseil")
    ids["sent_only"] = work.statement("R-2026-040", [ids["advice"]], finalized=date(2026, 11, 10),
                                      sent=date(2026, 11, 10), total="1800.00")
    return ids


def test_the_gauge_splits_the_year_into_paid_billed_and_not_billed(engine, work):
    a_year_of_work(work)
    fees_before(engine, "68000.00")
    gauge = show(engine).gauge
    assert gauge.fiscal_year == "2026-2027"
    assert (gauge.before, gauge.paid, gauge.billed, gauge.unbilled) == (
        Decimal("68000.00"), Decimal("330.00"), Decimal("330.00"), Decimal("2130.00"))
    # art. 22: 70 790 $ of 140 000 $ is 50.56 %: the 50 % alert, 69 210 $ of room left
    assert gauge.generated == Decimal("70790.00") and round(gauge.percent, 2) == Decimal("50.56")
    assert gauge.alert == 50 and gauge.projection.remaining_room == Decimal("69210.00")
    assert gauge.reduction == Decimal("0.00")


@pytest.mark.parametrize(("generated", "alert"), [
    ("69999.99", None), ("70000.00", 50),     # 50 % of 140 000 $
    ("104999.99", 50), ("105000.00", 75),     # 75 %
    ("125999.99", 75), ("126000.00", 90),     # 90 %
    ("139999.99", 90), ("140000.00", 100),    # the threshold of art. 22
])
def test_each_alert_starts_at_its_level_not_a_cent_before(engine, work, generated, alert):
    mandate = work.mandate("500-01-000013-261", "Marc Côté", issued=date(2026, 8, 3))
    work.service(mandate, "T127", date(2026, 9, 14))  # 330 $ not billed
    fees_before(engine, str(Decimal(generated) - Decimal("330.00")))
    gauge = show(engine).gauge
    assert gauge.generated == Decimal(generated) and gauge.alert == alert


def test_beyond_the_threshold_the_excess_is_reduced_by_35_percent(engine, work):
    a_year_of_work(work)
    fees_before(engine, "139000.00")
    gauge = show(engine).gauge
    # art. 22: lines in order of service: 139 330, 139 660, 139 990, then the T1 claim of
    # 1 800 $ crosses 140 000 $ by 1 790 $: reduced by 35 %, 626,50 $
    assert gauge.generated == Decimal("141790.00") and gauge.alert == 100
    assert gauge.reduction == Decimal("626.50") and gauge.projection.remaining_room == Decimal("0")


@pytest.mark.parametrize(("today", "year", "unbilled"), [
    (date(2027, 3, 31), "2026-2027", Decimal("2130.00")),  # the last day of the fiscal year
    (date(2027, 4, 1), "2027-2028", Decimal("0")),         # the first day of the next one
])
def test_the_gauge_follows_the_fiscal_year_of_today(engine, work, today, year, unbilled):
    a_year_of_work(work)
    gauge = show(engine, today, datetime.combine(today, NOW.time())).gauge
    assert (gauge.fiscal_year, gauge.unbilled) == (year, unbilled)


def test_fees_per_month_run_toward_the_threshold(engine, work):
    a_year_of_work(work)
    fees_before(engine, "68000.00")
    months = show(engine).months
    assert [m.month for m in months] == [date(2026, m, 1) for m in range(4, 13)] + [date(2027, m, 1) for m in (1, 2, 3)]
    by_month = {m.month.month: (m.paid, m.billed, m.unbilled, m.cumulative) for m in months}
    assert by_month[4] == (0, 0, 0, Decimal("68000.00"))
    assert by_month[5] == (Decimal("330.00"), 0, 0, Decimal("68330.00"))
    assert by_month[6] == (0, Decimal("330.00"), 0, Decimal("68660.00"))
    assert by_month[9] == (0, 0, Decimal("330.00"), Decimal("68990.00"))
    assert by_month[10] == (0, 0, Decimal("1800.00"), Decimal("70790.00"))
    assert by_month[3][3] == Decimal("70790.00")


def test_work_not_billed_is_listed_by_mandate(engine, work):
    ids = a_year_of_work(work)
    unbilled = show(engine).unbilled
    shown = [(u.record, u.number, u.services, u.first_service, u.last_service, u.amount, u.unpriced) for u in unbilled]
    assert shown == [
        (RecordRef("mandate", ids["unbilled"]), "500-01-000013-261", 2, date(2026, 9, 14), date(2026, 10, 20),
         Decimal("330.00"), 1),
        (RecordRef("mandate", ids["advice"]), "500-01-000014-261", 1, date(2026, 10, 5), date(2026, 10, 5),
         Decimal("1800.00"), 0),
    ]
    assert unbilled[0].ended_on == date(2026, 10, 20) and unbilled[0].client == "Marc Côté"


def test_statements_awaiting_payment_carry_their_interest(engine, work):
    ids = a_year_of_work(work)
    awaiting = show(engine).awaiting_payment
    assert [a.number for a in awaiting] == ["R-2026-034", "R-2026-040"]
    billed, sent_only = awaiting
    assert billed.record == RecordRef("statement", ids["billed_statement"]) and billed.clients == ("Nadia Roy",)
    assert (billed.received_on, billed.payment_due, billed.payment_late, billed.total, billed.balance) == (
        date(2026, 7, 6), date(2026, 8, 5), True, Decimal("330.00"), Decimal("230.00"))
    # art. 17: interest from 5 August 2026 (30 days after receipt) at 2,50 % + 1,5 % = 4 %:
    # 330 $ x 4 % x 27/365 = 0,98 $ to the partial payment of 1 September, then
    # 230 $ x 4 % x 30/365 = 0,76 $ to 30 September; the rate of 1 October 2026 is not known
    # yet, so the 52 days after it are left out and a finding says so.
    assert billed.interest == Decimal("1.74") and billed.interest_until == TODAY
    assert [f.code for f in billed.findings] == ["bank_rate_unknown"]
    assert (sent_only.received_on, sent_only.payment_due, sent_only.payment_late, sent_only.interest) == (
        None, None, False, Decimal("0"))


def test_findings_are_those_of_the_work_still_to_submit(engine, work):
    ids = a_year_of_work(work)
    findings = show(engine).findings
    # the T127 of 4 May precedes its mandate (art. 14) but is already billed: not listed
    assert [(f.record, f.day, f.code, f.finding.code, f.finding.article) for f in findings] == [
        (RecordRef("service", ids["claimed"]), date(2026, 10, 5), "T1", "special_consideration", "annexe II T8-T12"),
        (RecordRef("service", ids["no_amount"]), date(2026, 10, 20), "T130", "office_fixes_amount", "entente art. 14"),
    ]
    assert findings[0].mandate_number == "500-01-000014-261" and findings[0].client == "Inès Caron"


def test_the_same_attendance_on_two_mandates_is_shown_once_on_the_one_still_to_bill(engine, work):
    # annexe II T98: the same attendance is paid once, unless trial or plea on several informations
    first = work.mandate("500-01-000020-261", "Zoé L'Heureux", issued=date(2026, 4, 6))
    second = work.mandate("500-01-000021-261", "Zoé L'Heureux", issued=date(2026, 4, 6))
    billed = work.service(first, "T127", date(2026, 6, 3), court="Montréal")
    pending = work.service(second, "T127", date(2026, 6, 3), court="Montréal")
    work.statement("R-2026-050", [first], [billed], finalized=date(2026, 6, 30))
    findings = [f for f in show(engine).findings if f.finding.code == "duplicate_attendance"]
    assert [(f.record, f.mandate_number) for f in findings] == [(RecordRef("service", pending), "500-01-000021-261")]


def test_showing_the_dashboard_logs_its_deadlines(engine, work):
    ids = a_year_of_work(work)
    board = show(engine).deadlines
    # art. 15: R-2026-034 received 6 July 2026 -> paid by 5 August: overdue. T8: R-2026-040,
    # sent 10 November 2026 with the T1 claim -> request by 10 May 2027. Art. 15: the mandate
    # ended 20 October 2026 by settlement -> 20 October 2029, a Saturday -> Monday 22.
    assert [(i.subject, i.deadline.kind.value, i.deadline.due, i.urgency.value) for i in board.items] == [
        ("R-2026-034", "payment", date(2026, 8, 5), "overdue"),
        ("R-2026-040", "special_consideration", date(2027, 5, 10), "later"),
        ("500-01-000013-261", "filing", date(2029, 10, 22), "later"),
    ]
    assert board.items[2].record == RecordRef("mandate", ids["unbilled"])
    with UnitOfWork(engine) as uow:  # what is shown at a glance; « plus tard » is folded
        assert [(e.subject, e.state) for e in DeadlineLog(uow.session).on(TODAY)] == [("R-2026-034", "overdue")]


def test_a_new_database_shows_what_to_do_first(engine):
    shown = show(engine)
    assert (shown.has_profile, shown.has_mandates) == (False, False)
    assert shown.deadlines.items == shown.unbilled == shown.awaiting_payment == shown.findings == ()
    assert shown.gauge.generated == 0 and shown.gauge.alert is None and len(shown.months) == 12
