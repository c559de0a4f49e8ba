"""Every screen reports problems the same way: beside the field, as a sentence, or with details."""

from datetime import date

from lawyer_billing.domain.validation import FieldProblem, InvalidRecord
from lawyer_billing.storage.errors import ConcurrentEditError
from lawyer_billing.ui import operations
from lawyer_billing.ui.widgets.fields import FieldMessages


def test_field_problems_go_beside_fields_and_the_rest_in_one_message(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(operations, "warn", lambda parent, title, text: shown.append((title, text)))
    messages = FieldMessages()
    messages.label_for("number")

    def save():
        raise InvalidRecord([FieldProblem("number", "Le numéro du mandat est obligatoire."),
                             FieldProblem("elsewhere", "Autre problème.")])

    assert operations.attempt(None, save, messages) is None
    assert messages.message("number") == "Le numéro du mandat est obligatoire."
    assert shown == [("À corriger", "Autre problème.")]


def test_a_storage_refusal_is_its_sentence(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(operations, "warn", lambda parent, title, text: shown.append(text))

    def save():
        raise ConcurrentEditError("Cet enregistrement a été modifié ailleurs.")

    operations.attempt(None, save)
    assert shown == ["Cet enregistrement a été modifié ailleurs."]


def test_an_unexpected_error_is_logged_and_shown_with_its_details(qtbot, monkeypatch, caplog):
    reported = []
    monkeypatch.setattr(operations, "report_error", lambda parent, text, details: reported.append((text, details)))
    assert operations.attempt(None, lambda: date(2024, 2, 30)) is None
    assert "rien n'a été enregistré" in reported[0][0] and "ValueError" in reported[0][1]
    assert "erreur inattendue" in caplog.text


def test_a_successful_action_returns_its_result(qtbot):
    assert operations.attempt(None, lambda: 42) == 42
