"""Use cases of the Différends screen: the dispute path of a refused statement (arts. 29-35).

From a refusal (art. 25), the lawyer may ask for conciliation (art. 29: the conciliators are
named within 15 days, art. 30, and meet within 30 days, art. 31; conciliation interrupts the
six months, art. 33), submits a notice of dispute within six months of the refusal (art. 32),
waits for the written answer (art. 34) and, unsatisfied or without an answer within 30 days,
submits the dispute to arbitration within six months (art. 35).

Each step's day is recorded on the ``dispute`` row; each deadline is computed from those days
by ``domain/deadlines.py`` (``dispute_deadline``, ``arbitration_deadline``) with the
lawyer's holidays and reminders, so the screen never does date arithmetic. Each step that has
a letter produces it (PDF to send, DOCX to edit) through ``domain/letters.py``, filled with the
refusal's facts.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from lawyer_billing.domain.deadlines import (
    ARBITRATION_LABEL_FR,
    Conciliation,
    Deadline,
    DeadlineState,
    Status,
    arbitration_deadline,
    deadline_status,
    dispute_deadline,
)
from lawyer_billing.domain.formatting import format_date, format_money
from lawyer_billing.domain.letters import Letter, LetterKind, LetterParties, compose_letter
from lawyer_billing.domain.money import ZERO
from lawyer_billing.domain.statement import Office
from lawyer_billing.domain.validation import FieldProblem, raise_if_any
from lawyer_billing.reports.letter_docx import letter_docx
from lawyer_billing.reports.letter_pdf import letter_pdf
from lawyer_billing.services.letter_templates import letter_template
from lawyer_billing.services.settings import engine_settings
from lawyer_billing.services.statements import addressee, lawyer_letterhead
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.dispute_store import DisputeRecord, DisputeStore
from lawyer_billing.storage.repositories import MandateRepository
from lawyer_billing.storage.statement_follow_up import FollowUpStore, RefusalRecord
from lawyer_billing.storage.statement_store import StatementStore
from lawyer_billing.storage.unit_of_work import UnitOfWork

#: The arbitrator is named by the Chief Judge of the Court of Québec (art. 35).
CHIEF_JUDGE = {"fr": "Juge en chef de la Cour du Québec", "en": "Chief Judge of the Court of Québec"}


class Step(StrEnum):
    """The steps of the path, in their order; the recorded ones are columns of ``dispute``."""

    REFUSAL = "refusal"
    CONCILIATION_REQUESTED = "conciliation_requested_on"
    CONCILIATORS_NAMED = "conciliators_named"
    CONCILIATION_MEETING = "conciliation_meeting"
    CONCILIATION_ENDED = "conciliation_ended_on"
    NOTICE_SENT = "notice_sent_on"
    ANSWER_RECEIVED = "answer_received_on"
    ARBITRATION_LETTER_SENT = "arbitration_letter_sent_on"


#: The steps whose day the lawyer records, and the step each one needs first.
RECORDED = {
    Step.CONCILIATION_REQUESTED: None,
    Step.CONCILIATION_ENDED: Step.CONCILIATION_REQUESTED,
    Step.NOTICE_SENT: None,
    Step.ANSWER_RECEIVED: Step.NOTICE_SENT,
    Step.ARBITRATION_LETTER_SENT: Step.NOTICE_SENT,
}
LETTERS = {
    Step.CONCILIATION_REQUESTED: LetterKind.CONCILIATION_REQUEST,
    Step.NOTICE_SENT: LetterKind.DISPUTE_NOTICE,
    Step.ARBITRATION_LETTER_SENT: LetterKind.ARBITRATION,
}
_STEPS = {  # label, article
    Step.REFUSAL: ("Avis de refus de paiement reçu", "entente art. 25"),
    Step.CONCILIATION_REQUESTED: ("Demande de conciliation (facultative)", "entente art. 29"),
    Step.CONCILIATORS_NAMED: ("Désignation des conciliateurs", "entente art. 30"),
    Step.CONCILIATION_MEETING: ("Rencontre de conciliation", "entente art. 31"),
    Step.CONCILIATION_ENDED: ("Fin de la conciliation sans entente", "entente art. 33"),
    Step.NOTICE_SENT: ("Avis de différend", "entente art. 32"),
    Step.ANSWER_RECEIVED: ("Réponse écrite du centre régional", "entente art. 34"),
    Step.ARBITRATION_LETTER_SENT: (ARBITRATION_LABEL_FR, "entente art. 35"),
}


@dataclass(frozen=True)
class StepView:
    """One step as the screen shows it: its day if taken, its deadline and where it stands."""

    step: Step
    label_fr: str
    article: str
    done_on: date | None
    deadline: Deadline | None = None
    status: Status | None = None
    letter: LetterKind | None = None

    @property
    def recordable(self) -> bool:
        return self.step in RECORDED


@dataclass(frozen=True)
class DisputePath:
    refusal: RefusalRecord
    statement_id: int
    statement_number: str
    statement_date: date
    statement_total: Decimal
    office_id: int | None
    mandate_numbers: tuple[str, ...]
    beneficiaries: tuple[str, ...]
    dispute: DisputeRecord
    steps: tuple[StepView, ...]

    @property
    def next_step(self) -> StepView | None:
        """The step whose deadline comes first among those still running (the optional
        conciliation aside; an interrupted period is not running, art. 33)."""
        pending = [s for s in self.steps if s.done_on is None and s.status is not None
                   and s.status.state not in (DeadlineState.MET, DeadlineState.INTERRUPTED)
                   and s.step is not Step.CONCILIATION_REQUESTED]
        return min(pending, key=lambda s: s.deadline.due, default=None)

    def step(self, step: Step) -> StepView | None:
        return next((s for s in self.steps if s.step is step), None)


@dataclass(frozen=True)
class RefusalListing:
    refusal: RefusalRecord
    statement_number: str
    #: the dispute's id once a step was recorded
    dispute_id: int | None
    last_step: StepView
    next_step: StepView | None


def list_refusals(uow: UnitOfWork, today: date) -> list[RefusalListing]:
    """Every refusal, most recent first, with the last step taken and the next deadline."""
    listings = []
    for refusal in FollowUpStore(uow.session).refusals():
        path = dispute_path(uow, today, refusal.id)
        done = [s for s in path.steps if s.done_on is not None]
        listings.append(RefusalListing(refusal, path.statement_number, path.dispute.id, done[-1], path.next_step))
    return listings


def dispute_path(uow: UnitOfWork, today: date, refusal_id: int) -> DisputePath:
    """The refusal, the days recorded for its dispute and every step's deadline on ``today``."""
    refusal = _refusal_or_refuse(uow, refusal_id)
    statement = StatementStore(uow.session).get(refusal.statement_id)
    dispute = DisputeStore(uow.session).of_refusal(refusal_id) or DisputeRecord(refusal_id)
    mandates = [m for m in (MandateRepository(uow.session).get(i) for i in statement.mandate_ids) if m is not None]
    return DisputePath(
        refusal=refusal, statement_id=statement.id, statement_number=statement.number,
        statement_date=statement.finalized_on or statement.created_on,
        statement_total=statement.amounts.total if statement.amounts else ZERO,
        office_id=statement.office_id, mandate_numbers=tuple(m.number for m in mandates),
        beneficiaries=tuple(dict.fromkeys(m.client_name for m in mandates)), dispute=dispute,
        steps=_steps(uow, today, refusal, dispute),
    )


def _steps(uow: UnitOfWork, today: date, refusal: RefusalRecord, dispute: DisputeRecord) -> tuple[StepView, ...]:
    settings = engine_settings(uow, today)

    def view(step: Step, done_on: date | None, deadline: Deadline | None = None, met_on: date | None = None):
        label, article = _STEPS[step]
        status = None if deadline is None else deadline_status(deadline, today, met_on, settings.reminders)
        return StepView(step, label, article, done_on, deadline, status, LETTERS.get(step))

    requested, ended = dispute.conciliation_requested_on, dispute.conciliation_ended_on
    conciliation = None if requested is None else Conciliation(requested, ended_on=ended)
    first_period = dispute_deadline(refusal.received_on, extra=settings.holidays).dispute
    deadlines = dispute_deadline(refusal.received_on, conciliation, extra=settings.holidays)
    steps = [
        view(Step.REFUSAL, refusal.received_on),
        # to interrupt the six months, conciliation must be asked within them (art. 33)
        view(Step.CONCILIATION_REQUESTED, requested, None if dispute.notice_sent_on else first_period, requested),
    ]
    if conciliation is not None:
        named, meeting = deadlines.conciliation_steps
        steps += [view(Step.CONCILIATORS_NAMED, None, named, ended),
                  view(Step.CONCILIATION_MEETING, None, meeting, ended),
                  view(Step.CONCILIATION_ENDED, ended)]
    notice = dispute.notice_sent_on
    steps += [view(Step.NOTICE_SENT, notice, deadlines.dispute, notice),
              view(Step.ANSWER_RECEIVED, dispute.answer_received_on)]
    arbitration = None if notice is None else arbitration_deadline(
        notice, dispute.answer_received_on, extra=settings.holidays)
    steps.append(view(Step.ARBITRATION_LETTER_SENT, dispute.arbitration_letter_sent_on, arbitration,
                      dispute.arbitration_letter_sent_on))
    return tuple(steps)


def record_step(
    uow: UnitOfWork, today: date, refusal_id: int, step: Step, day: date | None, *, version: int | None,
    user: str, now: datetime,
) -> DisputeRecord:
    """Record (or, with ``day`` ``None``, clear) the day of ``step``, after checking it against
    the days already recorded; the dispute is created with its first step."""
    if step not in RECORDED:
        raise ValueError(f"l'étape {step} ne s'inscrit pas")
    refusal = _refusal_or_refuse(uow, refusal_id)
    store = DisputeStore(uow.session)
    current = store.of_refusal(refusal_id) or DisputeRecord(refusal_id)
    if current.version != version:
        raise_if_any([FieldProblem(step.value, "Ce différend a été modifié ailleurs depuis que vous l'avez "
                                               "ouvert : rouvrez-le pour voir la version actuelle.")])
    changed = replace(current, **{step.value: day})
    raise_if_any(_order_problems(changed, refusal, step, today))
    saved = _save_audited(uow, changed, "dispute_step", _STEPS[step][0], user=user, now=now)
    uow.commit()
    return saved


def record_outcome(uow: UnitOfWork, refusal_id: int, outcome: str, *, version: int | None, user: str,
                   now: datetime) -> DisputeRecord:
    """What came of the dispute (agreement, arbitral award...), in the lawyer's words."""
    _refusal_or_refuse(uow, refusal_id)
    store = DisputeStore(uow.session)
    current = store.of_refusal(refusal_id) or DisputeRecord(refusal_id)
    if current.version != version:
        raise_if_any([FieldProblem("outcome", "Ce différend a été modifié ailleurs : rouvrez-le.")])
    saved = _save_audited(uow, replace(current, outcome=outcome.strip()), "dispute_outcome", "Issue du différend",
                          user=user, now=now)
    uow.commit()
    return saved


def _save_audited(uow: UnitOfWork, dispute: DisputeRecord, action: str, summary: str, *, user: str,
                  now: datetime) -> DisputeRecord:
    """Save ``dispute`` with its event: the summary names the step, never the outcome's words
    (an amount agreed, a client's situation), which the values hold."""
    trail = AuditTrail(uow.session)
    before = trail.values("dispute", dispute.id)
    saved = DisputeStore(uow.session).save(dispute)
    trail.record_change(now, user, action, "dispute", saved.id, summary, before)
    return saved


def _order_problems(dispute: DisputeRecord, refusal: RefusalRecord, step: Step, today: date) -> list[FieldProblem]:
    """The day of ``step`` against the others: never after today, never before what precedes it."""
    day = getattr(dispute, step.value)
    field = step.value
    if day is None:
        later = [s for s, needs in RECORDED.items() if needs is step and getattr(dispute, s.value) is not None]
        if not later:
            return []
        return [FieldProblem(field, f"Effacez d'abord la date de l'étape « {_STEPS[later[0]][0]} », "
                                    "qui en dépend.")]
    needed = RECORDED[step]
    if needed is not None and getattr(dispute, needed.value) is None:
        return [FieldProblem(field, f"Inscrivez d'abord la date de l'étape « {_STEPS[needed][0]} ».")]
    if day > today:
        return [FieldProblem(field, f"La date ne peut pas être après aujourd'hui ({today.isoformat()}).")]
    earliest = {
        Step.CONCILIATION_REQUESTED: (refusal.received_on, "la réception de l'avis de refus"),
        Step.CONCILIATION_ENDED: (dispute.conciliation_requested_on, "la demande de conciliation"),
        Step.NOTICE_SENT: (dispute.conciliation_requested_on or refusal.received_on,
                           "la demande de conciliation" if dispute.conciliation_requested_on
                           else "la réception de l'avis de refus"),
        Step.ANSWER_RECEIVED: (dispute.notice_sent_on, "l'avis de différend"),
        Step.ARBITRATION_LETTER_SENT: (dispute.notice_sent_on, "l'avis de différend"),
    }[step]
    if day < earliest[0]:
        return [FieldProblem(field, f"Cette date ne peut pas précéder {earliest[1]} ({earliest[0].isoformat()}).")]
    if step is Step.CONCILIATION_REQUESTED and dispute.notice_sent_on is not None and day > dispute.notice_sent_on:
        return [FieldProblem(field, "La conciliation se demande avant de soumettre le différend (art. 29).")]
    return []


# --- letters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterTexts:
    """What the lawyer writes in a letter besides the facts of the file: the summary of the
    facts and the remedy asked (art. 32: « un exposé sommaire des faits et du correctif requis »)."""

    facts: str
    remedy: str


def default_texts(path: DisputePath, language: str = "fr") -> LetterTexts:
    """The facts and remedy drafted from the refusal, for the lawyer to complete."""
    refusal = path.refusal
    amount, total = format_money(refusal.amount_refused, language), format_money(path.statement_total, language)
    received = format_date(refusal.received_on, language)
    reference = f" ({refusal.reference})" if refusal.reference else ""
    if language == "en":
        return LetterTexts(
            f"My statement of fees no. {path.statement_number} claimed {total}. By a notice received on {received}"
            f"{reference}, payment of {amount} was refused for the following reasons: {refusal.reasons}",
            f"Payment of {amount}, with the interest provided for in section 17 of the Agreement.",
        )
    return LetterTexts(
        f"Mon relevé d'honoraires n° {path.statement_number} réclamait {total}. Par un avis reçu le {received}"
        f"{reference}, le paiement de {amount} a été refusé pour les motifs suivants : {refusal.reasons}",
        f"Le paiement de {amount}, avec l'intérêt prévu à l'article 17 de l'Entente.",
    )


def dispute_letter(uow: UnitOfWork, today: date, refusal_id: int, step: Step, texts: LetterTexts | None = None, *,
                   language: str = "fr") -> Letter:
    """The letter of ``step`` (conciliation, notice of dispute, arbitration), dated ``today``, in
    the lawyer's own wording when it was adjusted in Paramètres. A value the letter needs and the file does not hold (the Barreau section, from the
    profile's district) raises ``LetterError`` naming it."""
    kind = LETTERS.get(step)
    if kind is None:
        raise ValueError(f"l'étape {step} n'a pas de lettre")
    path = dispute_path(uow, today, refusal_id)
    texts = texts or default_texts(path, language)
    lawyer = lawyer_letterhead(uow)
    office = addressee(uow, path.office_id) or Office("Centre régional d'aide juridique")
    values = {
        "statement_number": path.statement_number,
        "statement_date": path.statement_date,
        "mandate_number": ", ".join(path.mandate_numbers),
        "beneficiary": ", ".join(path.beneficiaries),
        "refusal_date": path.refusal.received_on,
        "amount_disputed": path.refusal.amount_refused,
        "facts": texts.facts,
        "remedy": texts.remedy,
        "barreau_section": lawyer.district,
        "dispute_notice_date": path.dispute.notice_sent_on,
        "answer": _answer(path.dispute, language),
    }
    if kind is LetterKind.ARBITRATION:
        recipient = Office(CHIEF_JUDGE[language])
        copies = (office.name, "Barreau du Québec")
    elif kind is LetterKind.CONCILIATION_REQUEST:
        recipient = office
        copies = (f"Barreau du Québec, section de {lawyer.district}" if language == "fr"
                  else f"Barreau du Québec, {lawyer.district} section",) if lawyer.district else ()
    else:
        recipient, copies = office, ()
    parties = LetterParties(lawyer, recipient, today, language, copies)
    return compose_letter(kind, letter_template(uow, kind, language).text, parties, values)


def letter_file(letter: Letter, extension: str) -> bytes:
    """The letter as PDF (to sign and send) or DOCX (to edit)."""
    return {"pdf": letter_pdf, "docx": letter_docx}[extension](letter)


def _answer(dispute: DisputeRecord, language: str) -> str:
    """Art. 35: the answer received and found unsatisfying, or none within 30 days."""
    if dispute.answer_received_on is not None:
        day = format_date(dispute.answer_received_on, language)
        if language == "en":
            return f"The answer I received on {day} does not satisfy me."
        return f"La réponse que j'ai reçue le {day} ne me satisfait pas."
    if language == "en":
        return "No answer was sent to me within 30 days of the submission of the notice of dispute."
    return "Aucune réponse ne m'a été transmise dans les 30 jours de la soumission de l'avis de différend."


def _refusal_or_refuse(uow: UnitOfWork, refusal_id: int) -> RefusalRecord:
    refusal = FollowUpStore(uow.session).refusal(refusal_id)
    if refusal is None:
        raise_if_any([FieldProblem("refusal", "Ce refus n'existe plus : il a été supprimé ailleurs.")])
    return refusal
