"""What happened to a finalized statement, and the forms to record what happens next: sent,
received (art. 15, 17), a payment (partial or full), a refusal (art. 25).

Each form shows only when its step can come (a statement is received after being sent...),
with typed fields and the message of a wrong value under the field; Enter in a field records
its form. What was recorded is listed above the forms.
"""

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date, format_money
from lawyer_billing.domain.validation import raise_if_any
from lawyer_billing.services import statements
from lawyer_billing.services.statements import StatementStatus, StatementView
from lawyer_billing.ui import operations
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.fields import DateField, FieldMessages, MoneyField, TypedField, with_message
from lawyer_billing.ui.widgets.typed_text import typed_text


class _Form(QGroupBox):
    """One follow-up step: its fields (each with its message label), and a button to record it."""

    def __init__(self, name: str, record, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.messages = FieldMessages()
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout(self)
        self.button = QPushButton()
        self.button.setObjectName(f"{name}_record")
        self.button.clicked.connect(record)
        self.record = record

    def add(self, name: str, label: QLabel, field: QWidget) -> None:
        self.fields[name] = field
        self.form.addRow(label, with_message(field, self.messages.label_for(name)))
        if isinstance(field, QLineEdit):
            field.returnPressed.connect(self.record)

    def finish(self) -> None:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.button)
        self.form.addRow(row)

    def typed(self) -> dict[str, TypedField]:
        return {name: field for name, field in self.fields.items() if isinstance(field, TypedField)}


class FollowUpPanel(QWidget):
    #: something was recorded: the screen reloads the statement
    recorded = Signal()
    #: the lawyer asks to open the dispute path of the refusal (its id)
    open_refusal = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.view: StatementView | None = None
        self.initial: dict[QWidget, str] = {}

        self.history = QLabel()
        self.history.setObjectName("follow_up_history")
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dispute_button = QPushButton()
        self.dispute_button.setObjectName("open_dispute")
        self.dispute_button.clicked.connect(self._open_refusal)

        today = context.today
        self.send = _Form("send", self._send)
        self.sent_label = QLabel()
        self.send.add("sent_on", self.sent_label, DateField(today))
        self.send.finish()

        self.receive = _Form("receive", self._receive)
        self.received_label = QLabel()
        self.receive.add("received_on", self.received_label, DateField(today))
        self.receive.finish()

        self.payment = _Form("payment", self._pay)
        self.paid_on_label, self.amount_label = QLabel(), QLabel()
        self.payment.add("paid_on", self.paid_on_label, DateField(today))
        self.payment.add("amount", self.amount_label, MoneyField(optional=False, language=context.language))
        self.payment.finish()

        self.refusal = _Form("refusal", self._refuse)
        self.refusal_on_label, self.reasons_label = QLabel(), QLabel()
        self.refused_label, self.reference_label = QLabel(), QLabel()
        self.refusal.add("received_on", self.refusal_on_label, DateField(today))
        reasons = QPlainTextEdit()
        reasons.setTabChangesFocus(True)
        reasons.setFixedHeight(64)
        self.refusal.add("reasons", self.reasons_label, reasons)
        self.refusal.add("amount_refused", self.refused_label, MoneyField(optional=False, language=context.language))
        self.refusal.add("reference", self.reference_label, QLineEdit())
        self.refusal.finish()

        forms = QHBoxLayout()
        left = QVBoxLayout()
        for form in (self.send, self.receive, self.payment):
            left.addWidget(form)
        left.addStretch(1)
        forms.addLayout(left, 1)
        forms.addWidget(self.refusal, 1, Qt.AlignmentFlag.AlignTop)
        top = QHBoxLayout()
        top.addWidget(self.history, 1)
        top.addWidget(self.dispute_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(forms, 1)
        self.retranslate()

    # -- showing --------------------------------------------------------------------------

    def set_statement(self, view: StatementView) -> None:
        self.view = view
        status, today = view.status, self.context.today()
        final = view.is_final
        self.send.setVisible(final and view.sent_on is None)
        self.receive.setVisible(final and view.sent_on is not None and view.received_on is None)
        self.payment.setVisible(final and view.received_on is not None and status is not StatementStatus.PAID)
        self.refusal.setVisible(final and view.sent_on is not None and view.refusal is None
                                and status is not StatementStatus.PAID)
        for form in (self.send, self.receive, self.payment, self.refusal):
            form.messages.clear()
            for field in form.fields.values():
                if isinstance(field, DateField):
                    field.set_value(today)
                elif isinstance(field, MoneyField):
                    field.set_value(view.outstanding if form is self.payment else None)
                elif isinstance(field, QLineEdit):
                    field.clear()
                else:
                    field.setPlainText("")
        self.initial = {field: self._text(field) for form in self._forms() for field in form.fields.values()}
        self.dispute_button.setVisible(view.refusal is not None)
        self._show_history()

    def _open_refusal(self) -> None:
        if self.view is not None and self.view.refusal is not None:
            self.open_refusal.emit(self.view.refusal.id)

    def _forms(self) -> tuple[_Form, ...]:
        return (self.send, self.receive, self.payment, self.refusal)

    @staticmethod
    def _text(field: QWidget) -> str:
        return typed_text(field) if isinstance(field, QPlainTextEdit) else field.text()

    def has_unsaved_changes(self) -> bool:
        """A value typed in a form that was not recorded."""
        return any(not form.isHidden() and self._text(field) != self.initial.get(field, "")
                   for form in self._forms() for field in form.fields.values())

    def _show_history(self) -> None:
        view, language = self.view, self.context.language
        if view is None:
            return
        if not view.is_final:
            self.history.setText(
                escape(tr("Brouillon : finalisez-le pour l'envoyer et en suivre le paiement."), quote=False))
            return
        lines = [tr("Finalisé le {}").format(format_date(view.finalized_on, language))]
        if view.sent_on:
            lines.append(tr("Envoyé le {}").format(format_date(view.sent_on, language)))
        if view.received_on:
            lines.append(tr("Reçu par l'organisme le {}").format(format_date(view.received_on, language)))
        lines += [tr("Paiement de {} le {}").format(format_money(p.amount, language), format_date(p.paid_on, language))
                  for p in view.payments]
        if view.refusal is not None:
            lines.append(tr("Refus de {} reçu le {} : {}").format(
                format_money(view.refusal.amount_refused, language), format_date(view.refusal.received_on, language),
                view.refusal.reasons))
        if view.payments or view.received_on:
            lines.append(tr("Solde impayé : {}").format(format_money(view.outstanding, language)))
        if view.interest is not None:
            lines.append(tr("Intérêts courus (art. 17) jusqu'au {} : {}").format(
                format_date(view.interest.until, language), format_money(view.interest.result.total, language)))
        self.history.setText("<br>".join(escape(line, quote=False) for line in lines))

    # -- recording ------------------------------------------------------------------------

    def _attempt(self, form: _Form, action) -> None:
        """Read ``form``'s typed fields (problems beside them), then run ``action(values)``."""
        view = self.view
        if view is None:
            return
        values, problems = form.messages.read(form.typed())

        def run() -> bool:
            raise_if_any(problems)
            with self.context.unit_of_work() as uow:
                action(uow, view, values)
            return True

        if operations.attempt(self, run, form.messages):
            self.context.events.changed.emit("statement")
            self.recorded.emit()

    def _who(self) -> dict:
        return {"user": self.context.user, "now": self.context.now()}

    def _send(self) -> None:
        self._attempt(self.send, lambda uow, view, values: statements.mark_sent(
            uow, self.context.today(), view.id, view.version, values["sent_on"], **self._who()))

    def _receive(self) -> None:
        self._attempt(self.receive, lambda uow, view, values: statements.mark_received(
            uow, self.context.today(), view.id, view.version, values["received_on"], **self._who()))

    def _pay(self) -> None:
        self._attempt(self.payment, lambda uow, view, values: statements.record_payment(
            uow, self.context.today(), view.id, view.version, values["paid_on"], values["amount"], **self._who()))

    def _refuse(self) -> None:
        reasons = typed_text(self.refusal.fields["reasons"])
        reference = self.refusal.fields["reference"].text()
        self._attempt(self.refusal, lambda uow, view, values: statements.record_refusal(
            uow, self.context.today(), view.id, view.version, received_on=values["received_on"], reasons=reasons,
            amount_refused=values["amount_refused"], reference=reference, **self._who()))

    # -- language -------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.send.setTitle(tr("Envoi à l'organisme"))
        self.sent_label.setText(tr("Envoyé le"))
        self.send.button.setText(tr("Inscrire l'envoi"))
        self.receive.setTitle(tr("Réception par l'organisme"))
        self.received_label.setText(tr("Reçu le"))
        self.receive.button.setText(tr("Inscrire la réception"))
        self.receive.setToolTip(tr("Le paiement est dû 30 jours après la réception (art. 15) ; l'intérêt court "
                                   "ensuite (art. 17)."))
        self.payment.setTitle(tr("Paiement"))
        self.paid_on_label.setText(tr("Payé le"))
        self.amount_label.setText(tr("Montant"))
        self.payment.button.setText(tr("Inscrire le paiement"))
        self.refusal.setTitle(tr("Refus de paiement (art. 25)"))
        self.refusal_on_label.setText(tr("Avis reçu le"))
        self.reasons_label.setText(tr("Motifs"))
        self.refused_label.setText(tr("Montant refusé"))
        self.reference_label.setText(tr("Référence de l'organisme"))
        self.refusal.button.setText(tr("Inscrire le refus"))
        self.refusal.setToolTip(tr("Le refus ouvre le délai de 6 mois pour soumettre un différend (art. 32)."))
        self.dispute_button.setText(tr("Ouvrir le différend"))
        self._show_history()
