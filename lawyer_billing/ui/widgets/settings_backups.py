"""Paramètres, Sauvegardes: where the copies go, how recent the newest is, a verified copy on
demand, and a restore that keeps the current data first and then asks for a restart."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lawyer_billing.domain.formatting import format_date
from lawyer_billing.domain.tools.french_dates import format_time_fr
from lawyer_billing.services.backups import back_up_now, backup_state, choose_backup_folder, restore_backup
from lawyer_billing.services.settings import load_preferences
from lawyer_billing.ui import operations
from lawyer_billing.ui.i18n import tr
from lawyer_billing.ui.operations import attempt
from lawyer_billing.ui.widgets import settings_section
from lawyer_billing.ui.widgets.fields import with_message
from lawyer_billing.ui.widgets.settings_section import SettingsSection, explanation


# -- dialogs (tests replace these functions: a modal dialog would wait for a click) ------------


def choose_folder(parent: QWidget, start: Path) -> str | None:
    chosen = QFileDialog.getExistingDirectory(parent, tr("Dossier des sauvegardes"), str(start))
    return chosen or None


def choose_backup_file(parent: QWidget, start: Path) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent, tr("Restaurer une sauvegarde"), str(start), tr("Sauvegardes lawyer_billing (*.sqlite3);;Tous les fichiers (*)")
    )
    return Path(chosen) if chosen else None


def inform(parent: QWidget, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def quit_application() -> None:
    QCoreApplication.quit()


def moment_text(moment: datetime, language: str) -> str:
    hour = format_time_fr(moment.time()) if language == "fr" else moment.strftime("%H:%M")
    return tr("{} à {}").format(format_date(moment.date(), language), hour)


class BackupsSection(SettingsSection):
    def __init__(self, context, parent=None) -> None:
        super().__init__(context, parent)
        self.intro = explanation()
        self.folder = QLineEdit()
        self.folder.setObjectName("backup_folder")
        self.browse = QPushButton()
        self.browse.clicked.connect(self.browse_folder)
        self.save_button = QPushButton()
        self.save_button.setObjectName("save_folder")
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        row.addWidget(self.save_button)
        folder_box = QWidget()
        folder_box.setLayout(row)
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        form = QFormLayout()
        form.addRow(self.folder_label, with_message(folder_box, self.messages.label_for("backup_folder")))
        self.state_title = QLabel()
        self.state_title.setStyleSheet("font-weight: bold;")
        self.newest = QLabel()
        self.newest.setObjectName("newest")
        self.count = QLabel()
        self.count.setObjectName("count")
        self.where = QLabel()
        self.where.setObjectName("where")
        self.where.setWordWrap(True)
        self.back_up_button = QPushButton()
        self.back_up_button.setObjectName("back_up_now")
        self.back_up_button.clicked.connect(self.back_up)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restore")
        self.restore_button.clicked.connect(self.restore)
        actions = QHBoxLayout()
        actions.addWidget(self.back_up_button)
        actions.addWidget(self.restore_button)
        actions.addStretch(1)
        self.restore_intro = explanation()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.state_title)
        layout.addWidget(self.newest)
        layout.addWidget(self.count)
        layout.addWidget(self.where)
        layout.addLayout(actions)
        layout.addWidget(self.restore_intro)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.track(self.folder)
        self.state = None
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.intro.setText(tr(
            "Chaque sauvegarde est une copie complète et vérifiée de vos données, lisible par vous seul. Les 10 "
            "plus récentes sont gardées. Choisissez de préférence un dossier sur un autre disque ou synchronisé "
            "hors de l'ordinateur ; laissez vide pour le dossier à côté de la base de données."
        ))
        self.folder_label.setText(tr("&Dossier"))
        self.folder.setPlaceholderText(tr("à côté de la base de données"))
        self.browse.setText(tr("Parcourir…"))
        self.save_button.setText(tr("Enregistrer le dossier"))
        self.state_title.setText(tr("État des sauvegardes"))
        self.back_up_button.setText(tr("&Sauvegarder maintenant"))
        self.restore_button.setText(tr("&Restaurer…"))
        self.restore_intro.setText(tr(
            "Restaurer remplace toutes les données par celles d'une sauvegarde ; une copie des données actuelles "
            "est gardée d'abord dans le dossier des sauvegardes. L'application se ferme ensuite : rouvrez-la."
        ))
        if self.state is not None:
            self.show_state(self.state)

    def load(self) -> None:
        self.folder.setText(self.read(load_preferences).backup_folder)
        self.remember_stored()
        self.show_state(self.read(lambda uow: backup_state(uow, self.context.engine)))

    def show_state(self, state) -> None:
        self.state = state
        language = self.context.language
        if state.newest_taken_at is None:
            self.newest.setText(tr("Aucune sauvegarde dans ce dossier : faites-en une maintenant."))
        else:
            self.newest.setText(tr("Dernière sauvegarde : {}").format(moment_text(state.newest_taken_at, language)))
        self.count.setText(tr("Sauvegardes conservées : {} (les {} plus récentes sont gardées)")
                           .format(state.count, state.keep))
        lines = [tr("Dossier : {}").format(state.folder)]
        if state.daily and not state.is_default:
            lines.append(tr("Les copies faites au démarrage et avant une mise à jour de la base restent dans {}.")
                         .format(state.default_folder))
        elif state.daily:
            lines.append(tr("Une copie est aussi faite chaque jour au démarrage, et avant chaque mise à jour de la base."))
        else:
            lines.append(tr("Base PostgreSQL : chaque sauvegarde est une copie SQLite complète ; sauvegardez aussi "
                            "le serveur (pg_dump)."))
        self.where.setText("\n".join(lines))

    def browse_folder(self) -> None:
        chosen = choose_folder(self, self.state.folder if self.state else Path.home())
        if chosen:
            self.folder.setText(chosen)

    def save(self) -> None:
        folder = self.folder.text()
        saved = self.run(lambda uow: choose_backup_folder(uow, folder))
        if saved is not None:
            self.load()
            self.done(tr("Dossier des sauvegardes enregistré."))

    def back_up(self) -> None:
        copy = attempt(self, lambda: back_up_now(self.context.engine, self.context.now()))
        if copy is not None:
            self.show_state(self.read(lambda uow: backup_state(uow, self.context.engine)))
            self.status.setText(tr("Sauvegarde faite et vérifiée : {}").format(copy))

    def restore(self) -> None:
        window = self.window()
        unsaved = window.unsaved_screens() if hasattr(window, "unsaved_screens") else []
        if unsaved:
            operations.warn(self, tr("Restaurer"), tr(
                "Enregistrez ou annulez d'abord les modifications en cours ({}) : la restauration remplace "
                "toutes les données.").format(", ".join(unsaved)))
            return
        source = choose_backup_file(self, self.state.folder)
        if source is None:
            return
        if not settings_section.ask(self, tr("Restaurer"), tr(
                "Remplacer toutes les données par celles de {} ? Une copie des données actuelles est gardée "
                "d'abord.").format(source.name)):
            return
        kept = attempt(self, lambda: restore_backup(self.context.engine, source, self.context.now()))
        if kept is None:
            return
        inform(self, tr("Restauration terminée"), tr(
            "Les données de {} sont restaurées. Les données remplacées sont gardées dans {}.\n\n"
            "L'application va se fermer : rouvrez-la pour travailler sur les données restaurées.").format(source, kept))
        quit_application()
