"""The composition root: open the data store, bring it up to date, then start the window.

Everything the entry points need is assembled here, so that ``cli`` stays a thin parser and
the headless commands never import Qt.
"""

from datetime import datetime

from sqlalchemy.engine import URL

from lawyer_billing.storage.backup import BackupFolder
from lawyer_billing.storage.database import data_folder, open_database, sqlite_path
from lawyer_billing.storage.migrate import MigrationReport, migrate


def backup_folder(url: URL) -> BackupFolder:
    """Automatic backups live beside the database file they copy (the data folder by default)."""
    database = sqlite_path(url)
    return BackupFolder((database.parent if database else data_folder()) / "backups")


def open_current_database(url: URL, now: datetime):
    """An engine on ``url``, migrated to the current schema, with today's backup taken.

    The migration takes its own backup first when it has something to change; the daily one
    follows, so that a database in use always has a verified copy less than a day old.
    """
    engine = open_database(url)
    backups = backup_folder(url)
    report: MigrationReport = migrate(engine, backups=backups, now=now)
    database = sqlite_path(url)
    if database is not None:
        backups.take_daily(database, now)
    return engine, report
