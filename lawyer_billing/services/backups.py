"""Backups as the Paramètres screen offers them: where they go, how recent the newest is, a
verified copy taken now, and a restore that keeps the current data first.

The folder is the one the lawyer chose (``Preferences.backup_folder``), else the ``backups``
folder beside the database (``app.backup_folder``), where the start-up and pre-migration
copies go. Every copy is an ordinary lawyer_billing SQLite file checked after it is written,
whichever database it comes from, so a firm on PostgreSQL gets the same copies.
"""

import os
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from lawyer_billing.app import backup_folder as default_backup_folder
from lawyer_billing.domain.validation import FieldProblem, raise_if_any
from lawyer_billing.services.settings import Preferences, load_preferences, save_preferences
from lawyer_billing.storage.backup import BackupFolder, check_backup_file
from lawyer_billing.storage.database import sqlite_path
from lawyer_billing.storage.errors import StorageError
from lawyer_billing.storage.snapshots import copy_database, restore_file
from lawyer_billing.storage.unit_of_work import UnitOfWork

#: the reason written in the name of a copy the lawyer asked for
MANUAL = "manuelle"


@dataclass(frozen=True)
class BackupState:
    """What the lawyer needs to trust the backups: where, how recent, how many."""

    folder: Path
    newest_taken_at: datetime | None
    count: int
    keep: int
    #: the folder beside the database, where the start-up and pre-migration copies go
    default_folder: Path
    #: whether a copy is taken at start-up (a database file; a PostgreSQL server is dumped by its owner)
    daily: bool

    @property
    def is_default(self) -> bool:
        return self.folder == self.default_folder


def backup_folder(preferences: Preferences, engine) -> BackupFolder:
    """The folder chosen in the settings, else the one beside the database."""
    return default_backup_folder(engine.url, preferences.backup_folder)


def backup_state(uow: UnitOfWork, engine) -> BackupState:
    preferences = load_preferences(uow)
    folder = backup_folder(preferences, engine)
    return BackupState(
        folder=folder.path,
        newest_taken_at=folder.newest_taken_at(),
        count=len(folder.backups()),
        keep=folder.keep,
        default_folder=default_backup_folder(engine.url).path,
        daily=sqlite_path(engine.url) is not None,
    )


def choose_backup_folder(uow: UnitOfWork, folder: str) -> Preferences:
    """Keep ``folder`` (empty: back to the folder beside the database) once it can be written to."""
    folder = folder.strip()
    if folder:
        path = Path(folder).expanduser()
        problem = None
        if not path.is_absolute():
            problem = "Donnez le chemin complet du dossier (par exemple /home/avocate/Sauvegardes)."
        elif path.exists() and not path.is_dir():
            problem = "Ce chemin désigne un fichier, pas un dossier."
        else:
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                problem = f"Le dossier ne peut pas être créé : {error.strerror}."
            else:
                if not os.access(path, os.W_OK | os.X_OK):
                    problem = "Ce dossier ne peut pas être écrit : choisissez-en un autre."
        raise_if_any([FieldProblem("backup_folder", problem)] if problem else [])
        folder = str(path)
    preferences = replace(load_preferences(uow), backup_folder=folder)
    save_preferences(uow, preferences)
    uow.commit()
    return preferences


def _current_folder(engine) -> BackupFolder:
    with UnitOfWork(engine) as uow:
        return backup_folder(load_preferences(uow), engine)


def back_up_now(engine, now: datetime) -> Path:
    """A verified copy of the whole database in the backup folder; the oldest beyond ``keep`` go."""
    folder = _current_folder(engine)
    database = sqlite_path(engine.url)
    if database is not None:
        return folder.take(database, now, MANUAL)
    target = folder.new_name(now, MANUAL)
    copy_database(engine, target, now)
    try:
        check_backup_file(target)
    except StorageError:
        target.unlink(missing_ok=True)
        raise
    folder.rotate()
    return target


def restore_backup(engine, source: Path, now: datetime) -> Path:
    """Replace the data by the backup ``source``; return the copy kept of the data replaced.

    The file is checked before anything changes. The engine's connections are closed: the
    application must be restarted, since every screen holds data read before the restore.
    """
    kept = restore_file(source, engine, _current_folder(engine), now)
    engine.dispose()
    return kept
