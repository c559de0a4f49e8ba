"""The main window: title, menus, and a status bar that always says which database is open."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from lawyer_billing import __version__

TITLE = "lawyer_billing — Facturation des mandats d'aide juridique"


class MainWindow(QMainWindow):
    def __init__(self, database: str) -> None:
        super().__init__()
        self.database = database
        self.setWindowTitle(TITLE)
        self.resize(1100, 720)
        self.welcome = QLabel(
            "<h2>Bienvenue</h2>"
            "<p>La base de données est prête. Commencez par saisir votre profil d'avocat, "
            "puis votre premier mandat d'aide juridique.</p>"
        )
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.setCentralWidget(self.welcome)
        self.database_label = QLabel(f"Base de données : {database}")
        self.statusBar().addPermanentWidget(self.database_label)
        self._build_menus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Fichier")
        quit_action = QAction("&Quitter", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Aide")
        about_action = QAction("À &propos de lawyer_billing", self)
        about_action.triggered.connect(self.show_about)
        help_menu.addAction(about_action)

    def about_text(self) -> str:
        return (
            f"<b>lawyer_billing</b> {__version__}<br>"
            "Facturation des mandats d'aide juridique selon l'entente entre le ministre de la Justice "
            "et le Barreau du Québec (annexe II, tarif T1 à T236).<br><br>"
            f"Données : {self.database}"
        )

    def show_about(self) -> None:
        QMessageBox.about(self, "À propos de lawyer_billing", self.about_text())
