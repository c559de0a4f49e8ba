"""Starting Qt: the application object, the main window in the lawyer's language, the self-test.

The window is shown before the figures of its first screen are known (the Tableau de bord
computes them on a worker thread); when it is closed, the process waits for the work still
running on the worker threads before it ends: the interpreter must not finalize under a
thread still running Python, which would report into objects already gone.
"""

import os
import sys

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from lawyer_billing.services.settings import load_preferences
from lawyer_billing.ui.application_style import apply_style
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.main_window import MainWindow


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("lawyer_billing")
    app.setOrganizationName("lawyer_billing")
    apply_style(app)
    return app


def has_display() -> bool:
    """Whether a window can be shown (X11, Wayland, or a platform chosen explicitly)."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _window(engine, database: str) -> MainWindow:
    context = AppContext(engine=engine, database=database)
    with context.unit_of_work() as uow:
        context.language = load_preferences(uow).language
    install_language(context.language)
    return MainWindow(context)


def run_window(engine, database: str) -> int:
    app = _application()
    window = _window(engine, database)
    window.show()
    code = app.exec()
    _finish_background_work()
    return code


def window_self_test(engine, database: str) -> str:
    """Open and close the main window offscreen; return the Qt platform that was used."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = _application()
    window = _window(engine, database)
    window.show()
    app.processEvents()
    shown = window.isVisible()
    window.close()
    app.processEvents()
    _finish_background_work()
    if not shown:
        raise RuntimeError("la fenêtre principale ne s'est pas affichée")
    return app.platformName()


def _finish_background_work() -> None:
    """Wait for the jobs still on the worker threads (a dashboard computing when the window
    was closed ends within seconds, its result dropped: no event loop delivers it)."""
    QThreadPool.globalInstance().waitForDone()
