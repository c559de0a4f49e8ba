"""« Ajouter un délai pénal » on a mandate: the period chosen from the list of the Code (typed
by a word of its name or its article), the day of its event and a note. Saving follows it on
the mandate through ``services.penal_deadlines.follow``; what the service refuses is said
beside the field and the dialog stays open with what was typed."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.tools.penal_deadlines import PenalPeriod
from lawyer_billing.services.penal_deadlines import PenalDeadlineRecord, follow, listed_periods
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets.fields import DateField, FieldMessages, with_message


def run_dialog(dialog: QDialog) -> bool:
    """Show ``dialog`` until it is closed; true when it was accepted (tests replace this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def period_choice(period: PenalPeriod, language: str) -> str:
    """« Appel à la Cour supérieure — art. 271 C.p.p. (événement : le jugement rendu en première instance) »."""
    label, starts = (period.label_en, period.starts_en) if language == "en" else (period.label_fr, period.starts_fr)
    return tr("{} — art. {} C.p.p. (événement : {})").format(label, period.article, starts)


def period_combo(language: str) -> QComboBox:
    """Every period of the Code, found by any word of its name, its article or its event."""
    combo = QComboBox()
    combo.setObjectName("period")
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setMinimumWidth(620)
    for period in listed_periods():
        combo.addItem(period_choice(period, language), period.key)
    # a long name is read from its beginning, not from where the cursor was left
    combo.currentIndexChanged.connect(lambda _index: combo.lineEdit().setCursorPosition(0))
    return combo


def chosen_period(combo: QComboBox) -> str:
    """The identifier of the period chosen, or the text typed when it names none (the service
    then says so beside the field)."""
    if combo.currentIndex() >= 0 and combo.currentText() == combo.itemText(combo.currentIndex()):
        return combo.currentData()
    return combo.currentText().strip()


class FollowPenalDeadlineDialog(QDialog):
    def __init__(self, context: AppContext, mandate_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.mandate_id = mandate_id
        self.saved: PenalDeadlineRecord | None = None
        self.setWindowTitle(tr("Ajouter un délai pénal"))
        self.messages = FieldMessages()
        self.period = period_combo(context.language)
        self.event_on = DateField(context.today)
        self.event_on.setObjectName("event_on")
        self.event_on.set_value(context.today())
        self.note = QLineEdit()
        self.note.setObjectName("note")
        form = QFormLayout()
        for name, field, text in (("period", self.period, tr("&Délai")),
                                  ("event_on", self.event_on, tr("Date de l'&événement")),
                                  ("note", self.note, tr("&Note"))):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, with_message(field, self.messages.label_for(name)))
        buttons = QDialogButtonBox()
        self.follow_button = buttons.addButton(tr("Suivre"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.follow_button.setObjectName("follow")
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annuler"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def submit(self) -> None:
        """Follow the period; on a refusal, say why beside the field and stay open."""
        values, problems = self.messages.read({"event_on": self.event_on})
        if problems:
            self.messages.show(problems)
            return

        def save() -> PenalDeadlineRecord:
            with self.context.unit_of_work() as uow:
                return follow(uow, self.mandate_id, chosen_period(self.period), values["event_on"], self.note.text(),
                              user=self.context.user, now=self.context.now())

        self.saved = attempt(self, save, self.messages)
        if self.saved is not None:
            self.accept()
