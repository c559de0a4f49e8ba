"""Two workstations edit the same mandate: the second save is refused, both versions are shown
side by side, and the lawyer keeps theirs or takes the stored one; nothing typed is lost.

The other workstation is another unit of work on the same database (SQLite and PostgreSQL),
and, once, another process writing the same SQLite file."""

import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from lawyer_billing.domain.mandate import Mandate, MatterType
from lawyer_billing.services.mandates import save_mandate
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.repositories import MandateRepository
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.screens import mandates
from tests.gui.keyboard import type_in
from tests.gui.showing import show_screen
from tests.helpers import migrated_engine

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2024, 11, 22, 9, 30)


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    yield engine
    engine.dispose()


def workstation(engine, user):
    return AppContext(engine=engine, database="cabinet", clock=lambda: NOW, user=user)


def stored(engine, mandate_id):
    with workstation(engine, "lecture").unit_of_work() as uow:
        return MandateRepository(uow.session).get(mandate_id)


@pytest.fixture
def mandate(engine):
    with workstation(engine, "atremblay").unit_of_work() as uow:
        return save_mandate(uow, Mandate(number="500-01-000001-241", client_name="Zoé L'Heureux",
                                         issued_on=date(2024, 5, 2), matter_type=MatterType.CRIMINAL_PENAL,
                                         court="Cour du Québec"), user="atremblay", now=NOW)


def edit_then_conflict(qtbot, engine, mandate, save_elsewhere):
    """Workstation A opens the mandate and types; someone saves it first; A presses Enter."""
    screen = show_screen(qtbot, mandates.Screen(workstation(engine, "atremblay")), 1200, 800)
    screen.edit_mandate()
    form = screen.mandate_form
    type_in(qtbot, form.fields["client_file_number"], "D-1")
    type_in(qtbot, form.fields["notes"], "Remise au 12 juillet")
    save_elsewhere()
    qtbot.keyClick(form.fields["client_file_number"], Qt.Key.Key_Return)
    assert screen.conflict is not None and screen.conflict.isVisible()
    return screen, form


def save_on_workstation_b(engine, mandate):
    with workstation(engine, "bgagnon").unit_of_work() as uow:
        save_mandate(uow, replace(mandate, court="Cour supérieure", client_file_number="D-9"), user="bgagnon", now=NOW)


def rows_of(dialog):
    table = dialog.table
    return {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text()) for r in range(table.rowCount())}


def test_keep_my_version_saves_it_over_the_new_one(qtbot, engine, mandate, dialogs):
    screen, form = edit_then_conflict(qtbot, engine, mandate, lambda: save_on_workstation_b(engine, mandate))
    dialog = screen.conflict
    shown = rows_of(dialog)
    assert shown["Cour"] == ("Cour supérieure", "Cour du Québec")
    assert shown["Dossier du client"] == ("D-9", "D-1")
    assert shown["Notes"] == ("", "Remise au 12 juillet")
    assert set(dialog.differences) == {"court", "client_file_number", "notes"}
    assert screen.pages.currentWidget() is form and form.fields["client_file_number"].text() == "D-1"
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    saved = stored(engine, mandate.id)
    assert (saved.court, saved.client_file_number, saved.notes, saved.version) == (
        "Cour du Québec", "D-1", "Remise au 12 juillet", 3)
    assert screen.pages.currentWidget() is screen.splitter and dialogs.warnings == []
    with workstation(engine, "lecture").unit_of_work() as uow:
        trail = [(e.user, e.action) for e in AuditTrail(uow.session).of("mandate", mandate.id)]
    assert trail == [("atremblay", "create"), ("bgagnon", "update"), ("atremblay", "update")]


def test_take_the_stored_version(qtbot, engine, mandate, dialogs):
    screen, form = edit_then_conflict(qtbot, engine, mandate, lambda: save_on_workstation_b(engine, mandate))
    qtbot.mouseClick(screen.conflict.take_button, Qt.MouseButton.LeftButton)
    assert form.fields["court"].text() == "Cour supérieure" and form.fields["client_file_number"].text() == "D-9"
    assert not form.has_unsaved_changes()
    qtbot.keyClick(form.fields["court"], Qt.Key.Key_Escape)  # nothing typed since: leaves without asking
    assert screen.pages.currentWidget() is screen.splitter and dialogs.questions == []
    assert screen.detail.field_values["court"].text() == "Cour supérieure"


def test_going_back_to_the_form_keeps_what_was_typed(qtbot, engine, mandate, dialogs):
    screen, form = edit_then_conflict(qtbot, engine, mandate, lambda: save_on_workstation_b(engine, mandate))
    qtbot.keyClick(screen.conflict, Qt.Key.Key_Escape)
    assert not screen.conflict.isVisible()
    assert form.fields["client_file_number"].text() == "D-1" and form.has_unsaved_changes()
    assert stored(engine, mandate.id).client_file_number == "D-9"


WRITER = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from datetime import datetime
    from sqlalchemy.engine import make_url
    from lawyer_billing.services.mandates import save_mandate
    from lawyer_billing.storage.database import open_database
    from lawyer_billing.storage.repositories import MandateRepository
    from lawyer_billing.storage.unit_of_work import UnitOfWork

    engine = open_database(make_url(sys.argv[1]))
    with UnitOfWork(engine) as uow:
        mandate = MandateRepository(uow.session).get(int(sys.argv[2]))
        save_mandate(uow, replace(mandate, matter="Affaire L'Heureux"), user="poste2",
                     now=datetime(2024, 11, 22, 9, 31))
""")


def test_another_process_saves_between_the_screens_load_and_save(qtbot, engine, mandate, dialogs):
    if engine.dialect.name != "sqlite":
        pytest.skip("the other process writes the same SQLite file")

    def other_process():
        subprocess.run([sys.executable, "-c", WRITER, str(engine.url), str(mandate.id)], cwd=ROOT, check=True,
                       timeout=60)

    screen, form = edit_then_conflict(qtbot, engine, mandate, other_process)
    assert rows_of(screen.conflict)["Affaire"] == ("Affaire L'Heureux", "")
    qtbot.mouseClick(screen.conflict.keep_button, Qt.MouseButton.LeftButton)
    saved = stored(engine, mandate.id)
    assert (saved.client_file_number, saved.matter, saved.version) == ("D-1", "", 3)
