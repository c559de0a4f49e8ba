"""The main window as a user sees it: title, database, About box, navigation, language, memory;
its screens built only once shown."""

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QWidget

from lawyer_billing import __version__
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.main_window import MainWindow


class Placeholder(QWidget):
    """Stands for a screen module in these tests (the real screens have their own tests)."""

    built = 0

    def __init__(self, context):
        super().__init__()
        Placeholder.built += 1
        self.opened = []
        self.unsaved = False
        self.stale = False
        QLabel("écran", self)

    def mark_stale(self):
        self.stale = True

    def open_record(self, kind, record_id):
        self.opened.append((kind, record_id))

    def has_unsaved_changes(self):
        return self.unsaved


def window(qtbot, tmp_path, database="/home/avocate/.local/share/lawyer_billing/lawyer_billing.sqlite3", monkeypatch=None):
    context = AppContext(engine=None, database=database)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    main = MainWindow(context, settings=settings, screens=())
    qtbot.addWidget(main)
    return main


def test_window_shows_which_database_is_open(qtbot, tmp_path):
    main = window(qtbot, tmp_path)
    main.show()
    qtbot.waitExposed(main)
    assert "Facturation des mandats d'aide juridique" in main.windowTitle()
    assert main.database_label.text() == "Base de données : /home/avocate/.local/share/lawyer_billing/lawyer_billing.sqlite3"
    assert [action.text() for action in main.menuBar().actions()] == ["&Fichier", "&Aide"]


def test_about_box_gives_version_and_data_location(qtbot, tmp_path):
    main = window(qtbot, tmp_path, database="postgresql+psycopg://avocat:***@serveur/cabinet")
    text = main.about_text()
    assert __version__ in text and "postgresql+psycopg://avocat:***@serveur/cabinet" in text


def test_english_is_applied_in_place_and_french_comes_back(qtbot, tmp_path):
    main = window(qtbot, tmp_path)
    install_language("en")
    try:
        qtbot.waitUntil(lambda: main.database_label.text().startswith("Database"))
        assert [action.text() for action in main.menuBar().actions()] == ["&File", "&Help"]
        assert main.database_label.text().startswith("Database: ")
    finally:
        install_language("fr")
    qtbot.waitUntil(lambda: main.database_label.text().startswith("Base"))
    assert main.database_label.text().startswith("Base de données : ")


def test_records_open_on_their_screen_and_the_last_screen_is_remembered(qtbot, tmp_path, monkeypatch):
    import types

    modules = {name: types.SimpleNamespace(TITLE=title, Screen=Placeholder)
               for name, title in (("dashboard", "Tableau de bord"), ("mandates", "Mandats"))}
    monkeypatch.setattr("lawyer_billing.ui.main_window.load_screen_modules", lambda names: modules)
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    context = AppContext(engine=None, database="x")
    main = MainWindow(context, settings=settings)
    qtbot.addWidget(main)
    assert main.current_screen_name() == "dashboard"
    context.events.open_record.emit("mandate", 12)
    assert main.current_screen_name() == "mandates" and main.screens["mandates"].opened == [("mandate", 12)]
    main.close()
    again = MainWindow(context, settings=settings)
    qtbot.addWidget(again)
    assert again.current_screen_name() == "mandates"


def test_a_screen_is_built_the_first_time_it_is_shown(qtbot, tmp_path, monkeypatch):
    import types

    modules = {name: types.SimpleNamespace(TITLE=name, Screen=Placeholder)
               for name in ("dashboard", "mandates", "court_day", "tariff")}
    monkeypatch.setattr("lawyer_billing.ui.main_window.load_screen_modules", lambda names: modules)
    monkeypatch.setattr(Placeholder, "built", 0)
    context = AppContext(engine=None, database="x")
    main = MainWindow(context, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    assert Placeholder.built == 1 and list(main.screens.built()) == ["dashboard"]
    assert [main.navigation.item(row).text() for row in range(4)] == ["dashboard", "mandates", "court_day", "tariff"]
    context.events.changed.emit("service")  # telling the screens something builds none
    assert main.unsaved_screens() == [] and Placeholder.built == 1
    context.events.open_record.emit("mandate", 7)
    assert list(main.screens.built()) == ["dashboard", "mandates"]
    assert main.stack.currentWidget() is main.screens["mandates"]
    context.events.changed.emit("mandate")
    assert main.screens["dashboard"].stale and not main.screens["mandates"].stale
    main.show_screen("dashboard")
    main.show_screen("mandates")
    assert Placeholder.built == 2 and main.stack.count() == 2 and "tariff" in main.screens


def window_with_unsaved_work(qtbot, tmp_path, monkeypatch) -> MainWindow:
    import types

    modules = {"court_day": types.SimpleNamespace(TITLE="Journée d'audience", Screen=Placeholder)}
    monkeypatch.setattr("lawyer_billing.ui.main_window.load_screen_modules", lambda names: modules)
    main = MainWindow(AppContext(engine=None, database="x"),
                      settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    main.screens["court_day"].unsaved = True
    return main


def test_closing_with_unsaved_work_asks_first(qtbot, tmp_path, monkeypatch):
    from lawyer_billing.ui.widgets import edit_form

    main = window_with_unsaved_work(qtbot, tmp_path, monkeypatch)
    asked = []
    monkeypatch.setattr(edit_form, "ask", lambda parent, title, text: asked.append(text) or False)
    main.close()
    assert main.isVisible() and "Journée d'audience" in asked[0]


def test_closing_with_unsaved_work_closes_once_the_lawyer_gives_it_up(qtbot, tmp_path, monkeypatch):
    from lawyer_billing.ui.widgets import edit_form

    main = window_with_unsaved_work(qtbot, tmp_path, monkeypatch)
    asked = []
    monkeypatch.setattr(edit_form, "ask", lambda parent, title, text: asked.append(text) or True)
    main.close()
    assert not main.isVisible() and len(asked) == 1


def test_the_file_menu_exports_the_deadlines_through_the_dashboard(qtbot, tmp_path, monkeypatch):
    from sqlalchemy.engine import make_url

    from lawyer_billing.ui.screens import dashboard
    from tests.helpers import migrated_engine

    engine = migrated_engine(make_url(f"sqlite:///{tmp_path / 'cabinet.sqlite3'}"), tmp_path / "backups")
    monkeypatch.setattr("lawyer_billing.ui.main_window.load_screen_modules", lambda names: {"dashboard": dashboard})
    main = MainWindow(AppContext(engine=engine, database="cabinet.sqlite3"),
                      settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    monkeypatch.setattr(dashboard, "choose_calendar_file", lambda parent, suggested: str(tmp_path / "échéances"))
    assert main.calendar_action.text() == "Exporter les &échéances (iCalendar)…"
    assert main.screens["dashboard"].is_computing()
    main.calendar_action.trigger()  # at once, while the dashboard computes: the export follows its figures
    written = tmp_path / "échéances.ics"
    qtbot.waitUntil(written.exists, timeout=10_000)
    assert written.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    engine.dispose()
