"""Every line of a relevé with the rules that made its amount, its findings and the totals.

The same view shows a preview and a stored statement: the table of lines (a line with a
finding highlighted, one without an amount in red), beside it the rules of the selected line
(each article with its explanation) and its findings, and under it the totals as the relevé
model computed them (art. 22 reduction, travel, taxes when registered, disbursements).
"""

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.formatting import format_money
from lawyer_billing.domain.statement import RuleNote, StatementTotals
from lawyer_billing.services.statements import Line, LineKind
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.statements import LineTableModel, follow_language
from lawyer_billing.ui.widgets.screen_parts import line_table


def open_source(context: AppContext, line: Line | None) -> None:
    """Open the record a line comes from where it is entered: a service, or the mandate of a
    trip or a disbursement."""
    if line is None:
        return
    if line.kind is LineKind.FEE:
        context.events.open_record.emit("service", line.record_id)
    else:
        context.events.open_record.emit("mandate", line.mandate_id)


FINDING_TEXT = "#8a5300"


def _text(text: str) -> str:
    """Text as it must appear in a rich-text label: ``<`` and ``&`` escaped, quotes left as they are."""
    return escape(text, quote=False)


def _paragraph(text: str) -> str:
    return f"<p>{_text(text)}</p>"


def _rule(rule: RuleNote) -> str:
    """« <b>T98</b> : moitié du tarif... »: the article in bold at the head of its explanation."""
    explanation = rule.explanation or rule.code
    if explanation.startswith(rule.code):
        return f"<b>{_text(rule.code)}</b>{_text(explanation[len(rule.code):])}"
    return _text(explanation)


def _finding(finding: Finding) -> str:
    article = f" <i>({_text(finding.article)})</i>" if finding.article else ""
    return _text(finding.message_fr) + article


class StatementLinesView(QWidget):
    #: Enter on a line: the lawyer wants to fix it where it was entered
    line_activated = Signal(object)

    def __init__(self, language: str = "fr", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.model = LineTableModel(language, self)
        self.table = line_table("statement_lines", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LineTableModel.LABEL, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_rules(current.row()))
        self.table.activated.connect(lambda index: self.line_activated.emit(self.model.record(index.row())))

        self.rules = QTextBrowser()
        self.rules.setObjectName("line_rules")
        self.rules.setOpenLinks(False)
        self.rules_box = QGroupBox()
        QVBoxLayout(self.rules_box).addWidget(self.rules)

        self.findings = QLabel()
        self.findings.setObjectName("statement_findings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.RichText)
        self.findings.setStyleSheet("background: #fff4d6; color: #5c3d00; padding: 6px; border-radius: 3px;")

        self.totals_box = QGroupBox()
        self.totals_form = QFormLayout(self.totals_box)
        self.totals_form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.total_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("fees", "cap_reduction", "travel", "gst", "qst", "disbursements", "total"):
            name, value = QLabel(), QLabel()
            value.setObjectName(f"total_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.totals_form.addRow(name, value)
            self.total_labels[key] = (name, value)
        bold = self.total_labels["total"][1].font()
        bold.setBold(True)
        for label in self.total_labels["total"]:
            label.setFont(bold)

        self.rules_box.setMinimumWidth(360)
        self.totals_box.setMinimumWidth(240)
        below = QWidget()
        below_layout = QHBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        below_layout.addWidget(self.rules_box, 1)
        below_layout.addWidget(self.totals_box, 0, Qt.AlignmentFlag.AlignTop)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.findings)
        layout.addWidget(splitter, 1)
        self.general_findings: tuple[Finding, ...] = ()
        self.totals: StatementTotals | None = None
        self.retranslate(language)

    def set_lines(self, lines: Sequence[Line], totals: StatementTotals | None,
                  findings: Sequence[Finding] = ()) -> None:
        self.model.set_records(lines)
        self.totals = totals
        self.general_findings = tuple(findings)
        self._show_totals()
        self._show_findings()
        if lines:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._show_rules(0 if lines else -1)

    def current_line(self) -> Line | None:
        row = self.table.currentIndex().row()
        return self.model.record(row) if 0 <= row < len(self.model.records) else None

    def _show_rules(self, row: int) -> None:
        if not 0 <= row < len(self.model.records):
            self.rules.setHtml(_paragraph(tr("Choisissez une ligne pour voir les règles qui ont fixé son montant.")))
            return
        line: Line = self.model.record(row)
        parts = [f"<p><b>{_text(line.code)}</b> — {_text(line.label)}</p>"]
        if line.rules:
            parts.append("<ul>" + "".join(f"<li>{_rule(rule)}</li>" for rule in line.rules) + "</ul>")
        else:
            parts.append(_paragraph(tr("Montant du tarif, sans règle qui le modifie.")))
        if line.cap_reduction:
            parts.append(_paragraph(tr("Réduction de 35 % au-delà de 140 000 $ (art. 22) : {}").format(
                format_money(line.cap_reduction, self.language))))
        if line.findings:
            parts.append(f"<p style='color:{FINDING_TEXT}'><b>{_text(tr('À vérifier'))}</b></p><ul>" + "".join(
                f"<li style='color:{FINDING_TEXT}'>{_finding(f)}</li>" for f in line.findings) + "</ul>")
        self.rules.setHtml("".join(parts))

    def _show_findings(self) -> None:
        findings = self.general_findings
        self.findings.setVisible(bool(findings))
        self.findings.setText(f"<b>{_text(tr('À vérifier avant de finaliser'))}</b><br>"
                              + "<br>".join(f"⚠ {_finding(f)}" for f in findings))

    def _show_totals(self) -> None:
        totals, language = self.totals, self.language
        self.totals_box.setVisible(totals is not None)
        if totals is None:
            return
        values = {
            "fees": totals.fees, "cap_reduction": -totals.cap_reduction, "travel": totals.travel,
            "gst": totals.gst, "qst": totals.qst, "disbursements": totals.disbursements, "total": totals.total,
        }
        for key, amount in values.items():
            name, value = self.total_labels[key]
            value.setText(format_money(amount, language))
            shown = key in ("fees", "total") or bool(amount)
            name.setVisible(shown)
            value.setVisible(shown)

    def retranslate(self, language: str) -> None:
        self.language = language
        follow_language(self.model, language)
        self.rules_box.setTitle(tr("Règles appliquées"))
        self.totals_box.setTitle(tr("Totaux"))
        for key, text in (
            ("fees", tr("Honoraires")), ("cap_reduction", tr("Réduction (art. 22)")),
            ("travel", tr("Déplacements (art. 20)")), ("gst", tr("TPS")), ("qst", tr("TVQ")),
            ("disbursements", tr("Débours (art. 19)")), ("total", tr("Total")),
        ):
            self.total_labels[key][0].setText(text)
        self._show_totals()
        self._show_findings()
        self._show_rules(self.table.currentIndex().row())
