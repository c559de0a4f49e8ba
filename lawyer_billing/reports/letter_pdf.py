"""A letter of the entente (``domain.letters.Letter``) as a PDF ready to sign and send.

The letterhead of the relevé, the place and date, the addressee, the subject, the filled
paragraphs, the signature and the copies. The text was filled from a template: it is user
text and goes through ``markup`` like every other.
"""

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.domain.letters import Letter
from lawyer_billing.reports.pdf_layout import letterhead, markup, paragraph_styles, render_pdf
from lawyer_billing.reports.styles import PageStyle, shipped_styles

LETTER_WORDS = {
    "fr": {"subject": "Objet : ", "copies": "c. c. : ", "on": "le "},
    "en": {"subject": "Re: ", "copies": "cc: ", "on": ""},
}


def place_and_date(letter: Letter) -> str:
    """« Montréal, le 3 juin 2024 » (the office's district, when known), else « Le 3 juin 2024 »;
    in English « Montréal, June 3, 2024 »."""
    parties = letter.parties
    day = format_date(parties.date, parties.language)
    on = LETTER_WORDS[parties.language]["on"]
    if parties.lawyer.district:
        return f"{parties.lawyer.district}, {on}{day}"
    return f"{on.capitalize()}{day}"


def letter_pdf(letter: Letter, style: PageStyle | None = None) -> bytes:
    style = style or shipped_styles()
    styles = paragraph_styles(style)
    parties, words = letter.parties, LETTER_WORDS[letter.parties.language]
    story: list[Flowable] = [*letterhead(parties.lawyer, style, styles, parties.language), Spacer(1, 10 * mm)]
    story.append(Paragraph(markup(place_and_date(letter)), styles["letter_right"]))
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(markup(parties.recipient.name), styles["letter_line_bold"]))
    story += [Paragraph(markup(line), styles["letter_line"]) for line in parties.recipient.address]
    story.append(Spacer(1, 8 * mm))
    story.append(Paragraph(f"<b>{markup(words['subject'] + letter.subject)}</b>", styles["letter"]))
    story += [Paragraph(markup(paragraph), styles["letter"]) for paragraph in letter.paragraphs]
    story.append(Spacer(1, 14 * mm))
    story.append(Paragraph(markup(parties.lawyer.name), styles["letter"]))
    if parties.copies:
        story.append(Spacer(1, 4 * mm))
        story += [Paragraph(markup(words["copies"] + copy), styles["muted"]) for copy in parties.copies]
    return render_pdf(
        story, style,
        title=f"{letter.title} — {letter.subject}",
        author=parties.lawyer.name,
        footer=f"{letter.title} — {parties.lawyer.name}",
        language=parties.language,
    )
