"""Différends: the dispute path of a refused statement, each step's deadline computed from the
days recorded (arts. 29-35) and its letter filled with the refusal's facts, on SQLite and
PostgreSQL. Each deadline is counted by hand in the comment beside it (CPP art. 17-18: the
first day is not counted, a last day on a Saturday, Sunday or holiday moves to the next day)."""

from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from lawyer_billing.domain.deadlines import DeadlineState
from lawyer_billing.domain.letters import LetterError, LetterKind
from lawyer_billing.domain.mandate import LegalAidOffice, Mandate, MatterType
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.service import Service
from lawyer_billing.domain.statement import StatementType
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services import disputes, statements
from lawyer_billing.services.disputes import Step
from lawyer_billing.services.letter_templates import save_template
from lawyer_billing.services.mandates import add_office, save_mandate
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.repositories import ServiceRepository
from lawyer_billing.storage.settings_store import ProfileRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW


@pytest.fixture
def refusal_id(engine) -> int:
    """R-2025-0001 (T127, 330 $) sent 2025-12-15, refused for 165 $ by a notice received 2026-02-10."""
    with UnitOfWork(engine) as uow:
        office = add_office(uow, LegalAidOffice("Centre communautaire juridique de Montréal", "425, boul. De Maisonneuve O."))
    with UnitOfWork(engine) as uow:
        mandate = save_mandate(uow, Mandate("500-01-012345-251", "Zoé L'Heureux", date(2025, 1, 15),
                                            MatterType.CRIMINAL_PENAL, office_id=office.id), user="atremblay", now=NOW)
        ServiceRepository(uow.session).add(Service(mandate.id, "T127", date(2025, 2, 10)))
        ProfileRepository(uow.session).put(LawyerProfile("Me Anne Tremblay", "10, rue Saint-Jacques", "123456-7",
                                                         "P12345", "Montréal"))
        uow.commit()
    today = date(2025, 12, 10)
    with UnitOfWork(engine) as uow:
        preview = statements.prepare_statement(uow, today, [mandate.id], StatementType.INTERIM)
        statement_id = statements.finalize_statement(uow, today, preview, user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        version = statements.open_statement(uow, today, statement_id).version
        statements.mark_sent(uow, date(2025, 12, 15), statement_id, version, date(2025, 12, 15),
                             user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        version = statements.open_statement(uow, today, statement_id).version
        return statements.record_refusal(uow, date(2026, 2, 10), statement_id, version, received_on=date(2026, 2, 10),
                                         reasons="T127 : la disposition finale n'est pas établie",
                                         amount_refused=Decimal("165.00"), reference="CCJM-2026-0042",
                                         user="atremblay", now=NOW)


def path(engine, refusal_id, today):
    with UnitOfWork(engine) as uow:
        return disputes.dispute_path(uow, today, refusal_id)


def record(engine, refusal_id, step, day, today=date(2026, 11, 22)):
    with UnitOfWork(engine) as uow:
        version = disputes.dispute_path(uow, today, refusal_id).dispute.version
        return disputes.record_step(uow, today, refusal_id, step, day, version=version, user="atremblay", now=NOW)


def due(view, step):
    return view.step(step).deadline.due


def test_a_refusal_opens_six_months_to_submit_the_dispute(engine, refusal_id):
    view = path(engine, refusal_id, date(2026, 2, 11))
    assert [s.step for s in view.steps] == [Step.REFUSAL, Step.CONCILIATION_REQUESTED, Step.NOTICE_SENT,
                                            Step.ANSWER_RECEIVED, Step.ARBITRATION_LETTER_SENT]
    notice = view.step(Step.NOTICE_SENT)
    # art. 32: six months from 2026-02-10, the refusal's receipt: 2026-08-10, 180 days after 2026-02-11
    assert (notice.deadline.due, notice.status.days_left, notice.article) == (date(2026, 8, 10), 180, "entente art. 32")
    assert view.next_step.step is Step.NOTICE_SENT and notice.letter is LetterKind.DISPUTE_NOTICE
    assert view.step(Step.ARBITRATION_LETTER_SENT).deadline is None  # art. 35 counts from the notice
    assert path(engine, refusal_id, date(2026, 8, 11)).step(Step.NOTICE_SENT).status.state is DeadlineState.OVERDUE


def test_conciliation_interrupts_the_six_months_and_they_run_again_when_it_ends(engine, refusal_id):
    record(engine, refusal_id, Step.CONCILIATION_REQUESTED, date(2026, 3, 2))
    view = path(engine, refusal_id, date(2026, 3, 3))
    # art. 30: conciliators named within 15 days of 2026-03-02: 2026-03-17;
    # art. 31: they meet within 30 days, counted from that last day: 2026-04-16
    assert (due(view, Step.CONCILIATORS_NAMED), due(view, Step.CONCILIATION_MEETING)) == (
        date(2026, 3, 17), date(2026, 4, 16))
    assert view.step(Step.NOTICE_SENT).status.state is DeadlineState.INTERRUPTED  # art. 33
    record(engine, refusal_id, Step.CONCILIATION_ENDED, date(2026, 5, 4))
    view = path(engine, refusal_id, date(2026, 5, 5))
    # art. 33: a new period of six months from the end of the conciliation: 2026-11-04
    assert due(view, Step.NOTICE_SENT) == date(2026, 11, 4)
    assert view.step(Step.CONCILIATORS_NAMED).status.state is DeadlineState.MET


def test_arbitration_within_six_months_of_the_notice_or_of_the_answer(engine, refusal_id):
    record(engine, refusal_id, Step.NOTICE_SENT, date(2026, 6, 1))
    arbitration = path(engine, refusal_id, date(2026, 6, 2)).step(Step.ARBITRATION_LETTER_SENT).deadline
    # art. 35, no answer yet: six months from the notice, 2026-12-01; the other reading counts from
    # the end of the 30 days (2026-07-01, Canada Day, so 2026-07-02): 2027-01-02, a Saturday and a
    # holiday, so Monday 2027-01-04; the earlier day is kept
    assert arbitration.due == date(2026, 12, 1)
    assert [a.due for a in arbitration.alternatives] == [date(2026, 12, 1), date(2027, 1, 4)]
    record(engine, refusal_id, Step.ANSWER_RECEIVED, date(2026, 6, 20))
    # art. 35 with an answer within the 30 days: six months from it, 2026-12-20, a Sunday: 2026-12-21
    view = path(engine, refusal_id, date(2026, 6, 21))
    assert due(view, Step.ARBITRATION_LETTER_SENT) == date(2026, 12, 21)
    assert view.step(Step.NOTICE_SENT).status.state is DeadlineState.MET
    record(engine, refusal_id, Step.ARBITRATION_LETTER_SENT, date(2026, 9, 14))
    assert path(engine, refusal_id, date(2026, 11, 22)).next_step is None
    record(engine, refusal_id, Step.ARBITRATION_LETTER_SENT, None)  # entered by mistake: cleared
    assert path(engine, refusal_id, date(2026, 11, 22)).next_step.step is Step.ARBITRATION_LETTER_SENT
    with UnitOfWork(engine) as uow:
        dispute = disputes.dispute_path(uow, date(2026, 11, 22), refusal_id).dispute
        disputes.record_outcome(uow, refusal_id, " Entente : 120 $ payés sur 165 $. ", version=dispute.version,
                                user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        dispute = disputes.dispute_path(uow, date(2026, 11, 22), refusal_id).dispute
        assert dispute.outcome == "Entente : 120 $ payés sur 165 $." and dispute.arbitration_letter_sent_on is None
        assert [e.action for e in AuditTrail(uow.session).of("dispute", dispute.id)] == ["dispute_step"] * 4 + [
            "dispute_outcome"]


@pytest.mark.parametrize("steps, field", [
    ([(Step.ANSWER_RECEIVED, date(2026, 6, 20))], "answer_received_on"),  # no notice yet
    ([(Step.CONCILIATION_REQUESTED, date(2026, 2, 1))], "conciliation_requested_on"),  # before the refusal
    ([(Step.NOTICE_SENT, date(2026, 6, 1)), (Step.CONCILIATION_REQUESTED, date(2026, 6, 5))],
     "conciliation_requested_on"),  # art. 29: before the dispute
    ([(Step.NOTICE_SENT, date(2026, 11, 23))], "notice_sent_on"),  # tomorrow
    ([(Step.NOTICE_SENT, date(2026, 6, 1)), (Step.ANSWER_RECEIVED, date(2026, 6, 20)), (Step.NOTICE_SENT, None)],
     "notice_sent_on"),  # the answer depends on it
], ids=["answer first", "before refusal", "conciliation after notice", "future", "clear what another needs"])
def test_days_out_of_order_are_refused_beside_their_field(engine, refusal_id, steps, field):
    *before, (step, day) = steps
    for earlier, earlier_day in before:
        record(engine, refusal_id, earlier, earlier_day)
    with pytest.raises(InvalidRecord) as refused:
        record(engine, refusal_id, step, day)
    assert [p.field for p in refused.value.problems] == [field]


def test_each_step_produces_its_letter_with_the_refusal_facts(engine, refusal_id):
    with UnitOfWork(engine) as uow:
        letter = disputes.dispute_letter(uow, date(2026, 2, 20), refusal_id, Step.CONCILIATION_REQUESTED)
    text = " ".join(letter.paragraphs)
    assert letter.kind is LetterKind.CONCILIATION_REQUEST and "R-2025-0001" in letter.subject
    assert "10 février 2026" in text and "165,00\u00a0$" in text and "CCJM-2026-0042" in text
    assert "section du Barreau de Montréal" in text and letter.parties.copies == ("Barreau du Québec, section de Montréal",)
    pdf = " ".join(page.extract_text() for page in PdfReader(BytesIO(disputes.letter_file(letter, "pdf"))).pages)
    assert "Demande de conciliation" in pdf and "Centre communautaire juridique de Montréal" in pdf
    assert disputes.letter_file(letter, "docx").startswith(b"PK")
    record(engine, refusal_id, Step.NOTICE_SENT, date(2026, 6, 1))
    with UnitOfWork(engine) as uow:
        texts = disputes.LetterTexts("Les faits résumés.", "Le paiement de 165,00 $.")
        arbitration = disputes.dispute_letter(uow, date(2026, 7, 10), refusal_id, Step.ARBITRATION_LETTER_SENT, texts)
    assert arbitration.parties.recipient.name == "Juge en chef de la Cour du Québec"
    body = "\n".join(arbitration.paragraphs)
    assert "Aucune réponse ne m'a été transmise dans les 30 jours" in body
    assert "1er juin 2026" in body and "Exposé sommaire des faits :\nLes faits résumés." in body


def test_a_letter_in_the_lawyers_own_wording(engine, refusal_id):
    with UnitOfWork(engine) as uow:
        save_template(uow, LetterKind.CONCILIATION_REQUEST, "fr",
                      "Conciliation — relevé $statement_number\n\nMaître,\n\nJe demande la conciliation (art. 29) : "
                      "refus de $amount_disputed reçu le $refusal_date.\n\n$facts",
                      user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        letter = disputes.dispute_letter(uow, date(2026, 2, 20), refusal_id, Step.CONCILIATION_REQUESTED)
    assert letter.subject == "Conciliation — relevé R-2025-0001"
    assert letter.paragraphs[1] == "Je demande la conciliation (art. 29) : refus de 165,00\u00a0$ reçu le 10 février 2026."


def test_a_letter_missing_a_value_names_it(engine, refusal_id):
    with UnitOfWork(engine) as uow:
        ProfileRepository(uow.session).put(LawyerProfile("Me Anne Tremblay"))
        uow.commit()
    with UnitOfWork(engine) as uow, pytest.raises(LetterError, match="barreau_section"):
        disputes.dispute_letter(uow, date(2026, 2, 20), refusal_id, Step.CONCILIATION_REQUESTED)


def test_the_refusals_are_listed_with_their_next_deadline(engine, refusal_id):
    record(engine, refusal_id, Step.CONCILIATION_REQUESTED, date(2026, 3, 2))
    with UnitOfWork(engine) as uow:
        [listing] = disputes.list_refusals(uow, date(2026, 3, 3))
    assert (listing.statement_number, listing.refusal.amount_refused) == ("R-2025-0001", Decimal("165.00"))
    assert listing.last_step.step is Step.CONCILIATION_REQUESTED
    # the six months are interrupted while conciliation goes on (art. 33): next comes art. 30
    assert (listing.next_step.step, listing.next_step.deadline.due) == (Step.CONCILIATORS_NAMED, date(2026, 3, 17))
