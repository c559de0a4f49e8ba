"""A table of records described by its columns: what each shows, in the user's language, how
it sorts, and what its tooltip says.

The headers are functions (``lambda: tr("Numéro")``) so that a change of language only asks
the view to read them again. Sorting is done here, on the raw values, with Python's sort (a
few milliseconds for thousands of rows) rather than by a proxy comparing cells one call at a
time; a ``RecordSortProxy`` in front passes the view's sort request down and keeps the order.
"""

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole
RECORD_ROLE = Qt.ItemDataRole.UserRole + 1


def search_key(text: str) -> str:
    """Lower-case text without accents, so « zoe » finds « Zoé »."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Column:
    header: Callable[[], str]
    #: the text shown for a record, in a language ("fr" or "en")
    text: Callable[[Any, str], str]
    #: the raw value the column sorts by (``None`` sorts first); the text when not given
    sort: Callable[[Any], Any] | None = None
    tooltip: Callable[[Any, str], str] | None = None
    align_right: bool = False


def _sort_value(value: Any) -> tuple:
    """Comparable whatever the type, ``None`` first, text without case or accents."""
    if value is None:
        return (0, "")
    if isinstance(value, str):
        return (1, search_key(value))
    return (1, value)


class RecordTableModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], language: str = "fr", parent=None) -> None:
        super().__init__(parent)
        self.columns = tuple(columns)
        self.language = language
        self.records: list[Any] = []

    # -- content ------------------------------------------------------------------------

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self.records = list(records)
        self.records_changed()
        self.endResetModel()

    def records_changed(self) -> None:
        """Called inside a reset when the records change (subclasses index them here)."""

    def reordered(self, order: list[int]) -> None:
        """Called when sorting put the record of row ``order[n]`` at row ``n``."""

    def record(self, row: int) -> Any:
        return self.records[row]

    def row_of(self, predicate: Callable[[Any], bool]) -> int | None:
        return next((row for row, record in enumerate(self.records) if predicate(record)), None)

    def retranslate(self, language: str) -> None:
        self.language = language
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.records) - 1, len(self.columns) - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        spec = self.columns[column]
        key = spec.sort or (lambda record: spec.text(record, self.language))
        self.layoutAboutToBeChanged.emit()
        rows = sorted(range(len(self.records)), key=lambda row: _sort_value(key(self.records[row])),
                      reverse=order == Qt.SortOrder.DescendingOrder)
        self.records = [self.records[row] for row in rows]
        self.reordered(rows)
        now = {old: new for new, old in enumerate(rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(persistent, [self.index(now[i.row()], i.column()) for i in persistent])
        self.layoutChanged.emit()

    # -- Qt's interface -------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.records)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.records)):
            return None
        record, column = self.records[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record, self.language)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record, self.language) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return column.sort(record) if column.sort else column.text(record, self.language)
        if role == RECORD_ROLE:
            return record
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].header()
        return None


def refilter(proxy: QSortFilterProxyModel, change: Callable[[], None]) -> None:
    """Make ``change`` (to what ``proxy`` accepts) and filter its rows again: with the begin and
    end pair of Qt 6.10 and later, with ``invalidateRowsFilter`` (deprecated since) before."""
    if hasattr(proxy, "endFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange(QSortFilterProxyModel.Direction.Rows)
    else:
        change()
        proxy.invalidateRowsFilter()


class RecordSortProxy(QSortFilterProxyModel):
    """Passes a view's sort request to the ``RecordTableModel`` and keeps its order; subclasses
    filter rows by reading the source's records directly (no cell-by-cell calls)."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def record(self, row: int) -> Any:
        return self.sourceModel().record(self.mapToSource(self.index(row, 0)).row())
