"""The detail of one mandate: its fields, then its services priced with the rules that applied
(the selected one explained article by article), trips, disbursements, statements and
deadlines, one tab each.

Keyboard: Insert adds to the current tab, Enter edits the selected line, Delete removes it (the
screen can put it back with Ctrl+Z); a statement opens on its screen with Enter.
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
from lawyer_billing.ui.models.records import RecordTableModel
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
        }
        #: each table sorted by its date; the deadlines by their last day
        self.tables = {kind: dated_table(model, f"{kind}_table", 1 if kind == "deadline" else 0)
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
        if kind == "service":
            layout.addWidget(self.rules)
        return page

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
        self._tab_titles()
        self.fees.setText(tr("Honoraires calculés : {} (avant la réduction de l'art. 22)").format(
            format_money(work.fees, language)))
        if current is not None:
            self.select("service", current.id)
        self._explain_service()

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
