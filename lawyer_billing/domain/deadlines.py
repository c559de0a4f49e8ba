"""The billing deadlines of the 2008 legal-aid entente, and where each one stands today.

Each deadline is a small function named after the step it governs, citing its article, and
returning a frozen ``Deadline``. Every last day goes through ``calendar.period_end`` (CPP
art. 17: the starting day is not counted, the last day is, and a last day that is a Saturday
or a holiday moves to the next juridical day), with the holidays the user added (``extra``).
``deadline_status`` then says, for a given ``today``, whether the deadline is upcoming, due
soon, overdue, met or interrupted, and which reminders have fired.

``interim_billing_opportunities`` answers the related question of art. 16: which services not
yet billed may go on an interim statement now.
"""

from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum
from typing import Iterable

from lawyer_billing.domain.calendar import add_days, add_months, period_end

DEFAULT_REMINDERS = (60, 30, 7)


class DeadlineError(ValueError):
    """Dates that cannot describe the step whose deadline is asked (e.g. an answer before the
    notice it answers)."""


class DeadlineKind(StrEnum):
    FILING = "filing"  # art. 15
    PAYMENT = "payment"  # art. 15 and 17
    DISBURSEMENT_PAYMENT = "disbursement_payment"  # art. 19
    SPECIAL_CONSIDERATION = "special_consideration"  # T8
    DISPUTE = "dispute"  # art. 32-33
    CONCILIATORS_NAMED = "conciliators_named"  # art. 30
    CONCILIATION_MEETING = "conciliation_meeting"  # art. 31
    ARBITRATION = "arbitration"  # art. 35
    PENAL = "penal"  # Code of Penal Procedure periods (domain/tools/penal_deadlines.py)


@dataclass(frozen=True)
class AlternativeDue:
    """A last day that another reading of the article allows, with that reading in French."""

    due: date
    reading_fr: str


@dataclass(frozen=True)
class Deadline:
    """The last day to take one step, the day its period starts from, and why.

    ``interrupted_on`` is set when the period is interrupted (art. 33): ``due`` is then the day
    the period would have ended, shown for information only.
    """

    kind: DeadlineKind
    due: date
    article: str
    starts_on: date
    label_fr: str
    note_fr: str
    alternatives: tuple[AlternativeDue, ...] = ()
    interrupted_on: "date | None" = None


def filing_deadline(
    mandate_end: date, judgment_date: "date | None" = None, *, extra: Iterable[date] = ()
) -> Deadline:
    """Last day to send the statement of fees (art. 15, a "délai de rigueur": no extension).

    Art. 15: within 3 years after the end of the mandate; when the mandate ends by a
    judgment, "le délai de 3 ans court à compter du trentième jour qui suit la date du
    jugement". Reading implemented: the judgment day is day 0 and is not counted (CPP art. 17),
    so the 30th day following it is ``judgment + 30 days``; that 30th day is the day which
    marks the start of the 3 years, again not counted, so the period ends on its anniversary
    3 years later. The 30th day is a starting point, not a last day: it is not moved when it
    falls on a Saturday or a holiday; only the final day is.
    """
    if judgment_date is None:
        starts_on = mandate_end
        note = "Délai de rigueur : trois ans après la fin du mandat (art. 15)."
    else:
        if judgment_date > mandate_end:
            raise DeadlineError(
                "Le jugement qui met fin au mandat ne peut pas être postérieur à la fin du mandat."
            )
        starts_on = add_days(judgment_date, 30)
        note = (
            f"Délai de rigueur : trois ans à compter du trentième jour qui suit le jugement du "
            f"{judgment_date.isoformat()}, soit le {starts_on.isoformat()} (art. 15)."
        )
    return Deadline(
        kind=DeadlineKind.FILING,
        due=period_end(starts_on, years=3, extra=extra),
        article="entente art. 15",
        starts_on=starts_on,
        label_fr="Transmission du relevé d'honoraires",
        note_fr=note,
    )


def payment_due(
    received: date, *, disbursements: bool = False, extra: Iterable[date] = ()
) -> Deadline:
    """Last day for the legal-aid body to pay: 30 days after it received the statement.

    Art. 15 for a statement of fees, art. 19 for a separate statement of disbursements. The
    interest of art. 17 runs "30 jours après sa réception": it starts from this same due date.
    A refusal must also be notified within this period (art. 25).
    """
    if disbursements:
        kind, article, label = (
            DeadlineKind.DISBURSEMENT_PAYMENT,
            "entente art. 19",
            "Paiement de l'état des débours",
        )
    else:
        kind, article, label = DeadlineKind.PAYMENT, "entente art. 15", "Paiement du relevé d'honoraires"
    return Deadline(
        kind=kind,
        due=period_end(received, days=30, extra=extra),
        article=article,
        starts_on=received,
        label_fr=label,
        note_fr=(
            "Paiement, ou avis écrit et motivé de refus (art. 25), dans les 30 jours de la "
            "réception ; le montant impayé porte intérêt à compter de cette date (art. 17)."
        ),
    )


def special_consideration_deadline(statement_sent: date, *, extra: Iterable[date] = ()) -> Deadline:
    """Last day to ask for special consideration: within six months of sending the statement (T8).

    The request may also go with the statement itself; this is the latest day.
    """
    return Deadline(
        kind=DeadlineKind.SPECIAL_CONSIDERATION,
        due=period_end(statement_sent, months=6, extra=extra),
        article="entente annexe II art. T8",
        starts_on=statement_sent,
        label_fr="Demande de considération spéciale",
        note_fr=(
            "La demande accompagne le relevé d'honoraires ou suit dans les six mois de son "
            "envoi (art. T8)."
        ),
    )


@dataclass(frozen=True)
class Conciliation:
    """A conciliation asked under art. 29, as far as it has gone.

    ``requested_on`` is the day the written notice of art. 29 was received: art. 30 counts
    from the receipt, and it is also taken as the day of the interruption of art. 33 (the
    receipt is the later of the two days, so no interruption is assumed too early). When only
    the sending day is known, entering it gives earlier art. 30 and art. 31 dates.
    ``ended_on`` is the day the conciliation ended without agreement, if it has.
    """

    requested_on: date
    conciliators_named_on: "date | None" = None
    ended_on: "date | None" = None


@dataclass(frozen=True)
class DisputeDeadlines:
    """The deadline to submit a dispute (art. 32) and, when conciliation was asked, its steps."""

    dispute: Deadline
    conciliation_steps: tuple[Deadline, ...] = ()


def dispute_deadline(
    refusal_received: date,
    conciliation: "Conciliation | None" = None,
    *,
    extra: Iterable[date] = (),
) -> DisputeDeadlines:
    """Last day to submit a fee dispute: six months from receiving the refusal (art. 32).

    Art. 33: "Le recours à la conciliation interrompt la prescription de 6 mois." The entente
    does not say when the period runs again. Reading implemented, that of interruption in the
    civil law of prescription: interruption wipes out the time already run, and a new period of
    the same length (six months) starts when the conciliation ends without agreement. Until
    then the deadline is interrupted (``interrupted_on`` is set and ``due`` keeps the day the
    first period would have ended). A conciliation asked after the six months expired
    interrupts nothing.
    The conciliation steps are returned as deadlines of their own: the conciliators are named
    within 15 days of receiving the notice (art. 30) and meet within 30 days of being named
    (art. 31; until they are named, counted from the last day of art. 30).
    """
    original = Deadline(
        kind=DeadlineKind.DISPUTE,
        due=period_end(refusal_received, months=6, extra=extra),
        article="entente art. 32-33",
        starts_on=refusal_received,
        label_fr="Avis de différend (contestation d'honoraires)",
        note_fr="Six mois de la réception de l'avis de refus de paiement (art. 32).",
    )
    if conciliation is None:
        return DisputeDeadlines(original)
    steps = _conciliation_steps(refusal_received, conciliation, extra)
    if conciliation.requested_on > original.due:
        note = (
            "La conciliation a été demandée après l'expiration du délai de six mois : elle ne "
            "l'a pas interrompu (art. 33)."
        )
        return DisputeDeadlines(replace(original, note_fr=note), steps)
    if conciliation.ended_on is None:
        note = (
            f"Délai interrompu par la demande de conciliation du "
            f"{conciliation.requested_on.isoformat()} (art. 33) : un nouveau délai de six mois "
            f"courra à la fin de la conciliation."
        )
        return DisputeDeadlines(
            replace(original, note_fr=note, interrupted_on=conciliation.requested_on), steps
        )
    restarted = replace(
        original,
        due=period_end(conciliation.ended_on, months=6, extra=extra),
        starts_on=conciliation.ended_on,
        note_fr=(
            f"Nouveau délai de six mois à compter de la fin de la conciliation, le "
            f"{conciliation.ended_on.isoformat()} (art. 33)."
        ),
    )
    return DisputeDeadlines(restarted, steps)


def _conciliation_steps(
    refusal_received: date, conciliation: Conciliation, extra: Iterable[date]
) -> tuple[Deadline, ...]:
    """The art. 30 and art. 31 deadlines of a conciliation, after checking its dates' order."""
    requested = conciliation.requested_on
    if requested < refusal_received:
        raise DeadlineError(
            "La demande de conciliation ne peut pas précéder la réception de l'avis de refus."
        )
    for later, what in (
        (conciliation.conciliators_named_on, "La désignation des conciliateurs"),
        (conciliation.ended_on, "La fin de la conciliation"),
    ):
        if later is not None and later < requested:
            raise DeadlineError(f"{what} ne peut pas précéder la demande de conciliation.")
    naming = Deadline(
        kind=DeadlineKind.CONCILIATORS_NAMED,
        due=period_end(requested, days=15, extra=extra),
        article="entente art. 30",
        starts_on=requested,
        label_fr="Désignation des conciliateurs",
        note_fr=(
            "Le directeur général du centre régional et le bâtonnier de la section désignent "
            "chacun un avocat dans les 15 jours de la réception de l'avis (art. 30)."
        ),
    )
    named = conciliation.conciliators_named_on
    if named is None:
        meeting_start, counted = naming.due, "comptés depuis le dernier jour prévu à l'art. 30"
    else:
        meeting_start, counted = named, f"comptés depuis la désignation du {named.isoformat()}"
    meeting = Deadline(
        kind=DeadlineKind.CONCILIATION_MEETING,
        due=period_end(meeting_start, days=30, extra=extra),
        article="entente art. 31",
        starts_on=meeting_start,
        label_fr="Rencontre de conciliation",
        note_fr=(
            f"Les conciliateurs et l'avocat se rencontrent dans les 30 jours de leur désignation, "
            f"{counted} (art. 31)."
        ),
    )
    return (naming, meeting)


ARBITRATION_LABEL_FR = "Soumission du différend à l'arbitrage"


def arbitration_deadline(
    notice_sent: date, answer_received: "date | None" = None, *, extra: Iterable[date] = ()
) -> Deadline:
    """Last day to submit the dispute to arbitration (art. 35).

    Art. 35: if the answer does not satisfy the lawyer, "ou si aucune réponse ne lui est
    transmise dans les 30 jours de la soumission de l'avis de différend", the lawyer submits
    the dispute to arbitration "dans les 6 mois". With an answer received within the 30 days,
    the six months run from the answer. Without one, the text allows two readings, both
    returned in ``alternatives``: six months from the end of the 30 days (the day the silence
    opens the right to arbitrate, the more natural reading) or six months from the notice of
    dispute itself. ``due`` is the earlier of the two, so that no reminder comes too late for a
    step that cannot be taken afterwards. An answer received after the 30 days is treated as no
    answer: the right to arbitrate had already opened.
    """
    if answer_received is not None and answer_received < notice_sent:
        raise DeadlineError("La réponse ne peut pas précéder l'avis de différend auquel elle répond.")
    answer_window_end = period_end(notice_sent, days=30, extra=extra)
    if answer_received is not None and answer_received <= answer_window_end:
        return Deadline(
            kind=DeadlineKind.ARBITRATION,
            due=period_end(answer_received, months=6, extra=extra),
            article="entente art. 35",
            starts_on=answer_received,
            label_fr=ARBITRATION_LABEL_FR,
            note_fr="Six mois de la réponse du centre régional ou de la Commission (art. 35).",
        )
    from_notice = AlternativeDue(
        due=period_end(notice_sent, months=6, extra=extra),
        reading_fr="Six mois comptés depuis la soumission de l'avis de différend (lecture prudente).",
    )
    from_silence = AlternativeDue(
        due=period_end(answer_window_end, months=6, extra=extra),
        reading_fr=(
            f"Six mois comptés depuis la fin des 30 jours sans réponse, le "
            f"{answer_window_end.isoformat()}."
        ),
    )
    late = (
        "" if answer_received is None else " La réponse reçue après 30 jours ne fait pas repartir le délai."
    )
    return Deadline(
        kind=DeadlineKind.ARBITRATION,
        due=from_notice.due,
        article="entente art. 35",
        starts_on=notice_sent,
        label_fr=ARBITRATION_LABEL_FR,
        note_fr=(
            "Aucune réponse dans les 30 jours de l'avis de différend : l'art. 35 permet deux "
            "lectures ; la date retenue est la plus hâtive." + late
        ),
        alternatives=(from_notice, from_silence),
    )


class DeadlineState(StrEnum):
    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET = "met"
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class Status:
    """Where a deadline stands on a given day.

    ``days_left`` counts calendar days from today to the due date (negative once overdue);
    ``reminders_reached`` lists the reminder lead times (in days) already reached, largest first;
    ``met_late`` says the step was taken after the due date.
    """

    state: DeadlineState
    days_left: int
    reminders_reached: tuple[int, ...] = ()
    met_late: bool = False


def deadline_status(
    deadline: Deadline,
    today: date,
    met_on: "date | None" = None,
    reminders: Iterable[int] = DEFAULT_REMINDERS,
) -> Status:
    """The state of ``deadline`` on ``today``.

    - met: the step was taken (``met_on``), whatever the day; ``met_late`` if after the due date;
    - interrupted: the period is interrupted (art. 33) since a day on or before today;
    - overdue: today is after the due date;
    - due soon: from the largest reminder lead time before the due date up to the due date
      itself (with no reminders, only on the due date);
    - upcoming: before that.
    A reminder of ``n`` days is reached once ``n`` or fewer days are left.
    """
    leads = sorted(set(reminders), reverse=True)
    if any(lead < 0 for lead in leads):
        raise DeadlineError("Un rappel se donne un nombre de jours positif ou nul avant l'échéance.")
    days_left = (deadline.due - today).days
    if met_on is not None:
        return Status(DeadlineState.MET, days_left, met_late=met_on > deadline.due)
    if deadline.interrupted_on is not None and deadline.interrupted_on <= today:
        return Status(DeadlineState.INTERRUPTED, days_left)
    reached = tuple(lead for lead in leads if days_left <= lead)
    if days_left < 0:
        state = DeadlineState.OVERDUE
    elif days_left <= (leads[0] if leads else 0):
        state = DeadlineState.DUE_SOON
    else:
        state = DeadlineState.UPCOMING
    return Status(state, days_left, reached)


class InterimBasis(StrEnum):
    READY_FOR_HEARING = "ready_for_hearing"  # art. 16, cause en état au 30 juin
    TWELVE_MONTHS = "twelve_months"  # art. 16, services rendus depuis 12 mois
    PERSONAL_INFORMATION_FORM = "personal_information_form"  # art. 16 and T219


@dataclass(frozen=True)
class InterimFinding:
    """Services that may go on an interim statement now, on one ground of art. 16."""

    basis: InterimBasis
    service_dates: tuple[date, ...]
    article: str
    message_fr: str


def last_june_30(today: date) -> date:
    """The most recent 30 June on or before ``today`` (the date art. 16 looks at)."""
    this_year = date(today.year, 6, 30)
    return this_year if this_year <= today else date(today.year - 1, 6, 30)


def interim_billing_opportunities(
    today: date,
    unbilled_service_dates: Iterable[date],
    *,
    ready_for_hearing_at_june_30: bool = False,
    pif_prepared_on: Iterable[date] = (),
) -> tuple[InterimFinding, ...]:
    """What may be billed now on an interim statement (art. 16), one finding per ground.

    Art. 16 allows an interim statement for:
    - services rendered in a case ready for hearing ("en état") at 30 June of a year: read as
      the services rendered up to that 30 June (the most recent one; later services wait for
      the next 30 June, the 12-month ground or the final statement);
    - services "rendus depuis 12 mois": read as services rendered 12 months or more ago
      (the same day number 12 months later has come), since the other reading ("within the
      last 12 months") would allow an interim statement at any time and empty the 30 June rule;
    - the preparation of the personal information forms of T219, at any time.
    ``pif_prepared_on`` are the days T219 forms were prepared and not yet billed. A service
    may be covered by more than one ground; each finding lists it. No finding: nothing may be
    billed on an interim statement now.
    """
    services = tuple(sorted(set(unbilled_service_dates)))
    forms = tuple(sorted(set(pif_prepared_on)))
    if any(d > today for d in services + forms):
        raise DeadlineError("Un service non facturé ne peut pas être daté après aujourd'hui.")
    findings = []
    june_30 = last_june_30(today)
    ready = tuple(d for d in services if d <= june_30) if ready_for_hearing_at_june_30 else ()
    if ready:
        findings.append(
            InterimFinding(
                InterimBasis.READY_FOR_HEARING,
                ready,
                "entente art. 16",
                f"Cause en état au {june_30.isoformat()} : {len(ready)} service(s) rendu(s) "
                f"jusqu'à cette date peuvent faire l'objet d'un compte intérimaire (art. 16).",
            )
        )
    old = tuple(d for d in services if add_months(d, 12) <= today)
    if old:
        findings.append(
            InterimFinding(
                InterimBasis.TWELVE_MONTHS,
                old,
                "entente art. 16",
                f"{len(old)} service(s) rendu(s) depuis au moins 12 mois (le plus ancien le "
                f"{old[0].isoformat()}) peuvent faire l'objet d'un compte intérimaire (art. 16).",
            )
        )
    if forms:
        findings.append(
            InterimFinding(
                InterimBasis.PERSONAL_INFORMATION_FORM,
                forms,
                "entente art. 16 et T219",
                f"Préparation de {len(forms)} formulaire(s) de renseignements personnels (T219) : "
                f"peut faire l'objet d'un compte intérimaire en tout temps (art. 16).",
            )
        )
    return tuple(findings)
