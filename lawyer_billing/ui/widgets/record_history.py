"""« Historique »: every change of a record, opened from the record itself.

On top, the events of the record and of what belongs to it (a mandate's services, trips and
disbursements; a statement's payments, refusal and dispute), newest first: when, who, on which
workstation, what was done and to what. Below, the fields the chosen event changed, before and
after. The values may name amounts and a client's notes: they are shown here, from the record,
to someone who may already read it, never in a list of events of every file.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from lawyer_billing.domain.validation import FieldProblem, raise_if_any
from lawyer_billing.services.record_history import RecordHistory, record_history
from lawyer_billing.ui import operations
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.record_history import FieldChangeModel, HistoryEventModel
from lawyer_billing.ui.widgets.screen_parts import detail_title, line_table


def record_name(history: RecordHistory) -> str:
    """The record the history is about, as its title names it."""
    if history.entity == "mandate":
        return tr("Mandat {}").format(history.name)
    if history.entity == "refusal":
        return tr("Différend du relevé {}").format(history.name)
    return tr("Relevé {}").format(history.name)


class RecordHistoryDialog(QDialog):
    def __init__(self, history: RecordHistory, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record_history")
        self.history = history
        self.setWindowTitle(tr("Historique — {}").format(record_name(history)))
        self.resize(920, 620)
        title = detail_title("history_title")
        title.setText(self.windowTitle())
        intro = QLabel(tr("Chaque modification enregistrée, la plus récente en premier. Choisissez-en une pour voir "
                          "les champs qu'elle a changés."))
        intro.setWordWrap(True)

        self.event_model = HistoryEventModel(language, self)
        self.event_model.set_records(history.events)
        self.events = line_table("history_events", self.event_model)
        header = self.events.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.events.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))

        self.change_model = FieldChangeModel(language, self)
        self.changes = line_table("history_changes", self.change_model)
        self.changes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.changes_title = QLabel()
        self.changes_title.setObjectName("history_changes_title")
        self.changes_title.setWordWrap(True)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.changes_title)
        lower_layout.addWidget(self.changes, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.events)
        splitter.addWidget(lower)
        splitter.setSizes([320, 240])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        if history.events:
            self.events.selectRow(0)
        self._show(0 if history.events else -1)
        self.events.setFocus()

    def _show(self, row: int) -> None:
        event = self.event_model.record(row) if 0 <= row < self.event_model.rowCount() else None
        self.change_model.show_event(event)
        if event is None:
            self.changes_title.setText(tr("Aucune modification n'est enregistrée pour cet enregistrement."))
        elif not event.changes:
            self.changes_title.setText(tr("Cette modification a été enregistrée avant que l'application garde les "
                                          "valeurs avant et après : aucun champ à montrer."))
        else:
            self.changes_title.setText(tr("Champs modifiés — {}").format(event.summary))


def open_history(parent: QWidget, context: AppContext, entity: str, entity_id: int) -> RecordHistoryDialog | None:
    """Open the history of a mandate, a statement or a refusal over ``parent``; returns the
    dialog (``None`` if the record no longer exists, after saying so)."""

    def load() -> RecordHistory:
        with context.unit_of_work() as uow:
            history = record_history(uow, entity, entity_id)
        if history is None:
            raise_if_any([FieldProblem("record", "Cet enregistrement n'existe plus : il a été supprimé ailleurs.")])
        return history

    history = operations.attempt(parent, load)
    if history is None:
        return None
    dialog = RecordHistoryDialog(history, context.language, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
