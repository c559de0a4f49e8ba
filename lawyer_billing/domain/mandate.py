"""A legal-aid mandate (attestation d'admissibilité) and the office that issued it.

A client can hold several mandates, one per information or file; the end of a mandate (its
reason and, when it ends by judgment, the judgment date) starts the 3-year filing period of
art. 15 of the entente.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


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
    id: int | None = None
    version: int | None = None

    @property
    def ended_by_judgment(self) -> bool:
        return self.end_reason is EndReason.JUDGMENT
