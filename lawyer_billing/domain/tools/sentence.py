"""Sentence calculator: when a client may leave on a temporary absence, on parole, and for good.

Guide de calcul des peines (MSP, 2022). The sentences not yet expired merge into one global
sentence that begins when the first takes effect and ends when the last expires (art. 33
LSCQ, art. 139 LSCMLSC, « Peines multiples »); every date is computed on it:

- DPS, temporary absence: after at least 1/6 (art. 53 and 135 LSCQ, « Peine de moins de
  6 mois », « Peine de 6 mois ou plus »);
- DLC, parole: after 1/3, only for a global sentence of 6 months or more (art. 143 LSCQ),
  with the rules for a consecutive C.cr. sentence imposed before or after that date
  (art. 120.1 LSCMLSC);
- DLP, probable release: one reduction day per two days served, up to a third (art. 38
  LSCQ, « Réduction de peine »), less the reduction days lost to discipline (art. 74 RALSCQ);
- DSC, sentence complete: the last day.

A fraction of the sentence must be *completed*, so a fractional day is rounded up to the next
whole day served. Over two years less a day, the person goes to a penitentiary and the federal
rules, computed by the Correctional Service of Canada, replace DPS, DLC and DLP.

Flow: ``Sentence`` values -> ``compute_sentence_dates`` (concurrency from
``sentence_concurrency``, days from ``sentence_days``, calendar from ``sentence_timeline``,
fractions from ``sentence_reduction``, place of detention from ``sentence_jurisdiction``)
-> a frozen ``SentenceCalculation`` whose every date carries its ``rule_fr``.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from lawyer_billing.domain.tools.french_dates import format_date_fr
from lawyer_billing.domain.tools.sentence_concurrency import (
    MULTIPLE_SENTENCES,
    Concurrency,
    JudgeOrder,
    Statute,
    decide_concurrency,
)
from lawyer_billing.domain.tools.sentence_days import (
    GUIDE,
    CustodyCredit,
    PreSentenceCustody,
    SentenceDays,
    SentenceLength,
    apply_custody_credit,
    months_in_days,
)
from lawyer_billing.domain.tools.sentence_errors import (
    DisciplinaryLossError,
    ImpossibleDateError,
    SentenceInputError,
    SentencesNotMergedError,
    UnknownSentenceError,
)
from lawyer_billing.domain.tools.sentence_jurisdiction import (
    TWO_YEARS_OR_MORE,
    Jurisdiction,
    decide_jurisdiction,
)
from lawyer_billing.domain.tools.sentence_reduction import completed_fraction, release_day
from lawyer_billing.domain.tools.sentence_timeline import Interruption, Timeline

DISCLAIMER_FR = (
    "Ce calcul est une estimation destinée à conseiller le client : le calcul officiel de la peine"
    " est celui des Services correctionnels du Québec, qui peut différer selon les mentions du mandat,"
    " la conduite de la personne et les décisions de la Commission québécoise des libérations"
    " conditionnelles."
)
MAX_DISCIPLINARY_LOSS_DAYS = 15
FEDERAL_COMMITTAL_DELAY_DAYS = 15
PAROLE_THRESHOLD_MONTHS = 6

REDUCTION = f"art. 38 LSCQ ; {GUIDE}, « Réduction de peine »"
SHORT_SENTENCE = f"art. 53 LSCQ ; {GUIDE}, « Peine de moins de 6 mois »"
PREPAROLE_ABSENCE = f"art. 135 LSCQ ; {GUIDE}, « Peine de 6 mois ou plus »"
PAROLE = f"art. 143 LSCQ ; {GUIDE}, « Peine de 6 mois ou plus »"
CONSECUTIVE_PAROLE = (
    f"art. 120.1 LSCMLSC ; {GUIDE}, « Règles pour déterminer la date d'admissibilité à la libération"
    " conditionnelle »"
)
DISCIPLINE = f"art. 74 RALSCQ ; {GUIDE}, « Manquements disciplinaires »"


@dataclass(frozen=True)
class Sentence:
    """One term of imprisonment as the warrant states it.

    ``starts_on`` is the day the sentence takes effect: the day it is imposed or the warrant
    executed (art. 719(1) C.cr., art. 239 Cpp). ``issued_on`` is the date the concurrency
    rules compare: the judgment for a C.cr. sentence, the warrant's issue date for a Cpp one
    (art. 239 Cpp); it defaults to ``starts_on``. With ``custody``, ``length`` is the term the
    judge would have imposed without the credit (the guide's B).
    """

    ident: str
    statute: Statute
    starts_on: date
    length: SentenceLength
    issued_on: "date | None" = None
    custody: "PreSentenceCustody | None" = None
    order: JudgeOrder = JudgeOrder.NONE
    consecutive_to: "str | None" = None
    imposed_during_parole: bool = False

    def __post_init__(self) -> None:
        if not self.ident.strip():
            raise SentenceInputError("Peine : le numéro de cause ou de chef est obligatoire")
        if self.issued_on is not None and self.starts_on < self.issued_on:
            raise ImpossibleDateError(
                f"Peine « {self.ident} » : la date de début du {format_date_fr(self.starts_on)} précède"
                f" la date d'émission du {format_date_fr(self.issued_on)}"
            )
        if (self.order is JudgeOrder.CONSECUTIVE_TO_NAMED) != bool(self.consecutive_to):
            raise UnknownSentenceError(
                f"Peine « {self.ident} » : une peine consécutive à une cause nommée doit indiquer"
                " cette cause, et seulement elle"
            )
        if self.consecutive_to == self.ident:
            raise UnknownSentenceError(
                f"Peine « {self.ident} » : une peine ne peut être consécutive à elle-même"
            )

    @property
    def issue_date(self) -> date:
        return self.issued_on or self.starts_on


@dataclass(frozen=True)
class MilestoneDate:
    """A computed date, the day of the global sentence it falls on, and how it was reached.

    ``day`` is ``None`` for a date counted from the judgment rather than in days served.
    """

    code: str
    label_fr: str
    on: date
    day: "int | None"
    rule_fr: str


@dataclass(frozen=True)
class PlacedSentence:
    """Where one sentence sits in the global sentence."""

    ident: str
    conversion: SentenceDays
    credit: "CustodyCredit | None"
    days: int
    begins_on: date
    ends_on: date
    concurrency: Concurrency


@dataclass(frozen=True)
class SentenceCalculation:
    """The global sentence and its dates; DPS, DLC and DLP are ``None`` when they do not apply."""

    sentences: tuple[PlacedSentence, ...]
    begins_on: date
    global_days: int
    global_rule_fr: str
    jurisdiction: Jurisdiction
    jurisdiction_rule_fr: str
    temporary_absence: "MilestoneDate | None"
    parole: "MilestoneDate | None"
    probable_release: "MilestoneDate | None"
    sentence_complete: MilestoneDate
    federal_transfer: "MilestoneDate | None"


@dataclass(frozen=True)
class _Placement:
    sentence: Sentence
    execution_day: int
    first_day: int
    last_day: int
    placed: PlacedSentence


def compute_sentence_dates(
    sentences: Sequence[Sentence],
    interruptions: Sequence[Interruption] = (),
    disciplinary_loss_days: int = 0,
) -> SentenceCalculation:
    """Merge the sentences into a global sentence and compute DPS, DLC, DLP and DSC."""
    if not sentences:
        raise SentenceInputError("Peines : il faut au moins une peine pour faire le calcul")
    _check_disciplinary_loss(disciplinary_loss_days)
    idents = [s.ident for s in sentences]
    duplicate = next((i for i in idents if idents.count(i) > 1), None)
    if duplicate:
        raise UnknownSentenceError(f"Peine « {duplicate} » : deux peines portent ce même numéro")
    ordered = sorted(sentences, key=lambda s: s.starts_on)
    timeline = Timeline.of(ordered[0].starts_on, interruptions)
    placements: dict[str, _Placement] = {}
    parole_day: int | None = None
    parole_rule = ""
    for sentence in ordered:
        placement = _place(sentence, ordered, placements, timeline, disciplinary_loss_days)
        parole_day, parole_rule = _parole_after(placement, placements, parole_day, parole_rule, timeline)
        placements[sentence.ident] = placement
    return _calculation(ordered, placements, timeline, disciplinary_loss_days, parole_day, parole_rule)


def _check_disciplinary_loss(days: int) -> None:
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DISCIPLINARY_LOSS_DAYS:
        raise DisciplinaryLossError(
            f"Perte de jours de réduction : {days!r} n'est pas permis (de 0 à 15 jours, art. 74 RALSCQ)"
        )


def _global_days(placements: dict[str, _Placement]) -> int:
    return max(p.last_day for p in placements.values())


def _place(
    sentence: Sentence,
    ordered: Sequence[Sentence],
    placements: dict[str, _Placement],
    timeline: Timeline,
    lost: int,
) -> _Placement:
    """Put one sentence after or alongside the earlier ones (« Peine concurrente », « Peine consécutive »)."""
    if sentence.consecutive_to and sentence.consecutive_to not in placements:
        raise UnknownSentenceError(
            f"Peine « {sentence.ident} » : la peine « {sentence.consecutive_to} » à laquelle elle est"
            " consécutive n'est pas une peine antérieure du dossier"
        )
    execution_day = timeline.day_of_date(sentence.starts_on, f"Peine « {sentence.ident} » (date de début)")
    if placements and not sentence.imposed_during_parole:
        released_on = timeline.date_of_day(release_day(_global_days(placements), lost))
        if sentence.starts_on > released_on:
            raise SentencesNotMergedError(
                f"Peine « {sentence.ident} » : elle commence après la libération probable du"
                f" {format_date_fr(released_on)}, elle ne se fusionne pas et se calcule séparément"
            )
    earlier = [s for s in ordered if s.ident in placements]
    concurrency = decide_concurrency(sentence, earlier)
    first_day = execution_day
    if concurrency.is_consecutive:
        first_day = max(first_day, max(placements[i].last_day for i in concurrency.follows) + 1)
    begins_on = timeline.date_of_day(first_day)
    conversion = sentence.length.to_days(begins_on)
    credit = apply_custody_credit(conversion, sentence.custody) if sentence.custody else None
    days = credit.sentence_imposed if credit else conversion.days
    last_day = first_day + days - 1
    placed = PlacedSentence(
        ident=sentence.ident,
        conversion=conversion,
        credit=credit,
        days=days,
        begins_on=begins_on,
        ends_on=timeline.date_of_day(last_day),
        concurrency=concurrency,
    )
    return _Placement(sentence, execution_day, first_day, last_day, placed)


def _parole_after(
    placement: _Placement,
    earlier: dict[str, _Placement],
    parole_day: "int | None",
    parole_rule: str,
    timeline: Timeline,
) -> tuple["int | None", str]:
    """The parole-eligibility day once this sentence joins the global sentence.

    Base rule: 1/3 of the global sentence, which for a consecutive C.cr. sentence imposed
    *before* the first one's eligibility is the same as 1/3 of each. Exception: a consecutive
    C.cr. sentence imposed *after* that date — the person must serve 1/3 of the new sentence
    from the execution of the warrant, even if it is under 6 months (art. 120.1 LSCMLSC).
    """
    sentence = placement.sentence
    merged = {**earlier, sentence.ident: placement}
    total = _global_days(merged)
    eligible_before = parole_day is not None and timeline.date_of_day(parole_day) < sentence.starts_on
    if (
        sentence.statute is Statute.CRIMINAL_CODE
        and placement.placed.concurrency.is_consecutive
        and eligible_before
    ):
        third, arithmetic = completed_fraction(placement.placed.days, 3)
        day = placement.execution_day + third - 1
        return day, (
            f"peine consécutive « {sentence.ident} » imposée le {format_date_fr(sentence.starts_on)}, après"
            f" l'admissibilité du {format_date_fr(timeline.date_of_day(parole_day))} :"
            f" {arithmetic} de la nouvelle"
            f" peine, compté dès l'exécution du mandat (jour {placement.execution_day}) : {day}e jour de la"
            f" peine globale ({CONSECUTIVE_PAROLE})"
        )
    if total < months_in_days(timeline.origin, PAROLE_THRESHOLD_MONTHS):
        return parole_day, parole_rule
    third, arithmetic = completed_fraction(total, 3)
    if parole_day is not None and parole_day > third:
        return parole_day, parole_rule
    rule = f"{arithmetic} de la peine globale ({PAROLE})"
    if sentence.statute is Statute.CRIMINAL_CODE and placement.placed.concurrency.is_consecutive and earlier:
        rule += (
            " ; peine consécutive imposée avant l'admissibilité : le tiers de chaque peine"
            f" ({CONSECUTIVE_PAROLE})"
        )
    return third, rule


def _calculation(
    ordered: Sequence[Sentence],
    placements: dict[str, _Placement],
    timeline: Timeline,
    lost: int,
    parole_day: "int | None",
    parole_rule: str,
) -> SentenceCalculation:
    total = _global_days(placements)
    complete = _milestone(
        timeline,
        "DSC",
        "Date de sentence complétée",
        total,
        f"dernier des {total} jours de la peine globale ({MULTIPLE_SENTENCES})",
    )
    for interruption in timeline.interruptions:
        if interruption.left_on > complete.on:
            raise ImpossibleDateError(
                f"Interruption ({interruption.kind.value}) : le départ du"
                f" {format_date_fr(interruption.left_on)}"
                " survient après la fin de la peine"
            )
    last = placements[ordered[-1].ident]
    jurisdiction, jurisdiction_rule = decide_jurisdiction(
        total, last.execution_day - 1, last.sentence.starts_on
    )
    provincial = jurisdiction is Jurisdiction.PROVINCIAL
    parole = None
    if provincial and parole_day is not None:
        parole = _milestone(
            timeline, "DLC", "Date d'admissibilité à la libération conditionnelle", parole_day, parole_rule
        )
    return SentenceCalculation(
        sentences=tuple(placements[s.ident].placed for s in ordered),
        begins_on=timeline.origin,
        global_days=total,
        global_rule_fr=(
            f"peine globale du {format_date_fr(timeline.origin)} au {format_date_fr(complete.on)} :"
            f" {total} jours comptés (art. 33 LSCQ, art. 139 LSCMLSC ; {MULTIPLE_SENTENCES})"
        ),
        jurisdiction=jurisdiction,
        jurisdiction_rule_fr=jurisdiction_rule,
        temporary_absence=_temporary_absence(timeline, total) if provincial else None,
        parole=parole,
        probable_release=_probable_release(timeline, total, lost) if provincial else None,
        sentence_complete=complete,
        federal_transfer=None if provincial else _federal_transfer(ordered[-1]),
    )


def _federal_transfer(last: Sentence) -> MilestoneDate:
    """The committal delay: transfer to the penitentiary on the 16th day after the sentence."""
    imposed = last.issue_date
    return MilestoneDate(
        "SCC",
        "Transfert au Service correctionnel du Canada",
        imposed + timedelta(days=FEDERAL_COMMITTAL_DELAY_DAYS + 1),
        None,
        f"délai d'écrou de {FEDERAL_COMMITTAL_DELAY_DAYS} jours après l'imposition du"
        f" {format_date_fr(imposed)}, sauf renonciation écrite : le 16e jour suivant ({TWO_YEARS_OR_MORE})",
    )


def _milestone(timeline: Timeline, code: str, label_fr: str, day: int, rule_fr: str) -> MilestoneDate:
    """Place the ``day``-th day on the calendar and say which interruptions moved it."""
    on = timeline.date_of_day(day)
    moved = "".join(f" ; reportée : {i.describe_fr()}" for i in timeline.interruptions_before(on))
    return MilestoneDate(code, label_fr, on, day, rule_fr + moved)


def _temporary_absence(timeline: Timeline, total: int) -> MilestoneDate:
    day, arithmetic = completed_fraction(total, 6)
    if total < months_in_days(timeline.origin, PAROLE_THRESHOLD_MONTHS):
        label = "Date d'admissibilité à une permission de sortir à des fins de réinsertion sociale"
        authority = SHORT_SENTENCE
    else:
        label = "Date d'admissibilité à une permission de sortir préparatoire à la libération conditionnelle"
        authority = PREPAROLE_ABSENCE
    return _milestone(timeline, "DPS", label, day, f"{arithmetic} ({authority})")


def _probable_release(timeline: Timeline, total: int, lost: int) -> MilestoneDate:
    day = release_day(total, lost)
    ceiling = total // 3
    rule = (
        f"réduction de peine d'un jour par deux jours purgés, au plus le tiers de {total} jours"
        f" = {ceiling} jours : {total} − {ceiling} = {total - ceiling}e jour ({REDUCTION})"
    )
    if lost:
        net = max(0, min(day // 2 - lost, ceiling))
        rule += (
            f" ; perte de {lost} jours de réduction : les jours repris donnent eux-mêmes droit à la"
            f" réduction, {day} jours purgés + {net} jours de réduction nets ({day // 2} gagnés − {lost}"
            f" perdus, au plus {ceiling}) = {day + net} : {day}e jour ({DISCIPLINE})"
        )
    return _milestone(timeline, "DLP", "Date de libération probable", day, rule)
