"""A finalized statement is immutable in the storage layer itself (corrections are
supplementary statements), on SQLite and PostgreSQL; its follow-up (sent, received, paid)
stays recordable."""

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from lawyer_billing.storage.errors import FrozenStatementError
from lawyer_billing.storage.rows import StatementLineRow, StatementRow
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import fill_every_table, migrated_engine


@pytest.fixture
def engine(database_url, tmp_path):
    engine = migrated_engine(database_url, tmp_path / "backups")
    fill_every_table(engine)
    yield engine
    engine.dispose()


def finalize(engine) -> None:
    with UnitOfWork(engine) as uow:
        uow.session.scalar(select(StatementRow)).finalized_on = date(2024, 9, 30)
        uow.commit()


def test_a_draft_statement_can_still_be_corrected(engine):
    with UnitOfWork(engine) as uow:
        line = uow.session.scalar(select(StatementLineRow))
        line.amount = Decimal("165.00")
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(StatementLineRow)).amount == Decimal("165.00")


@pytest.mark.parametrize("change", [
    lambda s: setattr(s.scalar(select(StatementLineRow)), "amount", Decimal("999.99")),
    lambda s: s.delete(s.scalar(select(StatementLineRow))),
    lambda s: s.add(StatementLineRow(statement_id=s.scalar(select(StatementRow)).id, position=2,
                                     rendered_on=date(2024, 6, 4), code="T3", label="ajout", amount=Decimal("60"))),
    lambda s: setattr(s.scalar(select(StatementRow)), "total", Decimal("1.00")),
    lambda s: setattr(s.scalar(select(StatementRow)), "finalized_on", None),
    lambda s: setattr(s.scalar(select(StatementRow)), "cap_reduction", Decimal("10.00")),
    lambda s: (statement := s.scalar(select(StatementRow)), statement.mandates.clear()),
    lambda s: s.delete(s.scalar(select(StatementRow))),
], ids=["edit line", "delete line", "add line", "change total", "unfinalize", "change reduction", "change mandates",
     "delete statement"])
def test_a_finalized_statement_refuses_every_change_and_keeps_its_content(engine, change):
    finalize(engine)
    with UnitOfWork(engine) as uow, pytest.raises(FrozenStatementError, match="relevé supplémentaire"):
        touched = change(uow.session)  # keep what the change touched alive until the flush
        uow.commit()
    del touched
    with UnitOfWork(engine) as uow:
        statement = uow.session.scalar(select(StatementRow))
        assert statement.total == Decimal("330.00") and statement.finalized_on == date(2024, 9, 30)
        assert [(line.code, line.amount) for line in statement.lines] == [("T127", Decimal("330.00"))]
        assert len(statement.mandates) == 1


def test_the_follow_up_of_a_finalized_statement_is_recorded(engine):
    finalize(engine)
    with UnitOfWork(engine) as uow:
        statement = uow.session.scalar(select(StatementRow))
        statement.sent_on = date(2024, 10, 1)
        statement.received_on = date(2024, 10, 3)
        statement.status = "received"
        uow.commit()
    with UnitOfWork(engine) as uow:
        assert uow.session.scalar(select(StatementRow)).status == "received"
