"""The database schema as SQLAlchemy 2.0 typed mappings.

One row class per table. Rows that a user edits carry a ``version`` column, which SQLAlchemy
checks on every update so that two workstations never overwrite each other silently.
"""

from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from lawyer_billing.storage.types import Cents, ExactDecimal

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {Decimal: Cents, str: String(400)}


class Versioned:
    """Optimistic locking: an update whose version no longer matches is refused."""

    version: Mapped[int] = mapped_column(Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


class LawyerProfileRow(Base):
    __tablename__ = "lawyer_profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    barreau_number: Mapped[str] = mapped_column(default="")
    csj_number: Mapped[str] = mapped_column(default="")
    address: Mapped[str] = mapped_column(Text, default="")
    office_district: Mapped[str] = mapped_column(default="")
    gst_number: Mapped[str | None]
    qst_number: Mapped[str | None]
    #: the letterhead's logo as the image file's bytes, so every workstation of a firm and
    #: every backup has it (a path would point to one machine's disk)
    logo: Mapped[bytes | None] = mapped_column(LargeBinary)
    #: the name of the file the logo came from, shown in Paramètres
    logo_name: Mapped[str] = mapped_column(String(255), default="")


class KmRateRow(Base):
    """A km rate entered by the user with the date it takes effect (art. 20)."""

    __tablename__ = "km_rate"

    id: Mapped[int] = mapped_column(primary_key=True)
    effective_on: Mapped[date] = mapped_column(Date, unique=True)
    rate: Mapped[Decimal] = mapped_column(ExactDecimal)
    source_note: Mapped[str] = mapped_column(default="")


class LegalAidOfficeRow(Base):
    __tablename__ = "legal_aid_office"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    address: Mapped[str] = mapped_column(Text, default="")


class MandateRow(Versioned, Base):
    __tablename__ = "mandate"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(60), index=True)
    office_id: Mapped[int | None] = mapped_column(ForeignKey("legal_aid_office.id"))
    client_name: Mapped[str] = mapped_column(index=True)
    client_file_number: Mapped[str] = mapped_column(String(60), default="")
    matter_type: Mapped[str] = mapped_column(String(40))
    court: Mapped[str] = mapped_column(default="")
    district: Mapped[str] = mapped_column(default="")
    issued_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(40))
    judgment_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    notes: Mapped[str] = mapped_column(Text, default="")
    #: the case (« affaire ») for the maximum counts "dans une même affaire" (T56, T63, T119...)
    matter: Mapped[str] = mapped_column(String(120), default="")
    #: cessation of aid notified (art. 23-24): later services need to be conservatory acts
    aid_ceased_on: Mapped[date | None] = mapped_column(Date)
    #: T66: the client's side (plaintiff/defendant) and the earlier matrimonial mandate
    party: Mapped[str] = mapped_column(String(20), default="")
    earlier_mandate_id: Mapped[int | None] = mapped_column(ForeignKey("mandate.id"))

    services: Mapped[list["ServiceRow"]] = relationship(back_populates="mandate")


class ServiceRow(Versioned, Base):
    __tablename__ = "service"

    id: Mapped[int] = mapped_column(primary_key=True)
    mandate_id: Mapped[int] = mapped_column(ForeignKey("mandate.id"), index=True)
    code: Mapped[str] = mapped_column(String(20))
    rendered_on: Mapped[date] = mapped_column(Date, index=True)
    start: Mapped[time | None] = mapped_column(Time)
    end: Mapped[time | None] = mapped_column(Time)
    units: Mapped[int] = mapped_column(default=1)
    court: Mapped[str] = mapped_column(default="")
    room: Mapped[str] = mapped_column(String(40), default="")
    disposition: Mapped[str | None] = mapped_column(String(40))
    co_accused_group: Mapped[str | None] = mapped_column(String(60))
    children: Mapped[int] = mapped_column(default=1)
    tariff_class: Mapped[str | None] = mapped_column(String(8))
    base_amount: Mapped[Decimal | None]
    description: Mapped[str] = mapped_column(Text, default="")
    amount_override: Mapped[Decimal | None]
    override_reason: Mapped[str] = mapped_column(Text, default="")
    #: the optional facts some rules need (T97 charged_as, T26 contestations, T119...), as JSON
    rule_facts: Mapped[str] = mapped_column(Text, default="{}")

    mandate: Mapped[MandateRow] = relationship(back_populates="services")


class DisbursementRow(Versioned, Base):
    __tablename__ = "disbursement"

    id: Mapped[int] = mapped_column(primary_key=True)
    mandate_id: Mapped[int] = mapped_column(ForeignKey("mandate.id"), index=True)
    incurred_on: Mapped[date] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)
    amount: Mapped[Decimal]
    receipt_reference: Mapped[str] = mapped_column(default="")
    expert_authorised_on: Mapped[date | None] = mapped_column(Date)


class TravelRow(Versioned, Base):
    __tablename__ = "travel"

    id: Mapped[int] = mapped_column(primary_key=True)
    mandate_id: Mapped[int] = mapped_column(ForeignKey("mandate.id"), index=True)
    travelled_on: Mapped[date] = mapped_column(Date)
    km: Mapped[Decimal] = mapped_column(ExactDecimal)
    destination_km: Mapped[Decimal] = mapped_column(ExactDecimal)
    basis: Mapped[str] = mapped_column(String(40))
    alternate_km: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    parking: Mapped[Decimal | None]
    actual_cost: Mapped[Decimal | None]
    description: Mapped[str] = mapped_column(Text, default="")


statement_mandate = Table(
    "statement_mandate",
    Base.metadata,
    Column("statement_id", ForeignKey("statement.id"), primary_key=True),
    Column("mandate_id", ForeignKey("mandate.id"), primary_key=True),
)


class StatementRow(Versioned, Base):
    """A relevé d'honoraires; frozen once ``finalized_on`` is set (see ``frozen_statements``).

    The amounts are those of the finalized lines, kept so that a statement reads the same
    years later whatever the tariff or the rules become; ``lines_hash`` seals them.
    """

    __tablename__ = "statement"
    __table_args__ = (UniqueConstraint("number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40))
    type: Mapped[str] = mapped_column(String(20))
    supplements_id: Mapped[int | None] = mapped_column(ForeignKey("statement.id"))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    created_on: Mapped[date] = mapped_column(Date)
    sent_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)
    total: Mapped[Decimal | None]
    office_id: Mapped[int | None] = mapped_column(ForeignKey("legal_aid_office.id"))
    finalized_on: Mapped[date | None] = mapped_column(Date)
    fees: Mapped[Decimal | None]
    cap_reduction: Mapped[Decimal | None]
    travel_total: Mapped[Decimal | None]
    disbursements_total: Mapped[Decimal | None]
    gst: Mapped[Decimal | None]
    qst: Mapped[Decimal | None]
    lines_hash: Mapped[str | None] = mapped_column(String(64))
    notes: Mapped[str] = mapped_column(Text, default="")

    mandates: Mapped[list[MandateRow]] = relationship(secondary=statement_mandate)
    lines: Mapped[list["StatementLineRow"]] = relationship(
        back_populates="statement", order_by="StatementLineRow.position"
    )


class StatementLineRow(Base):
    """One line of a statement: a fee (``kind`` "fee", from a service), a trip or a disbursement."""

    __tablename__ = "statement_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id"), index=True)
    position: Mapped[int]
    service_id: Mapped[int | None] = mapped_column(ForeignKey("service.id"))
    rendered_on: Mapped[date] = mapped_column(Date)
    code: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(Text)
    units: Mapped[int] = mapped_column(default=1)
    tariff_amount: Mapped[Decimal | None]
    amount: Mapped[Decimal]
    #: the rules that fixed the amount, as JSON: ``{"rules": [{"code": ..., "explanation": ...}]}``
    rules: Mapped[str] = mapped_column(Text, default="")
    kind: Mapped[str] = mapped_column(String(20), default="fee")
    mandate_id: Mapped[int | None] = mapped_column(ForeignKey("mandate.id"))
    travel_id: Mapped[int | None] = mapped_column(ForeignKey("travel.id"))
    disbursement_id: Mapped[int | None] = mapped_column(ForeignKey("disbursement.id"))
    cap_reduction: Mapped[Decimal | None]
    findings: Mapped[str] = mapped_column(Text, default="")
    #: what the relevé prints of a trip (km paid, rate per km, parking) and of a disbursement
    #: (its receipt), and whether the line corrects what an earlier statement billed
    km: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    rate: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    parking: Mapped[Decimal | None]
    receipt: Mapped[str] = mapped_column(default="")
    correction: Mapped[bool] = mapped_column(default=False)

    statement: Mapped[StatementRow] = relationship(back_populates="lines")


class PaymentRow(Versioned, Base):
    __tablename__ = "payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id"), index=True)
    paid_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal]


class RefusalRow(Versioned, Base):
    __tablename__ = "refusal"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id"), index=True)
    received_on: Mapped[date] = mapped_column(Date)
    reasons: Mapped[str] = mapped_column(Text)
    amount_refused: Mapped[Decimal]
    reference: Mapped[str] = mapped_column(String(80), default="")


class DisputeRow(Versioned, Base):
    """The dispute path of a refusal: conciliation (art. 29), notice (art. 32), arbitration (art. 35)."""

    __tablename__ = "dispute"

    id: Mapped[int] = mapped_column(primary_key=True)
    refusal_id: Mapped[int] = mapped_column(ForeignKey("refusal.id"), index=True)
    conciliation_requested_on: Mapped[date | None] = mapped_column(Date)
    conciliation_ended_on: Mapped[date | None] = mapped_column(Date)
    notice_sent_on: Mapped[date | None] = mapped_column(Date)
    answer_received_on: Mapped[date | None] = mapped_column(Date)
    arbitration_letter_sent_on: Mapped[date | None] = mapped_column(Date)
    outcome: Mapped[str] = mapped_column(Text, default="")


class SpecialConsiderationRow(Versioned, Base):
    """A request for special consideration (T8-T12), due with the statement or within 6 months."""

    __tablename__ = "special_consideration"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id"), index=True)
    sent_on: Mapped[date | None] = mapped_column(Date)
    grounds: Mapped[str] = mapped_column(Text)
    amount_claimed: Mapped[Decimal]
    decided_on: Mapped[date | None] = mapped_column(Date)
    amount_granted: Mapped[Decimal | None]


class TariffOverlayRow(Base):
    """An amount a firm entered for a tariff item (a figure the text lost, or a later entente)."""

    __tablename__ = "tariff_overlay"
    __table_args__ = (UniqueConstraint("code", "tariff_class", "effective_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20))
    tariff_class: Mapped[str | None] = mapped_column(String(8))
    effective_on: Mapped[date] = mapped_column(Date)
    amount: Mapped[Decimal]
    source_note: Mapped[str] = mapped_column(Text)
    entered_by: Mapped[str] = mapped_column(String(120))
    entered_at: Mapped[datetime] = mapped_column(DateTime)


class UserHolidayRow(Base):
    """A day the user adds to the CPP art. 18 holidays (a court closure, a regional holiday)."""

    __tablename__ = "user_holiday"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    label: Mapped[str] = mapped_column(default="")


class SettingRow(Base):
    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEventRow(Base):
    """Who changed what, when and from which workstation: one row per saved user action,
    never updated or deleted.

    ``summary`` names the record (a mandate number, a statement number), never an amount or
    a client's notes, so the list of events can be shown to a colleague without exposing a
    file. ``before`` and ``after`` hold the record's fields as they were and as they became
    (JSON objects of text values; ``None`` for a record created or deleted): they are shown
    only from the record itself, to someone who may already read it.
    """

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    summary: Mapped[str] = mapped_column(Text, default="")
    #: the computer the change was made on (its host name), for a firm sharing one database
    workstation: Mapped[str] = mapped_column(String(120), default="")
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


class PenalDeadlineRow(Versioned, Base):
    """A period of the Code of Penal Procedure the lawyer follows on a mandate: which period
    (its ``id`` in ``resources/penal/periods.yaml``), the day of the event that starts it, and
    the day the lawyer marked it done. The last day is computed, never stored, so a holiday
    added later moves it."""

    __tablename__ = "penal_deadline"

    id: Mapped[int] = mapped_column(primary_key=True)
    mandate_id: Mapped[int] = mapped_column(ForeignKey("mandate.id"), index=True)
    period: Mapped[str] = mapped_column(String(80))
    event_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    done_on: Mapped[date | None] = mapped_column(Date)


class DeadlineLogRow(Base):
    """A deadline as it was computed and shown on a given day, so a lawyer can later prove
    what the application said (and when) about a filing or dispute period."""

    __tablename__ = "deadline_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    logged_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(40))
    due: Mapped[date] = mapped_column(Date)
    article: Mapped[str] = mapped_column(String(80), default="")
    state: Mapped[str] = mapped_column(String(20), default="")
