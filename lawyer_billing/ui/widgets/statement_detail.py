"""One stored statement: its header, its lines as finalized with their rules, its follow-up with
the interest (art. 17) and deadlines (arts. 15, 32-35, T8) computed for today, its documents.

A statement whose seal no longer matches its lines says so in red at the top. A draft offers to
be prepared again or discarded; a finalized statement, a supplementary statement for its
corrections. « Historique… » shows every change of the statement, its payments, its refusal
and its dispute, with the values before and after.
"""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.private_files import write_private_files
from lawyer_billing.services import statements
from lawyer_billing.services.statements import StatementView
from lawyer_billing.ui import operations
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.statements import DeadlineTableModel, follow_language, status_labels, type_label
from lawyer_billing.ui.widgets import statement_dialogs
from lawyer_billing.ui.widgets.record_history import RecordHistoryDialog, open_history
from lawyer_billing.ui.widgets.screen_parts import detail_title, line_table
from lawyer_billing.ui.widgets.statement_follow_up import FollowUpPanel
from lawyer_billing.ui.widgets.statement_lines import StatementLinesView, open_source


class StatementDetail(QWidget):
    #: prepare the draft again: (draft id, version, mandate ids, type, supplemented (id, number) or None)
    prepare_again = Signal(object)
    #: prepare a supplementary statement to this one: (id, number)
    supplement = Signal(int, str)
    #: the draft was discarded
    discarded = Signal()
    #: reload the statement and the list
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view: StatementView | None = None

        self.title = detail_title("statement_title")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("statement_subtitle")
        self.subtitle.setWordWrap(True)
        self.seal = QLabel()
        self.seal.setObjectName("seal_finding")
        self.seal.setWordWrap(True)
        self.seal.setStyleSheet("color: white; background: #b3261e; padding: 6px; font-weight: bold;")

        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("export_pdf")
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self.export("pdf"),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.xlsx_button = QPushButton()
        self.xlsx_button.setObjectName("export_xlsx")
        self.xlsx_button.clicked.connect(lambda: self.export("xlsx"))
        self.supplement_button = QPushButton()
        self.supplement_button.setObjectName("supplementary")
        self.supplement_button.clicked.connect(self._supplement)
        self.again_button = QPushButton()
        self.again_button.setObjectName("prepare_again")
        self.again_button.clicked.connect(self._prepare_again)
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("discard_draft")
        self.discard_button.clicked.connect(self.discard)
        self.history_button = QPushButton()
        self.history_button.setObjectName("statement_history")
        self.history_button.clicked.connect(self.show_history)
        self.history: RecordHistoryDialog | None = None
        self.export_message = QLabel()
        self.export_message.setObjectName("export_message")
        buttons = QHBoxLayout()
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.export_message, 1)
        for button in (self.again_button, self.discard_button, self.supplement_button, self.xlsx_button,
                       self.pdf_button):
            buttons.addWidget(button)

        self.lines = StatementLinesView(context.language)
        self.lines.line_activated.connect(lambda line: open_source(context, line))
        self.deadline_model = DeadlineTableModel(context.language, self)
        self.deadlines = line_table("statement_deadlines", self.deadline_model)
        self.deadlines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.deadlines.horizontalHeader().setStretchLastSection(True)
        self.deadlines.setMaximumHeight(150)
        self.follow_up = FollowUpPanel(context)
        self.follow_up.recorded.connect(self.changed)
        self.follow_up.open_refusal.connect(lambda refusal_id: context.events.open_record.emit("refusal", refusal_id))
        follow_page = QWidget()
        follow_layout = QVBoxLayout(follow_page)
        self.deadlines_title = QLabel()
        follow_layout.addWidget(self.deadlines_title)
        follow_layout.addWidget(self.deadlines)
        follow_layout.addWidget(self.follow_up, 1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("statement_tabs")
        self.tabs.addTab(self.lines, "")
        self.tabs.addTab(follow_page, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.seal)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def set_statement(self, view: StatementView) -> None:
        self.view = view
        self.lines.set_lines(view.lines, view.totals)
        self.deadline_model.set_records(view.deadlines)
        self.follow_up.set_statement(view)
        final = view.is_final
        self.again_button.setVisible(not final)
        self.discard_button.setVisible(not final)
        self.supplement_button.setVisible(final)
        self.pdf_button.setEnabled(final)
        self.xlsx_button.setEnabled(final)
        self.seal.setVisible(bool(view.findings))
        self.seal.setText("\n".join(f"⚠ {finding.message_fr}" for finding in view.findings))
        self.export_message.clear()
        self._show_header()

    def has_unsaved_changes(self) -> bool:
        return self.follow_up.has_unsaved_changes()

    def _show_header(self) -> None:
        view, language = self.view, self.context.language
        if view is None:
            return
        self.title.setText(tr("Relevé {} — {} — {}").format(
            view.number, type_label(view.kind, language), status_labels()[view.status]))
        parts = [", ".join(f"{m.number} ({m.client_name})" for m in view.mandates)]
        if view.supplements_number:
            parts.append(tr("complète le relevé {}").format(view.supplements_number))
        parts.append(tr("créé le {}").format(format_date(view.created_on, language)))
        self.subtitle.setText(" · ".join(parts))

    # -- actions --------------------------------------------------------------------------

    def show_history(self) -> None:
        if self.view is not None:
            self.history = open_history(self, self.context, "statement", self.view.id)

    def _supplement(self) -> None:
        if self.view is not None:
            self.supplement.emit(self.view.id, self.view.number)

    def _prepare_again(self) -> None:
        view = self.view
        if view is None:
            return
        supplemented = (view.supplements_id, view.supplements_number) if view.supplements_id else None
        self.prepare_again.emit((view.id, view.version, view.mandate_ids, view.kind, supplemented))

    def discard(self) -> None:
        view = self.view
        if view is None or view.is_final:
            return
        if not statement_dialogs.confirm(self, tr("Supprimer le brouillon"),
                                         tr("Supprimer le brouillon {} ? Le travail qu'il reprenait reste à facturer.")
                                         .format(view.number)):
            return

        def discard() -> bool:
            with self.context.unit_of_work() as uow:
                statements.discard_draft(uow, view.id, view.version, user=self.context.user, now=self.context.now())
            return True

        if operations.attempt(self, discard):
            self.context.events.changed.emit("statement")
            self.discarded.emit()

    def export(self, extension: str) -> None:
        """Write the relevé (from its stored lines) where the lawyer chooses."""
        view = self.view
        if view is None or not view.is_final:
            return
        suggested = str(Path.home() / statements.export_file_name(view.number, extension))
        title, file_filter = ((tr("Exporter le relevé en PDF"), tr("Document PDF (*.pdf)")) if extension == "pdf"
                              else (tr("Exporter le relevé en Excel"), tr("Classeur Excel (*.xlsx)")))
        chosen = statement_dialogs.choose_save_file(self, title, suggested, file_filter)
        if chosen is None:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{extension}":
            path = path.with_name(f"{path.name}.{extension}")
        render = statements.statement_pdf_bytes if extension == "pdf" else statements.statement_xlsx_bytes

        def write() -> Path | None:
            with self.context.unit_of_work() as uow:
                content = render(uow, view.id)
            try:
                write_private_files([(path, content)])  # client names: owner-only, whole or not at all
            except OSError as error:
                operations.warn(self, tr("Exportation impossible"),
                                tr("Le fichier n'a pas pu être écrit dans {} : {}").format(path, error.strerror))
                return None
            return path

        written = operations.attempt(self, write)
        if written is not None:
            self.export_message.setText(tr("Écrit : {}").format(written.name))
            self.export_message.setToolTip(str(written))

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        language = self.context.language
        self.history_button.setText(tr("Historique…"))
        self.history_button.setToolTip(tr("Chaque modification du relevé, de ses paiements, de son refus et de son "
                                          "différend, avec les valeurs avant et après."))
        self.pdf_button.setText(tr("Exporter en PDF…"))
        self.pdf_button.setToolTip(tr("Le relevé tel qu'il a été finalisé (Ctrl+P)."))
        self.xlsx_button.setText(tr("Exporter en Excel…"))
        self.supplement_button.setText(tr("Relevé supplémentaire…"))
        self.supplement_button.setToolTip(tr("Un relevé finalisé ne se modifie pas : les corrections et le travail "
                                             "oublié vont sur un relevé supplémentaire."))
        self.again_button.setText(tr("Préparer de nouveau"))
        self.discard_button.setText(tr("Supprimer le brouillon"))
        self.tabs.setTabText(0, tr("Lignes et règles"))
        self.tabs.setTabText(1, tr("Suivi et échéances"))
        self.deadlines_title.setText(tr("Échéances calculées pour aujourd'hui"))
        self.lines.retranslate(language)
        follow_language(self.deadline_model, language)
        self.follow_up.retranslate()
        self._show_header()
