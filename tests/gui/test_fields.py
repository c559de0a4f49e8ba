"""Typed fields read what a lawyer types, and problems show beside their field."""

from datetime import date, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.typed_input import TypedInputError
from lawyer_billing.domain.validation import FieldProblem
from lawyer_billing.ui.widgets.fields import DateField, FieldMessages, MoneyField, TimeField


def test_fields_read_typed_text_and_show_values(qtbot):
    day = DateField(lambda: date(2026, 11, 22))
    qtbot.addWidget(day)
    qtbot.keyClicks(day, "3 juin")
    assert day.value() == date(2026, 6, 3)
    day.set_value(date(2024, 6, 3))
    assert day.text() == "2024-06-03" and day.calendar.selectedDate().toPython() == date(2024, 6, 3)
    amount, start = MoneyField(), TimeField()
    amount.set_value(Decimal("1234.5"))
    assert amount.text() == "1\xa0234,50" and amount.value() == Decimal("1234.50")
    start.setText("9 h 30")
    assert start.value() == time(9, 30)
    assert TimeField().value() is None  # optional and empty


def test_a_required_date_left_empty_is_a_problem(qtbot):
    day = DateField(lambda: date(2026, 11, 22))
    qtbot.addWidget(day)
    with pytest.raises(TypedInputError, match="vide"):
        day.value()


def test_every_problem_shows_under_its_own_field(qtbot):
    messages = FieldMessages()
    first, second = messages.label_for("issued_on"), messages.label_for("client_name")
    fields = {"issued_on": DateField(lambda: date(2026, 11, 22))}
    fields["issued_on"].setText("2024-02-30")
    _, problems = messages.read(fields)
    messages.show(problems + [FieldProblem("client_name", "Le nom du client est obligatoire.")])
    assert "n'existe pas au calendrier" in messages.message("issued_on")
    assert messages.message("client_name") == "Le nom du client est obligatoire."
    messages.clear()
    assert messages.message("issued_on") == "" and first.isHidden() and second.isHidden()


def test_multi_line_text_keeps_no_break_spaces_and_line_breaks(qtbot):
    from PySide6.QtWidgets import QPlainTextEdit

    from lawyer_billing.ui.widgets.typed_text import typed_text

    notes = QPlainTextEdit()
    qtbot.addWidget(notes)
    notes.setPlainText("Me\u00a0Tremblay : 1\u202f234 $\nRequête en arrêt")
    assert typed_text(notes) == "Me\u00a0Tremblay : 1\u202f234 $\nRequête en arrêt"
