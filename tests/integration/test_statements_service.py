"""Relevés: prepare, finalize, follow up and correct a statement through the services, on SQLite
and PostgreSQL. Every amount below is computed by hand in the comment beside it, citing the
article that sets it."""

import os
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from lawyer_billing.domain.deadlines import DeadlineKind, DeadlineState
from lawyer_billing.domain.mandate import EndReason, LegalAidOffice, Mandate, MatterType
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.service import Disbursement, Service, Travel
from lawyer_billing.domain.statement import StatementType
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services import statements
from lawyer_billing.services.mandates import add_office, save_mandate
from lawyer_billing.services.settings import Preferences, save_preferences
from lawyer_billing.services.statements import LineKind, StatementStatus
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.errors import FrozenStatementError
from lawyer_billing.storage.repositories import DisbursementRepository, ServiceRepository, TravelRepository
from lawyer_billing.storage.rows import StatementLineRow
from lawyer_billing.storage.settings_store import KmRateRepository, ProfileRepository
from lawyer_billing.storage.statement_seal import lines_hash
from lawyer_billing.storage.statement_store import StatementStore
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW, migrated_engine

TODAY = date(2026, 11, 22)


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    yield engine
    engine.dispose()


def office(engine, name="Bureau d'aide juridique de Montréal") -> LegalAidOffice:
    with UnitOfWork(engine) as uow:
        return add_office(uow, LegalAidOffice(name, "1, rue Notre-Dame Est\nMontréal (Québec)"))


def mandate(engine, office_id, number="500-01-012345-251", client="Zoé L'Heureux", ended=True) -> Mandate:
    end = {"ended_on": date(2025, 6, 30), "end_reason": EndReason.JUDGMENT, "judgment_on": date(2025, 6, 30)}
    record = Mandate(number, client, date(2025, 1, 15), MatterType.CRIMINAL_PENAL, office_id=office_id,
                     court="Cour du Québec", **(end if ended else {}))
    with UnitOfWork(engine) as uow:
        return save_mandate(uow, record, user="atremblay", now=NOW)


def work(engine, mandate_id, *, registered=True, fees_before="139800.00") -> None:
    """T127 and T117 in fiscal year 2024-2025, a trip outside the district, a bailiff's invoice."""
    with UnitOfWork(engine) as uow:
        services = ServiceRepository(uow.session)
        services.add(Service(mandate_id, "T127", date(2025, 2, 10)))
        services.add(Service(mandate_id, "T117", date(2025, 3, 12)))
        TravelRepository(uow.session).add(Travel(mandate_id, date(2025, 2, 10), Decimal("180"), Decimal("90"),
                                                 "outside_district", parking=Decimal("12.00")))
        DisbursementRepository(uow.session).add(Disbursement(mandate_id, date(2025, 2, 3), "Signification par huissier",
                                                             Decimal("45.67"), "H-889"))
        KmRateRepository(uow.session).put(date(2024, 4, 1), Decimal("0.47"), "saisi")
        ProfileRepository(uow.session).put(LawyerProfile(
            "Me Anne Tremblay", "10, rue Saint-Jacques\nMontréal", "123456-7", "P12345", "Montréal",
            "123456789RT0001" if registered else None, "1234567890TQ0001" if registered else None))
        save_preferences(uow, Preferences(fees_before={"2024-2025": Decimal(fees_before)}))
        uow.commit()


def prepared(engine, mandate_ids, today=TODAY, kind=StatementType.FINAL):
    with UnitOfWork(engine) as uow:
        return statements.prepare_statement(uow, today, mandate_ids, kind)


def finalized(engine, mandate_ids, today=TODAY) -> int:
    preview = prepared(engine, mandate_ids, today)
    with UnitOfWork(engine) as uow:
        return statements.finalize_statement(uow, today, preview, user="atremblay", now=NOW)


def opened(engine, statement_id, today=TODAY):
    with UnitOfWork(engine) as uow:
        return statements.open_statement(uow, today, statement_id)


def test_a_preview_prices_every_line_with_its_rules_the_art_22_reduction_and_the_taxes(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    preview = prepared(engine, [m.id])
    fees = [(line.code, line.amount, line.cap_reduction) for line in preview.lines if line.kind is LineKind.FEE]
    # art. 22: 139 800 $ already generated in 2024-2025; T127 (330 $) brings it to 140 130 $, its
    # 130 $ above 140 000 $ are reduced by 35 % = 45,50 $; T117 (165 $) is wholly above: 57,75 $
    assert fees == [("T127", Decimal("330.00"), Decimal("45.50")), ("T117", Decimal("165.00"), Decimal("57.75"))]
    trip = next(line for line in preview.lines if line.kind is LineKind.TRAVEL)
    # art. 20 2°: 180 km actually travelled outside the district (under 200) at 0,47 $ = 84,60 $, plus parking
    assert (trip.km, trip.rate, trip.parking, trip.amount) == (Decimal("180"), Decimal("0.47"), Decimal("12.00"),
                                                              Decimal("96.60"))
    assert [rule.code for rule in trip.rules] == ["art. 20 2°", "art. 20 al. 3"]
    disbursement = next(line for line in preview.lines if line.kind is LineKind.DISBURSEMENT)
    assert (disbursement.amount, disbursement.receipt) == (Decimal("45.67"), "H-889")  # art. 19, at cost
    totals = preview.totals
    # taxable: 495,00 - 103,25 + 96,60 = 488,35; GST 5 % = 24,42; QST 9,975 % = 48,71;
    # disbursements untaxed: 488,35 + 24,42 + 48,71 + 45,67 = 607,15
    assert (totals.fees, totals.cap_reduction, totals.travel, totals.disbursements) == (
        Decimal("495.00"), Decimal("103.25"), Decimal("96.60"), Decimal("45.67"))
    assert (totals.gst, totals.qst, totals.total) == (Decimal("24.42"), Decimal("48.71"), Decimal("607.15"))
    assert preview.problems == ()


def test_an_unregistered_lawyer_charges_no_tax(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id, registered=False)
    totals = prepared(engine, [m.id]).totals
    assert (totals.gst, totals.qst, totals.total) == (Decimal("0.00"), Decimal("0.00"), Decimal("534.02"))  # 488,35 + 45,67


def test_finalizing_numbers_seals_and_freezes_the_statement_and_bills_its_work(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    statement_id = finalized(engine, [m.id])
    view = opened(engine, statement_id)
    assert (view.number, view.kind, view.status, view.finalized_on) == (
        "R-2026-0001", StatementType.FINAL, StatementStatus.FINALIZED, TODAY)
    assert view.totals.total == Decimal("607.15") and view.findings == ()
    assert [line.kind for line in view.lines] == [LineKind.FEE, LineKind.FEE, LineKind.TRAVEL, LineKind.DISBURSEMENT]
    assert view.lines[2].rules[0].explanation.startswith("art. 20 2° : 180 km payés à 0,47 $ le km")
    with UnitOfWork(engine) as uow:
        stored = StatementStore(uow.session).get(statement_id)
        assert stored.lines_hash == lines_hash(stored.lines, stored.amounts) and len(stored.lines_hash) == 64
        assert statements.unbilled_work(uow, TODAY, [m.id]) == statements.UnbilledWork((), (), (), ())
        assert [e.action for e in AuditTrail(uow.session).of("statement", statement_id)] == ["finalize"]
    with UnitOfWork(engine) as uow, pytest.raises(FrozenStatementError):
        uow.session.scalar(select(StatementLineRow)).amount = Decimal("999.00")
        uow.commit()
    with UnitOfWork(engine) as uow:  # nothing left to bill on these mandates
        assert statements.prepare_statement(uow, TODAY, [m.id], StatementType.FINAL).problems[0].field == "lines"
    second = mandate(engine, office(engine, "Bureau d'aide juridique de Laval").id, number="540-01-000777-251")
    with UnitOfWork(engine) as uow:
        ServiceRepository(uow.session).add(Service(second.id, "T127", date(2025, 5, 5)))
        uow.commit()
    assert opened(engine, finalized(engine, [second.id])).number == "R-2026-0002"


def test_a_statement_changed_outside_the_application_no_longer_matches_its_seal(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    statement_id = finalized(engine, [m.id])
    with engine.begin() as connection:  # an edit of the database file, past the application
        connection.execute(text("UPDATE statement_line SET amount = 99900 WHERE code = 'T117'"))
    finding = opened(engine, statement_id).findings[0]
    assert finding.code == "statement_tampered" and "R-2026-0001" in finding.message_fr
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord, match="ne se réimprime pas à l'identique"):
        statements.statement_document(uow, statement_id)  # its lines no longer add up to its totals


def test_a_draft_is_saved_prepared_again_with_new_work_and_finalized_under_its_own_id(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    with UnitOfWork(engine) as uow:
        draft_id = statements.save_draft(uow, statements.prepare_statement(uow, TODAY, [m.id], StatementType.FINAL),
                                         user="atremblay", now=NOW)
    draft = opened(engine, draft_id)
    assert (draft.number, draft.status, draft.totals.total) == ("B-2026-0001", StatementStatus.DRAFT, Decimal("607.15"))
    with UnitOfWork(engine) as uow:  # a draft bills nothing
        assert len(statements.unbilled_work(uow, TODAY, [m.id]).services) == 2
        ServiceRepository(uow.session).add(Service(m.id, "T118", date(2025, 3, 20)))
        uow.commit()
    with UnitOfWork(engine) as uow:
        again = statements.prepare_again(uow, TODAY, draft_id)
    # T118, 80 $, wholly above the threshold in 2024-2025: reduced by 28,00 $ (art. 22)
    assert [(l.code, l.amount, l.cap_reduction) for l in again.lines if l.code == "T118"] == [
        ("T118", Decimal("80.00"), Decimal("28.00"))]
    with UnitOfWork(engine) as uow:
        assert statements.finalize_statement(uow, TODAY, again, user="atremblay", now=NOW, draft_id=draft_id,
                                             version=draft.version) == draft_id
    final = opened(engine, draft_id)
    assert (final.number, final.status, len(final.lines)) == ("R-2026-0001", StatementStatus.FINALIZED, 5)


def test_a_draft_can_be_discarded(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    with UnitOfWork(engine) as uow:
        draft_id = statements.save_draft(uow, statements.prepare_statement(uow, TODAY, [m.id], StatementType.INTERIM),
                                         user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        statements.discard_draft(uow, draft_id, opened(engine, draft_id).version, user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        assert statements.list_statements(uow, TODAY) == []


def test_the_draft_paths_of_the_store_cannot_delete_a_finalized_statement(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    statement_id = finalized(engine, [m.id])
    version = opened(engine, statement_id).version
    with UnitOfWork(engine) as uow, pytest.raises(FrozenStatementError, match="relevé supplémentaire"):
        StatementStore(uow.session).delete_draft(statement_id, version)
    with UnitOfWork(engine) as uow:
        assert len(StatementStore(uow.session).get(statement_id).lines) == 4


def test_a_preview_outdated_by_new_work_is_not_finalized(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    preview = prepared(engine, [m.id])
    with UnitOfWork(engine) as uow:
        ServiceRepository(uow.session).add(Service(m.id, "T118", date(2025, 3, 20)))
        uow.commit()
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        statements.finalize_statement(uow, TODAY, preview, user="atremblay", now=NOW)
    assert refused.value.problems[0].field == "lines"
    with UnitOfWork(engine) as uow:
        assert statements.list_statements(uow, TODAY) == []


def test_mandates_of_two_offices_are_not_billed_on_one_statement(engine):
    first = mandate(engine, office(engine).id)
    second = mandate(engine, office(engine, "Centre communautaire juridique de l'Outaouais").id, number="550-01-1")
    work(engine, first.id)
    with UnitOfWork(engine) as uow:
        ServiceRepository(uow.session).add(Service(second.id, "T127", date(2025, 5, 5)))
        uow.commit()
    preview = prepared(engine, [first.id, second.id])
    assert [p.field for p in preview.problems] == ["mandates"] and "art. 15" in preview.problems[0].message_fr
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord):
        statements.finalize_statement(uow, TODAY, preview, user="atremblay", now=NOW)


def test_an_interim_statement_flags_services_art_16_does_not_cover(engine):
    m = mandate(engine, office(engine).id, ended=False)
    with UnitOfWork(engine) as uow:
        ServiceRepository(uow.session).add(Service(m.id, "T127", date(2025, 2, 10)))  # 12 months old by 2026-11-22
        ServiceRepository(uow.session).add(Service(m.id, "T117", date(2026, 3, 2)))  # not yet
        uow.commit()
    interim = prepared(engine, [m.id], kind=StatementType.INTERIM)
    assert [f.code for f in interim.findings] == ["interim_condition"] and "T117" in interim.findings[0].message_fr
    final = prepared(engine, [m.id], kind=StatementType.FINAL)
    assert [f.code for f in final.findings] == ["final_before_end"]


def test_payments_partial_then_full_and_the_interest_of_art_17(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    statement_id = finalized(engine, [m.id], today=date(2025, 12, 10))

    def act(action, today, *args, **values):
        with UnitOfWork(engine) as uow:
            version = statements.open_statement(uow, today, statement_id).version
            action(uow, today, statement_id, version, *args, user="atremblay", now=NOW, **values)

    act(statements.mark_sent, date(2025, 12, 15), date(2025, 12, 15))
    act(statements.mark_received, date(2026, 1, 5), date(2026, 1, 5))
    with pytest.raises(InvalidRecord) as early:
        act(statements.record_payment, date(2026, 3, 6), date(2026, 1, 2), Decimal("300.00"))
    assert early.value.problems[0].field == "paid_on"
    with pytest.raises(InvalidRecord) as too_much:
        act(statements.record_payment, date(2026, 3, 6), date(2026, 3, 6), Decimal("700.00"))
    assert too_much.value.problems[0].field == "amount"
    act(statements.record_payment, date(2026, 3, 6), date(2026, 3, 6), Decimal("300.00"))
    assert opened(engine, statement_id, date(2026, 3, 6)).status is StatementStatus.PARTIALLY_PAID
    act(statements.record_payment, date(2026, 5, 1), date(2026, 5, 1), Decimal("307.15"))
    view = opened(engine, statement_id)
    assert view.status is StatementStatus.PAID and view.outstanding == Decimal("0.00")
    # art. 17: interest from 2026-02-04 (30 days after receipt) at the bank rate + 1,5 %:
    # 607,15 $ x 4,25 % x 30/365 = 2,12 (to the partial payment of 2026-03-06);
    # 307,15 $ x 4,25 % x 26/365 = 0,93 (to 2026-04-01, new semester);
    # 307,15 $ x 4,00 % x 30/365 = 1,01 (to the payment in full of 2026-05-01); total 4,06 $
    assert [p.amount for p in view.interest.result.periods] == [Decimal("2.12"), Decimal("0.93"), Decimal("1.01")]
    assert view.interest.result.total == Decimal("4.06")
    due = {e.deadline.kind: e for e in view.deadlines}
    # art. 15: payment within 30 days of receipt (2026-02-04), met by the payment in full
    assert due[DeadlineKind.PAYMENT].deadline.due == date(2026, 2, 4)
    assert due[DeadlineKind.PAYMENT].status.state is DeadlineState.MET
    assert DeadlineKind.SPECIAL_CONSIDERATION not in due  # T8: nothing above the tariff on this statement
    with UnitOfWork(engine) as uow:
        listing = statements.list_statements(uow, TODAY)[0]
        actions = [e.action for e in AuditTrail(uow.session).of("statement", statement_id)]
    assert (listing.status, listing.interest) == (StatementStatus.PAID, Decimal("4.06"))
    assert actions == ["finalize", "send", "receive", "payment", "payment"]


def test_a_refusal_starts_the_six_months_to_dispute_it(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    statement_id = finalized(engine, [m.id], today=date(2025, 12, 10))
    with UnitOfWork(engine) as uow:
        statements.mark_sent(uow, date(2025, 12, 15), statement_id, opened(engine, statement_id).version,
                             date(2025, 12, 15), user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        statements.record_refusal(uow, date(2026, 2, 10), statement_id, opened(engine, statement_id).version,
                                  received_on=date(2026, 2, 10), reasons=" ", amount_refused=Decimal("0"),
                                  reference="", user="atremblay", now=NOW)
    assert {p.field for p in refused.value.problems} == {"reasons", "amount_refused"}
    with UnitOfWork(engine) as uow:
        statements.record_refusal(uow, date(2026, 2, 10), statement_id, opened(engine, statement_id).version,
                                  received_on=date(2026, 2, 10), reasons="T117 : prononcé le jour du plaidoyer",
                                  amount_refused=Decimal("165.00"), reference="BAJ-2026-0042",
                                  user="atremblay", now=NOW)
    view = opened(engine, statement_id, date(2026, 2, 11))
    assert view.status is StatementStatus.REFUSED and view.refusal.reference == "BAJ-2026-0042"
    dispute = next(e for e in view.deadlines if e.deadline.kind is DeadlineKind.DISPUTE)
    # art. 32: six months from receiving the refusal, 2026-08-10 (a Monday)
    assert (dispute.deadline.due, dispute.status.days_left) == (date(2026, 8, 10), 180)
    assert statements.next_deadline(view).deadline.kind is DeadlineKind.DISPUTE


def test_a_statement_billing_above_the_tariff_has_six_months_to_ask_special_consideration(engine):
    m = mandate(engine, office(engine).id)
    with UnitOfWork(engine) as uow:  # T8: a claim above the tariff's 330 $ for T127
        ServiceRepository(uow.session).add(Service(m.id, "T127", date(2025, 2, 10), amount_override=Decimal("900.00"),
                                                   override_reason="Procès de quatre jours, preuve d'expert"))
        uow.commit()
    statement_id = finalized(engine, [m.id], today=date(2025, 12, 10))
    assert [f.code for f in opened(engine, statement_id).lines[0].findings] == ["special_consideration"]
    with UnitOfWork(engine) as uow:
        statements.mark_sent(uow, date(2025, 12, 15), statement_id, opened(engine, statement_id).version,
                             date(2025, 12, 15), user="atremblay", now=NOW)
    view = opened(engine, statement_id, date(2025, 12, 16))
    # T8: with the statement or within six months of sending it (2025-12-15): 2026-06-15
    assert statements.next_deadline(view).deadline.kind is DeadlineKind.SPECIAL_CONSIDERATION
    assert statements.next_deadline(view).deadline.due == date(2026, 6, 15)
    with UnitOfWork(engine) as uow:
        listing = statements.list_statements(uow, date(2025, 12, 16))[0]
    assert listing.next_deadline.deadline.kind is DeadlineKind.SPECIAL_CONSIDERATION


def test_a_correction_is_a_supplementary_statement_never_an_edit(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    original = finalized(engine, [m.id])
    with UnitOfWork(engine) as uow:  # a forgotten service, and the fees of 2024-2025 before the application corrected
        ServiceRepository(uow.session).add(Service(m.id, "T118", date(2025, 3, 20)))
        save_preferences(uow, Preferences(fees_before={"2024-2025": Decimal("139900.00")}))
        uow.commit()
    with UnitOfWork(engine) as uow:
        supplementary = statements.supplementary_statement(uow, TODAY, original, user="atremblay", now=NOW)
    view = opened(engine, supplementary)
    assert (view.number, view.kind, view.supplements_number) == ("R-2026-0002", StatementType.SUPPLEMENTARY,
                                                                  "R-2026-0001")
    lines = [(l.code, l.amount, l.cap_reduction, l.correction) for l in view.lines]
    # art. 22 with 139 900 $ before: T127 now reduced on 230 $ = 80,50 $ (45,50 $ billed: +35,00 $);
    # T117 unchanged (57,75 $); T118, 80 $, wholly above: 28,00 $
    assert lines == [("T127", Decimal("0.00"), Decimal("35.00"), True), ("T118", Decimal("80.00"), Decimal("28.00"), False)]
    # taxable 80,00 - 63,00 = 17,00; GST 0,85; QST 9,975 % = 1,70; total 19,55
    assert (view.totals.gst, view.totals.qst, view.totals.total) == (Decimal("0.85"), Decimal("1.70"), Decimal("19.55"))
    assert opened(engine, original).totals.total == Decimal("607.15")
    with UnitOfWork(engine) as uow:
        assert [e.action for e in AuditTrail(uow.session).of("statement", supplementary)] == ["supplement"]


def test_the_relevé_is_printed_from_the_stored_lines(engine):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    statement_id = finalized(engine, [m.id])
    with UnitOfWork(engine) as uow:  # the km rate changes after finalizing: the relevé does not
        KmRateRepository(uow.session).put(date(2024, 4, 1), Decimal("0.52"), "corrigé")
        uow.commit()
    with UnitOfWork(engine) as uow:
        document = statements.statement_document(uow, statement_id)
        pdf = statements.statement_pdf_bytes(uow, statement_id)
        workbook = statements.statement_xlsx_bytes(uow, statement_id)
    assert document.travel[0].amount == Decimal("96.60") and document.totals.total == Decimal("607.15")
    assert document.header.office.name == "Bureau d'aide juridique de Montréal"
    assert pdf.startswith(b"%PDF") and workbook.startswith(b"PK")
    assert statements.export_file_name("R-2026-0001", "pdf") == "releve-R-2026-0001.pdf"
    assert statements.export_file_name("../R 2026/01", "xlsx") == "releve-R-2026-01.xlsx"


def test_a_year_is_exported_whole_or_not_at_all(engine, tmp_path):
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    finalized(engine, [m.id])
    folder = tmp_path / "export"
    folder.mkdir()
    steps = []
    with UnitOfWork(engine) as uow:
        files = statements.export_year(uow, 2026, folder, progress=lambda done, total: steps.append((done, total)))
    assert sorted(p.name for p in folder.iterdir()) == ["releve-R-2026-0001.pdf", "releves-2026.xlsx"]
    assert steps == [(1, 2), (2, 2)] and all(path.parent == folder for path in files)
    if os.name == "posix":  # they name clients: owner-only, like the database and its backups
        assert {path.stat().st_mode & 0o777 for path in files} == {0o600}
    book = load_workbook(folder / "releves-2026.xlsx")
    assert book.sheetnames == ["Sommaire", "R-2026-0001"]
    statement_row = next(row for row in book["Sommaire"].iter_rows() if row[0].value == "R-2026-0001")
    assert (statement_row[9].value, statement_row[9].number_format) == (607.15, "#,##0.00")
    again = tmp_path / "cancelled"
    again.mkdir()
    with UnitOfWork(engine) as uow, pytest.raises(statements.ExportCancelled):
        statements.export_year(uow, 2026, again, progress=lambda done, total: steps.append(done),
                               cancelled=lambda: len(steps) > 2)
    assert list(again.iterdir()) == []
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord):
        statements.export_year(uow, 2025, again)
