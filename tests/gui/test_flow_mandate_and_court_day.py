"""From the attestation to the day in court, in the main window, as a lawyer does it.

Anne Lévesque is charged under two informations (two mandates); Marc Tremblay is her
co-accused on the first one. The three are tried the same day in the same court. The amounts
shown are computed by hand from annex II of the entente:

- T120 (« Ensemble des services professionnels rendus jusqu'à disposition finale du cas en
  première instance », indictable offences other than s. 469 and s. 553): 550,00 $.
- T127 (the same for summary conviction offences): 330,00 $.
- T98: « l'avocat a droit à la pleine rémunération pour la dénonciation la mieux rémunérée et à
  la moitié du tarif prévu pour chacune des autres dénonciations »: Anne's T120 (550,00 $) is
  her best-paid information, in full; her T127 is paid half, 330,00 $ / 2 = 165,00 $.
- T99: two beneficiaries « inculpés pour la même infraction [...] découlant d'un même
  événement », same court, about the same time: « la moitié de la rémunération prévue pour les
  services professionnels rendus à chacun des autres bénéficiaires ». Anne's T120 and Marc's
  T120 (group « Vol rue Ontario », both 9:30 to 11:45): one is paid in full, the other half.
  Equal fees: the engine takes the first by name (domain/rules/several_beneficiaries.py), Anne,
  so Marc's T120 is 550,00 $ / 2 = 275,00 $.
- Day total: 550,00 + 165,00 + 275,00 = 990,00 $.
"""

from datetime import datetime

import pytest
from PySide6.QtCore import QSettings, Qt

from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.main_window import MainWindow
from tests.gui.keyboard import focused, type_in
from tests.gui.showing import cells, plain

NOW = datetime(2024, 6, 3, 18, 0)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, engine, tmp_path, dialogs):
    context = AppContext(engine=engine, database="test", clock=lambda: NOW, user="alevesque")
    main = MainWindow(context, settings=QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat),
                      screens=("mandates", "court_day"))
    qtbot.addWidget(main)
    with qtbot.waitActive(main):
        main.show()
        main.activateWindow()
    return main


def create_mandate(qtbot, screen, number, client, issued="2 mai 2024"):
    qtbot.keyClick(screen.table, Qt.Key.Key_N, CTRL)
    form = screen.mandate_form
    type_in(qtbot, form.fields["number"], number)
    type_in(qtbot, form.fields["client_name"], client)
    form.fields["issued_on"].selectAll()
    type_in(qtbot, form.fields["issued_on"], issued)
    type_in(qtbot, form.fields["court"], "Cour du Québec")
    qtbot.keyClick(form.fields["court"], Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.splitter, form.messages.labels


def test_mandates_then_a_day_in_court_with_two_informations_and_a_co_accused(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    mandates = window.screens["mandates"]
    assert window.current_screen_name() == "mandates"
    create_mandate(qtbot, mandates, "500-01-000101-241", "Anne Lévesque")
    create_mandate(qtbot, mandates, "500-01-000102-241", "Anne Lévesque")
    create_mandate(qtbot, mandates, "500-01-000103-241", "Marc Tremblay")
    assert mandates.count.text() == "3 mandats"

    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    day = window.screens["court_day"]
    assert window.current_screen_name() == "court_day"
    day.day_field.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    for text in ("3 juin 2024", "Longueuil", "2.12"):
        qtbot.keyClicks(focused(), text)
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    for number, code, group in (("000101", "T120", "Vol rue Ontario"), ("000102", "T127", ""),
                                ("000103", "T120", "Vol rue Ontario")):
        for field, text in enumerate((number, code, "9:30", "11:45", "Proc", group)):
            qtbot.keyClicks(focused(), text)
            if field < 5:
                qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not day.timer.isActive())

    rows = day.grid.rows[:3]
    assert [row.fields["mandate"].text() for row in rows] == [
        "Anne Lévesque — 500-01-000101-241", "Anne Lévesque — 500-01-000102-241", "Marc Tremblay — 500-01-000103-241"]
    assert [(plain(row.amount.text()), row.rules.text()) for row in rows] == [
        ("550,00 $", ""),  # T98: the best-paid information, in full; T99: the first beneficiary, in full
        ("165,00 $", "T98"),  # T98: half the tariff of T127, 330,00 $ / 2
        ("275,00 $", "T99"),  # T99: half the fee of T120 for the other co-accused, 550,00 $ / 2
    ]
    assert rows[1].amount.toolTip() == (
        "T98 : moitié du tarif pour la dénonciation 500-01-000102-241, la dénonciation 500-01-000101-241 étant "
        "la mieux rémunérée le 2024-06-03 à Longueuil")
    assert rows[2].amount.toolTip().startswith(
        "T99 : moitié de la rémunération pour Marc Tremblay, Anne Lévesque recevant la pleine rémunération")
    assert [cells(day.lines, r, (0, 1, 2, 3, 4, 5)) for r in range(3)] == [
        ["1", "Anne Lévesque", "T120", "550,00 $", "550,00 $", ""],
        ["2", "Anne Lévesque", "T127", "330,00 $", "165,00 $", "T98"],
        ["3", "Marc Tremblay", "T120", "550,00 $", "275,00 $", "T99"],
    ]
    assert plain(day.total.text()) == "Total de la journée : 990,00 $ (avant la réduction de l'art. 22)"

    qtbot.keyClick(focused(), Qt.Key.Key_S, CTRL)
    assert day.status.text() == "3 présences enregistrées pour le 3 juin 2024."

    # the Mandats screen prices the stored day the same way
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    mandates.search.setFocus()
    qtbot.keyClicks(mandates.search, "000102")
    services = mandates.detail.models["service"]
    assert mandates.detail.title.text() == "Mandat 500-01-000102-241 — Anne Lévesque"
    assert cells(services, 0, (0, 1, 2, 3, 5, 6, 7)) == [
        "3 juin 2024", "T127", "09:30–11:45", "Procès", "330,00 $", "165,00 $", "T98"]
    assert mandates.detail.field_values["issued_on"].text() == "2 mai 2024"
