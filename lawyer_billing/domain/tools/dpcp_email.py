"""The e-mail to the Montréal prosecutors' negotiation service: exit plan or settlement offer.

DPCP, « Service de négociation », notice to defence lawyers of 24 November 2020. From
27 November 2020, a lawyer may e-mail the proposed exit plan ("plan de sortie") for a pro
forma bail hearing or an appearance, or tell the prosecutors the accused wishes to plead
guilty ("offre de règlement"). The notice requires:

- the subject to hold four items, in this order: the date and stage where the file returns,
  the accused's name, the room (3.07 or 4.02), and "Plan de sortie" or "Offre de règlement";
- the official "plan de sortie" form, filled in, to be sent with the message;
- for appearances, proposals are read until 9 h 30 for a morning appearance that same day
  and until 12 h for an afternoon one; for pro forma bail hearings, continuously from
  8 h 30 to 16 h 30, Monday to Friday.

The address, rooms and hours are ``DpcpSettings`` because the office changes them; the lawyer
keeps the address and the two rooms in Paramètres (``dpcp_settings_problems`` checks them).
The notice names the rooms only as « le numéro de salle (3.07 ou 4.02) » the file returns to,
without tying either to a stage or a sitting (3.07 is also where the settlement files are on
the roll and the prosecutors' names are posted): they are two rooms, in the notice's order.
Warnings are data for the screen to list; the message itself is composed either way.
"""

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import Enum
from urllib.parse import quote

from lawyer_billing.domain.tools.french_dates import (
    format_date_fr,
    format_time_fr,
    format_weekday_date_fr,
)
from lawyer_billing.domain.validation import FieldProblem

NOTICE = "DPCP, « Service de négociation », 24 novembre 2020"
TO_BE_FILLED_FR = "[à remplir]"
MONDAY_TO_FRIDAY = frozenset(range(5))


class NegotiationRequestError(ValueError):
    """A request the e-mail cannot be composed from; the message names the field in French."""


class ProceedingStage(Enum):
    """The two stages the service covers."""

    PRO_FORMA_BAIL_HEARING = "enquête sur mise en liberté pro forma"
    APPEARANCE = "comparution"


class Sitting(Enum):
    """When an appearance is held that day: it decides the cut-off."""

    MORNING = "avant-midi"
    AFTERNOON = "après-midi"


class Purpose(Enum):
    """The fourth item of the subject, spelled as the notice spells it."""

    EXIT_PLAN = "Plan de sortie"
    SETTLEMENT_OFFER = "Offre de règlement"


@dataclass(frozen=True)
class DpcpSettings:
    """The service's address, rooms and reading hours; defaults are the notice's."""

    address: str = "gestion.enquete-caution@dpcp.gouv.qc.ca"
    rooms: tuple[str, ...] = ("3.07", "4.02")
    morning_appearance_cutoff: time = time(9, 30)
    afternoon_appearance_cutoff: time = time(12, 0)
    bail_hearing_reading_opens: time = time(8, 30)
    bail_hearing_reading_closes: time = time(16, 30)
    reading_weekdays: frozenset[int] = MONDAY_TO_FRIDAY
    reception_phone: str = "514-393-2703"


DEFAULT = DpcpSettings()

#: one address, as a mail program takes it: no space, comma or bracket, a dot in the domain
_EMAIL = re.compile(r"[^@\s,;<>()\"]+@[^@\s,;<>()\"]+\.[^@\s,;<>()\".]+")
#: a room is a number on a door (« 3.07 »), written in the subject of every message
ROOM_MAX_LENGTH = 20
#: the fields of the two rooms, in the notice's order
ROOM_FIELDS = ("first_room", "second_room")


def dpcp_settings_problems(address: str, rooms: tuple[str, str]) -> list[FieldProblem]:
    """What prevents ``address`` and ``rooms`` (already stripped) from being the service's."""
    problems = []
    if not _EMAIL.fullmatch(address):
        shown = f"« {address} » n'est pas une adresse courriel" if address else "indiquez l'adresse du service"
        problems.append(FieldProblem("address", f"Adresse courriel : {shown} (par exemple {DEFAULT.address})."))
    for name, label, room in zip(ROOM_FIELDS, ("Première salle", "Seconde salle"), rooms):
        if not room:
            problems.append(FieldProblem(name, f"{label} : indiquez le numéro de la salle (par exemple 3.07)."))
        elif len(room) > ROOM_MAX_LENGTH or "\n" in room or "\r" in room:
            problems.append(FieldProblem(name, f"{label} : un numéro de salle tient sur une ligne de "
                                               f"{ROOM_MAX_LENGTH} caractères au plus."))
    if rooms[0] and rooms[0] == rooms[1]:
        problems.append(FieldProblem("second_room", "Seconde salle : elle doit différer de la première."))
    return problems


@dataclass(frozen=True)
class ExitPlan:
    """What the lawyer proposes for the release; empty fields become "[à remplir]" in the body."""

    proposed_address: str = ""
    surety: str = ""
    proposed_conditions: tuple[str, ...] = ()
    other_information: str = ""


@dataclass(frozen=True)
class NegotiationRequest:
    """One message to the service: which file, when it returns, and what is proposed."""

    accused_name: str
    returns_on: date
    stage: ProceedingStage
    room: str
    purpose: Purpose
    sitting: "Sitting | None" = None
    case_numbers: tuple[str, ...] = ()
    exit_plan: ExitPlan = field(default_factory=ExitPlan)
    settlement_proposal: str = ""
    lawyer_name: str = ""
    lawyer_phone: str = ""

    def __post_init__(self) -> None:
        if not self.accused_name.strip():
            raise NegotiationRequestError("Nom de l'accusé : ce champ est obligatoire")
        if "\n" in self.accused_name or "\r" in self.accused_name:
            raise NegotiationRequestError("Nom de l'accusé : il ne peut pas contenir de saut de ligne")
        if self.stage is ProceedingStage.APPEARANCE and self.sitting is None:
            raise NegotiationRequestError(
                "Moment de la comparution : précisez avant-midi ou après-midi, l'heure limite en dépend"
            )
        if self.stage is ProceedingStage.PRO_FORMA_BAIL_HEARING and self.sitting is not None:
            raise NegotiationRequestError(
                "Moment de la comparution : il ne s'applique pas à une enquête sur mise en liberté pro forma"
            )


class WarningKind(Enum):
    """Why the message may not be read in time."""

    RETURN_DATE_PASSED = "date de retour passée"
    APPEARANCE_CUTOFF_PASSED = "heure limite de la comparution passée"
    OUTSIDE_READING_HOURS = "hors des heures de lecture"
    NOT_READ_BEFORE_HEARING = "pas lu avant l'audience"


@dataclass(frozen=True)
class CutoffWarning:
    kind: WarningKind
    message_fr: str


@dataclass(frozen=True)
class NegotiationEmail:
    """The composed message and a ``mailto:`` link a mail client opens with it filled in."""

    to: str
    subject: str
    body: str
    warnings: tuple[CutoffWarning, ...]
    mailto_url: str


def compose_negotiation_email(
    request: NegotiationRequest, now: datetime, settings: DpcpSettings = DEFAULT
) -> NegotiationEmail:
    """Compose the message for ``request`` as of ``now`` (local time in Montréal)."""
    if request.room not in settings.rooms:
        rooms_fr = " ou ".join(settings.rooms)
        raise NegotiationRequestError(
            f"Salle : « {request.room} » n'est pas une salle du service de négociation ({rooms_fr})"
        )
    subject = negotiation_subject(request)
    body = _body(request, settings)
    return NegotiationEmail(
        to=settings.address,
        subject=subject,
        body=body,
        warnings=cutoff_warnings(request, now, settings),
        mailto_url=mailto_url(settings.address, subject, body),
    )


def _stage_fr(request: NegotiationRequest) -> str:
    if request.sitting is None:
        return request.stage.value
    return f"{request.stage.value} en {request.sitting.value}"


def negotiation_subject(request: NegotiationRequest) -> str:
    """The notice's four items in its order, separated as the notice lists them (" ; ")."""
    return " ; ".join(
        (
            f"{format_date_fr(request.returns_on)}, {_stage_fr(request)}",
            request.accused_name.strip(),
            f"salle {request.room}",
            request.purpose.value,
        )
    )


def _filled(value: str) -> str:
    return value.strip() or TO_BE_FILLED_FR


def _body(request: NegotiationRequest, settings: DpcpSettings) -> str:
    files = ", ".join(request.case_numbers) or TO_BE_FILLED_FR
    opening = [
        "Bonjour,",
        "",
        f"Je représente {request.accused_name.strip()} (dossier(s) : {files}), dont le dossier revient le"
        f" {format_date_fr(request.returns_on)} en salle {request.room} (étape : {_stage_fr(request)}).",
        "",
    ]
    if request.purpose is Purpose.EXIT_PLAN:
        plan = request.exit_plan
        conditions = [f"  - {c.strip()}" for c in plan.proposed_conditions if c.strip()] or [
            f"  - {TO_BE_FILLED_FR}"
        ]
        proposal = [
            "Je vous soumets le plan de sortie proposé pour sa mise en liberté :",
            f"- Adresse proposée : {_filled(plan.proposed_address)}",
            f"- Caution : {_filled(plan.surety)}",
            "- Conditions proposées :",
            *conditions,
            f"- Autres renseignements : {_filled(plan.other_information)}",
            "",
            "Le document « plan de sortie » du Bureau de la coordination de la Chambre criminelle"
            " et pénale, dûment rempli, est joint au présent courriel.",
        ]
    else:
        proposal = [
            "La personne accusée souhaite plaider coupable dans ce ou ces dossiers pendants.",
            f"Proposition de règlement : {_filled(request.settlement_proposal)}",
        ]
    closing = [
        "",
        "Je demeure disponible par courriel ou par téléphone"
        f" ({_filled(request.lawyer_phone)}) pour en discuter.",
        "",
        "Merci,",
        "",
        _filled(request.lawyer_name),
    ]
    return "\n".join(opening + proposal + closing)


def mailto_url(to: str, subject: str, body: str) -> str:
    """A ``mailto:`` URL (RFC 6068): every reserved character percent-encoded, lines ended by CRLF."""
    crlf_body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{quote(to, safe='@')}?subject={quote(subject, safe='')}&body={quote(crlf_body, safe='')}"


def _to_the_minute(now: datetime) -> time:
    """The notice's "jusqu'à 9 h 30" includes the minute 9 h 30 itself, so seconds are dropped."""
    return now.time().replace(second=0, microsecond=0, tzinfo=None)


def cutoff_warnings(
    request: NegotiationRequest, now: datetime, settings: DpcpSettings = DEFAULT
) -> tuple[CutoffWarning, ...]:
    """What the notice's reading hours say about sending the message at ``now``."""
    if now.date() > request.returns_on:
        return (
            CutoffWarning(
                WarningKind.RETURN_DATE_PASSED,
                f"Date de retour : le {format_date_fr(request.returns_on)} est déjà passé.",
            ),
        )
    if request.stage is ProceedingStage.APPEARANCE:
        return _appearance_warnings(request, now, settings)
    return _bail_hearing_warnings(request, now, settings)


def _appearance_warnings(
    request: NegotiationRequest, now: datetime, settings: DpcpSettings
) -> tuple[CutoffWarning, ...]:
    """Same-day appearances: read until 9 h 30 (morning) or 12 h (afternoon)."""
    if now.date() < request.returns_on:
        return ()
    if request.sitting is Sitting.MORNING:
        cutoff = settings.morning_appearance_cutoff
    else:
        cutoff = settings.afternoon_appearance_cutoff
    if _to_the_minute(now) <= cutoff:
        return ()
    return (
        CutoffWarning(
            WarningKind.APPEARANCE_CUTOFF_PASSED,
            f"Heure limite : pour une {_stage_fr(request)} le jour même, les procureurs lisent"
            f" les propositions jusqu'à {format_time_fr(cutoff)} et il est"
            f" {format_time_fr(_to_the_minute(now))} ({NOTICE}).",
        ),
    )


def _bail_hearing_warnings(
    request: NegotiationRequest, now: datetime, settings: DpcpSettings
) -> tuple[CutoffWarning, ...]:
    """Pro forma bail hearings: read continuously from 8 h 30 to 16 h 30, Monday to Friday."""
    minute = datetime.combine(now.date(), _to_the_minute(now))
    read_at = _first_reading(minute, settings)
    if read_at == minute:
        return ()
    opens, closes = settings.bail_hearing_reading_opens, settings.bail_hearing_reading_closes
    warnings = [
        CutoffWarning(
            WarningKind.OUTSIDE_READING_HOURS,
            f"Heures de lecture : la boîte est lue de {format_time_fr(opens)} à {format_time_fr(closes)}"
            f" du lundi au vendredi, ce message sera lu au plus tôt le"
            f" {format_weekday_date_fr(read_at.date())} à {format_time_fr(opens)} ({NOTICE}).",
        )
    ]
    if read_at.date() > request.returns_on:
        warnings.append(
            CutoffWarning(
                WarningKind.NOT_READ_BEFORE_HEARING,
                f"Date de retour : le dossier revient le {format_date_fr(request.returns_on)}, avant la"
                " prochaine lecture de la boîte, communiquez plutôt avec la réception du DPCP au"
                f" {settings.reception_phone}.",
            )
        )
    return tuple(warnings)


def _first_reading(minute: datetime, settings: DpcpSettings) -> datetime:
    """When the prosecutors will first see a message sent at ``minute``: now, or the next opening."""
    opens, closes = settings.bail_hearing_reading_opens, settings.bail_hearing_reading_closes
    day = minute.date()
    if day.weekday() in settings.reading_weekdays:
        if opens <= minute.time() <= closes:
            return minute
        if minute.time() < opens:
            return datetime.combine(day, opens)
    day += timedelta(days=1)
    while day.weekday() not in settings.reading_weekdays:
        day += timedelta(days=1)
    return datetime.combine(day, opens)
