"""Outils, Calcul de la peine: the sentences as the warrants state them, the interruptions
(escape, unlawfully at large, release pending appeal) and the reduction days lost; the dates
are computed again at every change (``domain/tools/sentence.py``) and each is explained."""

import re
from decimal import Decimal

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date, format_number
from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.tools.sentence import MAX_DISCIPLINARY_LOSS_DAYS, Sentence, compute_sentence_dates
from lawyer_billing.domain.tools.sentence_concurrency import JudgeOrder, Statute
from lawyer_billing.domain.tools.sentence_days import MAXIMUM_CREDIT_RATIO, PreSentenceCustody, SentenceLength
from lawyer_billing.domain.tools.sentence_errors import SentenceInputError
from lawyer_billing.domain.tools.sentence_timeline import Interruption, InterruptionKind
from lawyer_billing.domain.typed_input import TypedInputError, parse_number
from lawyer_billing.domain.validation import FieldProblem
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.records import search_key
from lawyer_billing.ui.widgets.choice_labels import fill_combo
from lawyer_billing.ui.widgets.fields import DateField, FieldMessages, TypedField, with_message
from lawyer_billing.ui.widgets.retranslating import Retranslating
from lawyer_billing.ui.widgets.settings_section import boxed, button_row
from lawyer_billing.ui.widgets.tool_sentence_result import calculation_html

#: the words a term is written with on a warrant, in French or English, and the part each names
LENGTH_WORDS = {
    "an": "years", "ans": "years", "annee": "years", "annees": "years", "year": "years", "years": "years",
    "mois": "months", "month": "months", "months": "months",
    "demi-mois": "half_months", "half-month": "half_months", "half-months": "half_months",
    "semaine": "weeks", "semaines": "weeks", "sem": "weeks", "week": "weeks", "weeks": "weeks",
    "jour": "days", "jours": "days", "j": "days", "day": "days", "days": "days",
}
_LENGTH_PART = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-z-]+)")
RESULT_WIDTH = 340
SPIN_WIDTH = 60


def statutes() -> dict[Statute, str]:
    return {Statute.CRIMINAL_CODE: tr("C.cr. (Code criminel, lois fédérales)"),
            Statute.PENAL_PROCEDURE: tr("C.p.p. (lois du Québec)")}


def orders() -> dict[JudgeOrder, str]:
    return {
        JudgeOrder.NONE: tr("Aucune ordonnance"),
        JudgeOrder.CONCURRENT: tr("Concurrente"),
        JudgeOrder.CONSECUTIVE: tr("Consécutive à toute autre peine"),
        JudgeOrder.CONSECUTIVE_TO_CURRENT: tr("Consécutive à la peine purgée actuellement"),
        JudgeOrder.CONSECUTIVE_TO_NAMED: tr("Consécutive à une cause ou un chef nommé"),
    }


def interruption_kinds() -> dict[InterruptionKind, str]:
    return {
        InterruptionKind.ESCAPE: tr("Évasion"),
        InterruptionKind.UNLAWFULLY_AT_LARGE: tr("Liberté illégale"),
        InterruptionKind.RELEASE_PENDING_APPEAL: tr("Remise en liberté pendant l'appel"),
    }


def read_decimal(text: str) -> Decimal:
    """``13,5`` or ``13.5`` -> ``Decimal("13.5")``; the calculator checks what the number may be."""
    return parse_number(text, "un nombre", "13,5")


def read_length(text: str) -> dict[str, Decimal | int]:
    """``9 mois``, ``2 ans et 3 mois``, ``1 an, 2 semaines``, ``13,5 jours`` -> the parts of a
    ``SentenceLength`` (the calculator checks the term itself: a zero term is no sentence)."""
    plain = re.sub(r"\b(et|and)\b", " ", search_key(text)).replace(",", " , ")
    plain = re.sub(r"(\d) , (\d)", r"\1,\2", plain)
    parts: dict[str, Decimal | int] = {}
    rest = _LENGTH_PART.sub(lambda match: _length_part(match, parts, text), plain)
    if not parts or rest.replace(",", " ").strip():
        raise _length_error(text)
    return parts


def _length_error(text: str) -> TypedInputError:
    return TypedInputError(f"« {text.strip()} » : tapez une durée comme 9 mois, 2 ans 3 mois ou 13,5 jours.")


def _length_part(match: re.Match, parts: dict, text: str) -> str:
    part = LENGTH_WORDS.get(match[2])
    number = Decimal(match[1].replace(",", "."))
    if part is None or part in parts or (part != "days" and number != int(number)):
        raise _length_error(text)
    parts[part] = number if part == "days" else int(number)
    return " "


def length_text(length: SentenceLength, language: str) -> str:
    """« 2 ans 3 mois », « 13,5 jours »: as the warrant says it, and as ``read_length`` reads it."""
    words = []
    for count, one, more in (
        (length.years, tr("{} an"), tr("{} ans")), (length.months, tr("{} mois"), tr("{} mois")),
        (length.half_months, tr("{} demi-mois"), tr("{} demi-mois")),
        (length.weeks, tr("{} semaine"), tr("{} semaines")),
    ):
        if count:
            words.append((one if count == 1 else more).format(count))
    if length.days:
        days = Decimal(length.days)
        words.append((tr("{} jour") if days <= 1 else tr("{} jours")).format(format_number(days, language)))
    return " ".join(words)


class SentenceTool(Retranslating, QWidget):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.sentences: list[Sentence] = []
        self.interruptions: list[Interruption] = []
        self.mandate: Mandate | None = None
        self.messages = FieldMessages()
        self.labels: dict[str, QLabel] = {}

        self.ident = QLineEdit()
        self.statute = QComboBox()
        self.starts_on = DateField(context.today)
        self.issued_on = DateField(context.today, optional=True)
        self.length = TypedField(read_length, "")
        self.custody_days = QSpinBox()
        self.custody_days.setRange(0, 9999)
        self.custody_days.setMaximumWidth(SPIN_WIDTH)
        self.ratio = TypedField(read_decimal, "1,5")
        self.ratio.setMaximumWidth(SPIN_WIDTH)
        self.order = QComboBox()
        self.consecutive_to = QComboBox()
        self.during_parole = QCheckBox()
        for name in ("ident", "statute", "starts_on", "issued_on", "length", "custody_days", "ratio", "order",
                     "consecutive_to", "during_parole"):
            getattr(self, name).setObjectName(name)
        #: the combo boxes whose choices are named again when the language changes
        self.combos = [(self.statute, statutes), (self.order, orders)]

        custody_row = QHBoxLayout()
        self.custody_labels = (QLabel(), QLabel())
        custody_row.addWidget(self.custody_days)
        custody_row.addWidget(self.custody_labels[0])
        custody_row.addWidget(self.ratio)
        custody_row.addWidget(self.custody_labels[1])
        custody_row.addStretch(1)
        form = QFormLayout()
        self._row(form, "ident", self.ident)
        self._row(form, "statute", self.statute)
        self._row(form, "starts_on", self.starts_on, message=True)
        self._row(form, "issued_on", self.issued_on, message=True)
        self._row(form, "length", self.length, message=True)
        self._row(form, "custody", boxed(custody_row), message=True)
        self._row(form, "order", self.order)
        self._row(form, "consecutive_to", self.consecutive_to)
        form.addRow("", self.during_parole)
        self.labels["custody"].setBuddy(self.custody_days)
        self.sentence_problem = self.messages.label_for("sentence")
        self.add_button = QPushButton()
        self.add_button.setObjectName("add_sentence")
        self.add_button.clicked.connect(self.add_sentence)
        self.replace_button = QPushButton()
        self.replace_button.setObjectName("replace_sentence")
        self.replace_button.clicked.connect(lambda: self.add_sentence(replace_chosen=True))
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("remove_sentence")
        self.remove_button.clicked.connect(self.remove_sentence)
        self.table = self._table(6)
        self.table.setObjectName("sentences")
        self.table.setMinimumHeight(110)
        self.table.itemSelectionChanged.connect(self._edit_chosen)
        self.sentence_box = QGroupBox()
        box = QVBoxLayout(self.sentence_box)
        box.addWidget(self.table)
        box.addLayout(form)
        box.addWidget(self.sentence_problem)
        box.addLayout(button_row(self.add_button, self.replace_button, self.remove_button))

        self.kind = QComboBox()
        self.kind.setObjectName("interruption_kind")
        self.combos.append((self.kind, interruption_kinds))
        self.left_on = DateField(context.today)
        self.left_on.setObjectName("left_on")
        self.returned_on = DateField(context.today)
        self.returned_on.setObjectName("returned_on")
        self.interruption_table = self._table(3)
        self.interruption_table.setObjectName("interruptions")
        self.interruption_table.setMaximumHeight(80)
        interruption_row = QHBoxLayout()
        for name, field in (("interruption_kind", self.kind), ("left_on", self.left_on),
                            ("returned_on", self.returned_on)):
            self.labels[name] = QLabel()
            self.labels[name].setBuddy(field)
            interruption_row.addWidget(self.labels[name])
            interruption_row.addWidget(with_message(field, self.messages.label_for(name)) if name != "interruption_kind"
                                       else field, 1)
        for field in (self.kind, self.left_on, self.returned_on):
            field.installEventFilter(self)
        self.interruption_problem = self.messages.label_for("interruption")
        self.add_interruption_button = QPushButton()
        self.add_interruption_button.setObjectName("add_interruption")
        self.add_interruption_button.clicked.connect(self.add_interruption)
        self.remove_interruption_button = QPushButton()
        self.remove_interruption_button.clicked.connect(self.remove_interruption)
        self.interruption_box = QGroupBox()
        box = QVBoxLayout(self.interruption_box)
        box.addWidget(self.interruption_table)
        box.addLayout(interruption_row)
        box.addWidget(self.interruption_problem)
        box.addLayout(button_row(self.add_interruption_button, self.remove_interruption_button))

        self.lost = QSpinBox()
        self.lost.setObjectName("lost_days")
        self.lost.setRange(0, MAX_DISCIPLINARY_LOSS_DAYS)
        self.lost.setMaximumWidth(SPIN_WIDTH)
        self.lost.valueChanged.connect(self.compute)
        lost_row = QFormLayout()
        self._row(lost_row, "lost_days", self.lost)

        inputs = QWidget()
        left = QVBoxLayout(inputs)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.sentence_box)
        left.addWidget(self.interruption_box)
        left.addLayout(lost_row)
        left.addStretch(1)
        self.result = QTextBrowser()
        self.result.setObjectName("sentence_result")
        splitter = QSplitter()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inputs)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter.addWidget(scroll)
        splitter.addWidget(self.result)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.result.setMinimumWidth(RESULT_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.order.currentIndexChanged.connect(self._order_changed)
        self.ratio.setText(format_number(MAXIMUM_CREDIT_RATIO, context.language))
        self.retranslate()

    # -- building ------------------------------------------------------------------------------

    def _row(self, form: QFormLayout, name: str, field: QWidget, message: bool = False) -> None:
        self.labels[name] = QLabel()
        self.labels[name].setBuddy(field)
        form.addRow(self.labels[name], with_message(field, self.messages.label_for(name)) if message else field)

    @staticmethod
    def _table(columns: int) -> QTableWidget:
        table = QTableWidget(0, columns)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(columns - 1, QHeaderView.ResizeMode.Stretch)
        table.setMaximumHeight(150)
        return table

    def retranslate(self) -> None:
        for combo, labels in self.combos:
            fill_combo(combo, labels)
        texts = {
            "ident": tr("&Cause ou chef"), "statute": tr("&Loi"), "starts_on": tr("&Début de la peine"),
            "issued_on": tr("Mandat émis l&e"), "length": tr("D&urée"), "custody": tr("Détention &provisoire"),
            "order": tr("&Ordonnance du juge"), "consecutive_to": tr("Consécutive à"),
            "interruption_kind": tr("&Type"), "left_on": tr("Dépa&rt"), "returned_on": tr("Retour sous &garde"),
            "lost_days": tr("Jours de réduction perdus (art. 74 RALSCQ, 0 à 15)"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.length.setPlaceholderText(tr("ex. 9 mois, 2 ans 3 mois, 13,5 jours"))
        self.custody_labels[0].setText(tr("jours sous garde, crédités à"))
        self.custody_labels[1].setText(tr("jour par jour (au plus 1,5)"))
        self.ident.setPlaceholderText(tr("ex. 500-01-123456-241, chef 1"))
        self.issued_on.setPlaceholderText(tr("si différente du début"))
        self.during_parole.setText(tr("Imposée pendant une libération conditionnelle"))
        self.sentence_box.setTitle(tr("Peines"))
        self.interruption_box.setTitle(tr("Interruptions (évasion, liberté illégale, appel)"))
        self.table.setHorizontalHeaderLabels([tr("Cause ou chef"), tr("Loi"), tr("Début"), tr("Durée"),
                                              tr("Crédit"), tr("Ordonnance")])
        self.interruption_table.setHorizontalHeaderLabels([tr("Type"), tr("Départ"), tr("Retour")])
        self.add_button.setText(tr("A&jouter la peine (Entrée)"))
        self.replace_button.setText(tr("Remplacer la peine choisie"))
        self.remove_button.setText(tr("Retirer la peine choisie"))
        self.add_interruption_button.setText(tr("Ajouter l'interruption"))
        self.remove_interruption_button.setText(tr("Retirer l'interruption choisie"))
        self._show_lists()
        self.compute()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_sentence()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """Enter in an interruption's fields adds the interruption, not a sentence."""
        if (watched in (self.kind, self.left_on, self.returned_on) and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_interruption()
            return True
        return super().eventFilter(watched, event)

    def prefill(self, mandate: Mandate | None) -> None:
        """The mandate names the calculation; its court file is the first sentence's case."""
        self.mandate = mandate
        if mandate is not None and not self.ident.text() and not self.sentences:
            self.ident.setText(mandate.client_file_number or mandate.number)
        self.compute()

    # -- the sentences ---------------------------------------------------------------------------

    def _order_changed(self) -> None:
        self.consecutive_to.setEnabled(self.order.currentData() is JudgeOrder.CONSECUTIVE_TO_NAMED)

    def typed_sentence(self) -> Sentence | None:
        """The sentence of the form, or ``None`` after showing what to correct beside the fields."""
        values, problems = self.messages.read({"starts_on": self.starts_on, "issued_on": self.issued_on,
                                               "length": self.length, "custody": self.ratio})
        if problems:
            self.messages.show(problems)
            return None
        named = self.order.currentData() is JudgeOrder.CONSECUTIVE_TO_NAMED
        try:
            length = SentenceLength(**values["length"])
            custody = (PreSentenceCustody(self.custody_days.value(), values["custody"])
                       if self.custody_days.value() else None)
            return Sentence(
                ident=self.ident.text().strip(), statute=self.statute.currentData(), starts_on=values["starts_on"],
                length=length, issued_on=values["issued_on"], custody=custody, order=self.order.currentData(),
                consecutive_to=self.consecutive_to.currentData() if named else None,
                imposed_during_parole=self.during_parole.isChecked(),
            )
        except SentenceInputError as problem:
            self.messages.show([FieldProblem("sentence", str(problem))])
            return None

    def add_sentence(self, replace_chosen: bool = False) -> None:
        self.messages.clear()
        sentence = self.typed_sentence()
        if sentence is None:
            return
        row = self._chosen_row(self.table)
        if replace_chosen and row is not None:
            self.sentences[row] = sentence
        else:
            self.sentences.append(sentence)
        self.ident.clear()
        self._show_lists()
        self.compute()
        self.ident.setFocus()

    def remove_sentence(self) -> None:
        row = self._chosen_row(self.table)
        if row is not None:
            del self.sentences[row]
            self._show_lists()
            self.compute()

    def _edit_chosen(self) -> None:
        row = self._chosen_row(self.table)
        if row is None:
            return
        sentence = self.sentences[row]
        self.ident.setText(sentence.ident)
        self.statute.setCurrentIndex(self.statute.findData(sentence.statute))
        self.starts_on.set_value(sentence.starts_on)
        self.issued_on.set_value(sentence.issued_on)
        self.length.setText(length_text(sentence.length, self.context.language))
        self.custody_days.setValue(sentence.custody.days_in_custody if sentence.custody else 0)
        if sentence.custody:
            self.ratio.setText(format_number(Decimal(sentence.custody.ratio), self.context.language))
        self.order.setCurrentIndex(self.order.findData(sentence.order))
        self.consecutive_to.setCurrentIndex(max(self.consecutive_to.findData(sentence.consecutive_to), 0))
        self.during_parole.setChecked(sentence.imposed_during_parole)

    # -- the interruptions -----------------------------------------------------------------------

    def add_interruption(self) -> None:
        self.messages.clear()
        values, problems = self.messages.read({"left_on": self.left_on, "returned_on": self.returned_on})
        if problems:
            self.messages.show(problems)
            return
        try:
            interruption = Interruption(self.kind.currentData(), values["left_on"], values["returned_on"])
        except SentenceInputError as problem:
            self.messages.show([FieldProblem("interruption", str(problem))])
            return
        self.interruptions.append(interruption)
        self.left_on.clear()
        self.returned_on.clear()
        self._show_lists()
        self.compute()

    def remove_interruption(self) -> None:
        row = self._chosen_row(self.interruption_table)
        if row is not None:
            del self.interruptions[row]
            self._show_lists()
            self.compute()

    # -- showing ---------------------------------------------------------------------------------

    @staticmethod
    def _chosen_row(table: QTableWidget) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _show_lists(self) -> None:
        language = self.context.language
        self._fill(self.table, [
            [s.ident, s.statute.value, format_date(s.starts_on, language, short=True), length_text(s.length, language),
             tr("{} j × {}").format(s.custody.days_in_custody, format_number(Decimal(s.custody.ratio), language))
             if s.custody else "",
             orders()[s.order] + (f" « {s.consecutive_to} »" if s.consecutive_to else "")]
            for s in self.sentences
        ])
        self._fill(self.interruption_table, [
            [interruption_kinds()[i.kind], format_date(i.left_on, language, short=True),
             format_date(i.returned_on, language, short=True)]
            for i in self.interruptions
        ])
        chosen = self.consecutive_to.currentData()
        self.consecutive_to.clear()
        for sentence in self.sentences:
            self.consecutive_to.addItem(sentence.ident, sentence.ident)
        self.consecutive_to.setCurrentIndex(max(self.consecutive_to.findData(chosen), 0))
        self._order_changed()

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.blockSignals(True)
        table.clearSelection()
        table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        table.blockSignals(False)

    def compute(self) -> None:
        language = self.context.language
        heading = ""
        if self.mandate is not None:
            heading = f"{self.mandate.client_name} — " + tr("Mandat {}").format(self.mandate.number)
        if not self.sentences:
            self.result.setHtml(f"<p><b>{heading}</b></p>" * bool(heading) + "<p>" + tr(
                "Ajoutez chaque peine telle que le mandat d'incarcération l'énonce (date de début, durée, détention "
                "provisoire créditée, ordonnance du juge) : les dates s'affichent ici, chacune avec la règle qui la "
                "donne.") + "</p>")
            return
        try:
            calculation = compute_sentence_dates(self.sentences, self.interruptions, self.lost.value())
        except SentenceInputError as problem:
            self.result.setHtml(f"<p style='color: #b00020'>{problem}</p>")
            return
        self.result.setHtml(calculation_html(calculation, language, heading))
