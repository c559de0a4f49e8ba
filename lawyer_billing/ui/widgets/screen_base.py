"""What every screen of the main window is: a widget built on an ``AppContext`` that follows the
language chosen, and that another screen's save marks stale so that its ``refresh()``, called
when it is shown, reloads what it shows."""

from PySide6.QtWidgets import QWidget

from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.widgets.retranslating import Retranslating


class ScreenBase(Retranslating, QWidget):
    """``stale`` says whether the next ``refresh()`` must reload; a screen that loads what it
    shows when it is built starts fresh (``stale=False``)."""

    def __init__(self, context: AppContext, stale: bool = True) -> None:
        super().__init__()
        self.context = context
        self.stale = stale

    def mark_stale(self) -> None:
        self.stale = True
