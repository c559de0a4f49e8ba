"""The lawyer's profile and its logo, km rates (art. 20) and added holidays (CPP art. 18) saved
through the profile service on both databases: checked by field, stored, audited, and read by
the engine."""

from dataclasses import replace
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
    LOGO_MAX_BYTES,
    load_profile,
    remove_holiday,
    remove_km_rate,
    remove_logo,
    save_profile,
    set_logo,
)
from lawyer_billing.services.settings import engine_settings
from lawyer_billing.services.statements import lawyer_letterhead
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW, migrated_engine
from tests.logo_images import PNG_SIGNATURE_ONLY, image_bytes

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


LOGO = image_bytes(300, 100)


def test_a_logo_is_stored_as_its_bytes_kept_by_a_profile_save_printed_and_removed(engine):
    with UnitOfWork(engine) as uow:
        save_profile(uow, PROFILE, user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        stored = set_logo(uow, LOGO, " cabinet.png ", user="atremblay", now=NOW)
    assert (stored.logo, stored.logo_name, stored.name) == (LOGO, "cabinet.png", "Me Anne Tremblay")
    with UnitOfWork(engine) as uow:  # the screen saves the typed texts, which carry no logo
        save_profile(uow, replace(PROFILE, office_district="Laval"), user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        profile = load_profile(uow)
        assert (profile.logo, profile.logo_name, profile.office_district) == (LOGO, "cabinet.png", "Laval")
        assert lawyer_letterhead(uow).logo == LOGO  # what the relevé and the letters print
        event = AuditTrail(uow.session).latest()[1]
    assert (event.summary, event.before, event.after) == (
        "Logo du profil : cabinet.png", {"logo_name": "", "logo_bytes": "0"},
        {"logo_name": "cabinet.png", "logo_bytes": str(len(LOGO))})
    with UnitOfWork(engine) as uow:
        removed = remove_logo(uow, user="atremblay", now=NOW)
    assert (removed.logo, removed.logo_name, removed.name) == (None, "", "Me Anne Tremblay")
    with UnitOfWork(engine) as uow:
        assert load_profile(uow) == replace(profile, logo=None, logo_name="")
        event = AuditTrail(uow.session).latest()[0]
    assert (event.summary, event.before, event.after) == (
        "Logo du profil retiré : cabinet.png", {"logo_name": "cabinet.png", "logo_bytes": str(len(LOGO))},
        {"logo_name": "", "logo_bytes": "0"})


@pytest.mark.parametrize("kind", ["JPEG", "MPO"])
def test_a_jpeg_is_a_logo_too_even_before_the_profile_is_filled_in(engine, kind):
    jpeg = image_bytes(120, 40, kind)
    with UnitOfWork(engine) as uow:
        set_logo(uow, jpeg, "logo.jpg", user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        assert load_profile(uow) == LawyerProfile(logo=jpeg, logo_name="logo.jpg")


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "vide.png", "Logo : « vide.png » est vide."),
    (PNG_SIGNATURE_ONLY, "faux.png", "Logo : « faux.png » n'est pas une image PNG ou JPEG lisible."),
    (b"%PDF-1.4 not an image", "lettre.jpg", "Logo : « lettre.jpg » n'est pas une image PNG ou JPEG lisible."),
    (image_bytes(kind="GIF"), "anime.png", "Logo : « anime.png » est une image GIF : seules les images PNG et "
                                           "JPEG sont acceptées."),
    # a few kilobytes of PNG, 30 million pixels once decoded (LOGO_MAX_PIXELS is 25 million)
    (image_bytes(6000, 5000), "affiche.png", "Logo : « affiche.png » a trop de pixels (6000 × 5000) : au plus 25 "
                                             "millions, réduisez l'image."),
    # 2 Mo = 2 × 1 024 × 1 024 = 2 097 152 bytes; one more is refused
    (b"\x89PNG" + bytes(LOGO_MAX_BYTES - 3), "scan.png",
     "Logo : « scan.png » fait 2\xa0097\xa0153 octets ; la limite est de 2 Mo (2\xa0097\xa0152 octets). "
     "Réduisez l'image ou choisissez-en une plus petite."),
])
def test_an_empty_unreadable_or_too_big_logo_is_refused_on_its_field_and_nothing_changes(engine, data, name, message):
    with UnitOfWork(engine) as uow:
        save_profile(uow, PROFILE, user="atremblay", now=NOW)
        set_logo(uow, LOGO, "cabinet.png", user="atremblay", now=NOW)
    with UnitOfWork(engine) as uow:
        before = (load_profile(uow), AuditTrail(uow.session).latest())
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as refused:
        set_logo(uow, data, name, user="atremblay", now=NOW)
    assert [(p.field, p.message_fr) for p in refused.value.problems] == [("logo", message)]
    with UnitOfWork(engine) as uow:
        assert (load_profile(uow), AuditTrail(uow.session).latest()) == before


def test_removing_a_logo_that_is_not_there_is_refused_and_writes_nothing(engine):
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord, match="aucun logo n'est enregistré") as refused:
        remove_logo(uow, user="atremblay", now=NOW)
    assert [p.field for p in refused.value.problems] == ["logo"]
    with UnitOfWork(engine) as uow:
        assert load_profile(uow) == LawyerProfile() and AuditTrail(uow.session).latest() == []
