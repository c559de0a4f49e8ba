"""Journée d'audience as a lawyer uses it after a day in court: six attendances logged with the
keyboard alone, priced together with the rules explained, saved all at once or not at all."""

import time as clock
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from lawyer_billing.domain.mandate import Mandate, MatterType
from lawyer_billing.domain.service import Disposition, Service
from lawyer_billing.services.mandates import save_mandate
from lawyer_billing.services.work_log import save_service
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.repositories import ServiceRepository
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.screens import court_day
from tests.gui.keyboard import focused
from tests.gui.showing import cells, plain, show_screen

NOW = datetime(2024, 6, 3, 17, 45)
DAY = date(2024, 6, 3)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def context(engine):
    return AppContext(engine=engine, database="test", clock=lambda: NOW, user="atremblay")


def new_mandate(context, number, client) -> Mandate:
    mandate = Mandate(number=number, client_name=client, issued_on=date(2024, 5, 2), matter_type=MatterType.CRIMINAL_PENAL)
    with context.unit_of_work() as uow:
        return save_mandate(uow, mandate, user="atremblay", now=NOW)


@pytest.fixture
def six(context):
    return [new_mandate(context, f"500-01-00000{n}-241", client) for n, client in enumerate(
        ("Zoé L'Heureux", "Zoé L'Heureux", "Marc Tremblay", "Jean Roy", "Élise Côté", "Samuel Bélanger"), start=1)]


def open_screen(qtbot, context):
    return show_screen(qtbot, court_day.Screen(context), 1280, 760)


def keys(qtbot, text):
    """Type ``text`` where the cursor is (ASCII: what QTest can type as key presses)."""
    qtbot.keyClicks(focused(), text)


def key(qtbot, which, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), which, modifier)


def services_of(context, mandate):
    with context.unit_of_work() as uow:
        return ServiceRepository(uow.session).for_mandate(mandate.id)


def test_six_attendances_logged_with_the_keyboard_alone(qtbot, context, dialogs, six):
    """Zoé's two informations tried together (T98), her first with Marc as co-accused (T99), a
    half-day Superior Court trial (T96), a guilty plea, a sentencing: six rows, keys only."""
    screen = open_screen(qtbot, context)
    assert focused() is screen.day_field
    started = clock.perf_counter()
    typed = 0

    def row(number, code, start, end, disposition, group):
        nonlocal typed
        for field, text in enumerate((number, code, start, end, disposition, group)):
            keys(qtbot, text)
            typed += len(text) + 1
            if field < 5:
                key(qtbot, Qt.Key.Key_Tab)
        key(qtbot, Qt.Key.Key_Return)  # Enter on the last field: a new row

    key(qtbot, Qt.Key.Key_A, CTRL)
    keys(qtbot, "3 juin 2024")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Longueuil")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "2.12")
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is screen.grid.rows[0].fields["mandate"]
    row("000001", "T120", "9:30", "11:45", "Proc", "A")
    row("000002", "t127", "9h30", "11h45", "Proc", "")
    row("000003", "T 120", "9:30", "11:45", "Proc", "A")
    row("000004", "T113", "14", "16:30", "Proc", "")
    row("000005", "T115", "9:00", "9:20", "Plai", "")
    row("000006", "T117", "", "", "", "")
    assert len(screen.grid.rows) == 7 and focused() is screen.grid.rows[6].fields["mandate"]
    qtbot.waitUntil(lambda: not screen.timer.isActive())
    shown = [(plain(r.amount.text()), r.rules.text()) for r in screen.grid.rows[:6]]
    # T98: Zoé's T120 (550,00 $) is her best-paid information, her T127 is paid half: 165,00 $.
    # T99: her T120 and Marc's T120 are co-accused of one event (group A), same court, same
    # morning: Marc is paid in full (550,00 $, first by name on a tie), Zoé half: 275,00 $.
    # T96: the Superior Court trial day (T113, 800,00 $) ends before 19 h and starts after
    # 13 h: half a day, 400,00 $. T115 150,00 $ and T117 165,00 $ are the tariff's amounts.
    assert shown == [("275,00 $", "T99"), ("165,00 $", "T98"), ("550,00 $", ""), ("400,00 $", "T96"),
                     ("150,00 $", ""), ("165,00 $", "")]
    assert "T98 : moitié du tarif pour la dénonciation 500-01-000002-241" in screen.grid.rows[1].amount.toolTip()
    assert plain(screen.total.text()) == "Total de la journée : 1 705,00 $ (avant la réduction de l'art. 22)"
    assert "T96 : présence d'une demi-journée seulement" in screen.explanations.text()
    key(qtbot, Qt.Key.Key_S, CTRL)
    elapsed = clock.perf_counter() - started
    assert screen.status.text() == "6 présences enregistrées pour le 3 juin 2024."
    # 161 key presses for the six rows: about half a minute at five keys a second, and the
    # screen keeps up (the whole run, pricing after each row included, takes well under 20 s)
    assert typed <= 180 and elapsed < 20, (typed, elapsed)
    stored = [(s.code, s.start, s.end, s.disposition, s.co_accused_group, s.court, s.room)
              for m in six for s in services_of(context, m)]
    assert stored == [
        ("T120", time(9, 30), time(11, 45), Disposition.TRIAL, "A", "Longueuil", "2.12"),
        ("T127", time(9, 30), time(11, 45), Disposition.TRIAL, None, "Longueuil", "2.12"),
        ("T120", time(9, 30), time(11, 45), Disposition.TRIAL, "A", "Longueuil", "2.12"),
        ("T113", time(14), time(16, 30), Disposition.TRIAL, None, "Longueuil", "2.12"),
        ("T115", time(9), time(9, 20), Disposition.GUILTY_PLEA, None, "Longueuil", "2.12"),
        ("T117", None, None, None, None, "Longueuil", "2.12"),
    ]
    # the day stays on screen, as stored services, with the same amounts
    assert len(screen.grid.rows) == 1 and screen.grid.is_blank() and not screen.has_unsaved_changes()
    assert [cells(screen.lines, r, (0, 2, 4)) for r in range(screen.lines.rowCount())] == [
        ["enregistré", "T117", "165,00 $"], ["enregistré", "T115", "150,00 $"], ["enregistré", "T120", "275,00 $"],
        ["enregistré", "T127", "165,00 $"], ["enregistré", "T120", "550,00 $"], ["enregistré", "T113", "400,00 $"]]
    with context.unit_of_work() as uow:
        assert sum(e.entity == "service" and e.action == "create" for e in AuditTrail(uow.session).latest()) == 6


def test_a_mandate_and_an_item_chosen_in_their_lists(qtbot, context, dialogs, six):
    screen = open_screen(qtbot, context)
    row = screen.grid.rows[0]
    row.fields["mandate"].setFocus()
    keys(qtbot, "heureux")
    popup = row.mandate_completer.popup()
    assert popup.isVisible() and row.mandate_completer.filter.rowCount() == 2
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert row.mandate is not None and row.mandate.number == "500-01-000002-241"
    assert row.fields["mandate"].text() == "Zoé L'Heureux — 500-01-000002-241"
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "plaidoyer culpa")
    popup = row.item_completer.popup()
    assert popup.isVisible()
    shown = [plain(row.item_completer.choices.index(r).data()) for r in range(row.item_completer.choices.rowCount())]
    assert shown == ["T115 — Vacation aux fins d’enregistrer un plaidoyer de culpabilité — 150,00 $",
                     "T116 — Retrait d’un plaidoyer de culpabilité — 250,00 $"]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert row.fields["code"].text() == "T115"


def test_a_mandate_that_cannot_be_found_is_said_under_its_row(qtbot, context, dialogs, six):
    screen = open_screen(qtbot, context)
    row = screen.grid.rows[0]
    row.fields["mandate"].setFocus()
    keys(qtbot, "heureux")
    key(qtbot, Qt.Key.Key_Tab)
    assert row.mandate is None
    assert row.message.text() == ("Mandat : 2 mandats correspondent à « heureux » : choisissez dans la liste ou "
                                  "précisez le numéro.")


def test_one_bad_row_keeps_the_whole_day_unsaved(qtbot, context, dialogs, six):
    screen = open_screen(qtbot, context)
    screen.grid.first_field().setFocus()
    keys(qtbot, "000001")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "T127")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Return)
    keys(qtbot, "000002")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "T9999")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "11:00")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "25:00")
    key(qtbot, Qt.Key.Key_Return, CTRL)
    second = screen.grid.rows[1]
    # everything at once: the time that cannot be read, the unknown item, the missing court
    assert second.message.text() == (
        "Article : « T9999 » n'est pas un article du tarif de l'annexe II.\n"
        "Fin : « 25:00 » n'est pas une heure de la journée (0:00 à 23:59).")
    assert screen.messages.message("court") == "Indiquez la cour : T98 et T99 comparent la cour des présences."
    assert second.fields["end"].styleSheet() and second.fields["code"].styleSheet()
    assert not second.fields["start"].styleSheet() and screen.grid.rows[0].message.text() == ""
    second.fields["end"].selectAll()
    second.fields["end"].setFocus()
    keys(qtbot, "10:00")
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert screen.messages.message("court") == "Indiquez la cour : T98 et T99 comparent la cour des présences."
    assert second.message.text() == (
        "Article : « T9999 » n'est pas un article du tarif de l'annexe II.\n"
        "Fin : L'heure de fin doit suivre l'heure de début.")
    assert services_of(context, six[0]) == [] and screen.has_unsaved_changes()
    screen.court.setFocus()
    keys(qtbot, "Laval")
    second.fields["code"].setFocus()
    second.fields["code"].selectAll()
    keys(qtbot, "T117")
    second.fields["end"].setFocus()
    second.fields["end"].selectAll()
    keys(qtbot, "12:00")
    qtbot.waitUntil(lambda: second.message.text() == "")  # the problems follow the corrections
    key(qtbot, Qt.Key.Key_S, CTRL)
    assert [s.code for s in services_of(context, six[0]) + services_of(context, six[1])] == ["T127", "T117"]


def test_the_day_already_stored_is_priced_with_the_new_rows(qtbot, context, dialogs, six):
    """T98: the T120 stored this morning for Zoé's first information stays in full (550,00 $);
    the T127 typed now for her second one is paid half, 165,00 $."""
    with context.unit_of_work() as uow:
        save_service(uow, Service(mandate_id=six[0].id, code="T120", rendered_on=DAY, court="Longueuil",
                                  disposition=Disposition.TRIAL), user="atremblay", now=NOW)
    screen = open_screen(qtbot, context)
    assert cells(screen.lines, 0, (0, 1, 2, 4)) == ["enregistré", "Zoé L'Heureux", "T120", "550,00 $"]
    screen.court.setFocus()
    keys(qtbot, "Longueuil")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "000002")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "T127")
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "Proc")
    qtbot.waitUntil(lambda: screen.grid.rows[0].rules.text() == "T98")
    assert plain(screen.grid.rows[0].amount.text()) == "165,00 $"
    assert [cells(screen.lines, r, (0, 3, 4)) for r in range(2)] == [["1", "330,00 $", "165,00 $"],
                                                                     ["enregistré", "550,00 $", "550,00 $"]]


def test_escape_clears_the_rows_after_asking(qtbot, context, dialogs, six):
    screen = open_screen(qtbot, context)
    screen.grid.first_field().setFocus()
    keys(qtbot, "000001")
    dialogs.answer = False
    key(qtbot, Qt.Key.Key_Escape)
    assert not screen.grid.is_blank() and dialogs.questions
    dialogs.answer = True
    key(qtbot, Qt.Key.Key_Escape)
    assert screen.grid.is_blank() and not screen.has_unsaved_changes()
    assert focused() is screen.grid.first_field()


def test_the_screen_follows_the_language(qtbot, context, dialogs, six):
    from lawyer_billing.ui.i18n import install_language

    screen = open_screen(qtbot, context)
    context.language = "en"
    install_language("en")
    try:
        qtbot.waitUntil(lambda: screen.save_button.text() == "Save the day (Ctrl+S)")
        assert screen.day_name.text() == "June 3, 2024"
        assert screen.grid.headings[1].text() == "Mandate"
        assert screen.lines.headerData(0, Qt.Orientation.Horizontal) == "Row"
    finally:
        context.language = "fr"
        install_language("fr")


@pytest.mark.parametrize("amount", [Decimal("165.00")])
def test_the_amount_of_an_item_is_the_one_in_force_when_the_mandate_was_issued(qtbot, context, dialogs, six, amount):
    """Art. 53: an item's figure is the one for the mandate's date of issue."""
    screen = open_screen(qtbot, context)
    row = screen.grid.rows[0]
    row.fields["mandate"].setFocus()
    keys(qtbot, "000006")
    key(qtbot, Qt.Key.Key_Tab)
    assert row.governing_date() == date(2024, 5, 2)
    keys(qtbot, "T117")
    assert row.item_completer.choices.choices[0].amount == amount
