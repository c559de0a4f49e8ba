"""What every PDF document shares: paragraph styles from the style file, user text made safe
for reportlab's markup, the lawyer's letterhead with its logo, and a page footer with « Page x
de y ». ``logo_problem`` is also the check of an image chosen as the logo (Paramètres, and the
``statement`` command), so a logo accepted there prints here.

reportlab's ``Paragraph`` parses its text as markup: a client named ``<b>Dupont & Fils</b>``
would print in bold as « Dupont & Fils; », and ``<img src=...>`` would read a local file.
Every text that comes from a user or a data file therefore goes through ``markup`` (escaped,
line breaks kept); only the builders' own tags (``<b>``, ``<br/>``) are left as markup.
"""

from collections.abc import Sequence
from io import BytesIO
from xml.sax.saxutils import escape

from PIL import Image as PILImage
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Image, PageTemplate, Paragraph, Table, TableStyle

from lawyer_billing.domain.statement import Letterhead
from lawyer_billing.reports.styles import BOLD, REGULAR, PageStyle

_PAGE_OF = {"fr": "Page {page} de {pages}", "en": "Page {page} of {pages}"}
_LETTERHEAD_LABELS = {
    "fr": {"barreau": "Barreau du Québec : {}", "csj": "N° d'avocat CSJ : {}", "district": "District judiciaire de {}",
           "gst": "TPS : {}", "qst": "TVQ : {}"},
    "en": {"barreau": "Barreau du Québec: {}", "csj": "CSJ lawyer no. {}", "district": "Judicial district of {}",
           "gst": "GST: {}", "qst": "QST: {}"},
}
LOGO_MAX_HEIGHT = 22 * mm
LOGO_MAX_WIDTH = 50 * mm
#: as Pillow names them; « MPO » is a JPEG with further pictures after the first, as phones and
#: some cameras save a .jpg: the first picture prints as any JPEG
LOGO_FORMATS = ("PNG", "JPEG", "MPO")
#: a few kilobytes of PNG can hold an image of a billion pixels, gigabytes once decoded; a logo
#: printed 5 cm wide needs a tiny fraction of this
LOGO_MAX_PIXELS = 25_000_000


class ReportError(ValueError):
    """A document that cannot be made as asked; one French sentence saying why."""


def markup(text: str) -> str:
    """``text`` as Paragraph markup that prints it literally; each line break is kept."""
    return "<br/>".join(escape(line) for line in str(text).splitlines() or [""])


def paragraph_styles(style: PageStyle) -> dict[str, ParagraphStyle]:
    """The named paragraph styles of the documents, sized and coloured by the style file."""
    sizes, colours = style.sizes, style.colours

    def make(name: str, size: float, font: str = REGULAR, colour: str = "text", **extra) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=round(size * 1.25, 2),
                              textColor=colours[colour], alignment=extra.pop("alignment", TA_LEFT), **extra)

    return {
        "title": make("title", sizes["title"], BOLD, "accent", spaceAfter=2),
        "heading": make("heading", sizes["heading"], BOLD, "accent", spaceBefore=6, spaceAfter=2),
        "body": make("body", sizes["body"]),
        "body_bold": make("body_bold", sizes["body"], BOLD),
        "muted": make("muted", sizes["body"], colour="muted"),
        "cell": make("cell", sizes["table"]),
        "cell_bold": make("cell_bold", sizes["table"], BOLD),
        "cell_right": make("cell_right", sizes["table"], alignment=TA_RIGHT),
        "cell_right_bold": make("cell_right_bold", sizes["table"], BOLD, alignment=TA_RIGHT),
        "head": make("head", sizes["table"], BOLD, "accent"),
        "head_right": make("head_right", sizes["table"], BOLD, "accent", alignment=TA_RIGHT),
        "note": make("note", sizes["small"], colour="muted"),
        "letter": make("letter", sizes["letter_body"], spaceAfter=sizes["letter_body"] * 0.7),
        "letter_right": make("letter_right", sizes["letter_body"], alignment=TA_RIGHT),
        "letter_line": make("letter_line", sizes["letter_body"]),
        "letter_line_bold": make("letter_line_bold", sizes["letter_body"], BOLD),
    }


def layout_table(rows: Sequence[Sequence], widths: Sequence[float], style: PageStyle, commands: Sequence[tuple] = (),
                 **options) -> Table:
    """A table in the documents' font: every cell, plain strings included, and even the
    cells that hold a Paragraph (reportlab sets its default font there first)."""
    table = Table([list(row) for row in rows], colWidths=list(widths), **options)
    base = [("FONT", (0, 0), (-1, -1), REGULAR, style.sizes["table"]),
            ("TEXTCOLOR", (0, 0), (-1, -1), style.colours["text"])]
    table.setStyle(TableStyle([*base, *commands]))
    return table


def letterhead(
    lawyer: Letterhead, style: PageStyle, styles: dict[str, ParagraphStyle], language: str = "fr"
) -> list[Flowable]:
    """The lawyer's name, address, district and numbers, with the logo on the right if any."""
    left = [Paragraph(markup(lawyer.name), styles["title"])]
    left += [Paragraph(markup(line), styles["body"]) for line in lawyer.address]
    if lawyer.district:
        district = _LETTERHEAD_LABELS[language]["district"].format(lawyer.district)
        left.append(Paragraph(markup(district), styles["muted"]))
    for row in letterhead_numbers(lawyer, language):
        if row:
            left.append(Paragraph(markup(row), styles["muted"]))
    image = logo(lawyer.logo)
    if image is None:
        return left
    return [layout_table(
        [[left, image]], [style.frame_width - LOGO_MAX_WIDTH, LOGO_MAX_WIDTH], style,
        [("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "RIGHT"),
         ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)],
    )]


def letterhead_numbers(lawyer: Letterhead, language: str = "fr") -> tuple[str, str]:
    """The lawyer's numbers as printed under the address: « Barreau du Québec : … · N° d'avocat
    CSJ : … », then « TPS : … · TVQ : … »; each empty when neither of its numbers is known."""
    labels = _LETTERHEAD_LABELS[language]

    def labelled(*pairs: tuple[str, str | None]) -> str:
        return " · ".join(labels[key].format(value) for key, value in pairs if value)

    return (labelled(("barreau", lawyer.barreau_number), ("csj", lawyer.csj_number)),
            labelled(("gst", lawyer.gst_number), ("qst", lawyer.qst_number)))


def logo_problem(data: bytes) -> str | None:
    """Why ``data`` cannot be the letterhead's logo, in French, to follow the file's name
    (« est vide », « n'est pas une image PNG ou JPEG lisible »); ``None`` when it can.

    The image is decoded whole by Pillow, the library reportlab prints it with, so a file
    named .png that holds something else, or a truncated one, is found here and not when a
    relevé is printed. Only PNG and JPEG are accepted: both print in a PDF and in Word."""
    if not data:
        return "est vide"
    try:
        with PILImage.open(BytesIO(data)) as image:
            kind, (width, height) = image.format, image.size
            if kind in LOGO_FORMATS and width * height <= LOGO_MAX_PIXELS:
                image.load()
    except Exception:  # Pillow raises OSError, SyntaxError or ValueError for a file that is no image
        return "n'est pas une image PNG ou JPEG lisible"
    if kind not in LOGO_FORMATS:
        return f"est une image {kind} : seules les images PNG et JPEG sont acceptées"
    if width * height > LOGO_MAX_PIXELS:
        return (f"a trop de pixels ({width} × {height}) : au plus {LOGO_MAX_PIXELS // 1_000_000} millions, "
                "réduisez l'image")
    return None


def logo_size(data: bytes) -> tuple[float, float]:
    """The logo's printed width and height in points: one pixel a point, as reportlab prints
    an image, scaled down to fit its box of ``LOGO_MAX_WIDTH`` by ``LOGO_MAX_HEIGHT`` and never
    enlarged (a small image would print blurred). The PDF and the Word letters share it.

    ``ReportError`` if the image cannot be read: the profile checks an image when it is
    chosen, so this is a logo stored some other way."""
    problem = logo_problem(data)
    if problem is not None:
        raise ReportError(f"Le logo du profil {problem} : choisissez-en un autre dans Paramètres, Profil, "
                          "ou retirez-le.")
    width, height = ImageReader(BytesIO(data)).getSize()
    scale = min(LOGO_MAX_HEIGHT / height, LOGO_MAX_WIDTH / width, 1)
    return width * scale, height * scale


def logo(data: bytes | None) -> Image | None:
    """The logo as a flowable at ``logo_size``, on the right; none without a logo."""
    if not data:
        return None
    width, height = logo_size(data)
    return Image(BytesIO(data), width, height, hAlign="RIGHT")


def render_pdf(
    story: Sequence[Flowable],
    style: PageStyle,
    *,
    title: str,
    author: str,
    footer: str,
    language: str = "fr",
) -> bytes:
    """The PDF of ``story``, each page ending with ``footer`` and « Page x de y ».

    The output is invariant (no creation time, no random identifier), so the same values give
    the same bytes.
    """
    buffer = BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=style.page_size,
        leftMargin=style.margin_left,
        rightMargin=style.margin_right,
        topMargin=style.margin_top,
        bottomMargin=style.margin_bottom,
        title=title,
        author=author,
        creator="lawyer-billing",
        invariant=True,
        # reportlab's default is Helvetica, which lacks U+202F and is not embedded: never let it in
        initialFontName=REGULAR,
    )
    # no padding inside the frame: a table of ``style.frame_width`` fills it exactly
    frame = Frame(document.leftMargin, document.bottomMargin, document.width, document.height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    document.addPageTemplates([PageTemplate("page", [frame])])
    document.build(list(story), canvasmaker=_numbered_canvas(style, footer, _PAGE_OF[language]))
    return buffer.getvalue()


def _numbered_canvas(style: PageStyle, footer: str, page_of: str) -> type[canvas.Canvas]:
    """A canvas that holds its pages until the end, when their number is known."""

    class NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, page in enumerate(self._pages, start=1):
                self.__dict__.update(page)
                self._footer(number, len(self._pages))
                super().showPage()
            super().save()

        def _footer(self, number: int, pages: int) -> None:
            width = style.page_size[0]
            y = style.margin_bottom / 2
            self.setStrokeColor(style.colours["rule"])
            self.setLineWidth(0.5)
            self.line(style.margin_left, y + 9, width - style.margin_right, y + 9)
            self.setFillColor(style.colours["muted"])
            self.setFont(REGULAR, style.sizes["small"])
            # drawString does not parse markup: the footer's user text is printed as it is
            self.drawString(style.margin_left, y, footer)
            self.drawRightString(width - style.margin_right, y, page_of.format(page=number, pages=pages))

    return NumberedCanvas
