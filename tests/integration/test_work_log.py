"""The work logged on a mandate: priced with the mandates that change its amounts, changed and
removed with an audit event, never when a finalized statement holds it (SQLite and PostgreSQL)."""

from dataclasses import replace
from datetime import date, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.deadlines import DeadlineKind
from lawyer_billing.domain.mandate import EndReason, Mandate, MatterType
from lawyer_billing.domain.service import Disbursement, Disposition, Service, Travel
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services.mandates import save_mandate
from lawyer_billing.services.work_log import (
    delete_work,
    mandate_work,
    restore_work,
    save_disbursement,
    save_service,
    save_travel,
)
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.errors import ConcurrentEditError, FrozenStatementError
from lawyer_billing.storage.repositories import ServiceRepository
from lawyer_billing.storage.rows import StatementLineRow, StatementRow
from lawyer_billing.storage.unit_of_work import UnitOfWork
from lawyer_billing.storage.work_records import OnStatementError
from tests.helpers import NOW, migrated_engine

TODAY = date(2024, 11, 22)
HEARING = date(2024, 6, 3)


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    yield engine
    engine.dispose()


def new_mandate(engine, number, client="Zoé L'Heureux", **changes) -> Mandate:
    mandate = Mandate(number=number, client_name=client, issued_on=date(2024, 5, 2),
                      matter_type=MatterType.CRIMINAL_PENAL, court="Cour du Québec", **changes)
    with UnitOfWork(engine) as uow:
        return save_mandate(uow, mandate, user="atremblay", now=NOW)


def add(engine, record):
    savers = {Service: save_service, Travel: save_travel, Disbursement: save_disbursement}
    with UnitOfWork(engine) as uow:
        return savers[type(record)](uow, record, user="atremblay", now=NOW)


def work(engine, mandate):
    with UnitOfWork(engine) as uow:
        return mandate_work(uow, mandate.id, TODAY)


def trial(mandate, code="T127", **changes):
    return Service(mandate_id=mandate.id, code=code, rendered_on=HEARING, court="Montréal",
                   disposition=Disposition.TRIAL, **changes)


def test_a_mandate_is_priced_with_the_other_informations_of_its_client(engine):
    """T98: the other information of the same client tried the same day is paid half, and the
    explanation names the mandate by its number."""
    first = new_mandate(engine, "500-01-000001-241")
    second = new_mandate(engine, "500-01-000002-241")
    add(engine, trial(first, "T120"))  # 550,00 $, the best paid
    add(engine, trial(second, "t 127"))  # 330,00 $
    shown = work(engine, second)
    [service] = shown.services
    assert service.service.code == "T127"
    assert service.line.amount == Decimal("165.00")
    [rule] = service.line.priced.rules
    assert rule.code == "T98" and "500-01-000001-241" in rule.explanation_fr and "500-01-000002-241" in rule.explanation_fr
    assert work(engine, first).services[0].line.amount == Decimal("550.00")


def test_travel_disbursements_and_the_filing_deadline_of_an_ended_mandate(engine):
    mandate = new_mandate(engine, "500-01-000003-241", ended_on=date(2024, 9, 10), end_reason=EndReason.JUDGMENT,
                          judgment_on=date(2024, 9, 10))
    add(engine, Travel(mandate_id=mandate.id, travelled_on=HEARING, km=Decimal("180"), destination_km=Decimal("90"),
                       basis="outside_district", parking=Decimal("12.00")))
    add(engine, Disbursement(mandate_id=mandate.id, incurred_on=HEARING, description="Signification",
                             amount=Decimal("45.67")))
    shown = work(engine, mandate)
    assert [t.travel.km for t in shown.travel] == [Decimal("180")]
    assert [d.amount for d in shown.disbursements] == [Decimal("45.67")]
    [deadline] = shown.deadlines
    assert deadline.deadline.kind is DeadlineKind.FILING and deadline.deadline.article.endswith("15")
    # art. 15: 3 years from the 30th day after the judgment (2024-10-10): 2027-10-10 is a
    # Sunday and 2027-10-11 Thanksgiving, so the last day is Tuesday 2027-10-12
    assert deadline.deadline.due == date(2027, 10, 12)


def test_every_problem_of_a_service_is_named_by_its_field(engine):
    mandate = new_mandate(engine, "500-01-000004-241")
    bad = Service(mandate_id=mandate.id, code="T9999", rendered_on=HEARING, start=time(11), end=time(10), units=0,
                  amount_override=Decimal("100.00"), rule_facts={"charged_as": "X1", "contestations": 0})
    with pytest.raises(InvalidRecord) as raised:
        add(engine, bad)
    assert {p.field for p in raised.value.problems} == {"code", "end", "units", "override_reason", "charged_as",
                                                        "contestations"}
    with UnitOfWork(engine) as uow:
        assert ServiceRepository(uow.session).for_mandate(mandate.id) == []


def test_a_deleted_service_can_be_put_back_and_both_are_in_the_audit_trail(engine):
    mandate = new_mandate(engine, "500-01-000005-241")
    service = add(engine, trial(mandate, rule_facts={"charged_as": "T120"}))
    with UnitOfWork(engine) as uow:
        delete_work(uow, service, user="atremblay", now=NOW)
    assert work(engine, mandate).services == ()
    with UnitOfWork(engine) as uow:
        restored = restore_work(uow, service, user="atremblay", now=NOW)
    assert replace(restored, id=None, version=None) == replace(service, id=None, version=None)
    with UnitOfWork(engine) as uow:
        events = [e for e in reversed(AuditTrail(uow.session).latest()) if e.entity == "service"]
    assert [(e.action, e.entity_id) for e in events] == [
        ("create", service.id), ("delete", service.id), ("restore", restored.id)]
    assert events[1].summary == "Le service T127 du 2024-06-03 (mandat 500-01-000005-241)"


def test_a_service_changed_elsewhere_is_not_deleted_unseen(engine):
    mandate = new_mandate(engine, "500-01-000006-241")
    service = add(engine, trial(mandate))
    add(engine, replace(service, room="3.01"))
    with UnitOfWork(engine) as uow, pytest.raises(ConcurrentEditError):
        delete_work(uow, service, user="atremblay", now=NOW)


def test_a_service_on_a_statement_is_neither_changed_nor_deleted(engine):
    mandate = new_mandate(engine, "500-01-000007-241")
    billed = add(engine, trial(mandate))
    drafted = add(engine, trial(mandate, "T117"))
    with UnitOfWork(engine) as uow:
        final = StatementRow(number="R-2024-007", type="final", created_on=date(2024, 9, 1), total=Decimal("330.00"))
        draft = StatementRow(number="R-2024-008", type="final", created_on=date(2024, 9, 3))
        uow.session.add_all([final, draft])
        uow.session.flush()
        uow.session.add_all([
            StatementLineRow(statement_id=final.id, position=1, service_id=billed.id, rendered_on=HEARING,
                             code="T127", label="Procès", amount=Decimal("330.00")),
            StatementLineRow(statement_id=draft.id, position=1, service_id=drafted.id, rendered_on=HEARING,
                             code="T117", label="Représentations", amount=Decimal("100.00")),
        ])
        uow.commit()
        final.finalized_on = date(2024, 9, 2)
        uow.commit()
    with UnitOfWork(engine) as uow, pytest.raises(FrozenStatementError, match="R-2024-007.*supplémentaire"):
        delete_work(uow, billed, user="atremblay", now=NOW)
    with pytest.raises(FrozenStatementError, match="modifié"):
        add(engine, replace(billed, room="3.01"))
    with UnitOfWork(engine) as uow, pytest.raises(OnStatementError, match="R-2024-008"):
        delete_work(uow, drafted, user="atremblay", now=NOW)
    assert {s.statement for s in work(engine, mandate).services} == {"R-2024-007", "R-2024-008"}


def test_travel_and_disbursement_problems(engine):
    mandate = new_mandate(engine, "500-01-000008-241")
    with pytest.raises(InvalidRecord) as raised:
        add(engine, Travel(mandate_id=mandate.id, travelled_on=HEARING, km=Decimal("-1"), destination_km=Decimal("5"),
                           basis="nowhere"))
    assert {p.field for p in raised.value.problems} == {"km", "basis"}
    with pytest.raises(InvalidRecord) as raised:
        add(engine, Disbursement(mandate_id=mandate.id, incurred_on=HEARING, description=" ", amount=Decimal("0")))
    assert {p.field for p in raised.value.problems} == {"description", "amount"}


def test_an_amount_finer_than_the_cent_is_refused_not_rounded_away(engine):
    # amounts are stored in cents: 45.678 $ would be written 45.68 $ without a word
    mandate = new_mandate(engine, "500-01-000009-241")
    with pytest.raises(InvalidRecord, match="deux décimales") as raised:
        add(engine, Disbursement(mandate_id=mandate.id, incurred_on=HEARING, description="Huissier",
                                 amount=Decimal("45.678")))
    assert [p.field for p in raised.value.problems] == ["amount"]
    with pytest.raises(InvalidRecord) as raised:
        add(engine, Travel(mandate_id=mandate.id, travelled_on=HEARING, km=Decimal("10"), destination_km=Decimal("5"),
                           basis="outside_district", parking=Decimal("12.005"), actual_cost=Decimal("-1")))
    assert [(p.field, p.message_fr) for p in raised.value.problems] == [
        ("parking", "Le montant s'exprime en cents (deux décimales au plus)."),
        ("actual_cost", "Un montant ne peut pas être négatif."),
    ]
    with pytest.raises(InvalidRecord) as raised:
        add(engine, trial(mandate, amount_override=Decimal("400.001"), override_reason="Considération spéciale"))
    assert [p.field for p in raised.value.problems] == ["amount_override"]
    assert work(engine, mandate).services == () and work(engine, mandate).travel == ()
    assert work(engine, mandate).disbursements == ()
