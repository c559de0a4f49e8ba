"""The audit trail keeps, for every change of a mandate, a service, a trip, a disbursement, a
statement, a payment, a refusal or a dispute, the record's values before and after and the
workstation it was made on; a record's history gathers its own events and those of the records
that belong to it (SQLite and PostgreSQL)."""

import re
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.mandate import EndReason, LegalAidOffice, Mandate, MatterType
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.service import Disbursement, Disposition, Service, Travel
from lawyer_billing.domain.statement import StatementType
from lawyer_billing.services import disputes, penal_deadlines, statements
from lawyer_billing.services.court_day import Attendance, CourtDay, save_day
from lawyer_billing.services.disputes import Step
from lawyer_billing.services.mandates import add_office, end_mandate, save_mandate
from lawyer_billing.services.record_history import FieldChange, record_history
from lawyer_billing.services.work_log import delete_work, restore_work, save_disbursement, save_service, save_travel
from lawyer_billing.storage import audit_trail
from lawyer_billing.storage.audit_trail import AuditEvent, AuditTrail
from lawyer_billing.storage.settings_store import ProfileRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW

WORKSTATION = "poste-reception"
#: an amount written as money in a summary: « 330,00 », « 45.67 », « 330 $ »
AMOUNT = re.compile(r"\d[.,]\d\d\b|\$")


@pytest.fixture(autouse=True)
def workstation(monkeypatch):
    """Every event below is written on the same computer, whose host name the trail records."""
    monkeypatch.setattr(audit_trail.socket, "gethostname", lambda: WORKSTATION)


@pytest.fixture
def office(engine) -> LegalAidOffice:
    with UnitOfWork(engine) as uow:
        return add_office(uow, LegalAidOffice("Centre communautaire juridique de Montréal"))


def new_mandate(engine, office) -> Mandate:
    with UnitOfWork(engine) as uow:
        return save_mandate(uow, Mandate("500-01-012345-251", "Zoé L'Heureux", date(2025, 1, 15),
                                         MatterType.CRIMINAL_PENAL, office_id=office.id, court="Cour du Québec"),
                            user="atremblay", now=NOW)


def events(engine, entity, entity_id) -> list[AuditEvent]:
    with UnitOfWork(engine) as uow:
        return AuditTrail(uow.session).of(entity, entity_id)


def history(engine, entity, entity_id):
    with UnitOfWork(engine) as uow:
        return record_history(uow, entity, entity_id)


def no_amount_in(summaries) -> None:
    """The list of events may be shown to a colleague: no amount in a summary (see AuditEventRow)."""
    assert [s for s in summaries if AMOUNT.search(s)] == []


def test_a_mandate_keeps_its_values_before_and_after_and_the_workstation(engine, office):
    mandate = new_mandate(engine, office)
    with UnitOfWork(engine) as uow:
        end_mandate(uow, replace(mandate, notes="Arrêt des procédures demandé"), ended_on=date(2025, 6, 30),
                    reason=EndReason.JUDGMENT, judgment_on=date(2025, 6, 27), user="adjointe",
                    now=datetime(2026, 11, 23, 8, 15))
    created, ended = events(engine, "mandate", mandate.id)
    assert (created.before, created.workstation) == (None, WORKSTATION)
    assert created.after == {
        "number": "500-01-012345-251", "office_id": str(office.id), "client_name": "Zoé L'Heureux",
        "client_file_number": "", "matter_type": "criminal_penal", "court": "Cour du Québec", "district": "",
        "issued_on": "2025-01-15", "ended_on": "", "end_reason": "", "judgment_on": "", "status": "open",
        "notes": "", "matter": "", "aid_ceased_on": "", "party": "", "earlier_mandate_id": "",
    }
    assert (ended.user, ended.action, ended.workstation, ended.before) == ("adjointe", "update", WORKSTATION,
                                                                          created.after)
    assert {k: v for k, v in ended.after.items() if ended.before[k] != v} == {
        "ended_on": "2025-06-30", "end_reason": "judgment", "judgment_on": "2025-06-27",
        "notes": "Arrêt des procédures demandé"}
    # the client's notes are in the values, shown from the record only, never in the summary
    assert ended.summary == "Mandat 500-01-012345-251"


def test_services_trips_and_disbursements_keep_exact_values_and_a_removal_keeps_them_before(engine, office):
    mandate = new_mandate(engine, office)
    with UnitOfWork(engine) as uow:
        service = save_service(uow, Service(mandate.id, "t127", date(2025, 2, 10), start=time(9, 30),
                                            end=time(11, 45), disposition=Disposition.GUILTY_PLEA),
                               user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:  # an amount typed with one decimal is kept to the cent
        service = save_service(uow, replace(service, amount_override=Decimal("412.5"),
                                            override_reason="Considération spéciale (T8)"), user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        trip = save_travel(uow, Travel(mandate.id, date(2025, 2, 10), Decimal("182.5"), Decimal("91.25"),
                                       "outside_district", parking=Decimal("12")), user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        expense = save_disbursement(uow, Disbursement(mandate.id, date(2025, 2, 3), "Signification par huissier",
                                                      Decimal("45.67"), "H-889"), user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        delete_work(uow, expense, user="atremblay", now=datetime(2026, 11, 22, 10, 0))
    with UnitOfWork(engine) as uow:
        restored = restore_work(uow, expense, user="atremblay", now=datetime(2026, 11, 22, 10, 1))

    created, changed = events(engine, "service", service.id)
    assert created.after["code"] == "T127"  # stored in the tariff's spelling
    assert (created.after["start"], created.after["end"], created.after["rendered_on"]) == (
        "09:30", "11:45", "2025-02-10")
    assert {k: (v, changed.after[k]) for k, v in changed.before.items() if changed.after[k] != v} == {
        "amount_override": ("", "412.50"), "override_reason": ("", "Considération spéciale (T8)")}
    [trip_created] = events(engine, "travel", trip.id)
    # a distance keeps its own decimals (art. 20 pays by the km); the parking is money, to the cent
    assert {k: trip_created.after[k] for k in ("km", "destination_km", "parking", "actual_cost", "basis")} == {
        "km": "182.5", "destination_km": "91.25", "parking": "12.00", "actual_cost": "", "basis": "outside_district"}
    added, removed = events(engine, "disbursement", expense.id)[:2]
    assert (removed.action, removed.after, removed.before) == ("delete", None, added.after)
    assert removed.before["amount"] == "45.67" and removed.before["mandate_id"] == str(mandate.id)
    put_back = events(engine, "disbursement", restored.id)[-1]  # SQLite may give it the removed one's id
    assert (put_back.action, put_back.before, put_back.after["amount"]) == ("restore", None, "45.67")
    no_amount_in(e.summary for kind, record in (("service", service.id), ("travel", trip.id),
                                                ("disbursement", expense.id)) for e in events(engine, kind, record))


def test_a_mandates_history_holds_its_work_removed_records_included_newest_first(engine, office):
    mandate = new_mandate(engine, office)
    with UnitOfWork(engine) as uow:
        service = save_service(uow, Service(mandate.id, "T127", date(2025, 2, 10)), user="atremblay",
                               now=datetime(2026, 11, 22, 9, 31))
    with UnitOfWork(engine) as uow:
        save_service(uow, replace(service, units=2), user="adjointe", now=datetime(2026, 11, 22, 9, 32))
    with UnitOfWork(engine) as uow:
        gone = save_disbursement(uow, Disbursement(mandate.id, date(2025, 2, 3), "Photocopies", Decimal("8.40")),
                                 user="atremblay", now=datetime(2026, 11, 22, 9, 33))
    with UnitOfWork(engine) as uow:
        delete_work(uow, gone, user="atremblay", now=datetime(2026, 11, 22, 9, 34))
    other = new_mandate(engine, office)  # another mandate's work is not in this history
    with UnitOfWork(engine) as uow:
        save_service(uow, Service(other.id, "T117", date(2025, 3, 12)), user="atremblay", now=NOW)

    shown = history(engine, "mandate", mandate.id)
    assert shown.name == "500-01-012345-251"
    assert [(e.entity, e.action, e.user, e.workstation) for e in shown.events] == [
        ("disbursement", "delete", "atremblay", WORKSTATION), ("disbursement", "create", "atremblay", WORKSTATION),
        ("service", "update", "adjointe", WORKSTATION), ("service", "create", "atremblay", WORKSTATION),
        ("mandate", "create", "atremblay", WORKSTATION)]
    deleted, _, units, _, created = shown.events
    assert units.changes == (FieldChange("units", "1", "2"),)
    assert FieldChange("amount", "8.40", "") in deleted.changes
    # a reference reads as the record it names: the office by its name, the mandate by its number
    assert FieldChange("office_id", "", "Centre communautaire juridique de Montréal") in created.changes
    assert FieldChange("mandate_id", "500-01-012345-251", "") in deleted.changes
    assert all(change.before != change.after for e in shown.events for change in e.changes)


def test_a_court_day_stores_each_service_with_its_values(engine, office):
    mandate = new_mandate(engine, office)
    with UnitOfWork(engine) as uow:
        [service] = save_day(uow, CourtDay(date(2025, 6, 3), "Montréal", "3.01", (
            Attendance(mandate.id, "T127", time(9, 30), disposition=Disposition.GUILTY_PLEA),)),
                         user="atremblay", now=NOW)
    [created] = events(engine, "service", service.id)
    assert created.before is None and created.workstation == WORKSTATION
    assert {k: created.after[k] for k in ("code", "rendered_on", "start", "court", "room", "disposition")} == {
        "code": "T127", "rendered_on": "2025-06-03", "start": "09:30", "court": "Montréal", "room": "3.01",
        "disposition": "guilty_plea"}


@pytest.fixture
def billed(engine, office) -> tuple[int, int]:
    """Zoé's mandate, ended, with T127 (330,00 $, annex II) and no taxes: a statement of 330,00 $."""
    mandate = new_mandate(engine, office)
    with UnitOfWork(engine) as uow:
        end_mandate(uow, mandate, ended_on=date(2025, 6, 30), reason=EndReason.JUDGMENT,
                    judgment_on=date(2025, 6, 30), user="atremblay", now=NOW)
        ProfileRepository(uow.session).put(LawyerProfile("Me Anne Tremblay", "10, rue Saint-Jacques", "123456-7",
                                                         "P12345", "Montréal"))
        uow.commit()
    with UnitOfWork(engine) as uow:
        save_service(uow, Service(mandate.id, "T127", date(2025, 2, 10)), user="atremblay", now=NOW)
    return mandate.id


def version(engine, statement_id) -> int:
    with UnitOfWork(engine) as uow:
        return statements.open_statement(uow, date(2025, 12, 10), statement_id).version


def test_a_statement_keeps_its_draft_finalizing_follow_up_payments_and_refusal(engine, billed):
    today = date(2025, 12, 10)
    with UnitOfWork(engine) as uow:
        preview = statements.prepare_statement(uow, today, [billed], StatementType.FINAL)
        discarded = statements.save_draft(uow, preview, user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        statements.discard_draft(uow, discarded, version(engine, discarded), user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        draft = statements.save_draft(uow, preview, user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        statement_id = statements.finalize_statement(uow, today, preview, user="atremblay", now=NOW,
                                                     draft_id=draft, version=version(engine, draft))
    follow_up = [
        (statements.mark_sent, date(2025, 12, 15), (date(2025, 12, 15),), {}),
        (statements.mark_received, date(2025, 12, 18), (date(2025, 12, 18),), {}),
        (statements.record_payment, date(2026, 1, 20), (date(2026, 1, 20), Decimal("130.5")), {}),
        (statements.record_refusal, date(2026, 2, 10), (), {
            "received_on": date(2026, 2, 10), "reasons": "T127 : issue non établie",
            "amount_refused": Decimal("199.50"), "reference": "CCJM-2026-0042"}),
    ]
    for use_case, day, arguments, named in follow_up:
        with UnitOfWork(engine) as uow:
            use_case(uow, day, statement_id, version(engine, statement_id), *arguments, **named, user="atremblay",
                     now=NOW)

    draft_saved, thrown = events(engine, "statement", discarded)[:2]
    assert (thrown.action, thrown.before, thrown.after) == ("discard", draft_saved.after, None)
    assert thrown.before["status"] == "draft" and thrown.before["total"] == "330.00"
    # on SQLite the statement may have the discarded draft's id: its own events are the last ones
    saved, final, sent, received, paid, refused = events(engine, "statement", statement_id)[-6:]
    assert [e.action for e in (saved, final, sent, received, paid, refused)] == [
        "draft", "finalize", "send", "receive", "payment", "refusal"]
    assert final.before == saved.after
    assert {k: (final.before[k], final.after[k]) for k in ("number", "status", "finalized_on", "total")} == {
        "number": ("B-2025-0001", "R-2025-0001"), "status": ("draft", "finalized"),
        "finalized_on": ("", "2025-12-10"), "total": ("330.00", "330.00")}
    assert "lines_hash" not in final.after  # the seal is not something the user recorded
    assert (sent.before["sent_on"], sent.after["sent_on"]) == ("", "2025-12-15")
    # art. 17: a payment of part of the 330,00 $ leaves the statement partly paid
    assert (paid.before["status"], paid.after["status"]) == ("received", "partially_paid")
    assert (refused.before["status"], refused.after["status"]) == ("partially_paid", "refused")

    shown = history(engine, "statement", statement_id)
    assert shown.name == "R-2025-0001"
    assert [(e.entity, e.action) for e in shown.events] == [
        ("statement", "refusal"), ("refusal", "refusal"), ("statement", "payment"), ("payment", "payment"),
        ("statement", "receive"), ("statement", "send"), ("statement", "finalize"), ("statement", "draft")]
    payment = next(e for e in shown.events if e.entity == "payment")
    refusal = next(e for e in shown.events if e.entity == "refusal")
    assert FieldChange("amount", "", "130.50") in payment.changes
    assert FieldChange("paid_on", "", "2026-01-20") in payment.changes
    assert FieldChange("statement_id", "", "R-2025-0001") in payment.changes
    assert FieldChange("amount_refused", "", "199.50") in refusal.changes
    assert payment.summary == "Paiement du 2026-01-20 (relevé R-2025-0001)"
    no_amount_in(e.summary for e in shown.events)


def test_a_second_partial_payment_records_the_payment_and_leaves_the_unchanged_statement_alone(engine, billed):
    statement_id = _sent_and_received(engine, billed)
    for amount in ("100.00", "30.00"):
        with UnitOfWork(engine) as uow:
            statements.record_payment(uow, date(2026, 1, 20), statement_id, version(engine, statement_id),
                                      date(2026, 1, 20), Decimal(amount), user="atremblay", now=NOW)
    assert [e.action for e in events(engine, "statement", statement_id)][-1:] == ["payment"]  # only the first
    shown = history(engine, "statement", statement_id)
    assert sorted(c.after for e in shown.events if e.entity == "payment" for c in e.changes if c.field == "amount") \
        == ["100.00", "30.00"]


def _sent_and_received(engine, mandate_id) -> int:
    today = date(2025, 12, 10)
    with UnitOfWork(engine) as uow:
        preview = statements.prepare_statement(uow, today, [mandate_id], StatementType.FINAL)
        statement_id = statements.finalize_statement(uow, today, preview, user="atremblay", now=NOW)
    for use_case, day in ((statements.mark_sent, date(2025, 12, 15)), (statements.mark_received, date(2025, 12, 18))):
        with UnitOfWork(engine) as uow:
            use_case(uow, day, statement_id, version(engine, statement_id), day, user="atremblay", now=NOW)
    return statement_id


def test_a_dispute_keeps_each_step_and_its_outcome_and_shows_with_its_refusal(engine, billed):
    statement_id = _sent_and_received(engine, billed)
    with UnitOfWork(engine) as uow:
        refusal_id = statements.record_refusal(
            uow, date(2026, 2, 10), statement_id, version(engine, statement_id), received_on=date(2026, 2, 10),
            reasons="T127 : issue non établie", amount_refused=Decimal("165.00"), reference="", user="atremblay",
            now=NOW)
    today = date(2026, 11, 22)
    with UnitOfWork(engine) as uow:
        dispute = disputes.record_step(uow, today, refusal_id, Step.NOTICE_SENT, date(2026, 6, 1), version=None,
                                       user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        disputes.record_outcome(uow, refusal_id, "Entente : 120 $ payés sur 165 $.", version=dispute.version,
                                user="adjointe", now=datetime(2026, 11, 22, 11, 0))
    notice, outcome = events(engine, "dispute", dispute.id)
    assert (notice.before, notice.after["notice_sent_on"], notice.after["refusal_id"]) == (
        None, "2026-06-01", str(refusal_id))
    assert (outcome.before["outcome"], outcome.after["outcome"]) == ("", "Entente : 120 $ payés sur 165 $.")
    assert outcome.workstation == WORKSTATION
    shown = history(engine, "refusal", refusal_id)
    assert shown.name == "R-2025-0001"
    assert [(e.entity, e.action) for e in shown.events] == [
        ("dispute", "dispute_outcome"), ("dispute", "dispute_step"), ("refusal", "refusal")]
    # the refusal named by the day its notice was received (art. 25)
    assert FieldChange("refusal_id", "", "2026-02-10") in shown.events[1].changes
    no_amount_in(e.summary for e in shown.events)
    assert [e.entity for e in history(engine, "statement", statement_id).events][:4] == [
        "dispute", "dispute", "statement", "refusal"]


def test_events_written_before_values_were_kept_show_no_field(engine, office):
    mandate = new_mandate(engine, office)
    with UnitOfWork(engine) as uow:
        AuditTrail(uow.session).record(AuditEvent(datetime(2026, 1, 5, 8, 0), "atremblay", "update", "mandate",
                                                  mandate.id, "Mandat 500-01-012345-251"))
        uow.commit()
    old = history(engine, "mandate", mandate.id).events[-1]
    assert (old.action, old.changes) == ("update", ())
    assert history(engine, "mandate", mandate.id + 1000) is None


def test_a_mandates_history_holds_the_penal_periods_followed_on_it(engine, office):
    mandate = new_mandate(engine, office)
    with UnitOfWork(engine) as uow:
        followed = penal_deadlines.follow(uow, mandate.id, "appeal", date(2026, 11, 12), "Appel sur la peine ?",
                                          user="atremblay", now=datetime(2026, 11, 22, 10, 0))
    with UnitOfWork(engine) as uow:
        penal_deadlines.stop_following(uow, followed.id, version=followed.version, user="atremblay",
                                       now=datetime(2026, 11, 22, 10, 5))
    stopped, started, _ = history(engine, "mandate", mandate.id).events
    assert (stopped.entity, stopped.action, started.action) == ("penal_deadline", "delete", "create")
    assert FieldChange("event_on", "", "2026-11-12") in started.changes
    assert FieldChange("note", "Appel sur la peine ?", "") in stopped.changes
