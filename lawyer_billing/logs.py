"""The application log: a rotating file in the user's log folder, readable by its owner only.

It records errors with enough context to diagnose them (the exception, the command, the kind
of database) and never a client's name or an amount: messages logged here are written by us,
not copied from user data, and tracebacks keep code lines, not local variables.
"""

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_path

from lawyer_billing.private_files import create_private_file

LOG_FILE = "lawyer_billing.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5


def log_folder() -> Path:
    return user_log_path("lawyer_billing", appauthor=False)


def start_logging(folder: Path | None = None) -> Path | None:
    """Send the application's log records to the rotating file; return its path (None if the
    folder cannot be written: logging must never stop the application)."""
    path = (folder or log_folder()) / LOG_FILE
    try:
        create_private_file(path, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("lawyer_billing")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO)
    return path
