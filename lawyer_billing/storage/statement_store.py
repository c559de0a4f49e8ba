"""Statements (relevés d'honoraires) and their lines as the Relevés screen and the documents read them.

Plain values in and out: a statement comes back as a ``StoredStatement`` holding its
``StoredLine`` values exactly as they were written, so a finalized statement is reprinted from
what was sent, never from a recomputation. What is "billed" is what sits on a finalized
statement; a draft bills nothing. Writing a finalized statement's content again is refused by
``frozen_statements`` under this module.
"""

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from lawyer_billing.domain.money import ZERO
from lawyer_billing.storage.errors import ConcurrentEditError
from lawyer_billing.storage.rows import (
    MandateRow,
    PaymentRow,
    RefusalRow,
    StatementLineRow,
    StatementRow,
)

#: The kinds of statement line (``statement_line.kind``).
FEE, TRAVEL, DISBURSEMENT = "fee", "travel", "disbursement"
#: what a trip line prints besides its amount
TRAVEL_FIGURES = ("km", "rate", "parking")
#: the details of a line kept in columns of their own (revision 0003), outside its rules text
LINE_DETAILS = (*TRAVEL_FIGURES, "receipt", "correction")


@dataclass(frozen=True)
class StoredLine:
    """One line as stored: ``rules`` and ``findings`` are the JSON texts written with it; a
    trip has its ``km``, ``rate`` and ``parking``, a disbursement its ``receipt``."""

    kind: str
    position: int
    rendered_on: date
    code: str
    label: str
    units: int
    tariff_amount: Decimal | None
    amount: Decimal
    cap_reduction: Decimal | None
    rules: str
    findings: str
    mandate_id: int | None
    service_id: int | None = None
    travel_id: int | None = None
    disbursement_id: int | None = None
    km: Decimal | None = None
    rate: Decimal | None = None
    parking: Decimal | None = None
    receipt: str = ""
    #: the line corrects what an earlier statement billed for the same record
    correction: bool = False


@dataclass(frozen=True)
class StatementAmounts:
    """The totals written with a statement (``None`` on a draft that was never totalled)."""

    fees: Decimal
    cap_reduction: Decimal
    travel_total: Decimal
    disbursements_total: Decimal
    gst: Decimal
    qst: Decimal
    total: Decimal


@dataclass(frozen=True)
class StoredStatement:
    id: int
    number: str
    type: str
    status: str
    created_on: date
    finalized_on: date | None
    sent_on: date | None
    received_on: date | None
    office_id: int | None
    supplements_id: int | None
    mandate_ids: tuple[int, ...]
    lines: tuple[StoredLine, ...]
    amounts: StatementAmounts | None
    lines_hash: str | None
    version: int


@dataclass(frozen=True)
class StatementContent:
    """What a statement holds: written whole, as a draft or sealed (``finalized_on`` set)."""

    number: str
    type: str
    status: str
    created_on: date
    office_id: int | None
    supplements_id: int | None
    mandate_ids: tuple[int, ...]
    lines: tuple[StoredLine, ...]
    amounts: StatementAmounts
    finalized_on: date | None = None
    lines_hash: str | None = None


@dataclass(frozen=True)
class StatementSummary:
    """A row of the list of statements: who, how much, where it stands."""

    id: int
    number: str
    type: str
    created_on: date
    finalized_on: date | None
    sent_on: date | None
    received_on: date | None
    total: Decimal | None
    mandate_ids: tuple[int, ...]
    mandate_numbers: tuple[str, ...]
    paid: Decimal
    refused: bool


class StatementNumberTakenError(ConcurrentEditError):
    """Another workstation finalized a statement under the same number at the same moment."""


class StatementStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- reading ------------------------------------------------------------------------

    def get(self, statement_id: int) -> StoredStatement | None:
        row = self.session.get(StatementRow, statement_id)
        return None if row is None else _stored(row)

    def summaries(self) -> list[StatementSummary]:
        rows = self.session.scalars(
            select(StatementRow).options(selectinload(StatementRow.mandates)).order_by(StatementRow.id.desc())
        ).all()
        paid: dict[int, Decimal] = defaultdict(lambda: ZERO)
        for payment in self.session.scalars(select(PaymentRow)):
            paid[payment.statement_id] += payment.amount
        refused = set(self.session.scalars(select(RefusalRow.statement_id)))
        return [
            StatementSummary(
                row.id, row.number, row.type, row.created_on, row.finalized_on, row.sent_on, row.received_on,
                row.total, tuple(sorted(m.id for m in row.mandates)),
                tuple(m.number for m in sorted(row.mandates, key=lambda m: m.number)),
                paid[row.id], row.id in refused,
            )
            for row in rows
        ]

    def with_line_finding(self, code: str) -> set[int]:
        """The statements holding a line written with a finding of ``code`` (the findings text
        is JSON; the code is matched with its quotes)."""
        return set(self.session.scalars(
            select(StatementLineRow.statement_id)
            .where(StatementLineRow.findings.contains(f'"{code}"', autoescape=True))
        ))

    def numbers_with_prefix(self, prefix: str) -> list[str]:
        return list(self.session.scalars(
            select(StatementRow.number).where(StatementRow.number.startswith(prefix, autoescape=True))
        ))

    def billed(self, mandate_ids: Collection[int] | None = None) -> dict[tuple[str, int], tuple[Decimal, Decimal]]:
        """What the finalized statements bill for the records of ``mandate_ids`` (all when
        ``None``): for each
        (kind, record id), the sum of the amounts and of the art. 22 reductions of its lines
        (a supplementary statement's correction adds to the first line)."""
        query = (
            select(StatementLineRow.kind, StatementLineRow.service_id, StatementLineRow.travel_id,
                   StatementLineRow.disbursement_id, StatementLineRow.amount, StatementLineRow.cap_reduction)
            .join(StatementRow, StatementRow.id == StatementLineRow.statement_id)
            .where(StatementRow.finalized_on.is_not(None))
        )
        if mandate_ids is not None:
            query = query.where(StatementLineRow.mandate_id.in_(list(mandate_ids)))
        rows = self.session.execute(query)
        sums: dict[tuple[str, int], list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
        for kind, service_id, travel_id, disbursement_id, amount, reduction in rows:
            record = {FEE: service_id, TRAVEL: travel_id, DISBURSEMENT: disbursement_id}.get(kind)
            if record is None:
                continue
            sums[(kind, record)][0] += amount
            sums[(kind, record)][1] += reduction or ZERO
        return {key: (amount, reduction) for key, (amount, reduction) in sums.items()}

    # -- writing ------------------------------------------------------------------------

    def write(self, content: "StatementContent", statement_id: int | None = None, version: int | None = None) -> int:
        """Create a statement with ``content`` (no ``statement_id``) or write it over a draft
        read at ``version``; return its id. A ``content`` with ``finalized_on`` seals it: the
        statement and its lines go in one flush, since the seal refuses any line added after."""
        mandates = list(self.session.scalars(select(MandateRow).where(MandateRow.id.in_(list(content.mandate_ids)))))
        if statement_id is None:
            row = StatementRow(created_on=content.created_on)
        else:
            row = self._row(statement_id, version)
            self._delete_lines(row)
        with self.session.no_autoflush:
            row.number, row.type, row.office_id, row.supplements_id = (
                content.number, content.type, content.office_id, content.supplements_id
            )
            row.status, row.finalized_on, row.lines_hash = content.status, content.finalized_on, content.lines_hash
            row.mandates = mandates
            _write_amounts(row, content.amounts)
            row.lines = [StatementLineRow(**vars(line)) for line in content.lines]
            self.session.add(row)
        try:
            self.session.flush()
        except IntegrityError:
            raise StatementNumberTakenError(
                f"Le numéro {content.number} vient d'être attribué ailleurs : recommencez, un autre numéro "
                "sera pris."
            ) from None
        return row.id

    def delete_draft(self, statement_id: int, version: int) -> str:
        row = self._row(statement_id, version)
        number = row.number
        self._delete_lines(row)
        self.session.delete(row)
        self.session.flush()
        return number

    def set_follow_up(self, statement_id: int, version: int, **changes) -> None:
        """Record ``sent_on``, ``received_on`` or ``status``: the follow-up of a statement."""
        row = self._row(statement_id, version)
        for name, value in changes.items():
            setattr(row, name, value)
        self.session.flush()

    def _delete_lines(self, row: StatementRow) -> None:
        """A draft's lines, deleted one by one through the session rather than by a bulk DELETE,
        so that the guard of ``frozen_statements`` sees them and refuses it for a finalized one."""
        for line in list(row.lines):
            self.session.delete(line)
        self.session.flush()
        self.session.expire(row, ["lines"])

    def _row(self, statement_id: int, version: int | None) -> StatementRow:
        row = self.session.get(StatementRow, statement_id)
        if row is None or row.version != version:
            raise ConcurrentEditError(
                "Ce relevé a été modifié ou supprimé ailleurs depuis que vous l'avez ouvert : "
                "rouvrez-le pour voir la version actuelle."
            )
        return row


def _stored(row: StatementRow) -> StoredStatement:
    amounts = None
    if row.total is not None:
        amounts = StatementAmounts(row.fees or ZERO, row.cap_reduction or ZERO, row.travel_total or ZERO,
                                   row.disbursements_total or ZERO, row.gst or ZERO, row.qst or ZERO, row.total)
    lines = tuple(
        StoredLine(line.kind, line.position, line.rendered_on, line.code, line.label, line.units, line.tariff_amount,
                   line.amount, line.cap_reduction, line.rules, line.findings, line.mandate_id, line.service_id,
                   line.travel_id, line.disbursement_id, line.km, line.rate, line.parking, line.receipt,
                   line.correction)
        for line in row.lines
    )
    return StoredStatement(
        row.id, row.number, row.type, row.status, row.created_on, row.finalized_on, row.sent_on, row.received_on,
        row.office_id, row.supplements_id, tuple(sorted(m.id for m in row.mandates)), lines, amounts, row.lines_hash,
        row.version,
    )


def _write_amounts(row: StatementRow, amounts: StatementAmounts) -> None:
    row.fees, row.cap_reduction, row.travel_total = amounts.fees, amounts.cap_reduction, amounts.travel_total
    row.disbursements_total, row.gst, row.qst, row.total = (
        amounts.disbursements_total, amounts.gst, amounts.qst, amounts.total
    )


