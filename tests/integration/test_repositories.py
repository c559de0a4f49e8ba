"""Repositories hand out domain objects (no SQLAlchemy) with exact money and real enums."""

from datetime import date, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.mandate import EndReason, Mandate, MatterType
from lawyer_billing.domain.service import Disposition, Service
from lawyer_billing.storage.errors import ConcurrentEditError
from lawyer_billing.storage.repositories import MandateRepository, ServiceRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import migrated_engine


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    yield engine
    engine.dispose()


def test_mandate_and_service_round_trip(engine):
    with UnitOfWork(engine) as uow:
        mandate = MandateRepository(uow.session).add(Mandate(
            number="500-01-123456-241", client_name="Zoé L'Heureux", issued_on=date(2024, 5, 2),
            matter_type=MatterType.CRIMINAL_PENAL, ended_on=date(2024, 9, 10), end_reason=EndReason.JUDGMENT,
            judgment_on=date(2024, 9, 10)))
        ServiceRepository(uow.session).add(Service(
            mandate_id=mandate.id, code="T201", rendered_on=date(2024, 6, 3), start=time(13, 30),
            disposition=Disposition.TRIAL, amount_override=Decimal("123.45"), override_reason="considération spéciale"))
        uow.commit()
    with UnitOfWork(engine) as uow:
        stored = MandateRepository(uow.session).get(mandate.id)
        services = ServiceRepository(uow.session).for_mandate(mandate.id)
    assert stored.matter_type is MatterType.CRIMINAL_PENAL and stored.ended_by_judgment
    assert stored.client_name == "Zoé L'Heureux" and stored.version == 1
    assert services[0].disposition is Disposition.TRIAL
    assert services[0].amount_override == Decimal("123.45") and services[0].start == time(13, 30)


def test_saving_a_stale_copy_is_refused_and_keeps_the_other_save(engine):
    with UnitOfWork(engine) as uow:
        mandate = MandateRepository(uow.session).add(Mandate(
            number="M1", client_name="A", issued_on=date(2024, 5, 2), matter_type=MatterType.FAMILY))
        uow.commit()
    from dataclasses import replace

    with UnitOfWork(engine) as uow:
        MandateRepository(uow.session).update(replace(mandate, notes="première"))
        uow.commit()
    with UnitOfWork(engine) as uow, pytest.raises(ConcurrentEditError):
        MandateRepository(uow.session).update(replace(mandate, notes="seconde"))
    with UnitOfWork(engine) as uow:
        assert MandateRepository(uow.session).get(mandate.id).notes == "première"


def test_office_and_disbursement_round_trip(engine):
    from lawyer_billing.domain.mandate import LegalAidOffice
    from lawyer_billing.domain.service import Disbursement
    from lawyer_billing.storage.repositories import DisbursementRepository, OfficeRepository

    with UnitOfWork(engine) as uow:
        office = OfficeRepository(uow.session).add(LegalAidOffice(name="Centre communautaire juridique de Montréal"))
        mandate = MandateRepository(uow.session).add(Mandate(
            number="M2", client_name="B", issued_on=date(2024, 5, 2), matter_type=MatterType.CIVIL, office_id=office.id))
        DisbursementRepository(uow.session).add(Disbursement(
            mandate_id=mandate.id, incurred_on=date(2024, 6, 1), description="Expertise", amount=Decimal("1250.05"),
            receipt_reference="F-77", expert_authorised_on=date(2024, 5, 20)))
        uow.commit()
    with UnitOfWork(engine) as uow:
        stored = DisbursementRepository(uow.session).all()
        assert OfficeRepository(uow.session).get(office.id).name == "Centre communautaire juridique de Montréal"
    assert stored[0].amount == Decimal("1250.05") and stored[0].expert_authorised_on == date(2024, 5, 20)
