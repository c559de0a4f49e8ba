"""Periods of the Code of Penal Procedure followed on a mandate, as a lawyer does it: added from
the mandate's « Délais pénaux » tab or from Outils with « Suivre sur le mandat », marked done,
reopened and no longer followed, each with its last day counted by CPP art. 17."""

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

from lawyer_billing.domain.mandate import Mandate, MatterType
from lawyer_billing.services import penal_deadlines
from lawyer_billing.services.mandates import save_mandate
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.models.penal_deadlines import FollowedPenalDeadlinesModel
from lawyer_billing.ui.screens import mandates, tools
from lawyer_billing.ui.widgets import penal_deadline_dialog
from tests.gui.showing import plain, show_screen

NOW = datetime(2026, 11, 22, 9, 30)  # a Sunday
TODAY = NOW.date()


@pytest.fixture
def context(engine):
    context = AppContext(engine=engine, database="test", clock=lambda: NOW, user="atremblay")
    with context.unit_of_work() as uow:
        save_mandate(uow, Mandate(number="500-73-000123-261", client_name="Zoé L'Heureux",
                                  issued_on=date(2026, 10, 1), matter_type=MatterType.CRIMINAL_PENAL,
                                  court="Cour du Québec", district="Montréal"), user="atremblay", now=NOW)
    return context


@pytest.fixture
def changed(context):
    kinds = []
    context.events.changed.connect(kinds.append)
    return kinds


def stored(context):
    with context.unit_of_work() as uow:
        return penal_deadlines.followed_on_mandate(uow, 1, TODAY)


def penal_rows(detail):
    model = detail.models["penal"]
    return [[plain(model.index(r, c).data()) for c in range(model.columnCount())] for r in range(model.rowCount())]


def filled_by(period: str, event: str, note: str = ""):
    """A stand-in for the dialog's ``exec``: the lawyer types the period's article, the event
    day and a note, then clicks « Suivre »; the dialog stays open on a refusal."""
    seen = []

    def run(dialog):
        seen.append(dialog)
        if dialog.period.findText(period) >= 0:
            dialog.period.setCurrentIndex(dialog.period.findText(period))
        dialog.period.lineEdit().setText(period)
        dialog.event_on.setText(event)
        dialog.note.setText(note)
        dialog.follow_button.click()
        return dialog.result() == dialog.DialogCode.Accepted

    return run, seen


@pytest.fixture
def detail(qtbot, context, dialogs):
    screen = show_screen(qtbot, mandates.Screen(context), 1200, 800)
    screen.detail.tabs.setCurrentIndex(list(screen.detail.models).index("penal"))
    return screen.detail


def test_a_period_is_followed_from_the_mandate_tab(qtbot, context, detail, monkeypatch, changed):
    assert detail.tabs.tabText(5) == "Délais pénaux (0)"
    assert not detail.done_button.isEnabled()
    appeal = penal_deadline_dialog.period_choice(penal_deadlines.periods_by_key()["appeal"], "fr")
    assert appeal == ("Appel à la Cour supérieure — art. 271 C.p.p. (événement : le jugement rendu en "
                      "première instance)")
    run, seen = filled_by(appeal, "2026-11-12", "Appel sur la peine ?")
    monkeypatch.setattr(penal_deadline_dialog, "run_dialog", run)
    qtbot.mouseClick(detail.follow_button, Qt.MouseButton.LeftButton)
    # art. 271: 30 days after Thursday 12 November 2026 is Saturday 12 December, moved to
    # Monday 14 December (art. 17)
    assert penal_rows(detail) == [["Appel à la Cour supérieure", "C.p.p. art. 271", "12 novembre 2026",
                                   "14 décembre 2026", "Bientôt (dans 22 j)", "Appel sur la peine ?"]]
    assert detail.tabs.tabText(5) == "Délais pénaux (1)" and changed == ["penal_deadline"]
    assert detail.tables["penal"].currentIndex().row() == 0 and detail.done_button.text() == "Fait"
    # the same period for the same judgment again: said beside the day, the dialog stays open
    run, seen = filled_by(appeal, "12 novembre 2026")
    monkeypatch.setattr(penal_deadline_dialog, "run_dialog", run)
    qtbot.mouseClick(detail.follow_button, Qt.MouseButton.LeftButton)
    assert seen[0].findChild(QLabel, "error_event_on").text() == (
        "Date de l'événement : ce délai est déjà suivi sur ce mandat pour un événement du 12 novembre 2026.")
    assert seen[0].result() != seen[0].DialogCode.Accepted and len(stored(context)) == 1


def test_a_period_typed_that_is_not_in_the_list_is_said_beside_the_field(qtbot, context, detail, monkeypatch):
    run, seen = filled_by("appel", "2026-11-12")
    monkeypatch.setattr(penal_deadline_dialog, "run_dialog", run)
    qtbot.mouseClick(detail.follow_button, Qt.MouseButton.LeftButton)
    assert "« appel » n'est pas un délai répertorié" in seen[0].findChild(QLabel, "error_period").text()
    assert stored(context) == ()


def test_done_reopen_and_stop_following(qtbot, context, detail, dialogs, changed):
    with context.unit_of_work() as uow:
        penal_deadlines.follow(uow, 1, "appeal", date(2026, 11, 12), "", user="atremblay", now=NOW)
    detail.show_work(detail.work)
    detail.tables["penal"].selectRow(0)
    qtbot.mouseClick(detail.done_button, Qt.MouseButton.LeftButton)
    assert penal_rows(detail)[0][FollowedPenalDeadlinesModel.STATE] == "Fait le 22 novembre 2026"
    assert detail.done_button.text() == "Rouvrir" and stored(context)[0].record.done_on == TODAY
    qtbot.mouseClick(detail.done_button, Qt.MouseButton.LeftButton)
    assert penal_rows(detail)[0][FollowedPenalDeadlinesModel.STATE] == "Bientôt (dans 22 j)"
    dialogs.answer = False
    qtbot.mouseClick(detail.unfollow_button, Qt.MouseButton.LeftButton)
    assert len(stored(context)) == 1
    dialogs.answer = True
    qtbot.mouseClick(detail.unfollow_button, Qt.MouseButton.LeftButton)
    assert dialogs.questions[-1] == ("Ne plus suivre « Appel à la Cour supérieure » sur ce mandat ? Il disparaîtra "
                                     "du tableau de bord et du calendrier.")
    assert stored(context) == () and penal_rows(detail) == [] and detail.tabs.tabText(5) == "Délais pénaux (0)"
    assert changed == ["penal_deadline"] * 3


def test_a_period_changed_on_another_workstation_is_refused_and_shown_as_it_is(qtbot, context, detail, dialogs):
    with context.unit_of_work() as uow:
        saved = penal_deadlines.follow(uow, 1, "appeal", date(2026, 11, 12), "", user="atremblay", now=NOW)
    detail.show_work(detail.work)
    detail.tables["penal"].selectRow(0)
    with context.unit_of_work() as uow:
        penal_deadlines.mark_done(uow, saved.id, version=saved.version, done_on=date(2026, 11, 20), user="poste-2",
                                  now=NOW)
    qtbot.mouseClick(detail.done_button, Qt.MouseButton.LeftButton)
    assert dialogs.take_warnings() == [
        "Ce délai pénal a été modifié ou retiré ailleurs depuis que vous l'avez ouvert : rouvrez le mandat pour voir "
        "la version actuelle."]
    assert penal_rows(detail)[0][FollowedPenalDeadlinesModel.STATE] == "Fait le 20 novembre 2026"


@pytest.fixture
def tool_screen(qtbot, context):
    return show_screen(qtbot, tools.Screen(context), 1100, 760)


def test_outils_follows_the_period_chosen_on_the_prefilled_mandate(qtbot, context, tool_screen, changed):
    tool = tool_screen.show_tool("penal_deadlines")
    assert tool.follow_row.isHidden()
    field = tool_screen.findChild(QLineEdit, "mandate")
    qtbot.keyClicks(field, "heureux")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not tool.follow_row.isHidden()
    tool.event_date.clear()
    qtbot.keyClicks(tool.event_date, "2026-11-20")
    tool.event_choice.lineEdit().selectAll()
    qtbot.keyClicks(tool.event_choice.lineEdit(), "Le jugement")
    qtbot.keyClick(tool.event_choice.lineEdit(), Qt.Key.Key_Return)
    assert [tool.follow_choice.itemData(i) for i in range(tool.follow_choice.count())] == [
        "disposition_order_executory", "fine_executory"]
    tool.follow_choice.setCurrentIndex(1)
    button = tool.findChild(QPushButton, "follow_on_mandate")
    assert button.text() == "Suivre sur le mandat"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # art. 237: 30 days after Friday 20 November 2026, Sunday 20 December -> Monday 21 (art. 17)
    [entry] = stored(context)
    assert (entry.record.period, entry.record.event_on, entry.deadline.due) == (
        "fine_executory", date(2026, 11, 20), date(2026, 12, 21))
    assert tool.follow_status.text().startswith("« Fin du délai avant l'exécution du jugement imposant une amende » "
                                                "suivi sur le mandat 500-73-000123-261")
    assert changed == ["penal_deadline"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert tool.findChild(QLabel, "error_event_on").text().startswith("Date de l'événement : ce délai est déjà suivi")
    assert len(stored(context)) == 1
