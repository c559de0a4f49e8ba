"""The tables of the Relevés screen: statements, the mandates to bill, a statement's lines and
its deadlines.

Thin adapters over the values of ``services.statements``: every amount, rule, finding and
deadline comes computed; these models only choose the words (in the user's language), the
colours (a line with a finding is highlighted, an overdue deadline is red) and the raw values
columns sort by.
"""

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from lawyer_billing.domain.compute import DeadlineEntry
from lawyer_billing.domain.deadlines import DeadlineKind, DeadlineState, Status
from lawyer_billing.domain.formatting import format_date, format_money, format_number
from lawyer_billing.domain.statement import StatementType
from lawyer_billing.services.statements import Line, LineKind, StatementListing, StatementStatus
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.records import Column, RecordTableModel

OVERDUE_COLOUR = QColor("#b3261e")
DUE_SOON_COLOUR = QColor("#8a5300")
FINDING_BACKGROUND = QColor("#fff4d6")
UNPRICED_COLOUR = QColor("#b3261e")


def status_labels() -> dict[StatementStatus, str]:
    return {
        StatementStatus.DRAFT: tr("brouillon"),
        StatementStatus.FINALIZED: tr("finalisé"),
        StatementStatus.SENT: tr("envoyé"),
        StatementStatus.RECEIVED: tr("reçu"),
        StatementStatus.PARTIALLY_PAID: tr("payé partiellement"),
        StatementStatus.PAID: tr("payé"),
        StatementStatus.REFUSED: tr("refusé"),
    }


def type_label(kind: StatementType, language: str) -> str:
    return kind.label_en if language == "en" else kind.label_fr


def deadline_labels() -> dict[DeadlineKind, str]:
    """The deadlines of a statement and of a dispute, by kind, in the user's language."""
    return {
        DeadlineKind.FILING: tr("Transmission du relevé (3 ans)"),
        DeadlineKind.PAYMENT: tr("Paiement par l'organisme (30 jours)"),
        DeadlineKind.DISBURSEMENT_PAYMENT: tr("Paiement de l'état des débours (30 jours)"),
        DeadlineKind.SPECIAL_CONSIDERATION: tr("Demande de considération spéciale (6 mois)"),
        DeadlineKind.DISPUTE: tr("Avis de différend (6 mois)"),
        DeadlineKind.CONCILIATORS_NAMED: tr("Désignation des conciliateurs (15 jours)"),
        DeadlineKind.CONCILIATION_MEETING: tr("Rencontre de conciliation (30 jours)"),
        DeadlineKind.ARBITRATION: tr("Soumission à l'arbitrage (6 mois)"),
        DeadlineKind.PENAL: tr("Délai pénal"),
    }


def days_left_text(status: Status | None) -> str:
    """« dans 12 jours », « aujourd'hui », « en retard de 3 jours », « respecté », « interrompu »."""
    if status is None:
        return ""
    if status.state is DeadlineState.MET:
        return tr("respecté en retard") if status.met_late else tr("respecté")
    if status.state is DeadlineState.INTERRUPTED:
        return tr("interrompu (art. 33)")
    if status.days_left < 0:
        return tr("en retard de {} j").format(-status.days_left)
    if status.days_left == 0:
        return tr("aujourd'hui")
    return tr("dans {} j").format(status.days_left)


def deadline_colour(status: Status | None) -> QColor | None:
    if status is None:
        return None
    if status.state is DeadlineState.OVERDUE:
        return OVERDUE_COLOUR
    if status.state is DeadlineState.DUE_SOON:
        return DUE_SOON_COLOUR
    return None


def next_deadline_text(entry: DeadlineEntry | None) -> str:
    if entry is None:
        return ""
    label = deadline_labels()[entry.deadline.kind]
    return f"{label} — {entry.deadline.due.isoformat()} ({days_left_text(entry.status)})"


def follow_language(model: RecordTableModel, language: str) -> None:
    """Have ``model`` speak ``language``, telling its views only when it changed: every signal
    emitted from Python costs a reference to ``True`` under PySide6 6.12.0 (its ``emit``
    returns a borrowed ``True``), so texts set again in the same language emit nothing."""
    if model.language != language:
        model.retranslate(language)


def _money(amount, language: str) -> str:
    return "" if amount is None else format_money(amount, language)


# --- the list of statements ------------------------------------------------------------------


def statement_columns() -> list[Column]:
    return [
        Column(lambda: tr("Numéro"), lambda s, _: s.number),
        Column(lambda: tr("Type"), lambda s, lang: type_label(s.kind, lang)),
        Column(lambda: tr("Mandats"), lambda s, _: ", ".join(s.mandate_numbers)),
        Column(lambda: tr("Total"), lambda s, lang: _money(s.total, lang), sort=lambda s: s.total, align_right=True),
        Column(lambda: tr("État"), lambda s, _: status_labels()[s.status]),
        Column(lambda: tr("Intérêts (art. 17)"), lambda s, lang: _money(s.interest, lang) if s.interest else "",
               sort=lambda s: s.interest, align_right=True,
               tooltip=lambda s, _: tr("Intérêts courus depuis le 30e jour après la réception")
               if s.interest else ""),
        Column(lambda: tr("Prochaine échéance"), lambda s, _: next_deadline_text(s.next_deadline),
               sort=lambda s: s.next_deadline.deadline.due if s.next_deadline else None,
               tooltip=lambda s, _: s.next_deadline.deadline.article if s.next_deadline else ""),
    ]


class StatementListModel(RecordTableModel):
    NEXT_DEADLINE = 6

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(statement_columns(), language, parent)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() == self.NEXT_DEADLINE:
            listing: StatementListing = self.records[index.row()]
            colour = deadline_colour(listing.next_deadline.status if listing.next_deadline else None)
            return None if colour is None else QBrush(colour)
        return super().data(index, role)


# --- the mandates to bill --------------------------------------------------------------------


def mandate_choice_columns() -> list[Column]:
    return [
        Column(lambda: tr("Mandat"), lambda m, _: m.mandate.number),
        Column(lambda: tr("Client"), lambda m, _: m.client_name),
        Column(lambda: tr("Bureau"), lambda m, _: m.office),
        Column(lambda: tr("Terminé le"),
               lambda m, lang: format_date(m.ended_on, lang) if m.ended_on else tr("en cours"),
               sort=lambda m: m.ended_on),
        Column(lambda: tr("Services"), lambda m, _: str(m.services), sort=lambda m: m.services, align_right=True),
        Column(lambda: tr("Déplacements"), lambda m, _: str(m.trips), sort=lambda m: m.trips, align_right=True),
        Column(lambda: tr("Débours"), lambda m, _: str(m.disbursements), sort=lambda m: m.disbursements,
               align_right=True),
    ]


class MandateChoiceModel(RecordTableModel):
    """The mandates with unbilled work, each with a box to tick in its first column."""

    #: a box was ticked or unticked
    chosen_changed = Signal()

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(mandate_choice_columns(), language, parent)
        self.chosen: set[int] = set()

    def records_changed(self) -> None:
        present = {m.mandate.id for m in self.records}
        self.chosen &= present

    def chosen_ids(self) -> list[int]:
        return [m.mandate.id for m in self.records if m.mandate.id in self.chosen]

    def set_chosen(self, mandate_ids) -> None:
        self.chosen = set(mandate_ids) & {m.mandate.id for m in self.records}
        if self.records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.records) - 1, 0),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.chosen_changed.emit()

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == 0:
            chosen = self.records[index.row()].mandate.id in self.chosen
            return Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: QModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        mandate_id = self.records[index.row()].mandate.id
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.chosen.add(mandate_id)
        else:
            self.chosen.discard(mandate_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.chosen_changed.emit()
        return True


# --- a statement's lines ---------------------------------------------------------------------


def line_kind_labels() -> dict[LineKind, str]:
    return {LineKind.FEE: tr("Honoraires"), LineKind.TRAVEL: tr("Déplacement"), LineKind.DISBURSEMENT: tr("Débours")}


def rules_text(line: Line) -> str:
    """The articles that fixed the line's amount, with a sign when a finding needs a look."""
    codes = ", ".join(dict.fromkeys(rule.code for rule in line.rules))
    return f"{codes} ⚠".strip() if line.findings else codes


def rules_tooltip(line: Line) -> str:
    """One line per rule (its explanation starts with its article), then one per finding."""
    return "\n".join([rule.explanation or rule.code for rule in line.rules]
                     + [f"⚠ {finding.message_fr} ({finding.article})" for finding in line.findings])


def _units(line: Line, language: str) -> str:
    if line.kind is LineKind.TRAVEL and line.km is not None:
        return tr("{} km").format(format_number(line.km, language))
    return str(line.units)


def line_columns() -> list[Column]:
    return [
        Column(lambda: tr("Date"), lambda l, _: l.on.isoformat(), sort=lambda l: l.on),
        Column(lambda: tr("Code"), lambda l, _: l.code),
        Column(lambda: tr("Libellé"), lambda l, lang: l.label or line_kind_labels()[l.kind],
               tooltip=lambda l, _: l.label),
        Column(lambda: tr("Mandat"), lambda l, _: l.mandate_number),
        Column(lambda: tr("Unités"), _units, sort=lambda l: l.km if l.km is not None else l.units, align_right=True),
        Column(lambda: tr("Tarif"), lambda l, lang: _money(l.tariff_amount, lang), sort=lambda l: l.tariff_amount,
               align_right=True),
        Column(lambda: tr("Montant"), lambda l, lang: _money(l.amount, lang) if l.amount is not None else tr("aucun"),
               sort=lambda l: l.amount, align_right=True),
        Column(lambda: tr("Réd. art. 22"), lambda l, lang: _money(l.cap_reduction, lang) if l.cap_reduction else "",
               sort=lambda l: l.cap_reduction, align_right=True),
        Column(lambda: tr("Règles"), lambda l, _: rules_text(l), tooltip=lambda l, _: rules_tooltip(l)),
    ]


class LineTableModel(RecordTableModel):
    """The lines of a previewed or stored statement; a line with a finding is highlighted and
    one without an amount (left off the statement) is written in red."""

    LABEL = 2

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(line_columns(), language, parent)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self.records):
            line: Line = self.records[index.row()]
            if role == Qt.ItemDataRole.BackgroundRole and line.findings:
                return QBrush(FINDING_BACKGROUND)
            if role == Qt.ItemDataRole.ForegroundRole and not line.billable:
                return QBrush(UNPRICED_COLOUR)
            if role == Qt.ItemDataRole.ToolTipRole and line.findings and index.column() != len(self.columns) - 1:
                return rules_tooltip(line)
        return super().data(index, role)


# --- a statement's deadlines -----------------------------------------------------------------


def deadline_columns() -> list[Column]:
    return [
        Column(lambda: tr("Échéance"), lambda e, _: deadline_labels()[e.deadline.kind],
               tooltip=lambda e, _: e.deadline.note_fr),
        Column(lambda: tr("Article"), lambda e, _: e.deadline.article),
        Column(lambda: tr("Dernier jour"), lambda e, lang: format_date(e.deadline.due, lang),
               sort=lambda e: e.deadline.due),
        Column(lambda: tr("Reste"), lambda e, _: days_left_text(e.status), sort=lambda e: e.status.days_left,
               align_right=True),
    ]


class DeadlineTableModel(RecordTableModel):
    """Deadlines as computed (``DeadlineEntry``): an overdue one in red, one due soon in amber."""

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(deadline_columns(), language, parent)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and 0 <= index.row() < len(self.records):
            colour = deadline_colour(self.records[index.row()].status)
            return None if colour is None else QBrush(colour)
        return super().data(index, role)
