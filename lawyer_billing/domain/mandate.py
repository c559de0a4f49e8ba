"""A legal-aid mandate (attestation d'admissibilité) and the office that issued it.

A client can hold several mandates, one per information or file; the end of a mandate (its
reason and, when it ends by judgment, the judgment date) starts the 3-year filing period of
art. 15 of the entente.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from lawyer_billing.domain.validation import FieldProblem


class MatterType(StrEnum):
    CRIMINAL_PENAL = "criminal_penal"
    YOUTH_CRIMINAL = "youth_criminal"
    CIVIL = "civil"
    FAMILY = "family"
    YOUTH_PROTECTION = "youth_protection"
    ADMINISTRATIVE_TRIBUNAL = "administrative_tribunal"
    IMMIGRATION = "immigration"
    PAROLE = "parole"
    OTHER = "other"


class EndReason(StrEnum):
    JUDGMENT = "judgment"
    SETTLEMENT = "settlement"
    WITHDRAWAL = "withdrawal"
    SUBSTITUTION = "substitution"
    CESSATION_OF_AID = "cessation_of_aid"
    OTHER = "other"


class MandateStatus(StrEnum):
    OPEN = "open"
    ENDED = "ended"
    BILLED = "billed"
    DISPUTED = "disputed"
    CLOSED = "closed"


@dataclass(frozen=True)
class LegalAidOffice:
    """A bureau or centre d'aide juridique, or the Commission des services juridiques."""

    name: str
    address: str = ""
    id: int | None = None


@dataclass(frozen=True)
class Mandate:
    number: str
    client_name: str
    issued_on: date
    matter_type: MatterType
    office_id: int | None = None
    client_file_number: str = ""
    court: str = ""
    district: str = ""
    ended_on: date | None = None
    end_reason: EndReason | None = None
    judgment_on: date | None = None
    status: MandateStatus = MandateStatus.OPEN
    notes: str = ""
    #: the case (« affaire ») it belongs to: maximum counts "dans une même affaire" span its mandates
    matter: str = ""
    #: the cessation-of-aid notice (art. 23-24): later services must be conservatory acts
    aid_ceased_on: date | None = None
    #: T66: the client's side in a matrimonial action (``"plaintiff"``, ``"defendant"`` or empty)
    party: str = ""
    #: T66: the earlier separation or divorce mandate of the same client
    earlier_mandate_id: int | None = None
    id: int | None = None
    version: int | None = None

    @property
    def ended_by_judgment(self) -> bool:
        return self.end_reason is EndReason.JUDGMENT


def mandate_problems(mandate: Mandate) -> list[FieldProblem]:
    """What prevents saving ``mandate``: every problem, each on its field, in French."""
    problems = []
    if not mandate.number.strip():
        problems.append(FieldProblem("number", "Le numéro du mandat est obligatoire."))
    if not mandate.client_name.strip():
        problems.append(FieldProblem("client_name", "Le nom du client est obligatoire."))
    if mandate.ended_on is not None and mandate.ended_on < mandate.issued_on:
        problems.append(FieldProblem("ended_on", "La fin du mandat précède sa date d'émission."))
    if mandate.ended_on is not None and mandate.end_reason is None:
        problems.append(FieldProblem("end_reason", "Indiquez le motif de la fin du mandat (il fixe le délai de l'art. 15)."))
    if mandate.end_reason is not None and mandate.ended_on is None:
        problems.append(FieldProblem("ended_on", "Indiquez la date de fin du mandat."))
    if mandate.end_reason is EndReason.JUDGMENT and mandate.judgment_on is None:
        problems.append(FieldProblem("judgment_on", "Indiquez la date du jugement : le délai de 3 ans de l'art. 15 en part."))
    if mandate.judgment_on is not None and mandate.judgment_on < mandate.issued_on:
        problems.append(FieldProblem("judgment_on", "Le jugement précède la date d'émission du mandat."))
    if mandate.aid_ceased_on is not None and mandate.aid_ceased_on < mandate.issued_on:
        problems.append(FieldProblem("aid_ceased_on", "La cessation de l'aide précède la date d'émission du mandat."))
    return problems
