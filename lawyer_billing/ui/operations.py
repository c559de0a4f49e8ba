"""Running a user's action and telling them how it went, the same way on every screen.

``attempt`` calls a service: problems with what was typed go beside their fields (or in one
message when the form has no place for them); a refusal from storage (a record changed
elsewhere, a finalized statement) is shown as its sentence; anything unexpected is logged
with its details and shown with a "Copier les détails" button, and nothing was saved since
the service's unit of work rolled back. Dialogs go through ``warn`` and ``report_error`` so
that tests can replace them (a modal dialog would wait for a click that never comes).
"""

import logging
import traceback
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.storage.errors import StorageError
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.fields import FieldMessages

T = TypeVar("T")
log = logging.getLogger("lawyer_billing")


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def report_error(parent: QWidget | None, text: str, details: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, tr("Erreur inattendue"), text, QMessageBox.StandardButton.Close, parent)
    box.setDetailedText(details)
    copy = QPushButton(tr("Copier les détails"))
    box.addButton(copy, QMessageBox.ButtonRole.ActionRole)
    copy.clicked.disconnect()
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(f"{text}\n\n{details}"))
    box.exec()


def attempt(parent: QWidget | None, action: Callable[[], T], messages: FieldMessages | None = None) -> T | None:
    """``action()``'s result, or ``None`` after telling the user why it did not happen."""
    if messages is not None:
        messages.clear()
    try:
        return action()
    except InvalidRecord as invalid:
        shown = [p for p in invalid.problems if messages is not None and p.field in messages.labels]
        if messages is not None:
            messages.show(shown)
        rest = [tr(p.message_fr) for p in invalid.problems if p not in shown]
        if rest:
            warn(parent, tr("À corriger"), "\n".join(rest))
    except StorageError as refused:
        warn(parent, tr("Enregistrement refusé"), str(refused))
    except Exception as error:
        log.exception("erreur inattendue dans l'interface")
        report_error(
            parent,
            tr("Erreur inattendue : l'opération n'a pas été faite et rien n'a été enregistré."),
            "".join(traceback.format_exception(error)),
        )
    return None
