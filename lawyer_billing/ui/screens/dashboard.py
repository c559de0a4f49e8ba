"""Tableau de bord: what needs the lawyer's attention today, each item one Enter from its record.

Deadlines by urgency with their article (overdue in red), the fiscal year against the
140 000 $ threshold of art. 22 (a gauge with its alerts, and a chart by month), then the work
not billed, the statements awaiting payment with their art. 17 interest and the findings on
what is still to submit. Everything comes from ``services.dashboard``; the screen only lays
it out, and writes the deadlines it shows to the dated log. A new user sees what to do first
instead of empty lists.

Computing it prices every stored service, seconds for a large practice, and the Tableau de
bord is the first screen: it is computed on a worker thread (``BackgroundTask``, with its own
unit of work, reading only), so that the window is painted at once with « Calcul du tableau
de bord… » where the figures go, and they are laid out, then logged, when they arrive. A
reload supersedes one still running (the older result is dropped, never laid over a newer
one); a failure is shown as ``operations`` shows one; a screen destroyed before its result
arrives, or in a window closed meanwhile, is left alone.
"""

from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date, format_money, format_percent
from lawyer_billing.services.dashboard import Dashboard, FiscalYearGauge, compute_dashboard, log_shown
from lawyer_billing.services.deadlines import Urgency, write_calendar
from lawyer_billing.ui import operations
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.models.dashboard import (
    AWAITING_PAYMENT_COLUMNS,
    FINDING_COLUMNS,
    UNBILLED_COLUMNS,
    DeadlineTreeModel,
    RecordRefTableModel,
)
from lawyer_billing.ui.models.records import RECORD_ROLE
from lawyer_billing.ui.widgets.charts import (
    BEFORE_COLOUR,
    BILLED_COLOUR,
    PAID_COLOUR,
    UNBILLED_COLOUR,
    CapGauge,
    FeesChart,
    segment_names,
)
from lawyer_billing.ui.widgets.screen_base import ScreenBase
from lawyer_billing.ui.widgets.screen_parts import heading_label, record_table
from lawyer_billing.ui.worker import BackgroundTask, report_failure

TITLE = "Tableau de bord"
#: the groups shown open; « Plus tard » stays folded so the urgent ones come first
EXPANDED = (Urgency.OVERDUE, Urgency.THIS_WEEK, Urgency.THIS_MONTH)
LAST_COLUMN_WIDTH = 240
#: the rows a column's width is measured on, once per load: the rows look alike, and sizing
#: columns on all of them (thousands of deadlines and mandates in a large practice, read
#: again at every expanded group) froze the window for seconds when the figures arrived
ROWS_MEASURED = 200


def choose_calendar_file(parent: QWidget, suggested: str) -> str | None:
    """Where to write the calendar, or ``None`` when the lawyer cancels (tests replace this)."""
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("Exporter les échéances (iCalendar)"), suggested, tr("Calendrier iCalendar (*.ics)"))
    return path or None


class Screen(ScreenBase):
    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.shown: Dashboard | None = None
        #: the computation under way, and the day it is for
        self.task: BackgroundTask | None = None
        self.computing_day: date | None = None
        #: the last computation failed: its sentence was shown, the next refresh tries again
        self.failed = False
        #: the calendar export was asked while computing: it follows the figures
        self.export_when_loaded = False

        self.heading = heading_label()
        self.heading.setObjectName("dashboard_heading")
        self.as_of = QLabel()
        self.export_button = QPushButton()
        self.export_button.setObjectName("export_calendar")
        self.export_button.clicked.connect(self.export_calendar)
        self.export_message = QLabel()
        self.export_message.setObjectName("export_message")
        self.export_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(self.heading)
        header.addSpacing(12)
        header.addWidget(self.as_of, 1, Qt.AlignmentFlag.AlignBottom)
        header.addWidget(self.export_message)
        header.addWidget(self.export_button)

        self.welcome = QLabel()
        self.welcome.setObjectName("welcome")
        self.welcome.setWordWrap(True)
        self.welcome.setTextFormat(Qt.TextFormat.RichText)
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.welcome.setMargin(24)
        self.welcome.setMaximumWidth(780)

        self.deadline_model = DeadlineTreeModel(context.language, self)
        self.deadlines = QTreeView()
        self.deadlines.setObjectName("deadlines")
        self.deadlines.setModel(self.deadline_model)
        self.deadlines.setUniformRowHeights(True)
        self.deadlines.setAllColumnsShowFocus(True)
        self.deadlines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deadlines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        deadline_header = self.deadlines.header()
        deadline_header.setStretchLastSection(False)
        deadline_header.setResizeContentsPrecision(ROWS_MEASURED)
        deadline_header.setSectionResizeMode(DeadlineTreeModel.SUBJECT, QHeaderView.ResizeMode.Stretch)
        self.deadlines.activated.connect(self._open)
        self.deadlines_box = QGroupBox()
        QVBoxLayout(self.deadlines_box).addWidget(self.deadlines)

        self.gauge = CapGauge()
        self.gauge_text = QLabel()
        self.gauge_text.setObjectName("gauge_text")
        self.gauge_text.setWordWrap(True)
        self.alert = QLabel()
        self.alert.setObjectName("cap_alert")
        self.alert.setWordWrap(True)
        self.chart = FeesChart()
        self.year_box = QGroupBox()
        figures = QVBoxLayout()
        figures.addWidget(self.gauge)
        figures.addWidget(self.gauge_text)
        figures.addWidget(self.alert)
        figures.addStretch(1)
        year_layout = QHBoxLayout(self.year_box)
        year_layout.addLayout(figures, 2)
        year_layout.addWidget(self.chart, 3)

        self.unbilled_model = RecordRefTableModel(UNBILLED_COLUMNS, context.language, self)
        self.awaiting_model = RecordRefTableModel(AWAITING_PAYMENT_COLUMNS, context.language, self)
        self.findings_model = RecordRefTableModel(FINDING_COLUMNS, context.language, self)
        self.unbilled = self._table("unbilled", self.unbilled_model)
        self.awaiting = self._table("awaiting_payment", self.awaiting_model)
        self.findings = self._table("findings", self.findings_model)
        self.lists = QTabWidget()
        self.lists.setObjectName("dashboard_lists")
        for table in (self.unbilled, self.awaiting, self.findings):
            self.lists.addTab(table, "")

        work = QSplitter(Qt.Orientation.Vertical)
        work.addWidget(self.deadlines_box)
        work.addWidget(self.lists)
        self.content = QWidget()
        content_layout = QVBoxLayout(self.content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(self.year_box)
        content_layout.addWidget(work, 1)

        self.status = QLabel()
        self.status.setObjectName("dashboard_status")
        self.status.setWordWrap(True)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # busy: the engine does not say how far it is
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(240)
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retry_dashboard")
        self.retry_button.clicked.connect(self.reload)
        self.pending = QWidget()
        self.pending.setObjectName("dashboard_pending")
        pending_layout = QVBoxLayout(self.pending)
        pending_layout.addStretch(1)
        pending_layout.addWidget(self.status)
        pending_layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        pending_layout.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        pending_layout.addStretch(2)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.welcome, 1)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.pending, 1)
        self.welcome.hide()
        self.content.hide()
        QWidget.setTabOrder(self.export_button, self.deadlines)
        QWidget.setTabOrder(self.deadlines, self.lists)
        self.retranslate()

    def _table(self, name: str, model: RecordRefTableModel) -> QTableView:
        table = record_table(name, model)
        table.horizontalHeader().setResizeContentsPrecision(ROWS_MEASURED)
        table.horizontalHeader().setStretchLastSection(True)
        table.activated.connect(self._open)
        return table

    # -- loading ---------------------------------------------------------------------------

    def is_computing(self) -> bool:
        return self.task is not None

    def refresh(self) -> None:
        """Shown: reload if something was saved elsewhere, or if the day changed since (a
        computation already under way for today and nothing saved since is let finish)."""
        day = self.computing_day if self.task is not None else self.shown.today if self.shown else None
        if self.stale or day != self.context.today():
            self.reload()

    def reload(self) -> None:
        """Compute the dashboard on a worker thread, « Calcul… » shown in place of the figures."""
        context, today = self.context, self.context.today()

        def job(_progress, _cancelled) -> Dashboard:
            with context.unit_of_work() as uow:  # a session belongs to the thread that uses it
                return compute_dashboard(uow, today)

        if self.task is not None:
            self.task.cancel()  # superseded: what it finds is dropped (see _wanted)
        # saved after this point: stale again, and the next refresh computes again
        self.stale, self.failed, self.computing_day = False, False, today
        task = self.task = BackgroundTask(job)
        task.succeeded.connect(lambda shown: self._loaded(task, shown))
        task.failed.connect(lambda message, details: self._failed(task, message, details))
        self._show()
        task.start()

    def _wanted(self, task: BackgroundTask) -> bool:
        """Whether what ``task`` reports is still wanted: not when a newer computation
        superseded it, nor when the screen was destroyed meanwhile, nor in a window the lawyer
        closed (no figures laid out, no dialog over a window that is gone)."""
        if not shiboken6.isValid(self) or task is not self.task:
            return False
        if self.window().isVisible():
            return True
        self.task, self.shown = None, None
        return False

    def _failed(self, task: BackgroundTask, message: str, details: str) -> None:
        if not self._wanted(task):
            return
        self.task, self.shown, self.failed, self.export_when_loaded = None, None, True, False
        self._show()
        report_failure(self, tr("Tableau de bord non calculé"), message, details)

    def _loaded(self, task: BackgroundTask, shown: Dashboard) -> None:
        if not self._wanted(task):
            return
        self.task, self.shown = None, shown
        self.deadline_model.set_groups(shown.deadlines.by_urgency())
        for urgency in Urgency:
            self.deadlines.setExpanded(self.deadline_model.group_index(urgency), urgency in EXPANDED)
        for column in range(self.deadline_model.columnCount()):
            if column != DeadlineTreeModel.SUBJECT:
                self.deadlines.resizeColumnToContents(column)
        self.unbilled_model.set_records(shown.unbilled)
        self.awaiting_model.set_records(shown.awaiting_payment)
        self.findings_model.set_records(shown.findings)
        for table in (self.unbilled, self.awaiting, self.findings):
            table.resizeColumnsToContents()
            # the last column takes what is left (a finding's sentence is whole in its tooltip)
            last = table.model().columnCount() - 1
            table.setColumnWidth(last, min(table.columnWidth(last), LAST_COLUMN_WIDTH))
        self.export_message.clear()
        self._show()
        operations.attempt(self, lambda: self._log(shown))
        if self.export_when_loaded:
            self.export_when_loaded = False
            self.export_calendar()

    def _log(self, shown: Dashboard) -> None:
        with self.context.unit_of_work() as uow:
            log_shown(uow, shown, self.context.now())

    def _show(self) -> None:
        """The figures, or the computation under way or failed in their place, in the current
        language."""
        shown = None if self.task is not None else self.shown
        language = self.context.language
        self.pending.setVisible(shown is None)
        self.busy.setVisible(not self.failed)
        self.retry_button.setVisible(self.failed)
        self.status.setText(tr("Le tableau de bord n'a pas pu être calculé.") if self.failed
                            else tr("Calcul du tableau de bord…"))
        if shown is None:
            self.as_of.clear()
            for part in (self.welcome, self.content, self.export_button):
                part.hide()
            return
        self.as_of.setText(tr("En date du {}").format(format_date(shown.today, language)))
        self.welcome.setVisible(not shown.has_mandates)
        self.content.setVisible(shown.has_mandates)
        self.welcome.setText(self._welcome_text(shown))
        self.export_button.setVisible(shown.has_mandates)
        self.export_button.setEnabled(bool(shown.deadlines.items))
        gauge = shown.gauge
        self.year_box.setTitle(tr("Exercice {} — seuil de {} (art. 22)").format(
            gauge.fiscal_year, format_money(gauge.threshold, language)))
        self.gauge.set_gauge(gauge, language)
        self.gauge_text.setText(self._gauge_text(gauge, language))
        self.alert.setText(self._alert_text(gauge, language))
        colour = "#b3261e" if (gauge.alert or 0) >= 90 else "#8a5300" if gauge.alert else "palette(text)"
        self.alert.setStyleSheet(f"color: {colour};" + (" font-weight: bold;" if gauge.alert else ""))
        self.chart.set_months(shown.months, gauge.threshold, language)
        for index, (title, count) in enumerate((
            (tr("Services non facturés ({})"), len(shown.unbilled)),
            (tr("Relevés en attente de paiement ({})"), len(shown.awaiting_payment)),
            (tr("Vérifications avant transmission ({})"), len(shown.findings)),
        )):
            self.lists.setTabText(index, title.format(count))

    @staticmethod
    def _gauge_text(gauge: FiscalYearGauge, language: str) -> str:
        parts = [
            f"<span style='color:{colour.name()}'>■</span>&nbsp;{name}&nbsp;{format_money(amount, language)}"
            for colour, name, amount in zip(
                (BEFORE_COLOUR, PAID_COLOUR, BILLED_COLOUR, UNBILLED_COLOUR), segment_names(),
                (gauge.before, gauge.paid, gauge.billed, gauge.unbilled))
            if amount or colour != BEFORE_COLOUR
        ]
        total = tr("<b>{}</b> sur {} ({})").format(
            format_money(gauge.generated, language), format_money(gauge.threshold, language),
            format_percent(gauge.percent, language, places=1))
        return total + "<br>" + " &nbsp; ".join(parts)

    @staticmethod
    def _alert_text(gauge: FiscalYearGauge, language: str) -> str:
        room = format_money(gauge.projection.remaining_room, language)
        if gauge.alert == 100:
            return tr("Seuil atteint : les honoraires au-delà sont réduits de 35 % (art. 22). "
                      "Réduction calculée cet exercice : {}.").format(format_money(gauge.reduction, language))
        if gauge.alert == 90:
            return tr("Alerte 90 % : le seuil est proche. Marge restante : {}.").format(room)
        if gauge.alert == 75:
            return tr("Alerte 75 % : les trois quarts du seuil sont atteints. Marge restante : {}.").format(room)
        if gauge.alert == 50:
            return tr("Alerte 50 % : la moitié du seuil est atteinte. Marge restante : {}.").format(room)
        return tr("Marge avant le seuil : {}.").format(room)

    @staticmethod
    def _welcome_text(shown: Dashboard) -> str:
        profile = (tr("✓ Votre profil est inscrit (Paramètres).") if shown.has_profile else
                   tr("Dans <b>Paramètres</b> (Ctrl+8), inscrivez votre profil : nom, adresse, n° du Barreau, "
                      "n° à la CSJ et district du bureau. Il figure en tête de vos relevés d'honoraires."))
        return (
            "<h2>" + tr("Bienvenue") + "</h2><p>" + tr("Pour commencer :") + "</p><ol>"
            + f"<li>{profile}</li><li>"
            + tr("Dans <b>Mandats</b> (Ctrl+2), créez votre premier mandat à partir de l'attestation d'aide "
                 "juridique, puis inscrivez les services rendus.")
            + "</li></ol><p>"
            + tr("Le tableau de bord montrera ensuite vos échéances (art. 15, 17, 29 à 35, T8), vos honoraires "
                 "de l'exercice par rapport au seuil de 140 000 $ (art. 22) et le travail à facturer.")
            + "</p>"
        )

    # -- actions ---------------------------------------------------------------------------

    def _open(self, index: QModelIndex) -> None:
        record = index.data(RECORD_ROLE)
        if record is not None:
            self.context.events.open_record.emit(record.kind, record.id)

    def export_calendar(self) -> None:
        """Write the deadlines shown as an iCalendar file the lawyer chooses (once they are
        computed, when asked from the menu while they are)."""
        if self.task is not None:
            self.export_when_loaded = True
            return
        if self.shown is None:
            return
        board = self.shown.deadlines
        suggested = str(Path.home() / f"echeances-{board.today.isoformat()}.ics")
        chosen = choose_calendar_file(self, suggested)
        if chosen is None:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".ics":
            path = path.with_name(path.name + ".ics")

        def write() -> int | None:
            try:
                return write_calendar(path, board.items, self.context.now().astimezone(), board.reminders)
            except OSError as error:
                operations.warn(self, tr("Exportation impossible"),
                                tr("Le calendrier n'a pas pu être écrit dans {} : {}").format(path, error.strerror))
                return None

        written = operations.attempt(self, write)
        if written is not None:
            self.export_message.setText(tr("{} échéance(s) écrite(s) dans {}").format(written, path.name))
            self.export_message.setToolTip(str(path))

    # -- language --------------------------------------------------------------------------

    def retranslate(self) -> None:
        language = self.context.language
        self.heading.setText(tr(TITLE))
        self.export_button.setText(tr("Exporter les échéances (iCalendar)…"))
        self.export_button.setToolTip(tr("Un fichier .ics à importer dans Outlook, Google Agenda ou Calendrier, "
                                         "avec un rappel par délai de rappel choisi dans Paramètres."))
        self.deadlines_box.setTitle(tr("Échéances"))
        self.retry_button.setText(tr("Réessayer"))
        for model in (self.deadline_model, self.unbilled_model, self.awaiting_model, self.findings_model):
            model.retranslate(language)
        self._show()
