"""A letter of the entente as a Word document (python-docx), for the lawyer to edit before
sending: the same parts as ``letter_pdf`` in plain paragraphs (the logo above the lawyer's
name), the margins of the style file.

Word has no markup to inject into: python-docx writes text runs, and line breaks inside a
paragraph become real breaks. A control character that XML cannot hold (pasted into a field,
say) is written as a space rather than refusing the letter.
"""

import re
from io import BytesIO

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from lawyer_billing.domain.letters import Letter
from lawyer_billing.reports.letter_pdf import LETTER_WORDS, place_and_date
from lawyer_billing.reports.pdf_layout import letterhead_numbers, logo_size
from lawyer_billing.reports.styles import PageStyle, shipped_styles

#: A font every word processor has or substitutes (Liberation Sans in LibreOffice); the lawyer
#: may change it, this document is meant to be edited.
DOCX_FONT = "Arial"
#: the control characters XML 1.0, and so a Word document, cannot hold (tab and line breaks can)
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def letter_docx(letter: Letter, style: PageStyle | None = None) -> bytes:
    style = style or shipped_styles()
    parties, words = letter.parties, LETTER_WORDS[letter.parties.language]
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Pt(style.page_size[0]), Pt(style.page_size[1])
    section.top_margin, section.bottom_margin = Pt(style.margin_top), Pt(style.margin_bottom)
    section.left_margin, section.right_margin = Pt(style.margin_left), Pt(style.margin_right)
    document.core_properties.title = _text(f"{letter.title} — {letter.subject}")
    document.core_properties.author = _text(parties.lawyer.name)
    body = document.styles["Normal"]
    body.font.size = Pt(style.sizes["letter_body"])
    body.font.name = DOCX_FONT

    lawyer = parties.lawyer
    if lawyer.logo:
        _logo(document, lawyer.logo)
    numbers, _ = letterhead_numbers(lawyer, parties.language)
    _block(document, lawyer.name, [*lawyer.address, *([numbers] if numbers else [])])
    document.add_paragraph(_text(place_and_date(letter))).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _block(document, parties.recipient.name, list(parties.recipient.address))
    subject = document.add_paragraph()
    subject.add_run(_text(words["subject"] + letter.subject)).bold = True
    for paragraph in letter.paragraphs:
        _block(document, None, paragraph.split("\n"))
    document.add_paragraph()
    document.add_paragraph(_text(lawyer.name))
    for copy in parties.copies:
        document.add_paragraph(_text(words["copies"] + copy))
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _logo(document, data: bytes) -> None:
    """The letterhead's logo on the right, above the lawyer's name, at the PDF's size (an image
    that cannot be read is the PDF's ``ReportError``)."""
    width, height = logo_size(data)
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run().add_picture(BytesIO(data), width=Pt(width), height=Pt(height))


def _block(document, bold_first: str | None, lines: list[str]) -> None:
    """One paragraph: an optional bold first line, then ``lines``, separated by line breaks."""
    paragraph = document.add_paragraph()
    runs = ([(bold_first, True)] if bold_first is not None else []) + [(line, False) for line in lines]
    for index, (text, bold) in enumerate(runs):
        run = paragraph.add_run(_text(text))
        run.bold = bold
        if index < len(runs) - 1:
            run.add_break()


def _text(text: str) -> str:
    """``text`` as a Word document can hold it: each control character XML refuses, a space."""
    return _NOT_IN_XML.sub(" ", text)
