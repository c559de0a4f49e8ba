"""Différends: the refused statements and their dispute path (arts. 25, 29-35).

The list on top gives each refusal, the last step taken and the next deadline (red once
overdue); below it, the path of the refusal chosen, step by step, with the days recorded, the
last days computed for today, and the letters. Everything comes from ``services.disputes``.
« Historique… » shows every change of the refusal chosen and of its dispute, with the values
before and after.
"""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
)

from lawyer_billing.services import disputes
from lawyer_billing.services.disputes import DisputePath
from lawyer_billing.ui import operations
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.disputes import RefusalListModel
from lawyer_billing.ui.models.statements import follow_language
from lawyer_billing.ui.widgets import statement_dialogs
from lawyer_billing.ui.widgets.dispute_path import DisputePathView
from lawyer_billing.ui.widgets.record_history import RecordHistoryDialog, open_history
from lawyer_billing.ui.widgets.screen_base import ScreenBase
from lawyer_billing.ui.widgets.screen_parts import (
    empty_state_label,
    heading_label,
    list_or_empty_state,
    one_line_rows,
    record_table,
)

TITLE = "Différends"


class Screen(ScreenBase):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.shown_day = None

        self.heading = heading_label()
        self.history_button = QPushButton()
        self.history_button.setObjectName("dispute_history")
        self.history_button.setEnabled(False)
        self.history_button.clicked.connect(self.show_history)
        self.history: RecordHistoryDialog | None = None
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.history_button)
        self.model = RefusalListModel(context.language, self)
        self.table = record_table("refusals", self.model)
        one_line_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(RefusalListModel.REASONS, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_index)
        self.table.clicked.connect(self._open_index)
        self.empty = empty_state_label("disputes_empty")
        top = list_or_empty_state(self.table, self.empty)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("dispute_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.path_view = DisputePathView(context)
        self.path_view.changed.connect(self._reload_shown)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.path_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([100, 640])
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(splitter, 1)
        self.retranslate()

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.stale or self.shown_day != self.context.today():
            self.reload()

    def reload(self) -> None:
        def load():
            with self.context.unit_of_work() as uow:
                return disputes.list_refusals(uow, self.context.today())

        listings = operations.attempt(self, load)
        if listings is None:
            return
        self.stale, self.shown_day = False, self.context.today()
        self.model.set_records(listings)
        has_refusals = bool(listings)
        self.table.setVisible(has_refusals)
        self.empty.setVisible(not has_refusals)
        path = self.path_view.path
        if path is not None and not self.path_view.has_unsaved_changes():
            self.show_refusal(path.refusal.id)

    def _reload_shown(self) -> None:
        self.reload()
        if self.path_view.path is not None:
            self.show_refusal(self.path_view.path.refusal.id)

    # -- showing a dispute path -----------------------------------------------------------

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind not in ("refusal", "dispute"):
            return False
        self.refresh()
        refusal_id = record_id if kind == "refusal" else self._refusal_of(record_id)
        return refusal_id is not None and self.show_refusal(refusal_id)

    def _refusal_of(self, dispute_id: int) -> int | None:
        return next((listing.refusal.id for listing in self.model.records
                     if listing.dispute_id == dispute_id), None)

    def show_refusal(self, refusal_id: int) -> bool:
        def load() -> DisputePath:
            with self.context.unit_of_work() as uow:
                return disputes.dispute_path(uow, self.context.today(), refusal_id)

        path = operations.attempt(self, load)
        if path is None:
            return False
        self.path_view.set_path(path)
        self.stack.setCurrentWidget(self.path_view)
        self.history_button.setEnabled(True)
        row = self.model.row_of(lambda listing: listing.refusal.id == refusal_id)
        if row is not None:
            self.table.selectRow(row)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        listing = self.model.record(index.row())
        shown = self.path_view.path
        if shown is not None and shown.refusal.id == listing.refusal.id:
            return
        if self.has_unsaved_changes() and not statement_dialogs.confirm(
                self, tr("Modifications non enregistrées"),
                tr("La date ou l'issue saisie n'est pas enregistrée. L'abandonner ?")):
            return
        self.show_refusal(listing.refusal.id)

    def show_history(self) -> None:
        """Every change of the refusal shown and of its dispute."""
        path = self.path_view.path
        if path is not None and self.stack.currentWidget() is self.path_view:
            self.history = open_history(self, self.context, "refusal", path.refusal.id)

    def has_unsaved_changes(self) -> bool:
        return self.stack.currentWidget() is self.path_view and self.path_view.has_unsaved_changes()

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.heading.setText(tr(TITLE))
        self.history_button.setText(tr("Historique…"))
        self.history_button.setToolTip(tr("Chaque modification du refus choisi et de son différend, avec les valeurs "
                                          "avant et après."))
        self.empty.setText(
            "<h3>" + tr("Aucun refus de paiement") + "</h3><p>"
            + tr("Quand un organisme refuse de payer un relevé, ouvrez le relevé dans <b>Relevés</b> (Ctrl+4), "
                 "onglet « Suivi et échéances », et inscrivez le refus avec ses motifs (art. 25).")
            + "</p><p>"
            + tr("Son différend se suit ici : conciliation facultative (art. 29 à 31), avis de différend dans les "
                 "6 mois (art. 32), puis arbitrage (art. 35), avec chaque dernier jour et chaque lettre.")
            + "</p>")
        self.placeholder.setText(tr("Choisissez un refus dans la liste pour suivre son différend."))
        follow_language(self.model, self.context.language)
        self.path_view.retranslate()
