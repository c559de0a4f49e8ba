"""The Tarif screen's rows and table model: each item's figure on a date (art. 53), unknown
figures and the firm's amounts told apart, checked by Qt's model tester."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from lawyer_billing.domain.tariff import OverlayAmount, shipped_tariff
from lawyer_billing.ui.models.tariff import (
    AMOUNT,
    CODE,
    ENTERED_COLOUR,
    LABEL,
    SOURCE,
    UNKNOWN_COLOUR,
    TariffModel,
    amount_text,
    classes_text,
    tariff_rows,
)

ISSUED = date(2024, 5, 2)


def entry(code, amount, tariff_class=None):
    return OverlayAmount(code=code, effective=date(2007, 4, 1), amount=Decimal(amount), tariff_class=tariff_class,
                         source_note="Gazette officielle 2008", entered_by="atremblay",
                         entered_at=datetime(2026, 11, 22, 10, 0))


@pytest.fixture
def rows():
    return {row.item.code: row for row in tariff_rows(shipped_tariff(), [entry("T36", "500.00", "II"),
                                                                         entry("T62b", "75.00")], ISSUED)}


def test_every_item_has_a_row_with_its_figure_on_the_date(rows):
    assert len(rows) == len(shipped_tariff())
    assert amount_text(rows["T127"], "fr") == "330,00\xa0$"
    assert amount_text(rows["T36"], "fr") == "selon la classe"
    assert amount_text(rows["T37a"], "fr") == "montant inconnu"
    assert amount_text(rows["T80"], "fr") == "50\xa0% de T78"
    assert amount_text(rows["T54"], "fr") == "1\xa0% de l'indemnité"
    assert amount_text(rows["T95"], "fr") == "règle"


def test_a_figure_not_yet_in_force_says_so():
    before = {row.item.code: row for row in tariff_rows(shipped_tariff(), [], date(2007, 12, 31))}
    assert amount_text(before["T201.1"], "fr") == "pas en vigueur"
    assert not before["T201.1"].unknown


def test_the_firms_amounts_are_told_apart_class_by_class(rows):
    assert classes_text(rows["T36"], "fr").splitlines()[:2] == ["Classe I : montant inconnu", "Classe II : 500,00\xa0$"]
    assert [f.entry.entered_by for f in rows["T36"].figures if f.entry] == ["atremblay"]
    assert rows["T36"].unknown and not rows["T62b"].unknown


def test_the_model_passes_qt_s_tester_sorts_and_colours(qtbot, rows):
    model = TariffModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    shown = [rows[code] for code in ("T62b", "T36", "T127", "T37a", "T1")]
    model.set_records(shown)
    assert model.rowCount() == 5 and model.columnCount() == 5
    model.sort(CODE)
    assert [model.index(r, CODE).data() for r in range(5)] == ["T1", "T36", "T37a", "T62b", "T127"]
    assert model.index(1, SOURCE).data() == "Saisi en partie"
    assert model.index(1, SOURCE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Classe II : saisi par atremblay le 22 novembre 2026 — Gazette officielle 2008")
    assert model.index(3, SOURCE).data() == "Saisi"
    assert model.index(4, SOURCE).data() == "Annexe II"
    assert model.index(2, AMOUNT).data(Qt.ItemDataRole.ForegroundRole) == UNKNOWN_COLOUR
    assert model.index(3, AMOUNT).data(Qt.ItemDataRole.ForegroundRole) == ENTERED_COLOUR
    assert model.index(4, AMOUNT).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, AMOUNT).data() == "considération spéciale"
    model.sort(AMOUNT, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, CODE).data() for r in range(3)] == ["T36", "T127", "T62b"]
    model.retranslate("en")
    assert model.index(0, LABEL).data() == "Judgment on the merits in a contested action"
    model.set_records([])
    assert model.rowCount() == 0
