"""Paramètres, Service de négociation du DPCP: the address and the two rooms of the notice of
24 November 2020 kept as settings, checked beside their fields, restored from the notice, and
used by the Outils' e-mail when it is shown again."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from lawyer_billing.domain.tools.dpcp_email import DEFAULT
from lawyer_billing.services.settings import load_dpcp_settings, save_dpcp_settings
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.screens import settings, tools
from lawyer_billing.ui.widgets import settings_section, tool_dpcp_email
from tests.gui.showing import show_screen

NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture
def context(engine):
    return AppContext(engine=engine, database="test", clock=lambda: NOW, user="atremblay")


@pytest.fixture
def screen(qtbot, context):
    return show_screen(qtbot, settings.Screen(context), 1000, 720)


@pytest.fixture
def section(screen):
    assert screen.tabs.tabText(len(screen.sections) - 1) == "Négociation DPCP"
    return screen.show_section("dpcp")


def stored(context):
    with context.unit_of_work() as uow:
        return load_dpcp_settings(uow)


def message(widget, name) -> str:
    label = widget.findChild(QLabel, f"error_{name}")
    return label.text() if label.isVisible() else ""


def test_the_notice_values_are_shown_until_changed(section):
    assert (section.address.text(), section.rooms["first_room"].text(), section.rooms["second_room"].text()) == (
        "gestion.enquete-caution@dpcp.gouv.qc.ca", "3.07", "4.02")


def test_wrong_values_are_said_beside_their_fields_and_nothing_is_saved(qtbot, section, context):
    section.address.setText("negociation dpcp.gouv.qc.ca")
    section.rooms["first_room"].setText("  ")
    qtbot.keyClick(section.address, Qt.Key.Key_Return)
    assert message(section, "address") == ("Adresse courriel : « negociation dpcp.gouv.qc.ca » n'est pas une adresse "
                                           "courriel (par exemple gestion.enquete-caution@dpcp.gouv.qc.ca).")
    assert message(section, "first_room") == "Première salle : indiquez le numéro de la salle (par exemple 3.07)."
    section.address.setText("negociation@dpcp.gouv.qc.ca")
    section.rooms["first_room"].setText("4.02")
    qtbot.mouseClick(section.findChild(QPushButton, "save_dpcp"), Qt.MouseButton.LeftButton)
    assert message(section, "second_room") == "Seconde salle : elle doit différer de la première."
    assert stored(context) == DEFAULT and section.has_unsaved_changes()


def test_saved_then_restored_from_the_notice(qtbot, section, context, monkeypatch):
    section.address.setText(" negociation@dpcp.gouv.qc.ca ")
    section.rooms["second_room"].setText("5.01")
    qtbot.mouseClick(section.findChild(QPushButton, "save_dpcp"), Qt.MouseButton.LeftButton)
    assert section.status.text() == "Adresse et salles du DPCP enregistrées."
    assert (stored(context).address, stored(context).rooms) == ("negociation@dpcp.gouv.qc.ca", ("3.07", "5.01"))
    assert section.address.text() == "negociation@dpcp.gouv.qc.ca" and not section.has_unsaved_changes()
    monkeypatch.setattr(settings_section, "ask", lambda *args: False)
    qtbot.mouseClick(section.findChild(QPushButton, "restore_dpcp"), Qt.MouseButton.LeftButton)
    assert stored(context).rooms == ("3.07", "5.01")
    asked = []
    monkeypatch.setattr(settings_section, "ask", lambda parent, title, text: asked.append(text) or True)
    qtbot.mouseClick(section.findChild(QPushButton, "restore_dpcp"), Qt.MouseButton.LeftButton)
    assert asked[0].startswith("Reprendre l'adresse et les salles de l'avis du DPCP du 24 novembre 2020 ?")
    assert stored(context) == DEFAULT and section.rooms["second_room"].text() == "4.02"
    assert section.status.text() == "Valeurs de l'avis du DPCP rétablies."


def test_the_email_goes_to_the_address_and_rooms_set(qtbot, context, monkeypatch):
    screen = show_screen(qtbot, tools.Screen(context), 1100, 760)
    tool = screen.show_tool("dpcp_email")
    assert tool.to.text() == "À : gestion.enquete-caution@dpcp.gouv.qc.ca"
    with context.unit_of_work() as uow:
        save_dpcp_settings(uow, "negociation@dpcp.gouv.qc.ca", ("3.07", "5.01"), user="atremblay", now=NOW)
    context.events.changed.emit("settings")
    screen.mark_stale()
    screen.refresh()
    assert tool.to.text() == "À : negociation@dpcp.gouv.qc.ca"
    assert [tool.room.itemText(i) for i in range(tool.room.count())] == ["3.07", "5.01"]
    tool.accused_name.setText("Marc Bélanger")
    tool.returns_on.setText(date(2026, 11, 23).isoformat())
    tool.room.setCurrentIndex(1)
    assert tool.subject.text() == (
        "23 novembre 2026, comparution en avant-midi ; Marc Bélanger ; salle 5.01 ; Plan de sortie")
    opened = []
    monkeypatch.setattr(tool_dpcp_email, "open_in_mail_program", opened.append)
    qtbot.mouseClick(tool.findChild(QPushButton, "open_mail"), Qt.MouseButton.LeftButton)
    assert opened[0].startswith("mailto:negociation@dpcp.gouv.qc.ca?subject=")
