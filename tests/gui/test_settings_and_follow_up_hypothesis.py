"""Whatever is typed in the forms of Paramètres (profile, km rates, added holidays) and of a
statement's follow-up (received, payment, refusal), the screen never fails and never saves
half a record: it saves what was typed, tidied, or says beside a field what to change, and
the database is as it was."""

from datetime import date, datetime

import pytest
from hypothesis import event, given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from sqlalchemy import text

from lawyer_billing.domain.service import Disposition
from lawyer_billing.services.profile import added_holidays, km_rates, load_profile
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.screens import settings
from lawyer_billing.ui.screens.statements import Screen as StatementsScreen
from tests.gui.fuzzing import (
    FORM_SETTINGS,
    filled,
    long_text,
    mostly_valid,
    tricky_amounts,
    tricky_dates,
    type_over,
    typed,
)
from tests.gui.showing import show_screen
from tests.helpers import Cabinet

NOW = datetime(2026, 11, 22, 9, 30)
GST = st.sampled_from(["", "123456789 RT 0001", "123456789rt0001"])
QST = st.sampled_from(["", "1234567890 TQ 0001", "1234567890tq0001"])
PROFILE_FIELDS = mostly_valid(
    valid={"name": filled, "address": typed, "barreau_number": typed, "csj_number": typed,
           "office_district": typed, "gst_number": GST, "qst_number": QST},
    garbled={"name": st.one_of(typed, long_text), "address": long_text, "barreau_number": st.one_of(typed, long_text),
             "gst_number": typed, "qst_number": st.one_of(typed, st.just("12345678901TQ0001"))},
)
KM_RATE_FIELDS = mostly_valid(
    valid={"effective_on": st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(date.isoformat),
           "rate": st.sampled_from(["0,47", "0.470 $", "0,505 $/km", "1"]), "source_note": filled},
    garbled={"effective_on": tricky_dates, "rate": st.one_of(tricky_amounts, st.sampled_from(["0,4705", "5", "0"])),
             "source_note": st.one_of(typed, long_text)},
)
HOLIDAY_FIELDS = mostly_valid(
    valid={"day": st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(date.isoformat), "label": filled},
    garbled={"day": tricky_dates, "label": st.one_of(typed, long_text)},
)
PAYMENT_FIELDS = mostly_valid(
    valid={"paid_on": st.sampled_from(["2026-11-02", "3 novembre 2026"]),
           "amount": st.sampled_from(["10", "0,01", "49,50 $"])},
    garbled={"paid_on": st.one_of(tricky_dates, st.just("2026-10-01")), "amount": tricky_amounts},
)
REFUSAL_FIELDS = mostly_valid(
    valid={"received_on": st.sampled_from(["2026-11-02", "4/11/2026"]), "reasons": filled,
           "amount_refused": st.sampled_from(["10", "165,00"]), "reference": typed},
    garbled={"received_on": tricky_dates, "reasons": st.one_of(typed, long_text), "amount_refused": tricky_amounts,
             "reference": st.one_of(typed, long_text)},
)


@pytest.fixture
def context(engine):
    return AppContext(engine=engine, database="test", clock=lambda: NOW, user="atremblay")


@pytest.fixture
def settings_screen(qtbot, context):
    return show_screen(qtbot, settings.Screen(context), 1000, 720)


def stored(context, read):
    with context.unit_of_work() as uow:
        return read(uow)


def said_why(section, names) -> bool:
    return any(section.messages.message(name) for name in names)


def typed_into(qtbot, section, texts):
    for name, value in texts.items():
        field = section.findChild(QLineEdit, name) or section.findChild(QPlainTextEdit, name)
        type_over(qtbot, field, value)


@FORM_SETTINGS
@given(texts=PROFILE_FIELDS)
def test_whatever_is_typed_in_the_profile(qtbot, settings_screen, context, dialogs, texts):
    section = settings_screen.show_section("profile")
    before = stored(context, load_profile)
    typed_into(qtbot, section, texts)
    section.save()
    after = stored(context, load_profile)
    if section.status.text() == "Profil enregistré.":
        event("saved")
        assert (after.name, after.address, after.barreau_number) == (
            texts["name"].strip(), texts["address"].strip(), texts["barreau_number"].strip())
        assert after.gst_number in (None, "123456789 RT 0001") and after.qst_number in (None, "1234567890 TQ 0001")
    else:
        event("refused, with a message beside a field")
        assert after == before
        assert said_why(section, texts), "nothing said why the profile was not saved"
        section.load()


@FORM_SETTINGS
@given(texts=KM_RATE_FIELDS)
def test_whatever_is_typed_for_a_km_rate(qtbot, settings_screen, context, dialogs, texts):
    section = settings_screen.show_section("km_rates")
    before = stored(context, km_rates)
    typed_into(qtbot, section, texts)
    qtbot.keyClick(section.source_note, Qt.Key.Key_Return)
    after = stored(context, km_rates)
    if len(after) > len(before):
        event("saved")
        [added] = [rate for rate in after if rate not in before]
        assert 0 < added.rate < 5 and added.rate == added.rate.quantize(added.rate.__class__("0.001"))
        assert added.effective_on.isoformat() == texts["effective_on"] and added.source_note == texts["source_note"].strip()
    else:
        event("refused, with a message beside a field")
        assert after == before
        assert said_why(section, texts), "nothing said why the rate was not added"


@FORM_SETTINGS
@given(texts=HOLIDAY_FIELDS)
def test_whatever_is_typed_for_an_added_holiday(qtbot, settings_screen, context, dialogs, texts):
    section = settings_screen.show_section("holidays")
    before = stored(context, added_holidays)
    typed_into(qtbot, section, texts)
    qtbot.keyClick(section.label, Qt.Key.Key_Return)
    after = stored(context, added_holidays)
    if len(after) > len(before):
        event("saved")
        [added] = [holiday for holiday in after if holiday not in before]
        assert (added.day.isoformat(), added.label) == (texts["day"], texts["label"].strip())
    else:
        event("refused, with a message beside a field")
        assert after == before
        assert said_why(section, texts), "nothing said why the holiday was not added"


@pytest.fixture
def statement_screen(qtbot, engine, context, dialogs):
    """Relevés, on a final statement sent on 2026-10-21 and received on 2026-10-23, open on
    its follow-up tab."""
    cabinet = Cabinet(engine)
    mandate_id = cabinet.mandate("500-01-056789-261", "Olivier Gagnon")
    cabinet.service(mandate_id, "T127", date(2026, 10, 15), court="Saint-Jérôme", disposition=Disposition.GUILTY_PLEA)
    statement_id = cabinet.finalized([mandate_id], date(2026, 10, 20))
    cabinet.sent(statement_id, date(2026, 10, 21))
    screen = show_screen(qtbot, StatementsScreen(context), 1100, 800)
    assert screen.open_record("statement", statement_id)
    screen.detail.tabs.setCurrentIndex(1)
    panel = screen.detail.follow_up
    type_over(qtbot, panel.receive.fields["received_on"], "2026-10-23")
    qtbot.mouseClick(panel.receive.button, Qt.MouseButton.LeftButton)
    assert screen.detail.title.text().endswith("reçu")
    return screen


def follow_up_rows(context) -> tuple:
    with context.unit_of_work() as uow:
        return tuple(uow.session.execute(text(f"select * from {table} order by id")).all()
                     for table in ("payment", "refusal", "statement"))


def record(qtbot, form, texts):
    for name, value in texts.items():
        type_over(qtbot, form.fields[name], value)
    qtbot.mouseClick(form.button, Qt.MouseButton.LeftButton)


@FORM_SETTINGS
@given(texts=PAYMENT_FIELDS)
def test_whatever_is_typed_for_a_payment(qtbot, statement_screen, context, texts):
    follow_up = statement_screen.detail.follow_up
    before = follow_up_rows(context)
    record(qtbot, follow_up.payment, texts)
    after = follow_up_rows(context)
    if len(after[0]) > len(before[0]):
        event("saved")
        assert after[1] == before[1]
    else:
        event("refused, with a message beside a field")
        assert after == before
        assert said_why(follow_up.payment, texts), "nothing said why the payment was not recorded"


@FORM_SETTINGS
@given(texts=REFUSAL_FIELDS)
def test_whatever_is_typed_for_a_refusal(qtbot, statement_screen, context, texts):
    follow_up = statement_screen.detail.follow_up
    before = follow_up_rows(context)
    record(qtbot, follow_up.refusal, texts)
    after = follow_up_rows(context)
    if len(after[1]) > len(before[1]):
        event("saved")
        assert after[0] == before[0]
    else:
        event("refused, with a message beside a field")
        assert after == before
        assert said_why(follow_up.refusal, texts), "nothing said why the refusal was not recorded"
