"""Long jobs on a worker thread: progress and result come back on the window's thread, Cancel
stops the export of a year of statements midway and leaves no file behind, and a failure is
reported as a sentence."""

import threading
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from lawyer_billing.domain.validation import FieldProblem, raise_if_any
from lawyer_billing.services.statements import export_year
from lawyer_billing.storage.unit_of_work import UnitOfWork
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.screens.statements import Screen
from lawyer_billing.ui.widgets import statement_dialogs
from lawyer_billing.ui.worker import BackgroundTask, ProgressPanel
from tests.helpers import Cabinet


@pytest.fixture
def year_2026(engine):
    """Three statements finalized in 2026."""
    cabinet = Cabinet(engine)
    for number, client in (("500-01-1", "Zoé L'Heureux"), ("500-01-2", "Marc Côté"), ("500-01-3", "Léa Roy")):
        mandate = cabinet.mandate(number, client)
        cabinet.service(mandate, "T127", date(2026, 10, 15))
        cabinet.finalized([mandate])
    return engine


def panel_on(qtbot) -> ProgressPanel:
    panel = ProgressPanel()
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_progress_and_result_come_back_on_the_window_thread(qtbot):
    panel = panel_on(qtbot)
    threads = []

    def job(progress, cancelled):
        threads.append(threading.current_thread())
        for done in range(1, 4):
            progress(done, 3)
        return "fini"

    task = BackgroundTask(job)
    steps = []
    task.progressed.connect(lambda done, total: steps.append((done, total, threading.current_thread())))
    with qtbot.waitSignal(task.succeeded) as result:
        panel.run(task, "Travail")
    assert result.args == ["fini"] and threads[0] is not threading.main_thread()
    assert [(done, total) for done, total, _ in steps] == [(1, 3), (2, 3), (3, 3)]
    assert all(thread is threading.main_thread() for _, _, thread in steps)
    qtbot.waitUntil(lambda: not panel.isVisible())


def test_cancelling_midway_leaves_no_file(qtbot, year_2026, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    first_written = threading.Event()
    go_on = threading.Event()

    def job(progress, cancelled):
        def step(done, total):
            progress(done, total)
            if done == 1:  # the first PDF is written: wait for the lawyer's click
                first_written.set()
                go_on.wait(10)

        with UnitOfWork(year_2026) as uow:
            return export_year(uow, 2026, folder, progress=step, cancelled=cancelled)

    panel = panel_on(qtbot)
    task = BackgroundTask(job)
    panel.run(task, "Exportation des relevés de 2026")
    qtbot.waitUntil(first_written.is_set)
    qtbot.waitUntil(lambda: panel.bar.value() == 1 and panel.bar.maximum() == 4)
    assert [p.name for p in folder.iterdir()] == [".releve-R-2026-0001.pdf.partiel"]  # written, not yet in place
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.label.text() == "Annulation…" and not panel.cancel_button.isEnabled()
    with qtbot.waitSignal(task.cancelled):
        go_on.set()
    assert list(folder.iterdir()) == []
    qtbot.waitUntil(lambda: not panel.isVisible())


def test_a_refused_job_is_reported_as_its_sentence(qtbot):
    def job(progress, cancelled):
        raise_if_any([FieldProblem("year", "Aucun relevé n'a été finalisé en 2031.")])

    task = BackgroundTask(job)
    with qtbot.waitSignal(task.failed) as failure:
        panel_on(qtbot).run(task, "Exportation")
    assert failure.args == ["Aucun relevé n'a été finalisé en 2031.", ""]


def test_the_year_is_exported_from_the_relevés_screen(qtbot, year_2026, dialogs, tmp_path, monkeypatch):
    monkeypatch.setattr(statement_dialogs, "choose_folder", lambda parent, title, start: str(tmp_path))
    context = AppContext(engine=year_2026, database="cabinet.sqlite3", clock=lambda: datetime(2026, 11, 22, 9, 30))
    screen = Screen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.refresh()
    assert screen.year.value() == 2026 and screen.export_button.isEnabled()
    qtbot.mouseClick(screen.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.export_message.text() != "", timeout=10_000)
    assert screen.export_message.text() == f"4 fichier(s) écrit(s) dans {tmp_path}"
    assert sorted(p.name for p in tmp_path.glob("releve*")) == [
        "releve-R-2026-0001.pdf", "releve-R-2026-0002.pdf", "releve-R-2026-0003.pdf", "releves-2026.xlsx"]
