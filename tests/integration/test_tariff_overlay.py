"""A firm fills in a figure the text lost (T36, class II): stored with who, when and the
source, applied from its date, refused whole when one entry is wrong."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from lawyer_billing.domain.tariff import OverlayAmount, OverlayError, UnknownCodeError, shipped_tariff
from lawyer_billing.services.tariff_overlay import current_tariff, record_overlay_amounts
from lawyer_billing.storage.repositories import TariffOverlayRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import migrated_engine


def entry(code="T36", amount="500.00", tariff_class="II", effective=date(2007, 4, 1)):
    return OverlayAmount(code=code, effective=effective, amount=Decimal(amount), tariff_class=tariff_class,
                         source_note="Gazette officielle 2008, D. 911-2008", entered_by="atremblay",
                         entered_at=datetime(2026, 11, 22, 10, 0))


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    yield engine
    engine.dispose()


def test_a_lost_class_figure_is_filled_in_and_applies_from_its_date(engine):
    assert shipped_tariff().amount("T36", date(2024, 5, 2), "II") is None
    with UnitOfWork(engine) as uow:
        record_overlay_amounts(uow, [entry()])
        uow.commit()
    with UnitOfWork(engine) as uow:
        tariff = current_tariff(uow)
        stored = TariffOverlayRepository(uow.session).all()
    assert tariff.amount("T36", date(2024, 5, 2), "II") == Decimal("500.00")
    assert tariff.amount("T36", date(2024, 5, 2), "I") is None
    assert stored[0].entered_by == "atremblay" and stored[0].source_note.startswith("Gazette")
    assert shipped_tariff().amount("T36", date(2024, 5, 2), "II") is None


@pytest.mark.parametrize("bad, error", [(entry(code="T999"), UnknownCodeError), (entry(code="T96", tariff_class=None), OverlayError)])
def test_one_wrong_entry_stores_nothing(engine, bad, error):
    with UnitOfWork(engine) as uow, pytest.raises(error):
        record_overlay_amounts(uow, [entry(), bad])
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert TariffOverlayRepository(uow.session).all() == []


def test_a_typed_amount_is_refused_on_its_fields_and_never_replaces_a_stored_one(engine):
    from dataclasses import replace

    from lawyer_billing.domain.validation import InvalidRecord
    from lawyer_billing.services.tariff_overlay import record_amount, stored_amounts

    with UnitOfWork(engine) as uow:
        record_amount(uow, entry())
    again = replace(entry(amount="650.00"), source_note=" ", effective=date(2007, 4, 1))
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        record_amount(uow, again)
    assert {p.field for p in refused.value.problems} == {"effective", "source_note"}
    assert "déjà enregistré" in refused.value.for_field("effective")[0]
    with UnitOfWork(engine) as uow:
        assert [e.amount for e in stored_amounts(uow)] == [Decimal("500.00")]
