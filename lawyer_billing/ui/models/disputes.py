"""The tables of the Différends screen: the refusals, and the steps of one dispute path.

Every day and deadline comes from ``services.disputes``; these models give the words in the
user's language, paint an overdue deadline red (amber when due soon) and keep raw values for
sorting.
"""

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush

from lawyer_billing.domain.deadlines import DeadlineState
from lawyer_billing.domain.formatting import format_date, format_money
from lawyer_billing.domain.letters import LetterKind
from lawyer_billing.services.disputes import RefusalListing, Step, StepView
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.records import Column, RecordTableModel
from lawyer_billing.ui.models.statements import days_left_text, deadline_colour


def step_labels() -> dict[Step, str]:
    return {
        Step.REFUSAL: tr("Avis de refus reçu"),
        Step.CONCILIATION_REQUESTED: tr("Demande de conciliation (facultative)"),
        Step.CONCILIATORS_NAMED: tr("Désignation des conciliateurs"),
        Step.CONCILIATION_MEETING: tr("Rencontre de conciliation"),
        Step.CONCILIATION_ENDED: tr("Fin de la conciliation sans entente"),
        Step.NOTICE_SENT: tr("Avis de différend"),
        Step.ANSWER_RECEIVED: tr("Réponse écrite du centre régional"),
        Step.ARBITRATION_LETTER_SENT: tr("Soumission à l'arbitrage"),
    }


def letter_labels() -> dict[LetterKind, str]:
    return {
        LetterKind.CONCILIATION_REQUEST: tr("Demande de conciliation"),
        LetterKind.DISPUTE_NOTICE: tr("Avis de différend"),
        LetterKind.ARBITRATION: tr("Lettre au juge en chef"),
    }


def _day(day, language: str) -> str:
    return "" if day is None else format_date(day, language)


def step_deadline_text(step: StepView | None) -> str:
    if step is None or step.deadline is None:
        return ""
    return f"{step_labels()[step.step]} — {step.deadline.due.isoformat()} ({days_left_text(step.status)})"


def refusal_columns() -> list[Column]:
    return [
        Column(lambda: tr("Relevé"), lambda r, _: r.statement_number),
        Column(lambda: tr("Refus reçu le"), lambda r, lang: format_date(r.refusal.received_on, lang),
               sort=lambda r: r.refusal.received_on),
        Column(lambda: tr("Montant refusé"), lambda r, lang: format_money(r.refusal.amount_refused, lang),
               sort=lambda r: r.refusal.amount_refused, align_right=True),
        Column(lambda: tr("Référence"), lambda r, _: r.refusal.reference),
        Column(lambda: tr("Motifs"), lambda r, _: r.refusal.reasons, tooltip=lambda r, _: r.refusal.reasons),
        Column(lambda: tr("Dernière étape"), lambda r, _: step_labels()[r.last_step.step]),
        Column(lambda: tr("Prochaine échéance"), lambda r, _: step_deadline_text(r.next_step),
               sort=lambda r: r.next_step.deadline.due if r.next_step else None,
               tooltip=lambda r, _: r.next_step.article if r.next_step else ""),
    ]


class RefusalListModel(RecordTableModel):
    REASONS, NEXT_DEADLINE = 4, 6

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(refusal_columns(), language, parent)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self.NEXT_DEADLINE:
            listing: RefusalListing = self.records[index.row()]
            colour = deadline_colour(listing.next_step.status if listing.next_step else None)
            return None if colour is None else QBrush(colour)
        return super().data(index, role)


def step_columns() -> list[Column]:
    return [
        Column(lambda: tr("Étape"), lambda s, _: step_labels()[s.step]),
        Column(lambda: tr("Article"), lambda s, _: s.article),
        Column(lambda: tr("Fait le"), lambda s, lang: _day(s.done_on, lang), sort=lambda s: s.done_on),
        Column(lambda: tr("Dernier jour"), lambda s, lang: _day(s.deadline.due if s.deadline else None, lang),
               sort=lambda s: s.deadline.due if s.deadline else None,
               tooltip=lambda s, _: _deadline_note(s)),
        Column(lambda: tr("Reste"), _remaining,
               sort=lambda s: s.status.days_left if s.status else None, align_right=True),
        Column(lambda: tr("Lettre"), lambda s, _: letter_labels()[s.letter] if s.letter else ""),
    ]


def _remaining(step: StepView, _language: str) -> str:
    """Days left on a step not taken yet; the centre's and the Barreau's steps (art. 30-31) are
    over once the conciliation ended, whatever day they were taken."""
    if step.done_on is not None:
        return ""
    if not step.recordable and step.status is not None and step.status.state is DeadlineState.MET:
        return tr("terminée")
    return days_left_text(step.status)


def _deadline_note(step: StepView) -> str:
    if step.deadline is None:
        return ""
    readings = [f"{a.due.isoformat()} : {a.reading_fr}" for a in step.deadline.alternatives]
    return "\n".join([step.deadline.note_fr, *readings])


class StepTableModel(RecordTableModel):
    """The steps of one dispute path, in their order (not sortable: the order is the law's)."""

    REMAINING = 4

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(step_columns(), language, parent)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() in (3, self.REMAINING):
            step: StepView = self.records[index.row()]
            colour = None if step.done_on else deadline_colour(step.status)
            return None if colour is None else QBrush(colour)
        return super().data(index, role)
