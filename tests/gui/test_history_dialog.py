"""« Historique… » opened from the record: a mandate's (from Mandats, with its services), a
statement's (from Relevés, with its follow-up) and a refusal's (from Différends, with its
dispute); each event shows who, where and what, and the fields it changed before and after."""

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from lawyer_billing.services import disputes, statements
from lawyer_billing.services.disputes import Step
from lawyer_billing.services.work_log import save_service
from lawyer_billing.storage import audit_trail
from lawyer_billing.storage.repositories import ServiceRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.screens import disputes as disputes_screen
from lawyer_billing.ui.screens import mandates
from lawyer_billing.ui.screens import statements as statements_screen
from tests.gui.showing import show_screen
from tests.helpers import NOW, Cabinet

LATER = datetime(2026, 11, 23, 14, 5)


@pytest.fixture(autouse=True)
def workstation(monkeypatch):
    monkeypatch.setattr(audit_trail.socket, "gethostname", lambda: "poste-2")


@pytest.fixture
def cabinet(engine):
    """Zoé's mandate, ended, with T127 (330,00 $) on 15 October 2026, corrected the next day to
    two units by the assistant."""
    cabinet = Cabinet(engine)
    cabinet.zoe = cabinet.mandate("500-01-012345-261", "Zoé L'Heureux")
    cabinet.t127 = cabinet.service(cabinet.zoe, "T127", date(2026, 10, 15))
    with UnitOfWork(engine) as uow:
        service = ServiceRepository(uow.session).get(cabinet.t127)
    with UnitOfWork(engine) as uow:
        save_service(uow, replace(service, units=2), user="adjointe", now=LATER)
    return cabinet


def context_of(engine, language="fr") -> AppContext:
    return AppContext(engine=engine, database="cabinet.sqlite3", clock=lambda: LATER, user="atremblay",
                      language=language)


def rows(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_history_of_a_mandate_opens_from_mandats_with_its_services_changes(qtbot, engine, cabinet, dialogs):
    screen = show_screen(qtbot, mandates.Screen(context_of(engine)), 1200, 800)
    assert screen.current_id() == cabinet.zoe and screen.history_button.isEnabled()
    qtbot.mouseClick(screen.history_button, Qt.MouseButton.LeftButton)
    dialog = screen.history
    assert dialog.isVisible() and dialog.windowTitle() == "Historique — Mandat 500-01-012345-261"
    assert rows(dialog.event_model) == [
        ["2026-11-23 14:05", "adjointe", "poste-2", "Modification",
         "Le service T127 du 2026-10-15 (mandat 500-01-012345-261)"],
        ["2026-11-22 09:30", "atremblay", "poste-2", "Création",
         "Le service T127 du 2026-10-15 (mandat 500-01-012345-261)"],
        ["2026-11-22 09:30", "atremblay", "poste-2", "Création", "Mandat 500-01-012345-261"],
    ]
    assert rows(dialog.change_model) == [["Unités", "1", "2"]]  # the newest event is chosen first
    dialog.events.selectRow(2)
    shown = dict((field, after) for field, _, after in rows(dialog.change_model))
    assert shown["Matière"] == "Criminel et pénal" and shown["Date du jugement"] == "2026-10-15"
    assert shown["Bureau d'aide juridique"] == "Centre communautaire juridique de Montréal"


def test_the_history_of_a_statement_opens_from_releves_and_shows_its_follow_up(qtbot, engine, cabinet, dialogs):
    statement_id = cabinet.finalized([cabinet.zoe])
    cabinet.sent(statement_id, date(2026, 11, 22))
    with UnitOfWork(engine) as uow:
        version = statements.open_statement(uow, NOW.date(), statement_id).version
        statements.mark_received(uow, date(2026, 11, 23), statement_id, version, date(2026, 11, 23),
                                 user="atremblay", now=LATER)
    with UnitOfWork(engine) as uow:
        version = statements.open_statement(uow, NOW.date(), statement_id).version
        statements.record_payment(uow, date(2026, 11, 23), statement_id, version, date(2026, 11, 23),
                                  Decimal("200.1"), user="atremblay", now=LATER)
    screen = show_screen(qtbot, statements_screen.Screen(context_of(engine)), 1100, 800)
    assert screen.open_record("statement", statement_id)
    qtbot.mouseClick(screen.detail.history_button, Qt.MouseButton.LeftButton)
    dialog = screen.detail.history
    assert dialog.windowTitle() == "Historique — Relevé R-2026-0001"
    assert [row[3] for row in rows(dialog.event_model)] == [
        "Paiement inscrit", "Paiement inscrit", "Réception", "Envoi", "Finalisation"]
    assert rows(dialog.event_model)[1][4] == "Paiement du 2026-11-23 (relevé R-2026-0001)"
    dialog.events.selectRow(1)
    assert rows(dialog.change_model) == [["Relevé", "", "R-2026-0001"], ["Date du paiement", "", "2026-11-23"],
                                         ["Montant", "", "200.10"]]
    dialog.events.selectRow(0)  # the statement's own change: its status, by its name
    assert rows(dialog.change_model) == [["État", "reçu", "payé partiellement"]]
    dialog.events.selectRow(3)
    assert rows(dialog.change_model) == [["État", "finalisé", "envoyé"], ["Envoyé le", "", "2026-11-22"]]


def test_the_history_of_a_dispute_opens_from_differends(qtbot, engine, cabinet, dialogs):
    statement_id = cabinet.finalized([cabinet.zoe])
    cabinet.sent(statement_id, date(2026, 11, 22))
    with UnitOfWork(engine) as uow:
        version = statements.open_statement(uow, NOW.date(), statement_id).version
        refusal_id = statements.record_refusal(
            uow, date(2026, 11, 22), statement_id, version, received_on=date(2026, 11, 22),
            reasons="Issue non établie", amount_refused=Decimal("165.00"), reference="", user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        disputes.record_step(uow, LATER.date(), refusal_id, Step.CONCILIATION_REQUESTED, LATER.date(), version=None,
                             user="atremblay", now=LATER)
    screen = show_screen(qtbot, disputes_screen.Screen(context_of(engine)), 1100, 800)
    assert not screen.history_button.isEnabled()
    assert screen.open_record("refusal", refusal_id) and screen.history_button.isEnabled()
    qtbot.mouseClick(screen.history_button, Qt.MouseButton.LeftButton)
    dialog = screen.history
    assert dialog.windowTitle() == "Historique — Différend du relevé R-2026-0001"
    assert [row[3] for row in rows(dialog.event_model)] == ["Étape du différend", "Refus inscrit"]
    assert ["Demande de conciliation (facultative)", "", "2026-11-23"] in rows(dialog.change_model)


def test_the_history_opens_with_ctrl_h_and_speaks_english(qtbot, engine, cabinet, dialogs):
    install_language("en")
    try:
        screen = show_screen(qtbot, mandates.Screen(context_of(engine, "en")), 1200, 800)
        assert screen.history_button.text() == "History…"
        qtbot.keyClick(screen.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
        dialog = screen.history
        assert dialog.windowTitle() == "History — Mandate 500-01-012345-261"
        assert rows(dialog.event_model)[0][3] == "Changed"
        assert rows(dialog.change_model) == [["Units", "1", "2"]]
        dialog.events.selectRow(2)
        assert ["Matter type", "", "Criminal and penal"] in rows(dialog.change_model)
    finally:
        install_language("fr")
