"""The Relevés screen as a lawyer uses it on a real SQLite file: the list and its empty state, a
preview with every rule and finding, fixing a line, drafts, finalizing (or not), the follow-up
with its messages beside the fields, the documents, a tampered statement, and English."""

import os
import stat
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import text

from lawyer_billing.domain.service import Disposition
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.models.statements import FINDING_BACKGROUND
from lawyer_billing.ui.screens.statements import Screen
from lawyer_billing.ui.widgets import statement_dialogs
from tests.gui.keyboard import retype
from tests.gui.showing import show_screen
from tests.helpers import Cabinet

NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture
def cabinet(engine):
    """Olivier Gagnon pleaded guilty on two informations the same day (T127 twice: the second is
    paid half, T98); a T130 whose amount the office fixes (art. 14) is to check."""
    cabinet = Cabinet(engine)
    cabinet.first = cabinet.mandate("500-01-056789-261", "Olivier Gagnon")
    cabinet.second = cabinet.mandate("500-01-056790-261", "Olivier Gagnon")
    for mandate_id in (cabinet.first, cabinet.second):
        cabinet.service(mandate_id, "T127", date(2026, 10, 15), court="Saint-Jérôme", disposition=Disposition.GUILTY_PLEA)
    cabinet.to_check = cabinet.service(cabinet.first, "T130", date(2026, 9, 1))
    return cabinet


def screen_on(qtbot, engine, language="fr", clock=lambda: NOW) -> Screen:
    context = AppContext(engine=engine, database="cabinet.sqlite3", clock=clock, user="atremblay", language=language)
    return show_screen(qtbot, Screen(context), 1100, 800)


def column(model, number):
    return [model.index(row, number).data() for row in range(model.rowCount())]


def previewed(qtbot, screen, *mandate_ids):
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    preparation = screen.preparation
    preparation.mandate_model.set_chosen(mandate_ids)
    qtbot.mouseClick(preparation.preview_button, Qt.MouseButton.LeftButton)
    return preparation


def test_a_new_user_is_told_what_to_do_first(qtbot, engine, dialogs):
    screen = screen_on(qtbot, engine)
    assert screen.empty.isVisible() and not screen.table.isVisible()
    assert "Mandats</b> (Ctrl+2)" in screen.empty.text() and not screen.export_button.isEnabled()
    qtbot.mouseClick(screen.prepare_button, Qt.MouseButton.LeftButton)
    assert screen.preparation.no_work.isVisible()
    assert "Inscrivez d'abord les services rendus" in screen.preparation.no_work.text()
    qtbot.mouseClick(screen.preparation.preview_button, Qt.MouseButton.LeftButton)
    assert screen.preparation.problems.text() == "Cochez au moins un mandat (Espace), puis demandez l'aperçu."


def test_the_preview_shows_every_line_its_rules_and_what_to_check(qtbot, engine, cabinet, dialogs):
    screen = screen_on(qtbot, engine)
    preparation = previewed(qtbot, screen, cabinet.first, cabinet.second)
    lines = preparation.lines
    assert column(lines.model, 1) == ["T130", "T127", "T127"]
    assert column(lines.model, 6) == ["aucun", "330,00\xa0$", "165,00\xa0$"]  # T98: half for the second information
    assert column(lines.model, 8)[2] == "T98"
    assert lines.model.index(2, 8).data(Qt.ItemDataRole.ToolTipRole).startswith("T98 : ")
    assert lines.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == FINDING_BACKGROUND
    assert lines.findings.isVisible() and "n'a pas de montant" in lines.findings.text()
    lines.table.setCurrentIndex(lines.model.index(2, 0))
    assert lines.rules.toPlainText().startswith("T127 — Ensemble des services")
    assert "T98 : " in lines.rules.toPlainText()
    assert "entente art. 14" in lines.model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert lines.total_labels["total"][1].text() == "495,00\xa0$"  # 330 + 165; the T130 waits for its amount
    opened = []
    screen.context.events.open_record.connect(lambda kind, record_id: opened.append((kind, record_id)))
    lines.table.setCurrentIndex(lines.model.index(0, 0))
    qtbot.keyClick(lines.table, Qt.Key.Key_Return)  # fix the line where it was entered
    assert opened == [("service", cabinet.to_check)]
    preparation.interim.setChecked(True)  # another kind of account: the preview is no longer valid
    assert not preparation.result.isVisible() and not preparation.finalize_button.isEnabled()


def test_finalizing_asks_first_and_nothing_is_written_when_the_lawyer_declines(qtbot, engine, cabinet, dialogs):
    screen = screen_on(qtbot, engine)
    preparation = previewed(qtbot, screen, cabinet.first, cabinet.second)
    dialogs.answer = False
    qtbot.mouseClick(preparation.finalize_button, Qt.MouseButton.LeftButton)
    assert preparation.isVisible() and screen.model.rowCount() == 0 and screen.has_unsaved_changes()
    qtbot.keyClick(preparation, Qt.Key.Key_Escape)  # Esc leaves the preparation
    assert not screen.has_unsaved_changes() and screen.placeholder.isVisible()


def test_a_draft_is_kept_prepared_again_then_finalized(qtbot, engine, cabinet, dialogs):
    screen = screen_on(qtbot, engine)
    preparation = previewed(qtbot, screen, cabinet.first)
    qtbot.mouseClick(preparation.draft_button, Qt.MouseButton.LeftButton)
    assert column(screen.model, 0) == ["B-2026-0001"] and column(screen.model, 4) == ["brouillon"]
    detail = screen.detail
    assert detail.again_button.isVisible() and not detail.pdf_button.isEnabled()
    assert "Brouillon" in detail.follow_up.history.text()
    qtbot.mouseClick(detail.again_button, Qt.MouseButton.LeftButton)
    assert preparation.title.text() == "Brouillon préparé de nouveau"
    assert preparation.mandate_model.chosen_ids() == [cabinet.first]
    qtbot.mouseClick(preparation.finalize_button, Qt.MouseButton.LeftButton)
    assert column(screen.model, 0) == ["R-2026-0001"] and column(screen.model, 4) == ["finalisé"]
    assert detail.supplement_button.isVisible() and detail.pdf_button.isEnabled()


def test_follow_up_values_are_checked_beside_their_fields(qtbot, engine, cabinet, dialogs):
    statement_id = cabinet.finalized([cabinet.first, cabinet.second], date(2026, 10, 20))
    cabinet.sent(statement_id, date(2026, 10, 21))
    screen = screen_on(qtbot, engine)
    assert screen.open_record("statement", statement_id)
    follow = screen.detail.follow_up
    screen.detail.tabs.setCurrentIndex(1)
    received = follow.receive.fields["received_on"]
    retype(qtbot, received, "2026-02-30")
    assert screen.has_unsaved_changes()
    qtbot.keyClick(received, Qt.Key.Key_Return)
    assert "2026-02-30" in follow.receive.messages.message("received_on")
    retype(qtbot, received, "2026-10-20")
    qtbot.keyClick(received, Qt.Key.Key_Return)
    assert follow.receive.messages.message("received_on") == \
        "La réception ne peut pas précéder l'envoi du relevé (2026-10-21)."
    retype(qtbot, received, "23 octobre 2026")
    qtbot.mouseClick(follow.receive.button, Qt.MouseButton.LeftButton)
    assert screen.detail.title.text().endswith("reçu")
    amount = follow.payment.fields["amount"]
    assert amount.text() == "495,00"  # the balance, ready to record a payment in full
    retype(qtbot, amount, "600")
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert follow.payment.messages.message("amount") == \
        "Les paiements (600,00\xa0$) dépasseraient le total du relevé (495,00\xa0$)."
    retype(qtbot, amount, "200")
    qtbot.keyClick(amount, Qt.Key.Key_Return)
    assert screen.detail.title.text().endswith("payé partiellement")
    assert "Solde impayé : 295,00\xa0$" in follow.history.text()
    deadlines = screen.detail.deadline_model
    # art. 15: paid within 30 days of receipt (2026-10-23): 2026-11-22 is a Sunday, so Monday 2026-11-23
    assert column(deadlines, 0) == ["Paiement par l'organisme (30 jours)"] and column(deadlines, 3) == ["dans 1 j"]


def test_the_relevé_and_its_workbook_are_exported_from_the_stored_lines(qtbot, engine, cabinet, dialogs,
                                                                         monkeypatch, tmp_path):
    statement_id = cabinet.finalized([cabinet.first, cabinet.second])
    screen = screen_on(qtbot, engine)
    screen.open_record("statement", statement_id)
    suggested = []
    monkeypatch.setattr(statement_dialogs, "choose_save_file",
                        lambda parent, title, name, filters: suggested.append(name) or str(tmp_path / "releve"))
    screen.detail.lines.table.setFocus()
    qtbot.keyClick(screen.detail.lines.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert suggested[0].endswith("releve-R-2026-0001.pdf")
    pdf = " ".join(p.extract_text() for p in PdfReader(BytesIO((tmp_path / "releve.pdf").read_bytes())).pages)
    assert "R-2026-0001" in pdf and "Olivier Gagnon" in pdf
    assert screen.detail.export_message.text() == "Écrit : releve.pdf"
    qtbot.mouseClick(screen.detail.xlsx_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "releve.xlsx").read_bytes().startswith(b"PK")
    if os.name == "posix":  # client names: the files are the owner's only
        assert {stat.S_IMODE((tmp_path / name).stat().st_mode) for name in ("releve.pdf", "releve.xlsx")} == {0o600}
    monkeypatch.setattr(statement_dialogs, "choose_save_file", lambda *args: None)  # cancelled: nothing happens
    qtbot.mouseClick(screen.detail.pdf_button, Qt.MouseButton.LeftButton)
    assert screen.detail.export_message.text() == "Écrit : releve.xlsx"


def test_a_tampered_statement_says_so_in_red(qtbot, engine, cabinet, dialogs):
    statement_id = cabinet.finalized([cabinet.first, cabinet.second])
    with engine.begin() as connection:
        connection.execute(text("UPDATE statement SET total = total + 10000"))
    screen = screen_on(qtbot, engine)
    screen.open_record("statement", statement_id)
    assert screen.detail.seal.isVisible() and "ne correspond plus à son sceau" in screen.detail.seal.text()


def test_a_supplementary_statement_bills_what_was_forgotten(qtbot, engine, cabinet, dialogs):
    statement_id = cabinet.finalized([cabinet.first, cabinet.second])
    cabinet.service(cabinet.second, "T117", date(2026, 10, 20))
    screen = screen_on(qtbot, engine)
    screen.open_record("statement", statement_id)
    qtbot.mouseClick(screen.detail.supplement_button, Qt.MouseButton.LeftButton)
    preparation = screen.preparation
    assert preparation.title.text() == "Relevé supplémentaire au relevé R-2026-0001"
    # the T130 still waits for its amount; the T117 was forgotten
    assert not preparation.choice.isVisible() and column(preparation.lines.model, 1) == ["T130", "T117"]
    qtbot.mouseClick(preparation.finalize_button, Qt.MouseButton.LeftButton)
    assert screen.detail.title.text() == "Relevé R-2026-0002 — Compte supplémentaire — finalisé"
    assert "complète le relevé R-2026-0001" in screen.detail.subtitle.text()


def test_english_chosen_while_the_screen_is_open(qtbot, engine, cabinet, dialogs):
    statement_id = cabinet.finalized([cabinet.first, cabinet.second])
    screen = screen_on(qtbot, engine)
    screen.open_record("statement", statement_id)
    screen.context.language = "en"  # as Paramètres does, then the catalog
    install_language("en")
    try:
        qtbot.waitUntil(lambda: screen.heading.text() == "Statements")
        assert screen.prepare_button.text() == "Prepare a statement…"
        assert screen.model.headerData(0, Qt.Orientation.Horizontal) == "Number"
        assert column(screen.model, 4) == ["finalized"] and column(screen.model, 3) == ["$495.00"]
        assert screen.detail.title.text() == "Statement R-2026-0001 — Final account — finalized"
    finally:
        install_language("fr")
    qtbot.waitUntil(lambda: screen.heading.text() == "Relevés")


def test_another_screen_saving_reloads_the_list_when_shown_again(qtbot, engine, cabinet, dialogs):
    screen = screen_on(qtbot, engine)
    assert screen.model.rowCount() == 0
    cabinet.finalized([cabinet.first, cabinet.second])
    screen.refresh()
    assert screen.model.rowCount() == 0  # nothing said it changed
    screen.mark_stale()
    screen.refresh()
    assert column(screen.model, 0) == ["R-2026-0001"] and screen.table.isVisible()
    assert column(screen.model, 5) == [""]  # not received: no interest (art. 17)
    assert Decimal("495.00") == screen.model.record(0).total
