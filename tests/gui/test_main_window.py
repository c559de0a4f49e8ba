"""The main window as a user sees it: its title, the database it has open, the About box."""

from lawyer_billing import __version__
from lawyer_billing.ui.main_window import MainWindow


def test_window_shows_which_database_is_open(qtbot):
    window = MainWindow("/home/avocate/.local/share/lawyer_billing/lawyer_billing.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert "Facturation des mandats d'aide juridique" in window.windowTitle()
    assert window.database_label.text() == "Base de données : /home/avocate/.local/share/lawyer_billing/lawyer_billing.sqlite3"
    assert [action.text() for action in window.menuBar().actions()] == ["&Fichier", "&Aide"]


def test_about_box_gives_version_and_data_location(qtbot):
    window = MainWindow("postgresql+psycopg://avocat:***@serveur/cabinet")
    qtbot.addWidget(window)
    text = window.about_text()
    assert __version__ in text and "postgresql+psycopg://avocat:***@serveur/cabinet" in text
