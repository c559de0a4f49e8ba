"""Bring a database to the current schema, safely, at every start.

Before applying pending migrations to an SQLite database that already holds a schema, a
backup is taken. The migration then runs in one transaction (DDL included, with foreign keys
checked at the end): if anything fails, the database is left exactly as it was, and the user
is told where the backup is.
"""

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from lawyer_billing.resources import migrations_path
from lawyer_billing.storage.backup import BackupFolder
from lawyer_billing.storage.database import APPLICATION_ID, create_db_engine, describe, sqlite_path
from lawyer_billing.storage.errors import MigrationFailedError


@dataclass(frozen=True)
class MigrationReport:
    applied: tuple[str, ...]
    backup: Path | None


def alembic_config(script_location: Path | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location or migrations_path()))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def pending_revisions(engine: Engine, script_location: Path | None = None) -> list[str]:
    """Revisions between the database's current one and head, oldest first."""
    script = ScriptDirectory.from_config(alembic_config(script_location))
    current = current_revision(engine)
    if current is not None and current not in {rev.revision for rev in script.walk_revisions()}:
        raise MigrationFailedError(
            "Cette base de données a été créée par une version plus récente de lawyer_billing : "
            "installez la dernière version de l'application."
        )
    newest_first = script.walk_revisions(base=current or "base", head="heads")
    return [rev.revision for rev in reversed(list(newest_first)) if rev.revision != current]


def migrate(
    engine: Engine,
    *,
    backups: BackupFolder,
    now: datetime,
    target: str = "head",
    script_location: Path | None = None,
) -> MigrationReport:
    """Apply the pending migrations, after a backup when there is something to lose."""
    pending = pending_revisions(engine, script_location)
    if not pending:
        return MigrationReport((), None)
    database_file = sqlite_path(engine.url)
    backup = None
    if database_file is not None and current_revision(engine) is not None:
        backup = backups.take(database_file, now, "avant-migration")
    engine.dispose()
    _upgrade_in_one_transaction(engine, target, script_location, backup)
    return MigrationReport(tuple(pending), backup)


def _upgrade_in_one_transaction(engine: Engine, target: str, script_location: Path | None, backup: Path | None) -> None:
    # Foreign keys off while batch mode rebuilds tables, checked before committing instead.
    migration_engine = create_db_engine(engine.url, foreign_keys=False)
    config = alembic_config(script_location)
    try:
        with migration_engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
            if connection.dialect.name == "sqlite":
                problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationFailedError(f"références invalides après migration : {problems[:3]}")
                connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    except Exception as error:  # any failure: the transaction is rolled back, say so
        where = f" Une copie de sauvegarde a été faite avant la mise à jour : {backup}." if backup else ""
        raise MigrationFailedError(
            f"La mise à jour de la base de données {describe(engine.url)} a échoué ({error}) ; "
            f"elle a été laissée telle qu'elle était.{where}"
        ) from error
    finally:
        migration_engine.dispose()
