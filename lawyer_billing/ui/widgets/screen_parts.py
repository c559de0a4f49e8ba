"""The pieces the list screens share: their heading, their list of records and the empty
state that tells a new user what to do first. One version each, so the screens look alike."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget


def heading_label() -> QLabel:
    """The screen's title, larger and bold, above everything else."""
    heading = QLabel()
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    font.setBold(True)
    heading.setFont(font)
    return heading


def record_table(name: str, model) -> QTableView:
    """A read-only list of records, one selected at a time, in the order the service gives
    them until the user sorts a column."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    return table


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
