"""A settings section that keeps a list of dated entries (km rates, added holidays): the list,
a form to add one (Enter), and the chosen one removed after a question (Suppr)."""

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from lawyer_billing.storage.unit_of_work import UnitOfWork
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets import settings_section
from lawyer_billing.ui.widgets.settings_section import SettingsSection, button_row, explanation


class DatedListSection(SettingsSection):
    """Subclasses fill ``form``, and say how an entry is shown, read back and removed."""

    def __init__(self, context, columns: int, parent=None) -> None:
        super().__init__(context, parent)
        self.intro = explanation()
        self.empty = QLabel()
        self.empty.setObjectName("empty")
        self.empty.setWordWrap(True)
        self.table = QTableWidget(0, columns)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove")
        self.remove_button.clicked.connect(self.remove)
        self.form = QFormLayout()
        self.add_button = QPushButton()
        self.add_button.setObjectName("add")
        self.add_button.clicked.connect(self.save)
        self.form_title = QLabel()
        self.form_title.setStyleSheet("font-weight: bold;")
        self.table.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(button_row(self.remove_button))
        layout.addSpacing(8)
        layout.addWidget(self.form_title)
        layout.addLayout(self.form)
        layout.addLayout(button_row(self.add_button))
        layout.addWidget(self.status)
        layout.addStretch(1)

    # -- what the subclasses give ------------------------------------------------------------

    def cells(self, entry) -> Sequence[str]:
        raise NotImplementedError

    def day_of(self, entry) -> date:
        raise NotImplementedError

    def entries(self, uow: UnitOfWork) -> list:
        raise NotImplementedError

    def remove_entry(self, uow: UnitOfWork, day: date) -> list:
        """Remove the entry of ``day``; return the entries left."""
        raise NotImplementedError

    def removal_question(self, entry) -> str:
        raise NotImplementedError

    # -- the list --------------------------------------------------------------------------------

    def load(self) -> None:
        self.show_entries(self.read(self.entries))
        self.clear_form()

    def clear_form(self) -> None:
        for field in self._tracked:
            field.clear()
        self.remember_stored()

    def show_entries(self, entries: list) -> None:
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            for column, text in enumerate(self.cells(entry)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, entry)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.setVisible(bool(entries))
        self.empty.setVisible(not entries)
        self.remove_button.setVisible(bool(entries))

    def shown_entries(self) -> list:
        """The entries on screen, to show them again in another language."""
        return [self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) for row in range(self.table.rowCount())]

    def chosen(self):
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def remove(self) -> None:
        entry = self.chosen()
        if entry is None:
            self.status.setText(tr("Choisissez d'abord une ligne de la liste."))
            return
        if not settings_section.ask(self, tr("Retirer"), self.removal_question(entry)):
            return
        left = self.run(lambda uow: self.remove_entry(uow, self.day_of(entry)))
        if left is not None:
            self.show_entries(left)
            self.done(tr("Retiré."))

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.table and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key.Key_Delete:
                self.remove()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return True  # Enter adds from the form, not from the list

        return super().eventFilter(watched, event)
