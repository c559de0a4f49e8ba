"""The tables of the Relevés and Différends screens, checked by Qt's model tester: what each
cell says, the colours of an overdue deadline and of a line to check, the boxes to tick."""

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from lawyer_billing.domain.compute import DeadlineEntry
from lawyer_billing.domain.deadlines import (
    Conciliation,
    arbitration_deadline,
    deadline_status,
    dispute_deadline,
    payment_due,
)
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.letters import LetterKind
from lawyer_billing.domain.statement import RuleNote, StatementType
from lawyer_billing.services.disputes import RefusalListing, Step, StepView
from lawyer_billing.services.statements import (
    Line,
    LineKind,
    MandateRef,
    MandateToBill,
    StatementListing,
    StatementStatus,
)
from lawyer_billing.storage.statement_follow_up import RefusalRecord
from lawyer_billing.ui.models.disputes import RefusalListModel, StepTableModel
from lawyer_billing.ui.models.records import RECORD_ROLE
from lawyer_billing.ui.models.statements import (
    FINDING_BACKGROUND,
    OVERDUE_COLOUR,
    UNPRICED_COLOUR,
    DeadlineTableModel,
    LineTableModel,
    MandateChoiceModel,
    StatementListModel,
)

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal
TODAY = date(2026, 11, 22)
ZOE = MandateRef(1, "500-01-012345-251", "Zoé L'Heureux", 1, "Cour du Québec")


def entry(deadline, met_on=None, today=TODAY):
    return DeadlineEntry("statement", "1", deadline, deadline_status(deadline, today, met_on), met_on)


def listing(number, status, total, next_deadline=None, interest=None, id=1):
    return StatementListing(id, number, StatementType.FINAL, status, (ZOE.number,), Decimal(total), interest,
                            next_deadline)


def texts(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_list_of_statements_says_where_each_stands_and_paints_an_overdue_deadline_red(qtbot):
    model = StatementListModel()
    QAbstractItemModelTester(model, FAIL)
    overdue = entry(payment_due(date(2026, 9, 8)))  # 30 days: 2026-10-08, 45 days ago
    model.set_records([
        listing("R-2026-0002", StatementStatus.PARTIALLY_PAID, "471.40", overdue, Decimal("11.74"), id=2),
        listing("B-2026-0001", StatementStatus.DRAFT, "569.13", id=3),
    ])
    assert texts(model, 0) == ["R-2026-0002", "B-2026-0001"]
    assert texts(model, 4) == ["payé partiellement", "brouillon"]
    assert texts(model, 3) == ["471,40\xa0$", "569,13\xa0$"] and texts(model, 5) == ["11,74\xa0$", ""]
    assert texts(model, 6)[0] == "Paiement par l'organisme (30 jours) — 2026-10-08 (en retard de 45 j)"
    assert model.index(0, 6).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    assert model.index(0, 6).data(Qt.ItemDataRole.ToolTipRole) == "entente art. 15"
    model.sort(3)
    assert texts(model, 0) == ["R-2026-0002", "B-2026-0001"]  # by amount, not by text
    model.retranslate("en")
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Numéro"  # no English catalog installed here
    assert texts(model, 3) == ["$471.40", "$569.13"]


def test_mandates_to_bill_are_ticked_in_their_first_column(qtbot):
    model = MandateChoiceModel()
    QAbstractItemModelTester(model, FAIL)
    other = MandateRef(2, "540-01-000777-251", "Marc Côté", 2)
    model.set_records([MandateToBill(ZOE, ZOE.client_name, "Bureau de Montréal", date(2025, 6, 30), 2, 1, 1),
                       MandateToBill(other, other.client_name, "Bureau de Laval", None, 1, 0, 0)])
    assert texts(model, 3) == ["30 juin 2025", "en cours"]
    assert bool(model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsUserCheckable)
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    ticks = []
    model.chosen_changed.connect(lambda: ticks.append(model.chosen_ids()))
    model.setData(model.index(1, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert ticks == [[2], [1, 2], [1]]
    assert not model.setData(model.index(0, 1), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    model.set_records(model.records[1:])  # a mandate billed meanwhile is no longer chosen
    assert model.chosen_ids() == []


def test_a_line_shows_its_rules_and_a_line_to_check_stands_out(qtbot):
    model = LineTableModel()
    QAbstractItemModelTester(model, FAIL)
    half = Line(LineKind.FEE, 7, 1, ZOE.number, date(2026, 10, 15), "T127", "Ensemble des services", 1,
                Decimal("330.00"), Decimal("165.00"),
                rules=(RuleNote("T98", "T98 : moitié du tarif, une autre dénonciation est la mieux rémunérée"),))
    unpriced = Line(LineKind.FEE, 8, 1, ZOE.number, date(2026, 10, 16), "T130", "", 1, None, None,
                    findings=(Finding("office_fixes_amount", "T130 n'a pas de taux au tarif.", "entente art. 14"),))
    trip = Line(LineKind.TRAVEL, 3, 1, ZOE.number, date(2026, 10, 15), "art. 20", "Palais de justice", 1, None,
                Decimal("54.62"), km=Decimal("96"), rate=Decimal("0.47"), parking=Decimal("9.50"),
                rules=(RuleNote("art. 20 1°", "art. 20 1° : 96 km payés à 0,47 $ le km"),))
    model.set_records([half, unpriced, trip])
    assert texts(model, 1) == ["T127", "T130", "art. 20"]
    assert texts(model, 2) == ["Ensemble des services", "Honoraires", "Palais de justice"]
    assert texts(model, 4) == ["1", "1", "96 km"] and texts(model, 6) == ["165,00\xa0$", "aucun", "54,62\xa0$"]
    assert texts(model, 8) == ["T98", "⚠", "art. 20 1°"]
    assert model.index(0, 8).data(Qt.ItemDataRole.ToolTipRole) == \
        "T98 : moitié du tarif, une autre dénonciation est la mieux rémunérée"
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole).color() == FINDING_BACKGROUND
    assert model.index(1, 6).data(Qt.ItemDataRole.ForegroundRole).color() == UNPRICED_COLOUR
    assert "entente art. 14" in model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(2, 0).data(RECORD_ROLE) is trip


def test_deadlines_say_how_many_days_remain(qtbot):
    model = DeadlineTableModel()
    QAbstractItemModelTester(model, FAIL)
    payment = payment_due(date(2026, 11, 2))  # 30 days: 2026-12-02, in 10 days
    model.set_records([entry(payment), entry(payment, met_on=date(2026, 11, 20)), entry(payment_due(date(2026, 9, 8)))])
    assert texts(model, 3) == ["dans 10 j", "respecté", "en retard de 45 j"]
    assert texts(model, 1) == ["entente art. 15"] * 3 and texts(model, 2)[0] == "2 décembre 2026"
    assert model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole) is None


def test_the_refusals_and_the_steps_of_a_dispute(qtbot):
    refusals = RefusalListModel()
    steps = StepTableModel()
    QAbstractItemModelTester(refusals, FAIL)
    QAbstractItemModelTester(steps, FAIL)
    received = date(2026, 4, 20)
    notice = dispute_deadline(received).dispute  # art. 32: 2026-10-20, overdue by 33 days
    interrupted = dispute_deadline(received, Conciliation(date(2026, 5, 1))).dispute
    named = dispute_deadline(received, Conciliation(date(2026, 5, 1), ended_on=date(2026, 6, 1))).conciliation_steps[0]
    arbitration = arbitration_deadline(date(2026, 11, 2))  # art. 35: 2027-05-02, a Sunday: 2027-05-03

    def step(which, done_on=None, deadline=None, letter=None, met_on=None):
        status = None if deadline is None else deadline_status(deadline, TODAY, met_on)
        return StepView(which, "", f"entente art. {which}", done_on, deadline, status, letter)

    late = step(Step.NOTICE_SENT, deadline=notice, letter=LetterKind.DISPUTE_NOTICE)
    steps.set_records([
        step(Step.REFUSAL, received),
        step(Step.CONCILIATORS_NAMED, deadline=named, met_on=date(2026, 6, 1)),
        step(Step.NOTICE_SENT, deadline=interrupted),
        late,
        step(Step.ARBITRATION_LETTER_SENT, deadline=arbitration, letter=LetterKind.ARBITRATION),
    ])
    assert texts(steps, 0) == ["Avis de refus reçu", "Désignation des conciliateurs", "Avis de différend",
                               "Avis de différend", "Soumission à l'arbitrage"]
    assert texts(steps, 4) == ["", "terminée", "interrompu (art. 33)", "en retard de 33 j", "dans 162 j"]
    assert texts(steps, 5) == ["", "", "", "Avis de différend", "Lettre au juge en chef"]
    assert steps.index(3, 4).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    assert "lecture" in steps.index(4, 3).data(Qt.ItemDataRole.ToolTipRole)  # art. 35: both readings
    refusal = RefusalRecord(1, received, "T104.1 non justifié", Decimal("100.00"), "BAJL-0312", id=4, version=1)
    refusals.set_records([RefusalListing(refusal, "R-2026-0003", None, step(Step.REFUSAL, received), late)])
    assert texts(refusals, 6) == ["Avis de différend — 2026-10-20 (en retard de 33 j)"]
    assert refusals.index(0, 6).data(Qt.ItemDataRole.ForegroundRole).color() == OVERDUE_COLOUR
    assert texts(refusals, 2) == ["100,00\xa0$"] and texts(refusals, 5) == ["Avis de refus reçu"]
