"""The detail of one mandate: its fields, then its services priced with the rules that applied
(the selected one explained article by article), trips, disbursements, statements,
deadlines and the periods of the Code of Penal Procedure followed on it, one tab each.

Keyboard: Insert adds to the current tab, Enter edits the selected line, Delete removes it (the
screen can put it back with Ctrl+Z); a statement opens on its screen with Enter.

The « Délais pénaux » tab runs its own use cases (``services.penal_deadlines``): the detail
reads the followed periods with the mandate's work, and follows, marks done, reopens or stops
following one itself, then tells the other screens (the dashboard lists them).
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_money
from lawyer_billing.services.penal_deadlines import (
    FollowedPenalDeadline,
    followed_on_mandate,
    mark_done,
    reopen,
    stop_following,
)
from lawyer_billing.services.work_log import MandateWork
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.applied_rules import rule_explanations
from lawyer_billing.ui.models.mandate_detail import (
    deadline_columns,
    disbursement_columns,
    service_columns,
    statement_columns,
    travel_columns,
)
from lawyer_billing.ui.models.penal_deadlines import FollowedPenalDeadlinesModel, period_text
from lawyer_billing.ui.models.records import RecordTableModel
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets import penal_deadline_dialog, statement_dialogs
from lawyer_billing.ui.widgets.choice_labels import mandate_statuses
from lawyer_billing.ui.widgets.mandate_form import mandate_field_labels, mandate_values
from lawyer_billing.ui.widgets.retranslating import Retranslating
from lawyer_billing.ui.widgets.screen_parts import detail_title, record_table

#: the tabs whose lines the user edits, by the kind of record they hold
EDITABLE = ("service", "travel", "disbursement")
SHOWN_FIELDS = ("client_file_number", "matter_type", "office_id", "court", "district", "issued_on", "matter",
                "aid_ceased_on", "ended_on", "end_reason", "judgment_on", "notes")


def held(kind: str, line):
    """The stored record a line of ``kind``'s table shows (a priced service is its service)."""
    if kind == "service":
        return line.service
    if kind == "travel":
        return line.travel
    if kind == "penal":
        return line.record
    return line


def dated_table(model: RecordTableModel, name: str, sort_column: int = 0) -> QTableView:
    """A read-only table, sorted by ``sort_column`` (a date: the oldest first)."""
    table = record_table(name, model, sort_column)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


class MandateDetail(Retranslating, QWidget):
    edit_requested = Signal()
    end_requested = Signal()
    #: "service", "travel" or "disbursement"
    add_requested = Signal(str)
    edit_record_requested = Signal(object)
    delete_requested = Signal(object)
    open_statement = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.work: MandateWork | None = None
        self._status = None
        self.title = detail_title("mandate_title")
        self.status = QLabel()
        self.status.setObjectName("mandate_status")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("edit_mandate")
        self.edit_button.clicked.connect(self.edit_requested)
        self.end_button = QPushButton()
        self.end_button.setObjectName("end_mandate")
        self.end_button.clicked.connect(self.end_requested)
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addWidget(self.status)
        header.addStretch(1)
        header.addWidget(self.edit_button)
        header.addWidget(self.end_button)
        self.field_labels: dict[str, QLabel] = {}
        self.field_values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for index, name in enumerate(SHOWN_FIELDS):
            label, value = QLabel(), QLabel()
            label.setStyleSheet("color: palette(mid);")
            value.setObjectName(f"value_{name}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            row, column = divmod(index, 3)
            grid.addWidget(label, row, column * 2, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column * 2 + 1, 1)
            self.field_labels[name], self.field_values[name] = label, value
        self.notice = QLabel()
        self.notice.setObjectName("notice")
        self.notice.setStyleSheet("background: #e8f0fe; padding: 4px;")
        self.notice.hide()
        self.models = {
            "service": RecordTableModel(service_columns(), context.language),
            "travel": RecordTableModel(travel_columns(), context.language),
            "disbursement": RecordTableModel(disbursement_columns(), context.language),
            "statement": RecordTableModel(statement_columns(), context.language),
            "deadline": RecordTableModel(deadline_columns(), context.language),
            "penal": FollowedPenalDeadlinesModel(context.language),
        }
        #: each table sorted by its date; the deadlines by their last day
        sorted_by = {"deadline": 1, "penal": FollowedPenalDeadlinesModel.DUE}
        self.tables = {kind: dated_table(model, f"{kind}_table", sorted_by.get(kind, 0))
                       for kind, model in self.models.items()}
        self.buttons: dict[str, tuple[QPushButton, QPushButton, QPushButton]] = {}
        self.tabs = QTabWidget()
        self.rules = QLabel()
        self.rules.setObjectName("rules")
        self.rules.setWordWrap(True)
        self.rules.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rules.setMinimumHeight(48)
        self.rules.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.fees = QLabel()
        self.fees.setObjectName("fees")
        for kind in self.models:
            self.tabs.addTab(self._page(kind), "")
        self.tables["service"].selectionModel().currentRowChanged.connect(self._explain_service)
        self.tables["statement"].activated.connect(
            lambda index: self.open_statement.emit(self.models["statement"].record(index.row()).id))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addLayout(grid)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)
        self.retranslate()

    def _page(self, kind: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        table = self.tables[kind]
        layout.addWidget(table, 1)
        if kind in EDITABLE:
            add, edit, delete = QPushButton(), QPushButton(), QPushButton()
            for button, action in ((add, "add"), (edit, "edit"), (delete, "delete")):
                button.setObjectName(f"{action}_{kind}")
            add.clicked.connect(lambda: self.add_requested.emit(kind))
            edit.clicked.connect(lambda: self._edit_current(kind))
            delete.clicked.connect(lambda: self._delete_current(kind))
            table.activated.connect(lambda _index: self._edit_current(kind))
            QShortcut(QKeySequence(Qt.Key.Key_Insert), table, lambda: self.add_requested.emit(kind),
                      context=Qt.ShortcutContext.WidgetShortcut)
            QShortcut(QKeySequence.StandardKey.Delete, table, lambda: self._delete_current(kind),
                      context=Qt.ShortcutContext.WidgetShortcut)
            row = QHBoxLayout()
            if kind == "service":
                row.addWidget(self.fees)
            row.addStretch(1)
            row.addWidget(add)
            row.addWidget(edit)
            row.addWidget(delete)
            layout.addLayout(row)
            self.buttons[kind] = (add, edit, delete)
        if kind == "penal":
            layout.addLayout(self._penal_buttons())
        if kind == "service":
            layout.addWidget(self.rules)
        return page

    def _penal_buttons(self) -> QHBoxLayout:
        self.follow_button, self.done_button, self.unfollow_button = QPushButton(), QPushButton(), QPushButton()
        for button, name, action in ((self.follow_button, "follow_penal", self.follow_penal),
                                     (self.done_button, "done_penal", self.toggle_done),
                                     (self.unfollow_button, "unfollow_penal", self.unfollow_penal)):
            button.setObjectName(name)
            button.clicked.connect(action)
        table = self.tables["penal"]
        table.selectionModel().currentRowChanged.connect(self._penal_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Insert), table, self.follow_penal, context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence.StandardKey.Delete, table, self.unfollow_penal,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.penal_intro = QLabel()
        self.penal_intro.setWordWrap(True)
        self.penal_intro.setStyleSheet("color: palette(placeholder-text);")
        row = QHBoxLayout()
        row.addWidget(self.penal_intro, 1)
        for button in (self.follow_button, self.done_button, self.unfollow_button):
            row.addWidget(button)
        return row

    # -- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        labels = mandate_field_labels()
        for name, label in self.field_labels.items():
            label.setText(labels[name])
        self.edit_button.setText(tr("Modifier (Ctrl+E)"))
        self.end_button.setText(tr("Terminer le mandat…"))
        texts = {
            "service": (tr("Ajouter un service (Inser)"), tr("Modifier (Entrée)"), tr("Supprimer (Suppr)")),
            "travel": (tr("Ajouter un déplacement (Inser)"), tr("Modifier (Entrée)"), tr("Supprimer (Suppr)")),
            "disbursement": (tr("Ajouter un débours (Inser)"), tr("Modifier (Entrée)"), tr("Supprimer (Suppr)")),
        }
        for kind, buttons in self.buttons.items():
            for button, text in zip(buttons, texts[kind]):
                button.setText(text)
        self.penal_intro.setText(tr("Délais du Code de procédure pénale suivis sur ce mandat : ouverts, ils "
                                    "figurent au tableau de bord et dans l'export iCalendar."))
        self.follow_button.setText(tr("Ajouter… (Inser)"))
        self.unfollow_button.setText(tr("Ne plus suivre (Suppr)"))
        self._penal_selected()
        for model in self.models.values():
            model.retranslate(self.context.language)
        if self.work is not None:
            self.show_work(self.work)
            self.set_status(self._status)

    def _tab_titles(self) -> None:
        work = self.work
        counts = {kind: self.models[kind].rowCount() for kind in self.models}
        titles = {
            "service": tr("Services ({})").format(counts["service"]),
            "travel": tr("Déplacements ({})").format(counts["travel"]),
            "disbursement": tr("Débours ({})").format(counts["disbursement"]),
            "statement": tr("Relevés ({})").format(counts["statement"]),
            "deadline": tr("Échéances ({})").format(counts["deadline"]) if work else tr("Échéances"),
            "penal": tr("Délais pénaux ({})").format(counts["penal"]),
        }
        for index, kind in enumerate(self.models):
            self.tabs.setTabText(index, titles[kind])

    # -- content --------------------------------------------------------------------------

    def _fill(self, kind: str, records) -> None:
        """Put ``records`` in ``kind``'s table, in the order its header shows."""
        header = self.tables[kind].horizontalHeader()
        self.models[kind].set_records(records)
        self.models[kind].sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.tables[kind].resizeColumnsToContents()

    def show_work(self, work: MandateWork) -> None:
        self.work = work
        mandate, language = work.mandate, self.context.language
        self.title.setText(tr("Mandat {} — {}").format(mandate.number, mandate.client_name))
        values = mandate_values(mandate, {mandate.office_id: work.office}, language)
        for name, label in self.field_values.items():
            label.setText(values[name] or "—")
        self.end_button.setEnabled(mandate.ended_on is None)
        current = self.selected("service")
        for kind, records in (("service", work.services), ("travel", work.travel),
                              ("disbursement", work.disbursements), ("statement", work.statements),
                              ("deadline", work.deadlines)):
            self._fill(kind, records)
        self._show_penal()
        self.fees.setText(tr("Honoraires calculés : {} (avant la réduction de l'art. 22)").format(
            format_money(work.fees, language)))
        if current is not None:
            self.select("service", current.id)
        self._explain_service()

    # -- periods of the Code of Penal Procedure -----------------------------------------------

    def _show_penal(self, select: int | None = None) -> None:
        """Read the periods followed on the mandate shown, computed today; keep the line selected
        (or select the period ``select``)."""
        current = self.selected("penal")
        with self.context.unit_of_work() as uow:
            followed = followed_on_mandate(uow, self.work.mandate.id, self.context.today())
        self._fill("penal", followed)
        self._tab_titles()
        wanted = select if select is not None else (current.id if current is not None else None)
        if wanted is not None:
            row = self.models["penal"].row_of(lambda entry: entry.record.id == wanted)
            if row is not None:
                self.tables["penal"].selectRow(row)
        self._penal_selected()

    def _selected_penal(self) -> FollowedPenalDeadline | None:
        index = self.tables["penal"].currentIndex()
        return self.models["penal"].record(index.row()) if index.isValid() else None

    def _penal_selected(self, *_args) -> None:
        """« Fait » for an open period, « Rouvrir » for a done one; nothing to do without one."""
        entry = self._selected_penal()
        done = entry is not None and entry.record.done_on is not None
        self.done_button.setText(tr("Rouvrir") if done else tr("Fait"))
        self.done_button.setEnabled(entry is not None)
        self.unfollow_button.setEnabled(entry is not None)
        self.follow_button.setEnabled(self.work is not None)

    def follow_penal(self) -> None:
        if self.work is None:
            return
        dialog = penal_deadline_dialog.FollowPenalDeadlineDialog(self.context, self.work.mandate.id, self)
        if penal_deadline_dialog.run_dialog(dialog) and dialog.saved is not None:
            self._penal_changed(dialog.saved.id)

    def toggle_done(self) -> None:
        """The selected period done today, or, when done, open again."""
        entry = self._selected_penal()
        if entry is None:
            return
        record, context = entry.record, self.context

        def change():
            with context.unit_of_work() as uow:
                if record.done_on is None:
                    return mark_done(uow, record.id, version=record.version, done_on=context.today(),
                                     user=context.user, now=context.now())
                return reopen(uow, record.id, version=record.version, user=context.user, now=context.now())

        attempt(self, change)
        self._penal_changed(record.id)

    def unfollow_penal(self) -> None:
        entry = self._selected_penal()
        if entry is None or not statement_dialogs.confirm(self, tr("Ne plus suivre"), tr(
                "Ne plus suivre « {} » sur ce mandat ? Il disparaîtra du tableau de bord et du calendrier.").format(
                period_text(entry, self.context.language))):
            return
        record, context = entry.record, self.context

        def remove():
            with context.unit_of_work() as uow:
                stop_following(uow, record.id, version=record.version, user=context.user, now=context.now())

        attempt(self, remove)
        self._penal_changed()

    def _penal_changed(self, select: int | None = None) -> None:
        """Read the periods again (also after a refusal: another workstation changed them) and
        tell the other screens: the dashboard lists the open ones."""
        self._show_penal(select)
        self.context.events.changed.emit("penal_deadline")

    def set_status(self, status) -> None:
        self._status = status
        self.status.setText(f"· {mandate_statuses()[status]}" if status is not None else "")

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def selected(self, kind: str):
        """The record of the selected line of ``kind``'s table, if one is selected."""
        index = self.tables[kind].currentIndex()
        if not index.isValid():
            return None
        return held(kind, self.models[kind].record(index.row()))

    def select(self, kind: str, record_id: int) -> bool:
        model = self.models[kind]
        row = model.row_of(lambda line: held(kind, line).id == record_id)
        if row is None:
            return False
        self.tabs.setCurrentIndex(list(self.models).index(kind))
        self.tables[kind].selectRow(row)
        self.tables[kind].setCurrentIndex(model.index(row, 0))
        return True

    def _edit_current(self, kind: str) -> None:
        record = self.selected(kind)
        if record is not None:
            self.edit_record_requested.emit(record)

    def _delete_current(self, kind: str) -> None:
        record = self.selected(kind)
        if record is not None:
            self.delete_requested.emit(record)

    def _explain_service(self, *_args) -> None:
        index = self.tables["service"].currentIndex()
        if not index.isValid():
            findings = self.work.findings if self.work else ()
            self.rules.setText("\n".join(f"⚠ {f.message_fr} ({f.article})" for f in findings)
                               or tr("Choisissez un service pour voir les règles qui ont fixé son montant."))
            return
        priced = self.models["service"].record(index.row())
        line, language = priced.line, self.context.language
        if line is None:
            self.rules.setText("")
            return
        amount = format_money(line.amount, language) if line.amount is not None else tr("montant inconnu")
        head = tr("{} du {} : {}").format(line.priced.code, priced.service.rendered_on.isoformat(), amount)
        if line.priced.tariff_amount is not None:
            head += " " + tr("(tarif : {})").format(format_money(line.priced.tariff_amount, language))
        detail = rule_explanations(line.priced.rules, line.findings) or tr("Montant du tarif, sans règle particulière.")
        self.rules.setText(f"{head}\n{detail}")
