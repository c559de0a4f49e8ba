"""The dispute path of one refusal: each step with its day, its last day (and how many days
remain, overdue in red), its article, and for the steps that have one, its letter.

Choosing a step shows its date field: type the day it was taken and Enter records it (an empty
field clears it). The letters are filled with the refusal's facts; the summary of the facts
and the remedy asked (art. 32) are drafted from the refusal and the lawyer may complete them
before producing the letter as PDF (to sign) or DOCX (to edit).
"""

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date, format_money
from lawyer_billing.domain.letters import LetterError
from lawyer_billing.domain.validation import FieldProblem, InvalidRecord, raise_if_any
from lawyer_billing.private_files import write_private_files
from lawyer_billing.services import disputes
from lawyer_billing.services.disputes import DisputePath, LetterTexts, Step, StepView
from lawyer_billing.services.statements import export_file_name
from lawyer_billing.ui import operations
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.disputes import StepTableModel, letter_labels, step_labels
from lawyer_billing.ui.models.statements import follow_language
from lawyer_billing.ui.widgets import statement_dialogs
from lawyer_billing.ui.widgets.fields import DateField, FieldMessages
from lawyer_billing.ui.widgets.screen_parts import detail_title, line_table
from lawyer_billing.ui.widgets.typed_text import typed_text


class DisputePathView(QWidget):
    #: a step was recorded: the screen reloads the list
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.path: DisputePath | None = None
        self.drafted: LetterTexts | None = None

        self.title = detail_title("dispute_title")
        self.summary = QLabel()
        self.summary.setObjectName("dispute_summary")
        self.summary.setWordWrap(True)
        self.open_statement = QPushButton()
        self.open_statement.setObjectName("open_statement")
        self.open_statement.clicked.connect(self._open_statement)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.open_statement)

        self.model = StepTableModel(context.language, self)
        self.steps = line_table("dispute_steps", self.model)
        self.steps.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.steps.horizontalHeader().setStretchLastSection(True)
        self.steps.selectionModel().currentRowChanged.connect(lambda current, _: self._show_step())
        self.steps.activated.connect(lambda _: self.day.setFocus())

        self.step_box = QGroupBox()
        self.step_note = QLabel()
        self.step_note.setObjectName("step_note")
        self.step_note.setWordWrap(True)
        self.messages = FieldMessages()
        self.day = DateField(context.today, optional=True)
        self.day.setObjectName("step_day")
        self.day.returnPressed.connect(self.record)
        self.record_button = QPushButton()
        self.record_button.setObjectName("record_step")
        self.record_button.clicked.connect(self.record)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day, 1)
        day_row.addWidget(self.record_button)
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("letter_pdf")
        self.pdf_button.clicked.connect(lambda: self.produce_letter("pdf"))
        self.docx_button = QPushButton()
        self.docx_button.setObjectName("letter_docx")
        self.docx_button.clicked.connect(lambda: self.produce_letter("docx"))
        self.letter_message = QLabel()
        self.letter_message.setObjectName("letter_message")
        self.letter_message.setWordWrap(True)
        letter_row = QHBoxLayout()
        letter_row.addWidget(self.pdf_button)
        letter_row.addWidget(self.docx_button)
        letter_row.addWidget(self.letter_message, 1)
        self.day_label = QLabel()
        self.letter_label = QLabel()
        step_form = QFormLayout(self.step_box)
        step_form.addRow(self.step_note)
        day_column = QVBoxLayout()
        day_column.addLayout(day_row)
        day_column.addWidget(self.messages.label_for("day", self))
        step_form.addRow(self.day_label, day_column)
        step_form.addRow(self.letter_label, letter_row)

        self.texts_box = QGroupBox()
        self.facts = QPlainTextEdit()
        self.facts.setObjectName("letter_facts")
        self.facts.setTabChangesFocus(True)
        self.remedy = QPlainTextEdit()
        self.remedy.setObjectName("letter_remedy")
        self.remedy.setTabChangesFocus(True)
        self.remedy.setFixedHeight(56)
        self.facts.setMinimumHeight(90)
        self.facts_label, self.remedy_label = QLabel(), QLabel()
        texts_form = QFormLayout(self.texts_box)
        texts_form.addRow(self.facts_label, self.facts)
        texts_form.addRow(self.remedy_label, self.remedy)

        self.outcome_box = QGroupBox()
        self.outcome = QPlainTextEdit()
        self.outcome.setObjectName("dispute_outcome")
        self.outcome.setTabChangesFocus(True)
        self.outcome.setFixedHeight(48)
        self.outcome_button = QPushButton()
        self.outcome_button.setObjectName("record_outcome")
        self.outcome_button.clicked.connect(self.record_outcome)
        outcome_layout = QVBoxLayout(self.outcome_box)
        outcome_layout.addWidget(self.outcome)
        outcome_layout.addWidget(self.outcome_button, 0, Qt.AlignmentFlag.AlignRight)

        lower = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.step_box)
        left.addWidget(self.outcome_box)
        left.addStretch(1)
        lower.addLayout(left, 1)
        lower.addWidget(self.texts_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.steps, 1)
        self.steps.setMinimumHeight(220)
        layout.addLayout(lower)
        QWidget.setTabOrder(self.steps, self.day)
        QWidget.setTabOrder(self.day, self.record_button)
        QWidget.setTabOrder(self.record_button, self.pdf_button)
        QWidget.setTabOrder(self.pdf_button, self.docx_button)
        QWidget.setTabOrder(self.docx_button, self.facts)
        QWidget.setTabOrder(self.facts, self.remedy)
        QWidget.setTabOrder(self.remedy, self.outcome)
        self.retranslate()

    # -- showing --------------------------------------------------------------------------

    def set_path(self, path: DisputePath) -> None:
        """Show ``path``; the letter texts the lawyer changed are kept when the same refusal is shown again."""
        same = self.path is not None and self.path.refusal.id == path.refusal.id
        chosen = self.current_step().step if same and self.current_step() else None
        self.path = path
        self.model.set_records(path.steps)
        self.steps.resizeColumnsToContents()
        drafted = disputes.default_texts(path, "fr")
        if not same or not self.has_unsaved_changes():
            self.facts.setPlainText(drafted.facts)
            self.remedy.setPlainText(drafted.remedy)
            self.outcome.setPlainText(path.dispute.outcome)
        self.drafted = drafted
        row = self.model.row_of(lambda s: s.step is chosen) if chosen else None
        if row is None:
            following = path.next_step
            row = self.model.row_of(lambda s: s.step is following.step) if following else 0
        self.steps.selectionModel().setCurrentIndex(
            self.model.index(row or 0, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._show_summary()
        self._show_step()

    def _open_statement(self) -> None:
        if self.path is not None:
            self.context.events.open_record.emit("statement", self.path.statement_id)

    def current_step(self) -> StepView | None:
        row = self.steps.currentIndex().row()
        return self.model.record(row) if 0 <= row < len(self.model.records) else None

    def select_step(self, step: Step) -> None:
        row = self.model.row_of(lambda s: s.step is step)
        if row is not None:
            self.steps.selectRow(row)

    def has_unsaved_changes(self) -> bool:
        if self.path is None or self.drafted is None:
            return False
        step = self.current_step()
        typed_day = step is not None and step.recordable and self.day.text().strip() != (
            step.done_on.isoformat() if step.done_on else "")
        return typed_day or typed_text(self.outcome).strip() != self.path.dispute.outcome

    def _show_summary(self) -> None:
        path, language = self.path, self.context.language
        if path is None:
            return
        refusal = path.refusal
        self.title.setText(tr("Refus du relevé {} — {}").format(
            path.statement_number, format_money(refusal.amount_refused, language)))
        reference = tr(" (référence {})").format(refusal.reference) if refusal.reference else ""
        self.summary.setText(tr("Avis reçu le {}{} ; mandat {} ({}). Motifs : {}").format(
            format_date(refusal.received_on, language), reference, ", ".join(path.mandate_numbers),
            ", ".join(path.beneficiaries), refusal.reasons))

    def _show_step(self) -> None:
        step = self.current_step()
        self.messages.clear()
        self.letter_message.clear()
        if step is None:
            self.step_box.setEnabled(False)
            return
        self.step_box.setEnabled(True)
        self.step_box.setTitle(f"{step_labels()[step.step]} ({step.article})")
        self.step_note.setText(self._note(step))
        self.day.setEnabled(step.recordable)
        self.record_button.setEnabled(step.recordable)
        self.day.set_value(step.done_on)
        has_letter = step.letter is not None
        self.pdf_button.setEnabled(has_letter)
        self.docx_button.setEnabled(has_letter)
        letter = letter_labels()[step.letter] if has_letter else ""
        self.pdf_button.setToolTip(tr("{} prête à signer et à envoyer.").format(letter) if has_letter else "")
        self.docx_button.setToolTip(
            tr("{} à modifier dans un traitement de texte.").format(letter) if has_letter else "")

    def _note(self, step: StepView) -> str:
        language = self.context.language
        if not step.recordable and step.step is not Step.REFUSAL:
            text = tr("Étape du centre régional et du Barreau : aucune date à inscrire ; le dernier jour est "
                      "calculé pour que vous puissiez relancer.")
        elif step.step is Step.REFUSAL:
            text = tr("Le refus a été inscrit dans Relevés ; il ouvre le délai de l'avis de différend.")
        else:
            text = tr("Inscrivez le jour où l'étape a été faite (Entrée) ; videz le champ pour l'effacer.")
        if step.deadline is not None:
            text += " " + tr("Dernier jour : {}.").format(format_date(step.deadline.due, language))
            for alternative in step.deadline.alternatives:
                if alternative.due != step.deadline.due:
                    text += " " + tr("Autre lecture de l'article : {}.").format(format_date(alternative.due, language))
        return text

    # -- recording ------------------------------------------------------------------------

    def record(self) -> None:
        path, step = self.path, self.current_step()
        if path is None or step is None or not step.recordable:
            return
        values, problems = self.messages.read({"day": self.day})

        def save() -> bool:
            raise_if_any(problems)
            with self.context.unit_of_work() as uow:
                disputes.record_step(uow, self.context.today(), path.refusal.id, step.step, values.get("day"),
                                     version=path.dispute.version, user=self.context.user, now=self.context.now())
            return True

        if operations.attempt(self, lambda: self._beside_day(save), self.messages):
            self.context.events.changed.emit("dispute")
            self.changed.emit()

    @staticmethod
    def _beside_day(action):
        """The service names a problem by the step's column; the form has one date field, « day »."""
        try:
            return action()
        except InvalidRecord as invalid:
            raise InvalidRecord([FieldProblem("day", p.message_fr) for p in invalid.problems]) from None

    def record_outcome(self) -> None:
        path = self.path
        if path is None:
            return
        text = typed_text(self.outcome)

        def save() -> bool:
            with self.context.unit_of_work() as uow:
                disputes.record_outcome(uow, path.refusal.id, text, version=path.dispute.version,
                                        user=self.context.user, now=self.context.now())
            return True

        if operations.attempt(self, save):
            self.context.events.changed.emit("dispute")
            self.changed.emit()

    def produce_letter(self, extension: str) -> None:
        """The step's letter, filled with the refusal's facts and the texts above, written where
        the lawyer chooses."""
        path, step = self.path, self.current_step()
        if path is None or step is None or step.letter is None:
            return
        suggested = str(Path.home() / export_file_name(path.statement_number, extension, step.letter.value))
        file_filter = tr("Document PDF (*.pdf)") if extension == "pdf" else tr("Document Word (*.docx)")
        chosen = statement_dialogs.choose_save_file(self, tr("Enregistrer la lettre"), suggested, file_filter)
        if chosen is None:
            return
        target = Path(chosen)
        if target.suffix.lower() != f".{extension}":
            target = target.with_name(f"{target.name}.{extension}")
        texts = LetterTexts(typed_text(self.facts).strip(), typed_text(self.remedy).strip())

        def write() -> Path | None:
            with self.context.unit_of_work() as uow:
                try:
                    letter = disputes.dispute_letter(uow, self.context.today(), path.refusal.id, step.step, texts)
                except LetterError as missing:
                    operations.warn(self, tr("Lettre incomplète"), tr(
                        "{} Inscrivez le district de votre bureau dans Paramètres (profil), ou complétez l'exposé "
                        "des faits et le correctif.").format(missing))
                    return None
            try:
                write_private_files([(target, disputes.letter_file(letter, extension))])
            except OSError as error:
                operations.warn(self, tr("Lettre non enregistrée"),
                                tr("Le fichier n'a pas pu être écrit dans {} : {}").format(target, error.strerror))
                return None
            return target

        written = operations.attempt(self, write)
        if written is not None:
            self.letter_message.setText(tr("Lettre écrite : {}").format(written.name))
            self.letter_message.setToolTip(str(written))

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.open_statement.setText(tr("Voir le relevé"))
        self.day_label.setText(tr("Fait le"))
        self.letter_label.setText(tr("Lettre"))
        self.record_button.setText(tr("Inscrire la date"))
        self.pdf_button.setText(tr("PDF…"))
        self.docx_button.setText(tr("DOCX…"))
        self.texts_box.setTitle(tr("Textes des lettres (art. 32 : exposé sommaire des faits et correctif requis)"))
        self.facts_label.setText(tr("Faits"))
        self.remedy_label.setText(tr("Correctif"))
        self.outcome_box.setTitle(tr("Issue du différend"))
        self.outcome_button.setText(tr("Enregistrer"))
        follow_language(self.model, self.context.language)
        self._show_summary()
        self._show_step()
