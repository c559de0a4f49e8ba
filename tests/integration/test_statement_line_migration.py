"""Revision 0003: a statement line's km, rate, parking, receipt and correction mark move from the
JSON of its rules into columns, on SQLite and PostgreSQL. Statements finalized before keep a
seal that verifies, and going back down to 0002 gives the rules texts back as they were."""

import json
from datetime import date
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import MetaData, insert, select, text
from sqlalchemy.orm import Session

from lawyer_billing.services import statements
from lawyer_billing.services.statements import LineKind
from lawyer_billing.storage.backup import BackupFolder
from lawyer_billing.storage.database import create_db_engine, open_database
from lawyer_billing.storage.migrate import alembic_config, current_revision, migrate
from lawyer_billing.storage.rows import (
    DisbursementRow,
    LegalAidOfficeRow,
    MandateRow,
    ServiceRow,
    StatementLineRow,
    StatementRow,
    TravelRow,
)
from lawyer_billing.storage.statement_seal import lines_hash
from lawyer_billing.storage.statement_store import StatementStore
from lawyer_billing.storage.unit_of_work import UnitOfWork
from tests.helpers import NOW
from tests.integration.test_statements_service import finalized, mandate, office, work

TODAY = date(2026, 11, 22)
D = Decimal


def rules(*notes, **details) -> str:
    """A rules text as the application wrote it up to revision 0002: the rules and, beside them,
    what the line prints (``json.dumps(..., ensure_ascii=False, sort_keys=True)``)."""
    document = {"rules": [{"code": code, "explanation": explanation} for code, explanation in notes]} | details
    return json.dumps(document, ensure_ascii=False, sort_keys=True)


FEE_RULES = rules(("T127", "T127 : plaidoyer de culpabilité, ensemble des services"))
TRAVEL_RULES = rules(("art. 20 2°", "art. 20 2° : 180 km payés à 0,47 $ le km, selon la distance effectivement "
                                    "parcourue"),
                     ("art. 20 al. 3", "art. 20 al. 3 : frais de stationnement"),
                     km="180", rate="0.47", parking="12.00")
DISBURSEMENT_RULES = rules(receipt="H-889")
CORRECTION_RULES = rules(("art. 22", "art. 22 : réduction de 35 % au-delà de 140 000 $"), correction=True)

#: the seals the application of revision 0002 computed for these two statements (their lines
#: and totals below, the records numbered 1): they must still verify after the migration
FINAL_SEAL = "27e4888001472a8a3dd34a96a4b17cc3ab65fd940b9507b39a834a4ebd2fa6bc"
SUPPLEMENTARY_SEAL = "21be812026041af83eb7f777f3c67bc25dc05a49af6c4b437050a8d4b5724ff8"


@pytest.fixture
def engine(database_url, tmp_path):
    engine = open_database(database_url)
    migrate(engine, backups=BackupFolder(tmp_path / "backups"), now=NOW, target="0002")
    yield engine
    engine.dispose()


def finalized_at_0002(engine) -> dict[str, str]:
    """Two statements finalized and sealed by the application of revision 0002: a final one (a
    fee, a trip, a disbursement) and a supplementary one correcting its art. 22 reduction;
    return each line's rules text by code."""
    with Session(engine) as session:
        office_row = LegalAidOfficeRow(name="Bureau d'aide juridique de Montréal")
        mandate_row = MandateRow(number="500-01-012345-251", client_name="Zoé L'Heureux", matter_type="criminal_penal",
                                 issued_on=date(2025, 1, 15), ended_on=date(2025, 6, 30), end_reason="judgment",
                                 judgment_on=date(2025, 6, 30), court="Cour du Québec")
        session.add_all([office_row, mandate_row])
        session.flush()
        mandate_row.office_id = office_row.id
        session.add_all([
            ServiceRow(mandate_id=mandate_row.id, code="T127", rendered_on=date(2025, 2, 10)),
            TravelRow(mandate_id=mandate_row.id, travelled_on=date(2025, 2, 10), km=D("180"), destination_km=D("90"),
                      basis="outside_district", parking=D("12.00")),
            DisbursementRow(mandate_id=mandate_row.id, incurred_on=date(2025, 2, 3),
                            description="Signification par huissier", amount=D("45.67"), receipt_reference="H-889"),
        ])
        final = StatementRow(number="R-2026-0001", type="final", status="finalized", created_on=TODAY,
                             finalized_on=TODAY, office_id=office_row.id, mandates=[mandate_row],
                             fees=D("330.00"), cap_reduction=D("45.50"), travel_total=D("96.60"),
                             disbursements_total=D("45.67"), gst=D("0.00"), qst=D("0.00"), total=D("426.77"),
                             lines_hash=FINAL_SEAL)
        session.add(final)
        session.flush()
        supplementary = StatementRow(number="R-2026-0002", type="supplementary", status="finalized",
                                     created_on=TODAY, finalized_on=TODAY, office_id=office_row.id,
                                     supplements_id=final.id, mandates=[mandate_row], fees=D("0.00"),
                                     cap_reduction=D("35.00"), travel_total=D("0.00"), disbursements_total=D("0.00"),
                                     gst=D("0.00"), qst=D("0.00"), total=D("-35.00"), lines_hash=SUPPLEMENTARY_SEAL)
        session.add(supplementary)
        session.commit()
        final_id, supplementary_id = final.id, supplementary.id
    schema = MetaData()  # the table as it is at 0002, without the columns of 0003
    schema.reflect(engine, only=["statement_line"])
    common = {"findings": "[]", "mandate_id": 1, "units": 1, "rendered_on": date(2025, 2, 10), "tariff_amount": None,
              "cap_reduction": None, "service_id": None, "travel_id": None, "disbursement_id": None}
    lines = [
        {"statement_id": final_id, "position": 1, "kind": "fee", "code": "T127",
         "label": "Ensemble des services professionnels", "tariff_amount": 33000, "amount": 33000,
         "cap_reduction": 4550, "rules": FEE_RULES, "service_id": 1},
        {"statement_id": final_id, "position": 2, "kind": "travel", "code": "art. 20",
         "label": "Indemnité de déplacement", "amount": 9660, "rules": TRAVEL_RULES, "travel_id": 1},
        {"statement_id": final_id, "position": 3, "kind": "disbursement", "code": "art. 19",
         "label": "Signification par huissier", "amount": 4567, "rules": DISBURSEMENT_RULES,
         "disbursement_id": 1, "rendered_on": date(2025, 2, 3)},
        {"statement_id": supplementary_id, "position": 1, "kind": "fee", "code": "T127",
         "label": "Correction : Ensemble des services professionnels", "tariff_amount": 33000, "amount": 0,
         "cap_reduction": 3500, "rules": CORRECTION_RULES, "service_id": 1},
    ]
    with engine.begin() as connection:
        connection.execute(insert(schema.tables["statement_line"]), [common | each for each in lines])
    return {each["label"]: each["rules"] for each in lines}


def downgrade_to_0002(engine) -> None:
    config = alembic_config()
    migration_engine = create_db_engine(engine.url, foreign_keys=False)
    with migration_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    migration_engine.dispose()
    assert current_revision(engine) == "0002"


def stored_rules(engine) -> dict[str, str]:
    with engine.connect() as connection:
        return dict(connection.execute(text("SELECT label, rules FROM statement_line")).all())


def test_the_details_move_to_their_columns_and_the_seals_still_verify(engine, tmp_path):
    written = finalized_at_0002(engine)
    migrate(engine, backups=BackupFolder(tmp_path / "backups"), now=NOW)
    with Session(engine) as session:
        columns = [(row.kind, row.km, row.rate, row.parking, row.receipt, row.correction, json.loads(row.rules))
                   for row in session.scalars(select(StatementLineRow).order_by(StatementLineRow.id))]
    assert columns == [
        ("fee", None, None, None, "", False, json.loads(FEE_RULES)),
        ("travel", D("180"), D("0.47"), D("12.00"), "", False, {"rules": json.loads(TRAVEL_RULES)["rules"]}),
        ("disbursement", None, None, None, "H-889", False, {"rules": []}),
        ("fee", None, None, None, "", True, {"rules": json.loads(CORRECTION_RULES)["rules"]}),
    ]
    with UnitOfWork(engine) as uow:
        store = StatementStore(uow.session)
        for statement_id, seal in ((1, FINAL_SEAL), (2, SUPPLEMENTARY_SEAL)):
            stored = store.get(statement_id)
            assert stored.lines_hash == seal == lines_hash(stored.lines, stored.amounts)
            assert statements.open_statement(uow, TODAY, statement_id).findings == ()
        final = statements.open_statement(uow, TODAY, 1)
        trip = next(line for line in final.lines if line.kind is LineKind.TRAVEL)
        assert (trip.km, trip.rate, trip.parking, [rule.code for rule in trip.rules]) == (
            D("180"), D("0.47"), D("12.00"), ["art. 20 2°", "art. 20 al. 3"])
        assert final.lines[2].receipt == "H-889"
        assert statements.statement_document(uow, 1).travel[0].km == D("180")
        assert [line.correction for line in statements.open_statement(uow, TODAY, 2).lines] == [True]
    assert stored_rules(engine) != written
    downgrade_to_0002(engine)
    assert stored_rules(engine) == written  # nothing lost on the way down


def test_a_detail_changed_in_its_column_breaks_the_seal(engine, tmp_path):
    finalized_at_0002(engine)
    migrate(engine, backups=BackupFolder(tmp_path / "backups"), now=NOW)
    with engine.begin() as connection:  # an edit of the database file, past the application
        connection.execute(text("UPDATE statement_line SET km = '280' WHERE kind = 'travel'"))
    with UnitOfWork(engine) as uow:
        assert [f.code for f in statements.open_statement(uow, TODAY, 1).findings] == ["statement_tampered"]
        assert statements.open_statement(uow, TODAY, 2).findings == ()


def test_a_statement_finalized_at_head_keeps_its_seal_down_and_up_again(engine, tmp_path):
    migrate(engine, backups=BackupFolder(tmp_path / "backups"), now=NOW)
    m = mandate(engine, office(engine).id)
    work(engine, m.id)
    statement_id = finalized(engine, [m.id])
    with UnitOfWork(engine) as uow:
        before = statements.open_statement(uow, TODAY, statement_id)
    assert [line.kind for line in before.lines] == [LineKind.FEE, LineKind.FEE, LineKind.TRAVEL, LineKind.DISBURSEMENT]
    downgrade_to_0002(engine)
    travel_rules = json.loads(stored_rules(engine)["Indemnité de déplacement"])
    assert {name: travel_rules[name] for name in ("km", "rate", "parking")} == {
        "km": "180", "rate": "0.47", "parking": "12.00"}
    migrate(engine, backups=BackupFolder(tmp_path / "backups"), now=NOW)
    with UnitOfWork(engine) as uow:
        after = statements.open_statement(uow, TODAY, statement_id)
    assert after.findings == () and after.lines == before.lines
