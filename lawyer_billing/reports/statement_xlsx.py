"""The relevé d'honoraires as an Excel workbook (openpyxl), for the lawyer's own accounts.

Sheet « Relevé »: the header, then one row per line with the PDF's columns, the trips, the
disbursements and the totals of ``Statement.totals``. Sheet « Sommaire »: its amounts by
mandate, by month and by fiscal year (1 April - 31 March), from ``domain.statement.summarise``.
A year's workbook (``year_xlsx``) opens on a « Sommaire » that lists each statement with its
totals, then sums the year by mandate, month and fiscal year; one sheet per statement follows,
named by its number.

Cells hold real values: amounts are numbers rounded to the cent with a two-decimal format,
dates are dates formatted ``yyyy-mm-dd``. Text is never a formula: openpyxl stores any string
beginning with ``=`` as a formula, and a spreadsheet program may also read ``+``, ``-``, ``@``,
a tab or a carriage return as the start of one (CSV/DDE injection, e.g. ``=HYPERLINK(...)``
in a client's name). Every text cell is therefore written as an explicit string, and those
that begin with such a character are also marked « quote prefix », as if typed with an
apostrophe. A control character that a workbook cannot hold (pasted into a name, say) is
written as a space rather than refusing the whole workbook.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from io import BytesIO
from math import ceil

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from lawyer_billing.domain.money import round_cents
from lawyer_billing.domain.statement import Statement, SummaryRow, summarise

MONEY_FORMAT = "#,##0.00"
NUMBER_FORMAT = "#,##0.##"
RATE_FORMAT = "0.00##"
DATE_FORMAT = "yyyy-mm-dd"
#: What a spreadsheet may take as the start of a formula (OWASP, « CSV injection »).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

#: The columns of the lines, as in the PDF.
LINE_HEADERS = ("Date", "Article", "Service rendu (annexe II)", "Règles appliquées", "Unités", "Tarif",
                "Montant", "Mandat", "Réduction art. 22")
_WIDTHS = (22, 10, 60, 40, 14, 12, 12, 14, 16)
_SUMMARY_WIDTHS = (44, 14, 18, 16, 16, 14, 14, 14, 14, 14)
#: what a sheet name cannot hold
_SHEET_NAME_FORBIDDEN = set("[]:*?/\\")
#: the default row height (points) of a line of 11-point text, and the characters per unit of width
_LINE_HEIGHT = 15
_CHARACTERS_PER_WIDTH = 1.1
#: bold in the workbook's own font (a bare ``Font(bold=True)`` has no name and falls back to a serif)
_BOLD = Font(name="Calibri", size=11, bold=True)
_TOP = Alignment(vertical="top")
_WRAPPED = Alignment(vertical="top", wrap_text=True)
_HEAD_FILL = PatternFill("solid", start_color="E4EAF1")


@dataclass(frozen=True)
class Exact:
    """A number that is not money (km, a km rate): written with its own decimals, in ``format``."""

    value: Decimal
    format: str


def statement_xlsx(statement: Statement) -> bytes:
    """The workbook of one statement as bytes; its summary covers that statement."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Relevé"
    _statement_sheet(sheet, statement)
    _summary_sheet(workbook.create_sheet("Sommaire"), (statement,))
    for each in workbook.worksheets:
        _print_on_one_page_wide(each)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def year_xlsx(year: int, statements: Sequence[Statement]) -> bytes:
    """The workbook of the statements of ``year``: a summary of them all, then each one on its
    own sheet as ``statement_xlsx`` writes it."""
    workbook = Workbook()
    summary = workbook.active
    summary.title = "Sommaire"
    _set_widths(summary, _SUMMARY_WIDTHS)
    row = _statements_table(summary, year, statements)
    put(summary, row, 1, f"Sommaire de l'année {year} (montants avant taxes)", bold=True)
    _period_tables(summary, row + 2, statements)
    names: set[str] = {"sommaire"}
    for statement in statements:
        _statement_sheet(workbook.create_sheet(_sheet_name(statement.header.number, names)), statement)
    for each in workbook.worksheets:
        _print_on_one_page_wide(each)
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def put(sheet: Worksheet, row: int, column: int, value: object, *, bold: bool = False) -> Cell:
    """Write one value with its type and format: text as a string never read as a formula,
    ``Decimal`` as a number rounded to the cent, ``Exact`` as it is, ``date`` as a date."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub(" ", value)
        cell.value = value
        cell.data_type = "s"  # openpyxl would make "=..." a formula
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True
    elif isinstance(value, Decimal):
        cell.value = round_cents(value)
        cell.number_format = MONEY_FORMAT
    elif isinstance(value, Exact):
        cell.value = value.value
        cell.number_format = value.format
    elif isinstance(value, date):
        cell.value = value
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.value = value
    elif value is not None:
        raise TypeError(f"valeur de type {type(value).__name__} non prévue dans le classeur")
    if bold:
        cell.font = _BOLD
    return cell


def _statement_sheet(sheet: Worksheet, statement: Statement) -> None:
    _set_widths(sheet, _WIDTHS)
    header, lawyer, totals = statement.header, statement.letterhead, statement.totals
    rows: list[tuple] = [
        ("Relevé d'honoraires", header.number),
        ("Type", header.type.label_fr),
        ("Date", header.date),
    ]
    if header.supplements:
        rows.append(("Complète le relevé", header.supplements))
    rows += [("Avocat", lawyer.name), ("Barreau du Québec", lawyer.barreau_number),
             ("N° d'avocat CSJ", lawyer.csj_number)]
    if header.office is not None:
        rows.append(("Destinataire", header.office.name))
    # the beneficiary may run over the empty column C; the court goes in the wide column D
    rows += [(f"Mandat {m.number}", m.beneficiary, "", m.court) for m in statement.mandates]
    row = 1
    for values in rows:
        put(sheet, row, 1, values[0], bold=True)
        for column, value in enumerate(values[1:], start=2):
            put(sheet, row, column, value)
        row += 1

    row = _table(sheet, row + 1, "Honoraires (annexe II)", LINE_HEADERS, [
        (line.date, line.code, line.label,
         " ; ".join(rule.explanation for rule in line.rules), line.units,
         line.tariff_amount, line.amount, line.mandate, line.cap_reduction)
        for line in statement.lines
    ])
    if statement.travel:
        row = _table(sheet, row, "Frais de déplacement (entente, art. 20)",
                     ("Date", "Mandat", "Km payés", "Taux ($/km)", "Stationnement", "Montant"),
                     [(trip.date, trip.mandate, Exact(trip.km, NUMBER_FORMAT), Exact(trip.rate, RATE_FORMAT),
                       trip.parking, trip.amount)
                      for trip in statement.travel])
    if statement.disbursements:
        row = _table(sheet, row, "Débours (entente, art. 19)",
                     ("Date", "Mandat", "Description", "Pièce justificative", "Montant"),
                     [(item.date, item.mandate, item.description, item.receipt, item.amount)
                      for item in statement.disbursements])

    summary = [("Honoraires", totals.fees), ("Réduction (art. 22)", -totals.cap_reduction),
               ("Frais de déplacement (art. 20)", totals.travel)]
    if statement.tax_rates is not None:
        summary += [("Sous-total taxable", totals.taxable), ("TPS", totals.gst), ("TVQ", totals.qst)]
    summary += [("Débours (art. 19), non taxables", totals.disbursements), ("Total", totals.total)]
    for label, amount in summary:
        put(sheet, row, 1, label, bold=label == "Total")
        put(sheet, row, 7, amount, bold=label == "Total")
        row += 1


def _set_widths(sheet: Worksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def _print_on_one_page_wide(sheet: Worksheet) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def _table(sheet: Worksheet, row: int, title: str, headers: Sequence[str], rows: Sequence[tuple]) -> int:
    """A titled table from ``row``; returns the row after it and a blank one."""
    put(sheet, row, 1, title, bold=True)
    row += 1
    for column, text in enumerate(headers, start=1):
        cell = put(sheet, row, column, text, bold=True)
        cell.fill = _HEAD_FILL
    row += 1
    for values in rows:
        lines = 1
        for column, value in enumerate(values, start=1):
            cell = put(sheet, row, column, value)
            width = sheet.column_dimensions[get_column_letter(column)].width
            wrap = isinstance(value, str) and len(value) > width
            cell.alignment = _WRAPPED if wrap else _TOP
            if wrap:
                # a spreadsheet does not grow a row to its wrapped text when opening a file
                lines = max(lines, ceil(len(value) / (width * _CHARACTERS_PER_WIDTH)))
        if lines > 1:
            sheet.row_dimensions[row].height = lines * _LINE_HEIGHT
        row += 1
    return row + 1


def _sheet_name(number: str, taken: set[str]) -> str:
    """A sheet name for the statement ``number``: without the characters a sheet name cannot
    hold, at most 31 characters, and unique in the workbook (names compare without case)."""
    base = "".join("-" if character in _SHEET_NAME_FORBIDDEN else character
                   for character in ILLEGAL_CHARACTERS_RE.sub("-", number))
    base = base.strip("'").strip() or "Relevé"
    name, copy = base[:31], 1
    while name.casefold() in taken:
        copy += 1
        suffix = f" ({copy})"
        name = base[:31 - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def _statements_table(sheet: Worksheet, year: int, statements: Sequence[Statement]) -> int:
    """Each statement of the year with its totals as finalized, and their sum; returns the row
    after it and a blank one."""
    put(sheet, 1, 1, f"Relevés finalisés en {year}", bold=True)
    headers = ("Relevé", "Date", "Type", "Honoraires", "Réduction art. 22", "Déplacements", "TPS", "TVQ", "Débours",
               "Total")
    rows = [(s.header.number, s.header.date, s.header.type.label_fr, s.totals.fees, -s.totals.cap_reduction,
             s.totals.travel, s.totals.gst, s.totals.qst, s.totals.disbursements, s.totals.total)
            for s in statements]
    end = _table(sheet, 3, "Par relevé", headers, rows)
    put(sheet, end - 1, 1, "Total", bold=True)
    for column in range(4, len(headers) + 1):
        put(sheet, end - 1, column, sum((row[column - 1] for row in rows), Decimal(0)), bold=True)
    return end + 1


def _summary_sheet(sheet: Worksheet, statements: Sequence[Statement]) -> None:
    _set_widths(sheet, _SUMMARY_WIDTHS)
    numbers = ", ".join(statement.header.number for statement in statements)
    put(sheet, 1, 1, "Sommaire de la période (montants avant taxes)", bold=True)
    put(sheet, 2, 1, "Relevés")
    put(sheet, 2, 2, numbers)
    _period_tables(sheet, 4, statements)


def _period_tables(sheet: Worksheet, row: int, statements: Sequence[Statement]) -> None:
    """The amounts of ``statements`` by mandate, by month and by fiscal year, from ``row``."""
    summary = summarise(statements)
    for title, rows in (("Par mandat", summary.by_mandate), ("Par mois", summary.by_month),
                        ("Par exercice financier (1er avril - 31 mars)", summary.by_fiscal_year)):
        row = _summary_table(sheet, row, title, rows)


def _summary_table(sheet: Worksheet, row: int, title: str, rows: Sequence[SummaryRow]) -> int:
    headers = ("", "Honoraires", "Réduction art. 22", "Déplacements", "Débours", "Total")
    data = [(r.key, r.fees, -r.cap_reduction, r.travel, r.disbursements, r.total) for r in rows]
    end = _table(sheet, row, title, headers, data)
    total_row = end - 1
    put(sheet, total_row, 1, "Total", bold=True)
    for column, amount in enumerate(
        (sum((r.fees for r in rows), Decimal(0)), -sum((r.cap_reduction for r in rows), Decimal(0)),
         sum((r.travel for r in rows), Decimal(0)), sum((r.disbursements for r in rows), Decimal(0)),
         sum((r.total for r in rows), Decimal(0))),
        start=2,
    ):
        put(sheet, total_row, column, amount, bold=True)
    return end + 1
