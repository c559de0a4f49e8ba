"""The relevé d'honoraires as a PDF (reportlab platypus), and the état des débours of art. 19.

From a ``domain.statement.Statement``, never a database: the letterhead, the addressee, the
number and type, the mandates, one row per line (the table's header repeated on each page),
the trips, the disbursements with their receipts, then the totals exactly as
``Statement.totals`` computed them. Amounts and dates are written in fr_CA by
``domain.formatting``; every user text goes through ``markup`` (see ``pdf_layout``).

``statement_pdf(statement, disbursements_only=True)`` prints the separate statement of the
disbursements alone that art. 19 allows, from the same code.
"""

from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table

from lawyer_billing.domain.formatting import format_date, format_money, format_number, format_percent
from lawyer_billing.domain.rates import TaxBase
from lawyer_billing.domain.statement import Statement, StatementType
from lawyer_billing.reports.pdf_layout import (
    layout_table,
    letterhead,
    markup,
    paragraph_styles,
    render_pdf,
)
from lawyer_billing.reports.styles import REGULAR, PageStyle, shipped_styles

#: The columns of the table of lines: (title, share of the frame's width, right-aligned).
LINE_COLUMNS = (
    ("Date", 0.105, False),
    ("Article", 0.075, False),
    ("Service rendu (annexe II)", 0.39, False),
    ("Unités", 0.08, True),
    ("Tarif", 0.11, True),
    ("Montant", 0.115, True),
    ("Mandat", 0.125, False),
)
TRAVEL_COLUMNS = (
    ("Date", 0.105, False),
    ("Mandat", 0.165, False),
    ("Km payés", 0.14, True),
    ("Taux", 0.14, True),
    ("Stationnement", 0.2, True),
    ("Montant", 0.25, True),
)
DISBURSEMENT_COLUMNS = (
    ("Date", 0.105, False),
    ("Mandat", 0.125, False),
    ("Description", 0.37, False),
    ("Pièce justificative", 0.25, False),
    ("Montant", 0.15, True),
)
_NO_FIGURE = "—"
CELL_PADDING = 3


def statement_pdf(statement: Statement, *, disbursements_only: bool = False, style: PageStyle | None = None) -> bytes:
    """The relevé as PDF bytes; with ``disbursements_only``, the état des débours (art. 19)."""
    style = style or shipped_styles()
    if disbursements_only:
        statement = statement.disbursements_only()
    return _Builder(statement, style, disbursements_only).pdf()


class _Builder:
    def __init__(self, statement: Statement, style: PageStyle, disbursements_only: bool) -> None:
        self.statement = statement
        self.style = style
        self.styles = paragraph_styles(style)
        self.disbursements_only = disbursements_only
        self.title = "État des débours" if disbursements_only else "Relevé d'honoraires"

    def pdf(self) -> bytes:
        header, lawyer = self.statement.header, self.statement.letterhead
        story: list[Flowable] = [*letterhead(lawyer, self.style, self.styles), Spacer(1, 4 * mm), *self.heading(), Spacer(1, 2 * mm)]
        story += self.mandates()
        if not self.disbursements_only:
            story += self.lines()
            story += self.travel()
        story += self.disbursements()
        story.append(Spacer(1, 4 * mm))
        story.append(KeepTogether(self.totals()))
        return render_pdf(
            story, self.style,
            title=f"{self.title} n° {header.number}",
            author=lawyer.name,
            footer=f"{self.title} n° {header.number} — {lawyer.name}",
        )

    # -- parts ---------------------------------------------------------------------------

    def heading(self) -> list[Flowable]:
        header, s = self.statement.header, self.styles
        kind = header.type.label_fr
        if self.disbursements_only:
            kind = "Débours facturés séparément (entente, art. 19)"
        left = [
            Paragraph(markup(self.title), s["title"]),
            Paragraph(markup(f"N°\u00a0{header.number} — {kind}"), s["body_bold"]),
            Paragraph(markup(f"Date : {format_date(header.date)}"), s["body"]),
        ]
        if header.type is StatementType.SUPPLEMENTARY:
            left.append(Paragraph(markup(f"Complète le relevé n°\u00a0{header.supplements}"), s["body"]))
        right: list[Flowable] = []
        if header.office is not None:
            right.append(Paragraph("Destinataire", s["muted"]))
            right.append(Paragraph(markup(header.office.name), s["body_bold"]))
            right += [Paragraph(markup(line), s["body"]) for line in header.office.address]
        width = self.style.frame_width
        return [layout_table([[left, right]], [width * 0.5, width * 0.5], self.style, [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("BOX", (1, 0), (1, 0), 0.5, self.style.colours["rule"]),
            ("LEFTPADDING", (1, 0), (1, 0), 6),
            ("TOPPADDING", (1, 0), (1, 0), 4),
            ("BOTTOMPADDING", (1, 0), (1, 0), 6),
        ])]

    def mandates(self) -> list[Flowable]:
        mandates = self.statement.mandates
        if not mandates:
            return []
        rows = [[self.cell(m.number), self.cell(m.beneficiary), self.cell(m.court)] for m in mandates]
        columns = (("Mandat", 0.2, False), ("Bénéficiaire", 0.45, False), ("Tribunal ou district", 0.35, False))
        return [Paragraph("Mandats", self.styles["heading"]), self.table(columns, rows)]

    def lines(self) -> list[Flowable]:
        rows = []
        for line in self.statement.lines:
            rows.append([
                format_date(line.date, short=True),
                line.code,
                self.description(line),
                format_number(line.units),
                _NO_FIGURE if line.tariff_amount is None else format_money(line.tariff_amount),
                format_money(line.amount),
                self.cell(line.mandate),
            ])
        if not rows:
            return []
        return [Paragraph("Honoraires (annexe II)", self.styles["heading"]), self.table(LINE_COLUMNS, rows)]

    def description(self, line) -> Paragraph | str:
        """The label, and under it each rule applied in small grey type.

        A label alone is wrapped here into a plain multi-line string, which reportlab draws
        without parsing and several times faster than a Paragraph (most lines have no rule).
        """
        if not line.rules:
            width = self.style.frame_width * LINE_COLUMNS[2][1] - 2 * CELL_PADDING
            return "\n".join(simpleSplit(line.label, REGULAR, self.style.sizes["table"], width))
        description = markup(line.label)
        for rule in line.rules:
            note = rule.explanation if rule.explanation.startswith(rule.code) else f"{rule.code} : {rule.explanation}"
            description += f'<br/><font size="{self.style.sizes["small"]}" color="#{self._muted_hex()}">{markup(note)}</font>'
        return Paragraph(description, self.styles["cell"])

    def travel(self) -> list[Flowable]:
        rows = [
            [
                format_date(trip.date, short=True),
                self.cell(trip.mandate),
                format_number(trip.km),
                f"{format_number(trip.rate)}\u00a0$/km",
                format_money(trip.parking),
                format_money(trip.amount),
            ]
            for trip in self.statement.travel
        ]
        if not rows:
            return []
        return [Paragraph("Frais de déplacement (entente, art. 20)", self.styles["heading"]),
                self.table(TRAVEL_COLUMNS, rows)]

    def disbursements(self) -> list[Flowable]:
        rows = [
            [
                format_date(item.date, short=True),
                self.cell(item.mandate),
                self.cell(item.description),
                self.cell(item.receipt or _NO_FIGURE),
                format_money(item.amount),
            ]
            for item in self.statement.disbursements
        ]
        if not rows:
            if self.disbursements_only:
                return [Paragraph("Aucun débours.", self.styles["body"])]
            return []
        return [Paragraph("Débours (entente, art. 19)", self.styles["heading"]),
                self.table(DISBURSEMENT_COLUMNS, rows)]

    def totals(self) -> list[Flowable]:
        totals, statement = self.statement.totals, self.statement
        rows: list[tuple[str, str, bool]] = []
        if not self.disbursements_only:
            rows.append(("Honoraires", format_money(totals.fees), False))
            if totals.cap_reduction:
                rows.append(("Réduction de 35 % au-delà de 140 000 $ (entente, art. 22)",
                             format_money(-totals.cap_reduction), False))
                rows.append(("Honoraires après réduction", format_money(totals.fees_after_reduction), False))
            if statement.travel:
                rows.append(("Frais de déplacement (art. 20)", format_money(totals.travel), False))
            if statement.tax_rates is not None:
                rows.append(("Sous-total taxable", format_money(totals.taxable), True))
                rates, lawyer = statement.tax_rates, statement.letterhead
                if lawyer.gst_number:
                    rows.append((f"TPS ({format_percent(rates.gst)})", format_money(totals.gst), False))
                if lawyer.qst_number:
                    base = " sur le montant et la TPS" if rates.qst_base is TaxBase.PRICE_PLUS_GST else ""
                    rows.append((f"TVQ ({format_percent(rates.qst)}{base})", format_money(totals.qst), False))
        if statement.disbursements and not self.disbursements_only:
            rows.append(("Débours (art. 19), non taxables", format_money(totals.disbursements), False))
        rows.append(("Total", format_money(totals.total), True))
        data = [
            [Paragraph(markup(label), self.styles["cell_bold" if bold else "cell"]),
             Paragraph(markup(amount), self.styles["cell_right_bold" if bold else "cell_right"])]
            for label, amount, bold in rows
        ]
        width = self.style.frame_width
        return [layout_table(data, [width * 0.5, width * 0.18], self.style, [
            ("LINEABOVE", (0, -1), (-1, -1), 0.8, self.style.colours["accent"]),
            ("BACKGROUND", (0, -1), (-1, -1), self.style.colours["total_background"]),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ], hAlign="RIGHT")]

    # -- cells and tables ----------------------------------------------------------------

    def cell(self, text: str) -> Paragraph:
        """A cell that wraps: user text, escaped."""
        return Paragraph(markup(text), self.styles["cell"])

    def table(self, columns, rows) -> Table:
        """A full-width table whose header row repeats at the top of each page it spans.

        A cell is a ``Paragraph`` when its text may need to wrap, or a plain string for a
        short figure (dates, codes, amounts): reportlab draws plain strings as they are,
        without parsing markup, and much faster.
        """
        width = self.style.frame_width
        head = [Paragraph(markup(title), self.styles["head_right" if right else "head"]) for title, _, right in columns]
        colours = self.style.colours
        commands = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colours["header_background"]),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colours["accent"]),
            ("LINEBELOW", (0, -1), (-1, -1), 0.4, colours["rule"]),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ]
        commands += [("ALIGN", (index, 1), (index, -1), "RIGHT")
                     for index, (_, _, right) in enumerate(columns) if right]
        commands += [("BACKGROUND", (0, row), (-1, row), colours["stripe_background"])
                     for row in range(2, len(rows) + 1, 2)]
        return layout_table([head, *rows], [width * share for _, share, _ in columns], self.style, commands,
                            repeatRows=1)

    def _muted_hex(self) -> str:
        return self.style.colours["muted"].hexval()[2:]
