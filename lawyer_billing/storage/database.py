"""Which database to open, and opening it safely.

SQLite by default, in the user's data folder; ``--db URL`` or ``LAWYER_BILLING_DB`` selects any
SQLAlchemy URL (PostgreSQL for a firm). An SQLite file is created owner-only (0600) and opened
with foreign keys on, the WAL journal and a busy timeout; its transactions are made real
(``BEGIN`` emitted by us) so that a migration or a unit of work is all-or-nothing, DDL included.
"""

import os
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from lawyer_billing.private_files import create_private_file
from lawyer_billing.storage.errors import (
    DatabaseUnreachableError,
    DataFolderNotWritableError,
    NotOurDatabaseError,
)

ENV_VAR = "LAWYER_BILLING_DB"
APP_NAME = "lawyer_billing"
DATABASE_FILE = "lawyer_billing.sqlite3"
#: Written in the SQLite header (``PRAGMA application_id``) so that we know our own files.
APPLICATION_ID = 0x4C424C47
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def data_folder() -> Path:
    return user_data_path(APP_NAME, appauthor=False)


def resolve_url(cli_url: str | None = None, environ: "os._Environ[str] | dict[str, str] | None" = None) -> URL:
    """The database URL: the command line wins, then the environment, then the default file."""
    environ = os.environ if environ is None else environ
    text = cli_url or environ.get(ENV_VAR) or f"sqlite:///{data_folder() / DATABASE_FILE}"
    try:
        return make_url(text)
    except ArgumentError:
        raise DatabaseUnreachableError(f"« {text} » n'est pas une adresse de base de données valide.") from None


def describe(url: URL) -> str:
    """What the status bar and messages show: the file path, or the server without the password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def create_db_engine(url: URL, *, foreign_keys: bool = True) -> Engine:
    """An engine with our connection settings; ``foreign_keys=False`` only for migrations."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine, foreign_keys=foreign_keys)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=_server_connect_args(url))
    except NoSuchModuleError:
        raise DatabaseUnreachableError(
            f"Le type de base de données « {url.get_backend_name()} » n'est pas pris en charge."
        ) from None
    except ModuleNotFoundError as missing:
        raise DatabaseUnreachableError(
            f"Le pilote « {missing.name} » nécessaire pour {describe(url)} n'est pas installé."
        ) from None


def _server_connect_args(url: URL) -> dict:
    return {"connect_timeout": 10} if url.get_backend_name() == "postgresql" else {}


def _configure_sqlite(engine: Engine, *, foreign_keys: bool) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see below
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if dbapi_connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection):
        connection.exec_driver_sql("BEGIN")


def open_database(url: URL) -> Engine:
    """Check that ``url`` is usable and ours (or empty), and return an engine for it.

    Raises a ``StorageError`` with a sentence for the user; touches nothing on failure (an
    SQLite file is only created when absent, in a folder we can write, and a file that is
    not ours is only ever read).
    """
    path = sqlite_path(url)
    if path is not None:
        _prepare_sqlite_file(path)
        _check_sqlite_is_ours(path)
        return create_db_engine(url)
    engine = create_db_engine(url)
    _check_server_reachable(engine, url)
    return engine


def _prepare_sqlite_file(path: Path) -> None:
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        raise DataFolderNotWritableError(
            f"Le dossier de données {folder} n'est pas accessible en écriture : "
            "choisissez un autre emplacement avec --db ou corrigez ses permissions."
        ) from None
    create_private_file(path, exist_ok=True)


def read_header(path: Path) -> bytes:
    """The 100-byte SQLite header of ``path`` (shorter for a file that is not SQLite)."""
    with path.open("rb") as handle:
        return handle.read(100)


def is_ours(header: bytes) -> bool:
    """An SQLite header carrying our application id (bytes 68-71, ``PRAGMA application_id``)."""
    return header.startswith(SQLITE_HEADER) and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def _check_sqlite_is_ours(path: Path) -> None:
    """Ours: our id in the header, or a file with no table yet (new, or never migrated)."""
    header = read_header(path)
    if not header:
        return
    damaged = NotOurDatabaseError(
        f"Le fichier {path} n'est pas une base de données lawyer_billing (fichier endommagé ou d'un autre type)."
    )
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise damaged
    if is_ours(header):
        return
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
            tables = connection.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError:
        raise damaged from None
    if tables:
        raise NotOurDatabaseError(
            f"Le fichier {path} est la base de données d'un autre logiciel ; lawyer_billing ne l'ouvrira pas."
        )


def _check_server_reachable(engine: Engine, url: URL) -> None:
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
    except DBAPIError as error:
        engine.dispose()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else ""
        raise DatabaseUnreachableError(
            f"Impossible de joindre la base de données {describe(url)} : {reason}"
        ) from None
    if tables and "alembic_version" not in tables:
        engine.dispose()
        raise NotOurDatabaseError(
            f"La base de données {describe(url)} contient des tables d'un autre logiciel ; lawyer_billing ne l'utilisera pas."
        )
