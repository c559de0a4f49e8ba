"""The Différends screen as a lawyer uses it on a real SQLite file: the empty state, each step of a
refused statement's path with its last day and the days left (red once overdue), recording a
step from the keyboard, a wrong day refused beside the field, the letters, and English."""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document
from PySide6.QtCore import Qt

from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.services import statements
from lawyer_billing.services.disputes import Step
from lawyer_billing.storage.settings_store import ProfileRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.models.statements import OVERDUE_COLOUR
from lawyer_billing.ui.screens.disputes import Screen
from lawyer_billing.ui.widgets import statement_dialogs
from tests.gui.showing import show_screen
from tests.helpers import Cabinet

NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture
def refusal_id(engine):
    """R-2026-0001 (T127, 330 $) sent 2026-05-11, refused for 330 $ by a notice received 2026-05-19."""
    cabinet = Cabinet(engine)
    mandate = cabinet.mandate("500-01-056789-261", "Olivier Gagnon", ended=date(2026, 4, 30))
    cabinet.service(mandate, "T127", date(2026, 4, 30))
    statement_id = cabinet.finalized([mandate], date(2026, 5, 8))
    cabinet.sent(statement_id, date(2026, 5, 11))
    with UnitOfWork(engine) as uow:
        version = statements.open_statement(uow, NOW.date(), statement_id).version
        return statements.record_refusal(
            uow, date(2026, 5, 19), statement_id, version, received_on=date(2026, 5, 19),
            reasons="Disposition finale non établie", amount_refused=Decimal("330.00"), reference="CCJM-0042",
            user="atremblay", now=NOW)


def screen_on(qtbot, engine, language="fr") -> Screen:
    context = AppContext(engine=engine, database="cabinet.sqlite3", clock=lambda: NOW, user="atremblay",
                         language=language)
    return show_screen(qtbot, Screen(context), 1100, 800)


def row_of(model, label):
    return next(row for row in range(model.rowCount()) if model.index(row, 0).data() == label)


def test_a_new_user_is_told_where_refusals_come_from(qtbot, engine, dialogs):
    screen = screen_on(qtbot, engine)
    assert screen.empty.isVisible() and not screen.table.isVisible()
    assert "Relevés</b> (Ctrl+4)" in screen.empty.text() and screen.placeholder.isVisible()


def test_each_step_shows_its_last_day_and_an_overdue_one_is_red(qtbot, engine, refusal_id, dialogs):
    screen = screen_on(qtbot, engine)
    assert screen.model.index(0, 0).data() == "R-2026-0001" and screen.model.index(0, 5).data() == "Avis de refus reçu"
    qtbot.mouseClick(screen.table.viewport(), Qt.MouseButton.LeftButton,
                     pos=screen.table.visualRect(screen.model.index(0, 0)).center())
    steps = screen.path_view.model
    notice = row_of(steps, "Avis de différend")
    # art. 32: six months from 2026-05-19: 2026-11-19, three days before today
    assert steps.index(notice, 3).data() == "19 novembre 2026" and steps.index(notice, 4).data() == "en retard de 3 j"
    assert steps.index(notice, 4).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    assert screen.model.index(0, 6).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    assert "Disposition finale non établie" in screen.path_view.summary.text()
    assert screen.path_view.current_step().step is Step.NOTICE_SENT


def test_a_step_is_recorded_from_the_keyboard_and_a_wrong_day_is_refused_beside_it(qtbot, engine, refusal_id, dialogs):
    screen = screen_on(qtbot, engine)
    assert screen.open_record("refusal", refusal_id)
    view = screen.path_view
    view.select_step(Step.ANSWER_RECEIVED)
    qtbot.keyClicks(view.day, "2026-06-20")
    assert screen.has_unsaved_changes()
    qtbot.keyClick(view.day, Qt.Key.Key_Return)
    assert view.messages.message("day") == "Inscrivez d'abord la date de l'étape « Avis de différend »."
    view.select_step(Step.NOTICE_SENT)
    qtbot.keyClicks(view.day, "17 novembre 2026")
    qtbot.keyClick(view.day, Qt.Key.Key_Return)
    steps = view.model
    notice = row_of(steps, "Avis de différend")
    assert steps.index(notice, 2).data() == "17 novembre 2026" and steps.index(notice, 4).data() == ""
    assert screen.model.index(0, 5).data() == "Avis de différend"
    # art. 35: no answer yet, six months from the notice: 2027-05-17
    assert screen.model.index(0, 6).data() == "Soumission à l'arbitrage — 2027-05-17 (dans 176 j)"
    assert view.current_step().step is Step.NOTICE_SENT and not screen.has_unsaved_changes()
    dispute_id = screen.model.record(0).dispute_id
    screen.stack.setCurrentWidget(screen.placeholder)
    assert screen.open_record("dispute", dispute_id) and screen.path_view.isVisible()


def test_the_dispute_letter_is_produced_for_editing(qtbot, engine, refusal_id, dialogs, monkeypatch, tmp_path):
    screen = screen_on(qtbot, engine)
    screen.open_record("refusal", refusal_id)
    view = screen.path_view
    view.select_step(Step.NOTICE_SENT)
    view.facts.setPlainText("La cause a été réglée par un plaidoyer de culpabilité le 30 avril 2026.")
    monkeypatch.setattr(statement_dialogs, "choose_save_file", lambda *args: str(tmp_path / "avis"))
    qtbot.mouseClick(view.docx_button, Qt.MouseButton.LeftButton)
    document = Document(BytesIO((tmp_path / "avis.docx").read_bytes()))
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Avis de différend" in body and "plaidoyer de culpabilité le 30 avril 2026" in body
    assert "CCJM-0042" not in body  # the lawyer's own summary of the facts replaced the drafted one
    with UnitOfWork(engine) as uow:  # without the office's district, the Barreau section is unknown
        ProfileRepository(uow.session).put(LawyerProfile("Me Anne Tremblay"))
        uow.commit()
    view.select_step(Step.CONCILIATION_REQUESTED)
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert "$barreau_section" in dialogs.take_warnings()[0] and not (tmp_path / "avis.pdf").exists()


def test_english(qtbot, engine, refusal_id, dialogs):
    install_language("en")
    try:
        screen = screen_on(qtbot, engine, language="en")
        screen.open_record("refusal", refusal_id)
        steps = screen.path_view.model
        assert screen.heading.text() == "Disputes" and steps.headerData(3, Qt.Orientation.Horizontal) == "Last day"
        assert steps.index(row_of(steps, "Notice of dispute"), 4).data() == "3 d overdue"
        assert screen.path_view.title.text() == "Refusal of statement R-2026-0001 — $330.00"
    finally:
        install_language("fr")
    qtbot.waitUntil(lambda: screen.heading.text() == "Différends")
