"""Tarif: every item of annex II, found as it is typed, with its figure for a mandate issued on
the date chosen (art. 53), its unit, article, dated figures, notes, and where each figure comes
from; the firm fills in a figure the text lost, or a later entente's, with its source.

The shipped data never changes: an amount entered here (or loaded from a file, all or nothing)
is laid over it from its effective date, with who entered it, when and on what authority
(``services/tariff_overlay.py``), and the pricing uses it from then on.
"""

from dataclasses import dataclass
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.domain.tariff import (
    OverlayAmount,
    OverlayFileError,
    OverlayLine,
    read_overlay_file,
    shipped_tariff,
)
from lawyer_billing.domain.typed_input import TypedInputError
from lawyer_billing.domain.validation import FieldProblem
from lawyer_billing.services.tariff_overlay import record_amount, record_file_lines, stored_amounts
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.tariff import (
    AMOUNT,
    CODE,
    LABEL,
    SOURCE,
    UNIT,
    ClassFigure,
    TariffModel,
    TariffRow,
    figure_text,
    kind_names,
    label,
    tariff_rows,
    unit_names,
)
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets.fields import DateField, FieldMessages, MoneyField, with_message
from lawyer_billing.ui.widgets.screen_base import ScreenBase
from lawyer_billing.ui.widgets.screen_parts import line_table
from lawyer_billing.ui.widgets.settings_section import button_row

TITLE = "Tarif"
#: the widest text of each column but the label (the unit « par demi-journée additionnelle »
#: is cut short in the list, whole in the detail)
COLUMN_SAMPLES = {CODE: "T201.1 ", AMOUNT: "montant inconnu", UNIT: "par vacation", SOURCE: "Saisi en partie"}
SIDE_WIDTH = 400


def choose_overlay_file(parent: QWidget) -> Path | None:
    """The file of amounts to load (tests replace this function: a dialog would wait for a click)."""
    chosen, _ = QFileDialog.getOpenFileName(parent, tr("Charger un fichier de montants"), str(Path.home()),
                                            tr("Montants (*.yaml *.yml *.csv)"))
    return Path(chosen) if chosen else None


@dataclass(frozen=True)
class _Loaded:
    """What loading a file gave: the amounts recorded, or every problem of the file."""

    lines: list[OverlayLine]
    problems: tuple[str, ...] = ()


class Screen(ScreenBase):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context, stale=False)
        self.shipped = shipped_tariff()
        self.entries: list[OverlayAmount] = []
        self.rows: dict[str, TariffRow] = {}
        self.computed_on: date = context.today()
        self.current = self.shipped
        #: the row whose detail is shown, so that it is not laid out twice for one selection
        self._detail_of: TariffRow | None = None
        self.messages = FieldMessages()

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_search)
        self.search.installEventFilter(self)
        self.on = DateField(context.today)
        self.on.setObjectName("mandate_date")
        self.on.setMaximumWidth(180)
        self.on.textChanged.connect(self._date_changed)
        self.search_label, self.on_label = QLabel(), QLabel()
        self.search_label.setBuddy(self.search)
        self.on_label.setBuddy(self.on)
        self.count = QLabel()
        self.count.setObjectName("count")
        top = QHBoxLayout()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.on_label)
        top.addWidget(with_message(self.on, self.messages.label_for("mandate_date")))
        top.addWidget(self.count)

        self.model = TariffModel(context.language, self)
        self.table = line_table("items", self.model)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        # fixed widths: measuring 358 rows at every keystroke of the search would make typing lag
        for column, sample in COLUMN_SAMPLES.items():
            header.resizeSection(column, self.table.fontMetrics().horizontalAdvance(sample) + 16)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())

        self.detail = QTextBrowser()
        self.detail.setObjectName("detail")
        self._build_amount_form()
        self._build_file_form()
        main = QWidget()
        left = QVBoxLayout(main)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(self.table, 1)
        left.addWidget(self.file_box)
        side = QWidget()
        side.setMinimumWidth(SIDE_WIDTH)
        side.setMaximumWidth(SIDE_WIDTH + 120)
        right = QVBoxLayout(side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.detail, 1)
        right.addWidget(self.amount_box)
        splitter = QSplitter()
        splitter.addWidget(main)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setStyleSheet("color: #1b5e20;")
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setFocusProxy(self.search)

        self.on.set_value(context.today())
        self.retranslate()
        self.reload()

    def _build_amount_form(self) -> None:
        self.amount_box = QGroupBox()
        self.amount_box.setObjectName("amount_form")
        self.amount_note = QLabel()
        self.amount_note.setWordWrap(True)
        self.tariff_class = QComboBox()
        self.tariff_class.setObjectName("tariff_class")
        self.tariff_class.currentIndexChanged.connect(self._suggest_effective)
        self.effective = DateField(self.context.today)
        self.effective.setObjectName("effective")
        self.amount = MoneyField(optional=True, language=self.context.language)
        self.amount.setObjectName("amount")
        self.source_note = QLineEdit()
        self.source_note.setObjectName("source_note")
        self.amount_labels = {name: QLabel() for name in ("tariff_class", "effective", "amount", "source_note")}
        form = QFormLayout()
        for name, field in (("tariff_class", self.tariff_class), ("effective", self.effective),
                            ("amount", self.amount), ("source_note", self.source_note)):
            self.amount_labels[name].setBuddy(field)
            form.addRow(self.amount_labels[name], with_message(field, self.messages.label_for(name)))
        for field in (self.effective, self.amount, self.source_note):
            field.returnPressed.connect(self.save_amount)
            field.installEventFilter(self)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_amount")
        self.save_button.clicked.connect(self.save_amount)
        box = QVBoxLayout(self.amount_box)
        box.addWidget(self.amount_note)
        box.addLayout(form)
        box.addLayout(button_row(self.save_button))

    def _build_file_form(self) -> None:
        self.file_box = QGroupBox()
        self.file_source = QLineEdit()
        self.file_source.setObjectName("file_source")
        self.file_source_label = QLabel()
        self.file_source_label.setBuddy(self.file_source)
        self.load_button = QPushButton()
        self.load_button.setObjectName("load_file")
        self.load_button.clicked.connect(self.load_file)
        self.file_problems = QPlainTextEdit()
        self.file_problems.setObjectName("file_problems")
        self.file_problems.setReadOnly(True)
        self.file_problems.setMaximumHeight(110)
        self.file_problems.setStyleSheet("color: #b00020;")
        self.file_problems.hide()
        row = QHBoxLayout()
        row.addWidget(self.file_source_label)
        row.addWidget(with_message(self.file_source, self.messages.label_for("file_source")), 1)
        row.addWidget(self.load_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self.file_box)
        box.addLayout(row)
        box.addWidget(self.file_problems)

    # -- texts -------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search_label.setText(tr("&Rechercher"))
        self.search.setPlaceholderText(tr("Code (T127, T64 c), t64c) ou mots du libellé (caution, plaidoyer)"))
        self.on_label.setText(tr("Mandat &délivré le"))
        self.on.setToolTip(tr("Le montant d'un article est celui du tarif en vigueur à la date où le mandat a "
                              "été délivré (art. 53)."))
        self.amount_labels["tariff_class"].setText(tr("&Classe"))
        self.amount_labels["effective"].setText(tr("En vigueur &le"))
        self.amount_labels["amount"].setText(tr("&Montant"))
        self.amount_labels["source_note"].setText(tr("S&ource"))
        self.source_note.setPlaceholderText(tr("ex. Gazette officielle du Québec, décret 911-2008"))
        self.save_button.setText(tr("Enregistrer le montant (Entrée)"))
        self.file_box.setTitle(tr("Charger un fichier de montants (YAML ou CSV)"))
        self.file_source_label.setText(tr("Source du fic&hier"))
        self.file_source.setPlaceholderText(tr("pour les lignes qui n'ont pas leur propre source"))
        self.load_button.setText(tr("Choisir le fichier et charger…"))
        self.amount.language = self.context.language
        self.model.retranslate(self.context.language)
        self._detail_of = None
        self.apply_search()

    # -- loading and searching ---------------------------------------------------------------------

    def refresh(self) -> None:
        if self.stale:
            self.stale = False
            self.reload()

    def reload(self) -> None:
        """The firm's amounts as stored now, and every figure on the date chosen."""
        with self.context.unit_of_work() as uow:
            self.entries = stored_amounts(uow)
        self.current = self.shipped.with_overlay(self.entries)
        self._compute()

    def _date_changed(self) -> None:
        if self.rows:
            self._compute()

    def _compute(self) -> None:
        self.messages.show([])
        try:
            on = self.on.value()
        except TypedInputError as problem:
            self.messages.show([FieldProblem("mandate_date", str(problem))])
            return
        self.computed_on = on
        self.rows = {row.item.code: row for row in tariff_rows(self.shipped, self.entries, on)}
        self._detail_of = None
        self.apply_search()

    def apply_search(self) -> None:
        if not self.rows:
            return
        chosen = self.chosen_row()
        text = self.search.text()
        found = self.shipped.search(text) if text.strip() else list(self.shipped)
        self.model.set_records([self.rows[item.code] for item in found])
        if text.strip():
            self.count.setText(tr("{} article(s) trouvé(s) sur {}").format(len(found), len(self.rows)))
        else:
            self.count.setText(tr("{} articles").format(len(self.rows)))
        keep = chosen.item.code if chosen and not text.strip() else (found[0].code if found else None)
        self.choose(keep)

    def choose(self, code: str | None) -> None:
        row = self.model.row_of(lambda record: record.item.code == code) if code else None
        if row is None:
            self.table.clearSelection()
            self.show_detail()
            return
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, CODE),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(self.model.index(row, CODE))
        self.show_detail()

    def chosen_row(self) -> TariffRow | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.record(index.row()) if index.isValid() and self.table.selectionModel().hasSelection() \
            else None

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if (watched in (self.effective, self.amount, self.source_note) and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape):
            self.cancel_amount()
            return True
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.model.rowCount():
                self.table.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    # -- the chosen item -----------------------------------------------------------------------------

    def show_detail(self, again: bool = False) -> None:
        row = self.chosen_row()
        if row is not None and row is self._detail_of and not again:
            return
        self._detail_of = row
        if row is None:
            self.detail.setHtml("<p>" + escape(tr("Aucun article ne correspond à la recherche : tapez un code (T127) "
                                                   "ou des mots du libellé.")) + "</p>")
            self.amount_box.setEnabled(False)
            self.amount_box.setTitle(tr("Saisir un montant"))
            self.amount_note.clear()
            return
        self.detail.setHtml(self.detail_html(row))
        self._show_amount_form(row)

    def detail_html(self, row: TariffRow) -> str:
        item, language = row.item, self.context.language
        other = item.label_fr if language == "en" else item.label_en
        where = " · ".join(escape(part) for part in (tr("Article {}").format(item.article), item.part, item.section)
                           if part)
        parts = [f"<h3>{escape(item.code)} — {escape(label(item, language))}</h3>",
                 f"<p><i>{escape(other)}</i></p>", f"<p><small>{where}</small></p>"]
        if item.unit:
            parts.append(f"<p>{escape(tr('Unité'))} : {escape(unit_names()[item.unit])}</p>")
        if not item.has_figure:
            parts.append(f"<p><b>{escape(kind_names()[item.kind])}</b></p>")
        else:
            parts.append(f"<p><b>{escape(tr('Pour un mandat délivré le {}').format(format_date(self.computed_on, language)))}"
                         "</b></p><table cellpadding='3'>")
            parts += [self._figure_row(item, figure) for figure in row.figures]
            parts.append("</table>")
            parts.append(f"<p><b>{escape(tr('Montants datés'))}</b></p><ul>")
            parts += [f"<li>{escape(line)}</li>" for line in self.history(row)]
            parts.append("</ul>")
        if item.max_count is not None:
            scope = {"matter": tr("dans une même affaire"), "mandate": tr("dans un même mandat")}[item.max_scope]
            parts.append(f"<p>{escape(tr('Au plus {} fois {}').format(item.max_count, scope))}</p>")
        if item.requires_authorisation:
            authorisation = tr("Autorisation préalable de l'organisme d'aide juridique requise.")
            parts.append(f"<p>{escape(authorisation)}</p>")
        if item.note:
            parts.append(f"<p><b>{escape(tr('Note'))}</b> : {escape(item.note)}</p>")
        return "".join(parts)

    def _figure_row(self, item, figure: ClassFigure) -> str:
        language = self.context.language
        name = tr("Classe {}").format(figure.tariff_class) if figure.tariff_class else ""
        colour = "#a04a00" if figure.in_force and figure.figure is None else "#1a4f9c" if figure.entry else "inherit"
        return (f"<tr><td style='white-space: nowrap'>{escape(name)}</td><td><span style='color: {colour}'><b>"
                f"{escape(figure_text(item, figure, language))}</b></span>"
                f"<br><small>{escape(self.source_of(figure.entry))}</small></td></tr>")

    def source_of(self, entry: OverlayAmount | None) -> str:
        if entry is None:
            return tr("entente de 2008, annexe II")
        return tr("saisi par {} le {} — {}").format(entry.entered_by, format_date(entry.entered_at.date(),
                                                                                   self.context.language),
                                                    entry.source_note)

    def history(self, row: TariffRow) -> list[str]:
        """Each dated figure of the item, class by class, with where it comes from."""
        item, language = self.current.item(row.item.code), self.context.language
        tables = list(item.classes.items()) or [(None, item.values)]
        lines = []
        for tariff_class, table in tables:
            for day, value in zip(table.dates, table.values):
                entry = self.shipped.overlay_in_effect(self.entries, item.code, day, tariff_class)
                figure = ClassFigure(tariff_class, value, True, entry if entry and entry.effective == day else None)
                prefix = tr("Classe {}, ").format(tariff_class) if tariff_class else ""
                lines.append(prefix + tr("à compter du {} : {} ({})").format(
                    format_date(day, language), figure_text(item, figure, language), self.source_of(figure.entry)))
        return lines

    # -- entering an amount ---------------------------------------------------------------------------

    def _show_amount_form(self, row: TariffRow) -> None:
        item = row.item
        self.amount_box.setTitle(tr("Saisir un montant pour {}").format(item.code))
        can_enter = item.kind == "amount"
        self.amount_box.setEnabled(can_enter)
        if not can_enter:
            self.amount_note.setText(tr("Un taux se change par un fichier de montants.") if item.kind == "rate"
                                     else tr("Cet article n'a pas de montant à saisir."))
            return
        self.amount_note.setText(tr("Pour un montant perdu dans le texte de l'entente, ou celui d'une entente "
                                    "ultérieure, à compter de sa date d'effet. Le montant de l'annexe II n'est "
                                    "pas modifié."))
        chosen = self.tariff_class.currentData()
        self.tariff_class.blockSignals(True)
        self.tariff_class.clear()
        for name in item.classes:
            self.tariff_class.addItem(name, name)
        self.tariff_class.setCurrentIndex(max(self.tariff_class.findData(chosen), 0))
        self.tariff_class.blockSignals(False)
        self.tariff_class.setEnabled(bool(item.classes))
        self._suggest_effective()

    def _suggest_effective(self) -> None:
        """A lost figure applies from the date of the figure it replaces: offer that date."""
        row = self.chosen_row()
        if row is None or self.effective.text():
            return
        chosen = self.tariff_class.currentData()
        figure = next((f for f in row.figures if f.tariff_class == chosen), None)
        table = row.item.classes.get(chosen) if chosen else row.item.values
        if figure is not None and figure.in_force and figure.figure is None and table is not None:
            self.effective.set_value(table.dates[0])

    def cancel_amount(self) -> None:
        """Esc: what was typed in the form goes, and the list has the focus again."""
        for field in (self.amount, self.source_note, self.effective):
            field.clear()
        self.messages.clear()
        self._suggest_effective()
        self.table.setFocus()

    def has_unsaved_changes(self) -> bool:
        return bool(self.amount.text().strip() or self.source_note.text().strip())

    def save_amount(self) -> None:
        row = self.chosen_row()
        if row is None or row.item.kind != "amount":
            return
        values, problems = self.messages.read({"effective": self.effective, "amount": self.amount})
        if values.get("amount") is None and "amount" in values:
            problems.append(FieldProblem("amount", tr("Indiquez le montant.")))
        if problems:
            self.messages.show(problems)
            return
        entry = OverlayAmount(code=row.item.code, effective=values["effective"], amount=values["amount"],
                              tariff_class=self.tariff_class.currentData() if row.item.classes else None,
                              source_note=self.source_note.text().strip(), entered_by=self.context.user,
                              entered_at=self.context.now())

        def record() -> OverlayAmount:
            with self.context.unit_of_work() as uow:
                record_amount(uow, entry, self.shipped)
            return entry

        if attempt(self, record, self.messages) is None:
            return
        for field in (self.amount, self.source_note, self.effective):
            field.clear()
        self.reload()
        self.choose(entry.code)
        what = entry.code + (" " + tr("classe {}").format(entry.tariff_class) if entry.tariff_class else "")
        self.status.setText(tr("Montant enregistré pour {} à compter du {}.").format(
            what, format_date(entry.effective, self.context.language)))
        self.context.events.changed.emit("tariff")

    # -- loading a file ------------------------------------------------------------------------------

    def load_file(self) -> None:
        source = self.file_source.text().strip()
        self.messages.clear()
        if not source:
            self.messages.show([FieldProblem("file_source", tr(
                "Indiquez d'où viennent les montants du fichier (texte, décret, avis) : chaque montant la garde."))])
            return
        path = choose_overlay_file(self)
        if path is None:
            return

        def load() -> _Loaded:
            with self.context.unit_of_work() as uow:
                try:
                    lines = read_overlay_file(path, self.context.user, self.context.now(), default_source=source,
                                              tariff=self.shipped)
                except OverlayFileError as refused:
                    return _Loaded([], refused.problems)
                problems = record_file_lines(uow, lines, path.name, self.shipped)
            return _Loaded([] if problems else lines, tuple(problems))

        loaded = attempt(self, load, self.messages)
        if loaded is None:
            return
        if loaded.problems:
            self.file_problems.setPlainText("\n".join(
                [tr("« {} » refusé : rien n'a été enregistré. À corriger :").format(path.name), *loaded.problems]))
            self.file_problems.show()
            self.status.clear()
            return
        self.file_problems.hide()
        self.file_source.clear()
        self.reload()
        self.status.setText(tr("{} montant(s) de « {} » enregistré(s).").format(len(loaded.lines), path.name))
        self.context.events.changed.emit("tariff")
