"""The main window: the screens on the left (Ctrl+1 to Ctrl+8), the open database in the status bar.

It knows the screens only through ``ui/screens`` (``TITLE`` and ``Screen(context)``); it
routes ``open_record`` requests to the screen that owns the record, tells the other screens
to refresh when one saves, guards unsaved work on closing, and remembers its geometry and
the last screen on this workstation.

A screen is built the first time it is shown (``Screens``), not with the window: several
read the database or the tariff as they are built (the Tarif screen parses the shipped
tariff, the Outils screen lists every mandate), which with a large practice would delay the
window's first paint by seconds for screens the lawyer may not open that day.
"""

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from lawyer_billing import __version__
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.screens import SCREENS
from lawyer_billing.ui.widgets import edit_form
from lawyer_billing.ui.widgets.retranslating import Retranslating

TITLE = "lawyer_billing — Facturation des mandats d'aide juridique"
#: which screen opens a record of each kind
OWNERS = {"mandate": "mandates", "service": "mandates", "statement": "statements", "refusal": "disputes",
          "dispute": "disputes", "tariff_item": "tariff"}


def load_screen_modules(names=SCREENS) -> dict:
    modules = {}
    for name in names:
        qualified = f"lawyer_billing.ui.screens.{name}"
        try:
            modules[name] = import_module(qualified)
        except ModuleNotFoundError as error:
            if error.name != qualified:
                raise
    return modules


class Screens(Mapping):
    """The window's screens by name, in the order of the navigation, each built by ``build(name)``
    the first time it is asked for; ``built()`` gives only those already built, so that telling
    the screens something (stale, unsaved work) never builds one."""

    def __init__(self, names: list[str], build: Callable[[str], QWidget]) -> None:
        self._names = names
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, name: str) -> QWidget:
        if name not in self._names:
            raise KeyError(name)
        if name not in self._built:
            self._built[name] = self._build(name)
        return self._built[name]

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def built(self) -> dict[str, QWidget]:
        return dict(self._built)


class MainWindow(Retranslating, QMainWindow):
    def __init__(self, context: AppContext, settings: QSettings | None = None, screens=SCREENS) -> None:
        super().__init__()
        self.context = context
        self.settings = settings if settings is not None else QSettings()
        self.modules = load_screen_modules(screens)
        self.resize(1200, 760)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(200)
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.screens = Screens(list(self.modules), self._build_screen)
        for _ in self.modules:
            self.navigation.addItem("")
        self.navigation.currentRowChanged.connect(self._show_row)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_menus()
        for row in range(min(len(self.screens), 9)):
            QShortcut(QKeySequence(f"Ctrl+{row + 1}"), self, activated=lambda row=row: self.navigation.setCurrentRow(row))
        context.events.open_record.connect(self.open_record)
        context.events.changed.connect(self._refresh_others)
        self.retranslate()
        self._restore()

    # -- navigation ---------------------------------------------------------------------

    def _build_screen(self, name: str) -> QWidget:
        screen = self.modules[name].Screen(self.context)
        screen.setObjectName(f"screen_{name}")
        self.stack.addWidget(screen)
        return screen

    def show_screen(self, name: str) -> QWidget:
        self.navigation.setCurrentRow(list(self.screens).index(name))
        return self.screens[name]

    def current_screen_name(self) -> str | None:
        row = self.navigation.currentRow()
        return list(self.screens)[row] if 0 <= row < len(self.screens) else None

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.screens):
            return
        screen = self.screens[list(self.screens)[row]]
        self.stack.setCurrentWidget(screen)
        if hasattr(screen, "refresh"):
            screen.refresh()

    def open_record(self, kind: str, record_id: int) -> None:
        name = OWNERS.get(kind)
        if name in self.screens and hasattr(self.screens[name], "open_record"):
            self.show_screen(name).open_record(kind, record_id)

    def _refresh_others(self, _kind: str) -> None:
        current = self.stack.currentWidget()
        for screen in self.screens.built().values():
            if screen is not current and hasattr(screen, "mark_stale"):
                screen.mark_stale()

    # -- texts --------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.calendar_action = QAction(self)
        self.calendar_action.triggered.connect(self.export_calendar)
        self.calendar_action.setEnabled("dashboard" in self.screens)
        self.file_menu.addAction(self.calendar_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def retranslate(self) -> None:
        self.setWindowTitle(tr(TITLE))
        for row, module in enumerate(self.modules.values()):
            item = self.navigation.item(row)
            item.setText(tr(module.TITLE))
            item.setToolTip(f"Ctrl+{row + 1}" if row < 9 else "")
        self.file_menu.setTitle(tr("&Fichier"))
        self.calendar_action.setText(tr("Exporter les &échéances (iCalendar)…"))
        self.quit_action.setText(tr("&Quitter"))
        self.help_menu.setTitle(tr("&Aide"))
        self.about_action.setText(tr("À &propos de lawyer_billing"))
        self.database_label.setText(tr("Base de données : {}").format(self.context.database))

    def export_calendar(self) -> None:
        """The deadlines as an iCalendar file, from the menu as from the Tableau de bord (art. 15, 17,
        29-35, T8): the dashboard's own export, so both write the same file the same way."""
        self.show_screen("dashboard").export_calendar()

    def about_text(self) -> str:
        return (
            f"<b>lawyer_billing</b> {__version__}<br>"
            + tr("Facturation des mandats d'aide juridique selon l'entente entre le ministre de la Justice "
                 "et le Barreau du Québec (annexe II, tarif T1 à T236).")
            + "<br><br>"
            + tr("Données : {}").format(self.context.database)
        )

    def show_about(self) -> None:
        QMessageBox.about(self, tr("À propos de lawyer_billing"), self.about_text())

    # -- closing and remembering ---------------------------------------------------------

    def unsaved_screens(self) -> list[str]:
        return [
            tr(self.modules[name].TITLE) for name, screen in self.screens.built().items()
            if hasattr(screen, "has_unsaved_changes") and screen.has_unsaved_changes()
        ]

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        unsaved = self.unsaved_screens()
        if unsaved and not edit_form.ask(
            self, tr("Modifications non enregistrées"),
            tr("Des modifications ne sont pas enregistrées ({}). Quitter quand même et les perdre ?")
            .format(", ".join(unsaved)),
        ):
            event.ignore()
            return
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/screen", self.current_screen_name() or "")
        event.accept()

    def _restore(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        last = self.settings.value("window/screen", "")
        if last in self.screens:
            self.show_screen(last)
        elif self.screens:
            self.navigation.setCurrentRow(0)
