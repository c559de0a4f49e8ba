"""The items of annex II as the Tarif screen lists them: code, label, the figure for a mandate
issued on the date chosen (art. 53), unit, and where the figure comes from (the entente, or an
amount the firm entered, with who and when).

``tariff_rows`` looks every figure up once per date and overlay (a few milliseconds for the 358
items); the search only chooses which rows the model shows, in the order ``Tariff.search``
gives (codes first, then labels), so typing never recomputes a figure.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from lawyer_billing.domain.formatting import format_date, format_money, format_percent
from lawyer_billing.domain.tariff import ITEM_BASE_PREFIX, OverlayAmount, Tariff, TariffDateError, TariffItem
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.records import Column, RecordTableModel

UNKNOWN_COLOUR = QColor("#a04a00")
ENTERED_COLOUR = QColor("#1a4f9c")
NO_FIGURE_COLOUR = QColor("#707070")


@dataclass(frozen=True)
class ClassFigure:
    """The figure of an item (of one class of action, T20) for a mandate issued on the date."""

    tariff_class: str | None
    #: an amount in dollars, or the fraction of a ``rate``; ``None`` when the text lost it
    figure: Decimal | None
    #: false when the item does not apply yet to a mandate issued on the date (art. 53)
    in_force: bool
    #: the firm's amount that gives the figure, or ``None`` for the entente's own
    entry: OverlayAmount | None


@dataclass(frozen=True)
class TariffRow:
    position: int
    item: TariffItem
    figures: tuple[ClassFigure, ...]

    @property
    def unknown(self) -> bool:
        return any(f.in_force and f.figure is None for f in self.figures)

    @property
    def entries(self) -> tuple[OverlayAmount, ...]:
        return tuple(f.entry for f in self.figures if f.entry is not None)


def tariff_rows(shipped: Tariff, entries: Sequence[OverlayAmount], on: date) -> list[TariffRow]:
    """Every item with its figures on ``on``, the firm's ``entries`` laid over the shipped tariff."""
    current = shipped.with_overlay(entries)
    rows = []
    for position, item in enumerate(current):
        figures = []
        if item.has_figure:
            for tariff_class in list(item.classes) or [None]:
                try:
                    figure = current.amount(item.code, on, tariff_class)
                except TariffDateError:
                    figures.append(ClassFigure(tariff_class, None, False, None))
                    continue
                entry = shipped.overlay_in_effect(entries, item.code, on, tariff_class)
                figures.append(ClassFigure(tariff_class, figure, True, entry))
        rows.append(TariffRow(position, item, tuple(figures)))
    return rows


def unit_names() -> dict[str, str]:
    return {
        "flat": tr("forfait"),
        "per_day": tr("par jour"),
        "per_half_day": tr("par demi-journée"),
        "per_additional_half_day": tr("par demi-journée additionnelle"),
        "per_attendance": tr("par vacation"),
        "per_page": tr("par page"),
        "percentage": tr("pourcentage"),
    }


def kind_names() -> dict[str, str]:
    """What an item without a figure is, in place of its amount."""
    return {
        "rule": tr("règle"),
        "group": tr("voir les sous-articles"),
        "special_consideration": tr("considération spéciale"),
        "no_tariff": tr("sans tarif"),
    }


def rate_bases() -> dict[str, str]:
    return {"indemnity": tr("de l'indemnité"), "judgment": tr("du jugement"), "fee": tr("des honoraires")}


def figure_text(item: TariffItem, figure: ClassFigure, language: str) -> str:
    """« 330,00 $ », « 50 % de T78 », « montant inconnu » or « pas en vigueur »."""
    if not figure.in_force:
        return tr("pas en vigueur")
    if figure.figure is None:
        return tr("montant inconnu")
    if item.kind != "rate":
        return format_money(figure.figure, language)
    hundredths = figure.figure * 100
    percent = format_percent(hundredths, language, places=max(0, -hundredths.normalize().as_tuple().exponent))
    if item.of.startswith(ITEM_BASE_PREFIX):
        return tr("{} de {}").format(percent, item.of.removeprefix(ITEM_BASE_PREFIX))
    return f"{percent} {rate_bases()[item.of]}"


def amount_text(row: TariffRow, language: str) -> str:
    if not row.item.has_figure:
        return kind_names()[row.item.kind]
    if len(row.figures) == 1:
        return figure_text(row.item, row.figures[0], language)
    if all(f.figure is None for f in row.figures):
        return figure_text(row.item, row.figures[0], language)
    return tr("selon la classe")


def classes_text(row: TariffRow, language: str) -> str:
    """One line per class, for the tooltip of an item paid by class of action."""
    if len(row.figures) < 2:
        return ""
    return "\n".join(tr("Classe {} : {}").format(f.tariff_class, figure_text(row.item, f, language))
                     for f in row.figures)


def source_text(row: TariffRow, language: str) -> str:
    if not row.item.has_figure:
        return ""
    if not row.entries:
        return tr("Annexe II")
    return tr("Saisi en partie") if len(row.entries) < len(row.figures) else tr("Saisi")


def source_tooltip(row: TariffRow, language: str) -> str:
    """Who entered the figures shown, when, and on what authority."""
    return "\n".join(
        tr("{}saisi par {} le {} — {}").format(
            tr("Classe {} : ").format(entry.tariff_class) if entry.tariff_class else "", entry.entered_by,
            format_date(entry.entered_at.date(), language), entry.source_note)
        for entry in row.entries)


def label(item: TariffItem, language: str) -> str:
    return item.label_en if language == "en" else item.label_fr


COLUMNS = (
    Column(lambda: tr("Code"), lambda row, language: row.item.code, sort=lambda row: row.position),
    Column(lambda: tr("Libellé"), lambda row, language: label(row.item, language),
           tooltip=lambda row, language: label(row.item, language)),
    Column(lambda: tr("Montant"), amount_text, sort=lambda row: _figure_sort(row), tooltip=classes_text,
           align_right=True),
    Column(lambda: tr("Unité"), lambda row, language: unit_names().get(row.item.unit, "")),
    Column(lambda: tr("Source"), source_text, tooltip=source_tooltip),
)
CODE, LABEL, AMOUNT, UNIT, SOURCE = range(len(COLUMNS))


def _figure_sort(row: TariffRow) -> Decimal | None:
    known = [f.figure for f in row.figures if f.figure is not None and row.item.kind == "amount"]
    return min(known) if known else None


class TariffModel(RecordTableModel):
    """The rows of ``tariff_rows`` the search kept; amounts unknown or entered stand out."""

    def __init__(self, language: str = "fr", parent=None) -> None:
        super().__init__(COLUMNS, language, parent)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and index.column() in (AMOUNT, SOURCE):
            if not (0 <= index.row() < len(self.records)):
                return None
            row = self.records[index.row()]
            if not row.item.has_figure:
                return NO_FIGURE_COLOUR
            if row.unknown and index.column() == AMOUNT:
                return UNKNOWN_COLOUR
            if row.entries:
                return ENTERED_COLOUR
            return None
        return super().data(index, role)
