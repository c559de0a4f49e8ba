"""The ``lawyer`` and ``statement`` objects of a compute scenario, read for ``lawyer-billing
statement``: the relevé's letterhead, its header and its disbursements (art. 19).

The scenario itself is read by ``domain/scenario.py``; this module reads the two objects that
``compute`` accepts and ignores, with the same field readers, so the rules (texts, dates,
amounts as strings) and the messages (``lawyer.name: champ obligatoire absent``) are the same.
Every problem of both parts is reported together, in one ``ScenarioError``.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any

from lawyer_billing.domain.compute import Computation, PriceServices, compute
from lawyer_billing.domain.pricing import price_services
from lawyer_billing.domain.scenario import (
    INVALID,
    Field,
    Problem,
    Scenario,
    ScenarioError,
    ScenarioReader,
    incomplete,
    parse_document,
    scenario_from_document,
)
from lawyer_billing.domain.statement import (
    Disbursement,
    Letterhead,
    Office,
    Statement,
    StatementError,
    StatementHeader,
    StatementType,
    statement_from_computation,
    tax_rates_for,
)
from lawyer_billing.domain.tariff import shipped_tariff

STATEMENT_TYPES = {kind.value: kind for kind in StatementType}


@dataclass(frozen=True)
class StatementScenario:
    """A scenario with what its relevé prints besides the computed lines. ``logo_file`` is the
    ``lawyer.logo`` path as written: the command reads the image (relative to the scenario's
    file) and puts its bytes in ``lawyer``, since reading a file is no part of reading JSON."""

    scenario: Scenario
    lawyer: Letterhead
    header: StatementHeader
    disbursements: tuple[Disbursement, ...]
    logo_file: str | None = None


def read_statement_scenario(text: str, default_today: date) -> StatementScenario:
    """The scenario in the JSON ``text`` with its ``lawyer`` and ``statement`` objects.

    ``statement.date`` defaults to the scenario's ``settings.today`` (itself ``default_today``
    when absent). Raises ``ScenarioError`` with every problem found; raises nothing else.
    """
    document = parse_document(text)
    problems: list[Problem] = []
    scenario = None
    try:
        scenario = scenario_from_document(document, default_today)
    except ScenarioError as error:
        problems += error.problems
    if not isinstance(document, dict):
        raise ScenarioError(problems)
    reader = _StatementReader()
    today = scenario.settings.today if scenario else default_today
    mandates = reader.ids(document.get("mandates"))
    lawyer, logo_file = reader.lawyer(document.get("lawyer"))
    header, disbursements = reader.statement(document.get("statement"), today, mandates)
    if lawyer is not None and header is not None:
        reader.taxes_known(lawyer, header.date)
    problems += reader.problems
    if problems or scenario is None:
        raise ScenarioError(problems)
    return StatementScenario(scenario, lawyer, header, disbursements, logo_file)


def build_statement(read: StatementScenario, price: PriceServices = price_services) -> tuple[Statement, Computation]:
    """The relevé of a read scenario, with the computation it comes from (for its findings)."""
    computation = compute(read.scenario, price)
    statement = statement_from_computation(
        read.scenario, computation, read.lawyer, read.header, shipped_tariff(), read.disbursements
    )
    return statement, computation


class _StatementReader(ScenarioReader):
    """The scenario's field readers, with the objects of the relevé."""

    def lawyer(self, value: object) -> tuple[Any, str | None]:
        """The letterhead without its logo, and the logo's path as written (``None`` without)."""
        read = self.fields({} if value is None else value, "lawyer", {
            "name": Field(self.read_identifier, required=True),
            "address": Field(self.read_lines, default=()),
            "barreau_number": Field(self.read_text, default=""),
            "csj_number": Field(self.read_text, default=""),
            "gst_number": Field(self.read_text),
            "qst_number": Field(self.read_text),
            "district": Field(self.read_text, default=""),
            "logo": Field(self.read_identifier),
        })
        if incomplete(read):
            return None, None
        read = {key: value.strip() if isinstance(value, str) else value for key, value in read.items()}
        logo_file = read.pop("logo")
        return Letterhead(**read), logo_file

    def statement(self, value: object, today: date, mandates: set[str]) -> tuple[Any, tuple[Disbursement, ...]]:
        path = "statement"
        read = self.fields({} if value is None else value, path, {
            "number": Field(self.read_identifier, required=True),
            "type": Field(self.choice(STATEMENT_TYPES), default=StatementType.FINAL),
            "supplements": Field(self.read_identifier),
            "office": Field(self.office),
            "date": Field(self.read_date, default=today),
            "disbursements": Field(self.list_of(lambda v, p: self.disbursement(v, p, mandates)), default=[]),
        })
        if incomplete(read):
            return None, ()
        kind, supplements = read["type"], read["supplements"]
        if kind is StatementType.SUPPLEMENTARY and supplements is None:
            self.fail(f"{path}.supplements", "obligatoire pour un relevé supplémentaire : le numéro du relevé complété")
            return None, ()
        if kind is not StatementType.SUPPLEMENTARY and supplements is not None:
            self.fail(f"{path}.supplements", f"seul un relevé de type « supplementary » en complète un autre, "
                      f"pas un relevé « {kind.value} »")
            return None, ()
        try:
            header = StatementHeader(read["number"].strip(), kind, read["date"], read["office"], supplements)
        except StatementError as error:  # pragma: no cover - the checks above come first
            self.fail(path, str(error))
            return None, ()
        return header, tuple(read["disbursements"])

    def taxes_known(self, lawyer: Letterhead, on: date) -> None:
        """A registered lawyer's relevé needs the GST and QST rates of its date."""
        try:
            tax_rates_for(lawyer, on)
        except StatementError as error:
            self.fail("statement.date", f"{error} Le relevé d'un avocat inscrit aux taxes ne peut pas porter cette date.")

    def office(self, value: object, path: str) -> Any:
        read = self.fields(value, path, {
            "name": Field(self.read_identifier, required=True),
            "address": Field(self.read_lines, default=()),
        })
        if incomplete(read):
            return INVALID
        return Office(read["name"].strip(), read["address"])

    def disbursement(self, value: object, path: str, mandates: set[str]) -> Any:
        read = self.fields(value, path, {
            "date": Field(self.read_date, required=True),
            "description": Field(self.read_identifier, required=True),
            "amount": Field(self.read_money, required=True),
            "receipt": Field(self.read_text, default=""),
            "mandate": Field(self.reference(mandates), default=""),
        })
        if incomplete(read):
            return INVALID
        return Disbursement(read["date"], read["description"], read["amount"], read["receipt"], read["mandate"])

    def read_lines(self, value: object, path: str) -> Any:
        """An address: one text, or a list of texts, one per printed line."""
        if isinstance(value, str):
            text = self.read_text(value, path)
            return INVALID if text is INVALID else (text,)
        lines = self.list_of(self.read_text)(value, path)
        return INVALID if lines is INVALID else tuple(lines)

