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
    """An engine on ``url``, migrated to the current schema (after a backup if needed)."""
    engine = open_database(url)
    report: MigrationReport = migrate(engine, backups=backup_folder(url), now=now)
    return engine, report
