"""The Tarif screen as a lawyer uses it: an item found by its code however it is spelled or by
words of its label, its figure for the date the mandate was issued (art. 53), a lost figure
filled in with its source and applied, and a file of amounts loaded all or nothing."""

import re
from datetime import date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from lawyer_billing.services.tariff_overlay import current_tariff
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.models.tariff import AMOUNT, CODE, LABEL, SOURCE
from lawyer_billing.ui.screens import tariff
from tests.gui.showing import show_screen

NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture
def context(engine):
    return AppContext(engine=engine, database="test", clock=lambda: NOW, user="atremblay")


@pytest.fixture
def screen(qtbot, context):
    return show_screen(qtbot, tariff.Screen(context), 1100, 760)


def shown_codes(screen) -> list[str]:
    return [screen.model.index(row, CODE).data() for row in range(screen.model.rowCount())]


def chosen_cell(screen, column) -> str:
    return screen.model.index(screen.table.currentIndex().row(), column).data()


def message(screen, name) -> str:
    label = screen.findChild(QLabel, f"error_{name}")
    return label.text() if label.isVisible() else ""


def search(qtbot, screen, text):
    screen.search.clear()
    qtbot.keyClicks(screen.search, text)


def test_every_item_is_listed_and_found_by_its_code_however_spelled(qtbot, screen):
    assert screen.count.text() == "358 articles" and screen.model.rowCount() == 358
    for spelling in ("t64c", "T64 c)", "T 64c"):
        search(qtbot, screen, spelling)
        assert shown_codes(screen)[0] == "T64c" and chosen_cell(screen, CODE) == "T64c"
    assert "T64c — " in screen.detail.toPlainText()
    search(qtbot, screen, "T1")
    assert shown_codes(screen)[:3] == ["T1", "T10", "T11"]


def test_items_are_found_by_the_words_of_their_labels(qtbot, screen):
    search(qtbot, screen, "caution")
    assert {"T109", "T169"} <= set(shown_codes(screen))
    assert screen.count.text().endswith("trouvé(s) sur 358")
    search(qtbot, screen, "zzzz")
    assert screen.model.rowCount() == 0 and "Aucun article ne correspond" in screen.detail.toPlainText()
    qtbot.keyClick(screen.search, Qt.Key.Key_Escape)
    assert screen.model.rowCount() == 358


def test_the_figure_is_the_one_for_the_date_the_mandate_was_issued(qtbot, screen):
    search(qtbot, screen, "T201.1")
    assert chosen_cell(screen, AMOUNT) == "50\xa0% des honoraires"
    screen.on.clear()
    qtbot.keyClicks(screen.on, "2007-12-31")
    assert chosen_cell(screen, AMOUNT) == "pas en vigueur"
    assert "Pour un mandat délivré le 31 décembre 2007" in screen.detail.toPlainText()
    search(qtbot, screen, "T127")
    assert (chosen_cell(screen, AMOUNT), chosen_cell(screen, SOURCE)) == ("330,00\xa0$", "Annexe II")
    # the plain text of a rich text view turns no-break spaces into spaces
    assert "à compter du 1er avril 2007 : 330,00 $ (entente de 2008, annexe II)" in screen.detail.toPlainText()


def test_a_lost_class_figure_is_filled_in_with_its_source_and_applied(qtbot, screen, context):
    search(qtbot, screen, "T36")
    assert chosen_cell(screen, AMOUNT) == "montant inconnu" and chosen_cell(screen, SOURCE) == "Annexe II"
    screen.tariff_class.setFocus()
    qtbot.keyClick(screen.tariff_class, Qt.Key.Key_Down)
    assert screen.tariff_class.currentText() == "II" and screen.effective.text() == "2007-04-01"
    qtbot.keyClicks(screen.amount, "500")
    qtbot.keyClick(screen.amount, Qt.Key.Key_Return)
    assert "source" in message(screen, "source_note")
    assert screen.has_unsaved_changes()
    qtbot.keyClicks(screen.source_note, "Gazette officielle 2008, D. 911-2008")
    qtbot.keyClick(screen.source_note, Qt.Key.Key_Return)
    assert screen.status.text() == "Montant enregistré pour T36 classe II à compter du 1er avril 2007."
    assert (chosen_cell(screen, AMOUNT), chosen_cell(screen, SOURCE)) == ("selon la classe", "Saisi en partie")
    assert not screen.has_unsaved_changes()
    detail = screen.detail.toPlainText()
    assert "Classe II\n500,00 $" in detail and "Classe I\nmontant inconnu" in detail and "saisi par atremblay le 22 novembre 2026 — Gazette officielle" in detail
    with context.unit_of_work() as uow:
        assert current_tariff(uow).amount("T36", date(2024, 5, 2), "II") == Decimal("500.00")
    screen.tariff_class.setCurrentIndex(1)
    screen.effective.set_value(date(2007, 4, 1))
    qtbot.keyClicks(screen.amount, "600")
    qtbot.keyClicks(screen.source_note, "Autre source")
    qtbot.keyClick(screen.amount, Qt.Key.Key_Return)
    assert "déjà enregistré" in message(screen, "effective")


def test_an_amount_that_cannot_be_read_stays_beside_its_field(qtbot, screen):
    search(qtbot, screen, "T87")
    qtbot.keyClicks(screen.amount, "beaucoup")
    qtbot.keyClick(screen.amount, Qt.Key.Key_Return)
    assert "n'est pas un montant" in message(screen, "amount") and screen.has_unsaved_changes()
    qtbot.keyClick(screen.amount, Qt.Key.Key_Escape)
    assert screen.amount.text() == "" and message(screen, "amount") == "" and not screen.has_unsaved_changes()
    assert screen.effective.text() == "2007-04-01"
    search(qtbot, screen, "T95")
    assert not screen.findChild(QPushButton, "save_amount").isEnabled()


def test_a_file_of_amounts_is_loaded_whole_with_its_source(qtbot, screen, context, tmp_path, monkeypatch):
    amounts = tmp_path / "montants.yaml"
    amounts.write_text('- {code: "T62 b)", effective: 2007-04-01, amount: "75.00"}\n'
                       '- {code: T87, effective: 2007-04-01, amount: "1 315,00", source: "Décret 2008, art. 4"}\n',
                       encoding="utf-8")
    monkeypatch.setattr(tariff, "choose_overlay_file", lambda parent: amounts)
    qtbot.mouseClick(screen.findChild(QPushButton, "load_file"), Qt.MouseButton.LeftButton)
    assert "d'où viennent" in message(screen, "file_source")
    qtbot.keyClicks(screen.file_source, "Gazette officielle 2008")
    qtbot.mouseClick(screen.findChild(QPushButton, "load_file"), Qt.MouseButton.LeftButton)
    assert screen.status.text() == "2 montant(s) de « montants.yaml » enregistré(s)."
    search(qtbot, screen, "T87")
    assert (chosen_cell(screen, AMOUNT), chosen_cell(screen, SOURCE)) == ("1\xa0315,00\xa0$", "Saisi")
    assert "Décret 2008, art. 4" in screen.detail.toPlainText()
    with context.unit_of_work() as uow:
        assert current_tariff(uow).amount("T62b", date(2024, 5, 2)) == Decimal("75.00")


def test_a_file_with_problems_lists_each_and_records_nothing(qtbot, screen, context, tmp_path, monkeypatch):
    amounts = tmp_path / "montants.csv"
    amounts.write_text("code;effective;amount\nT87;2007-04-01;1315,00\nT999;2007-04-01;10\nT127;2007-04-01;trois\n",
                       encoding="utf-8")
    monkeypatch.setattr(tariff, "choose_overlay_file", lambda parent: amounts)
    qtbot.keyClicks(screen.file_source, "Gazette officielle 2008")
    qtbot.mouseClick(screen.findChild(QPushButton, "load_file"), Qt.MouseButton.LeftButton)
    problems = screen.file_problems.toPlainText().splitlines()
    assert screen.file_problems.isVisible() and problems[0].startswith("« montants.csv » refusé")
    assert [re.search(r"ligne \d+", line)[0] for line in problems[1:]] == ["ligne 3", "ligne 4"]
    with context.unit_of_work() as uow:
        assert current_tariff(uow).amount("T87", date(2024, 5, 2)) is None


def test_english_labels_without_losing_the_search(qtbot, screen):
    search(qtbot, screen, "T127")
    screen.context.language = "en"
    install_language("en")
    try:
        qtbot.waitUntil(lambda: screen.search_label.text() == "&Search")
        assert screen.model.headerData(LABEL, Qt.Orientation.Horizontal) == "Description"
        assert screen.search.text() == "T127"
        assert chosen_cell(screen, LABEL) == "All professional services up to the final disposition of the case at first instance"
        assert chosen_cell(screen, AMOUNT) == "$330.00"
        assert screen.findChild(QLineEdit, "source_note").placeholderText().startswith("e.g.")
    finally:
        screen.context.language = "fr"
        install_language("fr")
