"""Whatever is typed in the mandate form or in a row of Journée d'audience, the screen never
fails and never saves half a record: it saves a valid record, or says beside a field what to
change, and nothing is stored."""

from datetime import date, datetime

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from lawyer_billing.domain.mandate import Mandate, MatterType, mandate_problems
from lawyer_billing.domain.tariff import shipped_tariff
from lawyer_billing.services.mandates import save_mandate
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.repositories import MandateRepository, ServiceRepository
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.screens import court_day, mandates
from tests.gui.fuzzing import FORM_SETTINGS, filled, long_text, mostly_valid, tricky_dates, tricky_times, type_over, typed

NOW = datetime(2024, 6, 3, 17, 0)


MANDATE_FIELDS = mostly_valid(
    valid={"number": filled, "client_name": filled, "client_file_number": typed, "court": typed, "district": typed,
           "matter": typed, "notes": typed, "issued_on": st.sampled_from(["2024-05-02", "3 juin", "1er juin 2024"]),
           "aid_ceased_on": st.just(""), "ended_on": st.just(""), "judgment_on": st.just("")},
    garbled={"number": st.one_of(typed, long_text), "client_name": st.one_of(typed, long_text),
             "court": long_text, "notes": long_text, "issued_on": tricky_dates, "aid_ceased_on": tricky_dates,
             "ended_on": tricky_dates, "judgment_on": tricky_dates},
)
DAY_FIELDS = mostly_valid(
    valid={"day": st.sampled_from(["2024-06-03", "3 juin", "4/6/2024"]), "court": filled,
           "mandate": st.sampled_from(["000001", "000002", "roy"]), "code": st.sampled_from(["T127", "t 120", "T115"]),
           "start": st.sampled_from(["", "9:30", "13 h"]), "end": st.sampled_from(["", "23:59"]), "group": typed},
    garbled={"day": tricky_dates, "court": st.one_of(typed, long_text), "mandate": st.one_of(typed, st.just("heureux")),
             "code": st.one_of(typed, st.sampled_from(["T9999", "T98", "T64 c)"])), "start": tricky_times,
             "end": tricky_times},
)


@pytest.fixture
def context(engine):
    context = AppContext(engine=engine, database="test", clock=lambda: NOW, user="atremblay")
    for number, client in (("500-01-000001-241", "Zoé L'Heureux"), ("500-01-000002-241", "Jean Roy")):
        with context.unit_of_work() as uow:
            save_mandate(uow, Mandate(number=number, client_name=client, issued_on=date(2024, 5, 2),
                                      matter_type=MatterType.CRIMINAL_PENAL), user="atremblay", now=NOW)
    return context


def shown_screen(qtbot, screen):
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    screen.refresh()
    return screen


def stored_mandates(context):
    with context.unit_of_work() as uow:
        return MandateRepository(uow.session).all()


def stored_services(context):
    with context.unit_of_work() as uow:
        return [s for m in MandateRepository(uow.session).all() for s in ServiceRepository(uow.session).for_mandate(m.id)]


@pytest.fixture
def mandate_screen(qtbot, context, dialogs):
    return shown_screen(qtbot, mandates.Screen(context))


@FORM_SETTINGS
@given(texts=MANDATE_FIELDS, reason=st.sampled_from([0, 0, 0, 1, 2, 6]))
def test_whatever_is_typed_in_the_mandate_form(qtbot, mandate_screen, context, dialogs, texts, reason):
    screen = mandate_screen
    screen.new_mandate()
    form = screen.mandate_form
    before = stored_mandates(context)
    for name, text in texts.items():
        type_over(qtbot, form.fields[name], text)
    form.fields["end_reason"].setCurrentIndex(reason)
    qtbot.keyClick(form.fields["number"], Qt.Key.Key_Return)
    after = stored_mandates(context)
    assert dialogs.warnings == []
    if screen.pages.currentWidget() is form:
        event("refused, with a message beside a field")
        assert after == before
        assert any(form.messages.message(name) for name in form.fields), "nothing said why it was not saved"
        dialogs.answer = True
        form.cancel()
    else:
        event("saved")
        [new] = [m for m in after if m not in before]
        assert mandate_problems(new) == []
        assert (new.number, new.client_name, new.notes) == (texts["number"].strip(), texts["client_name"].strip(),
                                                            texts["notes"])
        with context.unit_of_work() as uow:
            assert [e.action for e in AuditTrail(uow.session).of("mandate", new.id)] == ["create"]


@pytest.fixture
def day_screen(qtbot, context, dialogs):
    return shown_screen(qtbot, court_day.Screen(context))


@FORM_SETTINGS
@given(texts=DAY_FIELDS, disposition=st.integers(0, 8))
def test_whatever_is_typed_in_a_row_of_the_day(qtbot, day_screen, context, dialogs, texts, disposition):
    screen = day_screen
    dialogs.answer = True
    screen.clear()
    before = stored_services(context)
    row = screen.grid.rows[0]
    fields = {"day": screen.day_field, "court": screen.court, "group": row.fields["co_accused_group"],
              **{name: row.fields[name] for name in ("mandate", "code", "start", "end")}}
    for name, text in texts.items():
        type_over(qtbot, fields[name], text)
    row.fields["disposition"].setCurrentIndex(disposition)
    qtbot.keyClick(row.fields["co_accused_group"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    after = stored_services(context)
    assert dialogs.warnings == []
    if len(after) == len(before):
        event("refused, with a message beside a field")
        messages = [row.message.text() for row in screen.grid.rows] + [
            screen.messages.message("day"), screen.messages.message("court"), screen.status.text()]
        assert any(messages), "nothing said why the day was not saved"
    else:
        event("saved")
        [new] = [s for s in after if s not in before]
        assert new.code in shipped_tariff() and new.court == texts["court"].strip() and new.court
        assert new.start is None or new.end is None or new.start < new.end
        assert screen.grid.is_blank() and screen.status.text().startswith("1 présence enregistrée")
