"""The letters as documents: python-docx opens the DOCX and finds every part of the letter,
the PDF holds the same text; hostile text stays text; the logo heads both."""

from dataclasses import replace
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from pypdf import PdfReader

from lawyer_billing.domain.letters import LetterKind, LetterParties, compose_letter, shipped_template
from lawyer_billing.domain.statement import Letterhead, Office
from lawyer_billing.reports.letter_docx import letter_docx
from lawyer_billing.reports.letter_pdf import letter_pdf
from tests.logo_images import image_bytes

D = Decimal
LAWYER = Letterhead("Me Jeanne Tremblay", ("123, rue Principale", "Montréal (Québec)  H2X 1Y4"), "123456-7",
                    "P12345", district="Montréal")
OFFICE = Office("Centre communautaire juridique de Montréal", ("425, boulevard De Maisonneuve Ouest",))
VALUES = {
    "statement_number": "2024-017", "statement_date": date(2024, 10, 1), "mandate_number": "M1",
    "beneficiary": "Dupont & Fils", "refusal_date": date(2024, 12, 2), "amount_disputed": D("165.00"),
    "facts": "Première ligne des faits.\nSeconde ligne des faits.", "remedy": "Payer 330,00 $.",
    "barreau_section": "Montréal", "end_date": date(2025, 3, 1),
}


def letter(kind=LetterKind.DISPUTE_NOTICE, language="fr", values=VALUES, lawyer=LAWYER):
    parties = LetterParties(lawyer, OFFICE, date(2025, 3, 1), language, ("Section du Barreau de Montréal",))
    return compose_letter(kind, shipped_template(kind, language), parties, values)


def docx_text(data: bytes) -> str:
    return "\n".join(paragraph.text for paragraph in Document(BytesIO(data)).paragraphs)


def test_the_docx_holds_every_part_of_the_letter():
    text = docx_text(letter_docx(letter()))
    for expected in [
        "Me Jeanne Tremblay\n123, rue Principale\nMontréal (Québec)  H2X 1Y4\n"
        "Barreau du Québec : 123456-7 · N° d'avocat CSJ : P12345",
        "Montréal, le 1er mars 2025",
        "Centre communautaire juridique de Montréal\n425, boulevard De Maisonneuve Ouest",
        "Objet : Avis de différend — relevé d'honoraires n° 2024-017 (mandat M1)",
        "Madame, Monsieur,",
        "Conformément à l'article 32 de l'Entente",
        "un montant de 165,00\u00a0$.",
        "Exposé sommaire des faits :\nPremière ligne des faits.\nSeconde ligne des faits.",
        "Correctif requis :\nPayer 330,00 $.",
        "c. c. : Section du Barreau de Montréal",
    ]:
        assert expected in text, expected


def test_the_subject_is_bold_and_the_lines_of_a_paragraph_are_real_breaks():
    document = Document(BytesIO(letter_docx(letter())))
    subject = next(p for p in document.paragraphs if p.text.startswith("Objet : "))
    assert all(run.bold for run in subject.runs)
    facts = next(p for p in document.paragraphs if p.text.startswith("Exposé sommaire"))
    assert len(facts.runs) == 3 and "w:br" in facts._p.xml


@pytest.mark.parametrize("kind", [LetterKind.CONCILIATION_REQUEST, LetterKind.END_OF_MANDATE])
def test_the_english_letters_open_too(kind):
    text = docx_text(letter_docx(letter(kind, "en")))
    assert "Montréal, March 1, 2025" in text and "Re: " in text and "cc: Section du Barreau de Montréal" in text


def test_the_pdf_holds_the_same_letter():
    reader = PdfReader(BytesIO(letter_pdf(letter())))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for expected in ["Me Jeanne Tremblay", "Montréal, le 1er mars 2025", "Objet : Avis de différend",
                     "un montant de 165,00 $.", "Seconde ligne des faits.", "c. c. : Section du Barreau de Montréal",
                     "Page 1 de 1"]:
        assert expected in text, expected


def test_hostile_text_stays_text_in_both_documents():
    hostile = '<b>Dupont & Fils</b> <img src="/etc/passwd"/>'
    made = letter(values={**VALUES, "beneficiary": hostile, "facts": hostile},
                  lawyer=Letterhead(hostile, (hostile,), district="Montréal"))
    assert docx_text(letter_docx(made)).count(hostile) >= 4  # name, address, mandate sentence, facts, signature
    pdf_text = "".join(page.extract_text() for page in PdfReader(BytesIO(letter_pdf(made))).pages)
    assert pdf_text.replace("\n", " ").count(hostile) >= 4


def test_a_control_character_xml_cannot_hold_is_written_as_a_space():
    lawyer = Letterhead("Me\x0bJeanne Tremblay", ("123, rue\x01Principale",), district="Montréal")
    data = letter_docx(letter(values={**VALUES, "facts": "Faits\x00 collés."}, lawyer=lawyer))
    text = docx_text(data)
    assert "Me Jeanne Tremblay\n123, rue Principale" in text and "Faits  collés." in text
    assert Document(BytesIO(data)).core_properties.author == "Me Jeanne Tremblay"


def test_the_logo_heads_both_letters_at_the_relevé_s_size():
    made = letter(lawyer=replace(LAWYER, logo=image_bytes(300, 100, "JPEG")))
    document = Document(BytesIO(letter_docx(made)))
    [shape] = document.inline_shapes
    # the relevé's box, 50 mm by 22 mm: 300 x 100 px scaled by min(22 mm / 100 pt, 50 mm / 300 pt) = 0.4724
    # print 50 mm by 16.67 mm (1 mm = 36 000 EMU), the width filling the box
    assert (round(shape.width / 36_000, 2), round(shape.height / 36_000, 2)) == (50.0, 16.67)
    first = document.paragraphs[0]
    assert first.alignment == WD_ALIGN_PARAGRAPH.RIGHT and "graphic" in first._p.xml and first.text == ""
    assert document.paragraphs[1].text.startswith("Me Jeanne Tremblay\n123, rue Principale")
    assert [image.image.size for image in PdfReader(BytesIO(letter_pdf(made))).pages[0].images] == [(300, 100)]


def test_a_letter_without_a_logo_has_no_image():
    assert len(Document(BytesIO(letter_docx(letter()))).inline_shapes) == 0
    assert len(PdfReader(BytesIO(letter_pdf(letter()))).pages[0].images) == 0
