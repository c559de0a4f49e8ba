"""The lawyer's stored work is computed by the same engine as a ``compute`` scenario, and the
Mandats list, settings and audit trail read back what was saved (SQLite and PostgreSQL)."""

import json
from dataclasses import replace
from datetime import date, datetime, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.cap import CapAttribution
from lawyer_billing.domain.compute import compute, result_document
from lawyer_billing.domain.mandate import EndReason, LegalAidOffice, Mandate, MandateStatus, MatterType
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.scenario import read_scenario
from lawyer_billing.domain.service import Disposition, Service, Travel
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services.mandates import add_office, end_mandate, list_mandates, save_mandate
from lawyer_billing.services.settings import Preferences, SettingsError, load_preferences, save_preferences
from lawyer_billing.services.stored_scenario import compute_stored
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.repositories import MandateRepository, ServiceRepository, TravelRepository
from lawyer_billing.storage.rows import MandateRow, PaymentRow, StatementLineRow, StatementRow
from lawyer_billing.storage.settings_store import KmRateRepository, ProfileRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW, migrated_engine

TODAY = date(2026, 11, 22)


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    yield engine
    engine.dispose()


def new_mandate(engine, number="500-01-000001-241", client="Zoé L'Heureux", **changes) -> Mandate:
    mandate = Mandate(number=number, client_name=client, issued_on=date(2024, 5, 2),
                      matter_type=MatterType.CRIMINAL_PENAL, court="Cour du Québec", **changes)
    with UnitOfWork(engine) as uow:
        return save_mandate(uow, mandate, user="atremblay", now=NOW)


def test_stored_work_is_priced_exactly_like_the_same_scenario(engine):
    first = new_mandate(engine)
    second = new_mandate(engine, number="500-01-000002-241")
    with UnitOfWork(engine) as uow:
        services = ServiceRepository(uow.session)
        for mandate in (first, second):  # two informations of one client, trial the same day (T98)
            services.add(Service(mandate_id=mandate.id, code="T127", rendered_on=date(2024, 6, 3), court="Montréal",
                                 start=time(9, 30), end=time(11, 45), disposition=Disposition.TRIAL))
        services.add(Service(mandate_id=first.id, code="T117", rendered_on=date(2024, 7, 8),
                             rule_facts={"charged_as": "T127"}))
        TravelRepository(uow.session).add(Travel(mandate_id=first.id, travelled_on=date(2024, 6, 3), km=Decimal("180"),
                                                 destination_km=Decimal("90"), basis="outside_district",
                                                 parking=Decimal("12.00")))
        KmRateRepository(uow.session).put(date(2024, 4, 1), Decimal("0.47"), "saisi")
        uow.commit()
    scenario = read_scenario(json.dumps({
        "settings": {"today": TODAY.isoformat(), "km_rates": {"2024-04-01": "0.47"}},
        "mandates": [{"id": str(m.id), "number": m.number, "client": "Zoé L'Heureux", "issued": "2024-05-02"}
                     for m in (first, second)],
        "services": [
            {"id": "1", "mandate": str(first.id), "code": "T127", "date": "2024-06-03", "court": "Montréal",
             "start": "09:30", "end": "11:45", "disposition": "trial"},
            {"id": "2", "mandate": str(second.id), "code": "T127", "date": "2024-06-03", "court": "Montréal",
             "start": "09:30", "end": "11:45", "disposition": "trial"},
            {"id": "3", "mandate": str(first.id), "code": "T117", "date": "2024-07-08", "charged_as": "T127"},
        ],
        "travel": [{"id": "1", "mandate": str(first.id), "date": "2024-06-03", "km": "180", "destination_km": "90",
                    "basis": "outside_district", "parking": "12.00"}],
    }), TODAY)
    with UnitOfWork(engine) as uow:
        stored = compute_stored(uow, TODAY)
    assert result_document(stored.computation) == result_document(compute(scenario))
    t98 = [rule for line in stored.computation.lines for rule in line.priced.rules if rule.code == "T98"]
    assert "dénonciation 500-01-000002-241" in t98[0].explanation_fr  # named by number, not by database id


def test_payments_split_into_partial_and_paid_in_full(engine):
    mandate = new_mandate(engine)
    with UnitOfWork(engine) as uow:
        statement = StatementRow(number="R-1", type="final", created_on=date(2024, 9, 20), finalized_on=date(2024, 9, 20),
                                 sent_on=date(2024, 10, 1), received_on=date(2024, 10, 3), total=Decimal("330.00"))
        statement.mandates = [uow.session.get(MandateRow, mandate.id)]
        uow.session.add(statement)
        uow.session.flush()
        uow.session.add_all([PaymentRow(statement_id=statement.id, paid_on=date(2024, 12, 1), amount=Decimal("100.00")),
                             PaymentRow(statement_id=statement.id, paid_on=date(2025, 1, 15), amount=Decimal("230.00"))])
        uow.commit()
    with UnitOfWork(engine) as uow:
        facts = compute_stored(uow, TODAY).scenario.statements
    assert len(facts) == 1 and facts[0].paid == date(2025, 1, 15)
    assert [(p.date, p.amount) for p in facts[0].payments] == [(date(2024, 12, 1), Decimal("100.00"))]
    with UnitOfWork(engine) as uow:  # as of a day before the payments: computed as known then (art. 17)
        computed = compute_stored(uow, date(2024, 11, 15)).computation
    assert computed.interest[0].until == date(2024, 11, 15) and computed.interest[0].result.total > 0


def test_mandate_list_derives_where_each_mandate_stands(engine):
    open_one = new_mandate(engine, number="A-1", client="Ana")
    ended = new_mandate(engine, number="B-2", client="Béa")
    with UnitOfWork(engine) as uow:
        add_office(uow, LegalAidOffice(name="Bureau de Laval"))
    with UnitOfWork(engine) as uow:
        ended = end_mandate(uow, ended, ended_on=date(2024, 9, 10), reason=EndReason.JUDGMENT,
                            judgment_on=date(2024, 9, 10), user="atremblay", now=NOW)
        ServiceRepository(uow.session).add(Service(mandate_id=ended.id, code="T127", rendered_on=date(2024, 6, 3)))
        uow.commit()
    with UnitOfWork(engine) as uow:
        rows = {row.number: row for row in list_mandates(uow)}
    assert rows["A-1"].status is MandateStatus.OPEN and rows["A-1"].services == 0
    assert rows["B-2"].status is MandateStatus.ENDED and (rows["B-2"].services, rows["B-2"].unbilled) == (1, 1)
    with UnitOfWork(engine) as uow:  # billed on a finalized statement: no longer unbilled
        service = ServiceRepository(uow.session).for_mandate(ended.id)[0]
        statement = StatementRow(number="R-1", type="final", created_on=date(2024, 9, 20), finalized_on=date(2024, 9, 20),
                                 total=Decimal("330.00"))
        statement.mandates = [uow.session.get(MandateRow, ended.id)]
        statement.lines = [StatementLineRow(position=1, service_id=service.id, rendered_on=service.rendered_on,
                                            code="T127", label="Ensemble des services", amount=Decimal("330.00"))]
        uow.session.add(statement)
        uow.commit()
    with UnitOfWork(engine) as uow:
        row = {row.number: row for row in list_mandates(uow)}["B-2"]
    assert (row.unbilled, row.statements, row.status) == (0, 1, MandateStatus.BILLED)
    assert open_one.version == 1


def test_an_invalid_mandate_is_refused_with_every_problem_and_nothing_saved(engine):
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        save_mandate(uow, Mandate(number=" ", client_name="", issued_on=date(2024, 5, 2), matter_type=MatterType.CIVIL,
                                  ended_on=date(2024, 1, 1), end_reason=EndReason.JUDGMENT),
                     user="atremblay", now=NOW)
    assert {p.field for p in refused.value.problems} == {"number", "client_name", "ended_on", "judgment_on"}
    with UnitOfWork(engine) as uow:
        assert list_mandates(uow) == [] and AuditTrail(uow.session).latest() == []


def test_saving_records_who_did_what_in_the_audit_trail(engine):
    mandate = new_mandate(engine)
    with UnitOfWork(engine) as uow:
        save_mandate(uow, replace(mandate, notes="Requête en arrêt des procédures"), user="adjointe",
                     now=datetime(2026, 11, 23, 8, 0))
    with UnitOfWork(engine) as uow:  # saved again unchanged: nothing to record
        unchanged = MandateRepository(uow.session).get(mandate.id)
        save_mandate(uow, unchanged, user="adjointe", now=datetime(2026, 11, 23, 9, 0))
    with UnitOfWork(engine) as uow:
        events = AuditTrail(uow.session).of("mandate", mandate.id)
    assert [(e.user, e.action, e.summary) for e in events] == [
        ("atremblay", "create", "Mandat 500-01-000001-241"), ("adjointe", "update", "Mandat 500-01-000001-241")]


def test_preferences_round_trip_and_bad_values_are_refused(engine):
    chosen = Preferences(language="en", cap_attribution=CapAttribution.MANDATE_DATE, reminders=(90, 14),
                         fees_before={"2024-2025": Decimal("139800.00")}, backup_folder="")
    with UnitOfWork(engine) as uow:
        assert load_preferences(uow) == Preferences()
        save_preferences(uow, chosen)
        ProfileRepository(uow.session).put(LawyerProfile(name="Me Anne Tremblay", office_district="Laval"))
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert load_preferences(uow) == chosen
        assert compute_stored(uow, TODAY).scenario.settings.office_district == "Laval"
    for bad in (replace(chosen, fees_before={"2024": Decimal("1")}), replace(chosen, reminders=(-1,)),
                replace(chosen, language="de")):
        with UnitOfWork(engine) as uow, pytest.raises(SettingsError):
            save_preferences(uow, bad)
