"""Log a day in court: one attendance per client or mandate seen that day, priced together.

The rules that make a day's amounts compare the day's lines with each other: T98 halves every
information of a client but the best paid when tried (or pleading guilty) in the same court
the same day, T99 halves the other co-accused heard at about the same time, T96 halves a
"par jour" fee for half a day. So ``preview_day`` prices the typed rows together with the
services already stored for that day and with the rest of the work of the same mandates (the
counts of a matter), and returns every line of the day with the rules that applied; the
amount of an attendance stored earlier can change when a row is added, and the preview says
so. ``save_day`` stores every row in one unit of work with an audit event each, or none, and
names each problem by row and field (``rows[2].code``).
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time
from decimal import Decimal

from lawyer_billing.domain.billing import PricedLine
from lawyer_billing.domain.mandate import Mandate
from lawyer_billing.domain.money import ZERO
from lawyer_billing.domain.pricing import price_services
from lawyer_billing.domain.record_facts import service_facts
from lawyer_billing.domain.service import Disposition, Service
from lawyer_billing.domain.tariff import Tariff, TariffError, UnknownCodeError, normalise_code
from lawyer_billing.domain.validation import FieldProblem, raise_if_any
from lawyer_billing.services.stored_scenario import stored_scenario
from lawyer_billing.services.tariff_overlay import current_tariff
from lawyer_billing.storage.audit_trail import AuditTrail
from lawyer_billing.storage.mandate_detail import mandates_with_services_on, pricing_neighbours
from lawyer_billing.storage.repositories import MandateRepository, ServiceRepository
from lawyer_billing.storage.unit_of_work import UnitOfWork

#: the kinds of tariff records that are not billed themselves (a rule, a heading)
_NOT_BILLED = frozenset({"rule", "group"})


@dataclass(frozen=True)
class Attendance:
    """One row of the day: a mandate, the item billed and how the attendance went."""

    mandate_id: int | None
    code: str
    start: time | None = None
    end: time | None = None
    disposition: Disposition | None = None
    co_accused_group: str = ""

    @property
    def blank(self) -> bool:
        return self.mandate_id is None and not self.code.strip() and self.start is None and self.end is None \
            and self.disposition is None and not self.co_accused_group.strip()


@dataclass(frozen=True)
class CourtDay:
    day: date
    court: str
    room: str
    attendances: tuple[Attendance, ...]


@dataclass(frozen=True)
class DayLine:
    """A line of the day: a typed row (``row``) or a service stored earlier (``service``)."""

    mandate: Mandate
    priced: PricedLine
    row: int | None = None
    service: Service | None = None


@dataclass(frozen=True)
class DayPreview:
    lines: tuple[DayLine, ...]
    problems: tuple[FieldProblem, ...]

    def for_row(self, row: int) -> DayLine | None:
        return next((line for line in self.lines if line.row == row), None)

    @property
    def stored(self) -> tuple[DayLine, ...]:
        return tuple(line for line in self.lines if line.service is not None)

    @property
    def total(self) -> Decimal:
        return sum((line.priced.amount for line in self.lines if line.priced.amount is not None), ZERO)


@dataclass(frozen=True)
class ItemChoice:
    """A tariff item offered while typing a code, with its figure for the date that governs."""

    code: str
    label_fr: str
    label_en: str
    amount: Decimal | None


def item_choices(tariff: Tariff, text: str, on: date, limit: int = 30) -> list[ItemChoice]:
    """The billable items whose code starts with ``text`` or whose label holds its words,
    with their amount for a mandate issued ``on`` (art. 53; ``None``: a class or a figure to enter)."""
    choices = []
    for item in tariff.search(text):
        if item.kind in _NOT_BILLED:
            continue
        try:
            amount = tariff.amount(item.code, on) if item.has_figure and not item.classes else None
        except TariffError:
            amount = None
        choices.append(ItemChoice(item.code, item.label_fr, item.label_en, amount))
        if len(choices) == limit:
            break
    return choices


def preview_day(uow: UnitOfWork, court_day: CourtDay, today: date, tariff: Tariff | None = None) -> DayPreview:
    """Every line of the day priced together, and the problems of the rows as typed. Never
    raises on a row: a row that cannot be priced (no mandate, an unknown code) has no line."""
    tariff = tariff or current_tariff(uow)
    mandates = _mandates(uow, court_day)
    problems, rows = _checked_rows(court_day, mandates, tariff)
    ids = {attendance.mandate_id for attendance in rows.values()} | mandates_with_services_on(uow.session, court_day.day)
    records, scenario = stored_scenario(uow, today, pricing_neighbours(uow.session, ids))
    known = {m.id: m for m in records.mandates}
    typed = tuple(
        replace(service_facts(_service(court_day, attendance)), id=f"ligne {index + 1}")
        for index, attendance in rows.items()
    )
    pricing = price_services(scenario.services + typed, {m.id: m for m in scenario.mandates}, tariff)
    stored_on_day = {str(s.id): s for s in records.services if s.rendered_on == court_day.day}
    row_of = {f"ligne {index + 1}": index for index in rows}
    lines = []
    for priced in pricing.lines:
        if priced.service in row_of:
            index = row_of[priced.service]
            lines.append(DayLine(known[rows[index].mandate_id], priced, row=index))
        elif priced.service in stored_on_day:
            service = stored_on_day[priced.service]
            lines.append(DayLine(known[service.mandate_id], priced, service=service))
    lines.sort(key=_day_order)
    return DayPreview(tuple(lines), tuple(problems))


def save_day(
    uow: UnitOfWork, court_day: CourtDay, *, user: str, now: datetime, tariff: Tariff | None = None
) -> tuple[Service, ...]:
    """Store every non-blank row as a service of its mandate, each with its audit event, in
    one commit; ``InvalidRecord`` naming every problem (and nothing stored) otherwise."""
    problems, rows, mandates = _checked_day(uow, court_day, tariff or current_tariff(uow))
    raise_if_any(problems)
    repository, trail = ServiceRepository(uow.session), AuditTrail(uow.session)
    saved = []
    for attendance in rows.values():
        service = repository.add(_service(court_day, attendance))
        mandate = mandates[attendance.mandate_id]
        trail.record_change(
            now, user, "create", "service", service.id,
            f"Journée d'audience du {court_day.day.isoformat()} : service {service.code} (mandat {mandate.number})",
            None,
        )
        saved.append(service)
    uow.commit()
    return tuple(saved)


def day_problems(uow: UnitOfWork, court_day: CourtDay, tariff: Tariff | None = None) -> list[FieldProblem]:
    """Everything ``save_day`` would refuse in ``court_day``, without saving anything (so that
    a form can show these problems with its own, all at once)."""
    return _checked_day(uow, court_day, tariff or current_tariff(uow))[0]


def _checked_day(
    uow: UnitOfWork, court_day: CourtDay, tariff: Tariff
) -> tuple[list[FieldProblem], dict[int, Attendance], dict[int, Mandate]]:
    mandates = _mandates(uow, court_day)
    problems, rows = _checked_rows(court_day, mandates, tariff)
    if not court_day.court.strip():
        problems.insert(0, FieldProblem("court", "Indiquez la cour : T98 et T99 comparent la cour des présences."))
    if not rows and not problems:
        problems.append(FieldProblem("rows", "Ajoutez au moins une présence avant d'enregistrer la journée."))
    return problems, rows, mandates


def _mandates(uow: UnitOfWork, court_day: CourtDay) -> dict[int, Mandate]:
    repository = MandateRepository(uow.session)
    found = {}
    for attendance in court_day.attendances:
        if attendance.mandate_id is not None and attendance.mandate_id not in found:
            mandate = repository.get(attendance.mandate_id)
            if mandate is not None:
                found[mandate.id] = mandate
    return found


def _checked_rows(
    court_day: CourtDay, mandates: dict[int, Mandate], tariff: Tariff
) -> tuple[list[FieldProblem], dict[int, Attendance]]:
    """Every problem of the rows, and the rows that are complete, their code in the tariff's spelling."""
    problems, rows = [], {}
    for index, attendance in enumerate(court_day.attendances):
        if attendance.blank:
            continue
        field = f"rows[{index}]."
        row_problems = []
        if attendance.mandate_id is None:
            row_problems.append(FieldProblem(field + "mandate", "Choisissez le mandat (nom du client ou numéro)."))
        elif attendance.mandate_id not in mandates:
            row_problems.append(FieldProblem(field + "mandate", "Ce mandat n'existe plus : choisissez-en un autre."))
        code = attendance.code
        if not code.strip():
            row_problems.append(FieldProblem(field + "code", "Indiquez l'article du tarif (ex. T127)."))
        else:
            try:
                code = normalise_code(code, tariff)
            except UnknownCodeError as error:
                row_problems.append(FieldProblem(field + "code", str(error)))
        if attendance.start is not None and attendance.end is not None and attendance.end <= attendance.start:
            row_problems.append(FieldProblem(field + "end", "L'heure de fin doit suivre l'heure de début."))
        problems += row_problems
        if not row_problems:
            rows[index] = Attendance(attendance.mandate_id, code, attendance.start, attendance.end,
                                     attendance.disposition, attendance.co_accused_group.strip())
    return problems, rows


def _service(court_day: CourtDay, attendance: Attendance) -> Service:
    return Service(
        mandate_id=attendance.mandate_id,
        code=attendance.code,
        rendered_on=court_day.day,
        start=attendance.start,
        end=attendance.end,
        court=court_day.court.strip(),
        room=court_day.room.strip(),
        disposition=attendance.disposition,
        co_accused_group=attendance.co_accused_group or None,
    )


def _day_order(line: DayLine) -> tuple:
    """The typed rows in their order, then the stored services by start time."""
    if line.row is not None:
        return (0, line.row, time(), 0)
    return (1, 0, line.service.start or time(), line.service.id)
