"""What every section of the Paramètres screen shares (and the layout helpers the Outils use
too): Enter saves, Esc puts back what is stored, a change not yet saved is known (the main
window asks before closing), a service call runs in its own unit of work with its problems
shown beside the fields, and the texts follow the language."""

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from lawyer_billing.domain.validation import FieldProblem, InvalidRecord
from lawyer_billing.services.settings import Preferences, SettingsError, load_preferences, save_preferences
from lawyer_billing.storage.unit_of_work import UnitOfWork
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets.fields import FieldMessages
from lawyer_billing.ui.widgets.retranslating import Retranslating
from lawyer_billing.ui.widgets.typed_text import typed_text

T = TypeVar("T")
#: a paragraph the lawyer must not miss (what the application does not know)
NOTICE_STYLE = "background: #fff8e1; border: 1px solid #e0b84c; border-radius: 3px; padding: 6px;"


def ask(parent: QWidget, title: str, text: str) -> bool:
    """Yes or no before an action that cannot be undone (tests replace this function)."""
    answer = QMessageBox.question(
        parent, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def boxed(layout) -> QWidget:
    """A layout as one widget, to put a row of fields in one cell of a form."""
    box = QWidget()
    layout.setContentsMargins(0, 0, 0, 0)
    box.setLayout(layout)
    return box


def button_row(*buttons: QWidget) -> QHBoxLayout:
    """Buttons at their natural width, on the left."""
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def explanation() -> QLabel:
    """A paragraph that says what a section is for (its text is set in ``retranslate``)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def _value(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return typed_text(widget)
    if isinstance(widget, QComboBox):
        return widget.currentData()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    raise TypeError(f"champ non suivi : {type(widget).__name__}")


class SettingsSection(Retranslating, QWidget):
    """A form of settings; subclasses build their fields, ``load`` them and ``save`` them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.messages = FieldMessages()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet("color: #1b5e20;")
        self._tracked: list[QWidget] = []
        self._stored: tuple = ()
        QShortcut(QKeySequence("Ctrl+Return"), self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- what the subclasses give ------------------------------------------------------------

    def load(self) -> None:
        """Put the stored values in the fields, then ``remember_stored``."""
        raise NotImplementedError

    def save(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        raise NotImplementedError

    # -- unsaved changes -----------------------------------------------------------------------

    def track(self, *widgets: QWidget) -> None:
        """Fields whose changes count as unsaved work until ``remember_stored``."""
        for widget in widgets:
            self._tracked.append(widget)
            for signal in ("textChanged", "currentIndexChanged", "toggled"):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(self._edited)
                    break

    def _state(self) -> tuple:
        return tuple(_value(widget) for widget in self._tracked)

    def remember_stored(self) -> None:
        self._stored = self._state()

    def has_unsaved_changes(self) -> bool:
        return self._state() != self._stored

    def _edited(self) -> None:
        if self.has_unsaved_changes():
            self.status.clear()

    def revert(self) -> None:
        """Esc: the fields go back to what is stored, their messages are cleared."""
        self.messages.clear()
        self.load()

    # -- running a use case ----------------------------------------------------------------------

    def run(self, action: Callable[[UnitOfWork], T]) -> T | None:
        """``action(uow)`` in its own unit of work; ``None`` once the user was told why it failed."""

        def call() -> T:
            with self.context.unit_of_work() as uow:
                return action(uow)

        return attempt(self, call, self.messages)

    def change_preferences(self, change: Callable[[Preferences], Preferences], field: str) -> Preferences | None:
        """Save the preferences as ``change`` leaves them; a refused value is shown under ``field``."""

        def action(uow: UnitOfWork) -> Preferences:
            preferences = change(load_preferences(uow))
            try:
                save_preferences(uow, preferences)
            except SettingsError as refused:
                raise InvalidRecord([FieldProblem(field, str(refused))]) from None
            uow.commit()
            return preferences

        return self.run(action)

    def read(self, action: Callable[[UnitOfWork], T]) -> T:
        """What ``action(uow)`` reads; nothing is written."""
        with self.context.unit_of_work() as uow:
            return action(uow)

    def done(self, text: str) -> None:
        """Say what was saved, and tell the other screens (a rate or a holiday changes amounts)."""
        self.status.setText(text)
        self.context.events.changed.emit("settings")

    # -- keyboard and language -------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
        elif event.key() == Qt.Key.Key_Escape:
            self.revert()
        else:
            super().keyPressEvent(event)
