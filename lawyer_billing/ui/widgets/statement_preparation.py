"""« Préparer un relevé »: choose the mandates with unbilled work and the kind of account (art. 16),
see every line the statement would hold with its rules and findings, fix a line where it was
entered or confirm, then keep a draft or finalize.

What is finalized is exactly the preview shown: if the work changed meanwhile, the service
refuses and the lawyer looks at the new preview. Changing the mandates or the kind clears the
preview, so a stale one can never be confirmed.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_money
from lawyer_billing.domain.statement import StatementType
from lawyer_billing.services import statements
from lawyer_billing.services.statements import StatementPreview
from lawyer_billing.ui import operations
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.statements import MandateChoiceModel, follow_language
from lawyer_billing.ui.widgets import statement_dialogs
from lawyer_billing.ui.widgets.screen_parts import detail_title, line_table
from lawyer_billing.ui.widgets.statement_lines import StatementLinesView, open_source


class StatementPreparation(QWidget):
    #: a statement was finalized (its id)
    finalized = Signal(int)
    #: a draft was saved (its id)
    saved = Signal(int)
    #: the lawyer left without saving
    cancelled = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.preview: StatementPreview | None = None
        self.draft: tuple[int, int] | None = None  # (id, version) of the draft being prepared again
        self.supplements: tuple[int, str] | None = None  # (id, number) of the statement corrected
        self.dirty = False

        self.title = detail_title("preparation_title")
        self.hint = QLabel()
        self.hint.setWordWrap(True)

        self.mandate_model = MandateChoiceModel(context.language, self)
        self.mandates = line_table("mandates_to_bill", self.mandate_model)
        self.mandates.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.mandates.horizontalHeader().setStretchLastSection(True)
        self.mandates.activated.connect(lambda _: self.prepare())  # Space ticks a mandate, Enter previews
        self.mandate_model.chosen_changed.connect(self._choice_changed)
        self.no_work = QLabel()
        self.no_work.setObjectName("no_unbilled_work")
        self.no_work.setWordWrap(True)

        self.interim = QRadioButton()
        self.interim.setObjectName("kind_interim")
        self.final = QRadioButton()
        self.final.setObjectName("kind_final")
        self.final.setChecked(True)
        self.kinds = QButtonGroup(self)
        for button in (self.interim, self.final):
            self.kinds.addButton(button)
            button.toggled.connect(lambda checked: checked and self._choice_changed())
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("preview_statement")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.prepare)
        kinds = QHBoxLayout()
        kinds.addWidget(self.interim)
        kinds.addWidget(self.final)
        kinds.addStretch(1)
        kinds.addWidget(self.preview_button)
        self.choice = QWidget()
        choice_layout = QVBoxLayout(self.choice)
        choice_layout.setContentsMargins(0, 0, 0, 0)
        choice_layout.addWidget(self.mandates, 1)
        choice_layout.addWidget(self.no_work)
        choice_layout.addLayout(kinds)

        self.lines = StatementLinesView(context.language)
        self.lines.line_activated.connect(lambda line: open_source(context, line))
        self.problems = QLabel()
        self.problems.setObjectName("preview_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e; font-weight: bold;")

        self.fix_button = QPushButton()
        self.fix_button.setObjectName("fix_line")
        self.fix_button.clicked.connect(lambda: open_source(context, self.lines.current_line()))
        self.draft_button = QPushButton()
        self.draft_button.setObjectName("save_draft")
        self.draft_button.clicked.connect(self.save_draft)
        self.finalize_button = QPushButton()
        self.finalize_button.setObjectName("finalize_statement")
        self.finalize_button.clicked.connect(self.finalize)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.finalize,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancel_preparation")
        self.cancel_button.clicked.connect(self.cancel)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self.cancel,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fix_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.draft_button)
        buttons.addWidget(self.finalize_button)
        self.result = QWidget()
        result_layout = QVBoxLayout(self.result)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.addWidget(self.lines, 1)
        result_layout.addWidget(self.problems)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.choice)
        splitter.addWidget(self.result)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        self.mandates.setMinimumHeight(110)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        QWidget.setTabOrder(self.mandates, self.interim)
        QWidget.setTabOrder(self.interim, self.final)
        QWidget.setTabOrder(self.final, self.preview_button)
        QWidget.setTabOrder(self.preview_button, self.lines.table)
        self.retranslate()
        self._show_preview()

    # -- starting -------------------------------------------------------------------------

    def start_new(self, chosen=()) -> None:
        """A new statement: the mandates with unbilled work, ``chosen`` already ticked."""
        self.draft, self.supplements = None, None
        if not self._load_mandates():
            return
        self.mandate_model.set_chosen(chosen)
        self._set_preview(None)
        self.retranslate()
        self.mandates.setFocus()

    def start_again(self, draft_id: int, version: int, mandate_ids, kind: StatementType,
                    supplements: tuple[int, str] | None) -> None:
        """The draft ``draft_id`` prepared again from the work as it is now."""
        self.draft, self.supplements = (draft_id, version), supplements
        if supplements is None and not self._load_mandates():
            return
        self.mandate_model.set_chosen(mandate_ids)
        (self.interim if kind is StatementType.INTERIM else self.final).setChecked(True)

        def prepare() -> StatementPreview:
            with self.context.unit_of_work() as uow:
                return statements.prepare_again(uow, self.context.today(), draft_id)

        self._set_preview(operations.attempt(self, prepare))
        self.retranslate()

    def start_supplementary(self, statement_id: int, number: str) -> None:
        """The supplementary statement correcting the finalized statement ``statement_id``."""
        self.draft, self.supplements = None, (statement_id, number)

        def prepare() -> StatementPreview:
            with self.context.unit_of_work() as uow:
                return statements.prepare_supplementary(uow, self.context.today(), statement_id)

        self._set_preview(operations.attempt(self, prepare))
        self.retranslate()

    def _load_mandates(self) -> bool:
        def load():
            with self.context.unit_of_work() as uow:
                return statements.mandates_to_bill(uow, self.context.today())

        mandates = operations.attempt(self, load)
        if mandates is None:
            return False
        self.mandate_model.set_records(mandates)
        self.mandates.resizeColumnsToContents()
        return True

    # -- preparing ------------------------------------------------------------------------

    def kind(self) -> StatementType:
        if self.supplements is not None:
            return StatementType.SUPPLEMENTARY
        return StatementType.INTERIM if self.interim.isChecked() else StatementType.FINAL

    def prepare(self) -> None:
        if self.supplements is not None:
            self.start_supplementary(*self.supplements)
            return
        chosen = self.mandate_model.chosen_ids()
        if not chosen:
            self.problems.setText(tr("Cochez au moins un mandat (Espace), puis demandez l'aperçu."))
            self.problems.show()
            return

        def prepare() -> StatementPreview:
            with self.context.unit_of_work() as uow:
                return statements.prepare_statement(uow, self.context.today(), chosen, self.kind())

        self._set_preview(operations.attempt(self, prepare))
        self.lines.table.setFocus()

    def _choice_changed(self) -> None:
        if self.preview is not None and self.supplements is None:
            self._set_preview(None)

    def _set_preview(self, preview: StatementPreview | None) -> None:
        self.preview = preview
        self.dirty = preview is not None
        self._show_preview()

    def _show_preview(self) -> None:
        preview = self.preview
        self.result.setVisible(preview is not None)
        if preview is None:
            self.lines.set_lines((), None)
        else:
            self.lines.set_lines(preview.lines, preview.totals, preview.findings)
        problems = [] if preview is None else [tr(p.message_fr) for p in preview.problems]
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        ready = preview is not None and not preview.problems
        self.finalize_button.setEnabled(ready)
        self.draft_button.setEnabled(ready)
        self.fix_button.setEnabled(preview is not None and bool(preview.lines))

    # -- fixing, keeping, finalizing ------------------------------------------------------

    def save_draft(self) -> None:
        preview = self.preview
        if preview is None:
            return

        def save() -> int:
            draft_id, version = self.draft or (None, None)
            with self.context.unit_of_work() as uow:
                return statements.save_draft(uow, preview, user=self.context.user, now=self.context.now(),
                                             draft_id=draft_id, version=version)

        saved = operations.attempt(self, save)
        if saved is not None:
            self.dirty = False
            self.context.events.changed.emit("statement")
            self.saved.emit(saved)

    def finalize(self) -> None:
        preview = self.preview
        if preview is None or preview.problems:
            return
        left_out = len(preview.omitted_lines)
        total = format_money(preview.totals.total, self.context.language)
        text = tr("Finaliser ce relevé de {} ? Une fois finalisé, il ne peut plus être modifié : une correction "
                  "se fait par un relevé supplémentaire.").format(total)
        if left_out:
            text += "\n\n" + tr("{} ligne(s) sans montant n'y seront pas ; elles resteront à facturer.").format(
                left_out)
        if not statement_dialogs.confirm(self, tr("Finaliser le relevé"), text):
            return

        def finalize() -> int:
            draft_id, version = self.draft or (None, None)
            with self.context.unit_of_work() as uow:
                return statements.finalize_statement(uow, self.context.today(), preview, user=self.context.user,
                                                     now=self.context.now(), draft_id=draft_id, version=version)

        statement_id = operations.attempt(self, finalize)
        if statement_id is not None:
            self.dirty = False
            self.context.events.changed.emit("statement")
            self.finalized.emit(statement_id)

    def cancel(self) -> None:
        self._set_preview(None)
        self.dirty = False
        self.cancelled.emit()

    def has_unsaved_changes(self) -> bool:
        return self.dirty

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        language = self.context.language
        if self.supplements is not None:
            self.title.setText(tr("Relevé supplémentaire au relevé {}").format(self.supplements[1]))
            self.hint.setText(tr("Le relevé finalisé ne change pas : celui-ci porte le travail de ses mandats "
                                 "facturé nulle part encore et, pour chaque ligne dont le montant a changé depuis, "
                                 "une correction de la différence."))
        elif self.draft is not None:
            self.title.setText(tr("Brouillon préparé de nouveau"))
            self.hint.setText(tr("L'aperçu reprend le travail tel qu'il est aujourd'hui. Enregistrez le brouillon "
                                 "ou finalisez-le."))
        else:
            self.title.setText(tr("Préparer un relevé"))
            self.hint.setText(tr("Cochez les mandats à facturer (Espace), choisissez le type de compte (art. 16) "
                                 "et demandez l'aperçu (Entrée). Chaque ligne montre les règles qui ont fixé son "
                                 "montant ; une ligne à vérifier est surlignée."))
        self.choice.setVisible(self.supplements is None)
        self.no_work.setVisible(not self.mandate_model.records)
        self.no_work.setText(tr("Aucun mandat n'a de travail à facturer. Inscrivez d'abord les services rendus "
                                "dans Mandats (Ctrl+2) ; ils apparaîtront ici."))
        self.interim.setText(tr("Compte intérimaire"))
        self.interim.setToolTip(tr("Art. 16 : services rendus dans une cause en état au 30 juin, services rendus "
                                   "depuis 12 mois, ou formulaires de renseignements personnels (T219)."))
        self.final.setText(tr("Compte final"))
        self.final.setToolTip(tr("Art. 15-16 : après la fin du mandat, dans les 3 ans."))
        self.preview_button.setText(tr("Aperçu"))
        self.fix_button.setText(tr("Corriger la ligne…"))
        self.fix_button.setToolTip(tr("Ouvre le service (ou le mandat) d'où vient la ligne choisie (Entrée)."))
        self.draft_button.setText(tr("Enregistrer le brouillon"))
        self.finalize_button.setText(tr("Finaliser…"))
        self.finalize_button.setToolTip(tr("Numérote et scelle le relevé (Ctrl+Entrée)."))
        self.cancel_button.setText(tr("Annuler"))
        follow_language(self.mandate_model, language)
        self.lines.retranslate(language)
        self._show_preview()
