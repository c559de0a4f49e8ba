"""The daily start-up backup goes to the folder chosen in Paramètres, and a chosen folder that
cannot be written (a disconnected drive) never stops the application from starting."""

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy.engine import make_url

from lawyer_billing.app import open_current_database
from lawyer_billing.services.settings import load_preferences, save_preferences
from lawyer_billing.storage.unit_of_work import UnitOfWork

NOW = datetime(2026, 11, 22, 8, 0)


def choose(engine, folder: str) -> None:
    with UnitOfWork(engine) as uow:
        save_preferences(uow, replace(load_preferences(uow), backup_folder=folder))
        uow.commit()


def test_the_daily_backup_goes_to_the_chosen_folder(tmp_path):
    url = make_url(f"sqlite:///{tmp_path / 'data' / 'lb.sqlite3'}")
    (tmp_path / "data").mkdir()
    engine, _ = open_current_database(url, NOW)
    choose(engine, str(tmp_path / "usb"))
    engine.dispose()
    engine, _ = open_current_database(url, NOW + timedelta(days=1, minutes=1))
    engine.dispose()
    assert len(list((tmp_path / "usb").glob("*.sqlite3"))) == 1


def test_an_unwritable_chosen_folder_falls_back_beside_the_database(tmp_path):
    url = make_url(f"sqlite:///{tmp_path / 'data' / 'lb.sqlite3'}")
    (tmp_path / "data").mkdir()
    engine, _ = open_current_database(url, NOW)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    choose(engine, str(blocker / "backups"))
    engine.dispose()
    before = len(list((tmp_path / "data" / "backups").glob("*.sqlite3")))
    engine, _ = open_current_database(url, NOW + timedelta(days=1, minutes=1))
    engine.dispose()
    assert len(list((tmp_path / "data" / "backups").glob("*.sqlite3"))) == before + 1
