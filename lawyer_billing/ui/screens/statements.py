"""Relevés: the statements of fees, their preparation, their follow-up and their documents.

The list on top says where each statement stands (brouillon, finalisé, envoyé, reçu, payé
partiellement, payé, refusé), the interest accrued (art. 17) and its next deadline; below it,
either the preparation of a new statement (``StatementPreparation``) or the statement chosen
(``StatementDetail``). A year of statements is exported on a worker thread, with a progress
bar and Cancel. Everything is computed by ``services.statements``; the screen lays it out.
"""

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.services import statements
from lawyer_billing.services.statements import StatementView
from lawyer_billing.ui import operations
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.statements import StatementListModel, follow_language
from lawyer_billing.ui.widgets import statement_dialogs
from lawyer_billing.ui.widgets.screen_base import ScreenBase
from lawyer_billing.ui.widgets.screen_parts import (
    empty_state_label,
    heading_label,
    list_or_empty_state,
    one_line_rows,
    record_table,
)
from lawyer_billing.ui.widgets.statement_detail import StatementDetail
from lawyer_billing.ui.widgets.statement_preparation import StatementPreparation
from lawyer_billing.ui.worker import BackgroundTask, ProgressPanel

TITLE = "Relevés"


#: the list's column of mandate numbers, and the widest it may grow (pixels)
MANDATES_COLUMN, MANDATES_WIDTH = 2, 320


class Screen(ScreenBase):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.shown_day = None

        self.heading = heading_label()
        self.prepare_button = QPushButton()
        self.prepare_button.setObjectName("prepare_statement")
        self.prepare_button.clicked.connect(self.start_preparation)
        QShortcut(QKeySequence("Ctrl+N"), self, self.start_preparation,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.year = QSpinBox()
        self.year.setObjectName("export_year")
        self.year.setRange(2007, 2999)
        self.year.setValue(context.today().year)
        self.export_button = QPushButton()
        self.export_button.setObjectName("export_year_button")
        self.export_button.clicked.connect(self.export_year)
        self.export_message = QLabel()
        self.export_message.setObjectName("year_export_message")
        self.progress = ProgressPanel()
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addStretch(1)
        header.addWidget(self.export_message)
        header.addWidget(self.year)
        header.addWidget(self.export_button)
        header.addWidget(self.prepare_button)

        self.model = StatementListModel(context.language, self)
        self.table = record_table("statements", self.model)
        one_line_rows(self.table)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(MANDATES_COLUMN, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._open_index)
        self.table.clicked.connect(self._open_index)
        self.empty = empty_state_label("statements_empty")
        top = list_or_empty_state(self.table, self.empty)

        self.placeholder = QLabel()
        self.placeholder.setObjectName("detail_placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.preparation = StatementPreparation(context)
        self.preparation.finalized.connect(self._after_save)
        self.preparation.saved.connect(self._after_save)
        self.preparation.cancelled.connect(self._back_to_list)
        self.detail = StatementDetail(context)
        self.detail.changed.connect(self._detail_changed)
        self.detail.discarded.connect(self._back_to_list)
        self.detail.prepare_again.connect(self._prepare_again)
        self.detail.supplement.connect(self._supplement)
        self.stack = QStackedWidget()
        for page in (self.placeholder, self.preparation, self.detail):
            self.stack.addWidget(page)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.progress)
        layout.addWidget(splitter, 1)
        QWidget.setTabOrder(self.prepare_button, self.table)
        self.retranslate()

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Shown: reload when something changed elsewhere, or when the day changed since."""
        if self.stale or self.shown_day != self.context.today():
            self.reload()

    def reload(self) -> None:
        """The list, and the statement shown unless the lawyer is typing in it."""
        if self._reload_list() and self.stack.currentWidget() is self.detail and self.detail.view is not None \
                and not self.detail.has_unsaved_changes():
            self.show_statement(self.detail.view.id)

    def _reload_list(self) -> bool:
        def load():
            with self.context.unit_of_work() as uow:
                return statements.list_statements(uow, self.context.today())

        listings = operations.attempt(self, load)
        if listings is None:
            return False
        self.stale, self.shown_day = False, self.context.today()
        self.model.set_records(listings)
        self.table.resizeColumnToContents(MANDATES_COLUMN)
        # a statement of many mandates must not push the total and the state out of view: the
        # column is elided here, the detail below lists every mandate
        self.table.setColumnWidth(MANDATES_COLUMN, min(self.table.columnWidth(MANDATES_COLUMN), MANDATES_WIDTH))
        self._show_state()
        return True

    def _detail_changed(self) -> None:
        """Something was recorded on the statement shown: show it as it is now, and its row."""
        statement_id = self.detail.view.id
        self._reload_list()
        self.show_statement(statement_id)

    def _show_state(self) -> None:
        has_statements = bool(self.model.records)
        self.table.setVisible(has_statements)
        self.empty.setVisible(not has_statements)
        self.export_button.setEnabled(has_statements)
        self.year.setEnabled(has_statements)

    # -- showing a statement --------------------------------------------------------------

    def open_record(self, kind: str, record_id: int) -> bool:
        if kind != "statement":
            return False
        self.refresh()
        return self.show_statement(record_id)

    def show_statement(self, statement_id: int) -> bool:
        def load() -> StatementView:
            with self.context.unit_of_work() as uow:
                return statements.open_statement(uow, self.context.today(), statement_id)

        view = operations.attempt(self, load)
        if view is None:
            return False
        self.detail.set_statement(view)
        self.stack.setCurrentWidget(self.detail)
        row = self.model.row_of(lambda listing: listing.id == statement_id)
        if row is not None:
            self.table.selectRow(row)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        listing = self.model.record(index.row())
        shown = self.detail.view if self.stack.currentWidget() is self.detail else None
        if shown is not None and shown.id == listing.id:
            return
        if self._may_leave():
            self.show_statement(listing.id)

    def _may_leave(self) -> bool:
        """Whether the page shown may be left: nothing unsaved, or the lawyer agrees to lose it."""
        if not self.has_unsaved_changes():
            return True
        return statement_dialogs.confirm(
            self, tr("Modifications non enregistrées"),
            tr("L'aperçu ou les valeurs saisies ne sont pas enregistrés. Les abandonner ?"))

    def _after_save(self, statement_id: int) -> None:
        self.reload()
        self.show_statement(statement_id)

    def _back_to_list(self) -> None:
        self.reload()
        self.stack.setCurrentWidget(self.placeholder)
        self.table.setFocus()

    # -- preparing ------------------------------------------------------------------------

    def start_preparation(self) -> None:
        if not self._may_leave():
            return
        self.table.clearSelection()
        self.preparation.start_new()
        self.stack.setCurrentWidget(self.preparation)

    def _prepare_again(self, draft) -> None:
        draft_id, version, mandate_ids, kind, supplemented = draft
        self.preparation.start_again(draft_id, version, mandate_ids, kind, supplemented)
        self.stack.setCurrentWidget(self.preparation)

    def _supplement(self, statement_id: int, number: str) -> None:
        self.preparation.start_supplementary(statement_id, number)
        self.stack.setCurrentWidget(self.preparation)

    def has_unsaved_changes(self) -> bool:
        page = self.stack.currentWidget()
        return (page is self.preparation and self.preparation.has_unsaved_changes()) or \
            (page is self.detail and self.detail.has_unsaved_changes())

    # -- exporting a year -----------------------------------------------------------------

    def export_year(self) -> None:
        """Every statement finalized in the chosen year as PDF, and one workbook, on a worker thread."""
        if self.progress.task is not None:
            return
        year = self.year.value()
        folder = statement_dialogs.choose_folder(self, tr("Dossier où exporter les relevés de {}").format(year),
                                                 str(Path.home()))
        if folder is None:
            return
        def job(progress, cancelled):
            with self.context.unit_of_work() as uow:
                return statements.export_year(uow, year, Path(folder), progress=progress, cancelled=cancelled)

        task = BackgroundTask(job, self)
        task.succeeded.connect(lambda files: self.export_message.setText(
            tr("{} fichier(s) écrit(s) dans {}").format(len(files), folder)))
        task.cancelled.connect(lambda: self.export_message.setText(tr("Exportation annulée : aucun fichier écrit.")))
        task.failed.connect(self._export_failed)
        self.export_message.clear()
        self.progress.run(task, tr("Exportation des relevés de {}").format(year))

    def _export_failed(self, message: str, details: str) -> None:
        if details:
            operations.report_error(self, message, details)
        else:
            operations.warn(self, tr("Exportation impossible"), message)

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        language = self.context.language
        self.heading.setText(tr(TITLE))
        self.prepare_button.setText(tr("Préparer un relevé…"))
        self.prepare_button.setToolTip(tr("Choisir les mandats dont le travail n'est pas encore facturé (Ctrl+N)."))
        self.export_button.setText(tr("Exporter l'année…"))
        self.export_button.setToolTip(tr("Un PDF par relevé finalisé dans l'année choisie, et un classeur Excel "
                                         "qui les résume."))
        self.empty.setText(
            "<h3>" + tr("Aucun relevé pour l'instant") + "</h3><p>"
            + tr("Pour préparer votre premier relevé d'honoraires :") + "</p><ol><li>"
            + tr("dans <b>Mandats</b> (Ctrl+2), inscrivez les services rendus, les déplacements et les débours "
                 "d'un mandat ;")
            + "</li><li>"
            + tr("ici, cliquez <b>Préparer un relevé</b> (Ctrl+N), cochez les mandats et vérifiez l'aperçu : "
                 "chaque montant montre la règle de l'entente qui l'a fixé.")
            + "</li></ol>")
        self.placeholder.setText(tr("Choisissez un relevé dans la liste, ou préparez-en un nouveau (Ctrl+N)."))
        follow_language(self.model, language)
        self.progress.retranslate()
        self.preparation.retranslate()
        self.detail.retranslate()
