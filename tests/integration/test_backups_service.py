"""Backups from the Paramètres screen on both databases: the folder chosen or the default one,
a verified copy taken now, its state, and a restore that keeps the current data first."""

from datetime import timedelta

import pytest
from sqlalchemy.engine import make_url

from lawyer_billing.app import backup_folder as default_backup_folder
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services.backups import (
    back_up_now,
    backup_folder,
    backup_state,
    choose_backup_folder,
    restore_backup,
)
from lawyer_billing.services.profile import load_profile, save_profile
from lawyer_billing.services.settings import load_preferences
from lawyer_billing.storage.backup import check_backup_file
from lawyer_billing.storage.errors import RestoreRefusedError
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW, migrated_engine


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "migration-backups")
    yield engine
    engine.dispose()


def chosen_folder(engine, folder):
    with UnitOfWork(engine) as uow:
        choose_backup_folder(uow, str(folder))
    with UnitOfWork(engine) as uow:
        return backup_folder(load_preferences(uow), engine)


def test_the_state_says_whether_copies_are_also_taken_at_start_up(engine, database_url):
    with UnitOfWork(engine) as uow:
        assert backup_state(uow, engine).daily is (database_url.get_backend_name() == "sqlite")


def test_without_a_chosen_folder_backups_go_beside_the_database(engine):
    with UnitOfWork(engine) as uow:
        state = backup_state(uow, engine)
    assert state.folder == default_backup_folder(engine.url).path and state.is_default


def test_a_copy_taken_now_is_verified_and_shows_in_the_state(engine, tmp_path):
    chosen_folder(engine, tmp_path / "Sauvegardes")
    with UnitOfWork(engine) as uow:
        assert backup_state(uow, engine).newest_taken_at is None
    copy = back_up_now(engine, NOW)
    check_backup_file(copy)
    assert copy.parent == tmp_path / "Sauvegardes" and "manuelle" in copy.name
    back_up_now(engine, NOW + timedelta(hours=1))
    with UnitOfWork(engine) as uow:
        state = backup_state(uow, engine)
    assert (state.folder, state.newest_taken_at, state.count, state.is_default) == (
        tmp_path / "Sauvegardes", NOW + timedelta(hours=1), 2, False)


def test_a_folder_that_cannot_be_used_is_refused_beside_its_field(engine, tmp_path):
    (tmp_path / "fichier.txt").write_text("pas un dossier")
    for wrong in ("Sauvegardes", str(tmp_path / "fichier.txt")):
        with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
            choose_backup_folder(uow, wrong)
        assert refused.value.problems[0].field == "backup_folder"
    with UnitOfWork(engine) as uow:
        assert load_preferences(uow).backup_folder == ""


def test_restore_brings_the_copy_back_and_keeps_the_replaced_data(engine, database_url, tmp_path):
    folder = chosen_folder(engine, tmp_path / "Sauvegardes")
    with UnitOfWork(engine) as uow:
        save_profile(uow, LawyerProfile(name="Me Anne Tremblay"), user="atremblay", now=NOW)
    copy = back_up_now(engine, NOW)
    with UnitOfWork(engine) as uow:
        save_profile(uow, LawyerProfile(name="Me Louis Bélanger"), user="atremblay", now=NOW)
    kept = restore_backup(engine, copy, NOW + timedelta(minutes=5))
    with UnitOfWork(engine) as uow:
        assert load_profile(uow).name == "Me Anne Tremblay"
    assert kept.parent == folder.path and "avant-restauration" in kept.name
    kept_engine = migrated_engine(make_url(f"sqlite:///{kept}"), tmp_path / "other")
    with UnitOfWork(kept_engine) as uow:
        assert load_profile(uow).name == "Me Louis Bélanger"
    kept_engine.dispose()


def test_a_file_that_is_not_a_backup_changes_nothing(engine, tmp_path):
    folder = chosen_folder(engine, tmp_path / "Sauvegardes")
    stranger = tmp_path / "notes.sqlite3"
    stranger.write_text("ceci n'est pas une base")
    with pytest.raises(RestoreRefusedError, match="n'est pas une sauvegarde"):
        restore_backup(engine, stranger, NOW)
    assert folder.backups() == []
    with UnitOfWork(engine) as uow:
        assert load_preferences(uow).backup_folder == str(tmp_path / "Sauvegardes")
