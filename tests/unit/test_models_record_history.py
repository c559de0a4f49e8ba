"""The tables of a record's history pass Qt's model tester; they name each action and field in
the user's language, show a choice by its name and every other value exactly as kept, and leave
out a change that reads the same before and after."""

from datetime import datetime

from PySide6.QtTest import QAbstractItemModelTester

from lawyer_billing.services.record_history import FieldChange, HistoryEvent
from lawyer_billing.ui.i18n import install_language
from lawyer_billing.ui.models.record_history import FieldChangeModel, HistoryEventModel, action_labels

FAIL = QAbstractItemModelTester.FailureReportingMode.Fatal

ENDED = HistoryEvent(datetime(2026, 11, 23, 8, 15), "adjointe", "poste-2", "update", "mandate",
                     "Mandat 500-01-012345-251", (
                         FieldChange("ended_on", "", "2025-06-30"), FieldChange("end_reason", "", "judgment"),
                         FieldChange("status", "open", "ended"), FieldChange("notes", "", "Arrêt demandé")))
SERVICE = HistoryEvent(datetime(2026, 11, 22, 9, 30), "atremblay", "poste-1", "create", "service",
                       "Le service T127 du 2025-02-10 (mandat 500-01-012345-251)", (
                           FieldChange("code", "", "T127"), FieldChange("amount_override", "", "412.50"),
                           FieldChange("rule_facts", "", "{}")))


def rows(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_events_show_when_who_where_and_what(qapp):
    model = HistoryEventModel()
    QAbstractItemModelTester(model, FAIL)
    model.set_records([ENDED, SERVICE])
    assert rows(model) == [
        ["2026-11-23 08:15", "adjointe", "poste-2", "Modification", "Mandat 500-01-012345-251"],
        ["2026-11-22 09:30", "atremblay", "poste-1", "Création",
         "Le service T127 du 2025-02-10 (mandat 500-01-012345-251)"]]
    model.sort(0)
    assert [row[0] for row in rows(model)] == ["2026-11-22 09:30", "2026-11-23 08:15"]


def test_the_changed_fields_read_by_their_names_and_choices_in_french_and_english(qapp):
    model = FieldChangeModel()
    QAbstractItemModelTester(model, FAIL)
    model.show_event(ENDED)
    assert rows(model) == [["Terminé le", "", "2025-06-30"], ["Motif de la fin", "", "Jugement"],
                           ["État", "Ouvert", "Terminé, à facturer"], ["Notes", "", "Arrêt demandé"]]
    model.show_event(SERVICE)  # a service created without rule facts keeps « {} »: nothing changed there
    assert rows(model) == [["Article du tarif", "", "T127"], ["Montant réclamé", "", "412.50"]]
    install_language("en")
    try:
        model.retranslate("en")
        model.show_event(ENDED)
        assert rows(model)[:3] == [["Ended on", "", "2025-06-30"], ["Reason for the end", "", "Judgment"],
                                   ["Status", "Open", "Ended, to bill"]]
    finally:
        install_language("fr")
    model.show_event(None)
    assert model.rowCount() == 0


def test_an_unknown_action_or_field_shows_as_kept(qapp):
    model = FieldChangeModel()
    model.show_event(HistoryEvent(datetime(2026, 1, 5), "atremblay", "", "merge", "mandate", "", (
        FieldChange("retired_column", "a", "b"),)))
    assert rows(model) == [["retired_column", "a", "b"]]
    assert "merge" not in action_labels()


def test_a_penal_period_reads_by_its_name(qapp):
    model = FieldChangeModel()
    model.show_event(HistoryEvent(datetime(2026, 11, 22, 10, 0), "atremblay", "poste-1", "create", "penal_deadline",
                                  "", (FieldChange("period", "", "appeal"), FieldChange("event_on", "", "2026-11-12"))))
    assert rows(model) == [["Délai pénal", "", "Appel à la Cour supérieure"],
                           ["Jour de l'événement", "", "2026-11-12"]]
