"""``lawyer-billing deadlines`` as a user runs it on a SQLite file: one French line per deadline
by urgency, ``--days``, ``--ics``, the dated log, and one sentence for a mistyped option."""

import os
import stat
import subprocess
import sys
from datetime import date

import pytest
from sqlalchemy.engine import make_url

from lawyer_billing.domain.mandate import EndReason
from lawyer_billing.services import penal_deadlines
from lawyer_billing.storage.deadline_log_store import DeadlineLog
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW, StoredWork, migrated_engine, payment_work


def run(db: str, *args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "lawyer_billing", "--db", db, "deadlines", *args],
                          capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture
def database(tmp_path):
    """A file with three deadlines on 22 November 2026, each counted in its test below."""
    url = f"sqlite:///{tmp_path / 'cabinet.sqlite3'}"
    engine = migrated_engine(make_url(url), tmp_path / "backups")
    work = StoredWork(engine)
    # art. 15: withdrawn 20 November 2023 -> Friday 20 November 2026, two days ago
    work.mandate("500-01-000002-231", "Marc Côté", issued=date(2023, 1, 9), ended=date(2023, 11, 20),
                 reason=EndReason.WITHDRAWAL)
    # art. 15: received 30 October 2026 -> 29 November, a Sunday -> Monday 30 November
    payment_work(work)
    # art. 15: judgment 8 April 2024 -> 30th day 8 May 2024 -> 8 May 2027, a Saturday -> 10 May
    work.mandate("500-01-000001-241", "Zoé L'Heureux", ended=date(2024, 4, 8), reason=EndReason.JUDGMENT,
                 judgment=date(2024, 4, 8))
    yield url, engine
    engine.dispose()


def test_deadlines_are_listed_by_urgency_one_per_line(database):
    url, engine = database
    result = run(url, "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Échéances au 22 novembre 2026",
        "",
        "En retard",
        "  2026-11-20  Transmission du relevé d'honoraires — Mandat 500-01-000002-231 (Marc Côté)"
        "  (entente art. 15)  en retard de 2 jours",
        "",
        "Ce mois-ci (30 jours)",
        "  2026-11-30  Paiement du relevé d'honoraires — Relevé R-2026-014 (Nadia Roy)"
        "  (entente art. 15)  dans 8 jours (rappel : 30 j)",
        "",
        "Plus tard",
        "  2027-05-10  Transmission du relevé d'honoraires — Mandat 500-01-000001-241 (Zoé L'Heureux)"
        "  (entente art. 15)  dans 169 jours",
    ]
    with UnitOfWork(engine) as uow:
        logged = DeadlineLog(uow.session).of("mandate", "500-01-000002-231")
    assert [(e.kind, e.due, e.state) for e in logged] == [("filing", date(2026, 11, 20), "overdue")]


def test_days_keeps_what_is_due_soon_and_ics_writes_the_calendar(database, tmp_path):
    url, _ = database
    calendar = tmp_path / "agenda" / "échéances.ics"
    result = run(url, "--today", "2026-11-23", "--days", "7", "--ics", str(calendar))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Échéances au 23 novembre 2026, 7 prochains jours",
        "",
        "En retard",
        "  2026-11-20  Transmission du relevé d'honoraires — Mandat 500-01-000002-231 (Marc Côté)"
        "  (entente art. 15)  en retard de 3 jours",
        "",
        "Cette semaine (7 jours)",
        "  2026-11-30  Paiement du relevé d'honoraires — Relevé R-2026-014 (Nadia Roy)"
        "  (entente art. 15)  dans 7 jours (rappel : 7 j)",
        "",
        f"Calendrier écrit dans {calendar} (2 échéances).",
    ]
    text = calendar.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == 2 and "DTSTART;VALUE=DATE:20261120" in text
    assert stat.S_IMODE(calendar.stat().st_mode) == 0o600


def test_an_empty_database_says_there_is_nothing(tmp_path):
    result = run(f"sqlite:///{tmp_path / 'neuve.sqlite3'}", "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["Échéances au 22 novembre 2026", "Aucune échéance."]


@pytest.mark.parametrize(("option", "fragment"), [
    (("--today", "2026-02-30"), "« 2026-02-30 » n'est pas une date AAAA-MM-JJ"),
    (("--days", "-3"), "« -3 » n'est pas un nombre de jours"),
    (("--today", "0001-01-01"), "« 0001-01-01 » est hors des années 1900 à 2999"),
    (("--today", "20261122"), "« 20261122 » n'est pas une date AAAA-MM-JJ"),
])
def test_a_mistyped_option_is_one_french_sentence(tmp_path, option, fragment):
    result = run(f"sqlite:///{tmp_path / 'neuve.sqlite3'}", *option)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert fragment in result.stderr.splitlines()[-1], result.stderr


def test_a_folder_as_calendar_is_refused_before_anything_is_read(database, tmp_path):
    url, engine = database
    result = run(url, "--ics", str(tmp_path))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.splitlines() == [f"« {tmp_path} » est un dossier : donnez le nom du fichier .ics à écrire."]
    with UnitOfWork(engine) as uow:
        assert DeadlineLog(uow.session).of("mandate", "500-01-000002-231") == []


def test_a_calendar_that_cannot_be_written_is_one_french_sentence(database, tmp_path):
    url, _ = database
    blocker = tmp_path / "un-fichier"
    blocker.write_text("x")
    result = run(url, "--ics", str(blocker / "agenda.ics"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"Impossible d'écrire le calendrier « {blocker / 'agenda.ics'} » : File exists."]


def test_a_followed_penal_period_is_listed_until_done(tmp_path):
    # CPP art. 271: appeal within 30 days of the judgment of Thursday 12 November 2026; the
    # 30th day, Saturday 12 December, moves to Monday 14 December (art. 17).
    url = f"sqlite:///{tmp_path / 'cabinet.sqlite3'}"
    engine = migrated_engine(make_url(url), tmp_path / "backups")
    mandate = StoredWork(engine).mandate("500-73-000123-261", "Zoé L'Heureux", issued=date(2026, 10, 1))
    with UnitOfWork(engine) as uow:
        followed = penal_deadlines.follow(uow, mandate, "appeal", date(2026, 11, 12), "", user="atremblay", now=NOW)
    result = run(url, "--today", "2026-11-22")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Échéances au 22 novembre 2026",
        "",
        "Ce mois-ci (30 jours)",
        "  2026-12-14  Appel à la Cour supérieure (C.p.p. art. 271) — Mandat 500-73-000123-261 (Zoé L'Heureux)"
        "  (C.p.p. art. 271)  dans 22 jours (rappel : 30 j)",
    ]
    with UnitOfWork(engine) as uow:
        penal_deadlines.mark_done(uow, followed.id, version=followed.version, done_on=date(2026, 11, 20),
                                  user="atremblay", now=NOW)
    engine.dispose()
    assert run(url, "--today", "2026-11-22").stdout.splitlines()[1:] == ["Aucune échéance."]
