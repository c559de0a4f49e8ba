"""Counting the days of a global sentence on the calendar, skipping the days that do not count.

Guide de calcul des peines (MSP, 2022), « Évasion ou liberté illégale » and « Sentence en
appel »: an escape or a period unlawfully at large interrupts the sentence until the arrest
(art. 719(2) C.cr., art. 240 Cpp), and so does a release pending appeal (art. 719(4) C.cr.);
the time left must be served afterwards. So the n-th day of the sentence is not always the
start date plus n - 1: every interruption before it pushes it back.

Convention used throughout the calculator: the day a sentence begins is its first day
served, and a milestone reached on day n falls on that n-th day (the guide releases the
person sentenced to 0.5 day "la journée même", « Adéquation de la peine »).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from lawyer_billing.domain.tools.french_dates import format_date_fr
from lawyer_billing.domain.tools.sentence_days import GUIDE
from lawyer_billing.domain.tools.sentence_errors import ImpossibleDateError


class InterruptionKind(Enum):
    """Why the sentence stopped running, with the provision that says so."""

    ESCAPE = "évasion"
    UNLAWFULLY_AT_LARGE = "liberté illégale"
    RELEASE_PENDING_APPEAL = "remise en liberté pendant l'appel"

    @property
    def authority_fr(self) -> str:
        if self is InterruptionKind.RELEASE_PENDING_APPEAL:
            return f"art. 719(2) et 719(4) C.cr. ; {GUIDE}, « Sentence en appel »"
        return f"art. 719(2) C.cr., art. 240 Cpp ; {GUIDE}, « Évasion ou liberté illégale »"


@dataclass(frozen=True)
class Interruption:
    """Days outside custody that do not count: from ``left_on`` to the day before ``returned_on``.

    ``left_on`` is the first day at large (or free pending appeal); ``returned_on`` is the day
    of the arrest or of the return to custody, which counts again.
    """

    kind: InterruptionKind
    left_on: date
    returned_on: date

    def __post_init__(self) -> None:
        if self.returned_on <= self.left_on:
            raise ImpossibleDateError(
                f"Interruption ({self.kind.value}) : le retour sous garde le"
                f" {format_date_fr(self.returned_on)} doit suivre le départ du {format_date_fr(self.left_on)}"
            )

    @property
    def days(self) -> int:
        return (self.returned_on - self.left_on).days

    def describe_fr(self) -> str:
        return (
            f"{self.kind.value} du {format_date_fr(self.left_on)} au {format_date_fr(self.returned_on)} :"
            f" {self.days} jours non comptés ({self.kind.authority_fr})"
        )


@dataclass(frozen=True)
class Timeline:
    """The calendar of a global sentence that begins on ``origin``, minus its interruptions."""

    origin: date
    interruptions: tuple[Interruption, ...] = ()

    @classmethod
    def of(cls, origin: date, interruptions: Sequence[Interruption]) -> "Timeline":
        ordered = tuple(sorted(interruptions, key=lambda i: i.left_on))
        for interruption in ordered:
            if interruption.left_on <= origin:
                raise ImpossibleDateError(
                    f"Interruption ({interruption.kind.value}) : le départ du"
                    f" {format_date_fr(interruption.left_on)} précède le début de la peine"
                    f" le {format_date_fr(origin)}"
                )
        for before, after in zip(ordered, ordered[1:], strict=False):
            if after.left_on < before.returned_on:
                raise ImpossibleDateError(
                    f"Interruption ({after.kind.value}) : le départ du {format_date_fr(after.left_on)}"
                    f" chevauche l'interruption qui se termine le {format_date_fr(before.returned_on)}"
                )
        return cls(origin, ordered)

    def date_of_day(self, day: int) -> date:
        """The calendar date on which the ``day``-th day of the sentence is served."""
        moment = self.origin + timedelta(days=day - 1)
        for interruption in self.interruptions:
            if moment >= interruption.left_on:
                moment += timedelta(days=interruption.days)
        return moment

    def day_of_date(self, moment: date, field: str) -> int:
        """Which day of the sentence ``moment`` is; refused if the person was not in custody then."""
        day = (moment - self.origin).days + 1
        for interruption in self.interruptions:
            if interruption.left_on <= moment < interruption.returned_on:
                raise ImpossibleDateError(
                    f"{field} : le {format_date_fr(moment)} tombe pendant l'interruption"
                    f" ({interruption.kind.value}) qui se termine le"
                    f" {format_date_fr(interruption.returned_on)}"
                )
            if interruption.returned_on <= moment:
                day -= interruption.days
        return day

    def interruptions_before(self, moment: date) -> tuple[Interruption, ...]:
        """The interruptions that moved ``moment``, to explain it."""
        return tuple(i for i in self.interruptions if i.left_on <= moment)
