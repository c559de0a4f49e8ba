"""The relevé and the état des débours as PDF, read back with pypdf: every figure and label,
« Page x de y », hostile text printed literally, 500 lines paginated with the header repeated."""

import re
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

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
    tax_rates_for,
)
from lawyer_billing.domain.statement_scenario import build_statement, read_statement_scenario
from lawyer_billing.reports.pdf_layout import ReportError
from lawyer_billing.reports.statement_pdf import statement_pdf
from tests.logo_images import PNG_SIGNATURE_ONLY, image_bytes

EXAMPLE = Path(__file__).parents[2] / "examples" / "statement-complete.json"
D = Decimal


def pages_text(data: bytes) -> list[str]:
    """Each page's text on one line, every run of spaces (no-break ones included, and the line
    breaks between the cells of a row) made one space, so that a test reads « Total 1 234,56 $ »."""
    reader = PdfReader(BytesIO(data))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture(scope="module")
def example():
    return build_statement(read_statement_scenario(EXAMPLE.read_text(encoding="utf-8"), date(2026, 11, 22)))[0]


def test_the_relevé_prints_every_label_and_figure(example):
    pages = pages_text(statement_pdf(example))
    text = "\n".join(pages)
    for expected in [
        "Me Jeanne Tremblay", "123, rue Principale, bureau 400", "District judiciaire de Montréal",
        "Barreau du Québec : 123456-7", "N° d'avocat CSJ : P12345",
        "TPS : 123456789 RT0001", "TVQ : 1234567890 TQ0001",
        "Relevé d'honoraires", "N° 2024-017 — Compte final", "Date : 1er octobre 2024",
        "Destinataire", "Centre communautaire juridique de Montréal", "425, boulevard De Maisonneuve Ouest",
        "Mandats", "Dupont & Fils", "Palais de justice de Montréal", "Roy", "Longueuil",
        "Honoraires (annexe II)", "Date", "Article", "Service rendu (annexe II)", "Unités", "Tarif", "Montant",
        "2024-06-03", "T127", "330,00 $", "165,00 $", "T98 : moitié du tarif", "T120", "550,00 $",
        "T19", "11,00 $", "T129", "150,00 $", "T101", "120", "12,00 $",
        "Frais de déplacement (entente, art. 20)", "180", "0,50 $/km", "12,00 $", "102,00 $",
        "Débours (entente, art. 19)", "Pièce justificative", "Signification par huissier", "Facture 8812",
        "45,60 $", "Courrier recommandé", "Reçu Postes Canada 5531", "12,35 $",
        # the totals, computed by hand in tests/unit/test_statement_model.py
        "Honoraires 888,00 $",
        "Réduction de 35 % au-delà de 140 000 $ (entente, art. 22) -232,75 $",
        "Honoraires après réduction 655,25 $",  # 888.00 - 232.75
        "Frais de déplacement (art. 20) 102,00 $",
        "Sous-total taxable 757,25 $",  # 655.25 + 102.00
        "TPS (5 %) 37,86 $",  # 5 % of 757.25 = 37.8625
        "TVQ (9,975 %) 75,54 $",  # 9.975 % of 757.25 = 75.5357
        "Débours (art. 19), non taxables 57,95 $",  # 45.60 + 12.35
        "Total 928,60 $",  # 757.25 + 37.86 + 75.54 + 57.95
    ]:
        assert expected in text, expected
    assert [re.search(r"Page \d+ de \d+", page)[0] for page in pages] == [
        f"Page {n} de {len(pages)}" for n in range(1, len(pages) + 1)
    ]


def test_the_état_des_débours_holds_only_the_disbursements_with_their_receipts(example):
    text = "\n".join(pages_text(statement_pdf(example, disbursements_only=True)))
    assert "État des débours" in text and "Débours facturés séparément (entente, art. 19)" in text
    assert "Facture 8812" in text and "Reçu Postes Canada 5531" in text
    assert "Total 57,95 $" in text  # 45.60 + 12.35, no tax
    for absent in ("T127", "Honoraires", "TPS (", "TVQ (", "Frais de déplacement", "Réduction"):
        assert absent not in text


HOSTILE = [
    "<b>Dupont & Fils</b>", "a<b", "<b>non fermé", "a</para>b", "R&D", "A&amp;B",
    '<font color="red" size="20">x</font>', '<img src="/etc/passwd"/>', '<a href="http://x">y</a>',
]


def relevé(lines, *, lawyer=None, header=None, mandate="M1", beneficiary="Roy"):
    lawyer = lawyer or Letterhead("Me Roy")
    header = header or StatementHeader("2024-001", StatementType.FINAL, date(2024, 10, 1))
    return Statement(lawyer, header, (MandateEntry(mandate, beneficiary, "Montréal"),), tuple(lines),
                     tax_rates=tax_rates_for(lawyer, header.date))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_user_text_prints_literally_never_as_markup(hostile):
    lawyer = Letterhead(hostile, (hostile,), hostile, hostile, district=hostile)
    header = StatementHeader(hostile, StatementType.SUPPLEMENTARY, date(2024, 10, 1), Office(hostile, (hostile,)),
                             supplements=hostile)
    line = StatementLine(date(2024, 6, 3), "T127", hostile, 1, D("330.00"), D("330.00"), hostile,
                         (RuleNote("T98", hostile),))
    statement = Statement(lawyer, header, (MandateEntry(hostile, hostile, hostile),), (line,),
                          (Disbursement(date(2024, 6, 4), hostile, D("1.00"), hostile, hostile),))
    text = "\n".join(pages_text(statement_pdf(statement)))
    flat = text
    # name, address, numbers, district, number (title and supplements), office, mandate, label, rule, disbursement
    assert flat.count(hostile) >= 12, text


def test_long_names_wrap_inside_their_cell():
    name = "Dupont-Tremblay-Gagnon-Roy " * 12
    text = "\n".join(pages_text(statement_pdf(relevé(
        [StatementLine(date(2024, 6, 3), "T127", "libellé", 1, D("1.00"), D("1.00"), "M1")], beneficiary=name))))
    assert text.count("Dupont-Tremblay-Gagnon-Roy") == 12  # wrapped, not cut


def test_five_hundred_lines_paginate_with_the_header_on_each_page():
    lines = [
        StatementLine(date(2024, 4, 1) + timedelta(days=index % 360), "T127",
                      f"Ensemble des services, ligne {index + 1}", 1, D("330.00"), D("330.00"), "M1")
        for index in range(500)
    ]
    pages = pages_text(statement_pdf(relevé(lines)))
    assert len(pages) >= 10
    for number, page in enumerate(pages, start=1):
        assert "Service rendu (annexe II)" in page  # the header row, repeated
        assert f"Page {number} de {len(pages)}" in page
    text = "\n".join(pages)
    assert all(f"ligne {index} " in text for index in (1, 250, 500))
    assert "Total 165 000,00 $" in text  # 500 × 330.00, not registered: no tax


def test_a_supplementary_statement_names_the_one_it_completes():
    header = StatementHeader("2024-018", StatementType.SUPPLEMENTARY, date(2024, 11, 5), supplements="2024-017")
    text = "\n".join(pages_text(statement_pdf(relevé(
        [StatementLine(date(2024, 6, 3), "T19", "x", 1, D("11.00"), D("11.00"), "M1")], header=header))))
    assert "N° 2024-018 — Compte supplémentaire" in text
    assert "Complète le relevé n° 2024-017" in text
    assert "Date : 5 novembre 2024" in text


def test_before_2013_the_qst_line_says_it_is_on_the_price_and_the_gst():
    lawyer = Letterhead("Me Roy", gst_number="1 RT", qst_number="2 TQ")
    header = StatementHeader("2012-003", StatementType.INTERIM, date(2012, 6, 30))
    text = "\n".join(pages_text(statement_pdf(relevé(
        [StatementLine(date(2012, 5, 1), "T127", "x", 1, D("100.00"), D("100.00"), "M1")],
        lawyer=lawyer, header=header))))
    # GST 5 % of 100.00 = 5.00; QST 9.5 % of 105.00 = 9.975 -> 9.98; total 114.98
    assert "TPS (5 %) 5,00 $" in text
    assert "TVQ (9,5 % sur le montant et la TPS) 9,98 $" in text
    assert "Total 114,98 $" in text


def drawn_images(data: bytes) -> list[str]:
    """Page 1's images as drawn: the matrix « width 0 0 height 0 0 cm » of each, in points."""
    page = PdfReader(BytesIO(data)).pages[0]
    return re.findall(r"^([\d.]+ 0 0 [\d.]+) 0 0 cm$", page.get_contents().get_data().decode("latin-1"), re.MULTILINE)


@pytest.mark.parametrize("kind", ["PNG", "JPEG", "MPO"])
def test_the_logo_is_printed_from_its_bytes_scaled_to_its_box(kind):
    line = StatementLine(date(2024, 6, 3), "T19", "x", 1, D("11.00"), D("11.00"), "M1")
    data = statement_pdf(relevé([line], lawyer=Letterhead("Me Roy", logo=image_bytes(300, 100, kind))))
    page = PdfReader(BytesIO(data)).pages[0]
    assert [str(xobject.get_object()["/Subtype"]) for xobject in page["/Resources"]["/XObject"].values()] == ["/Image"]
    assert [image.image.size for image in page.images] == [(300, 100)]
    # the box is 50 mm by 22 mm (141.73 by 62.36 pt): 300 x 100 px scaled by min(62.36/100, 141.73/300)
    # = 0.4724 prints 141.73 by 47.24 pt, the width filling the box
    assert drawn_images(data) == ["141.7323 0 0 47.24409"]
    assert "Me Roy" in pages_text(data)[0]


def test_a_small_logo_is_never_enlarged():
    line = StatementLine(date(2024, 6, 3), "T19", "x", 1, D("11.00"), D("11.00"), "M1")
    data = statement_pdf(relevé([line], lawyer=Letterhead("Me Roy", logo=image_bytes(60, 20))))
    assert drawn_images(data) == ["60 0 0 20"]  # one pixel a point, as it is


def test_a_logo_that_is_no_image_is_an_error_in_french():
    line = StatementLine(date(2024, 6, 3), "T19", "x", 1, D("11.00"), D("11.00"), "M1")
    with pytest.raises(ReportError, match="^Le logo du profil n'est pas une image PNG ou JPEG lisible : choisissez"):
        statement_pdf(relevé([line], lawyer=Letterhead("Me Roy", logo=PNG_SIGNATURE_ONLY)))
    with pytest.raises(ReportError, match="est une image GIF"):
        statement_pdf(relevé([line], lawyer=Letterhead("Me Roy", logo=image_bytes(kind="GIF"))))


def test_the_same_statement_gives_the_same_bytes(example):
    assert statement_pdf(example) == statement_pdf(example)


def test_the_font_is_embedded_so_no_break_spaces_print():
    data = statement_pdf(relevé([StatementLine(date(2024, 6, 3), "T19", "x", 1, D("1234.56"), D("1234.56"), "M1")]))
    fonts = {str(font["/BaseFont"]) for page in PdfReader(BytesIO(data)).pages
             for font in page["/Resources"]["/Font"].values()}
    assert fonts and all("DejaVuSans" in name for name in fonts)
