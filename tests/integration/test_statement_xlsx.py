"""The relevé as an Excel workbook, read back: real numbers and dates with their formats, the
totals, the summary by mandate, month and fiscal year, and hostile text never a formula."""

from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lawyer_billing.domain.statement import (
    Disbursement,
    Letterhead,
    MandateEntry,
    Statement,
    StatementHeader,
    StatementLine,
    StatementType,
)
from lawyer_billing.domain.statement_scenario import build_statement, read_statement_scenario
from lawyer_billing.reports.statement_xlsx import DATE_FORMAT, LINE_HEADERS, MONEY_FORMAT, statement_xlsx, year_xlsx

EXAMPLE = Path(__file__).parents[2] / "examples" / "statement-complete.json"
D = Decimal


@pytest.fixture(scope="module")
def example():
    return build_statement(read_statement_scenario(EXAMPLE.read_text(encoding="utf-8"), date(2026, 11, 22)))[0]


def workbook(statement):
    return load_workbook(BytesIO(statement_xlsx(statement)))


def rows_after(sheet, title):
    """The rows of the table titled ``title``: (header row, data rows) up to the blank row."""
    rows = [[cell for cell in row] for row in sheet.iter_rows()]
    start = next(i for i, row in enumerate(rows) if row[0].value == title)
    end = next((i for i in range(start + 2, len(rows)) if rows[i][0].value is None), len(rows))
    return rows[start + 1], rows[start + 2:end]


def amount(cell):
    """A money cell read back: a number (openpyxl gives a float or an int) in cents."""
    assert isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool), cell.value
    assert cell.number_format == MONEY_FORMAT
    return D(str(cell.value)).quantize(D("0.01"))


def test_the_lines_are_numbers_and_dates_with_formats_in_the_pdf_columns(example):
    sheet = workbook(example)["Relevé"]
    header, rows = rows_after(sheet, "Honoraires (annexe II)")
    assert tuple(cell.value for cell in header[:len(LINE_HEADERS)]) == LINE_HEADERS
    assert len(rows) == 5
    first = rows[0]
    assert first[0].value == datetime(2024, 6, 3) and first[0].number_format == DATE_FORMAT
    assert first[0].is_date
    assert (first[1].value, first[4].value) == ("T127", 1)
    assert first[2].value.startswith("Ensemble des services professionnels")
    assert first[3].value.startswith("T98 : moitié du tarif")
    assert (amount(first[5]), amount(first[6]), first[7].value, amount(first[8])) == (
        D("330.00"), D("165.00"), "M1", D("0.00"))
    assert [amount(row[6]) for row in rows] == [D("165.00"), D("550.00"), D("11.00"), D("150.00"), D("12.00")]
    assert [amount(row[8]) for row in rows] == [D("0.00"), D("180.25"), D("0.00"), D("52.50"), D("0.00")]


def test_the_trips_and_the_disbursements_have_their_rows(example):
    sheet = workbook(example)["Relevé"]
    _, trips = rows_after(sheet, "Frais de déplacement (entente, art. 20)")
    trip = trips[0]
    assert (trip[1].value, trip[2].value, trip[3].value, amount(trip[4]), amount(trip[5])) == (
        "M1", 180, 0.5, D("12.00"), D("102.00"))
    _, disbursements = rows_after(sheet, "Débours (entente, art. 19)")
    assert [(row[2].value, row[3].value, amount(row[4])) for row in disbursements] == [
        ("Signification par huissier", "Facture 8812", D("45.60")),
        ("Courrier recommandé", "Reçu Postes Canada 5531", D("12.35")),
    ]


def test_the_totals_are_those_of_the_statement(example):
    sheet = workbook(example)["Relevé"]
    totals = {row[0].value: amount(row[6]) for row in sheet.iter_rows()
              if row[0].value in {"Honoraires", "Réduction (art. 22)", "Frais de déplacement (art. 20)",
                                  "Sous-total taxable", "TPS", "TVQ", "Débours (art. 19), non taxables", "Total"}}
    # hand computation in tests/unit/test_statement_model.py
    assert totals == {
        "Honoraires": D("888.00"), "Réduction (art. 22)": D("-232.75"), "Frais de déplacement (art. 20)": D("102.00"),
        "Sous-total taxable": D("757.25"), "TPS": D("37.86"), "TVQ": D("75.54"),
        "Débours (art. 19), non taxables": D("57.95"),
        "Total": D("928.60"),
    }


def test_the_summary_sheet_groups_by_mandate_month_and_fiscal_year(example):
    sheet = workbook(example)["Sommaire"]

    def table(title):
        _, rows = rows_after(sheet, title)
        return {row[0].value: [amount(cell) for cell in row[1:6]] for row in rows}

    # columns: fees, reduction, travel, disbursements, total
    assert table("Par mandat") == {
        "M1": [D("176.00"), D("0.00"), D("102.00"), D("45.60"), D("323.60")],  # 165 + 11; + 102 + 45.60
        "M2": [D("550.00"), D("-180.25"), D("0.00"), D("0.00"), D("369.75")],
        "M3": [D("162.00"), D("-52.50"), D("0.00"), D("12.35"), D("121.85")],  # 150 + 12; - 52.50 + 12.35
        "Total": [D("888.00"), D("-232.75"), D("102.00"), D("57.95"), D("815.20")],  # 928.60 - 113.40 taxes
    }
    assert table("Par mois") == {
        "2024-06": [D("726.00"), D("-180.25"), D("102.00"), D("45.60"), D("693.35")],
        "2024-07": [D("162.00"), D("-52.50"), D("0.00"), D("12.35"), D("121.85")],
        "Total": [D("888.00"), D("-232.75"), D("102.00"), D("57.95"), D("815.20")],
    }
    assert list(table("Par exercice financier (1er avril - 31 mars)")) == ["2024-2025", "Total"]


def later_statement(example, number="2025-001"):
    """A second statement of the example's lawyer: T19 (11 $) for M1 in April 2025."""
    return Statement(example.letterhead, StatementHeader(number, StatementType.FINAL, date(2025, 5, 1)),
                     example.mandates[:1],
                     (StatementLine(date(2025, 4, 2), "T19", "x", 1, D("11.00"), D("11.00"), "M1"),),
                     tax_rates=example.tax_rates)


def test_a_year_workbook_lists_each_statement_sums_the_year_and_gives_each_its_sheet(example):
    later = later_statement(example)
    book = load_workbook(BytesIO(year_xlsx(2025, [example, later])))
    assert book.sheetnames == ["Sommaire", "2024-017", "2025-001"]
    sheet = book["Sommaire"]
    assert sheet["A1"].value == "Relevés finalisés en 2025"
    header, rows = rows_after(sheet, "Par relevé")
    assert [cell.value for cell in header[:10]] == ["Relevé", "Date", "Type", "Honoraires", "Réduction art. 22",
                                                   "Déplacements", "TPS", "TVQ", "Débours", "Total"]
    assert [(row[0].value, row[1].value, row[1].number_format, row[2].value) for row in rows[:2]] == [
        ("2024-017", datetime(2024, 10, 1), DATE_FORMAT, "Compte final"),
        ("2025-001", datetime(2025, 5, 1), DATE_FORMAT, "Compte final"),
    ]
    # the example's totals (tests/unit/test_statement_model.py), then 11 $ with GST 5 % = 0,55 and
    # QST 9,975 % = 1,10 (1,097 rounded)
    assert [[row[0].value, *(amount(cell) for cell in row[3:10])] for row in rows] == [
        ["2024-017", D("888.00"), D("-232.75"), D("102.00"), D("37.86"), D("75.54"), D("57.95"), D("928.60")],
        ["2025-001", D("11.00"), D("0.00"), D("0.00"), D("0.55"), D("1.10"), D("0.00"), D("12.65")],
        ["Total", D("899.00"), D("-232.75"), D("102.00"), D("38.41"), D("76.64"), D("57.95"), D("941.25")],
    ]
    _, fiscal_years = rows_after(sheet, "Par exercice financier (1er avril - 31 mars)")
    assert [(row[0].value, amount(row[5])) for row in fiscal_years] == [
        ("2024-2025", D("815.20")), ("2025-2026", D("11.00")), ("Total", D("826.20"))]  # before taxes
    _, by_mandate = rows_after(sheet, "Par mandat")
    assert [(row[0].value, amount(row[1])) for row in by_mandate] == [
        ("M1", D("187.00")), ("M2", D("550.00")), ("M3", D("162.00")), ("Total", D("899.00"))]
    # each statement's sheet is the one statement_xlsx writes
    _, lines = rows_after(book["2025-001"], "Honoraires (annexe II)")
    assert [(row[1].value, amount(row[6])) for row in lines] == [("T19", D("11.00"))]
    _, trips = rows_after(book["2024-017"], "Frais de déplacement (entente, art. 20)")
    assert (trips[0][2].value, trips[0][2].number_format, amount(trips[0][5])) == (180, "#,##0.##", D("102.00"))


def test_a_year_workbook_names_each_sheet_validly_and_once(example):
    numbers = ["R/2025:001", "R/2025:001", "x" * 40, "[Sommaire]"]
    book = load_workbook(BytesIO(year_xlsx(2025, [later_statement(example, number) for number in numbers])))
    assert book.sheetnames == ["Sommaire", "R-2025-001", "R-2025-001 (2)", "x" * 31, "-Sommaire-"]
    _, rows = rows_after(book["Sommaire"], "Par relevé")
    assert [row[0].value for row in rows] == [*numbers, "Total"]  # the numbers themselves, unchanged


HOSTILE = ['=HYPERLINK("http://x","clic")', "=1+1", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "'quoted"]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_text_that_looks_like_a_formula_reads_back_literally(hostile):
    statement = Statement(
        Letterhead(hostile, barreau_number=hostile), StatementHeader(hostile, StatementType.FINAL, date(2024, 10, 1)),
        (MandateEntry(hostile, hostile, hostile),),
        (StatementLine(date(2024, 6, 3), "T19", hostile, 1, D("11.00"), D("11.00"), hostile),),
        (Disbursement(date(2024, 6, 4), hostile, D("1.00"), hostile, hostile),),
    )
    book = workbook(statement)
    texts = [cell for sheet in book for row in sheet.iter_rows() for cell in row if cell.value == hostile]
    assert len(texts) >= 9  # number, name, Barreau number, mandate x3, label, line's mandate, disbursement x3
    for cell in texts:
        assert cell.data_type == "s", (cell.coordinate, cell.data_type)
        assert cell.quotePrefix == hostile.startswith(("=", "+", "-", "@", "\t", "\r"))
    formulas = [cell.coordinate for sheet in book for row in sheet.iter_rows() for cell in row if cell.data_type == "f"]
    assert formulas == []


def test_the_hyperlink_formula_is_not_in_the_file_as_a_formula():
    hostile = '=HYPERLINK("http://x","clic")'
    statement = Statement(Letterhead(hostile), StatementHeader("1", StatementType.FINAL, date(2024, 10, 1)),
                          (MandateEntry("M1", hostile),),
                          (StatementLine(date(2024, 6, 3), "T19", hostile, 1, D("1.00"), D("1.00"), "M1"),))
    from zipfile import ZipFile
    with ZipFile(BytesIO(statement_xlsx(statement))) as archive:
        xml = "".join(archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml"))
    assert "<f>" not in xml and "HYPERLINK" in xml


def test_a_control_character_the_workbook_cannot_hold_is_written_as_a_space():
    statement = Statement(Letterhead("Me\x0bTremblay"), StatementHeader("R\x01-1", StatementType.FINAL, date(2024, 10, 1)),
                          (MandateEntry("M1", "Dupont\x00 & Fils"),),
                          (StatementLine(date(2024, 6, 3), "T19", "copies\x1f", 1, D("1.00"), D("1.00"), "M1"),))
    texts = {cell.value for sheet in workbook(statement) for row in sheet.iter_rows() for cell in row}
    assert {"Me Tremblay", "R -1", "Dupont  & Fils", "copies "} <= texts
    book = load_workbook(BytesIO(year_xlsx(2024, [statement])))
    assert book.sheetnames == ["Sommaire", "R--1"]
