"""Fields that accept what a lawyer types (``3 juin``, ``9 h 30``, ``1 234,56``) and say what
is wrong beside the field instead of refusing keystrokes; a date can also be picked."""

from collections.abc import Callable
from datetime import date, time
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from lawyer_billing.domain.formatting import format_number
from lawyer_billing.domain.typed_input import TypedInputError, parse_date, parse_money, parse_time
from lawyer_billing.domain.validation import FieldProblem
from lawyer_billing.ui.i18n import tr


class TypedField(QLineEdit):
    """A line edit whose text is read by ``parse``; ``value()`` raises ``TypedInputError``."""

    def __init__(self, parse: Callable[[str], object], placeholder: str, optional: bool = False, parent=None) -> None:
        super().__init__(parent)
        self._parse = parse
        self.optional = optional
        self.setPlaceholderText(placeholder)

    def value(self):
        if self.optional and not self.text().strip():
            return None
        return self._parse(self.text())


class DateField(TypedField):
    def __init__(self, today: Callable[[], date], optional: bool = False, parent=None) -> None:
        super().__init__(lambda text: parse_date(text, today()), tr("aaaa-mm-jj ou 3 juin"), optional, parent)
        self.setClearButtonEnabled(optional)
        self.picker = QToolButton(self)
        self.picker.setText("▾")
        self.picker.setToolTip(tr("Choisir dans le calendrier"))
        self.picker.setCursor(Qt.CursorShape.ArrowCursor)
        self.picker.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.picker.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        menu = QMenu(self.picker)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(lambda picked: (self.set_value(picked.toPython()), menu.close()))
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.picker.setMenu(menu)
        self.setTextMargins(0, 0, 24, 0)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        size = self.height() - 4
        self.picker.setGeometry(self.width() - size - 2, 2, size, size)

    def set_value(self, day: date | None) -> None:
        self.setText("" if day is None else day.isoformat())
        if day is not None:
            self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))


class TimeField(TypedField):
    def __init__(self, optional: bool = True, parent=None) -> None:
        super().__init__(parse_time, tr("9:30"), optional, parent)

    def set_value(self, moment: time | None) -> None:
        self.setText("" if moment is None else moment.strftime("%H:%M"))


class MoneyField(TypedField):
    def __init__(self, optional: bool = True, language: str = "fr", parent=None) -> None:
        super().__init__(parse_money, tr("0,00"), optional, parent)
        self.language = language
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def set_value(self, amount: Decimal | None) -> None:
        self.setText("" if amount is None else format_number(amount, self.language, places=2))


class FieldMessages:
    """The red message under each field; ``read`` collects every field's problem at once."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}

    def label_for(self, name: str, parent: QWidget | None = None) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(f"error_{name}")
        label.setStyleSheet("color: #b00020;")
        label.setWordWrap(True)
        label.hide()
        self.labels[name] = label
        return label

    def clear(self) -> None:
        for label in self.labels.values():
            label.clear()
            label.hide()

    def show(self, problems: list[FieldProblem]) -> None:
        self.clear()
        for problem in problems:
            label = self.labels.get(problem.field)
            if label is not None:
                label.setText("\n".join(filter(None, [label.text(), tr(problem.message_fr)])))
                label.show()

    def read(self, fields: dict[str, TypedField]) -> tuple[dict, list[FieldProblem]]:
        """Each field's value, and a problem for each that cannot be read."""
        values, problems = {}, []
        for name, field in fields.items():
            try:
                values[name] = field.value()
            except TypedInputError as error:
                problems.append(FieldProblem(name, str(error)))
        return values, problems

    def message(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None and not label.isHidden() else ""


def with_message(field: QWidget, message: QLabel) -> QWidget:
    """A field with its red message right under it, as one cell of a form."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    return box
