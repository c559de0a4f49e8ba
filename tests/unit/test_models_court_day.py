"""The day's lines in the side panel of Journée d'audience and the tariff items offered while a
code is typed: checked by Qt's model tester, with the rules and the amounts as shown."""

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from lawyer_billing.domain.billing import AppliedRule, PricedLine
from lawyer_billing.domain.mandate import Mandate, MatterType
from lawyer_billing.domain.service import Service
from lawyer_billing.domain.tariff import shipped_tariff
from lawyer_billing.services.court_day import DayLine, ItemChoice, item_choices
from lawyer_billing.ui.models.court_day import day_line_columns
from lawyer_billing.ui.models.item_choices import ItemChoicesModel, item_text
from lawyer_billing.ui.models.records import RECORD_ROLE, RecordTableModel

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal
ZOE = Mandate("500-01-000002-241", "Zoé L'Heureux", date(2024, 5, 2), MatterType.CRIMINAL_PENAL, id=2)


def texts(model, row):
    return [(model.index(row, c).data() or "").replace("\xa0", " ") for c in range(model.columnCount())]


def test_the_day_lines_show_typed_rows_and_stored_services(qtbot):
    halved = PricedLine("ligne 1", "T127", Decimal("330.00"), Decimal("165.00"),
                        (AppliedRule("T98", "T98 : moitié du tarif pour la dénonciation 500-01-000002-241"),))
    stored = PricedLine("7", "T120", Decimal("550.00"), Decimal("550.00"))
    model = RecordTableModel(day_line_columns())
    QAbstractItemModelTester(model, FAIL)
    model.set_records([DayLine(ZOE, halved, row=0),
                       DayLine(ZOE, stored, service=Service(2, "T120", date(2024, 6, 3), id=7))])
    assert texts(model, 0) == ["1", "Zoé L'Heureux", "T127", "330,00 $", "165,00 $", "T98"]
    assert texts(model, 1) == ["enregistré", "Zoé L'Heureux", "T120", "550,00 $", "550,00 $", ""]
    assert model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole).startswith("T98 : moitié du tarif")
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Mandat 500-01-000002-241"
    assert "déjà enregistré" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert texts(model, 0)[0] == "enregistré"


def test_the_items_offered_show_their_amount_and_put_their_code(qtbot):
    model = ItemChoicesModel()
    QAbstractItemModelTester(model, FAIL)
    model.set_choices(item_choices(shipped_tariff(), "plaidoyer culpabilité", date(2024, 5, 2)))
    first = model.index(0)
    assert first.data().replace("\xa0", " ") == (
        "T115 — Vacation aux fins d’enregistrer un plaidoyer de culpabilité — 150,00 $")
    assert first.data(Qt.ItemDataRole.EditRole) == "T115"
    assert first.data(RECORD_ROLE).amount == Decimal("150.00")
    model.language = "en"
    assert model.index(0).data() == "T115 — Attendance to enter a guilty plea — $150.00"


def test_a_long_label_is_shortened_and_an_item_without_figure_says_so():
    label = "Ensemble des services professionnels rendus jusqu’à disposition finale du cas en première instance"
    text = item_text(ItemChoice("T127", label, "", None), "fr")
    assert text.startswith("T127 — Ensemble des services") and "…" in text and text.endswith("— montant à saisir")
