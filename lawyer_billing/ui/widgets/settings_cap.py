"""Paramètres, Plafond annuel (art. 22): which date puts a fee in a fiscal year, a disputed
reading the lawyer chooses knowingly, and the fees generated in a year before the application
was used, so that the 140 000 $ threshold is followed from the first statement."""

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from lawyer_billing.domain.cap import REDUCTION_RATE, THRESHOLD, CapAttribution, fiscal_year_of
from lawyer_billing.domain.formatting import format_money, format_percent
from lawyer_billing.domain.validation import FieldProblem
from lawyer_billing.services.settings import Preferences, load_preferences
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.widgets.fields import MoneyField, with_message
from lawyer_billing.ui.widgets.settings_section import SettingsSection, boxed, button_row, explanation


class CapSection(SettingsSection):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.intro = explanation()
        self.choice_title = QLabel()
        self.choice_title.setStyleSheet("font-weight: bold;")
        self.choices = QButtonGroup(self)
        self.buttons: dict[CapAttribution, QRadioButton] = {}
        self.explanations: dict[CapAttribution, QLabel] = {}
        choices = QVBoxLayout()
        for attribution in CapAttribution:
            button = QRadioButton()
            button.setObjectName(attribution.value)
            self.buttons[attribution] = button
            self.choices.addButton(button)
            why = self.explanations[attribution] = QLabel(attribution.explanation_fr)
            why.setWordWrap(True)
            why.setContentsMargins(24, 0, 0, 8)
            choices.addWidget(button)
            choices.addWidget(why)
        self.fees_title = QLabel()
        self.fees_title.setStyleSheet("font-weight: bold;")
        self.fees_intro = explanation()
        self.fees = QTableWidget(0, 2)
        self.fees.setObjectName("fees_before")
        self.fees.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fees.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fees.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fees.verticalHeader().hide()
        self.fees.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.fees.setMaximumHeight(130)
        self.fees.itemSelectionChanged.connect(self._edit_chosen_year)
        self.fiscal_year = QLineEdit()
        self.fiscal_year.setObjectName("fiscal_year")
        self.fiscal_year.setPlaceholderText(fiscal_year_of(context.today()))
        self.amount = MoneyField(optional=True, language=context.language)
        self.amount.setObjectName("amount")
        self.year_label, self.amount_label = QLabel(), QLabel()
        self.year_label.setBuddy(self.fiscal_year)
        self.amount_label.setBuddy(self.amount)
        row = QHBoxLayout()
        for widget in (self.year_label, self.fiscal_year, self.amount_label, self.amount):
            row.addWidget(widget)
        row.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_cap")
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.choice_title)
        layout.addLayout(choices)
        layout.addWidget(self.fees_title)
        layout.addWidget(self.fees_intro)
        layout.addWidget(self.fees)
        layout.addWidget(with_message(boxed(row), self.messages.label_for("fees_before")))
        layout.addLayout(button_row(self.save_button))
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.track(*self.buttons.values(), self.fiscal_year, self.amount)
        self._shown: dict[str, Decimal] = {}
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        language = self.context.language
        self.amount.language = language
        self.intro.setText(tr(
            "Art. 22 : quand les mandats d'un exercice financier (du 1er avril au 31 mars) ont généré plus de {} "
            "d'honoraires, la part qui dépasse ce montant est réduite de {}."
        ).format(format_money(THRESHOLD, language), format_percent(REDUCTION_RATE * 100, language, places=0)))
        self.choice_title.setText(tr("Exercice où comptent les honoraires"))
        self.buttons[CapAttribution.SERVICE_DATE].setText(tr("&Date des services rendus (par défaut)"))
        self.buttons[CapAttribution.MANDATE_DATE].setText(tr("Date d'é&mission du mandat"))
        self.fees_title.setText(tr("Honoraires déjà générés avant d'utiliser l'application"))
        self.fees_intro.setText(tr(
            "Pour l'exercice en cours, et tout exercice dont des mandats restent à facturer, indiquez les honoraires "
            "déjà générés par vos mandats d'aide juridique avant d'utiliser l'application. Pour effacer un "
            "exercice, saisissez 0."
        ))
        self.fees.setHorizontalHeaderLabels([tr("Exercice"), tr("Honoraires déjà générés")])
        self.year_label.setText(tr("&Exercice"))
        self.amount_label.setText(tr("&Honoraires"))
        self.save_button.setText(tr("Enregistrer (Entrée)"))
        self._show_fees(self._shown)

    def load(self) -> None:
        preferences = self.read(load_preferences)
        self.buttons[preferences.cap_attribution].setChecked(True)
        self._show_fees(preferences.fees_before)
        self.fiscal_year.clear()
        self.amount.clear()
        self.remember_stored()

    def _show_fees(self, fees: dict[str, Decimal]) -> None:
        self._shown = {year: amount for year, amount in sorted(fees.items()) if amount}
        self.fees.setRowCount(len(self._shown))
        for row, (year, amount) in enumerate(self._shown.items()):
            self.fees.setItem(row, 0, QTableWidgetItem(year))
            cell = QTableWidgetItem(format_money(amount, self.context.language))
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.fees.setItem(row, 1, cell)
        self.fees.setVisible(bool(self._shown))

    def _edit_chosen_year(self) -> None:
        rows = self.fees.selectionModel().selectedRows()
        if rows:
            year = self.fees.item(rows[0].row(), 0).text()
            self.fiscal_year.setText(year)
            self.amount.set_value(self._shown[year])

    def chosen_attribution(self) -> CapAttribution:
        return next(a for a, button in self.buttons.items() if button.isChecked())

    def save(self) -> None:
        values, problems = self.messages.read({"fees_before": self.amount})
        year = self.fiscal_year.text().strip()
        amount = values.get("fees_before")
        if not problems and year and amount is None:
            problems = [FieldProblem("fees_before", tr("Indiquez les honoraires déjà générés pendant cet exercice."))]
        if not problems and amount is not None and not year:
            problems = [FieldProblem("fees_before", tr("Indiquez l'exercice, par exemple 2024-2025."))]
        if problems:
            self.messages.show(problems)
            return
        attribution = self.chosen_attribution()

        def change(preferences: Preferences) -> Preferences:
            fees = dict(preferences.fees_before)
            if year:
                fees[year] = amount
            return replace(preferences, cap_attribution=attribution, fees_before=fees)

        saved = self.change_preferences(change, "fees_before")
        if saved is not None:
            self.load()
            self.done(tr("Plafond annuel enregistré."))
