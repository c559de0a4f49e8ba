"""The work logged on a mandate: read it priced as its statement will claim it, and add,
change, remove or put back its services, trips and disbursements.

Reading prices the mandate together with the mandates that can change its amounts
(``storage.mandate_detail.pricing_neighbours``: T98, T99, the counts of a matter), with the
firm's tariff (``tariff_overlay.current_tariff``), through the same ``compute`` as the
``compute`` command.

Each change is one unit of work: the record and its audit event are saved together or not at
all. A record on a finalized statement cannot be changed or removed (the statement claimed
it; a correction goes on a supplementary statement); one on a draft statement must be taken
off the statement first.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import partial

from lawyer_billing.domain.compute import ComputedLine, DeadlineEntry, compute
from lawyer_billing.domain.findings import Finding
from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.money import ZERO
from lawyer_billing.domain.pricing import price_services
from lawyer_billing.domain.record_facts import RuleFactsError, check_rule_facts
from lawyer_billing.domain.scenario import TRAVEL_BASES
from lawyer_billing.domain.service import Disbursement, Service, Travel
from lawyer_billing.domain.tariff import Tariff, UnknownCodeError, normalise_code
from lawyer_billing.domain.travel import TravelResult
from lawyer_billing.domain.validation import FieldProblem, finer_than_a_cent, raise_if_any
from lawyer_billing.services.stored_scenario import stored_scenario
from lawyer_billing.services.tariff_overlay import current_tariff
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.errors import FrozenStatementError
from lawyer_billing.storage.mandate_detail import (
    StatementSummary,
    mandate_statements,
    pricing_neighbours,
    statement_of_services,
)
from lawyer_billing.storage.repositories import (
    DisbursementRepository,
    MandateRepository,
    OfficeRepository,
    ServiceRepository,
    TravelRepository,
)
from lawyer_billing.storage.unit_of_work import UnitOfWork
from lawyer_billing.storage.work_records import OnStatementError, WorkRecord, remove, statements_holding


@dataclass(frozen=True)
class PricedService:
    service: Service
    #: the computed line (amount before the art. 22 reduction, rules, findings)
    line: ComputedLine | None
    #: the number of the statement that holds the service, if one does
    statement: str | None


@dataclass(frozen=True)
class PricedTrip:
    travel: Travel
    result: TravelResult | None


@dataclass(frozen=True)
class MandateWork:
    """Everything the detail of a mandate shows, computed on ``today``."""

    mandate: Mandate
    office: str
    services: tuple[PricedService, ...]
    travel: tuple[PricedTrip, ...]
    disbursements: tuple[Disbursement, ...]
    statements: tuple[StatementSummary, ...]
    deadlines: tuple[DeadlineEntry, ...]
    findings: tuple[Finding, ...]

    @property
    def fees(self):
        return sum((s.line.amount for s in self.services if s.line is not None and s.line.amount is not None), ZERO)


def stored_mandate(uow: UnitOfWork, mandate_id: int) -> Mandate | None:
    """The mandate as it is stored now (``None`` if it no longer exists)."""
    return MandateRepository(uow.session).get(mandate_id)


def mandate_of_service(uow: UnitOfWork, service_id: int) -> int | None:
    """The mandate a service was rendered on (``None`` if the service no longer exists)."""
    service = ServiceRepository(uow.session).get(service_id)
    return None if service is None else service.mandate_id


def mandate_work(uow: UnitOfWork, mandate_id: int, today: date, tariff: Tariff | None = None) -> MandateWork | None:
    mandate = stored_mandate(uow, mandate_id)
    if mandate is None:
        return None
    records, scenario = stored_scenario(uow, today, pricing_neighbours(uow.session, [mandate_id]))
    computation = compute(scenario, price=partial(price_services, tariff=tariff or current_tariff(uow)))
    lines = {line.priced.service: line for line in computation.lines}
    trips = {trip.travel: trip.result for trip in computation.travel}
    services = [s for s in records.services if s.mandate_id == mandate_id]
    on_statements = statement_of_services(uow.session, [s.id for s in services])
    statements = mandate_statements(uow.session, mandate_id)
    statement_ids = {str(s.id) for s in statements}
    service_ids = {str(s.id) for s in services}
    deadlines = tuple(
        entry for entry in computation.deadlines
        if (entry.subject_kind == "mandate" and entry.subject == str(mandate_id))
        or (entry.subject_kind == "statement" and entry.subject in statement_ids)
    )
    travel = tuple(PricedTrip(t, trips.get(str(t.id))) for t in records.travel if t.mandate_id == mandate_id)
    findings = tuple(
        f for f in computation.findings
        if service_ids & f.subjects or any(f in (trip.result.findings if trip.result else ()) for trip in travel)
    )
    office = OfficeRepository(uow.session).get(mandate.office_id) if mandate.office_id is not None else None
    return MandateWork(
        mandate=mandate,
        office=office.name if office else "",
        services=tuple(PricedService(s, lines.get(str(s.id)), on_statements.get(s.id)) for s in services),
        travel=travel,
        disbursements=tuple(d for d in records.disbursements if d.mandate_id == mandate_id),
        statements=tuple(statements),
        deadlines=deadlines,
        findings=findings,
    )


# -- checking what was typed ------------------------------------------------------------------


def service_problems(service: Service, tariff: Tariff) -> tuple[Service, list[FieldProblem]]:
    """``service`` with its code in the tariff's spelling, and every problem that prevents
    saving it, each on its field (the rule facts on their own name)."""
    problems = []
    code = service.code
    if not code.strip():
        problems.append(FieldProblem("code", "Indiquez l'article du tarif (ex. T127)."))
    else:
        try:
            code = normalise_code(code, tariff)
        except UnknownCodeError as error:
            problems.append(FieldProblem("code", str(error)))
    if service.start is not None and service.end is not None and service.end <= service.start:
        problems.append(FieldProblem("end", "L'heure de fin doit suivre l'heure de début."))
    if service.units < 1:
        problems.append(FieldProblem("units", "Le nombre d'unités est d'au moins 1."))
    if service.children < 1:
        problems.append(FieldProblem("children", "Le nombre d'enfants est d'au moins 1."))
    problems += _money_problems(service, ("base_amount", "amount_override"))
    if service.amount_override is not None and not service.override_reason.strip():
        problems.append(FieldProblem(
            "override_reason",
            "Donnez la raison du montant saisi (considération spéciale, article sans montant au tarif...).",
        ))
    facts = dict(service.rule_facts)
    try:
        check_rule_facts(facts)
    except RuleFactsError as error:
        problems.append(FieldProblem("rule_facts", str(error)))
    if isinstance(facts.get("contestations"), int) and facts["contestations"] < 1:
        problems.append(FieldProblem("contestations", "Le nombre de contestations est d'au moins 1."))
    if facts.get("charged_as"):
        try:
            facts["charged_as"] = normalise_code(str(facts["charged_as"]), tariff)
        except UnknownCodeError as error:
            problems.append(FieldProblem("charged_as", str(error)))
    return replace(service, code=code, rule_facts=facts), problems


def travel_problems(travel: Travel) -> list[FieldProblem]:
    problems = [
        FieldProblem(name, "Une distance ne peut pas être négative.")
        for name in ("km", "destination_km", "alternate_km")
        if getattr(travel, name) is not None and getattr(travel, name) < 0
    ]
    problems += _money_problems(travel, ("parking", "actual_cost"))
    if travel.basis not in TRAVEL_BASES:
        problems.append(FieldProblem("basis", "Choisissez le paragraphe de l'art. 20 qui s'applique au déplacement."))
    return problems


def disbursement_problems(disbursement: Disbursement) -> list[FieldProblem]:
    problems = []
    if not disbursement.description.strip():
        problems.append(FieldProblem("description", "Décrivez le débours (ex. signification par huissier)."))
    if disbursement.amount <= 0:
        problems.append(FieldProblem("amount", "Le montant du débours doit être plus grand que zéro."))
    else:
        problems += _money_problems(disbursement, ("amount",))
    return problems


def _money_problems(record, names: tuple[str, ...]) -> list[FieldProblem]:
    """The amounts of ``record`` named ``names`` that are negative or finer than the cent (an
    amount is stored in cents: a third decimal would be rounded away unseen)."""
    problems = []
    for name in names:
        amount = getattr(record, name)
        if amount is None:
            continue
        if amount < 0:
            problems.append(FieldProblem(name, "Un montant ne peut pas être négatif."))
        else:
            problems += finer_than_a_cent(name, amount)
    return problems


# -- changes ----------------------------------------------------------------------------------

_REPOSITORIES = {Service: ServiceRepository, Travel: TravelRepository, Disbursement: DisbursementRepository}
_ENTITIES = {Service: "service", Travel: "travel", Disbursement: "disbursement"}


def save_service(uow: UnitOfWork, service: Service, *, user: str, now: datetime, tariff: Tariff | None = None) -> Service:
    """Add ``service`` (no id) or write it over the stored one; the code is stored in the
    tariff's own spelling (``t127`` -> ``T127``)."""
    checked, problems = service_problems(service, tariff or current_tariff(uow))
    raise_if_any(problems)
    return _save(uow, checked, user=user, now=now)


def save_travel(uow: UnitOfWork, travel: Travel, *, user: str, now: datetime) -> Travel:
    raise_if_any(travel_problems(travel))
    return _save(uow, travel, user=user, now=now)


def save_disbursement(uow: UnitOfWork, disbursement: Disbursement, *, user: str, now: datetime) -> Disbursement:
    raise_if_any(disbursement_problems(disbursement))
    return _save(uow, disbursement, user=user, now=now)


def delete_work(uow: UnitOfWork, record: WorkRecord, *, user: str, now: datetime) -> None:
    """Remove a service, trip or disbursement; refused while a statement holds it."""
    mandate = _mandate_of(uow, record)
    _refuse_if_on_statement(uow, record, "supprimé")
    before = _values(uow, record)
    remove(uow.session, record)
    _audit(uow, "delete", record, mandate, now, user, before)
    uow.commit()


def restore_work(uow: UnitOfWork, record: WorkRecord, *, user: str, now: datetime) -> WorkRecord:
    """Put back a record that was removed (undo): it is added again, as a new record."""
    mandate = _mandate_of(uow, record)
    restored = _REPOSITORIES[type(record)](uow.session).add(replace(record, id=None, version=None))
    _audit(uow, "restore", restored, mandate, now, user, None)
    uow.commit()
    return restored


def _save(uow: UnitOfWork, record: WorkRecord, *, user: str, now: datetime) -> WorkRecord:
    mandate = _mandate_of(uow, record)
    repository = _REPOSITORIES[type(record)](uow.session)
    if record.id is None:
        before, saved, action = None, repository.add(record), "create"
    else:
        _refuse_if_on_statement(uow, record, "modifié")
        before = _values(uow, record)
        saved, action = repository.update(record), "update"
    _audit(uow, action, saved, mandate, now, user, before)
    uow.commit()
    return saved


def _mandate_of(uow: UnitOfWork, record: WorkRecord) -> Mandate:
    mandate = stored_mandate(uow, record.mandate_id)
    if mandate is None:
        raise_if_any([FieldProblem("mandate", "Ce mandat n'existe plus : rouvrez la liste des mandats.")])
    return mandate


def _refuse_if_on_statement(uow: UnitOfWork, record: WorkRecord, done: str) -> None:
    holding = statements_holding(uow.session, record)
    what = _described(record)
    finalized = [number for number, final in holding if final]
    if finalized:
        raise FrozenStatementError(
            f"{what} est sur le relevé {finalized[0]}, déjà finalisé : il ne peut plus être {done}. "
            "Une correction se fait par un relevé supplémentaire."
        )
    if holding:
        raise OnStatementError(
            f"{what} est sur le relevé en préparation {holding[0][0]} : retirez-le du relevé avant qu'il soit {done}."
        )


def _described(record: WorkRecord) -> str:
    if isinstance(record, Service):
        return f"Le service {record.code} du {record.rendered_on.isoformat()}"
    if isinstance(record, Travel):
        return f"Le déplacement du {record.travelled_on.isoformat()}"
    return f"Le débours du {record.incurred_on.isoformat()}"


def _values(uow: UnitOfWork, record: WorkRecord) -> dict[str, str] | None:
    """The record's values as stored, before it is changed or removed."""
    return AuditTrail(uow.session).values(_ENTITIES[type(record)], record.id)


def _audit(uow: UnitOfWork, action: str, record: WorkRecord, mandate: Mandate, now: datetime, user: str,
           before: dict[str, str] | None) -> None:
    """The summary names the record and its mandate, never an amount or a description; the
    values before and after hold them."""
    summary = f"{_described(record)} (mandat {mandate.number})"
    AuditTrail(uow.session).record_change(now, user, action, _ENTITIES[type(record)], record.id, summary, before)
