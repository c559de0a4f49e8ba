"""Journée d'audience: the fastest way to log a day in court.

Choose the date, the court and the room, then one row per client or mandate seen that day.
While rows are typed, the day is priced as a whole (``services.court_day.preview_day``) with
the services already stored for that day, so the amounts shown are the ones T96 (half a day),
T98 (several informations of one client) and T99 (co-accused) give; the side panel lists every
line with its rules and their articles. Ctrl+S (or Ctrl+Enter) saves every row in one unit of
work, or none, with each problem under its row; Esc clears the rows, asking first.
"""

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date, format_money
from lawyer_billing.domain.typed_input import TypedInputError
from lawyer_billing.domain.validation import FieldProblem, InvalidRecord
from lawyer_billing.services.court_day import CourtDay, day_problems, preview_day, save_day
from lawyer_billing.services.mandates import list_mandates
from lawyer_billing.services.tariff_overlay import current_tariff
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.applied_rules import rule_explanations
from lawyer_billing.ui.models.court_day import day_line_columns, line_name
from lawyer_billing.ui.models.mandates import MandateChoicesModel
from lawyer_billing.ui.models.records import RecordTableModel
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets.attendance_rows import AttendanceGrid
from lawyer_billing.ui.widgets.edit_form import discard_typed
from lawyer_billing.ui.widgets.fields import DateField, FieldMessages
from lawyer_billing.ui.widgets.screen_base import ScreenBase

TITLE = "Journée d'audience"
#: how long typing pauses before the day is priced again (milliseconds)
PREVIEW_DELAY = 150


def first_per_field(problems: list[FieldProblem]) -> list[FieldProblem]:
    """One problem per field, the first: a time that cannot be read is not also « missing »."""
    seen: set[str] = set()
    return [p for p in problems if not (p.field in seen or seen.add(p.field))]


class Screen(ScreenBase):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.tariff = None
        self.preview = None
        #: after a refused save, problems are shown as the rows change, until the day is saved
        self.checking = False
        self.mandates = MandateChoicesModel()
        self.messages = FieldMessages()

        self.date_label, self.court_label, self.room_label = QLabel(), QLabel(), QLabel()
        self.day_field = DateField(context.today)
        self.day_field.setObjectName("day")
        self.day_field.set_value(context.today())
        self.day_field.setMaximumWidth(170)
        self.day_name = QLabel()
        self.day_name.setObjectName("day_name")
        self.court = QLineEdit()
        self.court.setObjectName("court")
        self.court_completer = QCompleter([], self.court)
        self.court_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.court_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.court.setCompleter(self.court_completer)
        self.room = QLineEdit()
        self.room.setObjectName("room")
        self.room.setMaximumWidth(110)
        header = QHBoxLayout()
        for label, field, name in ((self.date_label, self.day_field, "day"), (self.court_label, self.court, "court"),
                                   (self.room_label, self.room, "room")):
            label.setBuddy(field)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(label)
            row = QHBoxLayout()
            row.addWidget(field, 1)
            if field is self.day_field:
                row.addWidget(self.day_name)
            column.addLayout(row)
            column.addWidget(self.messages.label_for(name))
            column.addStretch(1)  # a message under one field does not push the others down
            header.addLayout(column, 2 if field is self.court else 1)
        for field in (self.day_field, self.court, self.room):
            field.installEventFilter(self)
        self.day_field.textChanged.connect(self._day_changed)
        self.court.textEdited.connect(self.schedule_preview)

        self.grid = AttendanceGrid(self.mandates, self._tariff, self._day_or_today, lambda: self.context.language)
        self.grid.changed.connect(self.schedule_preview)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        self.hint = QLabel()
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.add_button, self.clear_button, self.save_button = QPushButton(), QPushButton(), QPushButton()
        self.add_button.setObjectName("add_row")
        self.clear_button.setObjectName("clear")
        self.save_button.setObjectName("save")
        self.add_button.clicked.connect(lambda: self.grid.add_row())
        self.clear_button.clicked.connect(self.clear)
        self.save_button.clicked.connect(self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(header)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.hint)
        left_layout.addLayout(buttons)

        self.panel_title = QLabel()
        font = QFont(self.panel_title.font())
        font.setBold(True)
        self.panel_title.setFont(font)
        self.lines = RecordTableModel(day_line_columns(), context.language)
        self.lines_view = QTableView()
        self.lines_view.setObjectName("day_lines")
        self.lines_view.setModel(self.lines)
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.verticalHeader().hide()
        self.lines_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.lines_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        self.total.setObjectName("total")
        self.total.setFont(font)
        self.explanations = QLabel()
        self.explanations.setObjectName("explanations")
        self.explanations.setWordWrap(True)
        self.explanations.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.explanations.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        explanations = QScrollArea()
        explanations.setWidgetResizable(True)
        explanations.setWidget(self.explanations)
        explanations.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 0, 0)
        panel_layout.addWidget(self.panel_title)
        panel_layout.addWidget(self.lines_view, 3)
        panel_layout.addWidget(self.total)
        panel_layout.addWidget(explanations, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(PREVIEW_DELAY)
        self.timer.timeout.connect(self.preview_now)
        for keys in (QKeySequence.StandardKey.Save, QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")):
            QShortcut(keys, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QWidget.setTabOrder(self.day_field, self.court)
        QWidget.setTabOrder(self.court, self.room)
        self.grid.set_neighbours(self.room, self.save_button)
        self.retranslate()

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.stale:
            self.reload()

    def reload(self) -> None:
        """The mandates offered and the tariff, read again; the day priced again."""
        with self.context.unit_of_work() as uow:
            summaries = list_mandates(uow)
            self.tariff = current_tariff(uow)
        self.mandates.set_mandates(summaries)
        self.court_completer.model().setStringList(sorted({m.court for m in summaries if m.court}))
        self.stale = False
        self.preview_now()
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):  # shown from the navigation: start at the date
            self.day_field.setFocus()

    def _tariff(self):
        if self.tariff is None:
            with self.context.unit_of_work() as uow:
                self.tariff = current_tariff(uow)
        return self.tariff

    def _day_or_today(self):
        try:
            return self.day_field.value()
        except TypedInputError:
            return self.context.today()

    def _day_changed(self) -> None:
        try:
            day = self.day_field.value()
        except TypedInputError:
            self.day_name.setText("")
        else:
            self.day_name.setText(format_date(day, self.context.language))
        self.schedule_preview()

    # -- the day, priced ------------------------------------------------------------------------

    def schedule_preview(self) -> None:
        self.timer.start()

    def court_day(self) -> tuple[CourtDay | None, list[FieldProblem]]:
        """The day as typed, and every problem of what cannot be read (a date, a time, a mandate)."""
        attendances, problems = self.grid.attendances()
        try:
            day = self.day_field.value()
        except TypedInputError as error:
            return None, [FieldProblem("day", str(error)), *problems]
        return CourtDay(day, self.court.text(), self.room.text(), tuple(attendances)), problems

    def preview_now(self) -> None:
        self.timer.stop()
        court_day, typed = self.court_day()
        if court_day is None:
            self.preview = None
        else:
            with self.context.unit_of_work() as uow:
                self.preview = preview_day(uow, court_day, self.context.today(), self._tariff())
        self.show_preview()
        if self.checking:
            self.show_problems(first_per_field(typed + list(self.preview.problems if self.preview else ())))

    def show_preview(self) -> None:
        language, preview = self.context.language, self.preview
        self.grid.show_preview(preview, language)
        lines = preview.lines if preview is not None else ()
        self.lines.set_records(lines)
        self.total.setText(tr("Total de la journée : {} (avant la réduction de l'art. 22)").format(
            format_money(preview.total, language)) if preview is not None else "")
        explained = []
        for line in lines:
            text = rule_explanations(line.priced.rules, line.priced.findings)
            if text:
                explained.append(f"<p><b>{tr('Ligne {}').format(line_name(line))} · {line.mandate.client_name} · "
                                 f"{line.priced.code}</b><br>{text.replace(chr(10), '<br>')}</p>")
        self.explanations.setText("".join(explained) or tr("Aucune règle n'a changé les montants de la journée."))

    def show_problems(self, problems: list[FieldProblem]) -> None:
        self.messages.show([p for p in problems if p.field in self.messages.labels])
        self.grid.show_problems(problems)
        general = [tr(p.message_fr) for p in problems if p.field == "rows"]
        if general:
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText("\n".join(general))
        first = next((p.field for p in problems if p.field in ("day", "court")), None)
        if first is not None:
            {"day": self.day_field, "court": self.court}[first].setFocus()

    # -- actions ----------------------------------------------------------------------------------

    def save(self) -> None:
        court_day, problems = self.court_day()
        if problems:
            if court_day is not None:  # what was typed and what the day would be refused for, at once
                with self.context.unit_of_work() as uow:
                    problems += day_problems(uow, court_day, self._tariff())
            self.checking = True
            self.show_problems(first_per_field(problems))
            return
        refused: list[FieldProblem] = []

        def store():
            try:
                with self.context.unit_of_work() as uow:
                    return save_day(uow, court_day, user=self.context.user, now=self.context.now(),
                                    tariff=self._tariff())
            except InvalidRecord as invalid:
                refused.extend(invalid.problems)
                return None

        saved = attempt(self, store)
        if refused:
            self.checking = True
            self.show_problems(refused)
            return
        if saved is None:
            return
        self.checking = False
        self.context.events.changed.emit("service")
        self.grid.clear()
        self.show_problems([])
        self.status.setStyleSheet("")
        day = format_date(court_day.day, self.context.language)
        self.status.setText(tr("1 présence enregistrée pour le {}.").format(day) if len(saved) == 1
                            else tr("{} présences enregistrées pour le {}.").format(len(saved), day))
        self.preview_now()
        self.grid.first_field().setFocus()

    def clear(self) -> None:
        """Start the day over (date, court and room stay); asks first when rows were typed."""
        if not self.grid.is_blank() and not discard_typed(self):
            return
        self.checking = False
        self.grid.clear()
        self.show_problems([])
        self.status.setText("")
        self.preview_now()
        self.grid.first_field().setFocus()

    def has_unsaved_changes(self) -> bool:
        return not self.grid.is_blank()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """Enter in the date, court or room moves on to the next field, as Tab does."""
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    # -- texts ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.date_label.setText(tr("&Date"))
        self.court_label.setText(tr("&Cour"))
        self.room_label.setText(tr("&Salle"))
        self.court.setPlaceholderText(tr("ex. Palais de justice de Montréal"))
        self.room.setPlaceholderText(tr("ex. 3.01"))
        self.hint.setText(tr("Tab passe au champ suivant ; Entrée sur le dernier champ d'une ligne en ajoute une ; "
                             "Ctrl+S enregistre la journée ; Échap efface les lignes."))
        self.add_button.setText(tr("Ajouter une ligne"))
        self.clear_button.setText(tr("Effacer (Échap)"))
        self.save_button.setText(tr("Enregistrer la journée (Ctrl+S)"))
        self.panel_title.setText(tr("Montants de la journée"))
        self.lines.retranslate(self.context.language)
        self._day_changed()
        self.show_preview()
