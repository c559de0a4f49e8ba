"""``backup`` and ``restore`` on both databases: a snapshot is an SQLite lawyer_billing file,
restoring it brings every row back and keeps a backup of what it replaced."""

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from lawyer_billing.storage.backup import BackupFolder, check_backup_file
from lawyer_billing.storage.errors import RestoreRefusedError
from lawyer_billing.storage.rows import Base, MandateRow
from lawyer_billing.storage.snapshots import copy_database, restore_file
from tests.helpers import NOW, fill_every_table, migrated_engine


def row_counts(engine) -> dict[str, int]:
    with Session(engine) as session:
        return {table.name: session.scalar(select(func.count()).select_from(table)) for table in Base.metadata.sorted_tables}


def test_snapshot_and_restore_round_trip(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    fill_every_table(engine)
    before = row_counts(engine)
    snapshot = tmp_path / "instantane.sqlite3"
    copy_database(engine, snapshot, NOW)
    check_backup_file(snapshot)
    with Session(engine) as session:
        session.add(MandateRow(number="AJOUT", client_name="Nouveau", matter_type="civil", issued_on=date(2025, 1, 1)))
        session.commit()
    folder = BackupFolder(tmp_path / "backups")
    kept = restore_file(snapshot, engine, folder, NOW)
    assert row_counts(engine) == before
    check_backup_file(kept)
    kept_engine = migrated_engine(make_url(f"sqlite:///{kept}"), tmp_path / "other-backups")
    assert row_counts(kept_engine)["mandate"] == 2
    kept_engine.dispose()
    with Session(engine) as session:  # ids keep counting after a restore (PostgreSQL sequences)
        session.add(MandateRow(number="APRES", client_name="Après", matter_type="civil", issued_on=date(2025, 2, 1)))
        session.commit()
    engine.dispose()


def test_restore_refuses_its_own_database_file(tmp_path):
    url = make_url(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    engine = migrated_engine(url, tmp_path / "backups")
    with pytest.raises(RestoreRefusedError, match="base de données actuelle"):
        restore_file(tmp_path / "db.sqlite3", engine, BackupFolder(tmp_path / "backups"), NOW)
