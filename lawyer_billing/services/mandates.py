"""Use cases of the Mandats screen: list, create, edit and end a mandate.

Each takes a unit of work and commits it once: the mandate and its audit event are saved
together or not at all. Problems with what was typed come back as ``InvalidRecord`` naming
each field; a copy edited elsewhere in the meantime as ``ConcurrentEditError``.
"""

from dataclasses import replace
from datetime import date, datetime

from lawyer_billing.domain.mandate import EndReason, LegalAidOffice, Mandate, mandate_problems
from lawyer_billing.domain.validation import FieldProblem, raise_if_any
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.mandate_list import MandateSummary, mandate_summaries
from lawyer_billing.storage.repositories import MandateRepository, OfficeRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork


def list_mandates(uow: UnitOfWork) -> list[MandateSummary]:
    return mandate_summaries(uow.session)


def offices(uow: UnitOfWork) -> list[LegalAidOffice]:
    return OfficeRepository(uow.session).all()


def add_office(uow: UnitOfWork, office: LegalAidOffice) -> LegalAidOffice:
    if not office.name.strip():
        raise_if_any([FieldProblem("name", "Le nom du bureau d'aide juridique est obligatoire.")])
    saved = OfficeRepository(uow.session).add(office)
    uow.commit()
    return saved


def save_mandate(uow: UnitOfWork, mandate: Mandate, *, user: str, now: datetime) -> Mandate:
    """Create ``mandate`` (no id) or write it over the stored one (same version); return it saved.
    Saving a mandate exactly as stored writes nothing, so the audit trail only holds changes."""
    raise_if_any(mandate_problems(mandate))
    repository, trail = MandateRepository(uow.session), AuditTrail(uow.session)
    if mandate.id is None:
        before, saved, action = None, repository.add(mandate), "create"
    elif repository.get(mandate.id) == mandate:
        return mandate  # nothing changed: no write, no audit event
    else:
        before = trail.values("mandate", mandate.id)
        saved, action = repository.update(mandate), "update"
    trail.record_change(now, user, action, "mandate", saved.id, f"Mandat {saved.number}", before)
    uow.commit()
    return saved


def end_mandate(
    uow: UnitOfWork, mandate: Mandate, *, ended_on: date, reason: EndReason, judgment_on: date | None,
    user: str, now: datetime,
) -> Mandate:
    """End ``mandate``: its end (or judgment) date starts the 3-year filing period (art. 15)."""
    return save_mandate(
        uow, replace(mandate, ended_on=ended_on, end_reason=reason, judgment_on=judgment_on), user=user, now=now
    )
