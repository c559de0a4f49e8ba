"""The tariff items offered while a code is typed: « T127 — Ensemble des services... — 330,00 $ »
shown, the code itself put in the field (``EditRole``)."""

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from lawyer_billing.domain.formatting import format_money
from lawyer_billing.services.court_day import ItemChoice
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.records import RECORD_ROLE

#: how much of a label the list shows (the tooltip has all of it)
LABEL_WIDTH = 70


def item_text(choice: ItemChoice, language: str) -> str:
    label = choice.label_en if language == "en" and choice.label_en else choice.label_fr
    if len(label) > LABEL_WIDTH:
        label = label[: LABEL_WIDTH - 1].rstrip() + "…"
    amount = format_money(choice.amount, language) if choice.amount is not None else tr("montant à saisir")
    return f"{choice.code} — {label} — {amount}"


class ItemChoicesModel(QAbstractListModel):
    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(parent)
        self.language = language
        self.choices: list[ItemChoice] = []

    def set_choices(self, choices: list[ItemChoice]) -> None:
        self.beginResetModel()
        self.choices = list(choices)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.choices)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.choices)):
            return None
        choice = self.choices[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item_text(choice, self.language)
        if role == Qt.ItemDataRole.EditRole:
            return choice.code
        if role == Qt.ItemDataRole.ToolTipRole:
            return choice.label_en if self.language == "en" and choice.label_en else choice.label_fr
        if role == RECORD_ROLE:
            return choice
        return None
