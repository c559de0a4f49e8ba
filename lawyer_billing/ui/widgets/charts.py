"""The dashboard's pictures of the fiscal year against the 140 000 $ threshold (art. 22).

``CapGauge`` draws the year's fees as one bar split into what was generated before the
application, paid, billed and not billed, with marks at the alert levels (50, 75, 90 and
100 % of the threshold). ``FeesChart`` (QtCharts) shows the fees of each month, split the
same way, and their running total against the threshold.

Amounts arrive as exact ``Decimal`` values computed by the service; they become floats here
only to place pixels, and every figure a reader sees is written by ``format_money``.
"""

from collections.abc import Sequence
from decimal import Decimal

from babel.dates import format_date as babel_format_date
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from lawyer_billing.domain.cap import ALERT_LEVELS
from lawyer_billing.domain.formatting import LOCALES, format_money
from lawyer_billing.services.dashboard import FiscalYearGauge, MonthFees
from lawyer_billing.ui.i18n import tr

BEFORE_COLOUR = QColor("#9e9e9e")
PAID_COLOUR = QColor("#2e7d32")
BILLED_COLOUR = QColor("#1565c0")
UNBILLED_COLOUR = QColor("#f9a825")
THRESHOLD_COLOUR = QColor("#b3261e")
TOTAL_COLOUR = QColor("#4a148c")
TRACK_COLOUR = QColor("#eceff1")


def segment_names() -> tuple[str, str, str, str]:
    """The parts of the year's fees, in the order they are drawn."""
    return (tr("Avant l'application"), tr("Payés"), tr("Facturés"), tr("Non facturés"))


class CapGauge(QWidget):
    """The fiscal year's fees as one bar against the threshold, with the alert levels marked."""

    BAR_HEIGHT = 22

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.gauge: FiscalYearGauge | None = None
        self.language = "fr"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(360, self.BAR_HEIGHT + 24)

    def set_gauge(self, gauge: FiscalYearGauge, language: str) -> None:
        self.gauge, self.language = gauge, language
        parts = zip(segment_names(), self._parts())
        self.setToolTip("\n".join(f"{name} : {format_money(amount, language)}" for name, amount in parts if amount))
        self.setAccessibleName(tr("Honoraires de l'exercice par rapport au seuil"))
        self.setAccessibleDescription(self.toolTip())
        self.update()

    def _parts(self) -> tuple[Decimal, Decimal, Decimal, Decimal]:
        g = self.gauge
        return (g.before, g.paid, g.billed, g.unbilled)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.gauge is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = self.width() - 2
        # past the threshold the bar grows beyond it: the scale is whichever is larger
        scale = float(max(self.gauge.threshold, self.gauge.generated))
        track = QRectF(1, 1, width, self.BAR_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK_COLOUR)
        painter.drawRoundedRect(track, 4, 4)
        left = track.left()
        for colour, amount in zip((BEFORE_COLOUR, PAID_COLOUR, BILLED_COLOUR, UNBILLED_COLOUR), self._parts()):
            span = width * float(amount) / scale
            painter.setBrush(colour)
            painter.drawRect(QRectF(left, track.top(), span, track.height()))
            left += span
        threshold = float(self.gauge.threshold)
        metrics = painter.fontMetrics()
        ticks = [(level, 1 + width * threshold * level / 100 / scale) for level in ALERT_LEVELS]
        for level, x in ticks:
            painter.setPen(QPen(THRESHOLD_COLOUR if level == 100 else QColor("#37474f"), 2 if level == 100 else 1))
            painter.drawLine(QPointF(x, track.top() - 1), QPointF(x, track.bottom() + 3))
        # labels centred under their mark, kept inside the widget and apart from each other
        # (90 % and 100 % are close on a narrow gauge): placed from the right, each pushed left
        right_limit = float(self.width())
        baseline = track.bottom() + 4 + metrics.ascent()
        for level, x in reversed(ticks):
            label = f"{level} %" if self.language == "fr" else f"{level}%"
            advance = metrics.horizontalAdvance(label)
            left_x = max(0.0, min(x - advance / 2, right_limit - advance))
            reached = level in self.gauge.projection.alerts_reached
            painter.setPen(THRESHOLD_COLOUR if reached else self.palette().color(self.foregroundRole()))
            painter.drawText(QPointF(left_x, baseline), label)
            right_limit = left_x - metrics.horizontalAdvance(" ")
        painter.end()


class FeesChart(QChartView):
    """The fees of each month of the fiscal year (stacked: before the application is not a
    month, so it only starts the running total) and the running total against the threshold."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 200)

    def set_months(self, months: Sequence[MonthFees], threshold: Decimal, language: str) -> None:
        chart = QChart()
        chart.setLocale(QLocale(LOCALES[language]))
        chart.setLocalizeNumbers(True)
        chart.setBackgroundVisible(False)
        chart.setMargins(chart.margins() * 0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        bars = QStackedBarSeries()
        for name, colour, amounts in zip(
            segment_names()[1:], (PAID_COLOUR, BILLED_COLOUR, UNBILLED_COLOUR),
            ([m.paid for m in months], [m.billed for m in months], [m.unbilled for m in months]),
        ):
            bar_set = QBarSet(name)
            bar_set.setColor(colour)
            bar_set.setBorderColor(colour)
            bar_set.append([float(amount) for amount in amounts])
            bars.append(bar_set)
        total = QLineSeries()
        total.setName(tr("Cumul de l'exercice"))
        total.setPen(QPen(TOTAL_COLOUR, 2.5))
        limit = QLineSeries()
        limit.setName(tr("Seuil (art. 22)"))
        limit.setPen(QPen(THRESHOLD_COLOUR, 2, Qt.PenStyle.DashLine))
        for position, month in enumerate(months):
            total.append(position, float(month.cumulative))
        # the threshold spans the whole width of the categories (each is one unit wide)
        limit.append(-0.5, float(threshold))
        limit.append(len(months) - 0.5, float(threshold))
        for series in (bars, total, limit):
            chart.addSeries(series)
        months_axis = QBarCategoryAxis()
        months_axis.append([babel_format_date(m.month, "MMM", locale=LOCALES[language]) for m in months])
        chart.addAxis(months_axis, Qt.AlignmentFlag.AlignBottom)
        monthly = self._money_axis(max((float(m.fees) for m in months), default=0.0), language)
        chart.addAxis(monthly, Qt.AlignmentFlag.AlignLeft)
        running = self._money_axis(max(float(threshold), max((float(m.cumulative) for m in months), default=0.0)),
                                   language)
        running.setLabelsColor(TOTAL_COLOUR)
        chart.addAxis(running, Qt.AlignmentFlag.AlignRight)
        bars.attachAxis(months_axis)
        bars.attachAxis(monthly)
        for series in (total, limit):
            series.attachAxis(months_axis)
            series.attachAxis(running)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

    @staticmethod
    def _money_axis(top: float, language: str) -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(0, top * 1.1 if top else 1000)
        axis.applyNiceNumbers()
        axis.setLabelFormat("%.0f $" if language == "fr" else "$%.0f")
        return axis
