"""A lawyer's statement from preparation to dispute, driven as a user would on a real SQLite file:
prepare and finalize on Relevés, record its sending and the office's refusal, then follow the
dispute on Différends, see its deadlines and produce the conciliation letter."""

from datetime import date, datetime
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from lawyer_billing.domain.mandate import EndReason, LegalAidOffice, Mandate, MatterType
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.service import Disposition, Service
from lawyer_billing.services.disputes import Step
from lawyer_billing.services.mandates import add_office, save_mandate
from lawyer_billing.services.work_log import save_service
from lawyer_billing.storage.settings_store import ProfileRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.screens import disputes, statements
from lawyer_billing.ui.widgets import statement_dialogs
from tests.gui.keyboard import retype
from tests.gui.showing import show_screen


@pytest.fixture
def mandate_id(engine):
    """A mandate ended by judgment, its guilty plea (T127, 330 $) and sentencing another day
    (T117, 165 $), entered through the services as the Mandats screen does."""
    now = datetime(2026, 1, 5, 9, 0)
    with UnitOfWork(engine) as uow:
        office = add_office(uow, LegalAidOffice("Centre communautaire juridique de Montréal", "425, boul. De Maisonneuve O."))
    with UnitOfWork(engine) as uow:
        mandate = save_mandate(uow, Mandate(
            "500-01-012345-251", "Zoé L'Heureux", date(2025, 1, 15), MatterType.CRIMINAL_PENAL, office_id=office.id,
            court="Cour du Québec", ended_on=date(2025, 11, 3), end_reason=EndReason.JUDGMENT,
            judgment_on=date(2025, 11, 3)), user="atremblay", now=now)
    for service in (Service(mandate.id, "t127", date(2025, 9, 8), disposition=Disposition.GUILTY_PLEA),
                    Service(mandate.id, "T117", date(2025, 11, 3))):
        with UnitOfWork(engine) as uow:
            save_service(uow, service, user="atremblay", now=now)
    with UnitOfWork(engine) as uow:
        ProfileRepository(uow.session).put(LawyerProfile("Me Anne Tremblay", "10, rue Saint-Jacques", "123456-7",
                                                         "P12345", "Montréal"))
        uow.commit()
    return mandate.id


def test_prepare_finalize_refuse_then_follow_the_dispute(qtbot, engine, mandate_id, dialogs, monkeypatch, tmp_path):
    clock = [datetime(2026, 1, 5, 9, 0)]
    context = AppContext(engine=engine, database="cabinet.sqlite3", clock=lambda: clock[0], user="atremblay")
    screen = show_screen(qtbot, statements.Screen(context), 1100, 800)
    assert screen.empty.isVisible() and "Aucun relevé" in screen.empty.text()

    # Préparer un relevé: tick the mandate with Space, preview with Enter
    qtbot.mouseClick(screen.prepare_button, Qt.MouseButton.LeftButton)
    preparation = screen.preparation
    assert preparation.isVisible() and preparation.mandate_model.rowCount() == 1
    preparation.mandates.setFocus()
    preparation.mandates.setCurrentIndex(preparation.mandate_model.index(0, 0))
    qtbot.keyClick(preparation.mandates, Qt.Key.Key_Space)
    assert preparation.mandate_model.chosen_ids() == [mandate_id]
    qtbot.keyClick(preparation.mandates, Qt.Key.Key_Return)
    lines = preparation.lines.model
    assert [lines.index(row, 1).data() for row in range(lines.rowCount())] == ["T127", "T117"]
    assert [lines.index(row, 6).data() for row in range(lines.rowCount())] == ["330,00\xa0$", "165,00\xa0$"]
    assert preparation.lines.total_labels["total"][1].text() == "495,00\xa0$"  # not registered: no tax
    assert preparation.has_unsaved_changes() and screen.has_unsaved_changes()

    qtbot.mouseClick(preparation.finalize_button, Qt.MouseButton.LeftButton)
    assert "495,00\xa0$" in dialogs.questions[0]
    detail = screen.detail
    assert detail.isVisible() and detail.title.text() == "Relevé R-2026-0001 — Compte final — finalisé"
    assert screen.model.index(0, 4).data() == "finalisé" and not screen.has_unsaved_changes()

    # Suivi: sent on 6 January, then the office's refusal received on 2 February
    detail.tabs.setCurrentIndex(1)
    follow = detail.follow_up
    retype(qtbot, follow.send.fields["sent_on"], "6 janvier 2026")
    qtbot.keyClick(follow.send.fields["sent_on"], Qt.Key.Key_Return)
    assert follow.send.messages.message("sent_on") == "La date ne peut pas être après aujourd'hui (2026-01-05)."
    clock[0] = datetime(2026, 1, 6, 9, 0)  # the next morning
    qtbot.keyClick(follow.send.fields["sent_on"], Qt.Key.Key_Return)
    assert detail.title.text().endswith("envoyé") and screen.model.index(0, 4).data() == "envoyé"
    clock[0] = datetime(2026, 2, 3, 9, 0)
    screen.refresh()
    assert follow.refusal.isVisible()
    retype(qtbot, follow.refusal.fields["received_on"], "2026-02-02")
    follow.refusal.fields["reasons"].insertPlainText("T117 : prononcé le jour du plaidoyer")  # pasted from the notice
    retype(qtbot, follow.refusal.fields["amount_refused"], "165")
    qtbot.keyClicks(follow.refusal.fields["reference"], "CCJM-2026-0042")
    qtbot.mouseClick(follow.refusal.button, Qt.MouseButton.LeftButton)
    assert detail.title.text().endswith("refusé") and follow.dispute_button.isVisibleTo(detail)
    assert screen.model.index(0, 4).data() == "refusé"
    assert "Refus de 165,00\xa0$ reçu le 2 février 2026" in follow.history.text()

    # Différends: the refusal, its path and the deadlines of art. 29-35
    opened = []
    context.events.open_record.connect(lambda kind, record_id: opened.append((kind, record_id)))
    qtbot.mouseClick(follow.dispute_button, Qt.MouseButton.LeftButton)
    assert opened and opened[0][0] == "refusal"
    path_screen = show_screen(qtbot, disputes.Screen(context), 1100, 800)
    assert path_screen.open_record(*opened[0])
    assert path_screen.model.index(0, 0).data() == "R-2026-0001"
    # art. 32: six months from 2026-02-02: 2026-08-02, a Sunday, so Monday 2026-08-03, 181 days after 2026-02-03
    assert path_screen.model.index(0, 6).data() == "Avis de différend — 2026-08-03 (dans 181 j)"
    view = path_screen.path_view
    steps = view.model
    rows = {steps.index(row, 0).data(): row for row in range(steps.rowCount())}
    assert steps.index(rows["Avis de différend"], 3).data() == "3 août 2026"
    assert steps.index(rows["Avis de différend"], 4).data() == "dans 181 j"
    assert steps.index(rows["Avis de différend"], 1).data() == "entente art. 32"
    assert view.current_step().step is Step.NOTICE_SENT  # the next step is chosen

    # the conciliation letter (art. 29), filled with the refusal's facts
    view.select_step(Step.CONCILIATION_REQUESTED)
    assert view.pdf_button.isEnabled() and "Demande de conciliation" in view.step_box.title()
    target = tmp_path / "lettres" / "conciliation.pdf"
    target.parent.mkdir()
    suggested = []
    monkeypatch.setattr(statement_dialogs, "choose_save_file",
                        lambda parent, title, name, filters: suggested.append(name) or str(target))
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert suggested[0].endswith("demande-de-conciliation-R-2026-0001.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(target.read_bytes())).pages)
    assert "Demande de conciliation" in text and "R-2026-0001" in text and "CCJM-2026-0042" in text
    assert view.letter_message.text() == "Lettre écrite : conciliation.pdf"

    # the request sent the same day: recorded by typing its date and Enter; the six months are interrupted
    retype(qtbot, view.day, "2026-02-03")
    qtbot.keyClick(view.day, Qt.Key.Key_Return)
    rows = {steps.index(row, 0).data(): row for row in range(steps.rowCount())}
    assert steps.index(rows["Demande de conciliation (facultative)"], 2).data() == "3 février 2026"
    assert steps.index(rows["Avis de différend"], 4).data() == "interrompu (art. 33)"
    # art. 30: conciliators named within 15 days of 2026-02-03: 2026-02-18
    assert steps.index(rows["Désignation des conciliateurs"], 3).data() == "18 février 2026"
