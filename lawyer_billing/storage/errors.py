"""Errors a user can meet when opening the data store, each with one clear French sentence.

The entry points print the message and exit non-zero: never a traceback, and never a change
to the user's data.
"""


class StorageError(Exception):
    """Base class: ``str(error)`` is the sentence shown to the user."""


class NotOurDatabaseError(StorageError):
    """A file that is corrupt, not SQLite, or another program's database."""


class DatabaseUnreachableError(StorageError):
    """A server database (PostgreSQL) that cannot be reached or refuses the connection."""


class DataFolderNotWritableError(StorageError):
    """The folder that holds (or would hold) the database cannot be written."""


class MigrationFailedError(StorageError):
    """A schema migration failed; the database was left as it was and a backup exists."""


class FrozenStatementError(StorageError):
    """An attempt to change a statement that has been sent (corrections go on a supplementary one)."""


class RestoreRefusedError(StorageError):
    """A restore source that is not a usable lawyer_billing database."""


class ConcurrentEditError(StorageError):
    """A record changed by someone else since it was read: the save is refused, nothing is lost."""
