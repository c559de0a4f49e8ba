"""What every screen needs from the application, handed in rather than looked up.

The clock is a parameter (tests pass a fixed one, so what a screen shows on "today" is
reproducible); ``events`` lets a screen say it saved something, so the others refresh, and
ask the main window to open a record on the screen that owns it.
"""

import getpass
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from lawyer_billing.storage.unit_of_work import UnitOfWork


class Events(QObject):
    #: something of this kind was saved: "mandate", "service", "statement", "settings", "tariff"...
    changed = Signal(str)
    #: open the record of this kind and id on its screen: ("mandate", 12), ("statement", 3)...
    open_record = Signal(str, int)
    #: the user chose another language ("fr" or "en")
    language_changed = Signal(str)


@dataclass
class AppContext:
    #: the SQLAlchemy engine, passed through to the storage layer untouched
    engine: Any
    #: the database as shown to the user (password hidden)
    database: str
    clock: Callable[[], datetime] = datetime.now
    user: str = field(default_factory=getpass.getuser)
    language: str = "fr"
    events: Events = field(default_factory=Events)

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(self.engine)

    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()
