"""Backups the user actually has: timestamped SQLite copies, verified, rotated, restorable.

Copies are made with SQLite's online backup API (consistent even while the application has
the database open, WAL included) into files created owner-only (0600), because they hold the
same client names and amounts as the database itself (art. 13 of the entente: professional
secrecy). A restore always keeps a backup of the data it replaces.
"""

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from lawyer_billing.private_files import create_private_file
from lawyer_billing.storage.database import is_ours, read_header
from lawyer_billing.storage.errors import RestoreRefusedError, StorageError

BACKUP_SUFFIX = ".sqlite3"
PREFIX = "lawyer_billing-"
DEFAULT_KEEP = 10
DAILY = timedelta(days=1)


def copy_sqlite(source: Path, target: Path) -> None:
    """Copy the SQLite database ``source`` into the new file ``target`` (0600) with the backup API."""
    create_private_file(target)
    try:
        overwrite_sqlite(source, target)
        with closing(_connect(target)) as copy:
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal/-shm
    except sqlite3.Error:
        target.unlink(missing_ok=True)
        raise


def overwrite_sqlite(source: Path, target: Path) -> None:
    """Replace the content of the SQLite database ``target`` by that of ``source``, atomically."""
    with closing(_connect(source, read_only=True)) as origin, closing(_connect(target)) as destination:
        origin.backup(destination)


def _connect(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return sqlite3.connect(path)


def check_backup_file(path: Path) -> None:
    """Raise ``RestoreRefusedError`` unless ``path`` is an intact lawyer_billing database."""
    if path.is_dir():
        raise RestoreRefusedError(f"{path} est un dossier : indiquez le fichier de sauvegarde qu'il contient.")
    if not path.is_file():
        raise RestoreRefusedError(f"Le fichier {path} n'existe pas.")
    if not is_ours(read_header(path)):
        raise RestoreRefusedError(f"Le fichier {path} n'est pas une sauvegarde lawyer_billing.")
    try:
        with closing(_connect(path, read_only=True)) as connection:
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError:
        raise RestoreRefusedError(f"Le fichier {path} est endommagé et ne peut pas être restauré.") from None
    if integrity != "ok":
        raise RestoreRefusedError(f"Le fichier {path} est endommagé et ne peut pas être restauré.")


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in a lawyer_billing file (None for an empty one)."""
    with closing(_connect(path, read_only=True)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return row[0] if row else None


@dataclass(frozen=True)
class BackupFolder:
    """The folder of automatic backups, of which the newest ``keep`` are kept."""

    path: Path
    keep: int = DEFAULT_KEEP

    def backups(self) -> list[Path]:
        """Backups, oldest first (their names sort by the time they were taken)."""
        if not self.path.is_dir():
            return []
        return sorted(p for p in self.path.glob(f"{PREFIX}*{BACKUP_SUFFIX}") if p.is_file())

    def new_name(self, now: datetime, reason: str) -> Path:
        """A free file name saying when the backup was taken and why."""
        stamp = now.strftime("%Y%m%d-%H%M%S")
        target = self.path / f"{PREFIX}{stamp}-{reason}{BACKUP_SUFFIX}"
        counter = 1
        while target.exists():
            counter += 1
            target = self.path / f"{PREFIX}{stamp}-{reason}-{counter}{BACKUP_SUFFIX}"
        return target

    def take(self, database: Path, now: datetime, reason: str) -> Path:
        """Copy the SQLite ``database`` here under a new name, check the copy, then rotate.

        A copy that does not pass the integrity check is deleted and reported: a backup the
        user cannot restore is worse than none, because it looks like one.
        """
        target = self.new_name(now, reason)
        try:
            copy_sqlite(database, target)
            check_backup_file(target)
        except (OSError, sqlite3.Error, RestoreRefusedError) as error:
            target.unlink(missing_ok=True)
            raise StorageError(f"La copie de sauvegarde dans {self.path} a échoué : {error}") from None
        self.rotate()
        return target

    def newest_taken_at(self) -> datetime | None:
        """When the newest backup was taken, read from its name (written from the clock passed in)."""
        for backup in reversed(self.backups()):
            try:
                return datetime.strptime(backup.name[len(PREFIX):len(PREFIX) + 15], "%Y%m%d-%H%M%S")
            except ValueError:
                continue
        return None

    def take_daily(self, database: Path, now: datetime) -> Path | None:
        """The start-up backup: taken when the newest one is more than a day old (or absent)."""
        newest = self.newest_taken_at()
        if newest is not None and now - newest < DAILY:
            return None
        return self.take(database, now, "quotidienne")

    def rotate(self) -> None:
        for old in self.backups()[: -self.keep]:
            old.unlink()
