"""The pieces the list screens share: their heading, their list of records (and the tables
of lines of a detail) and the empty state that tells a new user what to do first. One
version each, so the screens look alike."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget


def heading_label() -> QLabel:
    """The screen's title, larger and bold, above everything else."""
    return _bold_label(1.5)


def detail_title(name: str) -> QLabel:
    """The title of what the screen shows or edits (a mandate, a statement, a form), bold and a
    little larger, under the screen's heading."""
    title = _bold_label(1.2)
    title.setObjectName(name)
    return title


def _bold_label(scale: float) -> QLabel:
    label = QLabel()
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def _read_only_table(name: str, model) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    return table


def record_table(name: str, model, sort_column: int = -1,
                 order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> QTableView:
    """A read-only list of records, one selected at a time, sorted by ``sort_column`` (by
    default in the order the service gives them) until the user sorts a column."""
    table = _read_only_table(name, model)
    table.setSortingEnabled(True)
    table.sortByColumn(sort_column, order)
    table.setAlternatingRowColors(True)
    return table


def line_table(name: str, model) -> QTableView:
    """A read-only table of lines (a statement's, a dispute's steps...), one selected at a
    time, in the model's order, each line one line of text high."""
    table = _read_only_table(name, model)
    one_line_rows(table)
    return table


def one_line_rows(table: QTableView) -> None:
    """Each row one line of text high, a long text cut short rather than wrapped."""
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)


def empty_state_label(name: str) -> QLabel:
    """Where a list with nothing in it says what to do first (rich text, from ``retranslate``)."""
    empty = QLabel()
    empty.setObjectName(name)
    empty.setWordWrap(True)
    empty.setTextFormat(Qt.TextFormat.RichText)
    empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    empty.setMargin(16)
    return empty


def list_or_empty_state(table: QTableView, empty: QLabel) -> QWidget:
    """The list and its empty state in the same place; the screen shows one or the other."""
    area = QWidget()
    layout = QVBoxLayout(area)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(table, 1)
    layout.addWidget(empty, 1)
    return area
