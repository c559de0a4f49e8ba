"""The Tableau de bord's models, checked by Qt's own model tester: the deadline tree by
urgency (overdue in red, the record to open on each row) and the three tables."""

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester

from lawyer_billing.domain.deadlines import (
    Conciliation,
    DeadlineState,
    Status,
    deadline_status,
    dispute_deadline,
    filing_deadline,
    payment_due,
)
from lawyer_billing.domain.findings import Finding
from lawyer_billing.services.dashboard import AwaitingPayment, FindingItem, UnbilledMandate
from lawyer_billing.services.deadlines import DeadlineBoard, DeadlineItem, RecordRef, Urgency
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.models.dashboard import (
    AWAITING_PAYMENT_COLUMNS,
    FINDING_COLUMNS,
    OVERDUE_COLOUR,
    UNBILLED_COLUMNS,
    DeadlineTreeModel,
    RecordRefTableModel,
    status_text,
)
from lawyer_billing.ui.models.records import RECORD_ROLE

TODAY = date(2026, 11, 22)
DISPLAY = Qt.ItemDataRole.DisplayRole


def item(deadline, record: RecordRef, subject_kind="mandate", subject="500-01-000002-231", clients=("Marc Côté",)):
    return DeadlineItem(subject_kind, subject, clients, record, deadline, deadline_status(deadline, TODAY))


def board() -> DeadlineBoard:
    # art. 15: withdrawn 20 November 2023 -> 20 November 2026, two days ago
    overdue = item(filing_deadline(date(2023, 11, 20)), RecordRef("mandate", 4))
    # art. 15: received 30 October 2026 -> 29 November, a Sunday -> 30 November, in 8 days
    soon = item(payment_due(date(2026, 10, 30)), RecordRef("statement", 7), "statement", "R-2026-014", ("Nadia Roy",))
    # art. 33: conciliation asked 1 October 2026 interrupts the six months of art. 32
    interrupted = item(
        dispute_deadline(date(2026, 9, 15), Conciliation(date(2026, 10, 1))).dispute, RecordRef("refusal", 2),
        "statement", "R-2026-010", ("Paul Ouellet",))
    return DeadlineBoard(TODAY, (overdue, soon, interrupted), (60, 30, 7))


def texts(model, parent=QModelIndex()) -> list[list[str]]:
    return [[model.index(row, column, parent).data(DISPLAY) for column in range(model.columnCount(parent))]
            for row in range(model.rowCount(parent))]


def test_deadlines_are_grouped_by_urgency_with_their_article(qapp):
    model = DeadlineTreeModel("fr")
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_groups(board().by_urgency())
    assert [row[0] for row in texts(model)] == ["En retard (1)", "Cette semaine (0)", "Ce mois-ci (1)", "Plus tard (1)"]
    overdue = model.group_index(Urgency.OVERDUE)
    assert texts(model, overdue) == [[
        "2026-11-20", "Transmission du relevé d'honoraires", "Mandat 500-01-000002-231 (Marc Côté)",
        "entente art. 15", "En retard de 2 jours"]]
    assert texts(model, model.group_index(Urgency.THIS_MONTH)) == [[
        "2026-11-30", "Paiement du relevé d'honoraires", "Relevé R-2026-014 (Nadia Roy)", "entente art. 15",
        "Dans 8 jours"]]
    assert texts(model, model.group_index(Urgency.LATER))[0][3:] == ["entente art. 32-33", "Interrompu (art. 33)"]
    first = model.index(0, 0, overdue)
    assert first.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
    assert overdue.data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
    assert model.index(0, 0, model.group_index(Urgency.THIS_MONTH)).data(Qt.ItemDataRole.ForegroundRole) is None
    assert first.data(RECORD_ROLE) == RecordRef("mandate", 4) and overdue.data(RECORD_ROLE) is None
    assert "Délai de rigueur" in first.data(Qt.ItemDataRole.ToolTipRole)
    assert model.parent(first) == overdue and model.rowCount(first) == 0


@pytest.mark.parametrize(("status", "text"), [
    (Status(DeadlineState.OVERDUE, -2), "En retard de 2 jours"),
    (Status(DeadlineState.OVERDUE, -1), "En retard d'un jour"),
    (Status(DeadlineState.DUE_SOON, 0), "Aujourd'hui"),
    (Status(DeadlineState.DUE_SOON, 1), "Demain"),
    (Status(DeadlineState.UPCOMING, 45), "Dans 45 jours"),
    (Status(DeadlineState.INTERRUPTED, -10), "Interrompu (art. 33)"),
])
def test_status_says_how_far_the_last_day_is(qapp, status, text):
    assert status_text(status) == text


def test_the_tree_speaks_english_after_a_language_change(qapp):
    model = DeadlineTreeModel("fr")
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_groups(board().by_urgency())
    install_language("en")
    try:
        model.retranslate("en")
        assert model.headerData(0, Qt.Orientation.Horizontal) == "Due"
        assert texts(model)[0][0] == "Overdue (1)"
        assert texts(model, model.group_index(Urgency.OVERDUE))[0][1:] == [
            "Sending the statement of fees", "Mandate 500-01-000002-231 (Marc Côté)", "entente art. 15",
            "2 days overdue"]
    finally:
        install_language("fr")


def test_work_not_billed_table(qapp):
    model = RecordRefTableModel(UNBILLED_COLUMNS, "fr")
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_records([
        UnbilledMandate(RecordRef("mandate", 3), "500-01-000013-261", "Marc Côté", date(2026, 10, 20), 2,
                        date(2026, 9, 14), date(2026, 10, 20), Decimal("330.00"), 1),
        UnbilledMandate(RecordRef("mandate", 5), "500-01-000014-261", "Inès Caron", None, 1,
                        date(2026, 10, 5), date(2026, 10, 5), Decimal("1800.00"), 0),
    ])
    assert texts(model) == [
        ["500-01-000013-261", "Marc Côté", "2026-10-20", "2 (dont 1 sans montant)", "2026-09-14", "2026-10-20",
         "330,00\u00a0$"],
        ["500-01-000014-261", "Inès Caron", "En cours", "1", "2026-10-05", "2026-10-05", "1\u00a0800,00\u00a0$"],
    ]
    assert model.index(1, 0).data(RECORD_ROLE) == RecordRef("mandate", 5)
    model.sort(6, Qt.SortOrder.DescendingOrder)  # by amount
    assert model.index(0, 0).data(RECORD_ROLE) == RecordRef("mandate", 5)


def test_statements_awaiting_payment_table(qapp):
    model = RecordRefTableModel(AWAITING_PAYMENT_COLUMNS, "fr")
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    unknown_rate = Finding("bank_rate_unknown", "Taux du 1er octobre 2026 inconnu.", "entente art. 17", "2026-10-01")
    model.set_records([
        AwaitingPayment(RecordRef("statement", 8), "R-2026-034", ("Nadia Roy",), date(2026, 7, 2), date(2026, 7, 6),
                        date(2026, 8, 5), True, Decimal("330.00"), Decimal("230.00"), Decimal("1.74"), TODAY, None,
                        (unknown_rate,)),
        AwaitingPayment(RecordRef("statement", 9), "R-2026-040", ("Inès Caron",), date(2026, 11, 10), None, None,
                        False, Decimal("1800.00"), Decimal("1800.00"), Decimal("0"), None, None, ()),
    ])
    assert texts(model) == [
        ["R-2026-034", "Nadia Roy", "2026-07-02", "2026-07-06", "2026-08-05", "230,00\u00a0$", "1,74\u00a0$ *",
         "Paiement en retard"],
        ["R-2026-040", "Inès Caron", "2026-11-10", "", "", "1\u00a0800,00\u00a0$", "0,00\u00a0$",
         "Réception à confirmer"],
    ]
    assert model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole) == (
        "Intérêts courus jusqu'au 22 novembre 2026 (art. 17).\nTaux du 1er octobre 2026 inconnu.")
    assert model.index(1, 0).data(RECORD_ROLE) == RecordRef("statement", 9)


def test_findings_table(qapp):
    model = RecordRefTableModel(FINDING_COLUMNS, "fr")
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    finding = Finding("office_fixes_amount", "T130 n'a pas de taux au tarif.", "entente art. 14", "12")
    model.set_records([FindingItem(RecordRef("service", 12), "500-01-000013-261", "Marc Côté", date(2026, 10, 20),
                                   "T130", finding)])
    assert texts(model) == [["2026-10-20", "500-01-000013-261", "Marc Côté", "T130", "entente art. 14",
                             "T130 n'a pas de taux au tarif."]]
    assert model.index(0, 3).data(RECORD_ROLE) == RecordRef("service", 12)
