"""The composition root: open the data store, bring it up to date, then start the window.

Everything the entry points need is assembled here, so that ``cli`` stays a thin parser and
the headless commands never import Qt.
"""

import logging
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import URL

from lawyer_billing.services.settings import load_preferences
from lawyer_billing.storage.backup import BackupFolder
from lawyer_billing.storage.database import data_folder, open_database, sqlite_path
from lawyer_billing.storage.migrate import MigrationReport, migrate
from lawyer_billing.storage.unit_of_work import UnitOfWork

log = logging.getLogger("lawyer_billing")


def backup_folder(url: URL, chosen: str = "") -> BackupFolder:
    """The folder the lawyer chose in the settings, else the ``backups`` folder beside the
    database file (the data folder for a server database)."""
    if chosen:
        return BackupFolder(Path(chosen))
    database = sqlite_path(url)
    return BackupFolder((database.parent if database else data_folder()) / "backups")


def open_current_database(url: URL, now: datetime):
    """An engine on ``url``, migrated to the current schema, with today's backup taken.

    The migration takes its own backup first, beside the database, when it has something to
    change (the settings cannot be read before); the daily one follows, in the folder chosen
    in the settings, so that a database in use always has a verified copy less than a day
    old. A chosen folder that cannot be written (a disconnected drive) must not stop the
    lawyer's day: the copy then goes beside the database, and the log says why.

    Both happen before the window is shown, on purpose: the copy must precede the day's
    first write, and the window writes as soon as it is up (the Tableau de bord logs the
    deadlines it shows; the lawyer may save at once). The daily copy is cheap enough for
    that: about 0.16 s for a database of 50 000 services (11 MB), integrity check included.
    """
    engine = open_database(url)
    report: MigrationReport = migrate(engine, backups=backup_folder(url), now=now)
    database = sqlite_path(url)
    if database is not None:
        with UnitOfWork(engine) as uow:
            chosen = load_preferences(uow).backup_folder
        try:
            backup_folder(url, chosen).take_daily(database, now)
        except OSError as error:
            if not chosen:
                raise
            log.warning("dossier de sauvegarde choisi inutilisable (%s) : copie à côté de la base", type(error).__name__)
            backup_folder(url).take_daily(database, now)
    return engine, report
