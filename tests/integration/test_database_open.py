"""Opening the data store: owner-only files, and one clear sentence (never a change to the
user's data) for a corrupt or foreign file, an unreachable server or a read-only folder."""

import os
import sqlite3
import stat

import pytest
from sqlalchemy.engine import make_url

from lawyer_billing.storage.database import open_database, resolve_url
from lawyer_billing.storage.errors import DatabaseUnreachableError, NotOurDatabaseError
from lawyer_billing.storage.snapshots import copy_database
from tests.helpers import NOW, fill_every_table, migrated_engine


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_file_and_copies_are_owner_only(tmp_path):
    os.umask(0o022)
    database = tmp_path / "data" / "lawyer_billing.sqlite3"
    engine = migrated_engine(make_url(f"sqlite:///{database}"), tmp_path / "backups")
    fill_every_table(engine)
    assert mode(database) == 0o600
    copy_database(engine, tmp_path / "copie.sqlite3", NOW)
    assert mode(tmp_path / "copie.sqlite3") == 0o600
    engine.dispose()


def test_resolve_url_prefers_command_line_then_environment(tmp_path):
    environ = {"LAWYER_BILLING_DB": "sqlite:////srv/env.sqlite3"}
    assert str(resolve_url("sqlite:////srv/cli.sqlite3", environ)) == "sqlite:////srv/cli.sqlite3"
    assert str(resolve_url(None, environ)) == "sqlite:////srv/env.sqlite3"
    assert str(resolve_url(None, {})).endswith("lawyer_billing.sqlite3")


@pytest.mark.parametrize("content", [b"ceci n'est pas une base", b"SQLite format 3\x00" + b"\xff" * 200])
def test_corrupt_file_is_refused_and_left_alone(tmp_path, content):
    database = tmp_path / "abime.sqlite3"
    database.write_bytes(content)
    with pytest.raises(NotOurDatabaseError, match="n'est pas une base de données lawyer_billing"):
        open_database(make_url(f"sqlite:///{database}"))
    assert database.read_bytes() == content


def test_another_programs_database_is_refused_and_left_alone(tmp_path):
    database = tmp_path / "autre.sqlite3"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE contacts (nom TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Dupont')")
    before = database.read_bytes()
    with pytest.raises(NotOurDatabaseError, match="autre logiciel"):
        open_database(make_url(f"sqlite:///{database}"))
    assert database.read_bytes() == before


def test_unreachable_server_gives_one_sentence_without_password():
    url = make_url("postgresql+psycopg://avocat:secret@127.0.0.1:1/cabinet")
    with pytest.raises(DatabaseUnreachableError) as failure:
        open_database(url)
    message = str(failure.value)
    assert message.startswith("Impossible de joindre la base de données") and "secret" not in message
    assert "\n" not in message


def test_sqlite_connections_use_foreign_keys_wal_and_a_busy_timeout(tmp_path):
    engine = migrated_engine(make_url(f"sqlite:///{tmp_path / 'db.sqlite3'}"), tmp_path / "backups")
    with engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert (pragma("foreign_keys"), pragma("journal_mode"), pragma("busy_timeout")) == (1, "wal", 10000)
    engine.dispose()
