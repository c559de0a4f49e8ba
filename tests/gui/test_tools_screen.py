"""The Outils screen as a defence lawyer uses it: a mandate chosen fills the tools, a sentence
computed with each date explained, the penal deadlines of an event (CPP art. 17 and 18), and
the e-mail to the DPCP's negotiation service composed and copied."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton

from lawyer_billing.domain.mandate import Mandate, MatterType
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.services.mandates import save_mandate
from lawyer_billing.services.profile import AddedHoliday, add_holiday, save_profile
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.screens import tools
from lawyer_billing.ui.widgets import tool_dpcp_email
from tests.gui.showing import show_screen

NOW = datetime(2026, 11, 22, 9, 30)  # a Sunday


@pytest.fixture
def context(engine):
    context = AppContext(engine=engine, database="test", clock=lambda: NOW, user="atremblay")
    with context.unit_of_work() as uow:
        save_profile(uow, LawyerProfile(name="Me Anne Tremblay", office_district="Montréal"), user="atremblay",
                     now=NOW)
    for number, client, district in (("2026-0412-CR", "Éloïse Gagnon", "Montréal"),
                                     ("2026-0413-CR", "Marc Bélanger", "Laval")):
        with context.unit_of_work() as uow:
            save_mandate(uow, Mandate(number=number, client_name=client, issued_on=date(2026, 10, 2),
                                      matter_type=MatterType.CRIMINAL_PENAL, court="Cour du Québec",
                                      district=district, client_file_number=f"500-01-{number[-7:-3]}99-261"),
                         user="atremblay", now=NOW)
    return context


@pytest.fixture
def screen(qtbot, context):
    return show_screen(qtbot, tools.Screen(context), 1100, 760)


def choose_mandate(qtbot, screen, typed):
    field = screen.findChild(QLineEdit, "mandate")
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def message(widget, name) -> str:
    label = widget.findChild(QLabel, f"error_{name}")
    return label.text() if label.isVisible() else ""


def test_a_mandate_fills_the_tools_and_can_be_left_out(qtbot, screen):
    summary = screen.findChild(QLabel, "mandate_summary")
    assert "fonctionne aussi sans mandat" in summary.text()
    choose_mandate(qtbot, screen, "gagnon")
    assert summary.text() == "Mandat 2026-0412-CR · Éloïse Gagnon · dossier 500-01-041299-261 · Cour du Québec · Montréal"
    assert screen.sentence.ident.text() == "500-01-041299-261"
    assert screen.dpcp_email.accused_name.text() == "Éloïse Gagnon"
    assert screen.dpcp_email.lawyer_name.text() == "Me Anne Tremblay"
    assert "Éloïse Gagnon" in screen.penal_deadlines.result.toPlainText()
    screen.findChild(QLineEdit, "mandate").clear()
    assert "Éloïse Gagnon" not in screen.penal_deadlines.result.toPlainText()


def test_a_sentence_is_computed_with_each_date_explained(qtbot, screen):
    tool = screen.show_tool("sentence")
    assert "Ajoutez chaque peine" in tool.result.toPlainText()
    qtbot.keyClicks(tool.ident, "500-01-041299-261, chef 1")
    qtbot.keyClicks(tool.starts_on, "2/3/2026")
    qtbot.keyClicks(tool.length, "9 mois")
    qtbot.keyClick(tool.ident, Qt.Key.Key_Return)
    assert tool.table.rowCount() == 1 and tool.table.item(0, 3).text() == "9 mois"
    assert tool.ident.text() == "" and tool.ident.hasFocus()
    text = tool.result.toPlainText()
    # 9 months from 2 March 2026 are 275 days: 1/6 = day 46, 1/3 = day 92, 275 - 91 = day 184
    assert "Peine globale : 275 jours" in text
    for date_text, day in (("16 avril 2026", 46), ("1er juin 2026", 92), ("1er septembre 2026", 184),
                           ("1er décembre 2026", 275)):
        assert f"{date_text} · jour {day}" in text
    assert "art. 143 LSCQ" in text and "art. 38 LSCQ" in text and "Établissement de détention provincial" in text
    tool.lost.selectAll()
    qtbot.keyClicks(tool.lost, "10")
    assert "perte de 10 jours de réduction" in tool.result.toPlainText()
    qtbot.keyClicks(tool.left_on, "2026-05-04")
    qtbot.keyClicks(tool.returned_on, "2026-05-14")
    qtbot.keyClick(tool.returned_on, Qt.Key.Key_Return)
    assert tool.interruption_table.rowCount() == 1 and tool.table.rowCount() == 1
    assert "évasion du 4 mai 2026 au 14 mai 2026 : 10 jours non comptés" in tool.result.toPlainText()


def test_what_the_calculator_refuses_is_said_beside_the_form(qtbot, screen):
    tool = screen.show_tool("sentence")
    qtbot.keyClicks(tool.ident, "chef 2")
    qtbot.keyClicks(tool.starts_on, "2026-03-02")
    qtbot.keyClicks(tool.length, "trois mois")
    qtbot.keyClick(tool.ident, Qt.Key.Key_Return)
    assert "tapez une durée comme 9 mois" in message(tool, "length")
    tool.length.clear()
    qtbot.keyClicks(tool.length, "0 jour")
    qtbot.keyClick(tool.length, Qt.Key.Key_Return)
    assert "durée nulle" in message(tool, "sentence")
    assert tool.table.rowCount() == 0


def test_penal_deadlines_run_from_the_event_and_skip_the_holidays(qtbot, screen, context):
    tool = screen.show_tool("penal_deadlines")
    day = tool.findChild(QLineEdit, "event_date")
    day.clear()
    qtbot.keyClicks(day, "2026-11-20")
    events = tool.event_choice
    events.lineEdit().selectAll()
    qtbot.keyClicks(events.lineEdit(), "Le jugement")
    qtbot.keyClick(events.lineEdit(), Qt.Key.Key_Return)
    text = tool.result.toPlainText()
    # 30 days after Friday 20 November 2026 is Sunday 20 December: moved to the next juridical day
    assert tool.count.text() == "2 délai(s) pour un événement du 20 novembre 2026"
    assert "art. 237 C.p.p." in text and "art. 222 C.p.p." in text
    assert text.count("Dernier jour : lundi 21 décembre 2026") == 2
    assert "« Le jugement par lequel une amende est imposée" in text
    with context.unit_of_work() as uow:
        add_holiday(uow, AddedHoliday(date(2026, 12, 21), "Fermeture du palais de justice"), user="atremblay",
                    now=NOW)
    context.events.changed.emit("settings")
    screen.mark_stale()
    screen.refresh()
    assert tool.result.toPlainText().count("Dernier jour : mardi 22 décembre 2026") == 2


def test_a_date_that_cannot_be_read_is_said_beside_the_field(qtbot, screen):
    tool = screen.show_tool("penal_deadlines")
    field = tool.findChild(QLineEdit, "event_date")
    field.clear()
    qtbot.keyClicks(field, "le 40")
    assert "n'est pas une date" in message(tool, "event_date")
    assert tool.result.toPlainText() == ""


def test_the_dpcp_email_is_composed_copied_and_opened(qtbot, screen, monkeypatch):
    choose_mandate(qtbot, screen, "gagnon")
    tool = screen.show_tool("dpcp_email")
    tool.returns_on.clear()
    qtbot.keyClicks(tool.returns_on, "2026-11-23")
    tool.sitting.setFocus()
    qtbot.keyClick(tool.sitting, Qt.Key.Key_Down)
    tool.room.setFocus()
    qtbot.keyClick(tool.room, Qt.Key.Key_Down)
    qtbot.keyClicks(tool.conditions, "Ne pas communiquer avec la plaignante")
    assert tool.subject.text() == (
        "23 novembre 2026, comparution en après-midi ; Éloïse Gagnon ; salle 4.02 ; Plan de sortie")
    assert "  - Ne pas communiquer avec la plaignante" in tool.body.toPlainText()
    assert tool.body.toPlainText().endswith("Me Anne Tremblay")
    assert tool.warnings.text() == ""
    qtbot.mouseClick(tool.findChild(QPushButton, "copy_subject"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == tool.subject.text()
    qtbot.mouseClick(tool.findChild(QPushButton, "copy_body"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == tool.body.toPlainText()
    opened = []
    monkeypatch.setattr(tool_dpcp_email, "open_in_mail_program", opened.append)
    qtbot.mouseClick(tool.findChild(QPushButton, "open_mail"), Qt.MouseButton.LeftButton)
    assert opened[0].startswith("mailto:gestion.enquete-caution@dpcp.gouv.qc.ca?subject=23%20novembre")


def test_the_dpcp_email_says_when_it_will_be_read_and_what_is_missing(qtbot, screen):
    tool = screen.show_tool("dpcp_email")
    assert "Nom de l'accusé" in tool.problem.text() and not tool.findChild(QPushButton, "copy_body").isEnabled()
    qtbot.keyClicks(tool.accused_name, "Marc Belanger")
    tool.stage.setFocus()
    qtbot.keyClick(tool.stage, Qt.Key.Key_Down)  # pro forma bail hearing, today: a Sunday
    assert not tool.sitting.isEnabled()
    assert "lu au plus tôt le lundi 23 novembre 2026 à 8 h 30" in tool.warnings.text()
    tool.purpose.setFocus()
    qtbot.keyClick(tool.purpose, Qt.Key.Key_Down)
    assert tool.subject.text().endswith("Offre de règlement") and not tool.plan_box.isVisible()


def test_a_mandate_outside_montreal_is_flagged(qtbot, screen):
    choose_mandate(qtbot, screen, "belanger")
    assert screen.dpcp_email.district_warning.text().startswith("Ce mandat est du district de Laval")
    assert not screen.dpcp_email.district_warning.isHidden()


def test_the_tools_follow_the_language_without_losing_what_was_typed(qtbot, screen):
    from lawyer_billing.ui.i18n import install_language

    tool = screen.show_tool("sentence")
    qtbot.keyClicks(tool.ident, "chef 3")
    screen.context.language = "en"
    install_language("en")
    try:
        qtbot.waitUntil(lambda: screen.tabs.tabText(0) == "Sentence calculator")
        assert tool.ident.text() == "chef 3"
        assert tool.labels["starts_on"].text() == "Sentence &begins"
        assert screen.penal_deadlines.count.text().startswith("1 deadline(s)")
    finally:
        screen.context.language = "fr"
        install_language("fr")
    QApplication.processEvents()
