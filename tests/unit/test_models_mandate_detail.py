"""The tables of a mandate's detail: each passes Qt's model tester and shows its amounts with the
articles of the rules that made them."""

from datetime import date, time
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from lawyer_billing.domain.billing import AppliedRule, PricedLine
from lawyer_billing.domain.compute import ComputedLine, DeadlineEntry
from lawyer_billing.domain.deadlines import DeadlineKind, DeadlineState, Status, filing_deadline
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.service import Disbursement, Disposition, Service, Travel
from lawyer_billing.domain.travel import TravelResult
from lawyer_billing.services.work_log import PricedService, PricedTrip
from lawyer_billing.storage.mandate_detail import StatementSummary
from lawyer_billing.ui.models.mandate_detail import (
    deadline_columns,
    disbursement_columns,
    hours,
    service_columns,
    statement_columns,
    travel_columns,
)
from lawyer_billing.ui.models.records import RecordTableModel

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal
DAY = date(2024, 6, 3)


def table(columns, records, language="fr"):
    model = RecordTableModel(columns, language)
    QAbstractItemModelTester(model, FAIL)
    model.set_records(records)
    return model


def row(model, number=0):
    return [(model.index(number, c).data() or "").replace("\xa0", " ") for c in range(model.columnCount())]


def test_services_show_the_rules_that_halved_them(qtbot):
    halved = PricedLine("2", "T127", Decimal("330.00"), Decimal("165.00"), (
        AppliedRule("T98", "T98 : moitié du tarif pour la dénonciation 500-01-000002-241"),))
    late = Finding("outside_mandate", "Service rendu après la fin du mandat.", "entente art. 15", "3")
    services = [
        PricedService(Service(1, "T127", DAY, time(9, 30), time(11), disposition=Disposition.TRIAL,
                              co_accused_group="A", id=2), ComputedLine(halved, Decimal("165.00"), "2024-2025", None, ()),
                      "R-2024-007"),
        PricedService(Service(1, "T117", date(2024, 7, 8), id=3),
                      ComputedLine(PricedLine("3", "T117", Decimal("165.00"), Decimal("165.00")), Decimal("165.00"),
                                   "2024-2025", None, (late,)), None),
        PricedService(Service(1, "T1", date(2024, 7, 9), id=4), None, None),
    ]
    model = table(service_columns(), services)
    assert row(model) == ["3 juin 2024", "T127", "09:30–11:00", "Procès", "A", "330,00 $", "165,00 $", "T98",
                          "R-2024-007"]
    assert model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole) == (
        "T98 : moitié du tarif pour la dénonciation 500-01-000002-241")
    assert row(model, 1)[7] == "⚠"
    assert model.index(1, 7).data(Qt.ItemDataRole.ToolTipRole) == (
        "⚠ Service rendu après la fin du mandat. (entente art. 15)")
    assert row(model, 2)[5:8] == ["", "", ""]
    model.sort(6, Qt.SortOrder.DescendingOrder)
    assert [model.index(r, 1).data() for r in range(3)] == ["T127", "T117", "T1"]


def test_trips_disbursements_and_statements(qtbot):
    trip = PricedTrip(Travel(1, DAY, Decimal("180"), Decimal("90"), "outside_district", parking=Decimal("12.00"), id=1),
                      TravelResult(Decimal("96.60"), Decimal("180"), Decimal("0.47"), Decimal("12.00"),
                                   rules=("art. 20 al. 2 2°",)))
    assert row(table(travel_columns(), [trip])) == [
        "3 juin 2024", "180", "90", "Hors du district, 200 km au plus (art. 20, 2°)", "12,00 $", "96,60 $", ""]
    spent = Disbursement(1, DAY, "Signification", Decimal("45.67"), "H-889", id=1)
    assert row(table(disbursement_columns(), [spent], "en")) == ["June 3, 2024", "Signification", "$45.67", "H-889"]
    statements = [StatementSummary(1, "R-2024-007", "final", "sent", date(2024, 9, 1), date(2024, 9, 3),
                                   date(2024, 9, 2), Decimal("330")),
                  StatementSummary(2, "R-2024-008", "interim", "draft", date(2024, 10, 1), None, None, None)]
    model = table(statement_columns(), statements)
    assert row(model) == ["R-2024-007", "Compte final", "1er septembre 2024", "Envoyé le 3 septembre 2024", "330,00 $"]
    assert row(model, 1) == ["R-2024-008", "Compte intérimaire", "1er octobre 2024", "En préparation", ""]


def test_deadlines_say_how_many_days_are_left(qtbot):
    deadline = filing_deadline(date(2024, 9, 10))
    soon = DeadlineEntry("mandate", "1", deadline, Status(DeadlineState.UPCOMING, 30), None)
    late = DeadlineEntry("mandate", "1", deadline, Status(DeadlineState.OVERDUE, -4), None)
    model = table(deadline_columns(), [soon, late])
    assert deadline.kind is DeadlineKind.FILING
    assert row(model)[0] == "Transmission du relevé" and row(model)[2:] == ["À venir", "dans 30 j", "entente art. 15"]
    assert row(model, 1)[2:4] == ["Dépassé", "dépassé de 4 j"]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == deadline.note_fr


def test_hours():
    assert (hours(time(9, 30), time(11)), hours(time(9), None), hours(None, None)) == ("09:30–11:00", "09:00–", "")
