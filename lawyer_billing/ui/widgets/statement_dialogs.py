"""The questions the Relevés and Différends screens ask in a dialog: confirm, where to save.

Modal dialogs wait for a click that never comes in a test, so the screens call them through
this module and the tests replace these functions.
"""

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def choose_save_file(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    """The file the lawyer chose to write, or ``None`` if they cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return path or None


def choose_folder(parent: QWidget | None, title: str, start: str) -> str | None:
    """The folder the lawyer chose, or ``None`` if they cancelled."""
    return QFileDialog.getExistingDirectory(parent, title, start) or None
