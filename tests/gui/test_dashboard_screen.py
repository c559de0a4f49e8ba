"""The Tableau de bord as a lawyer uses it, on a real SQLite file: what it shows on 22 November
2026, opening a record with a double-click or Enter, exporting the calendar, reloading after
another screen saved, the first-day welcome and the English texts; and its figures computed
on a worker thread: « Calcul… » meanwhile, a newer computation winning over an older one, a
failure shown, nothing reported to a screen destroyed or a window closed."""

import stat
import threading
from datetime import date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from lawyer_billing.domain.mandate import EndReason
from lawyer_billing.services import dashboard as dashboard_service
from lawyer_billing.services.deadlines import RecordRef, Urgency
from lawyer_billing.services.settings import Preferences, save_preferences
from lawyer_billing.storage.deadline_log_store import DeadlineLog
from lawyer_billing.storage.errors import DatabaseUnreachableError
from lawyer_billing.storage.unit_of_work import UnitOfWork
from lawyer_billing.ui import operations
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.models.dashboard import OVERDUE_COLOUR
from lawyer_billing.ui.models.records import RECORD_ROLE
from lawyer_billing.ui.screens.dashboard import Screen
from tests.gui.showing import show_screen
from tests.helpers import StoredWork, payment_work

NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture
def work(engine):
    """Two deadlines, each counted in ``test_deadlines_service.py`` (a filing overdue since
    20 November, art. 15; a payment due 30 November, art. 15), and two services not billed."""
    work = StoredWork(engine)
    work.ids = {
        "late": work.mandate("500-01-000002-231", "Marc Côté", issued=date(2023, 1, 9), ended=date(2023, 11, 20),
                             reason=EndReason.WITHDRAWAL),
        "statement": payment_work(work),
        "open": work.mandate("500-01-000013-261", "Hugo Lévesque", issued=date(2026, 8, 3)),
    }
    work.service(work.ids["open"], "T127", date(2026, 10, 19))  # 330 $ not billed
    work.ids["service"] = work.service(work.ids["open"], "T130", date(2026, 10, 20))  # the office fixes it (art. 14)
    with UnitOfWork(engine) as uow:
        save_preferences(uow, Preferences(fees_before={"2026-2027": Decimal("104670.00")}))
        uow.commit()
    return work


def screen_on(qtbot, engine, language="fr", clock=lambda: NOW) -> Screen:
    """The screen shown, its figures computed and laid out."""
    return computed(qtbot, shown_computing(qtbot, engine, language, clock))


def shown_computing(qtbot, engine, language="fr", clock=lambda: NOW) -> Screen:
    """The screen shown; its figures are being computed on a worker thread."""
    context = AppContext(engine=engine, database="cabinet.sqlite3", clock=clock, user="atremblay", language=language)
    return show_screen(qtbot, Screen(context), 1100, 760)


def computed(qtbot, screen: Screen) -> Screen:
    qtbot.waitUntil(lambda: not screen.is_computing(), timeout=10_000)
    return screen


def logged(engine, day: date) -> list[tuple[str, str]]:
    with UnitOfWork(engine) as uow:
        return [(e.subject, e.state) for e in DeadlineLog(uow.session).on(day)]


def rows(view, parent):
    model = view.model()
    return [model.index(row, 2, parent).data() for row in range(model.rowCount(parent))]


def test_deadlines_fiscal_year_and_lists_are_shown(qtbot, engine, work):
    screen = screen_on(qtbot, engine)
    model = screen.deadline_model
    overdue = model.group_index(Urgency.OVERDUE)
    assert rows(screen.deadlines, overdue) == ["Mandat 500-01-000002-231 (Marc Côté)"]
    assert model.index(0, 3, overdue).data() == "entente art. 15"
    assert model.index(0, 0, overdue).data(Qt.ItemDataRole.ForegroundRole) == OVERDUE_COLOUR
    assert rows(screen.deadlines, model.group_index(Urgency.THIS_MONTH)) == ["Relevé R-2026-014 (Nadia Roy)"]
    assert screen.deadlines.isExpanded(overdue) and not screen.deadlines.isExpanded(model.group_index(Urgency.LATER))
    # art. 22: 104 670 $ before the application + 330 $ (T127 not billed) = 105 000 $: 75 % exactly
    assert screen.year_box.title() == "Exercice 2026-2027 — seuil de 140\u00a0000,00\u00a0$ (art. 22)"
    assert screen.gauge_text.text().startswith("<b>105\u00a0000,00\u00a0$</b> sur 140\u00a0000,00\u00a0$ (75,0\u00a0%)")
    assert screen.alert.text() == ("Alerte 75 % : les trois quarts du seuil sont atteints. "
                                   "Marge restante : 35\u00a0000,00\u00a0$.")
    assert [screen.lists.tabText(i) for i in range(3)] == [
        "Services non facturés (1)", "Relevés en attente de paiement (1)", "Vérifications avant transmission (1)"]
    assert screen.findings_model.index(0, 5).data().startswith("T130 n'a pas de taux au tarif")
    assert screen.as_of.text() == "En date du 22 novembre 2026" and screen.welcome.isHidden()
    # what was shown is in the dated log
    assert logged(engine, NOW.date()) == [("500-01-000002-231", "overdue"), ("R-2026-014", "due_soon")]


def test_a_double_click_on_a_deadline_opens_its_mandate(qtbot, engine, work):
    screen = screen_on(qtbot, engine)
    index = screen.deadline_model.index(0, 2, screen.deadline_model.group_index(Urgency.OVERDUE))
    rect = screen.deadlines.visualRect(index)
    opened = []
    screen.context.events.open_record.connect(lambda kind, record_id: opened.append((kind, record_id)))
    qtbot.mouseClick(screen.deadlines.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == []  # a single click only selects
    qtbot.mouseDClick(screen.deadlines.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [("mandate", work.ids["late"])]


def test_enter_on_a_row_opens_its_record(qtbot, engine, work):
    screen = screen_on(qtbot, engine)
    screen.lists.setCurrentWidget(screen.awaiting)
    screen.awaiting.setFocus()
    screen.awaiting.setCurrentIndex(screen.awaiting_model.index(0, 0))
    with qtbot.waitSignal(screen.context.events.open_record) as opened:
        qtbot.keyClick(screen.awaiting, Qt.Key.Key_Return)
    assert opened.args == ["statement", work.ids["statement"]]
    screen.lists.setCurrentWidget(screen.findings)
    screen.findings.setFocus()
    screen.findings.setCurrentIndex(screen.findings_model.index(0, 0))
    with qtbot.waitSignal(screen.context.events.open_record) as opened:
        qtbot.keyClick(screen.findings, Qt.Key.Key_Enter)
    assert opened.args == ["service", work.ids["service"]]


def test_the_deadlines_are_exported_as_a_calendar(qtbot, engine, work, tmp_path, monkeypatch):
    screen = screen_on(qtbot, engine)
    monkeypatch.setattr("lawyer_billing.ui.screens.dashboard.choose_calendar_file",
                        lambda parent, suggested: str(tmp_path / "échéances"))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "échéances.ics"
    text = written.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 2 and "DTSTART;VALUE=DATE:20261130" in text
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert screen.export_message.text() == "2 échéance(s) écrite(s) dans échéances.ics"


def test_a_calendar_that_cannot_be_written_is_one_warning(qtbot, engine, work, tmp_path, monkeypatch):
    screen = screen_on(qtbot, engine)
    (tmp_path / "fichier").write_text("pas un dossier")
    monkeypatch.setattr("lawyer_billing.ui.screens.dashboard.choose_calendar_file",
                        lambda parent, suggested: str(tmp_path / "fichier" / "échéances.ics"))
    warnings = []
    monkeypatch.setattr("lawyer_billing.ui.operations.warn", lambda parent, title, text: warnings.append((title, text)))
    monkeypatch.setattr("lawyer_billing.ui.operations.report_error", lambda *args: pytest.fail("unexpected error"))
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    assert [title for title, _ in warnings] == ["Exportation impossible"]
    where = tmp_path / "fichier" / "échéances.ics"
    assert warnings[0][1].startswith(f"Le calendrier n'a pas pu être écrit dans {where} : ")
    assert screen.export_message.text() == ""


def test_it_reloads_when_shown_after_another_screen_saved(qtbot, engine, work):
    screen = screen_on(qtbot, engine)
    work.service(work.ids["open"], "T127", date(2026, 11, 9))
    screen.refresh()  # nothing saved elsewhere: what is shown stays
    assert screen.unbilled_model.record(0).services == 2
    screen.mark_stale()
    screen.refresh()
    computed(qtbot, screen)
    assert screen.unbilled_model.record(0).services == 3
    assert screen.unbilled_model.index(0, 0).data(RECORD_ROLE) == RecordRef("mandate", work.ids["open"])


def test_left_open_overnight_it_counts_from_the_new_day(qtbot, engine, work):
    now = [NOW]
    screen = screen_on(qtbot, engine, clock=lambda: now[0])
    now[0] = datetime(2026, 11, 23, 8, 0)
    screen.refresh()
    computed(qtbot, screen)
    assert screen.as_of.text() == "En date du 23 novembre 2026"
    # art. 15: the payment due Monday 30 November is now 7 days away: this week
    assert rows(screen.deadlines, screen.deadline_model.group_index(Urgency.THIS_WEEK)) == [
        "Relevé R-2026-014 (Nadia Roy)"]


def test_a_new_user_is_told_what_to_do_first(qtbot, engine):
    screen = screen_on(qtbot, engine)
    assert screen.welcome.isVisible() and not screen.content.isVisible() and not screen.export_button.isVisible()
    assert "Paramètres" in screen.welcome.text() and "premier mandat" in screen.welcome.text()


def test_the_screen_switches_to_english_in_place(qtbot, engine, work):
    screen = screen_on(qtbot, engine)
    screen.context.language = "en"
    install_language("en")
    try:
        qtbot.waitUntil(lambda: screen.heading.text() == "Dashboard")
        assert screen.export_button.text() == "Export deadlines (iCalendar)…"
        assert screen.as_of.text() == "As of November 22, 2026"
        assert screen.deadline_model.index(0, 0).data() == "Overdue (1)"
        assert screen.alert.text() == "75% alert: three quarters of the threshold are reached. Room left: $35,000.00."
    finally:
        screen.context.language = "fr"
        install_language("fr")
    qtbot.waitUntil(lambda: screen.heading.text() == "Tableau de bord")


class HeldComputations:
    """Stands for ``services.dashboard.compute_dashboard`` on the screen: each computation is the real
    one, which then waits for the test to release it, so that the test decides when, and in
    which order, figures arrive."""

    def __init__(self, monkeypatch) -> None:
        self.threads: list[threading.Thread] = []
        self.gates: list[threading.Event] = []
        monkeypatch.setattr("lawyer_billing.ui.screens.dashboard.compute_dashboard", self)

    def __call__(self, uow, today):
        gate = threading.Event()
        self.threads.append(threading.current_thread())
        self.gates.append(gate)
        shown = dashboard_service.compute_dashboard(uow, today)
        assert gate.wait(10), "never released"
        return shown

    def started(self, qtbot, count: int) -> None:
        qtbot.waitUntil(lambda: len(self.gates) == count)

    def release(self, qtbot, screen: Screen, index: int) -> None:
        """Let computation ``index`` end, and wait until its result has come back."""
        task = screen.task
        with qtbot.waitSignal(task.ended, timeout=10_000):
            self.gates[index].set()


def test_the_screen_shows_at_once_and_the_figures_follow_from_a_worker_thread(qtbot, engine, work, monkeypatch,
                                                                              dialogs):
    held = HeldComputations(monkeypatch)
    screen = shown_computing(qtbot, engine)
    held.started(qtbot, 1)
    assert held.threads[0] is not threading.main_thread()
    assert screen.pending.isVisible() and screen.busy.isVisible() and not screen.retry_button.isVisible()
    assert screen.status.text() == "Calcul du tableau de bord…"
    assert not screen.content.isVisible() and not screen.welcome.isVisible() and not screen.export_button.isVisible()
    assert screen.as_of.text() == ""
    computing = screen.task
    screen.refresh()  # shown again meanwhile, nothing saved: the computation under way goes on
    assert screen.task is computing
    # the worker holds its read transaction open: a save on the window's thread still goes through
    work.service(work.ids["open"], "T127", date(2026, 11, 9))
    assert logged(engine, NOW.date()) == []  # logged once shown, not before
    held.release(qtbot, screen, 0)
    assert not screen.is_computing() and not screen.pending.isVisible() and screen.content.isVisible()
    assert screen.as_of.text() == "En date du 22 novembre 2026" and screen.unbilled_model.rowCount() == 1
    assert logged(engine, NOW.date()) == [("500-01-000002-231", "overdue"), ("R-2026-014", "due_soon")]


def test_a_newer_computation_wins_over_an_older_one_still_running(qtbot, engine, work, monkeypatch, dialogs):
    now = [NOW]
    held = HeldComputations(monkeypatch)
    screen = shown_computing(qtbot, engine, clock=lambda: now[0])
    held.started(qtbot, 1)
    older = screen.task
    now[0] = datetime(2026, 11, 23, 8, 0)
    screen.refresh()  # the day changed while the first computation ran: computed again
    held.started(qtbot, 2)
    assert older.is_cancelled() and screen.task is not older
    held.release(qtbot, screen, 1)
    assert screen.as_of.text() == "En date du 23 novembre 2026"
    with qtbot.waitSignal(older.ended, timeout=10_000):
        held.gates[0].set()
    # the figures of the 22nd came back last, and were dropped, not logged
    assert screen.as_of.text() == "En date du 23 novembre 2026" and not screen.is_computing()
    assert rows(screen.deadlines, screen.deadline_model.group_index(Urgency.THIS_WEEK)) == [
        "Relevé R-2026-014 (Nadia Roy)"]
    assert logged(engine, NOW.date()) == []
    assert logged(engine, date(2026, 11, 23)) == [("500-01-000002-231", "overdue"), ("R-2026-014", "due_soon")]


def test_a_failed_computation_is_reported_and_can_be_tried_again(qtbot, engine, work, monkeypatch):
    errors = []
    monkeypatch.setattr(operations, "report_error", lambda parent, text, details: errors.append((text, details)))
    failures = [RuntimeError("disque plein")]

    def fails_once(uow, today):
        if failures:
            raise failures.pop()
        return dashboard_service.compute_dashboard(uow, today)

    monkeypatch.setattr("lawyer_billing.ui.screens.dashboard.compute_dashboard", fails_once)
    screen = computed(qtbot, shown_computing(qtbot, engine))
    assert [text for text, _ in errors] == ["Erreur inattendue : l'opération n'a pas été terminée."]
    assert "RuntimeError: disque plein" in errors[0][1]
    assert screen.status.text() == "Le tableau de bord n'a pas pu être calculé."
    assert screen.retry_button.isVisible() and not screen.busy.isVisible() and not screen.content.isVisible()
    qtbot.mouseClick(screen.retry_button, Qt.MouseButton.LeftButton)
    computed(qtbot, screen)
    assert screen.content.isVisible() and not screen.pending.isVisible() and len(errors) == 1


def test_a_refusal_from_storage_is_shown_as_its_sentence(qtbot, engine, monkeypatch):
    warnings = []
    monkeypatch.setattr(operations, "warn", lambda parent, title, text: warnings.append((title, text)))
    monkeypatch.setattr(operations, "report_error", lambda *args: pytest.fail("unexpected error"))

    def unreachable(uow, today):
        raise DatabaseUnreachableError("Impossible de joindre la base de données cabinet : délai dépassé")

    monkeypatch.setattr("lawyer_billing.ui.screens.dashboard.compute_dashboard", unreachable)
    computed(qtbot, shown_computing(qtbot, engine))
    assert warnings == [("Tableau de bord non calculé",
                         "Impossible de joindre la base de données cabinet : délai dépassé")]


def test_a_closed_window_is_left_alone_and_computes_again_when_reopened(qtbot, engine, work, monkeypatch, dialogs):
    held = HeldComputations(monkeypatch)
    screen = shown_computing(qtbot, engine)
    held.started(qtbot, 1)
    screen.close()
    held.release(qtbot, screen, 0)
    assert screen.shown is None and screen.as_of.text() == "" and not screen.is_computing()
    assert logged(engine, NOW.date()) == []
    screen.show()
    screen.refresh()
    held.started(qtbot, 2)
    held.release(qtbot, screen, 1)
    assert screen.as_of.text() == "En date du 22 novembre 2026"


def test_a_screen_destroyed_before_its_figures_arrive_is_not_reached(qtbot, engine, work, monkeypatch, dialogs):
    held = HeldComputations(monkeypatch)
    context = AppContext(engine=engine, database="cabinet.sqlite3", clock=lambda: NOW, user="atremblay")
    screen = Screen(context)  # not handed to qtbot, which would close it after the test
    screen.show()
    screen.refresh()
    held.started(qtbot, 1)
    task = screen.task
    screen.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    # a slot run on the deleted screen would raise, and pytest-qt fails the test on it
    with qtbot.waitSignal(task.ended, timeout=10_000):
        held.gates[0].set()
