"""Outils, Délais pénaux: the event that happened (or the hearing a notice precedes) and its
date give every period of the Code of Penal Procedure that runs from it, each with its last day
computed by art. 17 (the holidays of art. 18 and those added in Paramètres skipped), its
article and the article's words. Prefilled from a mandate, « Suivre sur le mandat » follows
the period chosen among them on it (``services.penal_deadlines.follow``): it then shows on
the mandate, on the dashboard and in the calendar export."""

from datetime import date
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.tools.french_dates import WEEKDAYS_FR
from lawyer_billing.domain.tools.penal_deadlines import PenalPeriod, penal_deadline, penal_periods
from lawyer_billing.domain.typed_input import TypedInputError
from lawyer_billing.domain.validation import FieldProblem
from lawyer_billing.services.penal_deadlines import follow
from lawyer_billing.services.profile import added_holidays
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets.choice_labels import fill_combo
from lawyer_billing.ui.widgets.fields import DateField, FieldMessages, with_message
from lawyer_billing.ui.widgets.retranslating import Retranslating

WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def day_text(day: date, language: str) -> str:
    """« lundi 3 mars 2025 »: the weekday matters for a last day."""
    weekday = WEEKDAYS_FR[day.weekday()] if language == "fr" else WEEKDAYS_EN[day.weekday()]
    return f"{weekday} {format_date(day, language)}" if language == "fr" else f"{weekday}, {format_date(day, language)}"


def events(periods: tuple[PenalPeriod, ...]) -> dict[str, list[PenalPeriod]]:
    """The periods grouped by the event they run from, in the order of the Code."""
    grouped: dict[str, list[PenalPeriod]] = {}
    for period in periods:
        grouped.setdefault(period.starts_fr, []).append(period)
    return grouped


class PenalDeadlinesTool(Retranslating, QWidget):
    def __init__(self, context: AppContext, parent=None) -> None:
        super().__init__(parent)
        self.context = context
        self.periods = events(penal_periods())
        self.mandate: Mandate | None = None
        self.messages = FieldMessages()
        self.event_choice = QComboBox()
        self.event_choice.setObjectName("event")
        self.event_choice.setEditable(True)
        self.event_choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.event_choice.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.event_choice.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.event_choice.setMinimumWidth(420)
        self.event_date = DateField(context.today)
        self.event_date.setObjectName("event_date")
        self.event_label, self.date_label = QLabel(), QLabel()
        self.event_label.setBuddy(self.event_choice)
        self.date_label.setBuddy(self.event_date)
        form = QFormLayout()
        form.addRow(self.event_label, self.event_choice)
        form.addRow(self.date_label, with_message(self.event_date, self.messages.label_for("event_date")))
        self.count = QLabel()
        self.count.setObjectName("count")
        self.copy = QPushButton()
        self.copy.setObjectName("copy_deadlines")
        self.copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.result.toPlainText()))
        self.follow_row = QWidget()
        self.follow_choice = QComboBox()
        self.follow_choice.setObjectName("follow_period")
        self.follow_button = QPushButton()
        self.follow_button.setObjectName("follow_on_mandate")
        self.follow_button.clicked.connect(self.follow_on_mandate)
        self.follow_status = QLabel()
        self.follow_status.setObjectName("follow_status")
        self.follow_status.setWordWrap(True)
        self.follow_status.setStyleSheet("color: #1b5e20;")
        self.follow_label = QLabel()
        self.follow_label.setBuddy(self.follow_choice)
        follow_line = QHBoxLayout()
        follow_line.setContentsMargins(0, 0, 0, 0)
        follow_line.addWidget(self.follow_label)
        follow_line.addWidget(self.follow_choice, 1)
        follow_line.addWidget(self.follow_button)
        follow_box = QVBoxLayout(self.follow_row)
        follow_box.setContentsMargins(0, 0, 0, 0)
        follow_box.addLayout(follow_line)
        for name in ("period", "event_on"):
            follow_box.addWidget(self.messages.label_for(name))
        follow_box.addWidget(self.follow_status)
        self.follow_row.hide()
        self.result = QTextBrowser()
        self.result.setObjectName("deadlines")
        self.result.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.follow_row)
        row = QHBoxLayout()
        row.addWidget(self.count, 1)
        row.addWidget(self.copy)
        layout.addLayout(row)
        layout.addWidget(self.result, 1)
        self.retranslate()
        self.event_date.set_value(context.today())
        self.event_choice.currentIndexChanged.connect(self.show_deadlines)
        self.event_date.textChanged.connect(self.show_deadlines)
        self.show_deadlines()

    def retranslate(self) -> None:
        self.event_label.setText(tr("É&vénement"))
        self.date_label.setText(tr("&Date de l'événement"))
        self.copy.setText(tr("Copier les délais"))
        self.follow_label.setText(tr("Dé&lai à suivre"))
        self.follow_button.setText(tr("Suivre sur le mandat"))
        fill_combo(self.event_choice, self.event_names)
        self.show_deadlines()

    def event_names(self) -> dict[str, str]:
        """Each event by its French wording (the key of the periods), named in the interface's language."""
        names = {}
        for starts_fr, periods in self.periods.items():
            starts = starts_fr if self.context.language == "fr" else periods[0].starts_en
            names[starts_fr] = starts[:1].upper() + starts[1:]
        return names

    def prefill(self, mandate: Mandate | None) -> None:
        """The client and court the deadlines are for head the list (and its copy); a period
        can then be followed on the mandate."""
        self.mandate = mandate
        self.follow_row.setVisible(mandate is not None)
        self.show_deadlines()

    def follow_on_mandate(self) -> None:
        """Follow the period chosen on the mandate, from the event day typed."""
        self.follow_status.clear()
        values, problems = self.messages.read({"event_date": self.event_date})
        if problems or self.mandate is None:
            self.messages.show(problems)
            return
        mandate, period, context = self.mandate, self.follow_choice.currentData(), self.context

        def save():
            with context.unit_of_work() as uow:
                return follow(uow, mandate.id, period, values["event_date"], user=context.user, now=context.now())

        if attempt(self, save, self.messages) is None:
            return
        self.follow_status.setText(tr("« {} » suivi sur le mandat {} : il figure à sa fiche, au tableau de bord et "
                                      "dans l'export iCalendar.").format(self.follow_choice.currentText(),
                                                                          mandate.number))
        context.events.changed.emit("penal_deadline")

    def show_deadlines(self) -> None:
        self.messages.clear()
        self.follow_status.clear()
        try:
            start = self.event_date.value()
        except TypedInputError as problem:
            self.messages.show([FieldProblem("event_date", str(problem))])
            self.result.clear()
            self.count.clear()
            return
        periods = self.periods.get(self.event_choice.currentData(), [])
        fill_combo(self.follow_choice, lambda: {
            period.key: period.label_fr if self.context.language == "fr" else period.label_en for period in periods})
        with self.context.unit_of_work() as uow:
            extra = [holiday.day for holiday in added_holidays(uow)]
        language = self.context.language
        blocks = []
        if self.mandate is not None:
            blocks.append(f"<p><b>{escape(self.mandate.client_name)}</b> — "
                          f"{escape(tr('Mandat {}').format(self.mandate.number))}"
                          + "".join(f" — {escape(part)}" for part in (self.mandate.client_file_number,
                                                                       self.mandate.court) if part)
                          + "</p>")
        for period in periods:
            deadline = penal_deadline(period, start, extra)
            label = period.label_fr if language == "fr" else period.label_en
            text = period.text_fr if language == "fr" and period.text_fr else period.text_en
            blocks.append(
                f"<h3>{escape(label)} — {escape(tr('art. {} C.p.p.').format(period.article))}</h3>"
                f"<p>{escape(tr('Dernier jour'))} : <b>{escape(day_text(deadline.due, language))}</b> "
                f"({escape(period.length_fr)})</p>"
                f"<p>{escape(deadline.note_fr)}</p>"
                + "".join(f"<p><i>{escape(alternative.reading_fr)}</i></p>" for alternative in deadline.alternatives)
                + f"<blockquote>« {escape(text)} »</blockquote>"
            )
        self.result.setHtml("".join(blocks))
        self.count.setText(tr("{} délai(s) pour un événement du {}").format(len(periods), format_date(start, language)))
