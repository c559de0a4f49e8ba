"""Use cases of the Relevés screen: prepare, finalize and follow up a relevé d'honoraires.

Preparing reads the lawyer's stored work and prices ALL of it with the engine of ``compute``
(``compute_stored``): the art. 22 reduction of a line depends on every fee generated before it
in its fiscal year, whatever the mandate. It then keeps the lines of the chosen mandates that
no finalized statement bills yet (services, trips of art. 20, disbursements of art. 19), each
with the rules that fixed its amount and its findings, and totals them through the relevé
model (``domain/statement.py``), the one place totals and taxes are computed.

Finalizing writes what the lawyer confirmed: the lines (their rules and findings as text, what
they print of a trip or a disbursement in columns of their own), the totals and a seal
(``storage/statement_seal.py``); from then on the storage refuses any change (art. 15-16: the
statement sent is the statement paid), and a correction is a supplementary statement. Reading
a statement back checks its seal. Its follow-up (sent, received, payments, refusal of art. 25)
is recorded beside it; interest (art. 17) and deadlines (arts. 15, 32-35, T8) always come from
the computation, never from the screen.

Each use case that changes something takes a unit of work, records an audit event for each
record it changes (the statement, a payment, a refusal) with its values before and after, and
commits once. Problems with what was typed come back as ``InvalidRecord`` naming each field.
"""

import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from pathlib import Path

from lawyer_billing.domain.compute import ComputedInterest, DeadlineEntry
from lawyer_billing.domain.deadlines import DeadlineKind, DeadlineState, interim_billing_opportunities, last_june_30
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.formatting import format_money, format_number
from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.money import ZERO, round_cents
from lawyer_billing.domain.profile import LawyerProfile, address_lines
from lawyer_billing.domain.rules.special_consideration import SPECIAL_CONSIDERATION
from lawyer_billing.domain.service import Disbursement, Service, Travel
from lawyer_billing.domain.statement import Disbursement as PrintedDisbursement
from lawyer_billing.domain.statement import (
    Letterhead,
    MandateEntry,
    Office,
    RuleNote,
    Statement,
    StatementError,
    StatementHeader,
    StatementLine,
    StatementTotals,
    StatementType,
    TravelEntry,
    tax_rates_for,
)
from lawyer_billing.domain.statement_files import default_file_name, safe_file_name
from lawyer_billing.domain.tariff import Tariff, UnknownCodeError, shipped_tariff
from lawyer_billing.domain.travel import TravelResult
from lawyer_billing.domain.validation import FieldProblem, finer_than_a_cent, raise_if_any
from lawyer_billing.private_files import create_private_file
from lawyer_billing.reports.statement_pdf import statement_pdf
from lawyer_billing.reports.statement_xlsx import statement_xlsx, year_xlsx
from lawyer_billing.services.stored_scenario import StoredComputation, compute_stored
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.billing_records import load_billing_records
from lawyer_billing.storage.repositories import MandateRepository, OfficeRepository
from lawyer_billing.storage.settings_store import ProfileRepository
from lawyer_billing.storage.statement_follow_up import FollowUpStore, PaymentRecord, RefusalRecord
from lawyer_billing.storage.statement_seal import lines_hash
from lawyer_billing.storage.statement_store import (
    StatementAmounts,
    StatementContent,
    StatementStore,
    StoredLine,
    StoredStatement,
)
from lawyer_billing.storage.unit_of_work import UnitOfWork

#: The article a travel line and a disbursement line cite in place of a tariff item.
TRAVEL_CODE, DISBURSEMENT_CODE = "art. 20", "art. 19"
FINAL_PREFIX, DRAFT_PREFIX = "R", "B"


class LineKind(StrEnum):
    FEE = "fee"
    TRAVEL = "travel"
    DISBURSEMENT = "disbursement"


class StatementStatus(StrEnum):
    """Where a statement stands, derived from what was recorded (never typed by hand)."""

    DRAFT = "draft"
    FINALIZED = "finalized"
    SENT = "sent"
    RECEIVED = "received"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    REFUSED = "refused"


@dataclass(frozen=True)
class MandateRef:
    id: int
    number: str
    client_name: str
    office_id: int | None
    #: the court (or else the district) the relevé names with the mandate
    court: str = ""


@dataclass(frozen=True)
class Line:
    """A line of a relevé, previewed or stored: a service priced under annex II, a trip (art. 20)
    or a disbursement (art. 19). ``amount`` is ``None`` on a preview line the engine could not
    price (its finding says why): such a line is left off the statement until it is fixed.
    ``record_id`` is the service, trip or disbursement it bills."""

    kind: LineKind
    record_id: int
    mandate_id: int
    mandate_number: str
    on: date
    code: str
    label: str
    units: int
    tariff_amount: Decimal | None
    amount: Decimal | None
    cap_reduction: Decimal = ZERO
    rules: tuple[RuleNote, ...] = ()
    findings: tuple[Finding, ...] = ()
    #: travel: the km paid, the rate per km and the parking; disbursement: the receipt
    km: Decimal | None = None
    rate: Decimal | None = None
    parking: Decimal | None = None
    receipt: str = ""
    #: a line of a supplementary statement that corrects what an earlier statement billed
    correction: bool = False

    @property
    def billable(self) -> bool:
        return self.amount is not None


@dataclass(frozen=True)
class StatementPreview:
    """Every line a statement would hold if finalized on ``on``, its totals and what to check.

    ``problems`` prevent finalizing (mandates of two offices, nothing to bill); ``findings``
    are for the lawyer to read (art. 16 conditions, lines without an amount...)."""

    kind: StatementType
    on: date
    mandates: tuple[MandateRef, ...]
    office_id: int | None
    lines: tuple[Line, ...]
    totals: StatementTotals | None
    findings: tuple[Finding, ...] = ()
    problems: tuple[FieldProblem, ...] = ()
    supplements_id: int | None = None

    @property
    def mandate_ids(self) -> tuple[int, ...]:
        return tuple(m.id for m in self.mandates)

    @property
    def billable_lines(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if line.billable)

    @property
    def omitted_lines(self) -> tuple[Line, ...]:
        return tuple(line for line in self.lines if not line.billable)


@dataclass(frozen=True)
class UnbilledWork:
    """The work of some mandates that no finalized statement bills yet, and what art. 16
    allows on an interim statement today."""

    services: tuple[Service, ...]
    travel: tuple[Travel, ...]
    disbursements: tuple[Disbursement, ...]
    interim: tuple = ()

    def mandate_ids(self) -> set[int]:
        return {r.mandate_id for r in (*self.services, *self.travel, *self.disbursements)}


@dataclass(frozen=True)
class MandateToBill:
    """A mandate with unbilled work, as the "Préparer un relevé" chooser lists it."""

    mandate: MandateRef
    client_name: str
    office: str
    ended_on: date | None
    services: int
    trips: int
    disbursements: int


@dataclass(frozen=True)
class StatementListing:
    id: int
    number: str
    kind: StatementType
    status: StatementStatus
    mandate_numbers: tuple[str, ...]
    total: Decimal | None
    interest: Decimal | None
    next_deadline: DeadlineEntry | None


@dataclass(frozen=True)
class StatementView:
    """A stored statement with its follow-up, its interest and its deadlines on ``today``.

    ``findings`` says when the seal no longer matches the stored lines (the statement was
    changed outside the application)."""

    id: int
    number: str
    kind: StatementType
    status: StatementStatus
    created_on: date
    finalized_on: date | None
    sent_on: date | None
    received_on: date | None
    mandates: tuple[MandateRef, ...]
    office_id: int | None
    supplements_id: int | None
    supplements_number: str | None
    lines: tuple[Line, ...]
    #: the totals written when it was finalized (or saved as a draft)
    totals: StatementTotals | None
    payments: tuple[PaymentRecord, ...]
    refusal: RefusalRecord | None
    interest: ComputedInterest | None
    deadlines: tuple[DeadlineEntry, ...]
    findings: tuple[Finding, ...]
    version: int

    @property
    def paid(self) -> Decimal:
        return sum((p.amount for p in self.payments), ZERO)

    @property
    def outstanding(self) -> Decimal:
        return (self.totals.total if self.totals else ZERO) - self.paid

    @property
    def mandate_ids(self) -> tuple[int, ...]:
        return tuple(m.id for m in self.mandates)

    @property
    def is_final(self) -> bool:
        return self.finalized_on is not None


# --- unbilled work ---------------------------------------------------------------------------


def unbilled_work(uow: UnitOfWork, today: date, mandate_ids: Collection[int] | None = None) -> UnbilledWork:
    """The services, trips and disbursements of ``mandate_ids`` (all when ``None``) not yet on a
    finalized statement, with the grounds of art. 16 for an interim statement on ``today``."""
    records = load_billing_records(uow.session, mandate_ids)
    billed = StatementStore(uow.session).billed(mandate_ids)
    services = tuple(s for s in records.services if (LineKind.FEE, s.id) not in billed)
    travel = tuple(t for t in records.travel if (LineKind.TRAVEL, t.id) not in billed)
    disbursements = tuple(d for d in records.disbursements if (LineKind.DISBURSEMENT, d.id) not in billed)
    rendered = [s for s in services if s.rendered_on <= today]
    interim = interim_billing_opportunities(
        today, [s.rendered_on for s in rendered], pif_prepared_on=[s.rendered_on for s in rendered if s.code == "T219"]
    )
    return UnbilledWork(services, travel, disbursements, interim)


def mandates_to_bill(uow: UnitOfWork, today: date) -> list[MandateToBill]:
    """The mandates that have unbilled work, most recent first."""
    work = unbilled_work(uow, today)
    offices = {office.id: office.name for office in OfficeRepository(uow.session).all()}
    counts: dict[int, list[int]] = {}
    for index, records in enumerate((work.services, work.travel, work.disbursements)):
        for record in records:
            counts.setdefault(record.mandate_id, [0, 0, 0])[index] += 1
    mandates = [m for m in MandateRepository(uow.session).all() if m.id in counts]
    return [
        MandateToBill(_ref(m), m.client_name, offices.get(m.office_id, ""), m.ended_on, *counts[m.id])
        for m in sorted(mandates, key=lambda m: (m.issued_on, m.id), reverse=True)
    ]


# --- preparing -------------------------------------------------------------------------------


def prepare_statement(
    uow: UnitOfWork, today: date, mandate_ids: Collection[int], kind: StatementType,
) -> StatementPreview:
    """The statement of ``kind`` (art. 16: interim or final) the unbilled work of ``mandate_ids``
    would make on ``today``. Nothing is written."""
    if kind is StatementType.SUPPLEMENTARY:
        raise ValueError("un relevé supplémentaire se prépare avec prepare_supplementary")
    return _prepare(uow, today, mandate_ids, kind, None)


def prepare_supplementary(uow: UnitOfWork, today: date, statement_id: int) -> StatementPreview:
    """The supplementary statement that corrects the finalized statement ``statement_id``: the
    work of its mandates billed nowhere yet, and for each record it billed whose amount or
    art. 22 reduction is now different, a correction line of the difference."""
    original = _stored_or_refuse(uow, statement_id)
    if original.finalized_on is None:
        raise_if_any([FieldProblem("statement", "Un brouillon se corrige directement : préparez-le de nouveau.")])
    return _prepare(uow, today, original.mandate_ids, StatementType.SUPPLEMENTARY, statement_id)


def _prepare(
    uow: UnitOfWork, today: date, mandate_ids: Collection[int], kind: StatementType, supplements_id: int | None
) -> StatementPreview:
    chosen = set(mandate_ids)
    stored = compute_stored(uow, today)  # all the work: the art. 22 reduction depends on every earlier fee
    mandates = {m.id: m for m in stored.records.mandates if m.id in chosen}
    problems = []
    if not chosen:
        problems.append(FieldProblem("mandates", "Choisissez au moins un mandat."))
    elif len(mandates) < len(chosen):
        problems.append(FieldProblem("mandates", "Un des mandats choisis n'existe plus : reprenez le choix."))
    numbers = {m.id: m.number for m in mandates.values()}
    billed = StatementStore(uow.session).billed(list(mandates)) if mandates else {}
    tariff = shipped_tariff()
    lines = [
        line
        for candidate in _candidate_lines(stored, mandates, numbers, tariff)
        if (line := _unbilled_or_correction(candidate, billed, supplements_id is not None)) is not None
    ]
    lines.sort(key=lambda line: (list(LineKind).index(line.kind), line.on, line.record_id))
    offices = {m.office_id for m in mandates.values()}
    if len(offices) > 1:
        problems.append(FieldProblem(
            "mandates",
            "Ces mandats viennent de bureaux d'aide juridique différents : un relevé est adressé à "
            "l'organisme qui a confié le mandat (art. 15). Faites un relevé par bureau.",
        ))
    if not any(line.billable for line in lines) and not problems:
        problems.append(FieldProblem("lines", "Rien à facturer : ces mandats n'ont aucun service, déplacement "
                                              "ou débours qui ne soit déjà sur un relevé finalisé."))
    office_id = next(iter(offices)) if len(offices) == 1 else None
    preview = StatementPreview(
        kind=kind, on=today, mandates=tuple(_ref(mandates[i]) for i in sorted(mandates)), office_id=office_id,
        lines=tuple(lines), totals=None,
        findings=tuple(_preview_findings(stored, kind, mandates.values(), lines, today)),
        problems=tuple(problems), supplements_id=supplements_id,
    )
    try:
        header = StatementHeader("—", kind, today, supplements=_number_of(uow, supplements_id))
        totals = relevé(lawyer_letterhead(uow), header, preview.mandates, preview.billable_lines).totals
    except StatementError as error:
        return replace(preview, problems=preview.problems + (FieldProblem("totals", str(error)),))
    return replace(preview, totals=totals)


def _candidate_lines(stored: StoredComputation, mandates: dict[int, Mandate], numbers: dict[int, str], tariff: Tariff):
    """Every line the chosen mandates' records make today, billed or not."""
    services = {str(s.id): s for s in stored.records.services}
    for computed in stored.computation.lines:
        service = services[computed.priced.service]
        if service.mandate_id not in mandates:
            continue
        priced = computed.priced
        yield Line(
            kind=LineKind.FEE, record_id=service.id, mandate_id=service.mandate_id,
            mandate_number=numbers[service.mandate_id], on=service.rendered_on, code=priced.code,
            label=_label(tariff, priced.code), units=service.units,
            tariff_amount=None if priced.tariff_amount is None else round_cents(priced.tariff_amount),
            amount=computed.amount, cap_reduction=computed.cap_reduction or ZERO,
            rules=tuple(RuleNote(rule.code, rule.explanation_fr) for rule in priced.rules),
            findings=computed.findings,
        )
    trips = {str(t.id): t for t in stored.records.travel}
    for computed in stored.computation.travel:
        trip, result = trips[computed.travel], computed.result
        if trip.mandate_id not in mandates:
            continue
        yield Line(
            kind=LineKind.TRAVEL, record_id=trip.id, mandate_id=trip.mandate_id,
            mandate_number=numbers[trip.mandate_id],
            on=trip.travelled_on, code=TRAVEL_CODE, label=trip.description or "Indemnité de déplacement",
            units=1, tariff_amount=None,
            amount=None if result.amount is None or result.rate is None else round_cents(result.amount),
            rules=_travel_rules(result), findings=result.findings,
            km=result.km_paid, rate=result.rate, parking=round_cents(result.parking),
        )
    for item in stored.records.disbursements:
        if item.mandate_id not in mandates:
            continue
        yield Line(
            kind=LineKind.DISBURSEMENT, record_id=item.id, mandate_id=item.mandate_id,
            mandate_number=numbers[item.mandate_id], on=item.incurred_on, code=DISBURSEMENT_CODE,
            label=item.description, units=1, tariff_amount=None, amount=round_cents(item.amount),
            receipt=item.receipt_reference,
        )


def _travel_rules(result: TravelResult) -> tuple[RuleNote, ...]:
    """The paragraphs of art. 20 that set a trip's allowance (``"art. 20 2° (plafond 200 km)"``),
    each as its article and what it did, worded as the tariff's rules are (« art. 20 2° : ... »)."""
    notes = []
    for rule in result.rules:
        article, _, detail = rule.partition(" (")
        explanation = detail.removesuffix(")")
        if not explanation and result.rate is not None:
            explanation = (f"{format_number(result.km_paid)} km payés à {format_number(result.rate)} $ le km, "
                           "selon la distance effectivement parcourue")
        notes.append(RuleNote(article, f"{article} : {explanation}"))
    return tuple(notes)


def _unbilled_or_correction(line: Line, billed: dict, corrections: bool) -> Line | None:
    """``line`` if nothing bills its record yet; on a supplementary statement, a correction of
    the difference between what it makes now and what was billed, if any; else ``None``."""
    already = billed.get((line.kind, line.record_id))
    if already is None:
        return line
    if not corrections or line.amount is None:
        return None
    amount, reduction = line.amount - already[0], line.cap_reduction - already[1]
    if not amount and not reduction:
        return None
    return replace(line, label=f"Correction : {line.label}", amount=amount, cap_reduction=reduction, correction=True)


def _preview_findings(stored: StoredComputation, kind: StatementType, mandates, lines: Sequence[Line], today: date):
    """What the lawyer should read before finalizing, beyond each line's own findings."""
    fee_ids = {str(line.record_id) for line in lines if line.kind is LineKind.FEE}
    line_findings = {f for line in lines for f in line.findings}
    for finding in stored.computation.findings:
        if finding not in line_findings and fee_ids & finding.subjects:
            yield finding
    for line in lines:
        if not line.billable:
            yield Finding(
                "line_left_out",
                f"{line.code} du {line.on.isoformat()} (mandat {line.mandate_number}) n'a pas de montant : il ne "
                "sera pas sur le relevé. Corrigez le service, ou finalisez sans lui et facturez-le plus tard.",
                "entente art. 18", str(line.record_id),
            )
    if kind is StatementType.FINAL:
        for mandate in mandates:
            if mandate.ended_on is None:
                yield Finding(
                    "final_before_end",
                    f"Le mandat {mandate.number} n'est pas terminé : un compte final suit la fin du mandat ; "
                    "avant, seul un compte intérimaire est possible (art. 16).",
                    "entente art. 16", mandate.number,
                )
    if kind is StatementType.INTERIM:
        fees = [line for line in lines if line.kind is LineKind.FEE and line.on <= today]
        grounds = interim_billing_opportunities(
            today, [line.on for line in fees], pif_prepared_on=[line.on for line in fees if line.code == "T219"]
        )
        allowed = {day for ground in grounds for day in ground.service_dates}
        for line in fees:
            if line.on not in allowed:
                yield Finding(
                    "interim_condition",
                    f"{line.code} du {line.on.isoformat()} n'a pas 12 mois et n'est pas un formulaire T219 : il va "
                    f"sur un compte intérimaire seulement si la cause était en état au "
                    f"{last_june_30(today).isoformat()} (art. 16).",
                    "entente art. 16", str(line.record_id),
                )


# --- drafts and finalizing -------------------------------------------------------------------


def save_draft(
    uow: UnitOfWork, preview: StatementPreview, *, user: str, now: datetime,
    draft_id: int | None = None, version: int | None = None,
) -> int:
    """Keep ``preview`` as a draft (new, or over the draft ``draft_id``): it bills nothing and
    can be prepared again, corrected or discarded."""
    store = StatementStore(uow.session)
    number = _next_number(store, DRAFT_PREFIX, preview.on.year) if draft_id is None else \
        _stored_or_refuse(uow, draft_id).number
    before = _values(uow, draft_id)
    statement_id = store.write(_content(preview, number, StatementStatus.DRAFT), draft_id, version)
    _audit(uow, user, now, "draft", statement_id, number, before)
    uow.commit()
    return statement_id


def prepare_again(uow: UnitOfWork, today: date, draft_id: int) -> StatementPreview:
    """The draft ``draft_id`` prepared again from the work as it is now."""
    draft = _stored_or_refuse(uow, draft_id)
    kind = StatementType(draft.type)
    if kind is StatementType.SUPPLEMENTARY:
        return _prepare(uow, today, draft.mandate_ids, kind, draft.supplements_id)
    return _prepare(uow, today, draft.mandate_ids, kind, None)


def discard_draft(uow: UnitOfWork, draft_id: int, version: int, *, user: str, now: datetime) -> None:
    before = _values(uow, draft_id)
    number = StatementStore(uow.session).delete_draft(draft_id, version)
    _audit(uow, user, now, "discard", draft_id, number, before)
    uow.commit()


def finalize_statement(
    uow: UnitOfWork, today: date, preview: StatementPreview, *, user: str, now: datetime,
    draft_id: int | None = None, version: int | None = None,
) -> int:
    """Write the statement the lawyer confirmed in ``preview``, numbered and sealed; return its id.

    The work is prepared again first: if anything changed since the preview (a service edited
    on another workstation), nothing is written and the lawyer reviews the new preview."""
    fresh = _prepare(uow, today, preview.mandate_ids, preview.kind, preview.supplements_id)
    if fresh.lines != preview.lines or fresh.totals != preview.totals:
        raise_if_any([FieldProblem(
            "lines",
            "Les services de ces mandats ont changé depuis l'aperçu : vérifiez le nouvel aperçu, puis finalisez.",
        )])
    raise_if_any(list(fresh.problems))
    store = StatementStore(uow.session)
    number = _next_number(store, FINAL_PREFIX, today.year)
    content = _content(fresh, number, StatementStatus.FINALIZED)
    sealed = replace(content, finalized_on=today, lines_hash=lines_hash(content.lines, content.amounts))
    before = _values(uow, draft_id)
    statement_id = store.write(sealed, draft_id, version)
    action = "supplement" if preview.kind is StatementType.SUPPLEMENTARY else "finalize"
    _audit(uow, user, now, action, statement_id, number, before)
    uow.commit()
    return statement_id


def supplementary_statement(uow: UnitOfWork, today: date, statement_id: int, *, user: str, now: datetime) -> int:
    """Finalize at once the supplementary statement that corrects ``statement_id``."""
    return finalize_statement(uow, today, prepare_supplementary(uow, today, statement_id), user=user, now=now)


def _content(preview: StatementPreview, number: str, status: StatementStatus) -> StatementContent:
    amounts = _amounts(preview.totals)
    return StatementContent(
        number=number, type=preview.kind.value, status=status.value, created_on=preview.on,
        office_id=preview.office_id, supplements_id=preview.supplements_id, mandate_ids=preview.mandate_ids,
        lines=tuple(_stored_line(position, line) for position, line in enumerate(preview.billable_lines, start=1)),
        amounts=amounts,
    )


def _next_number(store: StatementStore, prefix: str, year: int) -> str:
    """The next number of ``year``: R-2026-0001, R-2026-0002... (drafts: B-2026-0001)."""
    start = f"{prefix}-{year}-"
    used = [int(n.removeprefix(start)) for n in store.numbers_with_prefix(start) if n.removeprefix(start).isdigit()]
    return f"{start}{max(used, default=0) + 1:04d}"


# --- the line as stored ----------------------------------------------------------------------


def _stored_line(position: int, line: Line) -> StoredLine:
    """The line as written: its rules and findings as JSON, what it prints of a trip or a
    disbursement in columns of their own."""
    rules = {"rules": [{"code": r.code, "explanation": r.explanation} for r in line.rules]}
    findings = [{"code": f.code, "message": f.message_fr, "article": f.article, "subject": f.subject}
                for f in line.findings]
    return StoredLine(
        kind=line.kind.value, position=position, rendered_on=line.on, code=line.code, label=line.label,
        units=line.units, tariff_amount=line.tariff_amount, amount=line.amount, cap_reduction=line.cap_reduction,
        rules=json.dumps(rules, ensure_ascii=False, sort_keys=True),
        findings=json.dumps(findings, ensure_ascii=False, sort_keys=True), mandate_id=line.mandate_id,
        service_id=line.record_id if line.kind is LineKind.FEE else None,
        travel_id=line.record_id if line.kind is LineKind.TRAVEL else None,
        disbursement_id=line.record_id if line.kind is LineKind.DISBURSEMENT else None,
        km=line.km, rate=line.rate, parking=line.parking, receipt=line.receipt, correction=line.correction,
    )


def _line(stored: StoredLine, numbers: dict[int, str]) -> Line:
    kind = LineKind(stored.kind)
    record = {LineKind.FEE: stored.service_id, LineKind.TRAVEL: stored.travel_id,
              LineKind.DISBURSEMENT: stored.disbursement_id}[kind]
    return Line(
        kind=kind, record_id=record, mandate_id=stored.mandate_id, mandate_number=numbers.get(stored.mandate_id, ""),
        on=stored.rendered_on, code=stored.code, label=stored.label, units=stored.units,
        tariff_amount=stored.tariff_amount, amount=stored.amount, cap_reduction=stored.cap_reduction or ZERO,
        rules=tuple(RuleNote(r["code"], r["explanation"]) for r in json.loads(stored.rules or "{}").get("rules", ())),
        findings=tuple(Finding(f["code"], f["message"], f["article"], f.get("subject", ""))
                       for f in json.loads(stored.findings or "[]")),
        km=stored.km, rate=stored.rate, parking=stored.parking, receipt=stored.receipt, correction=stored.correction,
    )


# --- reading statements back -----------------------------------------------------------------


def list_statements(uow: UnitOfWork, today: date) -> list[StatementListing]:
    """Every statement, newest first, with its status, its interest and its next deadline."""
    computation = compute_stored(uow, today).computation
    store = StatementStore(uow.session)
    special = store.with_line_finding(SPECIAL_CONSIDERATION)
    listings = []
    for summary in store.summaries():
        status = statement_status(summary.finalized_on, summary.sent_on, summary.received_on, summary.paid,
                                  summary.total, summary.refused)
        interest = next((i.result.total for i in computation.interest if i.statement == str(summary.id)), None)
        listings.append(StatementListing(
            summary.id, summary.number, StatementType(summary.type), status, summary.mandate_numbers, summary.total,
            interest,
            _next_deadline(_deadlines_of(computation.deadlines, summary.id,
                                         () if summary.sent_on else summary.mandate_ids, summary.id in special)),
        ))
    return listings


def open_statement(uow: UnitOfWork, today: date, statement_id: int) -> StatementView:
    """The statement as stored, its seal checked, with its follow-up, interest and deadlines."""
    stored = _stored_or_refuse(uow, statement_id)
    computation = compute_stored(uow, today, stored.mandate_ids).computation
    follow_up = FollowUpStore(uow.session)
    payments = tuple(follow_up.payments(statement_id))
    refusal = follow_up.refusal_of(statement_id)
    mandates = _mandate_refs(uow, stored.mandate_ids)
    numbers = {m.id: m.number for m in mandates}
    findings = []
    if stored.finalized_on is not None and (
        stored.amounts is None or lines_hash(stored.lines, stored.amounts) != stored.lines_hash
    ):
        findings.append(Finding(
            "statement_tampered",
            f"Le relevé {stored.number} ne correspond plus à son sceau : ses lignes ou ses totaux ont été "
            "modifiés hors de l'application depuis sa finalisation. Ne l'envoyez pas sans vérifier ; restaurez une "
            "sauvegarde au besoin.",
            "", stored.number,
        ))
    lines = tuple(_line(line, numbers) for line in stored.lines)
    status = statement_status(stored.finalized_on, stored.sent_on, stored.received_on,
                              sum((p.amount for p in payments), ZERO),
                              stored.amounts.total if stored.amounts else None, refusal is not None)
    return StatementView(
        id=stored.id, number=stored.number, kind=StatementType(stored.type), status=status,
        created_on=stored.created_on, finalized_on=stored.finalized_on, sent_on=stored.sent_on,
        received_on=stored.received_on, mandates=mandates, office_id=stored.office_id,
        supplements_id=stored.supplements_id, supplements_number=_number_of(uow, stored.supplements_id),
        lines=lines, totals=_totals(stored.amounts),
        payments=payments,
        refusal=refusal,
        interest=next((i for i in computation.interest if i.statement == str(statement_id)), None),
        deadlines=_deadlines_of(computation.deadlines, statement_id, () if stored.sent_on else stored.mandate_ids,
                                any(f.code == SPECIAL_CONSIDERATION for line in lines for f in line.findings)),
        findings=tuple(findings), version=stored.version,
    )


def statement_status(
    finalized_on: date | None, sent_on: date | None, received_on: date | None, paid: Decimal,
    total: Decimal | None, refused: bool,
) -> StatementStatus:
    if finalized_on is None:
        return StatementStatus.DRAFT
    if total is not None and paid > 0 and paid >= total:
        return StatementStatus.PAID
    if refused:
        return StatementStatus.REFUSED
    if paid:
        return StatementStatus.PARTIALLY_PAID
    if received_on is not None:
        return StatementStatus.RECEIVED
    if sent_on is not None:
        return StatementStatus.SENT
    return StatementStatus.FINALIZED


def _deadlines_of(entries: Sequence[DeadlineEntry], statement_id: int, filing_of: Collection[int],
                  special_consideration: bool) -> tuple[DeadlineEntry, ...]:
    """The statement's own deadlines and, while it is not sent, the filing deadline (art. 15)
    of each of its mandates. The six months of T8 concern only a statement billing a service
    above the tariff (« un dépassement des honoraires prévus au tarif »): without one, its
    T8 deadline asks nothing and is left out."""
    mandates = {str(m) for m in filing_of}
    return tuple(
        entry for entry in entries
        if (entry.subject_kind == "statement" and entry.subject == str(statement_id)
            and (special_consideration or entry.deadline.kind is not DeadlineKind.SPECIAL_CONSIDERATION))
        or (entry.subject_kind == "mandate" and entry.subject in mandates)
    )


def _next_deadline(entries: Sequence[DeadlineEntry]) -> DeadlineEntry | None:
    pending = [e for e in entries if e.status.state not in (DeadlineState.MET, DeadlineState.INTERRUPTED)]
    return min(pending, key=lambda e: e.deadline.due, default=None)


def next_deadline(view: StatementView) -> DeadlineEntry | None:
    return _next_deadline(view.deadlines)


# --- follow-up -------------------------------------------------------------------------------


def mark_sent(uow: UnitOfWork, today: date, statement_id: int, version: int, sent_on: date, *,
              user: str, now: datetime) -> None:
    """The day the statement left for the office: starts the T8 period of six months."""
    statement = _finalized_or_refuse(uow, statement_id)
    raise_if_any(_day_problems("sent_on", sent_on, today, statement.finalized_on,
                               "La date d'envoi ne peut pas précéder la finalisation du relevé ({})."))
    before = _values(uow, statement_id)
    _set_follow_up(uow, statement, version, sent_on=sent_on)
    _audit(uow, user, now, "send", statement_id, statement.number, before)
    uow.commit()


def mark_received(uow: UnitOfWork, today: date, statement_id: int, version: int, received_on: date, *,
                  user: str, now: datetime) -> None:
    """The day the office received the statement: payment is due 30 days later (art. 15) and
    interest runs from then (art. 17)."""
    statement = _finalized_or_refuse(uow, statement_id)
    if statement.sent_on is None:
        raise_if_any([FieldProblem("received_on", "Indiquez d'abord la date d'envoi du relevé.")])
    raise_if_any(_day_problems("received_on", received_on, today, statement.sent_on,
                               "La réception ne peut pas précéder l'envoi du relevé ({})."))
    before = _values(uow, statement_id)
    _set_follow_up(uow, statement, version, received_on=received_on)
    _audit(uow, user, now, "receive", statement_id, statement.number, before)
    uow.commit()


def record_payment(uow: UnitOfWork, today: date, statement_id: int, version: int, paid_on: date, amount: Decimal, *,
                   user: str, now: datetime) -> None:
    """A payment, partial or full: the unpaid remainder keeps bearing interest (art. 17)."""
    statement = _finalized_or_refuse(uow, statement_id)
    follow_up = FollowUpStore(uow.session)
    paid = sum((p.amount for p in follow_up.payments(statement_id)), ZERO)
    problems = []
    if statement.received_on is None:
        problems.append(FieldProblem("paid_on", "Indiquez d'abord la date de réception du relevé : l'intérêt "
                                                "de l'art. 17 se compte depuis elle."))
    else:
        problems += _day_problems("paid_on", paid_on, today, statement.received_on,
                                  "Le paiement ne peut pas précéder la réception du relevé ({}).")
    if amount <= 0:
        problems.append(FieldProblem("amount", "Le montant payé doit être plus grand que zéro."))
    elif cents := finer_than_a_cent("amount", amount):
        problems += cents
    elif paid + amount > statement.amounts.total:
        problems.append(FieldProblem("amount", f"Les paiements ({format_money(paid + amount)}) dépasseraient le total "
                                               f"du relevé ({format_money(statement.amounts.total)})."))
    raise_if_any(problems)
    before = _values(uow, statement_id)
    payment_id = follow_up.add_payment(PaymentRecord(statement_id, paid_on, amount))
    _set_follow_up(uow, statement, version)
    AuditTrail(uow.session).record_change(now, user, "payment", "payment", payment_id,
                                          f"Paiement du {paid_on.isoformat()} (relevé {statement.number})", None)
    _audit_if_changed(uow, user, now, "payment", statement, before)
    uow.commit()


def record_refusal(uow: UnitOfWork, today: date, statement_id: int, version: int, *, received_on: date, reasons: str,
                   amount_refused: Decimal, reference: str, user: str, now: datetime) -> int:
    """The office's written, reasoned notice of refusal (art. 25): starts the six months to
    dispute it (art. 32); return the refusal's id."""
    statement = _finalized_or_refuse(uow, statement_id)
    follow_up = FollowUpStore(uow.session)
    problems = []
    if follow_up.refusal_of(statement_id) is not None:
        problems.append(FieldProblem("received_on", "Un refus est déjà inscrit pour ce relevé : poursuivez-le dans "
                                                    "Différends."))
    if statement.sent_on is None:
        problems.append(FieldProblem("received_on", "Indiquez d'abord la date d'envoi du relevé."))
    else:
        problems += _day_problems("received_on", received_on, today, statement.sent_on,
                                  "L'avis de refus ne peut pas précéder l'envoi du relevé ({}).")
    if not reasons.strip():
        problems.append(FieldProblem("reasons", "Inscrivez les motifs du refus : l'avis doit les énoncer (art. 25)."))
    if amount_refused <= 0:
        problems.append(FieldProblem("amount_refused", "Le montant refusé doit être plus grand que zéro."))
    elif cents := finer_than_a_cent("amount_refused", amount_refused):
        problems += cents
    elif amount_refused > statement.amounts.total:
        problems.append(FieldProblem("amount_refused", f"Le montant refusé dépasse le total du relevé "
                                                       f"({format_money(statement.amounts.total)})."))
    raise_if_any(problems)
    before = _values(uow, statement_id)
    refusal_id = follow_up.add_refusal(RefusalRecord(statement_id, received_on, reasons.strip(), amount_refused,
                                                     reference.strip()))
    _set_follow_up(uow, statement, version)
    AuditTrail(uow.session).record_change(now, user, "refusal", "refusal", refusal_id,
                                          f"Refus du {received_on.isoformat()} (relevé {statement.number})", None)
    _audit_if_changed(uow, user, now, "refusal", statement, before)
    uow.commit()
    return refusal_id


def _set_follow_up(uow: UnitOfWork, statement: StoredStatement, version: int, **dates) -> None:
    """Write the follow-up ``dates`` and the status everything recorded now gives."""
    follow_up = FollowUpStore(uow.session)
    status = statement_status(
        statement.finalized_on, dates.get("sent_on", statement.sent_on),
        dates.get("received_on", statement.received_on),
        sum((p.amount for p in follow_up.payments(statement.id)), ZERO), statement.amounts.total,
        follow_up.refusal_of(statement.id) is not None,
    )
    StatementStore(uow.session).set_follow_up(statement.id, version, status=status.value, **dates)


def _day_problems(name: str, day: date, today: date, earliest: date, before_message: str) -> list[FieldProblem]:
    if day > today:
        return [FieldProblem(name, f"La date ne peut pas être après aujourd'hui ({today.isoformat()}).")]
    if day < earliest:
        return [FieldProblem(name, before_message.format(earliest.isoformat()))]
    return []


# --- the relevé model and its documents ------------------------------------------------------


def relevé(letterhead: Letterhead, header: StatementHeader, mandates: Sequence[MandateRef],
           lines: Sequence[Line]) -> Statement:
    """The relevé model (``domain/statement.py``) of ``lines``: the one way both a preview and a
    stored statement become what is printed and totalled."""
    fees = tuple(
        StatementLine(line.on, line.code, line.label, line.units, line.tariff_amount, line.amount, line.mandate_number,
                      line.rules, line.cap_reduction)
        for line in lines if line.kind is LineKind.FEE
    )
    travel = tuple(
        TravelEntry(line.on, line.km, line.rate, line.parking, line.amount, line.mandate_number)
        for line in lines if line.kind is LineKind.TRAVEL
    )
    disbursements = tuple(
        PrintedDisbursement(line.on, line.label, line.amount, line.receipt, line.mandate_number)
        for line in lines if line.kind is LineKind.DISBURSEMENT
    )
    return Statement(
        letterhead=letterhead, header=header,
        mandates=tuple(MandateEntry(m.number, m.client_name, m.court) for m in mandates),
        lines=fees, disbursements=disbursements, travel=travel,
        tax_rates=tax_rates_for(letterhead, header.date),
    )


def statement_document(uow: UnitOfWork, statement_id: int) -> Statement:
    """The relevé model of a stored statement, from the lines as they were finalized (never a
    recomputation). The registration numbers are printed only for the taxes the statement
    charged, so a reprint reads as the original even if the profile changed since; a relevé
    that would not print the totals it was finalized with is refused (``InvalidRecord``)."""
    stored = _stored_or_refuse(uow, statement_id)
    mandates = _mandate_refs(uow, stored.mandate_ids)
    numbers = {m.id: m.number for m in mandates}
    letterhead = lawyer_letterhead(uow)
    if stored.amounts is not None:
        letterhead = replace(letterhead, gst_number=letterhead.gst_number if stored.amounts.gst else None,
                             qst_number=letterhead.qst_number if stored.amounts.qst else None)
    header = StatementHeader(stored.number, StatementType(stored.type), stored.finalized_on or stored.created_on,
                             addressee(uow, stored.office_id), _number_of(uow, stored.supplements_id))
    try:
        document = relevé(letterhead, header, mandates, [_line(line, numbers) for line in stored.lines])
    except StatementError as error:
        raise_if_any([FieldProblem("statement", str(error))])
    if stored.amounts is not None and _amounts(document.totals) != stored.amounts:
        raise_if_any([FieldProblem(
            "statement", f"Le relevé {stored.number} ne se réimprime pas à l'identique (taux de taxes ou lignes "
                         "différents de ceux de sa finalisation) : vérifiez-le avant de l'envoyer.")])
    return document


def statement_pdf_bytes(uow: UnitOfWork, statement_id: int) -> bytes:
    return statement_pdf(statement_document(uow, statement_id))


def statement_xlsx_bytes(uow: UnitOfWork, statement_id: int) -> bytes:
    return statement_xlsx(statement_document(uow, statement_id))


def export_file_name(number: str, extension: str, prefix: str = "releve") -> str:
    """The default name of a document about the statement ``number``: ``releve-R-2026-0001.pdf``
    (a letter about it: ``avis-de-differend-R-2026-0001.pdf``), safe on every system."""
    return f"{prefix}-{safe_file_name(number, 'sans-numero')}.{extension}"


def finalized_in(uow: UnitOfWork, year: int) -> list[int]:
    """The ids of the statements finalized in calendar ``year``, in order of number."""
    return [s.id for s in sorted(StatementStore(uow.session).summaries(), key=lambda s: s.number)
            if s.finalized_on is not None and s.finalized_on.year == year]


class ExportCancelled(Exception):
    """The user cancelled an export; nothing was left in the folder."""


def export_year(
    uow: UnitOfWork, year: int, folder: Path, *,
    progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> tuple[Path, ...]:
    """Every statement finalized in ``year`` as a PDF in ``folder``, and one workbook
    (``releves-2026.xlsx``) with a summary of them all and a sheet for each; returns the files
    written.

    Meant for a worker thread: ``progress(done, total)`` after each file, ``cancelled()``
    checked between files (``ExportCancelled`` then). Each file is written under a temporary
    name and all are renamed only once every one is complete, so a cancelled or failed export
    leaves no file, whole or half-written."""
    ids = finalized_in(uow, year)
    if not ids:
        raise_if_any([FieldProblem("year", f"Aucun relevé n'a été finalisé en {year}.")])
    documents = [statement_document(uow, statement_id) for statement_id in ids]
    total = len(documents) + 1
    written: list[tuple[Path, Path]] = []
    try:
        for document in documents:
            if cancelled():
                raise ExportCancelled
            written.append(_write_temporary(folder, default_file_name(document.header, "pdf"),
                                            statement_pdf(document)))
            progress(len(written), total)
        if cancelled():
            raise ExportCancelled
        written.append(_write_temporary(folder, f"releves-{year}.xlsx", year_xlsx(year, documents)))
        progress(total, total)
    except BaseException:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, final in written:
        temporary.replace(final)
    return tuple(final for _, final in written)


def _write_temporary(folder: Path, name: str, content: bytes) -> tuple[Path, Path]:
    """``content`` in a hidden temporary file beside ``folder / name``, owner-only like every
    file that names clients; (temporary, final)."""
    final = folder / name
    temporary = folder / f".{name}.partiel"
    try:
        temporary.unlink(missing_ok=True)  # left by an export that was killed: its mode is unknown
        create_private_file(temporary)
        temporary.write_bytes(content)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary, final


def _totals(amounts: StatementAmounts | None) -> StatementTotals | None:
    if amounts is None:
        return None
    taxable = amounts.fees - amounts.cap_reduction + amounts.travel_total
    return StatementTotals(amounts.fees, amounts.cap_reduction, amounts.travel_total, taxable, amounts.gst,
                           amounts.qst, amounts.disbursements_total, amounts.total)


def _amounts(totals: StatementTotals) -> StatementAmounts:
    return StatementAmounts(totals.fees, totals.cap_reduction, totals.travel, totals.disbursements,
                            totals.gst, totals.qst, totals.total)


def lawyer_letterhead(uow: UnitOfWork) -> Letterhead:
    return Letterhead.from_profile(ProfileRepository(uow.session).get() or LawyerProfile())


def addressee(uow: UnitOfWork, office_id: int | None) -> Office | None:
    office = None if office_id is None else OfficeRepository(uow.session).get(office_id)
    if office is None:
        return None
    return Office(office.name, address_lines(office.address))


# --- shared helpers --------------------------------------------------------------------------


def _stored_or_refuse(uow: UnitOfWork, statement_id: int) -> StoredStatement:
    stored = StatementStore(uow.session).get(statement_id)
    if stored is None:
        raise_if_any([FieldProblem("statement", "Ce relevé n'existe plus : il a été supprimé ailleurs.")])
    return stored


def _finalized_or_refuse(uow: UnitOfWork, statement_id: int) -> StoredStatement:
    stored = _stored_or_refuse(uow, statement_id)
    if stored.finalized_on is None:
        raise_if_any([FieldProblem("statement", "Finalisez d'abord le relevé : un brouillon ne s'envoie pas.")])
    return stored


def _number_of(uow: UnitOfWork, statement_id: int | None) -> str | None:
    if statement_id is None:
        return None
    stored = StatementStore(uow.session).get(statement_id)
    return None if stored is None else stored.number


def _mandate_refs(uow: UnitOfWork, mandate_ids: Collection[int]) -> tuple[MandateRef, ...]:
    repository = MandateRepository(uow.session)
    return tuple(_ref(m) for m in (repository.get(i) for i in sorted(mandate_ids)) if m is not None)


def _ref(mandate: Mandate) -> MandateRef:
    return MandateRef(mandate.id, mandate.number, mandate.client_name, mandate.office_id,
                      mandate.court or mandate.district)


def _label(tariff: Tariff, code: str) -> str:
    try:
        return tariff.item(code).label_fr
    except (UnknownCodeError, KeyError):
        return ""


def _values(uow: UnitOfWork, statement_id: int | None) -> dict[str, str] | None:
    """The statement's values as stored, before a change (``None`` for a new one)."""
    return AuditTrail(uow.session).values("statement", statement_id)


def _audit(uow: UnitOfWork, user: str, now: datetime, action: str, statement_id: int, number: str,
           before: dict[str, str] | None) -> None:
    """The summary names the statement by its number; its totals are in the values."""
    AuditTrail(uow.session).record_change(now, user, action, "statement", statement_id, f"Relevé {number}", before)


def _audit_if_changed(uow: UnitOfWork, user: str, now: datetime, action: str, statement: StoredStatement,
                      before: dict[str, str] | None) -> None:
    """The statement's own event after a payment or a refusal, when it changed the statement
    (its status); the payment or refusal has its event in any case."""
    if _values(uow, statement.id) != before:
        _audit(uow, user, now, action, statement.id, statement.number, before)
