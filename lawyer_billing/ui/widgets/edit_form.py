"""A form that edits one record in place: labelled fields with their message underneath, Enter
saves, Esc cancels (asking first when something was typed), and the form knows whether what
is on screen differs from what was loaded, so nothing typed is lost by a click elsewhere.

A subclass adds its fields, names their labels in ``field_texts`` (read again when the
language changes), builds its record in ``record()`` (raising ``InvalidRecord`` for what
cannot be read) and saves it in ``save(record)``, which runs through ``operations.attempt``.
"""

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.validation import FieldProblem, InvalidRecord
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets.fields import FieldMessages, with_message
from lawyer_billing.ui.widgets.retranslating import Retranslating
from lawyer_billing.ui.widgets.screen_parts import detail_title
from lawyer_billing.ui.widgets.typed_text import typed_text


def ask(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes or no before losing what was typed (tests replace this function: a modal dialog
    would wait for a click that never comes)."""
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def discard_typed(parent: QWidget | None) -> bool:
    return ask(parent, tr("Modifications non enregistrées"),
               tr("Ce que vous avez tapé n'est pas enregistré. L'abandonner ?"))


def widget_state(widget: QWidget) -> Any:
    """What the user can change in a field, to compare with what was loaded."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QPlainTextEdit):
        return typed_text(widget)
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return None


class EditForm(Retranslating, QWidget):
    #: the record as saved
    saved = Signal(object)
    #: the user left the form without saving
    cancelled = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.messages = FieldMessages()
        self.fields: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._loaded: dict[str, Any] = {}
        self.title = detail_title("form_title")
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save")
        self.save_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        #: the form's columns, left to right: ``form``, then those ``add_column`` adds; a form of
        #: one column keeps to the left half, so that its fields are not stretched too wide
        self.columns = QHBoxLayout()
        self.columns.addLayout(self.form, 1)
        self.columns.addStretch(1)
        #: what goes under the columns, across the form
        self.below = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(self.columns)
        layout.addLayout(self.below)
        layout.addStretch(1)
        layout.addLayout(buttons)

    # -- building -------------------------------------------------------------------------

    def add_field(self, name: str, widget: QWidget, form: QFormLayout | None = None) -> QWidget:
        """Add ``widget`` under a label, with the red message of ``name`` underneath."""
        widget.setObjectName(name)
        label = QLabel()
        label.setBuddy(widget)
        (form or self.form).addRow(label, with_message(widget, self.messages.label_for(name)))
        self.fields[name] = widget
        self._labels[name] = label
        return widget

    def add_column(self, column) -> None:
        """A second column of fields (a layout), beside ``form``, sharing the width with it."""
        if self.columns.count() == 2 and self.columns.itemAt(1).spacerItem() is not None:
            self.columns.takeAt(1)
        self.columns.addLayout(column, 1)

    def field_texts(self) -> dict[str, str]:
        """Each field's label, through ``tr``."""
        raise NotImplementedError

    def title_text(self) -> str:
        raise NotImplementedError

    def retranslate(self) -> None:
        for name, text in self.field_texts().items():
            self._labels[name].setText(text)
        self.title.setText(self.title_text())
        self.save_button.setText(tr("Enregistrer (Entrée)"))
        self.cancel_button.setText(tr("Annuler (Échap)"))

    # -- state ----------------------------------------------------------------------------

    def mark_clean(self) -> None:
        """What is on screen now is what is stored."""
        self._loaded = self._state()
        self.messages.clear()

    def has_unsaved_changes(self) -> bool:
        return self._state() != self._loaded

    def _state(self) -> dict[str, Any]:
        return {name: widget_state(widget) for name, widget in self.fields.items()}

    def show_problems(self, problems: Iterable[FieldProblem]) -> None:
        problems = list(problems)
        self.messages.show(problems)
        first = next((self.fields[p.field] for p in problems if p.field in self.fields), None)
        if first is not None:
            first.setFocus()

    # -- actions --------------------------------------------------------------------------

    def record(self) -> Any:
        """The record the fields describe; ``InvalidRecord`` for what cannot be read."""
        raise NotImplementedError

    def save(self, record: Any) -> Any:
        """Save ``record`` through a service; return it saved (``None``: not saved)."""
        raise NotImplementedError

    def read_typed(self, names: Iterable[str]) -> dict[str, Any]:
        """The values of the typed fields ``names``; ``InvalidRecord`` naming each that cannot be read."""
        values, problems = self.messages.read({name: self.fields[name] for name in names})
        if problems:
            raise InvalidRecord(problems)
        return values

    def submit(self) -> None:
        try:
            record = self.record()
        except InvalidRecord as invalid:
            self.show_problems(invalid.problems)
            return
        saved = attempt(self, lambda: self.save(record), self.messages)
        if saved is None:
            first = next((w for n, w in self.fields.items() if self.messages.message(n)), None)
            if first is not None:
                first.setFocus()
            return
        self.mark_clean()
        self.saved.emit(saved)

    def cancel(self) -> None:
        if self.has_unsaved_changes() and not discard_typed(self):
            return
        self.mark_clean()
        self.cancelled.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if isinstance(focused, (QPushButton, QToolButton)) and self.isAncestorOf(focused):
                focused.click()  # Enter on « Annuler » cancels, on « Nouveau bureau… » opens it
            else:
                self.submit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)
