"""The Paramètres screen as a lawyer uses it: the profile saved with Enter, a km rate and a
holiday added and removed, the cap and reminders kept, the language switched without losing
what was typed, a backup taken and restored."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QRadioButton

from lawyer_billing.domain.cap import CapAttribution
from lawyer_billing.domain.letters import LetterKind, shipped_template
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.services.letter_templates import letter_template
from lawyer_billing.services.profile import KmRate, add_km_rate, added_holidays, km_rates, load_profile, save_profile
from lawyer_billing.services.settings import load_preferences
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.main_window import MainWindow
from lawyer_billing.ui.screens import settings
from lawyer_billing.ui.widgets import settings_backups, settings_section
from tests.gui.keyboard import type_in
from tests.gui.showing import show_screen
from tests.logo_images import image_bytes

NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture
def context(engine):
    return AppContext(engine=engine, database=engine.url.database, clock=lambda: NOW, user="atremblay")


@pytest.fixture
def screen(qtbot, context):
    return show_screen(qtbot, settings.Screen(context), 1000, 720)


@pytest.fixture
def french():
    yield
    install_language("fr")


def stored(context, read):
    with context.unit_of_work() as uow:
        return read(uow)


def field(section, name, kind=QLineEdit):
    return section.findChild(kind, name)


def message(section, name) -> str:
    label = section.findChild(QLabel, f"error_{name}")
    return label.text() if label.isVisible() else ""


def test_the_profile_is_saved_with_enter_and_kept_typed_until_then(qtbot, screen, context):
    section = screen.show_section("profile")
    qtbot.keyClicks(field(section, "name"), "Me Anne Tremblay")
    qtbot.keyClicks(field(section, "address", QPlainTextEdit), "10, rue Saint-Jacques")
    type_in(qtbot, field(section, "office_district"), "Montréal")
    qtbot.keyClicks(field(section, "gst_number"), "123456789rt0001")
    assert screen.has_unsaved_changes()
    qtbot.keyClick(field(section, "gst_number"), Qt.Key.Key_Return)
    assert section.status.text() == "Profil enregistré."
    assert field(section, "gst_number").text() == "123456789 RT 0001"
    assert not screen.has_unsaved_changes()
    profile = stored(context, load_profile)
    assert (profile.name, profile.office_district, profile.gst_number, profile.qst_number) == (
        "Me Anne Tremblay", "Montréal", "123456789 RT 0001", None)


def test_a_wrong_profile_is_explained_beside_its_fields_and_esc_puts_back_what_is_stored(qtbot, screen, context):
    section = screen.show_section("profile")
    qtbot.keyClicks(field(section, "qst_number"), "12345")
    qtbot.keyClick(field(section, "qst_number"), Qt.Key.Key_Return)
    assert "obligatoire" in message(section, "name")
    assert "10 chiffres" in message(section, "qst_number")
    assert stored(context, load_profile) == LawyerProfile()
    qtbot.keyClick(field(section, "qst_number"), Qt.Key.Key_Escape)
    assert field(section, "qst_number").text() == "" and message(section, "qst_number") == ""
    assert not screen.has_unsaved_changes()


def test_a_km_rate_is_added_with_its_source_and_removed(qtbot, screen, context, monkeypatch):
    section = screen.show_section("km_rates")
    assert "Aucun taux public n'est fourni" in section.intro.text()
    assert section.empty.isVisible() and not section.table.isVisible()
    qtbot.keyClicks(field(section, "effective_on"), "1/4/2024")
    qtbot.keyClicks(field(section, "rate"), "0,47")
    qtbot.keyClick(field(section, "rate"), Qt.Key.Key_Return)
    assert "source" in message(section, "source_note")
    assert stored(context, km_rates) == []
    qtbot.keyClicks(field(section, "source_note"), "Directive sur les frais remboursables, art. 8")
    qtbot.keyClick(field(section, "source_note"), Qt.Key.Key_Return)
    assert [section.table.item(0, column).text() for column in range(3)] == [
        "1er avril 2024", "0,470 $/km", "Directive sur les frais remboursables, art. 8"]
    assert stored(context, km_rates) == [
        KmRate(date(2024, 4, 1), Decimal("0.47"), "Directive sur les frais remboursables, art. 8")]
    assert field(section, "rate").text() == "" and not screen.has_unsaved_changes()
    asked = []
    monkeypatch.setattr(settings_section, "ask", lambda parent, title, text: asked.append(text) or True)
    section.table.selectRow(0)
    qtbot.keyClick(section.table, Qt.Key.Key_Delete)
    assert "1er avril 2024" in asked[0]
    assert stored(context, km_rates) == [] and section.empty.isVisible()


def test_a_rate_that_cannot_be_read_is_said_beside_the_field(qtbot, screen):
    section = screen.show_section("km_rates")
    type_in(qtbot, field(section, "effective_on"), "31 février")
    qtbot.keyClicks(field(section, "rate"), "quarante-sept")
    qtbot.keyClick(field(section, "rate"), Qt.Key.Key_Return)
    assert "n'existe pas" in message(section, "effective_on")
    assert "n'est pas un taux" in message(section, "rate")


def test_an_added_holiday_needs_its_reason(qtbot, screen, context, monkeypatch):
    section = screen.show_section("holidays")
    qtbot.keyClicks(field(section, "day"), "2026-12-31")
    qtbot.keyClick(field(section, "day"), Qt.Key.Key_Return)
    assert "pourquoi" in message(section, "label")
    qtbot.keyClicks(field(section, "label"), "Fermeture du palais de justice")
    qtbot.keyClick(field(section, "label"), Qt.Key.Key_Return)
    assert section.table.item(0, 0).text() == "31 décembre 2026"
    assert [h.label for h in stored(context, added_holidays)] == ["Fermeture du palais de justice"]
    monkeypatch.setattr(settings_section, "ask", lambda *args: False)
    section.table.selectRow(0)
    qtbot.mouseClick(section.findChild(QPushButton, "remove"), Qt.MouseButton.LeftButton)
    assert len(stored(context, added_holidays)) == 1


def test_the_cap_reading_and_the_fees_of_a_year_before_the_application_are_kept(qtbot, screen, context):
    section = screen.show_section("cap")
    assert "140\xa0000,00\xa0$" in section.intro.text() and "35\xa0%" in section.intro.text()
    assert section.explanations[CapAttribution.MANDATE_DATE].text() == CapAttribution.MANDATE_DATE.explanation_fr
    qtbot.keyClick(section.findChild(QRadioButton, "mandate_date"), Qt.Key.Key_Space)
    qtbot.keyClicks(field(section, "fiscal_year"), "2026-2027")
    qtbot.keyClick(field(section, "fiscal_year"), Qt.Key.Key_Return)
    assert "honoraires" in message(section, "fees_before")
    qtbot.keyClicks(field(section, "amount"), "48 250,75")
    qtbot.keyClick(field(section, "amount"), Qt.Key.Key_Return)
    preferences = stored(context, load_preferences)
    assert preferences.cap_attribution is CapAttribution.MANDATE_DATE
    assert preferences.fees_before == {"2026-2027": Decimal("48250.75")}
    assert section.fees.item(0, 1).text() == "48\xa0250,75\xa0$"
    qtbot.keyClicks(field(section, "fiscal_year"), "2026")
    qtbot.keyClicks(field(section, "amount"), "10")
    qtbot.keyClick(field(section, "amount"), Qt.Key.Key_Return)
    assert "exercice financier" in message(section, "fees_before")


def test_reminders_are_typed_as_days(qtbot, screen, context):
    section = screen.show_section("reminders")
    reminders = field(section, "reminders")
    assert reminders.text() == "60, 30, 7"
    reminders.clear()
    qtbot.keyClicks(reminders, "90; 30 14")
    qtbot.keyClick(reminders, Qt.Key.Key_Return)
    assert stored(context, load_preferences).reminders == (90, 30, 14)
    assert reminders.text() == "90, 30, 14"
    reminders.clear()
    qtbot.keyClicks(reminders, "5000")
    qtbot.keyClick(reminders, Qt.Key.Key_Return)
    assert "3650" in message(section, "reminders")


def test_english_applies_at_once_is_kept_and_loses_nothing_typed(qtbot, context, tmp_path, french, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    window = MainWindow(context, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        screens=("tariff", "tools", "settings"))
    qtbot.addWidget(window)
    window.show()
    tariff = window.show_screen("tariff")
    qtbot.keyClicks(tariff.search, "T127")
    tools = window.show_screen("tools")
    qtbot.keyClicks(tools.sentence.ident, "chef 1")
    screen = window.show_screen("settings")
    profile = screen.show_section("profile")
    qtbot.keyClicks(field(profile, "name"), "Me Anne Tremblay")
    screen.show_section("language")
    qtbot.keyClick(screen.findChild(QRadioButton, "language_en"), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.tabs.tabText(0) == "Profile")
    assert context.language == "en" and stored(context, load_preferences).language == "en"
    assert [window.navigation.item(row).text().split("\t")[0] for row in range(3)] == ["Tariff", "Tools", "Settings"]
    assert profile.labels["name"].text() == "&Name"
    assert field(profile, "name").text() == "Me Anne Tremblay" and screen.has_unsaved_changes()
    assert screen.sections["cap"].fees_title.text() == "Fees generated before using the application"
    assert tariff.search.text() == "T127" and tariff.search_label.text() == "&Search"
    assert tariff.model.index(0, 1).data() == "All professional services up to the final disposition of the case at first instance"
    assert tools.sentence.ident.text() == "chef 1" and tools.tabs.tabText(0) == "Sentence calculator"
    qtbot.keyClick(screen.findChild(QRadioButton, "language_fr"), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: screen.tabs.tabText(0) == "Profil")
    assert stored(context, load_preferences).language == "fr" and tariff.search_label.text() == "&Rechercher"


def test_a_backup_taken_now_shows_in_the_state(qtbot, screen, context, tmp_path):
    section = screen.show_section("backups")
    assert section.newest.text().startswith("Aucune sauvegarde")
    qtbot.keyClicks(field(section, "backup_folder"), str(tmp_path / "Sauvegardes"))
    qtbot.keyClick(field(section, "backup_folder"), Qt.Key.Key_Return)
    assert stored(context, load_preferences).backup_folder == str(tmp_path / "Sauvegardes")
    assert "restent dans" in section.where.text()
    qtbot.mouseClick(section.findChild(QPushButton, "back_up_now"), Qt.MouseButton.LeftButton)
    assert section.newest.text() == "Dernière sauvegarde : 22 novembre 2026 à 9 h 30"
    assert section.count.text().startswith("Sauvegardes conservées : 1 ")
    assert len(list((tmp_path / "Sauvegardes").glob("lawyer_billing-20261122-093000-manuelle.sqlite3"))) == 1


def test_a_folder_given_without_its_path_is_refused_beside_the_field(qtbot, screen):
    section = screen.show_section("backups")
    qtbot.keyClicks(field(section, "backup_folder"), "Sauvegardes")
    qtbot.keyClick(field(section, "backup_folder"), Qt.Key.Key_Return)
    assert "chemin complet" in message(section, "backup_folder")


def test_a_restore_keeps_the_current_data_and_asks_for_a_restart(qtbot, screen, context, monkeypatch, tmp_path):
    with context.unit_of_work() as uow:
        save_profile(uow, LawyerProfile(name="Me Anne Tremblay"), user="atremblay", now=NOW)
    section = screen.show_section("backups")
    qtbot.mouseClick(section.findChild(QPushButton, "back_up_now"), Qt.MouseButton.LeftButton)
    copy = next((tmp_path / "backups").glob("*manuelle*"))
    with context.unit_of_work() as uow:
        add_km_rate(uow, KmRate(date(2024, 4, 1), Decimal("0.47"), "avis"), user="atremblay", now=NOW)
    told, quit = [], []
    monkeypatch.setattr(settings_backups, "choose_backup_file", lambda parent, start: copy)
    monkeypatch.setattr(settings_section, "ask", lambda *args: True)
    monkeypatch.setattr(settings_backups, "inform", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(settings_backups, "quit_application", lambda: quit.append(True))
    qtbot.mouseClick(section.findChild(QPushButton, "restore"), Qt.MouseButton.LeftButton)
    assert quit == [True] and "avant-restauration" in told[0] and "rouvrez-la" in told[0]
    assert stored(context, km_rates) == [] and stored(context, load_profile).name == "Me Anne Tremblay"


def test_a_restore_waits_for_unsaved_work(qtbot, context, tmp_path, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    window = MainWindow(context, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        screens=("settings",))
    qtbot.addWidget(window)
    screen = window.show_screen("settings")
    qtbot.keyClicks(field(screen.sections["profile"], "name"), "Me Anne")
    warned, chosen = [], []
    monkeypatch.setattr("lawyer_billing.ui.operations.warn", lambda parent, title, text: warned.append(text))
    monkeypatch.setattr(settings_backups, "choose_backup_file", lambda *args: chosen.append(True))
    section = screen.show_section("backups")
    qtbot.mouseClick(section.findChild(QPushButton, "restore"), Qt.MouseButton.LeftButton)
    assert "Paramètres" in warned[0] and chosen == []


def test_a_letter_is_reworded_checked_kept_and_restored(qtbot, screen, context, monkeypatch):
    section = screen.show_section("letters")
    editor = section.text
    assert editor.toPlainText() == shipped_template(LetterKind.DISPUTE_NOTICE, "fr")
    assert section.state.text().startswith("Modèle d'origine") and not section.restore_button.isEnabled()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, "Bien a vous, $signature")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "$signature" in message(section, "template") and "$facts" in message(section, "template")
    for _ in range(len("$signature")):
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, "$lawyer_name")
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert section.status.text() == "Modèle enregistré."
    with context.unit_of_work() as uow:
        kept = letter_template(uow, LetterKind.DISPUTE_NOTICE, "fr")
    assert kept.adjusted and kept.text.rstrip().endswith("Bien a vous, $lawyer_name")
    with context.unit_of_work() as uow:
        assert letter_template(uow, LetterKind.DISPUTE_NOTICE, "en").adjusted is False
    monkeypatch.setattr(settings_section, "ask", lambda *args: True)
    qtbot.mouseClick(section.restore_button, Qt.MouseButton.LeftButton)
    assert editor.toPlainText() == shipped_template(LetterKind.DISPUTE_NOTICE, "fr")
    with context.unit_of_work() as uow:
        assert not letter_template(uow, LetterKind.DISPUTE_NOTICE, "fr").adjusted


def test_another_letter_is_not_opened_over_unsaved_wording(qtbot, screen, monkeypatch):
    section = screen.show_section("letters")
    type_in(qtbot, section.text, "Objet modifié ")
    monkeypatch.setattr(settings_section, "ask", lambda *args: False)
    section.letter.setCurrentIndex(2)
    assert section.letter.currentIndex() == 0 and section.text.toPlainText().startswith("Objet modifié")
    monkeypatch.setattr(settings_section, "ask", lambda *args: True)
    section.language.setCurrentIndex(1)
    assert section.text.toPlainText() == shipped_template(LetterKind.DISPUTE_NOTICE, "en")
    assert not screen.has_unsaved_changes()


def test_a_dollar_that_starts_no_value_is_refused(qtbot, screen):
    section = screen.show_section("letters")
    section.text.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(section.text, "Frais de 10 $ ")
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "$$" in message(section, "template")


def test_a_logo_is_chosen_previewed_refused_when_no_image_and_removed_keeping_what_is_typed(
        qtbot, screen, context, monkeypatch, tmp_path, dialogs):
    section = screen.show_section("profile")
    qtbot.keyClicks(field(section, "name"), "Me Anne Tremblay")  # typed, not saved yet
    chosen = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (chosen.pop(), "Images PNG ou JPEG"))
    preview = section.findChild(QLabel, "logo_preview")
    choose, remove = section.findChild(QPushButton, "choose_logo"), section.findChild(QPushButton, "remove_logo")
    assert preview.pixmap().isNull() and not remove.isEnabled()

    logo = tmp_path / "cabinet.png"
    logo.write_bytes(image_bytes(600, 200))
    chosen.append(str(logo))
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert (preview.pixmap().width(), preview.pixmap().height()) == (160, 53)  # 600 x 200 fitted into 160 x 60
    assert section.findChild(QLabel, "logo_name").text() == "cabinet.png" and remove.isEnabled()
    assert section.status.text() == "Logo enregistré."
    profile = stored(context, load_profile)
    assert (profile.logo, profile.logo_name, profile.name) == (logo.read_bytes(), "cabinet.png", "")
    assert field(section, "name").text() == "Me Anne Tremblay" and screen.has_unsaved_changes()

    notes = tmp_path / "notes.png"
    notes.write_bytes(b"Notes du dossier, pas une image")
    chosen.append(str(notes))
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert message(section, "logo") == "Logo : « notes.png » n'est pas une image PNG ou JPEG lisible."
    assert stored(context, load_profile).logo == logo.read_bytes()
    assert section.findChild(QLabel, "logo_name").text() == "cabinet.png"

    chosen.append("")  # the dialog closed without a choice
    qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
    assert stored(context, load_profile).logo == logo.read_bytes()

    monkeypatch.setattr(settings_section, "ask", lambda *args: True)
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert preview.pixmap().isNull() and not remove.isEnabled()
    assert section.findChild(QLabel, "logo_name").text().startswith("Aucun logo")
    assert section.status.text() == "Logo retiré."
    assert (stored(context, load_profile).logo, stored(context, load_profile).logo_name) == (None, "")
    assert field(section, "name").text() == "Me Anne Tremblay"
