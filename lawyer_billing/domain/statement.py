"""What a relevé d'honoraires shows, as frozen values: the model the PDF, the Excel workbook and
the window all print from.

A ``Statement`` holds the lawyer's letterhead, the header (number, type, printed date, the
legal-aid office it is addressed to), the mandates it bills, one ``StatementLine`` per service
priced under annex II (art. 18: the services « selon la nomenclature du tarif »), the
disbursements (art. 19), the trips (art. 20) and the sales-tax rates when the lawyer is
registered. Its ``totals`` are computed in one place, ``statement_totals``, from amounts that
are already in cents, so every figure printed sums exactly to the cent.

The model does not know where its values come from: ``statement_from_computation`` builds it
from a ``compute`` scenario, and the window builds the same object from the lines stored with
a statement. The printed date is a field, never the clock.

Sales taxes (the reading documented in ``docs/statement-format.md``): a lawyer registered for
the GST and the QST charges them on what the legal-aid plan pays for the lawyer's own supply,
the fees (after the art. 22 reduction, which lowers the consideration) and the travel
allowance of art. 20 (the Treasury Board's directive even sets a lower km rate for registrants
because the taxes are added to it). The disbursements of art. 19 (experts, bailiffs,
registered mail) are reimbursed at cost as the supplier invoiced them, taxes included, so no
tax is added on them. The rates are those in force on the statement's date: the taxes become
payable when the consideration is due, on the statement (Excise Tax Act s. 152 and 168;
Quebec Sales Tax Act s. 81 and 83).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cached_property

from lawyer_billing.domain.billing import MandateFacts
from lawyer_billing.domain.cap import fiscal_year_of
from lawyer_billing.domain.compute import Computation
from lawyer_billing.domain.dated import DatedValues
from lawyer_billing.domain.money import CENT, ZERO, round_cents
from lawyer_billing.domain.profile import LawyerProfile, address_lines
from lawyer_billing.domain.rates import SalesTaxRates, load_sales_tax_rates, sales_taxes
from lawyer_billing.domain.scenario import Scenario
from lawyer_billing.domain.tariff import Tariff, UnknownCodeError


class StatementError(ValueError):
    """A statement that cannot be printed as it is; the message says what to change, in French."""


class StatementType(Enum):
    """Art. 16: a relevé is an interim or a final account; a supplementary one corrects a
    finalized statement, which never changes once sent."""

    INTERIM = "interim"
    FINAL = "final"
    SUPPLEMENTARY = "supplementary"

    @property
    def label_fr(self) -> str:
        return _TYPE_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _TYPE_LABELS[self][1]


_TYPE_LABELS = {
    StatementType.INTERIM: ("Compte intérimaire", "Interim account"),
    StatementType.FINAL: ("Compte final", "Final account"),
    StatementType.SUPPLEMENTARY: ("Compte supplémentaire", "Supplementary account"),
}


@dataclass(frozen=True)
class Letterhead:
    """The lawyer as the relevé names them. ``address`` is one entry per printed line;
    ``logo`` the bytes of a PNG or JPEG image printed at the top, if any (the image itself
    rather than a path: the profile keeps it in the database, for every workstation)."""

    name: str
    address: tuple[str, ...] = ()
    barreau_number: str = ""
    #: the lawyer's number at the Commission des services juridiques
    csj_number: str = ""
    gst_number: str | None = None
    qst_number: str | None = None
    #: the judicial district of the office
    district: str = ""
    logo: bytes | None = field(default=None, repr=False)

    @classmethod
    def from_profile(cls, profile: LawyerProfile) -> "Letterhead":
        """The lawyer of the settings as the relevé and the letters name them: the address one
        entry per line, a tax number left empty as none (not registered for that tax), the logo
        as stored."""
        return cls(
            name=profile.name, address=address_lines(profile.address), barreau_number=profile.barreau_number,
            csj_number=profile.csj_number, gst_number=profile.gst_number or None,
            qst_number=profile.qst_number or None, district=profile.office_district, logo=profile.logo or None,
        )

    @property
    def registered(self) -> bool:
        """Registered for at least one sales tax: the relevé then shows the taxes."""
        return bool(self.gst_number) or bool(self.qst_number)


@dataclass(frozen=True)
class Office:
    """The legal-aid office (centre, bureau or the Commission) the relevé is addressed to."""

    name: str
    address: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatementHeader:
    """Number, type and printed date; ``supplements`` is the number of the statement a
    supplementary one corrects, and only a supplementary one has it."""

    number: str
    type: StatementType
    date: date
    office: Office | None = None
    supplements: str | None = None

    def __post_init__(self) -> None:
        if not self.number.strip():
            raise StatementError("Le relevé doit avoir un numéro.")
        if self.type is StatementType.SUPPLEMENTARY and not self.supplements:
            raise StatementError("Un relevé supplémentaire doit nommer le relevé qu'il complète.")
        if self.type is not StatementType.SUPPLEMENTARY and self.supplements:
            raise StatementError(
                f"Seul un relevé supplémentaire complète un autre relevé (type : {self.type.label_fr})."
            )


@dataclass(frozen=True)
class MandateEntry:
    """A mandate billed by the relevé: its number, the beneficiary and the court or district."""

    number: str
    beneficiary: str
    court: str = ""


@dataclass(frozen=True)
class RuleNote:
    """A rule of annex II that changed or fixed a line's amount (``"T98"``) and why, in French."""

    code: str
    explanation: str


@dataclass(frozen=True)
class StatementLine:
    """One service billed (art. 18): its tariff item, French label, units, the tariff's amount
    for those units (``PricedLine.tariff_amount``: 120 pages of T101 give 12.00, not the 0.10 $
    of a page; ``None`` when the tariff has none), the rules applied and the amount claimed.

    ``cap_reduction`` is the line's share of the art. 22 reduction, printed once in the totals.
    """

    date: date
    code: str
    label: str
    units: int
    tariff_amount: Decimal | None
    amount: Decimal
    mandate: str
    rules: tuple[RuleNote, ...] = ()
    cap_reduction: Decimal = ZERO

    def __post_init__(self) -> None:
        _check_cents(f"ligne {self.code} du {self.date.isoformat()}", self.amount, self.cap_reduction)


@dataclass(frozen=True)
class Disbursement:
    """Art. 19: an expense of the mandate (expert, bailiff, registered mail), with the reference
    of its receipt."""

    date: date
    description: str
    amount: Decimal
    receipt: str = ""
    mandate: str = ""

    def __post_init__(self) -> None:
        _check_cents(f"débours du {self.date.isoformat()}", self.amount)


@dataclass(frozen=True)
class TravelEntry:
    """Art. 20: a trip, the km paid at ``rate`` dollars per km, the parking, and the amount
    (allowance plus parking, after the caps of art. 20)."""

    date: date
    km: Decimal
    rate: Decimal
    parking: Decimal
    amount: Decimal
    mandate: str = ""

    def __post_init__(self) -> None:
        _check_cents(f"déplacement du {self.date.isoformat()}", self.amount, self.parking)


@dataclass(frozen=True)
class StatementTotals:
    """Every total the relevé prints. ``taxable`` is what the taxes apply to: the fees after
    the art. 22 reduction plus the travel; ``total`` adds the taxes and the disbursements."""

    fees: Decimal
    cap_reduction: Decimal
    travel: Decimal
    taxable: Decimal
    gst: Decimal
    qst: Decimal
    disbursements: Decimal
    total: Decimal

    @property
    def fees_after_reduction(self) -> Decimal:
        return self.fees - self.cap_reduction

    @property
    def taxes(self) -> Decimal:
        return self.gst + self.qst


@dataclass(frozen=True)
class Statement:
    """A relevé d'honoraires, ready to print. ``tax_rates`` are the GST and QST rates in force
    on the header's date, ``None`` when the lawyer is not registered (see ``tax_rates_for``)."""

    letterhead: Letterhead
    header: StatementHeader
    mandates: tuple[MandateEntry, ...]
    lines: tuple[StatementLine, ...]
    disbursements: tuple[Disbursement, ...] = ()
    travel: tuple[TravelEntry, ...] = ()
    tax_rates: SalesTaxRates | None = None

    def __post_init__(self) -> None:
        if self.letterhead.registered and self.tax_rates is None:
            raise StatementError(
                "L'avocat est inscrit aux taxes : le relevé doit recevoir les taux de TPS et de TVQ en vigueur."
            )
        known = {mandate.number for mandate in self.mandates}
        for item in (*self.lines, *self.disbursements, *self.travel):
            if item.mandate and item.mandate not in known:
                raise StatementError(
                    f"Le mandat {item.mandate} du {item.date.isoformat()} n'est pas parmi les mandats du relevé."
                )

    @cached_property
    def totals(self) -> StatementTotals:
        return statement_totals(self)

    def disbursements_only(self) -> "Statement":
        """The same relevé reduced to its disbursements: the separate « état des débours » that
        art. 19 allows, paid within 30 days of its receipt. It lists the mandates its
        disbursements name (all of them when one names none)."""
        named = {item.mandate for item in self.disbursements}
        mandates = self.mandates if "" in named else tuple(m for m in self.mandates if m.number in named)
        return Statement(self.letterhead, self.header, mandates, (), self.disbursements, (), self.tax_rates)


def statement_totals(statement: Statement) -> StatementTotals:
    """The relevé's totals: the one place they are computed.

    Each amount is already in cents and each tax is rounded once, on the taxable total, so
    ``total`` is exactly fees - reduction + travel + GST + QST + disbursements.
    """
    fees = sum((line.amount for line in statement.lines), ZERO)
    reduction = sum((line.cap_reduction for line in statement.lines), ZERO)
    travel = sum((trip.amount for trip in statement.travel), ZERO)
    disbursements = sum((item.amount for item in statement.disbursements), ZERO)
    taxable = fees - reduction + travel
    gst = qst = ZERO
    rates, on = statement.tax_rates, statement.header.date
    if rates is not None:
        gst, qst = sales_taxes(taxable, on, DatedValues.of({on: rates}))
        if not statement.letterhead.gst_number:
            gst = ZERO
        if not statement.letterhead.qst_number:
            qst = ZERO
    total = taxable + gst + qst + disbursements
    return StatementTotals(fees, reduction, travel, taxable, gst, qst, disbursements, total)


def tax_rates_for(
    letterhead: Letterhead, on: date, table: DatedValues[SalesTaxRates] | None = None
) -> SalesTaxRates | None:
    """The GST and QST rates to print on a relevé dated ``on``: ``None`` when the lawyer is not
    registered; ``StatementError`` when no rate is known for the date."""
    if not letterhead.registered:
        return None
    rates = (table or load_sales_tax_rates()).at(on)
    if rates is None:
        raise StatementError(f"Aucun taux de TPS et de TVQ n'est connu pour le {on.isoformat()}.")
    return rates


# --- the summary of a period ---------------------------------------------------------------


@dataclass(frozen=True)
class SummaryRow:
    """The amounts of one group (a mandate, a month or a fiscal year), before taxes."""

    key: str
    fees: Decimal
    cap_reduction: Decimal
    travel: Decimal
    disbursements: Decimal

    @property
    def total(self) -> Decimal:
        return self.fees - self.cap_reduction + self.travel + self.disbursements


@dataclass(frozen=True)
class PeriodSummary:
    """Statements' amounts by mandate, by month (``"2024-06"``) and by fiscal year (1 April -
    31 March, ``"2024-2025"``), each dated by its service, trip or disbursement."""

    by_mandate: tuple[SummaryRow, ...]
    by_month: tuple[SummaryRow, ...]
    by_fiscal_year: tuple[SummaryRow, ...]


def summarise(statements: Iterable[Statement]) -> PeriodSummary:
    """Each grouping holds every amount once, so each sums to the statements' totals before taxes."""
    entries: list[tuple[date, str, str, Decimal]] = []
    for statement in statements:
        for line in statement.lines:
            entries.append((line.date, line.mandate, "fees", line.amount))
            entries.append((line.date, line.mandate, "cap_reduction", line.cap_reduction))
        entries += [(trip.date, trip.mandate, "travel", trip.amount) for trip in statement.travel]
        entries += [(item.date, item.mandate, "disbursements", item.amount) for item in statement.disbursements]

    def grouped(key_of) -> tuple[SummaryRow, ...]:
        sums: dict[str, dict[str, Decimal]] = {}
        for day, mandate, kind, amount in entries:
            group = sums.setdefault(key_of(day, mandate), dict.fromkeys(_SUMMARY_KINDS, ZERO))
            group[kind] += amount
        return tuple(SummaryRow(key, **sums[key]) for key in sorted(sums))

    return PeriodSummary(
        grouped(lambda day, mandate: mandate),
        grouped(lambda day, mandate: f"{day.year:04d}-{day.month:02d}"),
        grouped(lambda day, mandate: fiscal_year_of(day)),
    )


_SUMMARY_KINDS = ("fees", "cap_reduction", "travel", "disbursements")


# --- from a compute scenario ---------------------------------------------------------------


def statement_from_computation(
    scenario: Scenario,
    computation: Computation,
    lawyer: Letterhead,
    header: StatementHeader,
    tariff: Tariff,
    disbursements: Sequence[Disbursement] = (),
    tax_table: DatedValues[SalesTaxRates] | None = None,
) -> Statement:
    """The relevé of a computed scenario: one line per priced service, in order of date (input
    order on the same day), one entry per trip with an amount.

    Lines and trips without an amount are left out (the computation has a finding for each;
    ``unbilled`` lists them), since a relevé only claims figures.
    """
    services = {service.id: service for service in scenario.services}
    lines = []
    for line in computation.lines:
        if line.amount is None:
            continue
        priced, service = line.priced, services[line.priced.service]
        lines.append(StatementLine(
            date=service.date,
            code=priced.code,
            label=_label(tariff, priced.code),
            units=service.units,
            tariff_amount=None if priced.tariff_amount is None else round_cents(priced.tariff_amount),
            amount=line.amount,
            mandate=service.mandate,
            rules=tuple(RuleNote(rule.code, rule.explanation_fr) for rule in priced.rules),
            cap_reduction=line.cap_reduction or ZERO,
        ))
    lines.sort(key=lambda line: line.date)
    trips = {trip.id: trip for trip in scenario.travel}
    travel = sorted(
        (
            TravelEntry(
                date=trips[computed.travel].trip.date,
                km=computed.result.km_paid,
                rate=computed.result.rate,
                parking=round_cents(computed.result.parking),
                amount=round_cents(computed.result.amount),
                mandate=trips[computed.travel].mandate,
            )
            for computed in computation.travel
            if computed.result.amount is not None and computed.result.rate is not None
        ),
        key=lambda trip: trip.date,
    )
    return Statement(
        letterhead=lawyer,
        header=header,
        mandates=tuple(_mandate_entry(mandate, scenario) for mandate in scenario.mandates),
        lines=tuple(lines),
        disbursements=tuple(sorted(disbursements, key=lambda item: item.date)),
        travel=tuple(travel),
        tax_rates=tax_rates_for(lawyer, header.date, tax_table),
    )


def unbilled(computation: Computation) -> tuple[str, ...]:
    """In French, each service and trip of a computation that has no amount and is therefore
    left out of the relevé; empty when everything is billed."""
    return tuple(
        [f"service {line.priced.service} ({line.priced.code}) : aucun montant, ligne omise du relevé"
         for line in computation.lines if line.amount is None]
        + [f"déplacement {trip.travel} : aucun montant, omis du relevé"
           for trip in computation.travel if trip.result.amount is None or trip.result.rate is None]
    )


def _label(tariff: Tariff, code: str) -> str:
    try:
        return tariff.item(code).label_fr
    except (UnknownCodeError, KeyError):
        return ""


def _mandate_entry(mandate: MandateFacts, scenario: Scenario) -> MandateEntry:
    """The court is the first court named by the mandate's services, else its district."""
    courts = (s.court for s in scenario.services if s.mandate == mandate.id and s.court)
    return MandateEntry(mandate.id, mandate.client, next(courts, mandate.district))


def _check_cents(what: str, *amounts: Decimal) -> None:
    for amount in amounts:
        if not isinstance(amount, Decimal) or not amount.is_finite() or amount != amount.quantize(CENT):
            raise StatementError(f"Montant {amount!r} ({what}) : un montant du relevé s'exprime en cents.")

