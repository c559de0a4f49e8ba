"""Migrations: every revision up and down with data in the tables, on SQLite and PostgreSQL;
the backup taken before migrating; a failed migration leaves the database as it was."""

import shutil
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session

from lawyer_billing.resources import migrations_path
from lawyer_billing.storage.backup import BackupFolder, stored_revision
from lawyer_billing.storage.database import create_db_engine, open_database
from lawyer_billing.storage.errors import MigrationFailedError
from lawyer_billing.storage.migrate import alembic_config, current_revision, migrate, pending_revisions
from lawyer_billing.storage.rows import Base, MandateRow
from tests.helpers import NOW, fill_every_table, migrated_engine


def revisions_oldest_first() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_schema_at_head_matches_the_rows(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection, opts={"compare_type": True}), Base.metadata)
    assert differences == []


def test_every_revision_goes_down_and_up_with_data(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    fill_every_table(engine)
    revisions = revisions_oldest_first()
    config = alembic_config()
    migration_engine = create_db_engine(engine.url, foreign_keys=False)
    for target in reversed(["base", *revisions[:-1]]):
        with migration_engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, target)
        assert current_revision(engine) == (None if target == "base" else target)
    assert "mandate" not in inspect(engine).get_table_names()
    migrate(engine, backups=BackupFolder(tmp_path / "backups"), now=NOW)
    assert current_revision(engine) == revisions[-1]
    fill_every_table(engine)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(MandateRow)) == 1
    migration_engine.dispose()


def _scripts_with(tmp_path: Path, extra_revision: str) -> Path:
    """A copy of the shipped migrations plus one more revision (written for the test)."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrations_path(), scripts, ignore=shutil.ignore_patterns("__pycache__"))
    head = revisions_oldest_first()[-1]
    (scripts / "versions" / "9999_test_revision.py").write_text(
        f"from alembic import op\nimport sqlalchemy as sa\n\nrevision = '9999'\ndown_revision = {head!r}\n"
        "branch_labels = None\ndepends_on = None\n\n" + extra_revision
    )
    return scripts


ADD_COLUMN = """
def upgrade():
    with op.batch_alter_table("mandate") as batch:
        batch.add_column(sa.Column("referral", sa.String(40), nullable=True))


def downgrade():
    with op.batch_alter_table("mandate") as batch:
        batch.drop_column("referral")
"""

FAILS_HALFWAY = """
def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("mandate") as batch:
        batch.add_column(sa.Column("referral", sa.String(40), nullable=True))
    op.execute("UPDATE mandate SET client_name = 'écrasé'")
    raise RuntimeError("migration de test interrompue")


def downgrade():
    pass
"""


def test_a_new_database_is_created_without_a_backup(tmp_path):
    from sqlalchemy.engine import make_url

    engine = open_database(make_url(f"sqlite:///{tmp_path / 'new.sqlite3'}"))
    report = migrate(engine, backups=BackupFolder(tmp_path / "backups"), now=NOW)
    assert report.applied and report.backup is None
    assert not (tmp_path / "backups").exists()


def test_pending_migration_is_preceded_by_a_backup_holding_the_data(tmp_path):
    from sqlalchemy.engine import make_url

    url = make_url(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    engine = migrated_engine(url, tmp_path / "backups")
    fill_every_table(engine)
    scripts = _scripts_with(tmp_path, ADD_COLUMN)
    assert pending_revisions(engine, scripts) == ["9999"]
    report = migrate(engine, backups=BackupFolder(tmp_path / "backups"), now=NOW, script_location=scripts)
    assert report.applied == ("9999",)
    assert report.backup.exists() and report.backup.stat().st_mode & 0o777 == 0o600
    assert stored_revision(report.backup) == revisions_oldest_first()[-1]
    backup_engine = create_db_engine(make_url(f"sqlite:///{report.backup}"))
    with backup_engine.connect() as connection:
        assert connection.execute(text("SELECT client_name FROM mandate")).scalar() == "Éloïse Gagnon"
    backup_engine.dispose()
    assert "referral" in {c["name"] for c in inspect(engine).get_columns("mandate")}


def test_a_failed_migration_leaves_the_database_untouched_and_names_the_backup(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    fill_every_table(engine)
    before_tables = set(inspect(engine).get_table_names())
    scripts = _scripts_with(tmp_path, FAILS_HALFWAY)
    with pytest.raises(MigrationFailedError) as failure:
        migrate(engine, backups=BackupFolder(tmp_path / "backups"), now=NOW, script_location=scripts)
    message = str(failure.value)
    assert "telle qu'elle était" in message
    if database_url.get_backend_name() == "sqlite":
        backups = BackupFolder(tmp_path / "backups").backups()
        assert len(backups) == 1 and str(backups[0]) in message
    engine.dispose()
    assert set(inspect(engine).get_table_names()) == before_tables
    assert current_revision(engine) == revisions_oldest_first()[-1]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT client_name FROM mandate")).scalar() == "Éloïse Gagnon"
        columns = {c["name"] for c in inspect(connection).get_columns("mandate")}
    assert "referral" not in columns


def test_backups_are_rotated_to_the_last_ten(tmp_path):
    from datetime import timedelta

    from sqlalchemy.engine import make_url

    url = make_url(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    migrated_engine(url, tmp_path / "backups").dispose()
    folder = BackupFolder(tmp_path / "backups")
    taken = [folder.take(tmp_path / "db.sqlite3", NOW + timedelta(minutes=i), "test") for i in range(12)]
    assert folder.backups() == taken[2:]


def test_daily_backup_is_taken_once_a_day_and_verified(tmp_path):
    from datetime import timedelta

    from sqlalchemy.engine import make_url

    from lawyer_billing.app import open_current_database

    url = make_url(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    open_current_database(url, NOW)[0].dispose()
    folder = BackupFolder(tmp_path / "backups")
    assert [p.name for p in folder.backups()] == ["lawyer_billing-20261122-093000-quotidienne.sqlite3"]
    open_current_database(url, NOW + timedelta(hours=23, minutes=59))[0].dispose()
    assert len(folder.backups()) == 1
    open_current_database(url, NOW + timedelta(days=1))[0].dispose()
    assert folder.newest_taken_at() == NOW + timedelta(days=1)
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in folder.backups())
