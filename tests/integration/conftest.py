"""Fixtures of the integration tests: a database of each kind migrated to head, and the
lawyer's stored work built on it."""

import pytest

from tests.helpers import StoredWork, migrated_engine


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    yield engine
    engine.dispose()


@pytest.fixture
def work(engine):
    return StoredWork(engine)
