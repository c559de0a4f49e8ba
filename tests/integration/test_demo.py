"""The demonstration database: deterministic for a seed, made of real tariff items used as a
lawyer uses them, computed by the same engine as the lawyer's own files, and never written
into a database that already holds something."""

import os
import sqlite3
import subprocess
import sys
from datetime import date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from lawyer_billing.domain.deadlines import DeadlineState
from lawyer_billing.domain.mandate import LegalAidOffice, Mandate, MatterType
from lawyer_billing.domain.tariff import shipped_tariff
from lawyer_billing.services.demo import DEMO_NOTE, create_demo
from lawyer_billing.services.disputes import list_refusals
from lawyer_billing.services.mandates import add_office, save_mandate
from lawyer_billing.services.statements import StatementStatus, list_statements, prepare_supplementary
from lawyer_billing.services.stored_scenario import compute_stored
from lawyer_billing.storage.billing_records import load_billing_records
from lawyer_billing.storage.bulk_load import DatabaseNotEmptyError
from lawyer_billing.storage.rows import MandateRow, ServiceRow, TravelRow
from lawyer_billing.storage.settings_store import KmRateRepository, ProfileRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import migrated_engine

TODAY = date(2026, 11, 22)
#: Findings that would mean the demo itself is wrong (a code, a date or an hour a lawyer would
#: not enter); the others (a maximum count exceeded...) are the checks a demo should show.
WRONG_DATA = {
    "unknown_code", "unknown_mandate", "not_billable", "outside_mandate", "amount_missing", "no_figure",
    "class_missing", "invalid_times", "amount_ignored", "authorisation_missing", "after_aid_ceased",
    "duplicate_attendance", "amount_unknown",
}


def sqlite_url(path):
    return make_url(f"sqlite:///{path}")


def demo_engine(url, tmp_path, mandates=80, seed=7, statements=False):
    engine = migrated_engine(url, tmp_path / "backups")
    with UnitOfWork(engine) as uow:
        summary = create_demo(uow, mandates=mandates, seed=seed, today=TODAY, statements=statements)
    return engine, summary


def records(engine):
    with UnitOfWork(engine) as uow:
        return load_billing_records(uow.session)


def test_the_same_seed_gives_the_same_database_and_another_seed_another(tmp_path):
    first, _ = demo_engine(sqlite_url(tmp_path / "a.sqlite3"), tmp_path / "a")
    again, _ = demo_engine(sqlite_url(tmp_path / "b.sqlite3"), tmp_path / "b")
    other, _ = demo_engine(sqlite_url(tmp_path / "c.sqlite3"), tmp_path / "c", seed=8)
    assert records(first) == records(again)
    assert records(first).services != records(other).services


def test_the_demo_holds_what_the_summary_says_with_versions_at_one(database_url, tmp_path):
    engine, summary = demo_engine(database_url, tmp_path)
    with UnitOfWork(engine) as uow:
        count = lambda row: uow.session.scalar(select(func.count()).select_from(row))  # noqa: E731
        assert (count(MandateRow), count(ServiceRow), count(TravelRow)) == (
            summary.mandates, summary.services, summary.travel)
        assert summary.mandates == 80 and summary.services > 3 * 80
        assert set(uow.session.scalars(select(ServiceRow.version).distinct())) == {1}
        assert ProfileRepository(uow.session).get().office_district == "Montréal"
        assert {note for _, note in KmRateRepository(uow.session).all().values()} == {DEMO_NOTE}


def test_every_service_is_a_billable_tariff_item_within_its_mandate_and_before_today(tmp_path):
    engine, _ = demo_engine(sqlite_url(tmp_path / "demo.sqlite3"), tmp_path, mandates=300)
    stored = records(engine)
    tariff = shipped_tariff()
    mandates = {m.id: m for m in stored.mandates}
    for service in stored.services:
        assert tariff.item(service.code).kind not in ("rule", "group"), service.code
        mandate = mandates[service.mandate_id]
        assert mandate.issued_on <= service.rendered_on <= (mandate.ended_on or TODAY) <= TODAY
    assert {m.matter_type for m in stored.mandates} >= {
        MatterType.CRIMINAL_PENAL, MatterType.YOUTH_CRIMINAL, MatterType.YOUTH_PROTECTION, MatterType.FAMILY}
    assert len({m.client_name for m in stored.mandates}) > 200
    assert any("'" in m.client_name for m in stored.mandates) and any("-" in m.client_name for m in stored.mandates)
    assert {m.end_reason for m in stored.mandates if m.ended_on} >= {"judgment", "withdrawal", "settlement"}
    assert any(m.ended_on is None for m in stored.mandates)


def test_the_stored_demo_computes_with_the_rules_a_lawyer_would_meet(database_url, tmp_path):
    engine, summary = demo_engine(database_url, tmp_path, mandates=300, seed=11)
    with UnitOfWork(engine) as uow:
        result = compute_stored(uow, TODAY).computation
    assert len(result.lines) == summary.services
    assert all(line.amount is not None for line in result.lines)
    assert not {finding.code for finding in result.findings} & WRONG_DATA
    applied = {rule.code for line in result.lines for rule in line.priced.rules}
    assert applied >= {"T96", "T98", "T99", "T196"}, applied
    assert all(trip.result.amount is not None for trip in result.travel)
    assert [year.fiscal_year for year in result.cap.years] == [
        "2022-2023", "2023-2024", "2024-2025", "2025-2026", "2026-2027"]


def test_statements_in_every_state_billed_and_followed_up_through_the_use_cases(tmp_path):
    engine, summary = demo_engine(sqlite_url(tmp_path / "demo.sqlite3"), tmp_path, mandates=120, statements=True)
    with UnitOfWork(engine) as uow:
        statements = list_statements(uow, TODAY)
        refusals = list_refusals(uow, TODAY)
        oldest = min(statements, key=lambda s: s.id)
        correction = prepare_supplementary(uow, TODAY, oldest.id)
        deadlines = compute_stored(uow, TODAY).computation.deadlines
    assert len(statements) == summary.statements > 10
    assert {s.status for s in statements} == set(StatementStatus)
    assert [r.last_step.step.value for r in refusals] == ["notice_sent_on", "arbitration_letter_sent_on"]
    assert any(s.interest for s in statements)
    assert not [line for line in correction.lines if line.correction], "the demo's work changed after it was billed"
    overdue_filings = [d for d in deadlines if d.subject_kind == "mandate" and d.status.state is DeadlineState.OVERDUE]
    assert not overdue_filings, "an old file was left unbilled past its art. 15 deadline"


def test_refuses_a_database_that_already_holds_work_and_writes_nothing(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    with UnitOfWork(engine) as uow:
        office = add_office(uow, LegalAidOffice("Bureau d'aide juridique de Laval"))
    with UnitOfWork(engine) as uow:
        save_mandate(uow, Mandate("24-01-00001", "Éloïse Gagnon", date(2024, 5, 2), MatterType.FAMILY,
                                  office_id=office.id), user="atremblay", now=datetime(2026, 11, 22, 9))
    with UnitOfWork(engine) as uow, pytest.raises(DatabaseNotEmptyError, match="déjà des données"):
        create_demo(uow, mandates=10, seed=1, today=TODAY)
    assert [m.client_name for m in records(engine).mandates] == ["Éloïse Gagnon"]


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "lawyer_billing", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_the_command_creates_the_demo_then_refuses_to_write_over_it(tmp_path):
    db = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    made = run("--db", db, "demo", "--mandates", "40", "--seed", "2", "--today", "2025-06-30", "--no-statements")
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Base de démonstration créée") and "40 mandats" in made.stdout
    assert "0 relevés" in made.stdout
    with sqlite3.connect(tmp_path / "demo.sqlite3") as connection:
        assert connection.execute("SELECT MAX(rendered_on) FROM service").fetchone()[0] <= "2025-06-30"
    again = run("--db", db, "demo", "--mandates", "40")
    assert again.returncode == 1 and "Traceback" not in again.stderr
    assert again.stderr.strip().splitlines() == [again.stderr.strip()] and "base vide" in again.stderr
    refused = run("--db", db, "demo", "--mandates", "zéro")
    assert refused.returncode == 2 and "n'est pas un nombre de mandats" in refused.stderr
