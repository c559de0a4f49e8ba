"""Completion while typing a tariff code or a mandate.

A code is found by its start (``T12`` offers T12, T120, T121...) or by words of its label
(``plaid coupa`` offers T115 « Vacation aux fins d'enregistrer un plaidoyer de culpabilité »),
each shown with its amount for the date that governs (art. 53); choosing one puts the code in
the field. A mandate is found by words of its client's name, its number or its court; the
field then shows « client — numéro ». Both lists follow every keystroke without a query: the
mandates are loaded once, the tariff is a value in memory.
"""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from lawyer_billing.domain.tariff import Tariff
from lawyer_billing.services.court_day import item_choices
from lawyer_billing.ui.models.item_choices import ItemChoicesModel
from lawyer_billing.ui.models.mandates import MandateChoicesFilter, MandateChoicesModel

POPUP_WIDTH = 620


class ItemCompleter(QCompleter):
    def __init__(
        self, field: QLineEdit, tariff: Callable[[], Tariff], governing_date: Callable[[], date],
        language: Callable[[], str],
    ) -> None:
        self.choices = ItemChoicesModel()
        super().__init__(self.choices, field)
        self._tariff, self._date, self._language = tariff, governing_date, language
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(12)
        self.popup().setMinimumWidth(POPUP_WIDTH)
        field.setCompleter(self)
        field.textEdited.connect(self.search)

    def search(self, text: str) -> None:
        self.choices.language = self._language()
        self.choices.set_choices(item_choices(self._tariff(), text, self._date()) if text.strip() else [])
        if self.choices.choices:
            self.complete()
        else:
            self.popup().hide()


class MandateCompleter(QCompleter):
    def __init__(self, field: QLineEdit, mandates: MandateChoicesModel) -> None:
        self.mandates = mandates
        self.filter = MandateChoicesFilter()
        self.filter.setSourceModel(mandates)
        super().__init__(self.filter, field)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(10)
        self.popup().setMinimumWidth(POPUP_WIDTH // 2)
        field.setCompleter(self)
        field.textEdited.connect(self.search)

    def search(self, text: str) -> None:
        self.filter.set_text(text)
        if text.strip() and self.filter.rowCount():
            self.complete()
        else:
            self.popup().hide()
