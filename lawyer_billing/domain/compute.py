"""The result of a ``compute`` scenario: priced lines, the art. 22 reduction, travel, interest,
deadlines and every finding, assembled from the domain's own calculators.

``compute`` takes a validated ``Scenario`` (``domain/scenario.py``) and returns a frozen
``Computation``; ``result_document`` turns it into the JSON document of
``docs/compute-format.md``, whose keys are a public contract (extend, never rename). Data
flows one way:

1. the services are priced by ``price_services`` (annex II and its rules), one line each; a
   line under special consideration is given the last day of its request (T8) when a
   statement billing it was sent;
2. the lines that are fees (not the T19, T192 and T101 reimbursements) go, in order of service
   date, through ``apply_cap`` with the fees already generated (art. 22);
3. each trip gets its allowance at the km rate in force on its date (art. 20);
4. each received statement gets its late-payment interest, up to its payment or today (art. 17);
5. each ended mandate and each statement gets its deadlines (arts. 15, 32-35, T8) and where
   they stand on ``today``.

``today`` is the scenario's own date (``settings.today``); nothing here reads the clock. The
cyclic garbage collector runs less often while ``compute`` works
(``collector.fewer_collections_while_computing``: measured, it only slowed large batches).
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from lawyer_billing.domain.billing import MandateFacts, PricedLine, Pricing, ServiceFacts
from lawyer_billing.domain.cap import CapResult, FeeLine, LineReduction, apply_cap
from lawyer_billing.domain.collector import fewer_collections_while_computing
from lawyer_billing.domain.deadlines import (
    Conciliation,
    Deadline,
    Status,
    arbitration_deadline,
    deadline_status,
    dispute_deadline,
    filing_deadline,
    payment_due,
    special_consideration_deadline,
)
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.interest import InterestResult, late_interest
from lawyer_billing.domain.money import ZERO, round_cents
from lawyer_billing.domain.pricing import price_services
from lawyer_billing.domain.rates import load_km_rates
from lawyer_billing.domain.rules.special_consideration import SPECIAL_CONSIDERATION, special_consideration_request
from lawyer_billing.domain.scenario import Scenario, StatementFacts
from lawyer_billing.domain.travel import TravelResult, travel_allowance

PriceServices = Callable[[Sequence[ServiceFacts], Mapping[str, MandateFacts]], Pricing]

#: Reimbursements of expenses, not fees (« honoraires »): left out of the art. 22 threshold.
NOT_FEES = frozenset({"T19", "T192", "T101"})


@dataclass(frozen=True)
class ComputedLine:
    """A priced line with its amount rounded to the cent and its share of the art. 22 reduction.

    ``fiscal_year`` is the year the line counted in, ``None`` when it does not count toward
    the threshold (no amount, or a reimbursement of expenses: its reduction is then zero).
    """

    priced: PricedLine
    amount: Decimal | None
    fiscal_year: str | None
    cap_reduction: Decimal | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ComputedTrip:
    travel: str
    result: TravelResult


@dataclass(frozen=True)
class ComputedInterest:
    """The interest of art. 17 on ``principal``, counted up to ``until`` (excluded)."""

    statement: str
    principal: Decimal
    until: date
    result: InterestResult


@dataclass(frozen=True)
class DeadlineEntry:
    """A deadline of a mandate (``subject_kind`` ``"mandate"``) or of a statement."""

    subject_kind: str
    subject: str
    deadline: Deadline
    status: Status
    met_on: date | None


@dataclass(frozen=True)
class Computation:
    today: date
    lines: tuple[ComputedLine, ...]
    cap: CapResult
    travel: tuple[ComputedTrip, ...]
    interest: tuple[ComputedInterest, ...]
    deadlines: tuple[DeadlineEntry, ...]
    findings: tuple[Finding, ...]

    @property
    def fees(self) -> Decimal:
        """The sum of the lines' amounts; lines without an amount are left out (each has a finding)."""
        return sum((line.amount for line in self.lines if line.amount is not None), ZERO)

    @property
    def travel_total(self) -> Decimal:
        return sum((t.result.amount for t in self.travel if t.result.amount is not None), ZERO)

    @property
    def total(self) -> Decimal:
        return self.fees - self.cap.total_reduction + self.travel_total


def compute(scenario: Scenario, price: PriceServices = price_services) -> Computation:
    """Everything a scenario asks, with ``price`` (annex II and its rules) for the lines."""
    with fewer_collections_while_computing():
        return _compute(scenario, price)


def _compute(scenario: Scenario, price: PriceServices) -> Computation:
    pricing = price(scenario.services, {m.id: m for m in scenario.mandates})
    cap = _cap(scenario, pricing.lines)
    reductions = {reduction.line_id: reduction for reduction in cap.lines}
    services = {service.id: service for service in scenario.services}
    sent = _sent_by_mandate(scenario)
    lines = tuple(
        _line(_special_consideration_due(priced, services[priced.service], sent, scenario),
              reductions.get(priced.service))
        for priced in pricing.lines
    )
    travel = _travel(scenario)
    interest = tuple(_interest(s, scenario.settings.today) for s in scenario.statements if _bears_interest(s))
    findings = (
        pricing.findings
        + tuple(f for line in lines for f in line.findings)
        + tuple(f for trip in travel for f in trip.result.findings)
        + tuple(f for entry in interest for f in entry.result.findings)
    )
    return Computation(
        scenario.settings.today, lines, cap, travel, interest, _deadlines(scenario, sent), findings
    )


def _sent_by_mandate(scenario: Scenario) -> dict[str, list[tuple[date, str]]]:
    """The statements sent, as (day sent, name), under each mandate they bill: read once, so
    that a mandate's or a line's statements are found without going through all of them (a
    practice with thousands of mandates has thousands of statements)."""
    sent = defaultdict(list)
    for statement in scenario.statements:
        if statement.sent is not None:
            for mandate in statement.mandates:
                sent[mandate].append((statement.sent, statement.name))
    return sent


def _cap(scenario: Scenario, lines: Sequence[PricedLine]) -> CapResult:
    """Art. 22 over the fee lines, taken in order of service date (input order on a tie)."""
    services = {s.id: s for s in scenario.services}
    issued = {m.id: m.issued for m in scenario.mandates}
    fees = sorted(
        (
            FeeLine(line.service, services[line.service].date,
                    issued[services[line.service].mandate], round_cents(line.amount))
            for line in lines
            if line.amount is not None and line.code not in NOT_FEES
        ),
        key=lambda fee: fee.service_date,
    )
    return apply_cap(fees, scenario.fees_before, scenario.settings.cap_attribution)


def _line(priced: PricedLine, reduction: LineReduction | None) -> ComputedLine:
    if priced.amount is None:
        return ComputedLine(priced, None, None, None, priced.findings or (_amount_unknown(priced),))
    if reduction is None:
        return ComputedLine(priced, round_cents(priced.amount), None, ZERO, priced.findings)
    return ComputedLine(priced, reduction.amount, reduction.fiscal_year, reduction.reduction, priced.findings)


def _special_consideration_due(
    priced: PricedLine, service: ServiceFacts, sent_by_mandate: Mapping[str, list[tuple[date, str]]],
    scenario: Scenario,
) -> PricedLine:
    """T8: a line under special consideration gets the last day of its request when the
    scenario says when the statement was sent: six months after the earliest statement that
    bills the line's mandate and was sent on or after the service (the earliest is the safe
    reading when several could hold the line). Without one, the finding says the date is not
    known."""
    if not any(f.code == SPECIAL_CONSIDERATION for f in priced.findings):
        return priced
    sent = [(day, name) for day, name in sent_by_mandate.get(service.mandate, ()) if day >= service.date]
    if not sent:
        return priced
    day, statement = min(sent)
    due = special_consideration_deadline(day, extra=scenario.settings.holidays).due
    dated = special_consideration_request(priced.code, priced.service, due, day, statement)
    return replace(priced, findings=tuple(dated if f.code == SPECIAL_CONSIDERATION else f for f in priced.findings))


def _amount_unknown(priced: PricedLine) -> Finding:
    return Finding(
        code="amount_unknown",
        message_fr=(
            f"Aucun montant pour le service {priced.service} ({priced.code}) : saisissez le "
            "montant (« amount ») ; la ligne n'est pas comptée dans les honoraires."
        ),
        article="entente annexe II",
        subject=priced.service,
    )


def _travel(scenario: Scenario) -> tuple[ComputedTrip, ...]:
    """Art. 20; a single ``km_rate`` applies from the earliest date, dated ``km_rates`` after."""
    settings = scenario.settings
    flat = {} if settings.km_rate is None else {date.min: settings.km_rate}
    rates = load_km_rates({**flat, **settings.km_rates})
    return tuple(
        ComputedTrip(t.id, travel_allowance(t.trip, rates.at(t.trip.date))) for t in scenario.travel
    )


def _bears_interest(statement: StatementFacts) -> bool:
    return statement.received is not None and statement.amount is not None


def _interest(statement: StatementFacts, today: date) -> ComputedInterest:
    """Art. 17 on the statement's amount less its partial payments, until paid or ``today``."""
    until = statement.paid or today
    result = late_interest(statement.amount, statement.received, statement.payments, until)
    return ComputedInterest(statement.id, statement.amount, until, result)


def _deadlines(
    scenario: Scenario, sent_by_mandate: Mapping[str, list[tuple[date, str]]]
) -> tuple[DeadlineEntry, ...]:
    """Art. 15 for each ended mandate (met by the last statement sent for it, if any), then
    each statement's own deadlines."""
    settings = scenario.settings

    def entry(kind: str, subject: str, deadline: Deadline, met_on: date | None) -> DeadlineEntry:
        status = deadline_status(deadline, settings.today, met_on, settings.reminders)
        return DeadlineEntry(kind, subject, deadline, status, met_on)

    entries = [
        entry("mandate", mandate.id, _filing(mandate, settings.holidays),
              max((day for day, _ in sent_by_mandate.get(mandate.id, ())), default=None))
        for mandate in scenario.mandates
        if mandate.ended is not None
    ]
    for statement in scenario.statements:
        entries += [entry("statement", statement.id, d, met_on)
                    for d, met_on in _statement_deadlines(statement, settings.holidays)]
    return tuple(entries)


def _filing(mandate: MandateFacts, holidays: Iterable[date]) -> Deadline:
    """Art. 15; a mandate ended by judgment without a ``judgment_date`` ended on its judgment."""
    judgment = (mandate.judgment_date or mandate.ended) if mandate.ended_by_judgment else None
    return filing_deadline(mandate.ended, judgment, extra=holidays)


def _statement_deadlines(
    statement: StatementFacts, holidays: Iterable[date]
) -> list[tuple[Deadline, date | None]]:
    """The statement's deadlines in the order its steps come, each with the day it was met."""
    deadlines: list[tuple[Deadline, date | None]] = []
    if statement.received is not None:
        answered = statement.paid or statement.refusal_received
        deadlines.append((payment_due(statement.received, extra=holidays), answered))
    if statement.sent is not None:
        deadlines.append((special_consideration_deadline(statement.sent, extra=holidays), None))
    if statement.refusal_received is not None:
        conciliation = None
        if statement.conciliation_requested is not None:
            conciliation = Conciliation(statement.conciliation_requested, ended_on=statement.conciliation_ended)
        dispute = dispute_deadline(statement.refusal_received, conciliation, extra=holidays)
        deadlines.append((dispute.dispute, statement.dispute_notice_sent))
        deadlines += [(step, statement.conciliation_ended) for step in dispute.conciliation_steps]
    if statement.dispute_notice_sent is not None:
        deadlines.append(
            (arbitration_deadline(statement.dispute_notice_sent, statement.answer_received, extra=holidays),
             statement.arbitration_requested)
        )
    return deadlines


def result_document(computation: Computation) -> dict:
    """The JSON document of ``docs/compute-format.md``: amounts as strings with two decimals."""
    return {
        "today": computation.today.isoformat(),
        "lines": [_line_document(line) for line in computation.lines],
        "travel": [_trip_document(trip) for trip in computation.travel],
        "fees": _amount(computation.fees),
        "cap_reduction": _amount(computation.cap.total_reduction),
        "travel_total": _amount(computation.travel_total),
        "total": _amount(computation.total),
        "fiscal_years": [
            {
                "fiscal_year": year.fiscal_year,
                "fees_before": _amount(year.fees_before),
                "fees": _amount(year.fees),
                "generated": _amount(year.generated),
                "cap_reduction": _amount(year.reduction),
            }
            for year in computation.cap.years
        ],
        "deadlines": [_deadline_document(entry) for entry in computation.deadlines],
        "interest": [_interest_document(entry) for entry in computation.interest],
        "findings": [_finding_document(f) for f in computation.findings],
    }


def _line_document(line: ComputedLine) -> dict:
    priced = line.priced
    return {
        "service": priced.service,
        "code": priced.code,
        "tariff_amount": _amount(priced.tariff_amount),
        "amount": _amount(line.amount),
        "rules": [rule.code for rule in priced.rules],
        "explanations": [rule.explanation_fr for rule in priced.rules],
        "cap_reduction": _amount(line.cap_reduction),
        "fiscal_year": line.fiscal_year,
        "findings": [_finding_document(f) for f in line.findings],
    }


def _trip_document(trip: ComputedTrip) -> dict:
    result = trip.result
    return {
        "travel": trip.travel,
        "amount": _amount(result.amount),
        "km_paid": _number(result.km_paid),
        "rate": _number(result.rate),
        "parking": _amount(result.parking),
        "capped_by": [cap.value for cap in result.capped_by],
        "rules": list(result.rules),
        "findings": [_finding_document(f) for f in result.findings],
    }


def _interest_document(entry: ComputedInterest) -> dict:
    return {
        "statement": entry.statement,
        "amount": _amount(entry.result.total),
        "principal": _amount(entry.principal),
        "until": entry.until.isoformat(),
        "periods": [
            {
                "start": period.start.isoformat(),
                "end": (period.end_exclusive - timedelta(days=1)).isoformat(),
                "days": period.days,
                "principal": _amount(period.principal),
                "rate": _number(period.annual_rate),
                "amount": _amount(period.amount),
            }
            for period in entry.result.periods
        ],
        "findings": [_finding_document(f) for f in entry.result.findings],
    }


def _deadline_document(entry: DeadlineEntry) -> dict:
    deadline, status = entry.deadline, entry.status
    return {
        entry.subject_kind: entry.subject,
        "kind": deadline.kind.value,
        "due": deadline.due.isoformat(),
        "article": deadline.article,
        "status": status.state.value,
        "days_left": status.days_left,
        "reminders_reached": list(status.reminders_reached),
        "met_on": _day(entry.met_on),
        "met_late": status.met_late,
        "label": deadline.label_fr,
        "note": deadline.note_fr,
        "starts_on": deadline.starts_on.isoformat(),
        "interrupted_on": _day(deadline.interrupted_on),
        "alternatives": [{"due": a.due.isoformat(), "reading": a.reading_fr} for a in deadline.alternatives],
    }


def _finding_document(finding: Finding) -> dict:
    return {
        "code": finding.code,
        "message": finding.message_fr,
        "article": finding.article,
        "subject": finding.subject,
    }


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else f"{round_cents(value):f}"


def _number(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()
