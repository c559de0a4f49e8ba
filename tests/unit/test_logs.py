"""The log file is owner-only and never stops the application when it cannot be written."""

import logging
import stat

from lawyer_billing.logs import start_logging


def test_log_file_is_owner_only_and_receives_records(tmp_path):
    path = start_logging(tmp_path / "logs")
    logging.getLogger("lawyer_billing.storage").error("migration: OperationalError")
    for handler in logging.getLogger("lawyer_billing").handlers:
        handler.flush()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "migration: OperationalError" in path.read_text(encoding="utf-8")


def test_an_unwritable_log_folder_is_not_an_error(tmp_path):
    blocker = tmp_path / "fichier"
    blocker.write_text("pas un dossier")
    assert start_logging(blocker / "logs") is None
