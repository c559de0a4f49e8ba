"""The mandates as the Mandats list and the mandate fields of other screens show them.

``MandateListModel`` holds every mandate summary once, with a search text per row built when
the list is loaded; ``MandateFilterProxy`` keeps the rows whose status fits the chosen filter
and whose text holds every word typed, so a search over thousands of mandates stays instant
(no query per keystroke). ``MandateChoicesModel`` offers the mandates to a completer as
« client — numéro » and finds the one a user typed, by client or number.
"""

from enum import Enum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QSortFilterProxyModel, Qt

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.domain.mandate import MandateStatus
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.records import (
    RECORD_ROLE,
    Column,
    RecordSortProxy,
    RecordTableModel,
    refilter,
    search_key,
)
from lawyer_billing.ui.widgets.choice_labels import mandate_statuses

ID_ROLE = Qt.ItemDataRole.UserRole + 2


class MandateFilter(Enum):
    """The filters above the list, by where a mandate stands."""

    ALL = None
    OPEN = MandateStatus.OPEN
    ENDED_UNBILLED = MandateStatus.ENDED
    BILLED = MandateStatus.BILLED
    DISPUTED = MandateStatus.DISPUTED


def filter_labels() -> dict[MandateFilter, str]:
    return {
        MandateFilter.ALL: tr("Tous"),
        MandateFilter.OPEN: tr("Ouverts"),
        MandateFilter.ENDED_UNBILLED: tr("Terminés non facturés"),
        MandateFilter.BILLED: tr("Facturés"),
        MandateFilter.DISPUTED: tr("En différend"),
    }


def _day(day, language: str) -> str:
    return "" if day is None else format_date(day, language)


def mandate_columns() -> list[Column]:
    return [
        Column(lambda: tr("Numéro"), lambda m, _: m.number),
        Column(lambda: tr("Client"), lambda m, _: m.client_name),
        Column(lambda: tr("Cour"), lambda m, _: m.court),
        Column(lambda: tr("Bureau"), lambda m, _: m.office),
        Column(lambda: tr("État"), lambda m, _: mandate_statuses()[m.status]),
        Column(lambda: tr("Émis le"), lambda m, lang: _day(m.issued_on, lang), sort=lambda m: m.issued_on),
        Column(lambda: tr("Terminé le"), lambda m, lang: _day(m.ended_on, lang), sort=lambda m: m.ended_on),
        Column(lambda: tr("Services"), lambda m, _: str(m.services), sort=lambda m: m.services, align_right=True),
        Column(lambda: tr("Non facturés"), lambda m, _: str(m.unbilled) if m.unbilled else "",
               sort=lambda m: m.unbilled, align_right=True,
               tooltip=lambda m, _: tr("Services qui ne sont sur aucun relevé finalisé") if m.unbilled else ""),
    ]


class MandateListModel(RecordTableModel):
    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(mandate_columns(), language, parent)
        self.search_texts: list[str] = []
        self.statuses: list[MandateStatus] = []

    def records_changed(self) -> None:
        labels = mandate_statuses()
        self.search_texts = [
            search_key(" ".join((m.client_name, m.number, m.court, m.office, labels[m.status]))) for m in self.records
        ]
        self.statuses = [m.status for m in self.records]

    def reordered(self, order: list[int]) -> None:
        self.search_texts = [self.search_texts[row] for row in order]
        self.statuses = [self.statuses[row] for row in order]

    def retranslate(self, language: str) -> None:
        self.records_changed()  # the status words the search finds are the shown ones
        super().retranslate(language)

    def row_of_id(self, mandate_id: int) -> int | None:
        return self.row_of(lambda m: m.id == mandate_id)


class MandateFilterProxy(RecordSortProxy):
    """Rows whose status fits the filter and whose text holds every word of the search."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words: list[str] = []
        self.status: MandateStatus | None = None

    def set_search(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "words", search_key(text).split()))

    def set_filter(self, chosen: MandateFilter) -> None:
        refilter(self, lambda: setattr(self, "status", chosen.value))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 (Qt's name)
        model: MandateListModel = self.sourceModel()
        if self.status is not None and model.statuses[source_row] is not self.status:
            return False
        text = model.search_texts[source_row]
        return all(word in text for word in self.words)


class MandateChoicesModel(QAbstractListModel):
    """The mandates offered while typing a client or a number; open mandates first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.mandates: list = []
        self._keys: list[str] = []

    @staticmethod
    def text_of(mandate) -> str:
        return f"{mandate.client_name} — {mandate.number}"

    def set_mandates(self, mandates: list) -> None:
        self.beginResetModel()
        self.mandates = sorted(mandates, key=lambda m: (m.ended_on is not None, search_key(m.client_name), m.number))
        self._keys = [search_key(f"{self.text_of(m)} {m.court}") for m in self.mandates]
        self.endResetModel()

    def matching(self, text: str) -> list[int]:
        """The rows whose client, number or court hold every word of ``text``."""
        words = search_key(text).replace("—", " ").split()
        return [row for row, key in enumerate(self._keys) if all(word in key for word in words)]

    def resolve(self, text: str) -> tuple[Any, str]:
        """The one mandate ``text`` designates, or ``None`` and why (empty when nothing was typed)."""
        typed = text.strip()
        if not typed:
            return None, ""
        key = search_key(typed)
        exact = [m for m in self.mandates if key in (search_key(self.text_of(m)), search_key(m.number))]
        if len(exact) == 1:
            return exact[0], ""
        rows = self.matching(typed)
        if len(rows) == 1:
            return self.mandates[rows[0]], ""
        if not rows:
            return None, tr("Aucun mandat ne correspond à « {} » : tapez le nom du client ou le numéro du mandat."
                            ).format(typed)
        return None, tr("{} mandats correspondent à « {} » : choisissez dans la liste ou précisez le numéro."
                        ).format(len(rows), typed)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.mandates)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.mandates)):
            return None
        mandate = self.mandates[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text_of(mandate)
        if role == Qt.ItemDataRole.ToolTipRole:
            return " · ".join(filter(None, (mandate.court, mandate.office, mandate_statuses()[mandate.status])))
        if role == ID_ROLE:
            return mandate.id
        if role == RECORD_ROLE:
            return mandate
        return None


class MandateChoicesFilter(QSortFilterProxyModel):
    """What the completer's list shows: the mandates that hold every word typed so far."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: set[int] | None = None

    def set_text(self, text: str) -> None:
        source: MandateChoicesModel = self.sourceModel()
        rows = set(source.matching(text)) if text.strip() else None
        refilter(self, lambda: setattr(self, "rows", rows))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:  # noqa: N802 (Qt's name)
        return self.rows is None or source_row in self.rows
