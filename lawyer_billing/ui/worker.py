"""Long jobs (exporting a year of statements) on a worker thread, with a progress bar and Cancel.

A job is a plain function ``job(progress, cancelled)``: it calls ``progress(done, total)``
as it goes and checks ``cancelled()`` between steps, and it opens its own unit of work (a
database session belongs to the thread that uses it). ``BackgroundTask`` runs it on Qt's
thread pool and reports on the window's thread through signals; ``ProgressPanel`` shows it.
A job that stops (raises) after Cancel was asked is reported as cancelled, whatever it raised; one
that completes is reported as done even if Cancel came too late. It is up to the job to leave
nothing half-done (see ``services.statements.export_year``).
"""

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.storage.errors import StorageError
from lawyer_billing.ui import operations
from lawyer_billing.ui.i18n import tr

Job = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]
log = logging.getLogger("lawyer_billing")


class BackgroundTask(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    #: the sentence to show, and the details to copy (empty for an expected refusal)
    failed = Signal(str, str)
    cancelled = Signal()
    #: after any of the three above
    ended = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self._cancel = threading.Event()

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Runnable(self))

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def _run(self) -> None:
        """On the worker thread: run the job and report how it ended."""
        try:
            result = self.job(self.progressed.emit, self.is_cancelled)
        except Exception as error:  # reported, never raised on a pool thread
            if self.is_cancelled():
                self.cancelled.emit()
            elif isinstance(error, (InvalidRecord, StorageError)):
                self.failed.emit(str(error), "")
            else:
                log.exception("erreur inattendue dans une tâche de fond")
                self.failed.emit(tr("Erreur inattendue : l'opération n'a pas été terminée."),
                                 "".join(traceback.format_exception(error)))
        else:  # finished before it saw the request to cancel: its work is done and reported
            self.succeeded.emit(result)
        self.ended.emit()


def report_failure(parent: QWidget | None, title: str, message: str, details: str) -> None:
    """Show what ``BackgroundTask.failed`` reported the way ``operations.attempt`` shows a
    failure: an expected refusal (no details) as a warning titled ``title``, anything else as
    an unexpected error with its details to copy."""
    if details:
        operations.report_error(parent, message, details)
    else:
        operations.warn(parent, title, message)


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task._run()


class ProgressPanel(QWidget):
    """A label, a progress bar and a Cancel button for one ``BackgroundTask`` at a time."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setObjectName("progress")
        self.bar.setTextVisible(True)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel_task")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self.task: BackgroundTask | None = None
        self.retranslate()
        self.hide()

    def run(self, task: BackgroundTask, text: str) -> None:
        self.task = task
        self.label.setText(text)
        self.bar.setRange(0, 0)  # busy until the job says how much there is
        self.cancel_button.setEnabled(True)
        self.cancel_button.clicked.connect(self._cancel)
        task.progressed.connect(self._progress)
        task.ended.connect(self._ended)
        self.show()
        task.start()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def _cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.label.setText(tr("Annulation…"))

    def _ended(self) -> None:
        self.cancel_button.clicked.disconnect(self._cancel)
        self.task = None
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(tr("Annuler"))
        self.cancel_button.setToolTip(tr("Arrêter : aucun fichier n'est laissé à moitié écrit"))
