"""Fixtures of the GUI tests: the application styled as it runs, a fresh SQLite database
migrated to head, and the dialogs a screen would show, answered and recorded by the test
instead of blocking it."""

from dataclasses import dataclass, field

import pytest
from sqlalchemy.engine import make_url

from lawyer_billing.ui import operations
from lawyer_billing.ui.application_style import apply_style
from lawyer_billing.ui.widgets import edit_form, statement_dialogs
from tests.helpers import migrated_engine


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application with the application's style sheet, so that what a test grabs
    looks as the lawyer sees it."""
    apply_style(qapp)
    return qapp


@pytest.fixture
def engine(tmp_path):
    """The file is named as the application names it, so backups made from it are too."""
    engine = migrated_engine(make_url(f"sqlite:///{tmp_path / 'lawyer_billing.sqlite3'}"), tmp_path / "backups")
    yield engine
    engine.dispose()


@dataclass
class Dialogs:
    """What the screen would have shown in a dialog, and the answer to its questions. An
    unexpected error fails the test where it happens; a warning must be taken by the test
    (``take_warnings``), or the test fails when it ends."""

    warnings: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    answer: bool = True

    def take_warnings(self) -> list[str]:
        taken, self.warnings = self.warnings, []
        return taken

    def ask(self, parent, title, text) -> bool:
        self.questions.append(text)
        return self.answer


@pytest.fixture
def dialogs(monkeypatch):
    shown = Dialogs()
    monkeypatch.setattr(operations, "warn", lambda parent, title, text: shown.warnings.append(text))
    monkeypatch.setattr(operations, "report_error",
                        lambda parent, text, details: pytest.fail(f"unexpected error: {text}\n{details}"))
    monkeypatch.setattr(edit_form, "ask", shown.ask)
    monkeypatch.setattr(statement_dialogs, "confirm", shown.ask)
    yield shown
    assert shown.warnings == [], "a warning the test did not expect"
