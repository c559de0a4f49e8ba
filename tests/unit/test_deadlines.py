"""Billing deadlines of the entente (arts. 15-17, 19, 29-35, T8) and their status.

Every expected date is worked out by hand: the starting day is not counted, the last day is,
and a last day on a Saturday or a holiday moves to the next juridical day (CPP arts. 17-18).
"""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lawyer_billing.domain.calendar import add_days, add_months, is_juridical_day
from lawyer_billing.domain.deadlines import (
    Conciliation,
    Deadline,
    DeadlineError,
    DeadlineKind,
    DeadlineState,
    InterimBasis,
    arbitration_deadline,
    deadline_status,
    dispute_deadline,
    filing_deadline,
    interim_billing_opportunities,
    last_june_30,
    payment_due,
    special_consideration_deadline,
)

# --- Art. 15: filing the statement of fees -----------------------------------------------------


def test_art_15_filing_three_years_after_the_end_of_the_mandate():
    deadline = filing_deadline(date(2024, 5, 14))
    assert deadline.due == date(2027, 5, 14)  # Friday
    assert deadline.kind is DeadlineKind.FILING
    assert deadline.article == "entente art. 15"
    assert "rigueur" in deadline.note_fr


def test_art_15_filing_on_a_saturday_moves_to_monday():
    # 15 May 2027 is a Saturday -> Monday 17 May 2027 (CPP art. 17).
    assert filing_deadline(date(2024, 5, 15)).due == date(2027, 5, 17)


def test_art_15_after_a_judgment_the_three_years_run_from_the_thirtieth_day():
    # Judgment Friday 15 March 2024 = day 0; day 30 = 14 April 2024 (16 days to 31 March, then
    # 14); three years from that day = 14 April 2027, a Wednesday.
    deadline = filing_deadline(date(2024, 3, 15), judgment_date=date(2024, 3, 15))
    assert deadline.starts_on == date(2024, 4, 14)
    assert deadline.due == date(2027, 4, 14)
    assert "2024-04-14" in deadline.note_fr


def test_art_15_the_thirtieth_day_is_a_starting_point_and_is_not_moved():
    # 14 April 2024 is a Sunday: it starts the period as it is, the due date is not 15 April.
    deadline = filing_deadline(date(2024, 3, 20), judgment_date=date(2024, 3, 15))
    assert deadline.starts_on.weekday() == 6
    assert deadline.due == date(2027, 4, 14)


def test_art_15_a_judgment_one_day_earlier_ends_one_day_earlier():
    # Judgment 14 March 2024 -> day 30 = 13 April 2024 -> Tuesday 13 April 2027.
    assert filing_deadline(date(2024, 3, 14), date(2024, 3, 14)).due == date(2027, 4, 13)


def test_art_15_a_judgment_after_the_end_of_the_mandate_is_refused():
    with pytest.raises(DeadlineError, match="jugement"):
        filing_deadline(date(2024, 3, 14), judgment_date=date(2024, 3, 15))


# --- Arts. 15, 17 and 19: payment within 30 days of receipt -------------------------------------


def test_art_15_payment_thirty_days_after_receipt():
    # Tuesday 20 May 2025 + 30 days = Thursday 19 June 2025 (11 days to 31 May, then 19).
    deadline = payment_due(date(2025, 5, 20))
    assert deadline.due == date(2025, 6, 19)
    assert deadline.kind is DeadlineKind.PAYMENT
    assert "art. 17" in deadline.note_fr


def test_art_15_payment_day_before_st_jean_stays():
    assert payment_due(date(2025, 5, 24)).due == date(2025, 6, 23)  # Monday


def test_art_15_payment_on_st_jean_moves_to_june_25():
    assert payment_due(date(2025, 5, 25)).due == date(2025, 6, 25)  # 24 June, CPP art. 18 (6)


def test_art_19_disbursements_have_their_own_article():
    deadline = payment_due(date(2025, 5, 20), disbursements=True)
    assert deadline.kind is DeadlineKind.DISBURSEMENT_PAYMENT
    assert deadline.article == "entente art. 19"
    assert deadline.due == date(2025, 6, 19)


def test_payment_counts_a_day_added_by_the_user():
    assert payment_due(date(2025, 5, 20), extra=[date(2025, 6, 19)]).due == date(2025, 6, 20)


# --- T8: special consideration -------------------------------------------------------------------


def test_t8_six_months_after_sending_the_statement_day_before_the_weekend():
    assert special_consideration_deadline(date(2025, 1, 18)).due == date(2025, 7, 18)  # Friday


def test_t8_six_months_landing_on_a_saturday_moves_to_monday():
    assert special_consideration_deadline(date(2025, 1, 19)).due == date(2025, 7, 21)


def test_t8_six_months_from_august_31_clamps_to_february_28():
    deadline = special_consideration_deadline(date(2024, 8, 31))
    assert deadline.due == date(2025, 2, 28)
    assert deadline.article == "entente annexe II art. T8"


# --- Arts. 29-33: dispute and conciliation --------------------------------------------------------


def test_art_32_six_months_from_receipt_of_the_refusal():
    result = dispute_deadline(date(2025, 3, 3))
    assert result.dispute.due == date(2025, 9, 3)  # Wednesday
    assert result.dispute.interrupted_on is None
    assert result.conciliation_steps == ()


def test_art_32_six_months_ending_on_labour_day_moves_to_tuesday():
    assert dispute_deadline(date(2025, 3, 1)).dispute.due == date(2025, 9, 2)
    assert dispute_deadline(date(2025, 2, 28)).dispute.due == date(2025, 8, 28)


def test_art_33_conciliation_interrupts_the_six_months_and_lists_its_steps():
    result = dispute_deadline(date(2025, 3, 3), Conciliation(requested_on=date(2025, 6, 10)))
    assert result.dispute.interrupted_on == date(2025, 6, 10)
    assert result.dispute.due == date(2025, 9, 3)  # what it would have been, for information
    naming, meeting = result.conciliation_steps
    # Art. 30: 10 June + 15 days = Wednesday 25 June 2025.
    assert (naming.kind, naming.due, naming.article) == (
        DeadlineKind.CONCILIATORS_NAMED, date(2025, 6, 25), "entente art. 30"
    )
    # Art. 31, conciliators not yet named: from 25 June, + 30 days = Friday 25 July 2025.
    assert (meeting.kind, meeting.starts_on, meeting.due) == (
        DeadlineKind.CONCILIATION_MEETING, date(2025, 6, 25), date(2025, 7, 25)
    )


def test_art_31_the_meeting_counts_from_the_actual_designation():
    conciliation = Conciliation(date(2025, 6, 10), conciliators_named_on=date(2025, 6, 20))
    _, meeting = dispute_deadline(date(2025, 3, 3), conciliation).conciliation_steps
    # 20 June + 30 days = Sunday 20 July 2025 -> Monday 21 July.
    assert meeting.due == date(2025, 7, 21)


def test_art_33_a_new_six_month_period_starts_when_conciliation_ends():
    conciliation = Conciliation(date(2025, 6, 10), ended_on=date(2025, 8, 15))
    result = dispute_deadline(date(2025, 3, 3), conciliation)
    # 15 August 2025 + 6 months = Sunday 15 February 2026 -> Monday 16 February.
    assert result.dispute.starts_on == date(2025, 8, 15)
    assert result.dispute.due == date(2026, 2, 16)
    assert result.dispute.interrupted_on is None


def test_art_33_conciliation_asked_on_the_last_day_still_interrupts():
    result = dispute_deadline(date(2025, 3, 3), Conciliation(date(2025, 9, 3)))
    assert result.dispute.interrupted_on == date(2025, 9, 3)


def test_art_33_conciliation_asked_after_the_last_day_interrupts_nothing():
    result = dispute_deadline(date(2025, 3, 3), Conciliation(date(2025, 9, 4)))
    assert result.dispute.interrupted_on is None
    assert result.dispute.due == date(2025, 9, 3)
    assert "ne l'a pas interrompu" in result.dispute.note_fr


@pytest.mark.parametrize(
    "conciliation, word",
    [
        (Conciliation(date(2025, 3, 2)), "réception"),
        (Conciliation(date(2025, 6, 10), conciliators_named_on=date(2025, 6, 9)), "désignation"),
        (Conciliation(date(2025, 6, 10), ended_on=date(2025, 6, 9)), "fin"),
    ],
)
def test_conciliation_dates_out_of_order_are_refused(conciliation, word):
    with pytest.raises(DeadlineError, match=word):
        dispute_deadline(date(2025, 3, 3), conciliation)


# --- Art. 35: arbitration --------------------------------------------------------------------------


def test_art_35_six_months_from_the_answer():
    # Answer 20 March 2025 + 6 months = Saturday 20 September -> Monday 22 September.
    deadline = arbitration_deadline(date(2025, 3, 3), answer_received=date(2025, 3, 20))
    assert deadline.due == date(2025, 9, 22)
    assert deadline.starts_on == date(2025, 3, 20)
    assert deadline.alternatives == ()


def test_art_35_an_answer_on_the_thirtieth_day_is_in_time():
    # Notice 3 March 2025 + 30 days = Wednesday 2 April; answer that day + 6 months = Thursday
    # 2 October 2025.
    deadline = arbitration_deadline(date(2025, 3, 3), answer_received=date(2025, 4, 2))
    assert deadline.due == date(2025, 10, 2)
    assert deadline.alternatives == ()


def test_art_35_without_an_answer_both_readings_are_returned():
    deadline = arbitration_deadline(date(2025, 3, 3))
    # From the notice: 3 September 2025 (Wednesday). From the end of the 30 days (2 April):
    # 2 October 2025 (Thursday). The earlier is the due date.
    assert [a.due for a in deadline.alternatives] == [date(2025, 9, 3), date(2025, 10, 2)]
    assert deadline.due == date(2025, 9, 3)
    assert "2025-04-02" in deadline.alternatives[1].reading_fr


def test_art_35_an_answer_after_the_thirtieth_day_is_treated_as_no_answer():
    deadline = arbitration_deadline(date(2025, 3, 3), answer_received=date(2025, 4, 3))
    assert deadline.due == date(2025, 9, 3)
    assert [a.due for a in deadline.alternatives] == [date(2025, 9, 3), date(2025, 10, 2)]
    assert "après 30 jours" in deadline.note_fr


def test_art_35_an_answer_before_the_notice_is_refused():
    with pytest.raises(DeadlineError, match="réponse"):
        arbitration_deadline(date(2025, 3, 3), answer_received=date(2025, 3, 2))


# --- Status -------------------------------------------------------------------------------------------

DUE_WEDNESDAY = dispute_deadline(date(2025, 3, 3)).dispute  # due 3 September 2025


@pytest.mark.parametrize(
    "today, state, days_left, reached",
    [
        (date(2025, 7, 4), DeadlineState.UPCOMING, 61, ()),
        (date(2025, 7, 5), DeadlineState.DUE_SOON, 60, (60,)),
        (date(2025, 8, 3), DeadlineState.DUE_SOON, 31, (60,)),
        (date(2025, 8, 4), DeadlineState.DUE_SOON, 30, (60, 30)),
        (date(2025, 8, 26), DeadlineState.DUE_SOON, 8, (60, 30)),
        (date(2025, 8, 27), DeadlineState.DUE_SOON, 7, (60, 30, 7)),
        (date(2025, 9, 3), DeadlineState.DUE_SOON, 0, (60, 30, 7)),
        (date(2025, 9, 4), DeadlineState.OVERDUE, -1, (60, 30, 7)),
    ],
)
def test_status_day_before_and_day_of_each_reminder(today, state, days_left, reached):
    status = deadline_status(DUE_WEDNESDAY, today)
    assert (status.state, status.days_left, status.reminders_reached) == (state, days_left, reached)


def test_status_met_on_the_due_date_is_not_late():
    status = deadline_status(DUE_WEDNESDAY, date(2025, 10, 1), met_on=date(2025, 9, 3))
    assert status.state is DeadlineState.MET and not status.met_late


def test_status_met_the_day_after_is_late():
    status = deadline_status(DUE_WEDNESDAY, date(2025, 10, 1), met_on=date(2025, 9, 4))
    assert status.state is DeadlineState.MET and status.met_late


def test_status_without_reminders_is_due_soon_only_on_the_due_date():
    assert deadline_status(DUE_WEDNESDAY, date(2025, 9, 2), reminders=()).state is DeadlineState.UPCOMING
    assert deadline_status(DUE_WEDNESDAY, date(2025, 9, 3), reminders=()).state is DeadlineState.DUE_SOON


def test_status_of_an_interrupted_dispute_art_33():
    interrupted = dispute_deadline(date(2025, 3, 3), Conciliation(date(2025, 6, 10))).dispute
    assert deadline_status(interrupted, date(2025, 6, 9)).state is DeadlineState.UPCOMING
    assert deadline_status(interrupted, date(2025, 6, 10)).state is DeadlineState.INTERRUPTED
    assert deadline_status(interrupted, date(2025, 12, 1)).state is DeadlineState.INTERRUPTED


def test_status_refuses_a_negative_reminder():
    with pytest.raises(DeadlineError, match="rappel"):
        deadline_status(DUE_WEDNESDAY, date(2025, 7, 1), reminders=(30, -1))


def test_deadline_is_immutable():
    with pytest.raises(AttributeError):
        DUE_WEDNESDAY.due = date(2030, 1, 1)  # type: ignore[misc]


# --- Art. 16: interim statements ------------------------------------------------------------------------


def test_last_june_30_day_before_and_day_of():
    assert last_june_30(date(2025, 6, 29)) == date(2024, 6, 30)
    assert last_june_30(date(2025, 6, 30)) == date(2025, 6, 30)


def test_art_16_services_rendered_twelve_months_ago_day_before_and_day_of():
    today = date(2025, 8, 15)
    services = [date(2024, 8, 14), date(2024, 8, 15), date(2024, 8, 16), date(2025, 8, 1)]
    (finding,) = interim_billing_opportunities(today, services)
    assert finding.basis is InterimBasis.TWELVE_MONTHS
    assert finding.service_dates == (date(2024, 8, 14), date(2024, 8, 15))
    assert "art. 16" in finding.message_fr and "2024-08-14" in finding.message_fr


def test_art_16_case_ready_at_june_30_covers_services_up_to_that_day():
    today = date(2025, 8, 15)
    services = [date(2025, 1, 10), date(2025, 6, 30), date(2025, 7, 1)]
    (finding,) = interim_billing_opportunities(today, services, ready_for_hearing_at_june_30=True)
    assert finding.basis is InterimBasis.READY_FOR_HEARING
    assert finding.service_dates == (date(2025, 1, 10), date(2025, 6, 30))
    assert "2025-06-30" in finding.message_fr


def test_art_16_and_t219_personal_information_forms_at_any_time():
    (finding,) = interim_billing_opportunities(date(2025, 8, 15), [], pif_prepared_on=[date(2025, 8, 1)])
    assert finding.basis is InterimBasis.PERSONAL_INFORMATION_FORM
    assert finding.article == "entente art. 16 et T219"


def test_art_16_nothing_to_bill_on_an_interim_statement():
    assert interim_billing_opportunities(date(2025, 8, 15), [date(2025, 7, 1)]) == ()


def test_art_16_a_service_may_be_covered_by_two_grounds():
    findings = interim_billing_opportunities(
        date(2025, 8, 15), [date(2024, 1, 10)], ready_for_hearing_at_june_30=True
    )
    assert [f.basis for f in findings] == [InterimBasis.READY_FOR_HEARING, InterimBasis.TWELVE_MONTHS]


def test_art_16_a_service_dated_in_the_future_is_refused():
    with pytest.raises(DeadlineError, match="après aujourd'hui"):
        interim_billing_opportunities(date(2025, 8, 15), [date(2025, 8, 16)])


# --- Properties ---------------------------------------------------------------------------------------------

days = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))
added = st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), max_size=5)


def computed_deadlines(start: date, extra: list[date]) -> list[tuple[Deadline, date]]:
    """Each deadline with the raw last day of its period (before the art. 17 extension)."""
    return [
        (filing_deadline(start, extra=extra), add_months(start, 36)),
        (filing_deadline(start, start, extra=extra), add_months(add_days(start, 30), 36)),
        (payment_due(start, extra=extra), add_days(start, 30)),
        (special_consideration_deadline(start, extra=extra), add_months(start, 6)),
        (dispute_deadline(start, extra=extra).dispute, add_months(start, 6)),
        (arbitration_deadline(start, start, extra=extra), add_months(start, 6)),
        (arbitration_deadline(start, extra=extra), add_months(start, 6)),
    ]


@given(days, added)
def test_a_due_date_is_never_a_saturday_a_sunday_or_a_holiday(start, extra):
    for deadline, raw_end in computed_deadlines(start, extra):
        assert is_juridical_day(deadline.due, extra), deadline.kind
        assert deadline.due.weekday() not in (5, 6)
        assert deadline.due >= raw_end
        for alternative in deadline.alternatives:
            assert is_juridical_day(alternative.due, extra)
            assert alternative.due >= deadline.due


@given(days, st.integers(0, 120), days)
def test_conciliation_steps_are_juridical_and_in_order(refusal, offset, today):
    result = dispute_deadline(refusal, Conciliation(refusal + timedelta(days=offset)))
    naming, meeting = result.conciliation_steps
    assert is_juridical_day(naming.due) and is_juridical_day(meeting.due)
    assert naming.due < meeting.due
    state = deadline_status(result.dispute, today).state
    assert state in set(DeadlineState) - {DeadlineState.MET}


@given(days, days, st.lists(st.integers(0, 400), max_size=4))
def test_status_reminders_reached_are_those_at_least_days_left(due_start, today, reminders):
    deadline = payment_due(due_start)
    status = deadline_status(deadline, today, reminders=reminders)
    assert set(status.reminders_reached) == {r for r in reminders if status.days_left <= r}
    assert (status.state is DeadlineState.OVERDUE) == (today > deadline.due)
