"""The table of records described by its columns: checked by Qt's model tester, sorted on the
raw values with selections kept, headers and texts in the chosen language."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from lawyer_billing.domain.formatting import format_date, format_money
from lawyer_billing.ui.models.records import (
    RECORD_ROLE,
    SORT_ROLE,
    Column,
    RecordSortProxy,
    RecordTableModel,
    search_key,
)

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal


@dataclass(frozen=True)
class Line:
    name: str
    day: date | None
    amount: Decimal


LINES = [Line("Élise", date(2024, 6, 3), Decimal("330")), Line("zoé", None, Decimal("1200.5")),
         Line("Marc", date(2024, 1, 9), Decimal("95"))]
COLUMNS = [
    Column(lambda: "Nom", lambda line, _: line.name, tooltip=lambda line, _: f"client {line.name}"),
    Column(lambda: "Date", lambda line, lang: format_date(line.day, lang) if line.day else "", sort=lambda line: line.day),
    Column(lambda: "Montant", lambda line, lang: format_money(line.amount, lang), sort=lambda line: line.amount,
           align_right=True),
]


def column(model, index):
    return [model.index(row, index).data() for row in range(model.rowCount())]


def test_the_model_passes_qts_tester_and_shows_each_column(qtbot):
    model = RecordTableModel(COLUMNS)
    QAbstractItemModelTester(model, FAIL)
    model.set_records(LINES)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Montant"
    assert column(model, 2) == ["330,00\xa0$", "1\xa0200,50\xa0$", "95,00\xa0$"]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "client Élise"
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.index(0, 2).data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight
                                                                            | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(1, 2).data(RECORD_ROLE) is LINES[1] and model.index(1, 2).data(SORT_ROLE) == Decimal("1200.5")
    model.retranslate("en")
    assert column(model, 1) == ["June 3, 2024", "", "January 9, 2024"]


def test_sorting_uses_raw_values_and_keeps_the_selection(qtbot):
    model = RecordTableModel(COLUMNS)
    proxy = RecordSortProxy()
    proxy.setSourceModel(model)
    QAbstractItemModelTester(model, FAIL)
    QAbstractItemModelTester(proxy, FAIL)
    model.set_records(LINES)
    held = QPersistentModelIndex(model.index(2, 0))  # Marc
    proxy.sort(2, Qt.SortOrder.DescendingOrder)  # 1 200,50 before 330 before 95: numbers, not text
    assert column(proxy, 0) == ["zoé", "Élise", "Marc"]
    assert held.row() == 2 and held.data() == "Marc"
    proxy.sort(1)  # no date first
    assert column(proxy, 0) == ["zoé", "Marc", "Élise"] and held.row() == 1
    proxy.sort(0)  # names without case or accents: Élise, Marc, zoé
    assert column(proxy, 0) == ["Élise", "Marc", "zoé"] and proxy.record(2) is LINES[1]
    proxy.sort(9)  # no such column: nothing moves
    assert column(proxy, 0) == ["Élise", "Marc", "zoé"]


def test_search_keys_ignore_case_and_accents():
    assert search_key("Élise CÔTÉ") == "elise cote"
