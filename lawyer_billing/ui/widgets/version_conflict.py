"""Two workstations saved the same record: both versions side by side, and the user decides.

Shown when a save is refused because the record changed elsewhere since it was opened
(``ConcurrentEditError``). The fields that differ stand out; « Garder ma version » saves what
the user typed over the version stored now, « Prendre la version enregistrée » shows the stored
one instead, and Esc goes back to the form with everything typed still there.
"""

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.ui.i18n import tr

DIFFERENT = QColor("#fff3cd")


class VersionConflictDialog(QDialog):
    keep_mine = Signal()
    take_stored = Signal()

    def __init__(self, labels: dict[str, str], stored: dict[str, str], mine: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("version_conflict")
        self.setWindowTitle(tr("Modifié sur un autre poste"))
        self.setModal(True)
        self.resize(760, 520)
        intro = QLabel(tr("Ce mandat a été enregistré sur un autre poste pendant que vous le modifiiez. "
                          "Comparez les deux versions (les différences sont surlignées) : rien de ce que vous avez "
                          "tapé n'est perdu tant que vous n'avez pas choisi."))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(labels), 3)
        self.table.setHorizontalHeaderLabels([tr("Champ"), tr("Version enregistrée"), tr("Votre version")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.differences = [name for name in labels if stored.get(name, "") != mine.get(name, "")]
        for row, (name, label) in enumerate(labels.items()):
            cells = [label, stored.get(name, ""), mine.get(name, "")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if name in self.differences:
                    item.setBackground(QBrush(DIFFERENT))
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, column, item)
        self.keep_button = QPushButton(tr("Garder ma version"))
        self.keep_button.setObjectName("keep_mine")
        self.keep_button.setDefault(True)
        self.take_button = QPushButton(tr("Prendre la version enregistrée"))
        self.take_button.setObjectName("take_stored")
        buttons = QDialogButtonBox()
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.take_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        back = buttons.addButton(tr("Continuer à modifier"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setObjectName("keep_editing")
        self.keep_button.clicked.connect(self._keep_mine)
        self.take_button.clicked.connect(self._take_stored)
        back.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.keep_button.setFocus()

    def _keep_mine(self) -> None:
        self.accept()
        self.keep_mine.emit()

    def _take_stored(self) -> None:
        self.accept()
        self.take_stored.emit()
