"""A text longer than its column is refused with a sentence on both databases (PostgreSQL
would raise a driver error, SQLite would store it): nothing written, the field named."""

from datetime import date, datetime

import pytest

from lawyer_billing.domain.mandate import Mandate, MatterType
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services.mandates import save_mandate
from lawyer_billing.storage.repositories import MandateRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork

NOW = datetime(2026, 11, 22, 10, 0)


def mandate(**values):
    return Mandate(**({"number": "500-01-000001-261", "client_name": "Zoé Roy", "issued_on": date(2026, 4, 7),
                       "matter_type": MatterType.CRIMINAL_PENAL} | values))


def test_a_pasted_10_000_character_name_is_refused_on_its_field_and_nothing_is_stored(engine):
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        save_mandate(uow, mandate(client_name="Ab" * 5_000, number="5" * 61), user="atremblay", now=NOW)
    assert {problem.field: problem.message_fr for problem in refused.value.problems} == {
        "client_name": "Texte trop long : au plus 400 caractères (10\u00a0000 saisis, « AbAbAbAbAbAbAbAbAbAbAbAbAbAbAb… »).",
        "number": "Texte trop long : au plus 60 caractères (61 saisis, « 555555555555555555555555555555… »).",
    }
    with UnitOfWork(engine) as uow:
        assert MandateRepository(uow.session).all() == []


def test_a_text_at_its_column_length_and_a_long_note_are_stored_whole(engine):
    with UnitOfWork(engine) as uow:
        saved = save_mandate(uow, mandate(number="5" * 60, client_name="é" * 400, notes="n" * 20_000),
                             user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        [stored] = MandateRepository(uow.session).all()
    assert (stored.number, stored.client_name, len(stored.notes)) == ("5" * 60, "é" * 400, 20_000)
    assert stored.id == saved.id


def test_every_disposition_fits_its_column(engine):
    """« settled_before_defence » once overflowed ``service.disposition`` (20 characters):
    PostgreSQL refused the service, SQLite kept it."""
    from lawyer_billing.domain.service import Disposition, Service
    from lawyer_billing.services.work_log import save_service

    with UnitOfWork(engine) as uow:
        mandate_id = save_mandate(uow, mandate(), user="atremblay", now=NOW).id
    for disposition in Disposition:
        with UnitOfWork(engine) as uow:
            save_service(uow, Service(mandate_id, "T127", date(2026, 5, 4), disposition=disposition),
                         user="atremblay", now=NOW)
