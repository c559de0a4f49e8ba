"""The ``lawyer-billing`` command as a user runs it: exit codes, one sentence on error, never a
traceback, and the user's data never overwritten."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from lawyer_billing import __version__


def run(*args, env_extra=None):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run(
        [sys.executable, "-m", "lawyer_billing", *args], capture_output=True, text=True, env=env,
        timeout=120,
    )


def assert_one_sentence(result, fragment):
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and fragment in lines[0], result.stderr


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"lawyer-billing {__version__}"


def test_self_test_migrates_a_throwaway_database_and_opens_the_window():
    result = run("--self-test")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("self-test: ok") and "platform: offscreen" in result.stdout


def test_backup_then_restore_round_trip_keeps_the_replaced_data(tmp_path):
    db = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    assert run("--db", db, "backup", str(tmp_path / "copie.sqlite3")).returncode == 0
    with sqlite3.connect(tmp_path / "db.sqlite3") as connection:
        connection.execute("INSERT INTO setting VALUES ('langue', 'fr')")
    result = run("--db", db, "restore", str(tmp_path / "copie.sqlite3"))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "db.sqlite3") as connection:
        assert connection.execute("SELECT COUNT(*) FROM setting").fetchone()[0] == 0
    kept = list((tmp_path / "backups").glob("*avant-restauration*"))
    with sqlite3.connect(kept[0]) as connection:
        assert connection.execute("SELECT value FROM setting").fetchone()[0] == "fr"


def test_backup_never_overwrites_an_existing_file(tmp_path):
    existing = tmp_path / "precieux.sqlite3"
    existing.write_text("à garder")
    result = run("--db", f"sqlite:///{tmp_path / 'db.sqlite3'}", "backup", str(existing))
    assert_one_sentence(result, "existe déjà")
    assert existing.read_text() == "à garder"


@pytest.mark.parametrize("content", [b"", b"texte quelconque", b"SQLite format 3\x00" + b"\x00" * 100])
def test_restore_refuses_what_is_not_a_lawyer_billing_backup(tmp_path, content):
    db = tmp_path / "db.sqlite3"
    assert run("--db", f"sqlite:///{db}", "backup", str(tmp_path / "ok.sqlite3")).returncode == 0
    before = db.read_bytes()
    source = tmp_path / "intrus.sqlite3"
    source.write_bytes(content)
    result = run("--db", f"sqlite:///{db}", "restore", str(source))
    assert_one_sentence(result, "intrus.sqlite3")
    assert db.read_bytes() == before


def test_restore_from_a_folder_says_it_is_a_folder_and_changes_nothing(tmp_path):
    db = tmp_path / "db.sqlite3"
    assert run("--db", f"sqlite:///{db}", "backup", str(tmp_path / "ok.sqlite3")).returncode == 0
    before = db.read_bytes()
    result = run("--db", f"sqlite:///{db}", "restore", str(tmp_path))
    assert_one_sentence(result, "est un dossier")
    assert db.read_bytes() == before


def test_corrupt_database_file(tmp_path):
    db = tmp_path / "abime.sqlite3"
    db.write_bytes(b"\x00garbage" * 50)
    result = run("--db", f"sqlite:///{db}", "backup", str(tmp_path / "x.sqlite3"))
    assert_one_sentence(result, "n'est pas une base de données lawyer_billing")
    assert db.read_bytes() == b"\x00garbage" * 50


def test_unreachable_postgresql():
    result = run("--db", "postgresql+psycopg://avocat:secret@127.0.0.1:1/cabinet", "backup", "/dev/null")
    assert_one_sentence(result, "Impossible de joindre la base de données")
    assert "secret" not in result.stderr


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nobody can write in, root included (root ignores permission bits: the
    immutable attribute stops it too)."""
    folder = tmp_path / "lecture-seule"
    folder.mkdir()
    if os.geteuid() == 0:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
            pytest.skip("chattr +i n'est pas disponible ici pour rendre un dossier non modifiable par root")
        yield folder
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)


def test_read_only_data_folder(read_only_folder, tmp_path):
    result = run("--db", f"sqlite:///{read_only_folder / 'db.sqlite3'}", "backup", str(tmp_path / "x.sqlite3"))
    assert_one_sentence(result, "n'est pas accessible en écriture")
    assert list(read_only_folder.iterdir()) == []


def test_no_display_gives_a_sentence_instead_of_a_crash(tmp_path):
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    result = subprocess.run([sys.executable, "-m", "lawyer_billing", "--db", f"sqlite:///{tmp_path / 'db.sqlite3'}"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert_one_sentence(result, "Aucun affichage graphique")


def test_demo_refuses_a_day_outside_the_years_and_creates_nothing(tmp_path):
    result = run("--db", f"sqlite:///{tmp_path / 'demo.sqlite3'}", "demo", "--mandates", "3", "--today", "9999-06-01")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == "Erreur : argument --today: « 9999-06-01 » est hors des années 1900 à 2999"
    assert not (tmp_path / "demo.sqlite3").exists()


def test_an_output_read_only_in_part_is_no_error(tmp_path):
    """``lawyer-billing tariff search ... | head -1``: the reader goes away, the command stops
    without a word on stderr."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path / "state")}
    command = [sys.executable, "-m", "lawyer_billing", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}", "tariff", "search", "a"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as process:
        first = process.stdout.readline()
        process.stdout.close()
        stderr = process.stderr.read().decode()
        process.wait(timeout=120)
    assert first.startswith(b"T")
    assert stderr == ""
    assert not (tmp_path / "state" / "lawyer_billing" / "log" / "lawyer_billing.log").read_text().count("Traceback")
