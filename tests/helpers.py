"""Builders for tests: a database migrated to head, one sample record in every table, and a
lawyer's stored work built row by row (``StoredWork``) or through the services (``Cabinet``)."""

from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy.orm import Session

from lawyer_billing.domain.mandate import EndReason, LegalAidOffice, Mandate, MatterType
from lawyer_billing.domain.profile import LawyerProfile
from lawyer_billing.domain.service import Service
from lawyer_billing.domain.statement import StatementType
from lawyer_billing.services import statements
from lawyer_billing.services.mandates import add_office, save_mandate
from lawyer_billing.services.work_log import save_service
from lawyer_billing.storage.backup import BackupFolder
from lawyer_billing.storage.database import open_database
from lawyer_billing.storage.migrate import migrate
from lawyer_billing.storage.repositories import ServiceRepository
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
    PenalDeadlineRow,
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
from lawyer_billing.storage.settings_store import ProfileRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork

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
                             gst_number=None, qst_number=None, logo=b"\x89PNG\r\n\x1a\n", logo_name="cabinet.png"),
            KmRateRow(effective_on=date(2024, 4, 1), rate=Decimal("0.470"), source_note="saisi"),
            DisbursementRow(mandate_id=mandate.id, incurred_on=date(2024, 6, 1), description="Signification",
                            amount=Decimal("45.67"), receipt_reference="H-889"),
            TravelRow(mandate_id=mandate.id, travelled_on=date(2024, 6, 3), km=Decimal("180"),
                      destination_km=Decimal("90"), basis="outside_district", parking=Decimal("12.00")),
            StatementLineRow(statement_id=statement.id, position=1, service_id=service.id,
                             rendered_on=date(2024, 6, 3), code="T127", label="Ensemble des services",
                             tariff_amount=Decimal("330.00"), amount=Decimal("330.00"),
                             rules='{"rules": [{"code": "T98", "explanation": "T98 : moitié du tarif"}]}',
                             km=Decimal("182.5"), rate=Decimal("0.470"), parking=Decimal("12.00"), receipt="H-889",
                             correction=True),
            PaymentRow(statement_id=statement.id, paid_on=date(2025, 1, 15), amount=Decimal("165.00")),
            DisputeRow(refusal_id=refusal.id, conciliation_requested_on=date(2024, 12, 1)),
            SpecialConsiderationRow(statement_id=statement.id, grounds="Complexité", amount_claimed=Decimal("1200.50")),
            TariffOverlayRow(code="T36", tariff_class="II", effective_on=date(2007, 4, 1), amount=Decimal("500.00"),
                             source_note="Gazette officielle", entered_by="atremblay", entered_at=NOW),
            UserHolidayRow(day=date(2026, 12, 31), label="Fermeture du palais"),
            SettingRow(key="cap_attribution", value="service_date"),
            AuditEventRow(at=NOW, user="atremblay", action="create", entity="mandate", entity_id=mandate.id,
                          summary="Mandat 2024-0001-CR", workstation="poste-2",
                          before='{"client_name": "Eloise Gagnon"}', after='{"client_name": "Éloïse Gagnon"}'),
            PenalDeadlineRow(mandate_id=mandate.id, period="appeal", event_on=date(2024, 6, 3), note="Appel ?",
                             done_on=None),
            DeadlineLogRow(logged_at=NOW, subject_kind="mandate", subject="2024-0001-CR", kind="filing",
                           due=date(2027, 9, 10), article="entente art. 15", state="upcoming"),
        ])
        session.commit()


class StoredWork:
    """Builds a lawyer's stored work the way the screens save it (mandates through their use
    case, the rest as rows), for the deadline and dashboard tests."""

    def __init__(self, engine) -> None:
        self.engine = engine

    def mandate(self, number: str, client: str, issued=date(2024, 3, 1), ended=None, reason=None, judgment=None) -> int:
        mandate = Mandate(number=number, client_name=client, issued_on=issued, matter_type=MatterType.CRIMINAL_PENAL,
                          court="Cour du Québec", ended_on=ended, end_reason=reason, judgment_on=judgment)
        with UnitOfWork(self.engine) as uow:
            return save_mandate(uow, mandate, user="atremblay", now=NOW).id

    def service(self, mandate_id: int, code: str, day: date, **changes) -> int:
        with UnitOfWork(self.engine) as uow:
            service = Service(mandate_id=mandate_id, code=code, rendered_on=day, **changes)
            saved = ServiceRepository(uow.session).add(service)
            uow.commit()
            return saved.id

    def statement(self, number: str, mandate_ids, service_ids=(), *, finalized: date | None, sent=None, received=None,
                  total: str | None = None) -> int:
        """A statement of ``mandate_ids`` billing ``service_ids``, one line each (the engine
        prices the services; the lines' own amounts are not read here)."""
        with UnitOfWork(self.engine) as uow:
            row = StatementRow(number=number, type="final", created_on=finalized or date(2026, 1, 5),
                               finalized_on=finalized, sent_on=sent, received_on=received,
                               total=None if total is None else Decimal(total))
            row.mandates = [uow.session.get(MandateRow, m) for m in mandate_ids]
            row.lines = [
                StatementLineRow(position=position, service_id=service_id, rendered_on=date(2026, 1, 5), code="T",
                                 label="ligne", amount=Decimal("0.00"))
                for position, service_id in enumerate(service_ids, 1)
            ]
            uow.session.add(row)
            uow.commit()
            return row.id

    def payment(self, statement_id: int, day: date, amount: str) -> None:
        self._add(PaymentRow(statement_id=statement_id, paid_on=day, amount=Decimal(amount)))

    def refusal(self, statement_id: int, received: date, amount: str) -> int:
        return self._add(RefusalRow(statement_id=statement_id, received_on=received, reasons="Service non couvert",
                                    amount_refused=Decimal(amount)))

    def dispute(self, refusal_id: int, **dates) -> int:
        return self._add(DisputeRow(refusal_id=refusal_id, **dates))

    def holiday(self, day: date) -> None:
        self._add(UserHolidayRow(day=day, label="Fermeture du palais"))

    def _add(self, row) -> int | None:
        with UnitOfWork(self.engine) as uow:
            uow.session.add(row)
            uow.commit()
            return getattr(row, "id", None)


def payment_work(work) -> int:
    """A statement received Friday 30 October 2026: art. 15 gives the office 30 days, to
    Sunday 29 November, moved to Monday 30 November (CPP art. 17 and 18 (1))."""
    mandate = work.mandate("500-01-000003-251", "Nadia Roy", issued=date(2025, 2, 3), ended=date(2026, 9, 30),
                           reason=EndReason.SETTLEMENT)
    return work.statement("R-2026-014", [mandate], finalized=date(2026, 10, 27), sent=date(2026, 10, 28),
                          received=date(2026, 10, 30), total="1234.56")


class Cabinet:
    """A lawyer's records built through the services: an office, mandates, services, statements."""

    def __init__(self, engine) -> None:
        self.engine = engine
        with UnitOfWork(engine) as uow:
            self.office = add_office(uow, LegalAidOffice("Centre communautaire juridique de Montréal"))
        with UnitOfWork(engine) as uow:
            ProfileRepository(uow.session).put(LawyerProfile("Me Anne Tremblay", "10, rue Saint-Jacques", "123456-7",
                                                             "P12345", "Montréal"))
            uow.commit()

    def mandate(self, number, client, ended=date(2026, 10, 15)) -> int:
        end = {"ended_on": ended, "end_reason": EndReason.JUDGMENT, "judgment_on": ended} if ended else {}
        with UnitOfWork(self.engine) as uow:
            return save_mandate(uow, Mandate(number, client, date(2026, 4, 7), MatterType.CRIMINAL_PENAL,
                                             office_id=self.office.id, court="Cour du Québec", **end),
                                user="atremblay", now=NOW).id

    def service(self, mandate_id, code, day, **values) -> int:
        with UnitOfWork(self.engine) as uow:
            return save_service(uow, Service(mandate_id, code, day, **values), user="atremblay", now=NOW).id

    def finalized(self, mandate_ids, today=NOW.date()) -> int:
        with UnitOfWork(self.engine) as uow:
            preview = statements.prepare_statement(uow, today, mandate_ids, StatementType.FINAL)
            return statements.finalize_statement(uow, today, preview, user="atremblay", now=NOW)

    def sent(self, statement_id, day) -> None:
        with UnitOfWork(self.engine) as uow:
            version = statements.open_statement(uow, day, statement_id).version
            statements.mark_sent(uow, day, statement_id, version, day, user="atremblay", now=NOW)
