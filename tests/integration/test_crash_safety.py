"""Killed at any moment (SIGKILL, 50 times), the database stays intact: every committed unit of
work is entirely there, every interrupted one entirely absent, and the application starts."""

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy.engine import make_url

from lawyer_billing.app import open_current_database
from tests.helpers import NOW, migrated_engine

WRITER = Path(__file__).with_name("programs") / "crash_writer.py"
ROOT = Path(__file__).resolve().parents[2]
KILLS = 50
SERVICES_PER_BATCH = 20


def batches_in(database: Path) -> dict[int, tuple[int, int]]:
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = connection.execute(
            "SELECT CAST(substr(m.number, 5) AS INTEGER),"
            " (SELECT COUNT(*) FROM service s WHERE s.mandate_id = m.id),"
            " (SELECT COUNT(*) FROM statement_line l JOIN statement st ON st.id = l.statement_id"
            "  WHERE st.number = 'R-' || substr(m.number, 5))"
            " FROM mandate m").fetchall()
        statements = connection.execute("SELECT COUNT(*) FROM statement").fetchone()[0]
    assert statements == len(rows)
    return {batch: (services, lines) for batch, services, lines in rows}


def test_sigkill_at_random_points_never_leaves_half_a_unit_of_work(tmp_path):
    database = tmp_path / "db.sqlite3"
    url = f"sqlite:///{database}"
    migrated_engine(make_url(url), tmp_path / "backups").dispose()
    chance = random.Random(20261122)
    reported: set[int] = set()
    next_batch = 0
    for _ in range(KILLS):
        writer = subprocess.Popen([sys.executable, str(WRITER), url, str(next_batch)], cwd=ROOT,
                                  stdout=subprocess.PIPE, text=True)
        first = writer.stdout.readline()  # the writer is running: its first batch is committed
        reported.add(int(first))
        time.sleep(chance.uniform(0, 0.05))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        reported.update(int(line) for line in out.split())
        present = batches_in(database)
        assert reported <= present.keys()
        assert all(counts == (SERVICES_PER_BATCH, SERVICES_PER_BATCH) for counts in present.values())
        next_batch = max(present) + 1
    engine, report = open_current_database(make_url(url), NOW)
    assert report.applied == ()
    engine.dispose()
