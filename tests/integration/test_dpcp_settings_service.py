"""The DPCP negotiation service's address and rooms kept as settings (SQLite and PostgreSQL):
the notice's until changed, checked before anything is written, audited, and restored by
forgetting what was stored."""

import pytest

from lawyer_billing.domain.tools.dpcp_email import DEFAULT
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services.settings import load_dpcp_settings, restore_dpcp_notice, save_dpcp_settings
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.settings_store import SettingRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW


def loaded(engine):
    with UnitOfWork(engine) as uow:
        return load_dpcp_settings(uow)


def test_saved_audited_and_restored(engine):
    assert loaded(engine) == DEFAULT
    with UnitOfWork(engine) as uow:
        save_dpcp_settings(uow, " negociation@dpcp.gouv.qc.ca ", ("3.07", " 5.01"), user="atremblay", now=NOW)
    settings = loaded(engine)
    assert (settings.address, settings.rooms) == ("negociation@dpcp.gouv.qc.ca", ("3.07", "5.01"))
    assert settings.reception_phone == DEFAULT.reception_phone  # the notice's hours and phone stay
    with UnitOfWork(engine) as uow:
        restore_dpcp_notice(uow, user="atremblay", now=NOW)
    assert loaded(engine) == DEFAULT
    with UnitOfWork(engine) as uow:
        assert SettingRepository(uow.session).with_prefix("dpcp.") == {}
        events = AuditTrail(uow.session).latest()
    notice = {"address": DEFAULT.address, "first_room": "3.07", "second_room": "4.02"}
    changed = {"address": "negociation@dpcp.gouv.qc.ca", "first_room": "3.07", "second_room": "5.01"}
    assert [(e.before, e.after) for e in reversed(events)] == [(notice, changed), (changed, notice)]


def test_refused_values_write_nothing(engine):
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        save_dpcp_settings(uow, "dpcp", ("", "4.02"), user="atremblay", now=NOW)
    assert [p.field for p in refused.value.problems] == ["address", "first_room"]
    with UnitOfWork(engine) as uow:
        assert SettingRepository(uow.session).with_prefix("dpcp.") == {}
        assert AuditTrail(uow.session).latest() == []


def test_a_stored_value_that_no_longer_passes_falls_back_to_the_notice(engine):
    with UnitOfWork(engine) as uow:
        for key, value in (("dpcp.address", "à corriger"), ("dpcp.first_room", "3.07"), ("dpcp.second_room", "4.02")):
            SettingRepository(uow.session).put(key, value)
        uow.commit()
    assert loaded(engine) == DEFAULT
