"""Shared fixtures: Qt offscreen, and a fresh database of each kind the application supports.

``database_url`` runs a test against SQLite and, when the test script has started its
throw-away PostgreSQL server (``LAWYER_BILLING_TEST_PG``), against PostgreSQL too.
"""

import os
import uuid
from datetime import datetime

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PG_ENV = "LAWYER_BILLING_TEST_PG"
NOW = datetime(2026, 11, 22, 9, 30)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield make_url(f"sqlite:///{tmp_path / 'lawyer_billing.sqlite3'}")
        return
    server = os.environ.get(PG_ENV)
    if not server:
        pytest.skip(f"{PG_ENV} n'est pas défini (scripts/test démarre un serveur PostgreSQL)")
    name = f"lb_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(server).set(database=name)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
