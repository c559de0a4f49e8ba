"""Export benchmark: a 500-line relevé d'honoraires to PDF and to Excel.

Run by hand: ``.venv/bin/python bench/export.py``. Prints the first (cold: fonts registered,
styles read) and the best of five warm timings of each export next to the budget of about one
second (issue "documents"). The lines carry the tariff's real French labels, one in five with a
rule's explanation, for a registered lawyer (taxes printed), with trips and disbursements.
Not part of the test suite: timings belong here, not in unit tests.
"""

import time
from datetime import date, timedelta
from decimal import Decimal

from lawyer_billing.domain.statement import (
    Disbursement,
    Letterhead,
    MandateEntry,
    Office,
    RuleNote,
    Statement,
    StatementHeader,
    StatementLine,
    StatementType,
    TravelEntry,
    tax_rates_for,
)
from lawyer_billing.domain.tariff import shipped_tariff
from lawyer_billing.reports.statement_pdf import statement_pdf
from lawyer_billing.reports.statement_xlsx import statement_xlsx

BUDGET_SECONDS = 1.0
LINES = 500
CODES = ["T127", "T120", "T129", "T19", "T101", "T141", "T153", "T165", "T186", "T118"]
FIRST_DAY = date(2024, 4, 2)


def statement(size: int = LINES) -> Statement:
    tariff = shipped_tariff()
    lawyer = Letterhead("Me Jeanne Tremblay", ("123, rue Principale, bureau 400", "Montréal (Québec)  H2X 1Y4"),
                        "123456-7", "P12345", "123456789 RT0001", "1234567890 TQ0001", "Montréal")
    header = StatementHeader("2025-001", StatementType.FINAL, date(2025, 4, 15),
                             Office("Centre communautaire juridique de Montréal", ("425, boulevard De Maisonneuve Ouest",)))
    mandates = tuple(MandateEntry(f"M{n}", f"Bénéficiaire {n}", "Palais de justice de Montréal") for n in range(size // 10))
    lines = []
    for index in range(size):
        code = CODES[index % len(CODES)]
        amount = tariff.amount(code, date(2024, 4, 2)) or Decimal("100.00")
        rules = (RuleNote("T98", "T98 : moitié du tarif pour la dénonciation, une autre étant la mieux rémunérée "
                                 "le même jour devant le même tribunal"),) if index % 5 == 0 else ()
        lines.append(StatementLine(FIRST_DAY + timedelta(days=index % 360), code, tariff.item(code).label_fr, 1,
                                   amount, amount, f"M{index // 10}", rules))
    travel = tuple(TravelEntry(FIRST_DAY + timedelta(days=7 * n), Decimal("180"), Decimal("0.50"), Decimal("12.00"),
                               Decimal("102.00"), f"M{n}") for n in range(10))
    disbursements = tuple(Disbursement(FIRST_DAY + timedelta(days=9 * n), "Signification par huissier",
                                       Decimal("45.60"), f"Facture {8800 + n}", f"M{n}") for n in range(10))
    return Statement(lawyer, header, mandates, tuple(lines), disbursements, travel, tax_rates_for(lawyer, header.date))


def timings(export, data: Statement, runs: int = 5) -> tuple[float, float, int]:
    started = time.perf_counter()
    size = len(export(data))
    cold = time.perf_counter() - started
    warm = []
    for _ in range(runs):
        started = time.perf_counter()
        export(data)
        warm.append(time.perf_counter() - started)
    return cold, min(warm), size


def main() -> None:
    data = statement()
    print(f"{LINES} lines, total {data.totals.total} $")
    print("| export | first run | best of 5 | size | budget |")
    print("|---|---|---|---|---|")
    for name, export in (("PDF", statement_pdf), ("XLSX", statement_xlsx)):
        cold, best, size = timings(export, data)
        verdict = "met" if best <= BUDGET_SECONDS else "**missed**"
        print(f"| {name} | {cold:.2f} s | {best:.2f} s | {size / 1024:.0f} KiB | ~{BUDGET_SECONDS:.0f} s: {verdict} |")


if __name__ == "__main__":
    main()
