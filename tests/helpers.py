"""Builders for tests: a database migrated to head, and one sample record in every table."""

from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from lawyer_billing.storage.backup import BackupFolder
from lawyer_billing.storage.database import open_database
from lawyer_billing.storage.migrate import migrate
from lawyer_billing.storage.rows import (
    AuditEventRow,
    DeadlineLogRow,
    DisbursementRow,
    DisputeRow,
    KmRateRow,
    LawyerProfileRow,
    LegalAidOfficeRow,
    MandateRow,
    PaymentRow,
    RefusalRow,
    ServiceRow,
    SettingRow,
    SpecialConsiderationRow,
    StatementLineRow,
    StatementRow,
    TariffOverlayRow,
    TravelRow,
    UserHolidayRow,
)

NOW = datetime(2026, 11, 22, 9, 30)


def migrated_engine(url, backups_dir: Path, script_location=None):
    engine = open_database(url)
    migrate(engine, backups=BackupFolder(backups_dir), now=NOW, script_location=script_location)
    return engine


def fill_every_table(engine) -> None:
    """One realistic row in each table, accents and cents included."""
    with Session(engine) as session:
        office = LegalAidOfficeRow(name="Bureau d'aide juridique de Montréal (criminel)", address="1, rue Notre-Dame Est")
        mandate = MandateRow(
            number="2024-0001-CR", client_name="Éloïse Gagnon", matter_type="criminal_penal",
            issued_on=date(2024, 5, 2), court="Cour du Québec", district="Montréal", matter="Affaire Gagnon",
        )
        session.add_all([office, mandate])
        session.flush()
        mandate.office_id = office.id
        service = ServiceRow(mandate_id=mandate.id, code="T127", rendered_on=date(2024, 6, 3),
                             start=time(9, 30), end=time(11, 45), disposition="guilty_plea",
                             rule_facts='{"charged_as": "T127"}')
        statement = StatementRow(number="R-2024-001", type="final", created_on=date(2024, 9, 20),
                                 total=Decimal("330.00"), mandates=[mandate])
        session.add_all([service, statement])
        session.flush()
        refusal = RefusalRow(statement_id=statement.id, received_on=date(2024, 11, 4),
                             reasons="Service non couvert", amount_refused=Decimal("165.00"))
        session.add(refusal)
        session.flush()
        session.add_all([
            LawyerProfileRow(name="Me Anne Tremblay", barreau_number="123456-7", csj_number="P12345",
                             address="10, rue Saint-Jacques, Montréal", office_district="Montréal",
                             gst_number=None, qst_number=None),
            KmRateRow(effective_on=date(2024, 4, 1), rate=Decimal("0.470"), source_note="saisi"),
            DisbursementRow(mandate_id=mandate.id, incurred_on=date(2024, 6, 1), description="Signification",
                            amount=Decimal("45.67"), receipt_reference="H-889"),
            TravelRow(mandate_id=mandate.id, travelled_on=date(2024, 6, 3), km=Decimal("180"),
                      destination_km=Decimal("90"), basis="outside_district", parking=Decimal("12.00")),
            StatementLineRow(statement_id=statement.id, position=1, service_id=service.id,
                             rendered_on=date(2024, 6, 3), code="T127", label="Ensemble des services",
                             tariff_amount=Decimal("330.00"), amount=Decimal("330.00"), rules="T98"),
            PaymentRow(statement_id=statement.id, paid_on=date(2025, 1, 15), amount=Decimal("165.00")),
            DisputeRow(refusal_id=refusal.id, conciliation_requested_on=date(2024, 12, 1)),
            SpecialConsiderationRow(statement_id=statement.id, grounds="Complexité", amount_claimed=Decimal("1200.50")),
            TariffOverlayRow(code="T36", tariff_class="II", effective_on=date(2007, 4, 1), amount=Decimal("500.00"),
                             source_note="Gazette officielle", entered_by="atremblay", entered_at=NOW),
            UserHolidayRow(day=date(2026, 12, 31), label="Fermeture du palais"),
            SettingRow(key="cap_attribution", value="service_date"),
            AuditEventRow(at=NOW, user="atremblay", action="create", entity="mandate", entity_id=mandate.id,
                          summary="Mandat 2024-0001-CR"),
            DeadlineLogRow(logged_at=NOW, subject_kind="mandate", subject="2024-0001-CR", kind="filing",
                           due=date(2027, 9, 10), article="entente art. 15", state="upcoming"),
        ])
        session.commit()
