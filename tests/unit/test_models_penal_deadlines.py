"""The periods of the Code of Penal Procedure followed on a mandate, as the mandate's table and
as the dashboard's rows: each passes Qt's model tester and says its period, article, event,
last day (CPP art. 17) and state, in French and in English."""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from lawyer_billing.domain.deadlines import deadline_status
from lawyer_billing.domain.tools.penal_deadlines import find_penal_period, penal_deadline
from lawyer_billing.services.deadlines import DeadlineItem, RecordRef, Urgency
from lawyer_billing.services.penal_deadlines import FollowedPenalDeadline, PenalDeadlineRecord, labelled
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.models.dashboard import DeadlineTreeModel
from lawyer_billing.ui.models.penal_deadlines import FollowedPenalDeadlinesModel

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal
TODAY = date(2026, 11, 22)  # a Sunday


def followed(key, event, done_on=None, note="", record_id=1):
    period = find_penal_period(key)
    deadline = penal_deadline(period, event)
    record = PenalDeadlineRecord(7, key, event, note, done_on, record_id, 1)
    return FollowedPenalDeadline(record, period, deadline, deadline_status(deadline, TODAY, done_on))


def rows(model):
    return [[(model.index(r, c).data() or "").replace("\xa0", " ") for c in range(model.columnCount())]
            for r in range(model.rowCount())]


# art. 271: judgment Thursday 12 November 2026, 30th day Saturday 12 December -> Monday 14 (art. 17)
APPEAL = followed("appeal", date(2026, 11, 12), note="Appel sur la peine ?")
# art. 160: statement served Monday 19 October 2026, 30th day Wednesday 18 November: 4 days past
PLEA = followed("plea", date(2026, 10, 19), record_id=2)
# art. 32: application presented Monday 7 December 2026; five clear days before: Tuesday 1 December,
# done on 20 November
NOTICE = followed("prior_notice", date(2026, 12, 7), done_on=date(2026, 11, 20), record_id=3)
RETIRED = FollowedPenalDeadline(PenalDeadlineRecord(7, "retired", date(2026, 11, 2), "", None, 4, 1), None, None, None)


def test_each_followed_period_shows_its_last_day_and_state(qapp):
    model = FollowedPenalDeadlinesModel()
    QAbstractItemModelTester(model, FAIL)
    model.set_records([APPEAL, PLEA, NOTICE, RETIRED])
    assert rows(model) == [
        ["Appel à la Cour supérieure", "C.p.p. art. 271", "12 novembre 2026", "14 décembre 2026",
         "Bientôt (dans 22 j)", "Appel sur la peine ?"],
        ["Transmission du plaidoyer", "C.p.p. art. 160", "19 octobre 2026", "18 novembre 2026", "Dépassé (de 4 j)", ""],
        ["Signification d'un préavis de demande", "C.p.p. art. 32", "7 décembre 2026", "1er décembre 2026",
         "Fait le 20 novembre 2026", ""],
        ["« retired » (retiré de la liste des délais)", "", "2 novembre 2026", "", "", ""],
    ]
    tooltip = model.index(0, FollowedPenalDeadlinesModel.DUE).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("30 jours à compter du 12 novembre 2026 (le jugement rendu en première instance)")
    assert "n'est plus dans la liste" in model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_sorted_by_last_day_and_by_state_the_open_ones_first(qapp):
    model = FollowedPenalDeadlinesModel()
    QAbstractItemModelTester(model, FAIL)
    model.set_records([APPEAL, NOTICE, PLEA, RETIRED])
    model.sort(FollowedPenalDeadlinesModel.DUE)
    assert [r.record.id for r in model.records] == [4, 2, 3, 1]
    model.sort(FollowedPenalDeadlinesModel.STATE)
    assert [r.record.id for r in model.records] == [4, 2, 1, 3]


def test_the_table_and_the_dashboard_speak_english(qapp):
    model = FollowedPenalDeadlinesModel("fr")
    QAbstractItemModelTester(model, FAIL)
    model.set_records([APPEAL])
    item = DeadlineItem("mandate", "500-73-000123-261", ("Zoé L'Heureux",), RecordRef("mandate", 7),
                        replace(APPEAL.deadline, label_fr=labelled(APPEAL.period)),
                        APPEAL.status, labelled(APPEAL.period, "en"))
    tree = DeadlineTreeModel("fr")
    QAbstractItemModelTester(tree, FAIL)
    tree.set_groups({Urgency.THIS_MONTH: (item,)})
    group = tree.group_index(Urgency.THIS_MONTH)
    assert tree.index(0, DeadlineTreeModel.WHAT, group).data() == "Appel à la Cour supérieure (C.p.p. art. 271)"
    install_language("en")
    try:
        model.retranslate("en")
        tree.retranslate("en")
        assert model.headerData(2, Qt.Orientation.Horizontal) == "Event on"
        assert rows(model)[0][:5] == ["Appeal to the Superior Court", "C.p.p. art. 271", "November 12, 2026",
                                      "December 14, 2026", "Due soon (in 22 d)"]
        assert tree.index(0, DeadlineTreeModel.WHAT, group).data() == "Appeal to the Superior Court (C.p.p. art. 271)"
    finally:
        install_language("fr")
