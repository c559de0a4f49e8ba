"""The Tableau de bord's lists as Qt models: deadlines grouped by urgency (a tree), the work
not billed, the statements awaiting payment and the findings (tables of ``records.py``).

Every row carries the record it is about in ``RECORD_ROLE`` (a ``RecordRef``), so the screen
opens it without knowing what the row shows. Texts are made here, in the user's language,
from the values the dashboard service computed; nothing is computed here.
"""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from lawyer_billing.domain.deadlines import DeadlineKind, DeadlineState, Status
from lawyer_billing.domain.formatting import format_date, format_money
from lawyer_billing.services.dashboard import AwaitingPayment, UnbilledMandate
from lawyer_billing.services.deadlines import DeadlineItem, Urgency
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.records import RECORD_ROLE, SORT_ROLE, Column, RecordTableModel

OVERDUE_COLOUR = QColor("#b3261e")


def urgency_title(urgency: Urgency) -> str:
    return {
        Urgency.OVERDUE: tr("En retard"),
        Urgency.THIS_WEEK: tr("Cette semaine"),
        Urgency.THIS_MONTH: tr("Ce mois-ci"),
        Urgency.LATER: tr("Plus tard"),
    }[urgency]


def deadline_label(kind: DeadlineKind) -> str:
    """What the step is, in the user's language (the domain's ``label_fr`` in French)."""
    return {
        DeadlineKind.FILING: tr("Transmission du relevé d'honoraires"),
        DeadlineKind.PAYMENT: tr("Paiement du relevé d'honoraires"),
        DeadlineKind.DISBURSEMENT_PAYMENT: tr("Paiement de l'état des débours"),
        DeadlineKind.SPECIAL_CONSIDERATION: tr("Demande de considération spéciale"),
        DeadlineKind.DISPUTE: tr("Avis de différend (contestation d'honoraires)"),
        DeadlineKind.CONCILIATORS_NAMED: tr("Désignation des conciliateurs"),
        DeadlineKind.CONCILIATION_MEETING: tr("Rencontre de conciliation"),
        DeadlineKind.ARBITRATION: tr("Soumission du différend à l'arbitrage"),
        DeadlineKind.PENAL: tr("Délai pénal"),
    }[kind]


def step_text(item: DeadlineItem, language: str) -> str:
    """What the step is: its kind's name, or, for a followed penal period, the period's own
    name with its article (« Appel à la Cour supérieure (C.p.p. art. 271) »)."""
    if item.deadline.kind is not DeadlineKind.PENAL:
        return deadline_label(item.deadline.kind)
    return item.label_en if language == "en" and item.label_en else item.deadline.label_fr


def subject_text(item: DeadlineItem) -> str:
    """« Mandat 500-01-000001-241 (Zoé L'Heureux) », « Relevé R-2026-014 (Nadia Roy) »."""
    what = tr("Mandat {}") if item.subject_kind == "mandate" else tr("Relevé {}")
    text = what.format(item.subject)
    return f"{text} ({', '.join(item.clients)})" if item.clients else text


def status_text(status: Status) -> str:
    days = status.days_left
    if status.state is DeadlineState.INTERRUPTED:
        return tr("Interrompu (art. 33)")
    if days < -1:
        return tr("En retard de {} jours").format(-days)
    if days == -1:
        return tr("En retard d'un jour")
    if days == 0:
        return tr("Aujourd'hui")
    if days == 1:
        return tr("Demain")
    return tr("Dans {} jours").format(days)


def deadline_tooltip(item: DeadlineItem, language: str) -> str:
    """The article's reading (French, as the entente is), other readings and reminders reached."""
    deadline = item.deadline
    lines = [f"{deadline.article} — {deadline.note_fr}"]
    lines += [tr("Autre lecture : le {}. {}").format(format_date(a.due, language), a.reading_fr)
              for a in deadline.alternatives]
    if item.status.reminders_reached:
        lines.append(tr("Rappel atteint : {} jours avant l'échéance").format(min(item.status.reminders_reached)))
    return "\n".join(lines)


class DeadlineTreeModel(QAbstractItemModel):
    """Four groups (overdue, this week, this month, later), each with its deadlines by due date.

    A group row's internal id is 0; a deadline's is its group's row plus one.
    """

    DUE, WHAT, SUBJECT, ARTICLE, STATUS = range(5)

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.groups: list[tuple[Urgency, tuple[DeadlineItem, ...]]] = [(u, ()) for u in Urgency]

    def set_groups(self, groups: dict[Urgency, tuple[DeadlineItem, ...]]) -> None:
        self.beginResetModel()
        self.groups = [(urgency, tuple(groups.get(urgency, ()))) for urgency in Urgency]
        self.endResetModel()

    def retranslate(self, language: str) -> None:
        self.language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.STATUS)
        for row, (_, items) in enumerate(self.groups):
            group = self.index(row, 0)
            self.dataChanged.emit(group, self.index(row, self.STATUS))
            if items:
                self.dataChanged.emit(self.index(0, 0, group), self.index(len(items) - 1, self.STATUS, group))

    def group_index(self, urgency: Urgency) -> QModelIndex:
        return self.index(list(Urgency).index(urgency), 0)

    def item(self, index: QModelIndex) -> DeadlineItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self.groups[index.internalId() - 1][1][index.row()]

    # -- Qt's interface -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, 0 if not parent.isValid() else parent.row() + 1)

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return self.STATUS + 1

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index, role)
        item = self.item(index)
        overdue = item.urgency is Urgency.OVERDUE
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return OVERDUE_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            return deadline_tooltip(item, self.language)
        if role == SORT_ROLE:
            return item.deadline.due
        if role == RECORD_ROLE:
            return item.record
        return None

    def _group_data(self, index: QModelIndex, role: int) -> Any:
        urgency, items = self.groups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
            return f"{urgency_title(urgency)} ({len(items)})"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and urgency is Urgency.OVERDUE and items:
            return OVERDUE_COLOUR
        return None

    def _text(self, item: DeadlineItem, column: int) -> str:
        if column == self.DUE:
            return format_date(item.deadline.due, self.language, short=True)
        if column == self.WHAT:
            return step_text(item, self.language)
        if column == self.SUBJECT:
            return subject_text(item)
        if column == self.ARTICLE:
            return item.deadline.article
        return status_text(item.status)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        headers = (tr("Échéance"), tr("Étape"), tr("Dossier"), tr("Article"), tr("État"))
        return headers[section] if 0 <= section < len(headers) else None


def _day(day, language: str) -> str:
    return "" if day is None else format_date(day, language, short=True)


def _money(amount, language: str) -> str:
    return "" if amount is None else format_money(amount, language)


def _unbilled_services(item: UnbilledMandate, language: str) -> str:
    if not item.unpriced:
        return str(item.services)
    return tr("{} (dont {} sans montant)").format(item.services, item.unpriced)


UNBILLED_COLUMNS: Sequence[Column] = (
    Column(lambda: tr("Mandat"), lambda i, lang: i.number),
    Column(lambda: tr("Client"), lambda i, lang: i.client),
    Column(lambda: tr("Fin du mandat"), lambda i, lang: _day(i.ended_on, lang) or tr("En cours"),
           sort=lambda i: i.ended_on),
    Column(lambda: tr("Services"), _unbilled_services, sort=lambda i: i.services, align_right=True,
           tooltip=lambda i, lang: tr("Saisir le montant des services sans montant avant de facturer.")
           if i.unpriced else ""),
    Column(lambda: tr("Premier service"), lambda i, lang: _day(i.first_service, lang), sort=lambda i: i.first_service),
    Column(lambda: tr("Dernier service"), lambda i, lang: _day(i.last_service, lang), sort=lambda i: i.last_service),
    Column(lambda: tr("Montant"), lambda i, lang: _money(i.amount, lang), sort=lambda i: i.amount, align_right=True),
)


def _payment_state(item: AwaitingPayment, language: str) -> str:
    if item.refusal_received is not None:
        return tr("Refus reçu le {}").format(format_date(item.refusal_received, language))
    if item.received_on is None:
        return tr("Réception à confirmer")
    if item.payment_late:
        return tr("Paiement en retard")
    return tr("Dans le délai de 30 jours")


def _interest_tooltip(item: AwaitingPayment, language: str) -> str:
    if item.interest_until is None:
        return tr("Les intérêts courent 30 jours après la réception du relevé (art. 17).")
    lines = [tr("Intérêts courus jusqu'au {} (art. 17).").format(format_date(item.interest_until, language))]
    return "\n".join(lines + [f.message_fr for f in item.findings])


AWAITING_PAYMENT_COLUMNS: Sequence[Column] = (
    Column(lambda: tr("Relevé"), lambda i, lang: i.number),
    Column(lambda: tr("Client"), lambda i, lang: ", ".join(i.clients)),
    Column(lambda: tr("Envoyé le"), lambda i, lang: _day(i.sent_on, lang), sort=lambda i: i.sent_on),
    Column(lambda: tr("Reçu le"), lambda i, lang: _day(i.received_on, lang), sort=lambda i: i.received_on),
    Column(lambda: tr("Paiement dû le"), lambda i, lang: _day(i.payment_due, lang), sort=lambda i: i.payment_due),
    Column(lambda: tr("Solde"), lambda i, lang: _money(i.balance, lang), sort=lambda i: i.balance, align_right=True),
    Column(lambda: tr("Intérêts (art. 17)"), lambda i, lang: _money(i.interest, lang) + (" *" if i.findings else ""),
           sort=lambda i: i.interest, tooltip=_interest_tooltip, align_right=True),
    Column(lambda: tr("Suivi"), _payment_state),
)


FINDING_COLUMNS: Sequence[Column] = (
    Column(lambda: tr("Date"), lambda f, lang: _day(f.day, lang), sort=lambda f: f.day),
    Column(lambda: tr("Mandat"), lambda f, lang: f.mandate_number),
    Column(lambda: tr("Client"), lambda f, lang: f.client),
    Column(lambda: tr("Article du tarif"), lambda f, lang: f.code),
    Column(lambda: tr("Source"), lambda f, lang: f.finding.article),
    Column(lambda: tr("Constat"), lambda f, lang: f.finding.message_fr, tooltip=lambda f, lang: f.finding.message_fr),
)


class RecordRefTableModel(RecordTableModel):
    """A table of dashboard items whose ``RECORD_ROLE`` is the item's ``RecordRef`` (the record
    to open) rather than the item itself."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == RECORD_ROLE and index.isValid() and 0 <= index.row() < len(self.records):
            return self.records[index.row()].record
        return super().data(index, role)
