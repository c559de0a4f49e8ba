"""What the Tableau de bord shows, computed once from the lawyer's stored work on a given day.

One pass of the engine (``compute_stored``) gives every figure, so the dashboard agrees with
the ``compute`` command, the statements and the ``deadlines`` command to the cent:

- the deadlines to act on, by urgency (``services/deadlines.py``), written to the dated log;
- the fiscal year's fees against the 140 000 $ threshold of art. 22: paid, billed on a
  finalized statement not yet paid in full, rendered but not billed, plus the fees the
  settings say were generated before the application was used; with the alerts at 50, 75,
  90 and 100 % (``cap_projection``) and the reduction already computed on the year's lines;
- the same fees month by month, and their running total toward the threshold;
- the services rendered but not on a finalized statement, by mandate;
- the statements sent and not paid in full, with the interest accruing under art. 17;
- the pre-submission findings on the work not billed yet (the lines' findings, the checks
  across lines, the trips').

Amounts are the engine's fees before the art. 22 reduction, the figure the threshold is
measured on. Every item names the record it is about (``RecordRef``) so the screen can open it.
"""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from lawyer_billing.domain.cap import THRESHOLD, CapProjection, cap_projection, fiscal_year_of
from lawyer_billing.domain.deadlines import DeadlineKind, DeadlineState
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.money import ZERO
from lawyer_billing.services.deadlines import DeadlineBoard, RecordRef, Urgency, deadline_board, log_deadlines
from lawyer_billing.services.stored_scenario import StoredComputation, compute_stored
from lawyer_billing.storage.dashboard_queries import BilledWork, StatementHeader, billed_work, statement_headers
from lawyer_billing.storage.settings_store import ProfileRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class FiscalYearGauge:
    """Where ``fiscal_year`` stands against the art. 22 threshold."""

    fiscal_year: str
    before: Decimal
    paid: Decimal
    billed: Decimal
    unbilled: Decimal
    #: the art. 22 reduction the engine already computed on this year's lines
    reduction: Decimal
    projection: CapProjection
    threshold: Decimal = THRESHOLD

    @property
    def generated(self) -> Decimal:
        return self.before + self.paid + self.billed + self.unbilled

    @property
    def percent(self) -> Decimal:
        return self.projection.ratio * 100

    @property
    def alert(self) -> int | None:
        """The highest alert level reached (50, 75, 90 or 100), ``None`` below 50 %."""
        return max(self.projection.alerts_reached, default=None)


@dataclass(frozen=True)
class MonthFees:
    """The fees of services rendered in ``month`` (its first day), and the year's running total
    toward the threshold at its end (fees generated before the application included)."""

    month: date
    paid: Decimal
    billed: Decimal
    unbilled: Decimal
    cumulative: Decimal

    @property
    def fees(self) -> Decimal:
        return self.paid + self.billed + self.unbilled


@dataclass(frozen=True)
class UnbilledMandate:
    """Services of a mandate not yet on a finalized statement; ``unpriced`` of them have no
    amount yet (the lawyer must enter it) and are not in ``amount``."""

    record: RecordRef
    number: str
    client: str
    ended_on: date | None
    services: int
    first_service: date
    last_service: date
    amount: Decimal
    unpriced: int


@dataclass(frozen=True)
class AwaitingPayment:
    """A statement sent and not paid in full: what is left to pay and the art. 17 interest
    accrued up to ``interest_until`` (excluded), once it was received."""

    record: RecordRef
    number: str
    clients: tuple[str, ...]
    sent_on: date
    received_on: date | None
    payment_due: date | None
    #: the 30 days of art. 15 are over without payment nor refusal
    payment_late: bool
    total: Decimal | None
    balance: Decimal | None
    interest: Decimal
    interest_until: date | None
    refusal_received: date | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class FindingItem:
    """A pre-submission finding on work not billed yet, with the service it is about."""

    record: RecordRef
    mandate_number: str
    client: str
    day: date | None
    code: str
    finding: Finding


@dataclass(frozen=True)
class Dashboard:
    today: date
    has_profile: bool
    has_mandates: bool
    deadlines: DeadlineBoard
    gauge: FiscalYearGauge
    months: tuple[MonthFees, ...]
    unbilled: tuple[UnbilledMandate, ...]
    awaiting_payment: tuple[AwaitingPayment, ...]
    findings: tuple[FindingItem, ...]


def dashboard(uow: UnitOfWork, today: date, now: datetime) -> Dashboard:
    """The dashboard on ``today``, its deadlines logged as shown at ``now`` and committed: the
    two steps below, for a caller that shows it at once."""
    shown = compute_dashboard(uow, today)
    log_shown(uow, shown, now)
    return shown


def log_shown(uow: UnitOfWork, shown: Dashboard, now: datetime) -> None:
    """Write the deadlines of ``shown`` to the dated log as shown at ``now``, and commit.

    The screen computes on a worker thread and calls this on the window's thread once the
    figures are on screen: a computation superseded or never shown is not logged, and the
    worker only reads, so that it never competes with the window's saves for SQLite's write
    lock (a read transaction that tries to write after another connection committed fails
    at once, whatever the busy timeout).
    """
    # the log keeps what the lawyer is shown at a glance: the overdue and the coming month's
    # deadlines (« plus tard » is folded); every deadline is logged when the command lists it
    log_deadlines(uow, [item for item in shown.deadlines.items if item.urgency is not Urgency.LATER], now)
    uow.commit()


def compute_dashboard(uow: UnitOfWork, today: date) -> Dashboard:
    """The dashboard on ``today``, read and computed; nothing is written."""
    stored = compute_stored(uow, today)
    headers = statement_headers(uow.session)
    billed = billed_work(uow.session)
    board = deadline_board(stored, headers)
    has_profile = ProfileRepository(uow.session).get() is not None
    year = fiscal_year_of(today)
    status = _fee_status(stored, billed)
    return Dashboard(
        today=today,
        has_profile=has_profile,
        has_mandates=bool(stored.records.mandates),
        deadlines=board,
        gauge=_gauge(stored, year, status),
        months=_months(stored, year, status),
        unbilled=_unbilled(stored, billed),
        awaiting_payment=_awaiting_payment(stored, headers),
        findings=_findings(stored, billed),
    )


PAID, BILLED, UNBILLED = "paid", "billed", "unbilled"


def _fee_status(stored: StoredComputation, billed: BilledWork) -> dict[str, str]:
    """Each service (id as text): paid (on a finalized statement paid in full), billed (on a
    finalized statement still to pay) or unbilled."""
    paid_statements = {s.id for s in stored.scenario.statements if s.paid is not None}
    status = {}
    for service in stored.records.services:
        statement = billed.services.get(service.id)
        if statement is None:
            status[str(service.id)] = UNBILLED
        else:
            status[str(service.id)] = PAID if str(statement) in paid_statements else BILLED
    return status


def _year_fees(stored: StoredComputation, year: str, status: Mapping[str, str]):
    """The fee lines counted in ``year`` (art. 22): (service date, status, amount)."""
    services = {s.id: s for s in stored.scenario.services}
    for line in stored.computation.lines:
        if line.fiscal_year == year and line.amount is not None:
            yield services[line.priced.service].date, status[line.priced.service], line.amount


def _gauge(stored: StoredComputation, year: str, status: Mapping[str, str]) -> FiscalYearGauge:
    sums = {PAID: ZERO, BILLED: ZERO, UNBILLED: ZERO}
    for _, state, amount in _year_fees(stored, year, status):
        sums[state] += amount
    before = stored.scenario.fees_before.get(year, ZERO)
    reduction = next((y.reduction for y in stored.computation.cap.years if y.fiscal_year == year), ZERO)
    return FiscalYearGauge(
        year, before, sums[PAID], sums[BILLED], sums[UNBILLED], reduction,
        cap_projection(before + sums[PAID], sums[BILLED], sums[UNBILLED]),
    )


def _months(stored: StoredComputation, year: str, status: Mapping[str, str]) -> tuple[MonthFees, ...]:
    """The months of ``year`` (April to March), and any other month holding one of its fees
    (when fees count in the year their mandate was issued)."""
    by_month: dict[date, dict[str, Decimal]] = defaultdict(lambda: {PAID: ZERO, BILLED: ZERO, UNBILLED: ZERO})
    for day, state, amount in _year_fees(stored, year, status):
        by_month[day.replace(day=1)][state] += amount
    first_year = int(year[:4])
    months = [date(first_year + (m < 4), m, 1) for m in (*range(4, 13), *range(1, 4))]
    months = sorted(set(months) | set(by_month))
    running = stored.scenario.fees_before.get(year, ZERO)
    result = []
    for month in months:
        fees = by_month.get(month, {PAID: ZERO, BILLED: ZERO, UNBILLED: ZERO})
        running += sum(fees.values(), ZERO)
        result.append(MonthFees(month, fees[PAID], fees[BILLED], fees[UNBILLED], running))
    return tuple(result)


def _unbilled(stored: StoredComputation, billed: BilledWork) -> tuple[UnbilledMandate, ...]:
    amounts = {line.priced.service: line.amount for line in stored.computation.lines}
    pending = defaultdict(list)
    for service in stored.records.services:
        if service.id not in billed.services:
            pending[service.mandate_id].append(service)
    items = []
    for mandate in stored.records.mandates:
        services = pending.get(mandate.id)
        if not services:
            continue
        priced = [amounts[str(s.id)] for s in services if amounts[str(s.id)] is not None]
        days = [s.rendered_on for s in services]
        items.append(UnbilledMandate(
            RecordRef("mandate", mandate.id), mandate.number, mandate.client_name, mandate.ended_on,
            len(services), min(days), max(days), sum(priced, ZERO), len(services) - len(priced),
        ))
    return tuple(sorted(items, key=lambda i: (i.first_service, i.number)))


def _awaiting_payment(stored: StoredComputation, headers: Mapping[int, StatementHeader]) -> tuple[AwaitingPayment, ...]:
    clients = {str(m.id): m.client_name for m in stored.records.mandates}
    interest = {entry.statement: entry for entry in stored.computation.interest}
    payment = {
        entry.subject: entry for entry in stored.computation.deadlines
        if entry.subject_kind == "statement" and entry.deadline.kind is DeadlineKind.PAYMENT
    }
    items = []
    for facts in stored.scenario.statements:
        if facts.sent is None or facts.paid is not None:
            continue
        header = headers[int(facts.id)]
        accrued, due = interest.get(facts.id), payment.get(facts.id)
        balance = None if facts.amount is None else facts.amount - sum((p.amount for p in facts.payments), ZERO)
        items.append(AwaitingPayment(
            record=RecordRef("statement", header.id),
            number=header.number,
            clients=tuple(dict.fromkeys(clients[m] for m in facts.mandates if m in clients)),
            sent_on=facts.sent,
            received_on=facts.received,
            payment_due=None if due is None else due.deadline.due,
            payment_late=due is not None and due.status.state is DeadlineState.OVERDUE,
            total=facts.amount,
            balance=balance,
            interest=ZERO if accrued is None else accrued.result.total,
            interest_until=None if accrued is None else accrued.until,
            refusal_received=facts.refusal_received,
            findings=() if accrued is None else accrued.result.findings,
        ))
    return tuple(sorted(items, key=lambda i: (i.sent_on, i.number)))


def _findings(stored: StoredComputation, billed: BilledWork) -> tuple[FindingItem, ...]:
    """The findings about services and trips not yet billed: billed work was already submitted.

    A check across lines (the same attendance on two mandates, T98) names several services;
    it is shown once, on the first of them not yet billed.
    """
    mandates = {m.id: m for m in stored.records.mandates}
    services = {s.id: s for s in stored.records.services}
    travel = {t.id: t for t in stored.records.travel}
    computation = stored.computation
    items = []

    def add(record: RecordRef, mandate_id: int, day: date | None, code: str, finding: Finding) -> None:
        mandate = mandates[mandate_id]
        items.append(FindingItem(record, mandate.number, mandate.client_name, day, code, finding))

    attributed = set()
    for line in computation.lines:
        attributed.update(line.findings)
        service = services[int(line.priced.service)]
        if service.id not in billed.services:
            for finding in line.findings:
                add(RecordRef("service", service.id), service.mandate_id, service.rendered_on, line.priced.code,
                    finding)
    for trip in computation.travel:
        attributed.update(trip.result.findings)
        travelled = travel[int(trip.travel)]
        if travelled.id not in billed.travel:
            for finding in trip.result.findings:
                add(RecordRef("mandate", travelled.mandate_id), travelled.mandate_id, travelled.travelled_on, "",
                    finding)
    for entry in computation.interest:
        attributed.update(entry.result.findings)
    for finding in computation.findings:
        if finding in attributed:
            continue
        named = [services[int(i)] for i in sorted(finding.subjects) if i.isdigit() and int(i) in services]
        pending = [s for s in named if s.id not in billed.services]
        if pending:
            service = pending[0]
            add(RecordRef("service", service.id), service.mandate_id, service.rendered_on, service.code, finding)
    return tuple(sorted(items, key=lambda i: (i.day or date.min, i.mandate_number)))
