"""The Mandats screen as a lawyer uses it: the first-use message, a mandate created and ended
from the keyboard, problems beside their fields, the list searched and filtered, the work of a
mandate priced with its rules, removed and put back with Ctrl+Z, records opened from elsewhere."""

from datetime import date, datetime, time
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from lawyer_billing.domain.mandate import EndReason, LegalAidOffice, Mandate, MatterType
from lawyer_billing.domain.service import Disposition, Service
from lawyer_billing.services.mandates import add_office, save_mandate
from lawyer_billing.services.work_log import save_service
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.repositories import MandateRepository, ServiceRepository
from lawyer_billing.storage.rows import MandateRow, StatementLineRow, StatementRow
from lawyer_billing.ui.context import AppContext
from lawyer_billing.ui.screens import mandates
from tests.gui.keyboard import type_in
from tests.gui.showing import cells, plain, show_screen

NOW = datetime(2024, 11, 22, 9, 30)
HEARING = date(2024, 6, 3)


@pytest.fixture
def context(engine):
    return AppContext(engine=engine, database="test", clock=lambda: NOW, user="atremblay")


def open_screen(qtbot, context):
    return show_screen(qtbot, mandates.Screen(context), 1200, 800)


@pytest.fixture
def screen(qtbot, context, dialogs):
    return open_screen(qtbot, context)


def stored_mandate(context, number="500-01-000001-241", client="Zoé L'Heureux", **changes) -> Mandate:
    mandate = Mandate(number=number, client_name=client, issued_on=date(2024, 5, 2),
                      matter_type=MatterType.CRIMINAL_PENAL, court="Cour du Québec", **changes)
    with context.unit_of_work() as uow:
        return save_mandate(uow, mandate, user="atremblay", now=NOW)


def stored_service(context, mandate, code="T127", **changes) -> Service:
    service = Service(mandate_id=mandate.id, code=code, rendered_on=HEARING, court="Montréal", **changes)
    with context.unit_of_work() as uow:
        return save_service(uow, service, user="atremblay", now=NOW)


def shown_rows(screen, column=0):
    return [screen.proxy.index(row, column).data() for row in range(screen.proxy.rowCount())]


def test_a_new_user_is_told_what_to_do_first(screen):
    text = screen.empty.text()
    assert "Aucun mandat" in text and "Paramètres" in text and "Nouveau mandat" in text
    assert screen.detail_stack.currentWidget() is screen.empty


def test_a_mandate_is_created_from_the_keyboard(qtbot, screen, context):
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = screen.mandate_form
    assert screen.pages.currentWidget() is form and form.fields["number"].hasFocus()
    qtbot.keyClicks(form.fields["number"], "500-01-000123-241")
    qtbot.keyClick(form.fields["number"], Qt.Key.Key_Tab)
    type_in(qtbot, form.fields["client_name"], "Zoé L'Heureux")
    form.fields["issued_on"].selectAll()
    type_in(qtbot, form.fields["issued_on"], "2 mai 2024")
    type_in(qtbot, form.fields["court"], "Cour du Québec")
    qtbot.keyClick(form.fields["court"], Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.splitter
    assert shown_rows(screen) == ["500-01-000123-241"]
    assert screen.detail.title.text() == "Mandat 500-01-000123-241 — Zoé L'Heureux"
    assert screen.detail.field_values["issued_on"].text() == "2 mai 2024"
    with context.unit_of_work() as uow:
        [saved] = MandateRepository(uow.session).all()
        [event] = AuditTrail(uow.session).of("mandate", saved.id)
    assert (saved.client_name, saved.issued_on, event.action) == ("Zoé L'Heureux", date(2024, 5, 2), "create")


def test_problems_are_shown_beside_their_fields_and_nothing_is_saved(qtbot, screen, context):
    screen.new_mandate()
    form = screen.mandate_form
    form.fields["issued_on"].selectAll()
    type_in(qtbot, form.fields["issued_on"], "31 juin")
    type_in(qtbot, form.fields["judgment_on"], "hier")
    qtbot.keyClick(form.fields["judgment_on"], Qt.Key.Key_Return)
    assert "n'existe pas au calendrier" in form.messages.message("issued_on")
    assert "n'est pas une date" in form.messages.message("judgment_on")
    form.fields["issued_on"].selectAll()
    type_in(qtbot, form.fields["issued_on"], "2024-05-02")
    form.fields["judgment_on"].clear()
    type_in(qtbot, form.fields["ended_on"], "2024-04-01")
    qtbot.keyClick(form.fields["ended_on"], Qt.Key.Key_Return)
    assert form.messages.message("number") == "Le numéro du mandat est obligatoire."
    assert form.messages.message("client_name") == "Le nom du client est obligatoire."
    assert "précède sa date d'émission" in form.messages.message("ended_on")
    assert "motif" in form.messages.message("end_reason")
    assert form.fields["number"].hasFocus()
    with context.unit_of_work() as uow:
        assert MandateRepository(uow.session).all() == []


def test_typed_work_is_not_lost_without_asking(qtbot, screen, dialogs):
    screen.new_mandate()
    form = screen.mandate_form
    type_in(qtbot, form.fields["client_name"], "Marc")
    assert screen.has_unsaved_changes()
    dialogs.answer = False
    qtbot.keyClick(form.fields["client_name"], Qt.Key.Key_Escape)
    assert screen.pages.currentWidget() is form and form.fields["client_name"].text() == "Marc"
    dialogs.answer = True
    qtbot.keyClick(form.fields["client_name"], Qt.Key.Key_Escape)
    assert screen.pages.currentWidget() is screen.splitter and not screen.has_unsaved_changes()
    assert len(dialogs.questions) == 2


def test_search_as_you_type_and_filters(qtbot, context, dialogs):
    stored_mandate(context, "500-01-000001-241", "Zoé L'Heureux")
    stored_mandate(context, "500-01-000002-241", "Marc Tremblay", ended_on=date(2024, 9, 1),
                   end_reason=EndReason.SETTLEMENT)
    stored_mandate(context, "500-01-000003-241", "Élise Côté")
    screen = open_screen(qtbot, context)
    assert screen.count.text() == "3 mandats"
    qtbot.keyClick(screen, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert screen.search.hasFocus()
    qtbot.keyClicks(screen.search, "cote")
    assert shown_rows(screen, 1) == ["Élise Côté"] and screen.count.text() == "1 mandats sur 3"
    assert screen.detail.title.text().endswith("Élise Côté")
    screen.search.clear()
    qtbot.mouseClick(screen.filter_buttons[mandates.MandateFilter.ENDED_UNBILLED], Qt.MouseButton.LeftButton)
    assert shown_rows(screen, 1) == ["Marc Tremblay"]
    assert screen.proxy.index(0, 4).data() == "Terminé, à facturer"
    qtbot.mouseClick(screen.filter_buttons[mandates.MandateFilter.DISPUTED], Qt.MouseButton.LeftButton)
    assert shown_rows(screen) == [] and "Aucun mandat ne correspond" in screen.empty.text()
    qtbot.mouseClick(screen.filter_buttons[mandates.MandateFilter.ALL], Qt.MouseButton.LeftButton)
    screen.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert shown_rows(screen, 1) == ["Élise Côté", "Marc Tremblay", "Zoé L'Heureux"]


def test_ending_a_mandate_shows_its_filing_deadline(qtbot, context, dialogs):
    mandate = stored_mandate(context)
    screen = open_screen(qtbot, context)
    qtbot.mouseClick(screen.detail.end_button, Qt.MouseButton.LeftButton)
    form = screen.mandate_form
    assert form.fields["ended_on"].hasFocus() and form.fields["ended_on"].text() == "2024-11-22"
    type_in(qtbot, form.fields["ended_on"], "2024-09-10")
    form.fields["end_reason"].setFocus()
    qtbot.keyClicks(form.fields["end_reason"], "Jugement")
    qtbot.keyClick(form.fields["end_reason"], Qt.Key.Key_Return)
    assert "date du jugement" in form.messages.message("judgment_on")
    type_in(qtbot, form.fields["judgment_on"], "10 septembre 2024")
    qtbot.keyClick(form.fields["judgment_on"], Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.splitter
    deadlines = screen.detail.models["deadline"]
    # art. 15: 3 years from the 30th day after the judgment (2024-10-10); 2027-10-10 is a
    # Sunday and 2027-10-11 Thanksgiving
    assert cells(deadlines, 0, (0, 1, 4)) == [
        "Transmission du relevé", "12 octobre 2027", "entente art. 15"]
    assert screen.detail.tabs.tabText(4) == "Échéances (1)"
    with context.unit_of_work() as uow:
        ended = MandateRepository(uow.session).get(mandate.id)
    assert (ended.ended_on, ended.end_reason, ended.judgment_on) == (
        date(2024, 9, 10), EndReason.JUDGMENT, date(2024, 9, 10))


def test_a_new_office_is_added_from_the_form(qtbot, screen, context):
    with context.unit_of_work() as uow:
        add_office(uow, LegalAidOffice("Bureau de Laval"))
    screen.new_mandate()
    form = screen.mandate_form
    qtbot.mouseClick(form.new_office_button, Qt.MouseButton.LeftButton)
    assert form.new_office.hasFocus()
    type_in(qtbot, form.new_office, "Centre communautaire juridique de Montréal")
    qtbot.keyClick(form.new_office, Qt.Key.Key_Return)
    assert form.office.currentText() == "Centre communautaire juridique de Montréal"
    assert screen.pages.currentWidget() is form  # Enter added the office, it did not save the mandate
    assert [form.office.itemText(i) for i in range(form.office.count())] == [
        "(aucun)", "Bureau de Laval", "Centre communautaire juridique de Montréal"]


def test_the_services_are_priced_with_the_rules_that_applied(qtbot, context, dialogs):
    """T98: Zoé's two informations tried the same day, same court: T120 in full (550,00 $), the
    T127 at half (330,00 $ / 2 = 165,00 $)."""
    first = stored_mandate(context, "500-01-000001-241")
    second = stored_mandate(context, "500-01-000002-241")
    stored_service(context, first, "T120", disposition=Disposition.TRIAL)
    halved = stored_service(context, second, "T127", disposition=Disposition.TRIAL, start=time(9, 30), end=time(11))
    screen = open_screen(qtbot, context)
    assert screen.open_record("service", halved.id)
    services = screen.detail.models["service"]
    assert cells(services, 0, (1, 2, 5, 6, 7)) == [
        "T127", "09:30–11:00", "330,00 $", "165,00 $", "T98"]
    assert "la dénonciation 500-01-000001-241 étant la mieux rémunérée" in services.index(0, 7).data(
        Qt.ItemDataRole.ToolTipRole)
    rules = plain(screen.detail.rules.text())
    assert rules.startswith("T127 du 2024-06-03 : 165,00 $ (tarif : 330,00 $)") and "T98 : moitié du tarif" in rules
    assert plain(screen.detail.fees.text()) == "Honoraires calculés : 165,00 $ (avant la réduction de l'art. 22)"


def test_a_service_is_added_edited_removed_and_put_back(qtbot, context, dialogs):
    mandate = stored_mandate(context)
    screen = open_screen(qtbot, context)
    screen.detail.tables["service"].setFocus()
    qtbot.keyClick(screen.detail.tables["service"], Qt.Key.Key_Insert)
    form = screen.service_form
    assert screen.pages.currentWidget() is form
    form.fields["rendered_on"].selectAll()
    qtbot.keyClicks(form.fields["rendered_on"], "3 juin 2024")
    type_in(qtbot, form.fields["code"], "t 117")
    assert "165,00 $" in plain(form.item_label.text())
    qtbot.mouseClick(form.facts_toggle, Qt.MouseButton.LeftButton)
    type_in(qtbot, form.fields["charged_as"], "T120")
    qtbot.keyClick(form.fields["charged_as"], Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.splitter, form.messages.labels
    services = screen.detail.models["service"]
    # T97: a plea to a lesser included offence is paid as the charge laid (T120, 550,00 $)
    assert cells(services, 0, (1, 6, 7)) == ["T117", "550,00 $", "T97"]
    with context.unit_of_work() as uow:
        [service] = ServiceRepository(uow.session).for_mandate(mandate.id)
    assert (service.code, service.rule_facts) == ("T117", {"charged_as": "T120"})

    table = screen.detail.tables["service"]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert services.rowCount() == 0
    assert screen.detail.notice.text() == "Service T117 du 2024-06-03 supprimé. Ctrl+Z pour le remettre."
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cells(services, 0, (1, 6)) == ["T117", "550,00 $"]
    with context.unit_of_work() as uow:
        actions = [e.action for e in reversed(AuditTrail(uow.session).latest()) if e.entity == "service"]
    assert actions == ["create", "delete", "restore"]


def test_a_service_on_a_finalized_statement_cannot_be_removed(qtbot, context, dialogs):
    mandate = stored_mandate(context)
    billed = stored_service(context, mandate)
    with context.unit_of_work() as uow:
        statement = StatementRow(number="R-2024-007", type="final", created_on=date(2024, 9, 1), total=Decimal("330"),
                                 mandates=[uow.session.get(MandateRow, mandate.id)])
        uow.session.add(statement)
        uow.session.flush()
        uow.session.add(StatementLineRow(statement_id=statement.id, position=1, service_id=billed.id,
                                         rendered_on=HEARING, code="T127", label="Procès", amount=Decimal("330")))
        uow.commit()
        statement.finalized_on = date(2024, 9, 2)
        uow.commit()
    screen = open_screen(qtbot, context)
    assert screen.detail.select("service", billed.id)
    screen.detail.tables["service"].setFocus()
    qtbot.keyClick(screen.detail.tables["service"], Qt.Key.Key_Delete)
    assert dialogs.take_warnings() == [
        "Le service T127 du 2024-06-03 est sur le relevé R-2024-007, déjà finalisé : il ne peut plus être "
        "supprimé. Une correction se fait par un relevé supplémentaire."]
    assert screen.detail.models["service"].rowCount() == 1
    assert screen.detail.models["service"].index(0, 8).data() == "R-2024-007"
    assert screen.detail.models["statement"].index(0, 3).data() == "Finalisé le 2 septembre 2024"
    statements = screen.detail.tables["statement"]
    screen.detail.tabs.setCurrentIndex(3)
    statements.setFocus()
    statements.setCurrentIndex(statements.model().index(0, 0))
    with qtbot.waitSignal(context.events.open_record) as opened:  # Enter opens it on the Relevés screen
        qtbot.keyClick(statements, Qt.Key.Key_Return)
    assert opened.args == ["statement", statement.id]


def test_records_opened_from_another_screen(qtbot, context, dialogs):
    first = stored_mandate(context, "500-01-000001-241")
    second = stored_mandate(context, "500-01-000002-241", "Marc Tremblay")
    service = stored_service(context, second)
    screen = open_screen(qtbot, context)
    assert screen.open_record("mandate", first.id) and screen.current_id() == first.id
    screen.search.setText("zzz")
    assert screen.open_record("service", service.id)
    assert screen.current_id() == second.id and screen.search.text() == ""
    assert screen.detail.selected("service") == service
    assert not screen.open_record("mandate", 999)


def test_the_list_follows_the_language(qtbot, context, dialogs):
    from lawyer_billing.ui.i18n import install_language

    stored_mandate(context)
    screen = open_screen(qtbot, context)
    context.language = "en"
    install_language("en")
    try:
        qtbot.waitUntil(lambda: screen.new_button.text() == "New mandate (Ctrl+N)")
        assert screen.proxy.headerData(4, Qt.Orientation.Horizontal) == "Status"
        assert screen.proxy.index(0, 5).data() == "May 2, 2024"
        assert screen.detail.tabs.tabText(0) == "Services (0)"
    finally:
        context.language = "fr"
        install_language("fr")


def test_a_trip_and_a_disbursement_are_logged_from_their_forms(qtbot, context, dialogs):
    """Art. 20, 2°: 240 km travelled outside the district are paid 200 km at most, at the rate in
    force (0,545 $/km): 109,00 $, plus the parking (al. 3), 12,00 $: 121,00 $."""
    from lawyer_billing.storage.settings_store import KmRateRepository

    with context.unit_of_work() as uow:
        KmRateRepository(uow.session).put(date(2024, 4, 1), Decimal("0.545"), "Conseil du trésor")
        uow.commit()
    stored_mandate(context)
    screen = open_screen(qtbot, context)
    detail = screen.detail
    detail.tabs.setCurrentIndex(1)
    detail.tables["travel"].setFocus()
    qtbot.keyClick(detail.tables["travel"], Qt.Key.Key_Insert)
    form = screen.travel_form
    form.fields["travelled_on"].selectAll()
    type_in(qtbot, form.fields["travelled_on"], "3 juin 2024")
    type_in(qtbot, form.fields["km"], "240")
    type_in(qtbot, form.fields["destination_km"], "120,5")
    form.fields["basis"].setFocus()
    qtbot.keyClicks(form.fields["basis"], "Hors")
    type_in(qtbot, form.fields["parking"], "12,00")
    qtbot.keyClick(form.fields["parking"], Qt.Key.Key_Return)
    trips = detail.models["travel"]
    assert cells(trips, 0, (0, 1, 2, 3, 4, 5)) == [
        "3 juin 2024", "240", "120,5", "Hors du district, 200 km au plus (art. 20, 2°)", "12,00 $", "121,00 $"]
    assert "art. 20 2° (plafond 200 km)" in trips.index(0, 5).data(Qt.ItemDataRole.ToolTipRole)

    detail.tabs.setCurrentIndex(2)
    detail.tables["disbursement"].setFocus()
    qtbot.keyClick(detail.tables["disbursement"], Qt.Key.Key_Insert)
    form = screen.disbursement_form
    type_in(qtbot, form.fields["description"], "Signification par huissier")
    type_in(qtbot, form.fields["amount"], "quarante")
    qtbot.keyClick(form.fields["amount"], Qt.Key.Key_Return)
    assert "n'est pas un montant" in form.messages.message("amount")
    form.fields["amount"].selectAll()
    type_in(qtbot, form.fields["amount"], "45,67")
    type_in(qtbot, form.fields["receipt_reference"], "H-889")
    qtbot.keyClick(form.fields["receipt_reference"], Qt.Key.Key_Return)
    assert cells(detail.models["disbursement"], 0, (0, 1, 2, 3)) == [
        "22 novembre 2024", "Signification par huissier", "45,67 $", "H-889"]
    assert detail.tabs.tabText(1) == "Déplacements (1)" and detail.tabs.tabText(2) == "Débours (1)"


def test_enter_on_a_button_presses_it_rather_than_saving(qtbot, screen, context, dialogs):
    screen.new_mandate()
    form = screen.mandate_form
    type_in(qtbot, form.fields["client_name"], "Marc")
    form.cancel_button.setFocus()
    qtbot.keyClick(form.cancel_button, Qt.Key.Key_Return)
    assert screen.pages.currentWidget() is screen.splitter and dialogs.questions
    with context.unit_of_work() as uow:
        assert MandateRepository(uow.session).all() == []
