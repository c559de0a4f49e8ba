"""The rows of a day in court: one per client or mandate seen that day, typed at speed.

Each row reads: mandate (client or number, completed), tariff item (code or words, completed
with its amount), start and end times, how it ended, the co-accused group; then the amount the
day's pricing gives it, with the articles of the rules that applied (their explanations in the
tooltip). Tab moves through a row and on to the next; Enter on a field moves to the next one,
and on the last field of the last row adds a row. A problem is written under its row, and the
field it concerns is outlined.
"""

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QGridLayout, QLabel, QLineEdit, QToolButton, QWidget

from lawyer_billing.domain.formatting import format_money
from lawyer_billing.domain.service import Disposition
from lawyer_billing.domain.tariff import Tariff
from lawyer_billing.domain.typed_input import TypedInputError
from lawyer_billing.domain.validation import FieldProblem
from lawyer_billing.services.court_day import Attendance, DayLine
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.applied_rules import rule_codes, rule_explanations
from lawyer_billing.ui.models.mandates import MandateChoicesModel
from lawyer_billing.ui.widgets.choice_labels import chosen, dispositions, fill_combo
from lawyer_billing.ui.widgets.completers import ItemCompleter, MandateCompleter
from lawyer_billing.ui.widgets.fields import TimeField
from lawyer_billing.ui.widgets.retranslating import Retranslating

#: the fields of a row, in the order Tab goes through them
FIELDS = ("mandate", "code", "start", "end", "disposition", "co_accused_group")
ROW_FIELD = re.compile(r"rows\[(\d+)\]\.(\w+)")
PROBLEM_STYLE = "border: 1px solid #b00020;"
#: the narrowest each field may be (the grid's columns: number, the fields, amount, rules, remove)
WIDTHS = {"mandate": 240, "code": 56, "start": 48, "end": 48, "disposition": 110, "co_accused_group": 70}


def field_names() -> dict[str, str]:
    return {
        "mandate": tr("Mandat"), "code": tr("Article"), "start": tr("Début"), "end": tr("Fin"),
        "disposition": tr("Issue"), "co_accused_group": tr("Coaccusés"),
    }


class AttendanceRow(QObject):
    """The widgets of one row and the mandate its first field designates."""

    changed = Signal()

    def __init__(self, grid: "AttendanceGrid") -> None:
        super().__init__(grid)
        self.grid = grid
        self.mandate = None
        self.number = QLabel()
        self.number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fields: dict[str, QWidget] = {
            "mandate": QLineEdit(), "code": QLineEdit(), "start": TimeField(), "end": TimeField(),
            "disposition": QComboBox(), "co_accused_group": QLineEdit(),
        }
        for name, widget in self.fields.items():
            widget.setObjectName(name)
            widget.setMinimumWidth(WIDTHS[name])
            widget.installEventFilter(self)
        self.mandate_completer = MandateCompleter(self.fields["mandate"], grid.mandates)
        self.mandate_completer.activated.connect(lambda _text: self.resolve())
        self.item_completer = ItemCompleter(self.fields["code"], grid.tariff, self.governing_date, grid.language)
        for name in ("mandate", "code", "start", "end", "co_accused_group"):
            self.fields[name].textEdited.connect(self.changed)
        self.fields["mandate"].textEdited.connect(self._forget_mandate)
        self.fields["disposition"].currentIndexChanged.connect(self.changed)
        self.amount = QLabel()
        self.amount.setObjectName("amount")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount.setMinimumWidth(72)
        self.rules = QLabel()
        self.rules.setObjectName("rules")
        self.rules.setMinimumWidth(44)
        self.remove = QToolButton()
        self.remove.setText("✕")
        self.remove.setAutoRaise(True)
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove.clicked.connect(lambda: grid.remove_row(self))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        self.message.hide()
        self.resolve_message = ""
        self.retranslate()

    def widgets(self) -> list[QWidget]:
        return [self.number, *self.fields.values(), self.amount, self.rules, self.remove]

    def retranslate(self) -> None:
        fill_combo(self.fields["disposition"], dispositions, blank="")
        self.fields["mandate"].setPlaceholderText(tr("client ou n° de mandat"))
        self.fields["code"].setPlaceholderText(tr("T127"))
        self.fields["co_accused_group"].setPlaceholderText(tr("ex. A"))
        self.remove.setToolTip(tr("Retirer cette ligne"))

    # -- the mandate ------------------------------------------------------------------------

    def _forget_mandate(self) -> None:
        self.mandate = None

    def resolve(self) -> None:
        """Find the mandate typed; show it as « client — numéro », or say why it was not found."""
        field = self.fields["mandate"]
        found, why = self.grid.mandates.resolve(field.text())
        changed = found is not self.mandate
        self.mandate = found
        if found is not None:
            field.setText(MandateChoicesModel.text_of(found))
            field.setCursorPosition(0)
        field.setToolTip(field.text() if found is not None else "")
        self.resolve_message = why
        self.show_problems([FieldProblem("mandate", why)] if why else [])
        if changed:
            self.changed.emit()

    def governing_date(self) -> date:
        """Art. 53: the amounts are those in force when the mandate was issued."""
        return self.mandate.issued_on if self.mandate is not None else self.grid.day()

    # -- reading and showing ---------------------------------------------------------------------

    def is_blank(self) -> bool:
        return all(not w.text().strip() for n, w in self.fields.items() if n != "disposition") \
            and self.fields["disposition"].currentIndex() <= 0

    def attendance(self, index: int) -> tuple[Attendance, list[FieldProblem]]:
        """What the row says, and a problem for each time that cannot be read."""
        times, problems = {}, []
        for name in ("start", "end"):
            try:
                times[name] = self.fields[name].value()
            except TypedInputError as error:
                times[name] = None
                problems.append(FieldProblem(f"rows[{index}].{name}", str(error)))
        if self.resolve_message:
            problems.append(FieldProblem(f"rows[{index}].mandate", self.resolve_message))
        attendance = Attendance(
            mandate_id=self.mandate.id if self.mandate is not None else None,
            code=self.fields["code"].text(),
            start=times["start"],
            end=times["end"],
            disposition=chosen(self.fields["disposition"], Disposition),
            co_accused_group=self.fields["co_accused_group"].text(),
        )
        return attendance, problems

    def show_line(self, line: DayLine | None, language: str) -> None:
        priced = line.priced if line is not None else None
        amount = priced.amount if priced is not None else None
        self.amount.setText(format_money(amount, language) if amount is not None else "")
        self.rules.setText(rule_codes(priced.rules, priced.findings) if priced else "")
        explanation = rule_explanations(priced.rules, priced.findings) if priced else ""
        self.amount.setToolTip(explanation)
        self.rules.setToolTip(explanation)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Each problem under the row, its field outlined (``field`` is the row's own name)."""
        names = field_names()
        problems = sorted(problems, key=lambda p: FIELDS.index(p.field) if p.field in FIELDS else len(FIELDS))
        for name, widget in self.fields.items():
            widget.setStyleSheet(PROBLEM_STYLE if any(p.field == name for p in problems) else "")
        text = "\n".join(f"{names.get(p.field, p.field)} : {tr(p.message_fr)}" for p in problems)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- keys -------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if watched is self.fields["mandate"]:
                self.resolve()
            self.grid.enter_pressed(self, watched)
            return True
        return super().eventFilter(watched, event)


class AttendanceGrid(Retranslating, QWidget):
    """The rows under their column headings; always at least one row."""

    changed = Signal()

    def __init__(self, mandates: MandateChoicesModel, tariff: Callable[[], Tariff], day: Callable[[], date],
                 language: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mandates, self.tariff, self.day, self.language = mandates, tariff, day, language
        self.rows: list[AttendanceRow] = []
        self.layout_ = QGridLayout(self)
        self.layout_.setHorizontalSpacing(6)
        self.layout_.setVerticalSpacing(2)
        self.layout_.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.headings = [QLabel() for _ in range(len(FIELDS) + 3)]
        for column, heading in enumerate(self.headings):
            heading.setStyleSheet("font-weight: bold;")
            self.layout_.addWidget(heading, 0, column)
        self.layout_.setColumnStretch(1, 1)
        #: the fields Tab reaches just before the first row and just after the last one
        self.before: QWidget | None = None
        self.after: QWidget | None = None
        # leaving a mandate field finds the mandate typed; the completer eats the field's own
        # focus-out (and so its editingFinished) while its list is open, the application does not
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.add_row(focus=False)
        self.retranslate()

    def retranslate(self) -> None:
        names = field_names()
        texts = ["#", *(names[name] for name in FIELDS), tr("Montant"), tr("Règles"), ""]
        for heading, text in zip(self.headings, texts):
            heading.setText(text)
        self.headings[len(FIELDS) + 1].setAlignment(Qt.AlignmentFlag.AlignRight)
        for row in self.rows:
            row.retranslate()

    # -- rows -------------------------------------------------------------------------------------

    def add_row(self, focus: bool = True) -> AttendanceRow:
        row = AttendanceRow(self)
        row.changed.connect(self.changed)
        self.rows.append(row)
        self._lay_out()
        if focus:
            row.fields["mandate"].setFocus()
        self.changed.emit()
        return row

    def remove_row(self, row: AttendanceRow) -> None:
        self.rows.remove(row)
        for widget in (*row.widgets(), row.message):
            widget.deleteLater()
        if not self.rows:
            self.add_row(focus=False)
        self._lay_out()
        self.changed.emit()

    def clear(self) -> None:
        for row in list(self.rows):
            self.rows.remove(row)
            for widget in (*row.widgets(), row.message):
                widget.deleteLater()
        self.add_row(focus=False)

    def _lay_out(self) -> None:
        """Each row on two grid lines (its fields, then its message), numbered, in Tab order."""
        for index, row in enumerate(self.rows):
            row.number.setText(str(index + 1))
            for column, widget in enumerate(row.widgets()):
                self.layout_.addWidget(widget, 1 + 2 * index, column)
                widget.show()  # now, not when the layout gets to it: Enter gives it the cursor at once
            self.layout_.addWidget(row.message, 2 + 2 * index, 1, 1, len(FIELDS))
        chain = [self.before, *(field for row in self.rows for field in row.fields.values()), self.after]
        chain = [widget for widget in chain if widget is not None]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        for row in self.rows:
            if old is row.fields["mandate"] and new is not row.mandate_completer.popup() and row.mandate is None:
                row.resolve()

    def set_neighbours(self, before: QWidget, after: QWidget) -> None:
        self.before, self.after = before, after
        self._lay_out()

    def first_field(self) -> QWidget:
        return self.rows[0].fields["mandate"]

    def enter_pressed(self, row: AttendanceRow, field: QObject) -> None:
        """Enter moves on like Tab; on the last field of the last row it adds a row."""
        if field is row.fields[FIELDS[-1]] and row is self.rows[-1]:
            self.add_row()
        else:
            self.focusNextChild()

    # -- reading and showing ---------------------------------------------------------------------

    def attendances(self) -> tuple[list[Attendance], list[FieldProblem]]:
        attendances, problems = [], []
        for index, row in enumerate(self.rows):
            if row.mandate is None and row.fields["mandate"].text().strip():
                row.resolve()  # typed, then saved without leaving the field
            attendance, row_problems = row.attendance(index)
            attendances.append(attendance)
            problems += row_problems
        return attendances, problems

    def is_blank(self) -> bool:
        return all(row.is_blank() for row in self.rows)

    def show_preview(self, preview, language: str) -> None:
        for index, row in enumerate(self.rows):
            row.show_line(preview.for_row(index) if preview is not None else None, language)

    def show_problems(self, problems: list[FieldProblem]) -> None:
        """Each ``rows[i].field`` problem under row i; the others are the caller's."""
        by_row: dict[int, list[FieldProblem]] = {}
        for problem in problems:
            match = ROW_FIELD.fullmatch(problem.field)
            if match and int(match[1]) < len(self.rows):
                by_row.setdefault(int(match[1]), []).append(FieldProblem(match[2], problem.message_fr))
        for index, row in enumerate(self.rows):
            row.show_problems(by_row.get(index, []))
        first = min(by_row, default=None)
        if first is not None:
            name = by_row[first][0].field
            self.rows[first].fields.get(name, self.rows[first].fields["mandate"]).setFocus()
