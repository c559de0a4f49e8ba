"""The lawyer's profile, km rates (art. 20) and added holidays (CPP art. 18) saved through the
profile service on both databases: checked by field, stored, audited, and read by the engine."""

from datetime import date
from decimal import Decimal

import pytest

from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services.profile import (
    AddedHoliday,
    KmRate,
    add_holiday,
    add_km_rate,
    added_holidays,
    km_rates,
    load_profile,
    remove_holiday,
    remove_km_rate,
    save_profile,
)
from lawyer_billing.services.settings import engine_settings
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW, migrated_engine

TODAY = date(2026, 11, 22)
PROFILE = LawyerProfile(
    name="  Me Anne Tremblay ", address="10, rue Saint-Jacques\nMontréal (Québec) H2Y 1L3",
    barreau_number="123456-7", csj_number="P12345", office_district="Montréal",
    gst_number="123456789rt0001", qst_number="1234567890-TQ-0001",
)


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    yield engine
    engine.dispose()


def test_a_new_database_has_an_empty_profile(engine):
    with UnitOfWork(engine) as uow:
        assert load_profile(uow) == LawyerProfile()


def test_the_profile_is_stored_tidied_and_audited_and_gives_the_engine_its_district(engine):
    with UnitOfWork(engine) as uow:
        saved = save_profile(uow, PROFILE, user="atremblay", now=NOW)
    assert saved.name == "Me Anne Tremblay"
    assert (saved.gst_number, saved.qst_number) == ("123456789 RT 0001", "1234567890 TQ 0001")
    with UnitOfWork(engine) as uow:
        assert load_profile(uow) == saved
        assert engine_settings(uow, TODAY).office_district == "Montréal"
        assert [e.summary for e in AuditTrail(uow.session).latest()] == ["Profil de Me Anne Tremblay"]
    with UnitOfWork(engine) as uow:  # saving again replaces the one profile
        again = save_profile(uow, LawyerProfile(name="Me Anne Tremblay", gst_number=" "), user="atremblay", now=NOW)
    assert again.gst_number is None
    with UnitOfWork(engine) as uow:
        assert load_profile(uow).address == ""


def test_a_profile_with_problems_names_each_field_and_stores_nothing(engine):
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        save_profile(uow, LawyerProfile(name=" ", gst_number="12345", qst_number="123456789 RT 0001"),
                     user="atremblay", now=NOW)
    assert [p.field for p in refused.value.problems] == ["name", "gst_number", "qst_number"]
    with UnitOfWork(engine) as uow:
        assert load_profile(uow) == LawyerProfile()


def test_km_rates_are_added_with_their_source_refused_when_wrong_and_removed(engine):
    rate = KmRate(date(2024, 4, 1), Decimal("0.470"), "  Directive du Conseil du trésor, art. 8 ")
    with UnitOfWork(engine) as uow:
        add_km_rate(uow, rate, user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        assert km_rates(uow) == [KmRate(date(2024, 4, 1), Decimal("0.470"), "Directive du Conseil du trésor, art. 8")]
        assert engine_settings(uow, TODAY).km_rates == {date(2024, 4, 1): Decimal("0.470")}
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        add_km_rate(uow, KmRate(date(2024, 4, 1), Decimal("47"), ""), user="atremblay", now=NOW)
    assert [p.field for p in refused.value.problems] == ["effective_on", "rate", "source_note"]
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord, match="trois décimales"):
        add_km_rate(uow, KmRate(date(2025, 4, 1), Decimal("0.4705"), "avis"), user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        assert remove_km_rate(uow, date(2024, 4, 1), user="atremblay", now=NOW) == []
    with UnitOfWork(engine) as uow:
        assert km_rates(uow) == []
        assert [e.action for e in AuditTrail(uow.session).latest()] == ["delete", "create"]


def test_removing_a_km_rate_or_a_holiday_that_is_not_there_is_refused_and_writes_nothing(engine):
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord, match="Aucun taux n'est saisi à compter du 2024-04-01") \
            as refused:
        remove_km_rate(uow, date(2024, 4, 1), user="atremblay", now=NOW)
    assert [p.field for p in refused.value.problems] == ["effective_on"]
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord, match="2026-12-31 n'est pas dans la liste") as refused:
        remove_holiday(uow, date(2026, 12, 31), user="atremblay", now=NOW)
    assert [p.field for p in refused.value.problems] == ["day"]
    with UnitOfWork(engine) as uow:
        assert AuditTrail(uow.session).latest() == []


def test_added_holidays_move_deadlines_and_need_a_reason(engine):
    with UnitOfWork(engine) as uow:
        add_holiday(uow, AddedHoliday(date(2026, 12, 31), " Fermeture du palais de justice "), user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        assert added_holidays(uow) == [AddedHoliday(date(2026, 12, 31), "Fermeture du palais de justice")]
        assert engine_settings(uow, TODAY).holidays == (date(2026, 12, 31),)
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        add_holiday(uow, AddedHoliday(date(2026, 12, 31), ""), user="atremblay", now=NOW)
    assert [p.field for p in refused.value.problems] == ["day", "label"]
    with UnitOfWork(engine) as uow:
        assert remove_holiday(uow, date(2026, 12, 31), user="atremblay", now=NOW) == []
    with UnitOfWork(engine) as uow:
        assert added_holidays(uow) == []
