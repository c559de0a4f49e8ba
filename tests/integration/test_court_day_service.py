"""A day in court priced as a whole and saved as a whole (SQLite and PostgreSQL)."""

from datetime import date, time
from decimal import Decimal

import pytest

from lawyer_billing.domain.mandate import Mandate, MatterType
from lawyer_billing.domain.service import Disposition, Service
from lawyer_billing.domain.tariff import shipped_tariff
from lawyer_billing.domain.validation import InvalidRecord
from lawyer_billing.services.court_day import (
    Attendance,
    CourtDay,
    day_problems,
    item_choices,
    preview_day,
    save_day,
)
from lawyer_billing.services.mandates import save_mandate
from lawyer_billing.services.work_log import save_service
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.repositories import ServiceRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW, migrated_engine

DAY = date(2024, 6, 3)


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    yield engine
    engine.dispose()


def new_mandate(engine, number, client) -> Mandate:
    mandate = Mandate(number=number, client_name=client, issued_on=date(2024, 5, 2), matter_type=MatterType.CRIMINAL_PENAL)
    with UnitOfWork(engine) as uow:
        return save_mandate(uow, mandate, user="atremblay", now=NOW)


def day_of(*attendances, court="Montréal") -> CourtDay:
    return CourtDay(DAY, court, "3.01", attendances)


def preview(engine, court_day):
    with UnitOfWork(engine) as uow:
        return preview_day(uow, court_day, DAY)


def services_of(engine, mandate):
    with UnitOfWork(engine) as uow:
        return ServiceRepository(uow.session).for_mandate(mandate.id)


def test_the_rows_are_priced_together_with_the_day_already_stored(engine):
    """T98: Zoé's two informations tried the same day in the same court: T120 (550,00 $) in
    full, T127 (330,00 $) at half, 165,00 $, though the T120 was logged earlier."""
    first = new_mandate(engine, "500-01-000001-241", "Zoé L'Heureux")
    second = new_mandate(engine, "500-01-000002-241", "Zoé L'Heureux")
    with UnitOfWork(engine) as uow:
        stored = save_service(uow, Service(mandate_id=first.id, code="T120", rendered_on=DAY, court="Montréal",
                                           disposition=Disposition.TRIAL), user="atremblay", now=NOW)
    shown = preview(engine, day_of(Attendance(second.id, "t127", disposition=Disposition.TRIAL)))
    row = shown.for_row(0)
    assert row.priced.code == "T127" and row.priced.amount == Decimal("165.00")
    assert [r.code for r in row.priced.rules] == ["T98"]
    assert "500-01-000001-241" in row.priced.rules[0].explanation_fr
    [earlier] = shown.stored
    assert earlier.service == stored and earlier.priced.amount == Decimal("550.00")
    assert shown.total == Decimal("715.00") and shown.problems == ()


def test_half_a_day_and_co_accused(engine):
    """T96: a Superior Court trial day (T113, 800,00 $) that ends before 13 h is half a day,
    400,00 $. T99: two co-accused of one event in the same court the same morning, T127: the
    first (by name, on a tie) 330,00 $, the other half, 165,00 $."""
    alone = new_mandate(engine, "500-01-000010-241", "Jean Roy")
    marc = new_mandate(engine, "500-01-000011-241", "Marc Tremblay")
    zoe = new_mandate(engine, "500-01-000012-241", "Zoé L'Heureux")
    shown = preview(engine, day_of(
        Attendance(alone.id, "T113", time(9, 30), time(11, 30), Disposition.TRIAL),
        Attendance(zoe.id, "T127", time(9, 0), time(10, 0), co_accused_group="Vol Laval"),
        Attendance(marc.id, "T127", time(9, 30), time(10, 30), co_accused_group="Vol Laval"),
    ))
    amounts = [(line.row, line.priced.amount, [r.code for r in line.priced.rules]) for line in shown.lines]
    assert amounts == [(0, Decimal("400.00"), ["T96"]), (1, Decimal("165.00"), ["T99"]), (2, Decimal("330.00"), [])]


def test_saving_stores_every_row_with_its_audit_event(engine):
    zoe = new_mandate(engine, "500-01-000001-241", "Zoé L'Heureux")
    marc = new_mandate(engine, "500-01-000002-241", "Marc Tremblay")
    with UnitOfWork(engine) as uow:
        saved = save_day(uow, day_of(Attendance(zoe.id, "T 115", time(9), time(9, 45), Disposition.GUILTY_PLEA),
                                     Attendance(None, ""),
                                     Attendance(marc.id, "T117")),
                         user="atremblay", now=NOW)
    assert [(s.code, s.court, s.room, s.rendered_on) for s in saved] == [
        ("T115", "Montréal", "3.01", DAY), ("T117", "Montréal", "3.01", DAY)]
    assert services_of(engine, zoe)[0].disposition is Disposition.GUILTY_PLEA
    with UnitOfWork(engine) as uow:
        summaries = [e.summary for e in AuditTrail(uow.session).latest() if e.entity == "service"]
    assert sorted(summaries) == [
        "Journée d'audience du 2024-06-03 : service T115 (mandat 500-01-000001-241)",
        "Journée d'audience du 2024-06-03 : service T117 (mandat 500-01-000002-241)",
    ]


def test_one_bad_row_saves_nothing_and_every_problem_names_its_row_and_field(engine):
    zoe = new_mandate(engine, "500-01-000001-241", "Zoé L'Heureux")
    court_day = day_of(Attendance(zoe.id, "T127"),
                       Attendance(zoe.id, "T9999", time(11), time(10)),
                       Attendance(None, "T117"), court=" ")
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as raised:
        save_day(uow, court_day, user="atremblay", now=NOW)
    assert [p.field for p in raised.value.problems] == [
        "court", "rows[1].code", "rows[1].end", "rows[2].mandate"]
    assert services_of(engine, zoe) == []
    with UnitOfWork(engine) as uow:  # the same problems, asked without saving
        assert day_problems(uow, court_day) == list(raised.value.problems)
    shown = preview(engine, court_day)
    assert [line.row for line in shown.lines] == [0] and len(shown.problems) == 3


def test_nothing_to_save(engine):
    with UnitOfWork(engine) as uow, pytest.raises(InvalidRecord) as raised:
        save_day(uow, day_of(Attendance(None, "")), user="atremblay", now=NOW)
    assert [p.field for p in raised.value.problems] == ["rows"]


def test_item_choices_by_code_or_by_words_of_the_label():
    tariff = shipped_tariff()
    codes = [choice.code for choice in item_choices(tariff, "T12", DAY)]
    # the codes that start with T12 first, then the items whose label cites one (T130 cites T127)
    assert codes[:4] == ["T12", "T120", "T121", "T122"] and "T130" in codes
    assert codes.index("T130") > max(codes.index(c) for c in codes if c.startswith("T12"))
    [plea] = [c for c in item_choices(tariff, "plaidoyer culpabilité", DAY) if c.code == "T115"]
    assert plea.amount == Decimal("150.00") and plea.label_fr.startswith("Vacation")
    assert all(c.code not in ("T98", "T99") for c in item_choices(tariff, "T9", DAY))
