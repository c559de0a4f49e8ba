"""Whole-database copies: ``backup PATH`` writes one, ``restore PATH`` puts one back.

A copy is always an SQLite lawyer_billing file, whichever database it comes from, so that a
firm on PostgreSQL can hand a snapshot to anyone. A restore checks the file first, brings a
temporary copy of it to the current schema (the user's file is never modified), keeps a backup
of the data it replaces, then swaps the content in one step.
"""

import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine, delete, insert, select, text
from sqlalchemy.engine import make_url

from lawyer_billing.private_files import create_private_file
from lawyer_billing.storage.backup import (
    BackupFolder,
    check_backup_file,
    copy_sqlite,
    overwrite_sqlite,
)
from lawyer_billing.storage.database import create_db_engine, sqlite_path
from lawyer_billing.storage.errors import RestoreRefusedError, StorageError
from lawyer_billing.storage.migrate import migrate
from lawyer_billing.storage.rows import Base


def _sqlite_engine(path: Path) -> Engine:
    return create_db_engine(make_url(f"sqlite:///{path}"))


def copy_database(engine: Engine, target: Path, now: datetime) -> None:
    """Write the whole database into the new SQLite file ``target`` (never over an existing file)."""
    if target.exists():
        raise StorageError(f"Le fichier {target} existe déjà : choisissez un autre nom, rien n'a été écrasé.")
    source = sqlite_path(engine.url)
    try:
        if source is not None:
            copy_sqlite(source, target)
            return
        create_private_file(target)
    except OSError as error:
        raise StorageError(f"Impossible d'écrire {target} : {error.strerror}.") from None
    copy_engine = _sqlite_engine(target)
    try:
        # a new, empty file: the migration has nothing to back up
        migrate(copy_engine, backups=BackupFolder(target.parent), now=now)
        _copy_rows(engine, copy_engine)
    except Exception:
        copy_engine.dispose()
        target.unlink(missing_ok=True)
        raise
    copy_engine.dispose()


def _copy_rows(source: Engine, target: Engine) -> None:
    """Replace every row of ``target`` by those of ``source`` (same schema), in one transaction."""
    tables = Base.metadata.sorted_tables
    with source.connect() as reading, target.begin() as writing:
        for table in reversed(tables):
            writing.execute(delete(table))
        for table in tables:
            rows = reading.execute(select(table)).mappings().all()
            if rows:
                writing.execute(insert(table), [dict(row) for row in rows])
        if writing.dialect.name == "postgresql":
            _reset_sequences(writing, tables)


def _reset_sequences(connection, tables) -> None:
    for table in tables:
        if "id" in table.c and table.c.id.primary_key:
            connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 1), "
                f"(SELECT MAX(id) FROM {table.name}) IS NOT NULL)"
            ))


def restore_file(source: Path, engine: Engine, backups: BackupFolder, now: datetime) -> Path:
    """Replace the database's content by the lawyer_billing file ``source``; return the backup kept."""
    check_backup_file(source)
    current = sqlite_path(engine.url)
    if current is not None and current.resolve() == source.resolve():
        raise RestoreRefusedError(f"Le fichier {source} est la base de données actuelle : rien à restaurer.")
    with tempfile.TemporaryDirectory(prefix="lawyer_billing-restore-") as folder:
        staged = Path(folder) / "staged.sqlite3"
        copy_sqlite(source, staged)
        staged_engine = _sqlite_engine(staged)
        try:
            migrate(staged_engine, backups=BackupFolder(Path(folder) / "backups"), now=now)
            kept = _keep_current(engine, backups, now)
            if current is not None:
                staged_engine.dispose()
                engine.dispose()
                overwrite_sqlite(staged, current)
            else:
                _copy_rows(staged_engine, engine)
        finally:
            staged_engine.dispose()
    return kept


def _keep_current(engine: Engine, backups: BackupFolder, now: datetime) -> Path:
    current = sqlite_path(engine.url)
    if current is not None:
        return backups.take(current, now, "avant-restauration")
    target = backups.new_name(now, "avant-restauration")
    copy_database(engine, target, now)
    backups.rotate()
    return target
